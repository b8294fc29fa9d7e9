"""The background job that checks and applies an uploaded trade file (django-tasks)."""

from django.utils import timezone
from django_tasks import task

from . import imports
from .choices import ImportState
from .models import TradeImport

# A file wrong throughout (another template, a shifted column) would otherwise store and show a
# million messages; the first thousand say what is wrong.
ERRORS_SHOWN = 1_000


@task()
def run_trade_import(import_id: int) -> str:
    """Check every row of the upload, then apply it whole or refuse it whole with its bad rows.
    The page polls the TradeImport row, so each step is saved as it is reached."""
    job = TradeImport.objects.select_related("uploaded_by").get(pk=import_id)
    try:
        with job.file.open("rb") as handle:
            table = imports.read_table(job.name, handle.read())
        _update(job, state=ImportState.CHECKING, total_rows=max(len(table) - 1, 0), done_rows=0)
        result = imports.check(table, progress=lambda done: _update(job, done_rows=done))
        if not result.ok:
            _update(
                job,
                state=ImportState.REFUSED,
                errors=result.errors[:ERRORS_SHOWN],
                counts={"bad_rows": len(result.errors)},
                finished_at=timezone.now(),
            )
            return job.state
        # Saving is one transaction (all or nothing), so it cannot report rows as it goes.
        _update(job, state=ImportState.SAVING, total_rows=len(result.rows), done_rows=len(result.rows))
        counts = imports.apply(result, job.uploaded_by)
        _update(job, state=ImportState.DONE, done_rows=len(result.rows), counts=counts, finished_at=timezone.now())
    except ValueError as error:
        # An unreadable file (not XLSX/CSV, not UTF-8, a damaged workbook) is the user's to fix.
        _update(
            job,
            state=ImportState.REFUSED,
            errors=[(1, str(error))],
            counts={"bad_rows": 1},
            finished_at=timezone.now(),
        )
    except Exception:
        _update(job, state=ImportState.FAILED, finished_at=timezone.now())
        raise
    return job.state


def _update(job: TradeImport, **values) -> None:
    """Save the job's progress at once (autocommit), so the polling page sees it."""
    for name, value in values.items():
        setattr(job, name, value)
    TradeImport.objects.filter(pk=job.pk).update(**values)
