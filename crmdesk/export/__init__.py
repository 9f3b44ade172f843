"""Word, Excel and PDF writers: take plain data, write one file atomically."""
