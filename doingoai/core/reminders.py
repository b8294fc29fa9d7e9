"""The reminder job (đôn đốc): every app registers what it has to announce on a given day.

`python -m doingoai remind` (daily, from cron) and the background task both call `run`. Each source
returns (users, Message) pairs; `notify` makes every event reach each user once only.
"""

import datetime
from collections.abc import Callable, Iterable

from doingoai.core.notifications import Message, notify

Source = Callable[[datetime.date], Iterable[tuple[list, Message]]]
_sources: list[Source] = []


def register(source: Source) -> None:
    if source not in _sources:
        _sources.append(source)


def run(today: datetime.date) -> dict[str, int]:
    """Announce every event of `today`; returns the new notifications per source."""
    counts = {}
    for source in _sources:
        counts[source.__name__] = sum(notify(users, message) for users, message in source(today))
    return counts
