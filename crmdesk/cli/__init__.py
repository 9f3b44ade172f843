"""The command line: one module per noun, each with `register(verbs)`, sharing `output`."""
