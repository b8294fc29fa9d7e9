from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "doingoai.programs"
    label = "programs"
    verbose_name = _("Theo dõi thực hiện")

    def ready(self):
        from doingoai.core import reminders

        from .services import queries

        reminders.register(queries.program_reminders)
