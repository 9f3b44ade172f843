"""Demo data: build.py orchestrates one generator module per domain over the vocabulary in data/."""
