"""What the triage queue shows (issue 13 §2, walk defects 4 and 5): each flag with what it is about,
the flags of one patient grouped under the patient, and the filters kept in the URL.

The words come from the report or the record that raised the flag, loaded for the whole page in one
query per table, so that the page's query count stays flat however busy the clinic is (issue 7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlmodel import select

from ..domain.clock import OSLO
from ..domain.levels import Level
from ..domain.triage import BY_CODE
from ..i18n import format_date
from ..models import Flag, Injection, SymptomReport
from ..symptoms.labels import reason_text, symptom_label

# The level filter: a GET parameter, so the view works without JavaScript and survives a refresh.
LEVEL_FILTERS = {
    "all": _l("All levels"),
    Level.EMERGENCY.value: _l("Emergency"),
    Level.URGENT.value: _l("Urgent"),
    Level.ROUTINE.value: _l("Routine"),
}
# How much of a free text the queue shows: about one line on a phone.
SNIPPET_CHARS = 60

COLD_CHAIN_LABELS = {
    "left_out": _l("Storage problem: the syringes were left out of the fridge"),
    "frozen": _l("Storage problem: the syringes may have frozen"),
    "unknown": _l("Storage problem: not known how the syringes were kept"),
}


@dataclass(frozen=True)
class QueueFilters:
    level: str = "all"
    mine: bool = False
    auto: bool = False

    @classmethod
    def from_args(cls, args) -> QueueFilters:
        """Unknown values fall back to the full queue: a damaged link never hides flags silently."""
        level = args.get("level", "all")
        return cls(level=level if level in LEVEL_FILTERS else "all", mine=args.get("mine") == "1",
                   auto=args.get("auto") == "1")

    def url_args(self, **changes) -> dict:
        """The query string of this view with some filters changed, without the defaults."""
        level = changes.get("level", self.level)
        mine = changes.get("mine", self.mine)
        auto = changes.get("auto", self.auto)
        args = {}
        if level != "all":
            args["level"] = level
        if mine:
            args["mine"] = "1"
        if auto:
            args["auto"] = "1"
        return args

    def keeps(self, flag: Flag, nurse_id: int) -> bool:
        if self.level != "all" and flag.level != self.level:
            return False
        return not self.mine or flag.assigned_nurse_id == nurse_id

    @property
    def shows_routine_reports(self) -> bool:
        """Routine reports are nobody's yet: they belong to the routine and the whole view."""
        return self.level in ("all", Level.ROUTINE.value) and not self.mine


# Cases shown per patient in the queue (security finding 8): one patient's account, confused, broken or
# stolen, that sends a thousand reports fills one group, which shows its most serious cases and says how many
# more wait on the patient's page, so that it cannot bury other patients' emergencies. The queue is sorted
# by level first, so the group's own emergencies are among those shown.
GROUP_SHOWN = 10


@dataclass
class PatientGroup:
    patient_id: int
    name: str
    phone: str
    flags: list[Flag] = field(default_factory=list)
    more: int = 0  # open cases of this patient beyond GROUP_SHOWN, on the patient's page

    @property
    def anchor(self) -> str:
        return f"patient-{self.patient_id}"


def group_by_patient(flags: list[Flag], names: dict[int, str], phones: dict[int, str]) -> list[PatientGroup]:
    """Flags already in queue order, grouped per patient; a group's place is that of its most serious
    flag (its first), so the patient with an emergency comes first."""
    groups: dict[int, PatientGroup] = {}
    for flag in flags:
        group = groups.get(flag.patient_id)
        if group is None:
            group = groups[flag.patient_id] = PatientGroup(flag.patient_id, names.get(flag.patient_id, ""),
                                                           phones.get(flag.patient_id, ""))
        if len(group.flags) < GROUP_SHOWN:
            group.flags.append(flag)
        else:
            group.more += 1
    return list(groups.values())


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The first words of a free text, cut at a word and marked as cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


def deciding_item(report: SymptomReport) -> str:
    """The ticked item that set the report's level (the most serious one, symptoms.md levels), or the
    first reason the rules gave when nothing was ticked (the safety check's answers)."""
    codes = [code for code in report.codes if code in BY_CODE]
    if codes:
        worst = max(codes, key=lambda code: Level(BY_CODE[code].level).rank)
        return symptom_label(worst)
    if report.codes:
        return symptom_label(report.codes[0])
    for reason in report.reasons:
        if reason.startswith(("predose:", "item:", "injection:")):
            return reason_text(reason)
    return ""


def report_words(report: SymptomReport) -> str:
    """The deciding item and the first words of the text, e.g. «Svakhet i en arm … · «klarer ikke gå…»»."""
    parts = [part for part in (deciding_item(report), snippet(report.free_text)) if part]
    if len(parts) == 2:
        return _("%(item)s · “%(text)s”", item=parts[0], text=parts[1])
    if parts and parts[0] == snippet(report.free_text):
        return _("“%(text)s”", text=parts[0])
    return parts[0] if parts else ""


_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})")


def _key_day(flag: Flag) -> date | None:
    """The date a date-driven flag is about, kept in its dedupe key (flags.raise_flag callers)."""
    found = _ISO_DAY.findall(flag.dedupe_key or "")
    if not found:
        return None
    try:
        return date.fromisoformat(found[-1])
    except ValueError:
        return None


def flag_detail(flag: Flag, reports: dict[int, SymptomReport], injections: dict[int, Injection],
                today: date) -> str:
    """What the queue row says besides the flag's kind: the report's words or the record's facts."""
    report = reports.get(flag.symptom_report_id) if flag.symptom_report_id else None
    if report is not None:
        return report_words(report)
    day = _key_day(flag)
    if flag.code == "cold_chain":
        problem = (flag.dedupe_key or "").rsplit(":", 1)[-1]
        label = COLD_CHAIN_LABELS.get(problem)
        return str(label) if label is not None else ""
    if flag.code == "rebound_risk" and day is not None:
        # rebound after 8 weeks without a dose (facts: dose interval); the key names the last dose day
        days = (today - day).days
        return _("Last dose %(date)s: %(days)s days ago", date=format_date(day), days=days)
    injection = injections.get(flag.injection_id) if flag.injection_id else None
    if injection is not None:
        return _("Dose of %(date)s", date=format_date(injection.given_at.astimezone(OSLO).date()))
    if day is not None:
        return SUPPLY_DAY_LABELS.get(flag.code, _l("Date: %(date)s")) % {"date": format_date(day)}
    if flag.code == "supply_needs_check":
        return _("The syringe count does not add up: please check it with the patient")
    return ""


SUPPLY_DAY_LABELS = {
    "no_supply_for_next_dose": _l("No syringes for the dose of %(date)s"),
    "order_by_passed": _l("Should have been ordered by %(date)s"),
    "prescription_expired": _l("H-resept expired %(date)s"),
    "prescription_expires_soon": _l("H-resept runs out %(date)s"),
    "prescription_expires_before_pickup": _l("H-resept runs out %(date)s"),
    "jcv_overdue": _l("JCV test was due %(date)s"),
}


def load_sources(session, flags: list[Flag]) -> tuple[dict[int, SymptomReport], dict[int, Injection]]:
    """The reports and doses that raised the listed flags: always one query each, so the count does
    not depend on the data (STYLE.md habit 17)."""
    report_ids = {f.symptom_report_id for f in flags if f.symptom_report_id}
    injection_ids = {f.injection_id for f in flags if f.injection_id and not f.symptom_report_id}
    reports = {r.id: r for r in session.exec(select(SymptomReport).where(SymptomReport.id.in_(report_ids))).all()}
    injections = {i.id: i for i in session.exec(select(Injection).where(Injection.id.in_(injection_ids))).all()}
    return reports, injections


def today_in_oslo(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(OSLO).date()
