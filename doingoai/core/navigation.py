"""The main menu: every module of the system, in the order users work through them.

An entry whose page does not exist yet (its module is still to come) is shown greyed out, so that
users see the whole shape of the system from the first release.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from doingoai.core import permissions
from doingoai.core.permissions import Action


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    icon: str
    model: str = ""  # "app_label.ModelName": shown only to users who may view it


@dataclass(frozen=True)
class MenuGroup:
    label: str
    icon: str
    items: tuple[MenuItem, ...]


MENU = (
    MenuGroup(
        _("Theo dõi thực hiện"),
        "bi-clipboard-check",
        (
            MenuItem(_("Việc của tôi"), "programs:my_work", "bi-inbox"),
            MenuItem(_("Chương trình, kế hoạch"), "programs:program_list", "bi-journal-text"),
            MenuItem(_("Nhiệm vụ"), "programs:task_list", "bi-list-check"),
            MenuItem(_("Chỉ tiêu"), "programs:target_list", "bi-bullseye"),
            MenuItem(_("Kỳ báo cáo"), "programs:reportingperiod_list", "bi-calendar-range"),
            MenuItem(_("Chấm điểm cơ quan"), "programs:scorecard", "bi-trophy"),
        ),
    ),
    MenuGroup(
        _("Hợp tác quốc tế"),
        "bi-globe2",
        (
            MenuItem(_("Đối tác nước ngoài"), "partners:partner_list", "bi-people"),
            MenuItem(_("Cơ chế hợp tác, hội đàm"), "cooperation:mechanism_list", "bi-diagram-3"),
            MenuItem(_("Hội đàm, phiên họp"), "cooperation:meeting_list", "bi-people-fill"),
            MenuItem(_("Nhận thức chung"), "cooperation:commitment_list", "bi-check2-square"),
            MenuItem(_("Thỏa thuận quốc tế"), "cooperation:agreement_list", "bi-file-earmark-text"),
            MenuItem(_("Đoàn ra, đoàn vào"), "exchanges:delegation_list", "bi-airplane"),
            MenuItem(_("Hội nghị, hội thảo quốc tế"), "exchanges:conference_list", "bi-easel"),
        ),
    ),
    MenuGroup(
        _("Kinh tế cửa khẩu"),
        "bi-truck",
        (
            MenuItem(_("Cửa khẩu, lối mở"), "border:bordergate_list", "bi-signpost-split"),
            MenuItem(_("Số liệu kim ngạch"), "border:traderecord_list", "bi-table"),
            MenuItem(_("Kim ngạch xuất nhập khẩu"), "border:dashboard", "bi-graph-up"),
            MenuItem(_("Chỉ tiêu đo bằng kim ngạch"), "border:tradetarget_list", "bi-bullseye"),
        ),
    ),
    MenuGroup(
        _("Báo cáo"),
        "bi-file-earmark-bar-graph",
        (
            MenuItem(_("Bảng điều hành"), "reports:dashboard", "bi-speedometer2"),
            MenuItem(_("Báo cáo định kỳ"), "reports:report_list", "bi-file-earmark-word"),
        ),
    ),
    MenuGroup(
        _("Danh mục"),
        "bi-building",
        (
            MenuItem(_("Cơ quan, đơn vị"), "organizations:agency_list", "bi-building", "organizations.Agency"),
            MenuItem(_("Nhóm cơ quan"), "organizations:agencygroup_list", "bi-collection", "organizations.AgencyGroup"),
            MenuItem(_("Người dùng"), "organizations:user_list", "bi-person-badge", "organizations.User"),
        ),
    ),
)


def menu_for(user) -> list[dict]:
    """The menu as this user sees it: each entry with its URL, or without one while still to come."""
    groups = []
    for group in MENU:
        items = []
        for item in group.items:
            if item.model and not permissions.can(user, Action.VIEW, apps.get_model(item.model)):
                continue
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                url = None
            items.append({"label": item.label, "url": url, "icon": item.icon})
        if items:
            groups.append({"label": group.label, "icon": group.icon, "items": items})
    return groups
