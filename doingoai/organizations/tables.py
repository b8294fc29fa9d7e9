"""Tables of the agency, group and user lists (and their Excel exports)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import ActiveColumn, BaseTable, ListColumn, YesNoColumn

from .models import Agency, AgencyGroup, User


class AgencyTable(BaseTable):
    code = tables.Column(linkify=True)
    name = tables.Column(linkify=True)
    kind = tables.Column()
    parent = tables.Column(verbose_name=_("Cơ quan cấp trên"), order_by="parent__name")
    is_border = YesNoColumn()
    aliases = ListColumn(orderable=False)
    is_active = ActiveColumn()

    class Meta(BaseTable.Meta):
        model = Agency
        fields = ["code", "name", "short_name", "kind", "parent", "is_border", "aliases", "is_active"]
        order_by = "name"


class AgencyGroupTable(BaseTable):
    code = tables.Column(linkify=True)
    name = tables.Column(linkify=True)
    aliases = ListColumn(orderable=False)
    border_only = YesNoColumn()
    is_active = ActiveColumn()

    class Meta(BaseTable.Meta):
        model = AgencyGroup
        fields = ["code", "name", "aliases", "border_only", "is_active"]
        order_by = "name"


class UserTable(BaseTable):
    username = tables.Column(linkify=True)
    full_name = tables.Column(
        verbose_name=_("Họ và tên"), accessor="get_full_name", order_by=("last_name", "first_name")
    )
    agency = tables.Column(order_by="agency__name")
    role = tables.Column()
    is_active = ActiveColumn()
    last_login = tables.DateTimeColumn(format="d/m/Y H:i")

    class Meta(BaseTable.Meta):
        model = User
        fields = ["username", "full_name", "email", "agency", "role", "title", "is_active", "last_login"]
        order_by = "username"
