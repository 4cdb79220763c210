"""Tandem: a coaching assistant for reverse-mentoring programmes."""

__version__ = "0.1.0"
