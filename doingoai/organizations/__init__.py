"""Agencies, agency groups, users and their roles."""
