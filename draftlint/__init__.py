"""draftlint: checks United Nations draft resolutions against UN editorial conventions."""

__version__ = "0.1.0"
