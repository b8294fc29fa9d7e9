"""Fixed vocabularies of the periodic reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
