from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "doingoai.reports"
    label = "reports"
    verbose_name = _("Báo cáo")

    def ready(self):
        from doingoai.core import search

        from . import dashboard
        from .models import Report

        dashboard.register_monitoring_widgets()
        search.register(
            Report, snippet=lambda r: r.section_texts, list_url="reports:report_list", select_related=("issuer",)
        )
