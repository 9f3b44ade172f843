"""Pure functions and SQL aggregates: RFM, value pyramid, CLV, forecasts, service KPIs."""
