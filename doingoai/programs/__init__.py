"""Programmes and plans, their targets and tasks, reporting periods, progress reports and scores."""
