from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "doingoai.cooperation"
    label = "cooperation"
    verbose_name = _("Hợp tác quốc tế")

    def ready(self):
        from doingoai.core import search

        from . import services
        from .models import Commitment, Mechanism, Meeting

        services.register_partner_sections()
        search.register(Mechanism, snippet=lambda m: m.get_level_display(), list_url="cooperation:mechanism_list")
        search.register(
            Meeting,
            snippet=lambda m: " · ".join(filter(None, [m.place, m.outcome_document])),
            list_url="cooperation:meeting_list",
            select_related=("mechanism",),
        )
        search.register(
            Commitment,
            snippet=lambda c: str(c.meeting),
            list_url="cooperation:commitment_list",
            select_related=("meeting__mechanism",),
        )
