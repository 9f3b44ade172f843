"""The pipeline pane: a board of stages, a table of the same deals, an editor, the forecast."""
