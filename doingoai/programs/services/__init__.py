"""The monitoring rules and workflows.

- `rules`: the pure rules (deadlines from the due wording, task status, reporting periods, target
  trajectories, agency scores), tested by tables and hypothesis.
- `workflow`: applying them to records: saving tasks with their lead bodies, opening and closing
  periods, submitting, contributing to and reviewing progress reports, recording measurements.
- `queries`: what the pages and the API read: statuses, owed reports, scorecards, "Việc của tôi",
  reminders.
"""
