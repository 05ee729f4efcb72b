"""One patient's history in time order: doses (with corrections and the days between them), supervised
doses, interval changes, symptom reports, flags and every step on them, pickups and prescriptions.
Every open is audited (issue 4).

The page shows a window of twelve months, newest first, with a link to the twelve months before, so
that it stays small and fast with five years of history (issue 7: under 60 KB, p95 under 200 ms)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from flask import render_template, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, or_
from sqlmodel import select

from .. import db
from ..domain import schedule
from ..domain.clock import OSLO
from ..followups.forms import FollowUpsOffForm
from ..followups.labels import ANSWER_LABELS
from ..followups.service import LOOK_BACK
from ..injections.labels import SITE_LABELS
from ..models import (
    INJECTION_COUNTS,
    DoseHold,
    Flag,
    FlagEvent,
    Injection,
    IntervalChange,
    Pickup,
    Prescription,
    SupervisedDose,
    SymptomFollowUp,
    SymptomReport,
    User,
)
from ..photos import report_photos
from ..security import audit, nurse_required
from ..symptoms.labels import LEVEL_LABELS, SOURCE_LABELS, reason_text, symptom_label, unknown_answers
from . import bp
from .dose_hold import SOURCE_TEXT
from .flag_labels import EVENT_LABELS, OUTCOME_LABELS, flag_what
from .routes import clinic_patient

TIE_ORDER = {"flag": 1, "hold_placed": 2, "flag_event": 3}
WINDOW = timedelta(days=365)
# The timeline's filters (issue 13 §2): a GET parameter `show`, so they work without JavaScript.
FILTERS = {
    "all": (_l("Everything"), None),
    "doses": (_l("Doses"), {"injection", "supervised", "interval", "hold_placed", "hold_lifted", "training",
                            "approval"}),
    "reports": (_l("Reports"), {"report", "followup"}),
    "pharmacy": (_l("Pharmacy"), {"pickup", "prescription"}),
    "calls": (_l("Calls and cases"), {"flag", "flag_event"}),
}


@dataclass
class Entry:
    at: datetime
    kind: str  # injection, supervised, interval, report, flag, flag_event, pickup, prescription, approval, training
    item: object = None
    date_only: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def month(self) -> date:
        """The first day of the Oslo month, for the month headings."""
        return self.at.astimezone(OSLO).date().replace(day=1)


def _day(value: date) -> datetime:
    """A date-only record sorts at noon Oslo time on its day."""
    return datetime.combine(value, time(12, 0), OSLO).astimezone(UTC)


def _window(model, column, *more):
    """The patient's rows of one table inside the window, as a statement built once (issue 7)."""
    return select(model).where(model.patient_id == bindparam("pid"), column >= bindparam("start"),
                               column < bindparam("end"), *more)


INJECTIONS = _window(Injection, Injection.given_at)
# The dose just before the window, for the days between it and the window's first dose.
DOSE_BEFORE = (select(Injection).where(Injection.patient_id == bindparam("pid"),
                                       Injection.given_at < bindparam("start"), *INJECTION_COUNTS)
               .order_by(Injection.given_at.desc()).limit(1))
SUPERVISED = _window(SupervisedDose, SupervisedDose.given_on)
INTERVALS = _window(IntervalChange, IntervalChange.changed_at)
REPORTS = _window(SymptomReport, SymptomReport.reported_at)
FLAGS = _window(Flag, Flag.created_at)
FLAG_EVENTS = (select(FlagEvent).join(Flag, FlagEvent.flag_id == Flag.id)
               .where(Flag.patient_id == bindparam("pid"), Flag.created_at >= bindparam("start"),
                      Flag.created_at < bindparam("end"), FlagEvent.kind != "created"))
# The next dose put on hold and lifted (facts §3 "Dose on hold"): one row, up to two entries.
HOLDS = select(DoseHold).where(
    DoseHold.patient_id == bindparam("pid"),
    or_(DoseHold.placed_at.between(bindparam("start"), bindparam("end")),
        DoseHold.lifted_at.between(bindparam("start"), bindparam("end"))))
# Follow-up answers ("How is it now?", issue 12 §4), at the time the patient answered.
FOLLOWUP_ANSWERS = (select(SymptomFollowUp).join(SymptomReport, SymptomFollowUp.symptom_report_id == SymptomReport.id)
                    .where(SymptomReport.patient_id == bindparam("pid"), SymptomFollowUp.answered_at >= bindparam("start"),
                           SymptomFollowUp.answered_at < bindparam("end")))
PICKUPS = _window(Pickup, Pickup.picked_up_on)
PRESCRIPTIONS = _window(Prescription, Prescription.issued_on)


def build_timeline(session, patient, start: datetime, end: datetime) -> list[Entry]:
    """The patient's entries from `start` up to `end`, newest first; one query per table, each limited
    to the window, so the page costs the same with one month or five years of history."""
    entries: list[Entry] = []
    moments = {"pid": patient.id, "start": start, "end": end}
    days = {"pid": patient.id, "start": start.astimezone(OSLO).date(), "end": end.astimezone(OSLO).date()}
    injections = session.exec(INJECTIONS, params=moments).all()
    before = session.exec(DOSE_BEFORE, params=moments).first()
    current = sorted((i for i in [*injections, *([before] if before else [])] if i.is_current),
                     key=lambda i: i.given_at)
    gaps = schedule.dose_gaps([i.given_at for i in current], patient.dose_interval_weeks)
    gap_after = {later.id: gap for later, gap in zip(current[1:], gaps, strict=True)}
    for injection in injections:
        entries.append(Entry(injection.given_at, "injection", injection,
                             extra={"gap": gap_after.get(injection.id)}))
    for dose in session.exec(SUPERVISED, params=days).all():
        entries.append(Entry(_day(dose.given_on), "supervised", dose, date_only=True))
    for change in session.exec(INTERVALS, params=moments).all():
        entries.append(Entry(change.changed_at, "interval", change))
    for report in session.exec(REPORTS, params=moments).all():
        entries.append(Entry(report.reported_at, "report", report))
    flags = session.exec(FLAGS, params=moments).all()
    by_id = {f.id: f for f in flags}
    for flag in flags:
        entries.append(Entry(flag.created_at, "flag", flag))
    for event in session.exec(FLAG_EVENTS, params=moments).all():  # a flag's "created" event is the flag's own entry
        entries.append(Entry(event.at, "flag_event", event, extra={"flag": by_id[event.flag_id]}))
    for hold in session.exec(HOLDS, params=moments).all():
        if start <= hold.placed_at < end:
            entries.append(Entry(hold.placed_at, "hold_placed", hold))
        if hold.lifted_at is not None and start <= hold.lifted_at < end:
            entries.append(Entry(hold.lifted_at, "hold_lifted", hold))
    for followup in session.exec(FOLLOWUP_ANSWERS, params=moments).all():
        entries.append(Entry(followup.answered_at, "followup", followup))
    for pickup in session.exec(PICKUPS, params=days).all():
        entries.append(Entry(_day(pickup.picked_up_on), "pickup", pickup, date_only=True))
    for prescription in session.exec(PRESCRIPTIONS, params=days).all():
        entries.append(Entry(_day(prescription.issued_on), "prescription", prescription, date_only=True))
    day_from, day_to = days["start"], days["end"]
    if patient.training_done_on and day_from <= patient.training_done_on < day_to:
        entries.append(Entry(_day(patient.training_done_on), "training", patient, date_only=True))
    if patient.home_approved_at and start <= patient.home_approved_at < end:
        entries.append(Entry(patient.home_approved_at, "approval", patient))
    # Newest first; at the same moment a flag comes after the report or dose that raised it.
    entries.sort(key=lambda e: (e.at, TIE_ORDER.get(e.kind, 0), getattr(e.item, "id", 0) or 0), reverse=True)
    return entries


def _actor_ids(entries: list[Entry]) -> set[int]:
    ids = set()
    for entry in entries:
        for name in ("actor_id", "changed_by_id", "recorded_by_id", "home_approved_by_id", "assigned_nurse_id",
                     "placed_by_id", "lifted_by_id", "reviewed_by_id"):
            value = getattr(entry.item, name, None)
            if value:
                ids.add(value)
    return ids


@bp.get("/patients/<int:patient_id>/timeline")
@nurse_required
def timeline(patient_id: int):
    patient = clinic_patient(patient_id)
    session = db.session()
    end = _window_end(request.args.get("until"))
    start = end - WINDOW
    show = request.args.get("show", "all")
    show = show if show in FILTERS else "all"
    kinds = FILTERS[show][1]
    # Every table is still read, so the page's query count does not depend on the filter (issue 7).
    entries = [e for e in build_timeline(session, patient, start, end) if kinds is None or e.kind in kinds]
    # The "earlier" link shows while the window has not yet reached the start of treatment.
    created = patient.created_at.astimezone(OSLO).date()
    earliest = min(patient.treatment_start or created, created)
    has_earlier = start.astimezone(OSLO).date() > earliest
    ids = _actor_ids(entries)
    # Always one query, even with no names to look up, so the count does not depend on the data.
    names = {u.id: u.full_name for u in session.exec(select(User).where(User.id.in_(ids))).all()}
    photos = report_photos(session, [e.item.id for e in entries if e.kind == "report"])  # issue 13: one query
    audit("read", patient_id=patient.id, target="nurse.timeline")
    session.commit()
    return render_template(
        "nurse/timeline.html", patient=patient, entries=entries, names=names, site_labels=SITE_LABELS,
        level_labels=LEVEL_LABELS, source_labels=SOURCE_LABELS, symptom_label=symptom_label,
        reason_text=reason_text, unknown_answers=unknown_answers, event_labels=EVENT_LABELS,
        outcome_labels=OUTCOME_LABELS, flag_what=flag_what, hold_sources=SOURCE_TEXT,
        rebound_days=schedule.REBOUND_DAYS, window_start=start, window_end=end, answer_labels=ANSWER_LABELS,
        followups_form=FollowUpsOffForm(formdata=None), back_to=request.full_path.rstrip("?"),
        followed_since=datetime.now(UTC) - LOOK_BACK,  # the switch shows while follow-ups can still come
        earlier=start.astimezone(OSLO).date().isoformat() if has_earlier else None,
        is_latest=request.args.get("until") is None, show=show, photos=photos, filters=FILTERS,
        until=request.args.get("until") or None,
    )


def _window_end(until: str | None) -> datetime:
    """The end of the window: now, or the start of the Oslo day given by ?until=YYYY-MM-DD."""
    now = datetime.now(UTC)
    if until:
        try:
            day = date.fromisoformat(until[:10])
            return min(now, datetime.combine(day, time(0, 0), OSLO).astimezone(UTC))
        except (ValueError, OverflowError):
            pass  # a damaged link shows the latest months
    return now
