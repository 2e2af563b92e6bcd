"""Nämndrapport helpers: load, validate, compute, format and render nämnd reports.

Notebooks import from here; nothing in a notebook should need more than a few calls.
"""

__version__ = "0.1.0"
