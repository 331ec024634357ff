"""footprint: a digital-footprint self-audit.

Find what the web shows about you, sort each result (work, private, old activism,
defunct publication, someone else with your name) and learn how to have it removed.
"""

__version__ = "0.1.0"
