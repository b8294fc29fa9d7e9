from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "doingoai.organizations"
    label = "organizations"
    verbose_name = _("Cơ quan và người dùng")

    def ready(self):
        from . import signals

        signals.connect()
