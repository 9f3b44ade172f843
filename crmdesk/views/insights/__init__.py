"""The Insights pane: charts of customer value, loyalty, lifetime value, churn, targets."""
