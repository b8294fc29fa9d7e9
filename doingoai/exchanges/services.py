"""Rules of delegations and conferences: the delegation's states and who moves them, the results
reports and their reminders, a conference's state from its dates, the dashboard widgets and what
the partner page shows."""

import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core import permissions
from doingoai.core.history import acting_user
from doingoai.core.models import Notification
from doingoai.core.notifications import Message, notify
from doingoai.core.permissions import Action
from doingoai.core.text import format_date, normalize
from doingoai.organizations.choices import Role
from doingoai.organizations.models import User
from doingoai.partners import services as partner_pages
from doingoai.programs.services import queries

from .choices import ConferenceState, DelegationState
from .models import Conference, Delegation

S = DelegationState
# Which state each action leads from and to; anything else is refused.
TRANSITIONS = {
    "approve": ({S.PLANNED}, S.APPROVED),
    "start": ({S.APPROVED}, S.UNDER_WAY),
    "return": ({S.APPROVED, S.UNDER_WAY}, S.RETURNED),
    "report": ({S.RETURNED}, S.REPORTED),
    "cancel": ({S.PLANNED, S.APPROVED, S.UNDER_WAY}, S.CANCELLED),
}


def check_members(names: list[str]) -> None:
    """Nobody is listed twice in a delegation (the head included), compared without diacritics."""
    seen, repeated = set(), []
    for name in names:
        key = normalize(name)
        if key in seen and name not in repeated:
            repeated.append(name)
        seen.add(key)
    if repeated:
        raise ValidationError(_("Thành viên bị ghi trùng: %(names)s.") % {"names": ", ".join(repeated)})


def allowed_actions(delegation: Delegation) -> list[str]:
    return [action for action, (sources, _target) in TRANSITIONS.items() if delegation.state in sources]


def transition(delegation: Delegation, action: str, user, on: datetime.date | None = None, **data) -> Delegation:
    """Move a delegation: approve (decision number, date, signer), start, return (actual date),
    report (number, date, results), cancel (reason). Refused, with the reason in Vietnamese, from a
    state the action does not start from or without what the action records."""
    permissions.require(user, Action.CHANGE, delegation)
    sources, target = TRANSITIONS[action]
    if delegation.state not in sources:
        if action == "report" and delegation.state == S.CANCELLED:
            raise ValidationError(_("Đoàn đã hủy nên không có báo cáo kết quả."))
        raise ValidationError(
            _("Không thể “%(action)s” khi đoàn đang ở tình trạng “%(state)s”.")
            % {"action": ACTION_LABELS[action], "state": delegation.get_state_display()}
        )
    on = on or queries.today()
    errors = {}
    if action == "approve":
        for field in ("approval_number", "approval_on", "approval_signer"):
            if not data.get(field):
                errors[field] = _("Hãy ghi đủ số, ngày và người ký quyết định cử đoàn.")
        if data.get("approval_on") and data["approval_on"] > on:
            errors["approval_on"] = _("Ngày quyết định không được sau hôm nay.")
    elif action == "return":
        returned = data.get("returned_on")
        if not returned:
            errors["returned_on"] = _("Hãy ghi ngày về thực tế.")
        elif returned < delegation.start_on or returned > on:
            errors["returned_on"] = _("Ngày về phải từ ngày đi (%(start)s) đến hôm nay.") % {
                "start": format_date(delegation.start_on)
            }
    elif action == "report":
        if not data.get("report_text", "").strip():
            errors["report_text"] = _("Hãy ghi kết quả chuyến đi.")
        if data.get("report_on") and delegation.returned_on and data["report_on"] < delegation.returned_on:
            errors["report_on"] = _("Ngày báo cáo không được trước ngày về.")
    elif action == "cancel" and not data.get("cancel_reason", "").strip():
        errors["cancel_reason"] = _("Hãy ghi lý do hủy.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting_user(user):
        for field, value in data.items():
            setattr(delegation, field, value)
        if action == "report" and not delegation.report_on:
            delegation.report_on = on
        delegation.state = target
        delegation.save()
        if action == "return":
            # Announce the report at once; the daily reminder repeats nothing already announced.
            notify(
                recipients(queries.agency_users({delegation.owner_agency_id}), delegation),
                report_message(delegation, on),
            )
        if action in ("report", "cancel"):
            # The report is in (or no longer owed): its reminders are done with.
            Notification.objects.filter(key__startswith=f"delegation-{delegation.pk}-report", read_at=None).delete()
    return delegation


ACTION_LABELS = {
    "approve": _("Phê duyệt"),
    "start": _("Bắt đầu chuyến đi"),
    "return": _("Kết thúc chuyến đi"),
    "report": _("Báo cáo kết quả"),
    "cancel": _("Hủy đoàn"),
}


def recipients(users: dict, record) -> list:
    """Who hears of a report owed: the owning agency's officers and the focal officers, who
    consolidate delegations and conferences for the People's Committee."""
    focal = User.objects.filter(role=Role.FOCAL_OFFICER, is_active=True)
    return list({user.pk: user for user in [*users.get(record.owner_agency_id, []), *focal]}.values())


def report_message(delegation: Delegation, on: datetime.date) -> Message:
    due = delegation.report_due
    late = due < on
    return Message(
        key=f"delegation-{delegation.pk}-report{'-late' if late else ''}",
        title=(_("Quá hạn báo cáo kết quả đoàn “%(name)s”") if late else _("Báo cáo kết quả đoàn “%(name)s”"))
        % {"name": delegation},
        body=_("Hạn gửi báo cáo: %(date)s.") % {"date": format_date(due)},
        url=delegation.get_absolute_url(),
        level="danger" if late else "warning",
    )


def conference_state(conference: Conference, on: datetime.date | None = None) -> ConferenceState:
    """Cancelled, reported, held (ended, report owed), approved, requested or proposed, from its dates."""
    on = on or queries.today()
    if conference.cancelled:
        return ConferenceState.CANCELLED
    if conference.report_on:
        return ConferenceState.REPORTED
    if conference.end_on < on and conference.approval_on:
        return ConferenceState.HELD
    if conference.approval_on:
        return ConferenceState.APPROVED
    if conference.request_on:
        return ConferenceState.REQUESTED
    return ConferenceState.PROPOSED


def report_conference(conference: Conference, *, report_text: str, user, on=None) -> Conference:
    """The organiser's results report, once the conference has ended."""
    permissions.require(user, Action.CHANGE, conference)
    on = on or queries.today()
    if conference.cancelled:
        raise ValidationError(_("Hội nghị đã hủy nên không có báo cáo kết quả."))
    if conference.end_on >= on:
        raise ValidationError(_("Hội nghị chưa kết thúc."))
    if not report_text.strip():
        raise ValidationError({"report_text": _("Hãy ghi kết quả hội nghị.")})
    with transaction.atomic(), acting_user(user):
        conference.report_text, conference.report_on = report_text, on
        conference.save()
        Notification.objects.filter(key__startswith=f"conference-{conference.pk}-report", read_at=None).delete()
    return conference


def conferences_owing_report(conferences, on: datetime.date):
    """Approved, not cancelled, ended, and no results report yet."""
    return conferences.filter(cancelled=False, report_on=None, end_on__lt=on).exclude(approval_on=None)


def exchange_reminders(on: datetime.date):
    """Results reports of delegations and conferences due within five days or late, to the owning agency."""
    delegations = list(Delegation.objects.filter(state=S.RETURNED))
    conferences = list(conferences_owing_report(Conference.objects.all(), on))
    users = queries.agency_users({d.owner_agency_id for d in delegations} | {c.owner_agency_id for c in conferences})
    for delegation in delegations:
        if delegation.report_due - datetime.timedelta(days=5) <= on:
            yield recipients(users, delegation), report_message(delegation, on)
    for conference in conferences:
        due = conference.report_due
        if due - datetime.timedelta(days=5) <= on:
            late = due < on
            yield (
                recipients(users, conference),
                Message(
                    key=f"conference-{conference.pk}-report{'-late' if late else ''}",
                    title=(
                        _("Quá hạn báo cáo kết quả hội nghị “%(name)s”")
                        if late
                        else _("Báo cáo kết quả hội nghị “%(name)s”")
                    )
                    % {"name": conference},
                    body=_("Hạn gửi báo cáo: %(date)s (15 ngày sau khi kết thúc).") % {"date": format_date(due)},
                    url=conference.get_absolute_url(),
                    level="danger" if late else "warning",
                ),
            )


# ---------------------------------------------------------------- dashboard and partner page


def quarter_of(on: datetime.date) -> tuple[datetime.date, datetime.date]:
    first_month = 3 * ((on.month - 1) // 3) + 1
    start = datetime.date(on.year, first_month, 1)
    end = datetime.date(on.year + (first_month == 10), (first_month + 3 - 1) % 12 + 1, 1) - datetime.timedelta(days=1)
    return start, end


def delegations_widget(user, filters):
    """Delegations of this quarter by country (the programme filters do not apply)."""
    from doingoai.reports.dashboard import Figure, Widget

    if not permissions.can(user, Action.VIEW, Delegation):
        return None
    start, end = quarter_of(queries.today())
    delegations = (
        Delegation.objects.for_user(user, Action.VIEW)
        .exclude(state=S.CANCELLED)
        .filter(start_on__gte=start, start_on__lte=end)
    )
    base = reverse("exchanges:delegation_list")
    period = f"start_from={start.isoformat()}&start_to={end.isoformat()}&active=true"
    counts = Counter(country for delegation in delegations for country in delegation.countries)
    figures = [
        Figure(str(country.name), count, f"{base}?{period}&country={country.code}", "primary")
        for country, count in sorted(counts.items(), key=lambda item: (-item[1], str(item[0].name)))
    ]
    note = _("Quý %(quarter)s/%(year)s: %(n)s đoàn.") % {
        "quarter": (start.month - 1) // 3 + 1,
        "year": start.year,
        "n": delegations.count(),
    }
    return Widget("delegations", _("Đoàn ra, đoàn vào trong quý"), figures, "bar", note, f"{base}?{period}", order=80)


def exchange_reports_widget(user, filters):
    """Results reports owed by delegations back home and by conferences that have ended."""
    from doingoai.reports.dashboard import Figure, Widget

    if not permissions.can(user, Action.VIEW, Delegation):
        return None
    on = queries.today()
    owed = Delegation.objects.for_user(user, Action.VIEW).filter(state=S.RETURNED).count()
    unreported = conferences_owing_report(Conference.objects.for_user(user, Action.VIEW), on).count()
    figures = [
        Figure(
            _("Đoàn chưa báo cáo kết quả"), owed, reverse("exchanges:delegation_list") + "?state=returned", "danger"
        ),
        Figure(
            _("Hội nghị chưa báo cáo kết quả"),
            unreported,
            reverse("exchanges:conference_list") + "?report_owed=true",
            "danger",
        ),
    ]
    return Widget("exchange_reports", _("Báo cáo sau chuyến đi, hội nghị"), figures, "", order=85)


def _delegations_section(partner, user):
    ids = partner_pages.family(partner)
    delegations = Delegation.objects.for_user(user, Action.VIEW).filter(partners__in=ids).distinct()
    items = [
        partner_pages.RelatedItem(
            str(d),
            d.get_absolute_url(),
            f"{d.get_direction_display()} · {format_date(d.start_on)} – {format_date(d.end_on)}",
            d.get_state_display(),
        )
        for d in delegations
    ]
    add_url = reverse("exchanges:delegation_add") if permissions.can(user, Action.ADD, Delegation) else ""
    return partner_pages.RelatedSection("delegations", _("Đoàn ra, đoàn vào"), items, add_url, order=50)


def _conferences_section(partner, user):
    ids = partner_pages.family(partner)
    conferences = Conference.objects.for_user(user, Action.VIEW).filter(partners__in=ids).distinct()
    items = [
        partner_pages.RelatedItem(
            str(c), c.get_absolute_url(), f"{c.venue} · {format_date(c.start_on)}", conference_state(c).label
        )
        for c in conferences
    ]
    return partner_pages.RelatedSection("conferences", _("Hội nghị, hội thảo quốc tế"), items, order=60)


def register_everywhere() -> None:
    from doingoai.core import reminders
    from doingoai.reports import dashboard

    partner_pages.register(_delegations_section)
    partner_pages.register(_conferences_section)
    reminders.register(exchange_reminders)
    dashboard.register(delegations_widget)
    dashboard.register(exchange_reports_widget)
