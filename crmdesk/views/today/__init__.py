"""The Today page: the first screen of the day."""
