"""Agencies (cơ quan, đơn vị), agency groups for collective phrases, and users with their role."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from doingoai.core.history import history_records
from doingoai.core.models import AgencyScopedQuerySet, BaseModel, SearchableMixin, makes_cycle
from doingoai.core.permissions import Scope
from doingoai.core.text import normalize

from .choices import AgencyKind, Role

code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
    _("Mã chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (ví dụ: SCT, X-THANHTHUY)."),
)


def check_string_list(value, field: str) -> list:
    """A JSON list field must hold a list of strings; anything else is refused with a clear message."""
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError({field: _("Phải là một danh sách các chuỗi ký tự.")})
    return value


def clean_aliases(aliases) -> list[str]:
    """Trim, drop empties and repeated spellings (compared without diacritics), keep order."""
    seen, result = set(), []
    for alias in check_string_list(aliases, "aliases"):
        text = " ".join(str(alias).split())
        if text and normalize(text) not in seen:
            seen.add(normalize(text))
            result.append(text)
    return result


class Agency(SearchableMixin, BaseModel):
    """A body that leads or coordinates tasks: a department, board, force, commune or ward committee.

    `aliases` are the other spellings documents use ("UBND tỉnh" for "Ủy ban nhân dân tỉnh"); an
    importer matches names against the name, short name and aliases, without diacritics. An
    agency is never deleted, only deactivated, so its history and its past tasks stay whole.
    """

    code = models.CharField(_("Mã"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("Tên cơ quan, đơn vị"), max_length=255, unique=True)
    short_name = models.CharField(_("Tên viết tắt"), max_length=100, blank=True)
    kind = models.CharField(_("Loại"), max_length=32, choices=AgencyKind.choices, default=AgencyKind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Cơ quan cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_border = models.BooleanField(
        _("Biên giới"), default=False, help_text=_("Xã, phường, đơn vị ở khu vực biên giới.")
    )
    aliases = models.JSONField(_("Tên gọi khác"), default=list, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)
    is_active = models.BooleanField(_("Đang hoạt động"), default=True)

    history = history_records()

    permission_scope = Scope.REFERENCE
    search_fields = ("code", "name", "short_name", "aliases")

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "cơ quan, đơn vị")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:agency_detail", args=[self.pk])

    @classmethod
    def active_profile(cls) -> list[tuple[int, str, bool]]:
        """(id, kind, is_border) of every active agency: what group membership is decided from."""
        return list(cls.objects.filter(is_active=True).values_list("pk", "kind", "is_border"))

    def clean(self):
        self.aliases = clean_aliases(self.aliases)
        errors = {}
        if self.parent_id and makes_cycle(self):
            errors["parent"] = _("Cơ quan cấp trên không được là chính nó hoặc cơ quan cấp dưới của nó.")
        taken = self._names_taken_elsewhere()
        clashes = [alias for alias in self.aliases if normalize(alias) in taken]
        if clashes:
            errors["aliases"] = _("Tên gọi khác đã dùng cho cơ quan khác: %(names)s.") % {"names": ", ".join(clashes)}
        if errors:
            raise ValidationError(errors)

    def _names_taken_elsewhere(self) -> set[str]:
        """Normalised names and aliases of the other agencies, so that one spelling means one agency."""
        taken = set()
        for name, short_name, aliases in Agency.objects.exclude(pk=self.pk).values_list(
            "name", "short_name", "aliases"
        ):
            taken.update(normalize(n) for n in (name, short_name, *(aliases or [])) if n)
        return taken


class AgencyGroup(SearchableMixin, BaseModel):
    """A collective phrase of the documents ("Các sở, ban, ngành", "Ủy ban nhân dân các xã biên giới").

    It is never one agency: it resolves to a set, made of the listed members plus every active
    agency of the listed kinds (only border ones when `border_only`), so that a commune added later
    joins "UBND các xã biên giới" by itself.
    """

    code = models.CharField(_("Mã"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("Tên nhóm"), max_length=255, unique=True)
    aliases = models.JSONField(_("Cách viết khác"), default=list, blank=True)
    members = models.ManyToManyField(Agency, verbose_name=_("Thành viên"), blank=True, related_name="groups")
    member_kinds = models.JSONField(_("Gồm mọi cơ quan thuộc loại"), default=list, blank=True)
    border_only = models.BooleanField(_("Chỉ các đơn vị biên giới"), default=False)
    note = models.TextField(_("Ghi chú"), blank=True)
    is_active = models.BooleanField(_("Đang sử dụng"), default=True)

    history = history_records(m2m_fields=["members"])

    permission_scope = Scope.REFERENCE
    search_fields = ("code", "name", "aliases")

    class Meta:
        verbose_name = _("nhóm cơ quan")
        verbose_name_plural = pgettext_lazy("plural", "nhóm cơ quan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:agencygroup_detail", args=[self.pk])

    def clean(self):
        self.aliases = clean_aliases(self.aliases)
        self.member_kinds = check_string_list(self.member_kinds, "member_kinds")
        unknown = [kind for kind in self.member_kinds if kind not in AgencyKind.values]
        if unknown:
            raise ValidationError(
                {"member_kinds": _("Loại cơ quan không hợp lệ: %(kinds)s.") % {"kinds": ", ".join(unknown)}}
            )

    def resolved_ids(self, active_agencies) -> set[int]:
        """The ids this group stands for, given (id, kind, is_border) of every active agency.

        The caller fetches that list once (`Agency.active_profile()`) for any number of groups;
        `members` is read from a prefetch when there is one.
        """
        member_ids = {member.pk for member in self.members.all()}
        return {
            pk
            for pk, kind, border in active_agencies
            if pk in member_ids or (kind in self.member_kinds and (border or not self.border_only))
        }

    def resolve(self):
        """The active agencies this group stands for."""
        return Agency.objects.filter(pk__in=self.resolved_ids(Agency.active_profile()))


class DoingoaiUserManager(UserManager.from_queryset(AgencyScopedQuerySet)):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(SearchableMixin, AbstractUser):
    """A person who signs in: belongs to one agency and has one role (see core/permissions.py)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("Cơ quan, đơn vị"), on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    role = models.CharField(_("Vai trò"), max_length=20, choices=Role.choices, default=Role.AGENCY_OFFICER)
    title = models.CharField(_("Chức vụ"), max_length=150, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=30, blank=True)

    objects = DoingoaiUserManager()
    # The password hash and the login time are not history: the password-change page records
    # the change itself, and a login is not a change.
    history = history_records(excluded_fields=["password", "last_login"])

    permission_scope = Scope.ACCOUNTS
    search_fields = ("username", "first_name", "last_name", "email", "title")

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = pgettext_lazy("plural", "người dùng")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        # Vietnamese order: family and middle names (last_name) before the given name.
        return " ".join(part for part in (self.last_name, self.first_name) if part).strip()

    def get_absolute_url(self) -> str:
        return reverse("organizations:user_detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.role in (Role.FOCAL_OFFICER, Role.AGENCY_OFFICER) and not self.agency_id:
            raise ValidationError({"agency": _("Cán bộ đầu mối và cán bộ cơ quan phải thuộc một cơ quan, đơn vị.")})
        if self.agency_id and not self.agency.is_active and self._agency_changed():
            raise ValidationError({"agency": _("Cơ quan này đã ngừng hoạt động.")})

    def _agency_changed(self) -> bool:
        if not self.pk:
            return True
        return not User.objects.filter(pk=self.pk, agency_id=self.agency_id).exists()

    def save(self, *args, **kwargs):
        # Only administrators reach the Django admin, and what they may do there is still decided by
        # core/permissions.py.
        self.is_staff = self.is_superuser or self.role == Role.ADMINISTRATOR
        super().save(*args, **kwargs)
