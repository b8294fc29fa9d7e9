"""Shared machinery: base models, permissions, text rules, generic views and API."""
