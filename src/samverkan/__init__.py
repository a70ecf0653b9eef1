"""Samverkan: meetings, decisions and archive of regional collaboration networks."""

__version__ = "0.1.0"
