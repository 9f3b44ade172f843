"""The Calendar pane: day, week, month and agenda views over a range-keyed model."""
