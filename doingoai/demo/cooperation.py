"""Load the demo's partners, mechanisms, meetings, agreements, delegations and conferences from
demo/data (partners.yaml and mechanisms.yaml are the reference facts; cooperation.yaml adds
illustrative records). Like the other loaders, each only adds what is missing."""

import datetime

from django.db import transaction
from django.utils import timezone

from doingoai.border import services as border_services
from doingoai.border.models import BorderGate, GateUpgrade, TradeRecord, TradeTarget
from doingoai.cooperation.choices import MeetingState
from doingoai.cooperation.models import Agreement, AgreementEvaluation, Commitment, Mechanism, Meeting
from doingoai.exchanges.models import Conference, Delegation, DelegationMember
from doingoai.organizations.models import Agency
from doingoai.partners.choices import Relation
from doingoai.partners.models import Partner
from doingoai.programs.models import Target, Task

from .loaders import DemoDataError, read


def _partner(name: str) -> Partner:
    try:
        return Partner.objects.get(name=name)
    except Partner.DoesNotExist as error:
        raise DemoDataError(f"Đối tác “{name}” không có trong partners.yaml.") from error


PARTNER_KEYS = {"name", "parent", "country", "kind", "en", "native", "relation", "note"}


@transaction.atomic
def load_partners() -> int:
    """Partners of partners.yaml, matched by name; parents are set once every partner exists."""
    rows = read("partners.yaml")
    added = 0
    for row in rows:
        # An unquoted comma inside a flow mapping silently turns the rest of a note into keys.
        unknown = set(row) - PARTNER_KEYS
        if unknown:
            raise DemoDataError(f"partners.yaml, “{row['name']}”: khóa lạ {sorted(map(str, unknown))}.")
        if Partner.objects.filter(name=row["name"]).exists():
            continue
        partner = Partner(
            name=row["name"],
            name_en=row.get("en", ""),
            name_native=row.get("native", ""),
            kind=row["kind"],
            country=row.get("country", ""),
            relation=row.get("relation", Relation.NONE),
            note=row.get("note", ""),
        )
        partner.full_clean()
        partner.save()
        added += 1
    for row in rows:
        if row.get("parent"):
            Partner.objects.filter(name=row["name"], parent__isnull=True).update(parent=_partner(row["parent"]))
    return added


def _meeting(mechanism: Mechanism, row: dict) -> tuple[Meeting, bool]:
    held_on = row.get("held_on")
    year = row.get("year") or held_on.year
    found = mechanism.meetings.filter(year=year, held_on=held_on)
    if row.get("number"):
        found = mechanism.meetings.filter(number=row["number"])
    meeting = found.first()
    if meeting is not None:
        return meeting, False
    on = held_on or datetime.date(year, 12, 31)
    meeting = Meeting(
        mechanism=mechanism,
        number=row.get("number"),
        year=year,
        held_on=held_on,
        place=row.get("place", ""),
        host=_partner(row["host"]) if row.get("host") else None,
        our_head=row.get("our_head", row.get("tuyen_quang_delegate", "")),
        state=row.get("state", MeetingState.HELD if on <= timezone.localdate() else MeetingState.PLANNED),
        outcome_document=row.get("outcome_document", ""),
        note=row.get("note", ""),
    )
    meeting.full_clean()
    meeting.save()
    return meeting, True


def _commitments(meeting: Meeting, rows: list[dict]) -> int:
    added = 0
    for row in rows:
        if meeting.commitments.filter(number=row["number"]).exists():
            continue
        commitment = Commitment(
            meeting=meeting,
            number=row["number"],
            text=row["text"],
            topic=row.get("topic", ""),
            responsible_text=row.get("responsible_text", ""),
        )
        commitment.full_clean()
        commitment.save()
        commitment.responsible_partners.set(_partner(name) for name in row.get("partners", []))
        if row.get("task"):
            task = Task.objects.filter(title=row["task"]).first()
            if task is None:
                raise DemoDataError(f"Không tìm thấy nhiệm vụ “{row['task']}” để gắn với nhận thức chung.")
            commitment.tasks.add(task)
        added += 1
    return added


def _mechanism(row: dict) -> tuple[Mechanism, bool]:
    mechanism = Mechanism.objects.filter(name=row["name"]).first()
    if mechanism is not None:
        return mechanism, False
    counts = {"established_count": row.get("count_established"), "planned_count": row.get("count_planned")}
    mechanism = Mechanism(
        name=row["name"],
        short_name=row.get("short_name", ""),
        level=row["level"],
        frequency=row.get("frequency", "regular"),
        # National mechanisms the province only proposes content to carry no member list.
        province_is_member=row["level"] != "national",
        focal_agency=Agency.objects.get(code=row["focal_agency"]) if row.get("focal_agency") else None,
        note=row.get("note", ""),
        **counts,
    )
    mechanism.full_clean()
    mechanism.save()
    mechanism.members.set(_partner(name) for name in row.get("members", []))
    return mechanism, True


@transaction.atomic
def load_mechanisms() -> dict[str, int]:
    """Mechanisms and meetings of mechanisms.yaml and cooperation.yaml, and the illustrative commitments."""
    added = {"mechanisms": 0, "meetings": 0, "commitments": 0}
    for row in read("mechanisms.yaml") + read("cooperation.yaml")["mechanisms"]:
        mechanism, new = _mechanism(row)
        added["mechanisms"] += new
        for meeting_row in row.get("meetings", []):
            meeting, new = _meeting(mechanism, meeting_row)
            added["meetings"] += new
            added["commitments"] += _commitments(meeting, meeting_row.get("commitments", []))
    for row in read("cooperation.yaml")["meetings"]:
        meeting = Meeting.objects.get(mechanism__name=row["mechanism"], held_on=row["held_on"])
        if meeting.stated_commitments is None:
            meeting.stated_commitments = row["stated_commitments"]
            meeting.save(update_fields=["stated_commitments"])
    return added


@transaction.atomic
def load_agreements() -> int:
    """The illustrative agreements of cooperation.yaml (one per lifecycle state), matched by name."""
    added = 0
    for row in read("cooperation.yaml")["agreements"]:
        if Agreement.objects.filter(name=row["name"]).exists():
            continue
        mofa_number, mofa_on = row.get("mofa", ["", None])
        signer_title, signer_name = row.get("signer", ["", ""])
        report, report_on = row.get("report", ["", None])
        agreement = Agreement(
            name=row["name"],
            form=row["form"],
            owner_agency=Agency.objects.get(code=row["owner"]),
            fields=row.get("fields", ""),
            state=row["state"],
            mofa_opinion_number=mofa_number,
            mofa_opinion_on=mofa_on,
            signer_name=signer_name,
            signer_title=signer_title,
            signed_on=row.get("signed_on"),
            signed_at=row.get("signed_at", ""),
            effective_on=row.get("effective_on"),
            expires_on=row.get("expires_on"),
            extended_to=row.get("extended_to"),
            amendment=row.get("amendment", ""),
            suspended_on=row.get("suspended_on"),
            terminated_on=row.get("terminated_on"),
            signing_report=report,
            signing_report_on=report_on,
            note="Minh họa.",
        )
        agreement.full_clean()
        agreement.save()
        agreement.partners.set(_partner(name) for name in row["partners"])
        for title in row.get("tasks", []):
            agreement.tasks.add(Task.objects.get(title=title))
        for year, rating, narrative in row.get("evaluations", []):
            evaluation = AgreementEvaluation(
                agreement=agreement,
                year=year,
                rating=rating,
                narrative=narrative,
                evaluated_on=datetime.date(year, 12, 15),
            )
            evaluation.full_clean()
            evaluation.save()
        added += 1
    return added


@transaction.atomic
def load_exchanges() -> dict[str, int]:
    """The illustrative delegations (one per state) and conferences of cooperation.yaml, by title."""
    added = {"delegations": 0, "conferences": 0}
    data = read("cooperation.yaml")
    for row in data["delegations"]:
        if Delegation.objects.filter(title=row["title"]).exists():
            continue
        head_title, head_name = row["head"]
        approval = row.get("approval", ["", None, ""])
        report = row.get("report", ["", None, ""])
        delegation = Delegation(
            direction=row["direction"],
            title=row["title"],
            owner_agency=Agency.objects.get(code=row["owner"]),
            head_name=head_name,
            head_title=head_title,
            countries=row["countries"],
            start_on=row["start_on"],
            end_on=row["end_on"],
            purpose=row["purpose"],
            plan_year=row.get("plan_year"),
            funding=row["funding"],
            funding_amount=row.get("amount"),
            state=row["state"],
            approval_number=approval[0],
            approval_on=approval[1],
            approval_signer=approval[2],
            returned_on=row.get("returned_on"),
            report_number=report[0],
            report_on=report[1],
            report_text=report[2],
            cancel_reason=row.get("cancel_reason", ""),
            note="Minh họa.",
        )
        delegation.full_clean()
        delegation.save()
        delegation.partners.set(_partner(name) for name in row["partners"])
        for name, title, agency, passport in row.get("members", []):
            DelegationMember.objects.create(
                delegation=delegation, name=name, title=title, agency=agency, passport_type=passport
            )
        delegation.refresh_search_text()
        added["delegations"] += 1
    for row in data["conferences"]:
        if Conference.objects.filter(title=row["title"]).exists():
            continue
        approval = row.get("approval", ["", None])
        report = row.get("report", [None, ""])
        conference = Conference(
            title=row["title"],
            owner_agency=Agency.objects.get(code=row["owner"]),
            start_on=row["start_on"],
            end_on=row["end_on"],
            venue=row["venue"],
            vietnamese_participants=row["vn"],
            foreign_participants=row["foreign"],
            request_on=row.get("request_on"),
            approval_number=approval[0],
            approval_on=approval[1],
            report_on=report[0],
            report_text=report[1],
            note="Minh họa.",
        )
        conference.full_clean()
        conference.save()
        conference.partners.set(_partner(name) for name in row["partners"])
        conference.refresh_search_text()
        added["conferences"] += 1
    return added


@transaction.atomic
def load_border(user, until: datetime.date | None = None) -> dict[str, int]:
    """Gates and their planned upgrades from border_gates.yaml, the seeded illustrative monthly
    trade series up to last month (border.services.demo_series), added once, and the targets
    measured from it, whose measurements are then written from the series."""
    added = {"gates": 0, "trade": 0, "targets": 0}
    data = read("border_gates.yaml")
    for row in data["gates"]:
        if BorderGate.objects.filter(name=row["name"]).exists():
            continue
        gate = BorderGate(
            name=row["name"],
            counterpart=row["counterpart"],
            counterpart_native=row.get("counterpart_native", ""),
            counterpart_partner=_partner(row["counterpart_partner"]),
            kind=row["kind"],
            status=row["status"],
            commune=Agency.objects.get(code=row["commune"]),
            note=row.get("note", ""),
        )
        gate.full_clean()
        gate.save()
        for upgrade in row.get("planned", []):
            task = Task.objects.get(title=upgrade["task"]) if upgrade.get("task") else None
            GateUpgrade.objects.create(gate=gate, year=upgrade["year"], what=upgrade["what"], task=task)
        added["gates"] += 1
    if not TradeRecord.objects.exists():
        records = border_services.demo_series(until or timezone.localdate())
        TradeRecord.objects.bulk_create(records, batch_size=2000)
        added["trade"] = len(records)
    for row in data["trade_targets"]:
        target = Target.objects.get(indicator=row["indicator"])
        _link, created = TradeTarget.objects.get_or_create(target=target, defaults={"scale": row["scale"]})
        added["targets"] += created
    border_services.feed_targets(user)
    return added
