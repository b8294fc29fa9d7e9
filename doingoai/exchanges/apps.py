from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    name = "doingoai.exchanges"
    label = "exchanges"
    verbose_name = _("Đoàn ra, đoàn vào, hội nghị quốc tế")

    def ready(self):
        from doingoai.core import search

        from . import services
        from .models import Conference, Delegation

        services.register_everywhere()
        search.register(
            Delegation,
            snippet=lambda d: f"{d.get_direction_display()} · {d.head_name} · {', '.join(d.country_names)}",
            list_url="exchanges:delegation_list",
        )
        search.register(Conference, snippet=lambda c: c.venue, list_url="exchanges:conference_list")
