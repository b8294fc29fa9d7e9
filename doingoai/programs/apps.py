from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "doingoai.programs"
    label = "programs"
    verbose_name = _("Theo dõi thực hiện")

    def ready(self):
        from doingoai.core import reminders, search

        from .models import Program, ProgressReport, Target, Task
        from .services import queries

        reminders.register(queries.program_reminders)
        search.register(Program, snippet=lambda p: p.issuer, list_url="programs:program_list")
        search.register(
            Target,
            snippet=lambda t: f"{t.program.number or t.program.title} · {t.source_quote}",
            list_url="programs:target_list",
            select_related=("program",),
        )
        search.register(
            Task,
            title=lambda t: f"{t.number}. {t.title}" if t.number else t.title,
            snippet=lambda t: f"{t.program.number or t.program.title} · {t.lead_text} · {t.coordinating_text}",
            list_url="programs:task_list",
            select_related=("program",),
        )
        search.register(
            ProgressReport,
            title=lambda r: f"{r.task} – {r.agency}",
            snippet=lambda r: " ".join(filter(None, [r.narrative, r.difficulties, r.proposals])),
            select_related=("task", "agency", "period"),
        )
