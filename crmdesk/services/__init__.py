"""Use cases in plain Python. Each takes a Session and leaves the transaction to its caller
(`with db.transaction() as session: ...`), so several compose into one all-or-nothing write."""
