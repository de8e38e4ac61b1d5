"""PTDS Desktop: offline-first tool for Vietnamese civil-defence command boards."""

__version__ = "0.1.0"
