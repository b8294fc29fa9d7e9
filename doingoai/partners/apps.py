from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "doingoai.partners"
    label = "partners"
    verbose_name = _("Đối tác")

    def ready(self):
        from doingoai.core import search

        from .models import Partner

        search.register(
            Partner,
            title=lambda p: p.name,
            snippet=lambda p: " · ".join(filter(None, [p.name_en, p.name_native, p.country.name if p.country else ""])),
            list_url="partners:partner_list",
        )
