"""Background jobs (django-tasks: the database backend and `db_worker` in production)."""

import datetime

from django_tasks import task

from doingoai.core import reminders


@task()
def send_reminders(day: str) -> dict[str, int]:
    """The daily reminders for `day` (ISO date), as a background job."""
    return reminders.run(datetime.date.fromisoformat(day))
