"""The Service pane: cases, the solutions base, surveys and the service figures."""
