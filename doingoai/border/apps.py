from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BorderConfig(AppConfig):
    name = "doingoai.border"
    label = "border"
    verbose_name = _("Kinh tế cửa khẩu")

    def ready(self):
        from doingoai.core import search

        from .models import BorderGate

        search.register(
            BorderGate,
            snippet=lambda g: f"{g.get_kind_display()} · {g.counterpart}",
            list_url="border:bordergate_list",
        )
