"""Documents: contracts, quotes, letters and labels made from the window."""
