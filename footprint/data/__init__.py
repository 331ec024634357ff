"""Data files shipped with footprint."""
