from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "doingoai.cooperation"
    label = "cooperation"
    verbose_name = _("Hợp tác quốc tế")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from doingoai.core import reminders, search
        from doingoai.reports import dashboard

        from . import services
        from .models import Agreement, Commitment, Mechanism, Meeting

        services.register_partner_sections()
        reminders.register(services.cooperation_reminders)
        dashboard.register(services.agreements_widget)
        m2m_changed.connect(_partners_changed, sender=Agreement.partners.through, dispatch_uid="agreement_partners")
        search.register(
            Agreement,
            snippet=lambda a: " · ".join(filter(None, [a.get_form_display(), ", ".join(a.partner_names)])),
            list_url="cooperation:agreement_list",
        )
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


def _partners_changed(sender, instance, action, **kwargs):
    # The search text names the parties, which change after the agreement itself is saved.
    if action in ("post_add", "post_remove", "post_clear") and hasattr(instance, "refresh_search_text"):
        instance.refresh_search_text()
