from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "doingoai.organizations"
    label = "organizations"
    verbose_name = _("Cơ quan và người dùng")

    def ready(self):
        from doingoai.core import search

        from . import signals
        from .models import Agency

        signals.connect()
        search.register(Agency, snippet=lambda a: " · ".join(a.aliases or []), list_url="organizations:agency_list")
