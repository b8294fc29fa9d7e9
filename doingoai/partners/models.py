"""Foreign partners (đối tác nước ngoài) and the Vietnamese bodies met in cooperation, with contacts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from doingoai.core.history import history_records
from doingoai.core.models import BaseModel, SearchableMixin, makes_cycle
from doingoai.core.permissions import Scope

from .choices import PartnerKind, Relation

COUNTRY_ERROR = _("Mã quốc gia “%(value)s” không có trong danh mục ISO 3166-1 (ví dụ: CN, LA, KR, JP).")


class Partner(SearchableMixin, BaseModel):
    """A foreign locality, international organisation, mission, NGO or enterprise the province works
    with; also the Vietnamese provinces and central bodies that share mechanisms with it.

    Names are kept as documents write them in Vietnamese, in English and in the native script
    (文山壮族苗族自治州), all searchable. `parent` places a prefecture in its province. Partners are
    reference data: the focal officer keeps them, every user reads them.
    """

    name = models.CharField(_("Tên tiếng Việt"), max_length=255, unique=True)
    name_en = models.CharField(_("Tên tiếng Anh"), max_length=255, blank=True)
    name_native = models.CharField(_("Tên bản ngữ"), max_length=255, blank=True)
    kind = models.CharField(_("Loại đối tác"), max_length=32, choices=PartnerKind.choices)
    country = CountryField(
        _("Quốc gia"),
        blank=True,
        help_text=_("Mã ISO 3166-1; để trống với tổ chức quốc tế."),
        error_messages={"invalid_choice": COUNTRY_ERROR},
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Trực thuộc"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    relation = models.CharField(_("Quan hệ"), max_length=20, choices=Relation.choices, default=Relation.NONE)
    since = models.DateField(_("Thiết lập quan hệ từ"), null=True, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)
    is_active = models.BooleanField(_("Đang theo dõi"), default=True)

    history = history_records()

    permission_scope = Scope.REFERENCE
    search_fields = ("name", "name_en", "name_native", "country_name", "note")

    class Meta:
        verbose_name = _("đối tác")
        verbose_name_plural = pgettext_lazy("plural", "đối tác")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:partner_detail", args=[self.pk])

    @property
    def country_name(self) -> str:
        return str(self.country.name) if self.country else ""

    @property
    def is_foreign(self) -> bool:
        return bool(self.country) and self.country.code != "VN"

    def clean(self):
        errors = {}
        if self.parent_id and makes_cycle(self):
            errors["parent"] = _("Đối tác trực thuộc không được là chính nó hoặc đơn vị cấp dưới của nó.")
        if self.since and self.since > timezone.localdate():
            errors["since"] = _("Ngày thiết lập quan hệ không được sau hôm nay.")
        if self.since and self.relation in (Relation.NONE, Relation.POTENTIAL):
            errors["relation"] = _(
                "Đã ghi ngày thiết lập quan hệ thì quan hệ phải là “đã thiết lập” hoặc “cùng cơ chế”."
            )
        if errors:
            raise ValidationError(errors)


class PartnerContact(BaseModel):
    """A person to reach at a partner: name, title, e-mail, telephone."""

    partner = models.ForeignKey(Partner, verbose_name=_("Đối tác"), on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("Họ và tên"), max_length=255)
    title = models.CharField(_("Chức vụ"), max_length=255, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)

    history = history_records()

    permission_scope = Scope.REFERENCE

    class Meta:
        verbose_name = _("người liên hệ")
        verbose_name_plural = pgettext_lazy("plural", "người liên hệ")
        ordering = ["partner", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.partner})"

    def get_absolute_url(self) -> str:
        return self.partner.get_absolute_url()
