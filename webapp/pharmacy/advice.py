"""What the patient is told, and what the nurse reads, for each supply warning: one place for the words,
so that the start card, the pharmacy page and the nurse's page say the same thing. The app says what
to do; it never reassures (clinical/facts.md section 5, App rule)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import _, get_locale, ngettext
from flask_babel import lazy_gettext as _l

from ..domain.levels import Level
from ..domain.supply import ColdChainProblem, SupplyWarning, SupplyWarningCode
from ..i18n import format_day
from .forecast import PatientSupply

W = SupplyWarningCode

COLD_CHAIN_LABELS = {
    ColdChainProblem.NONE: _l("Straight into the fridge"),
    ColdChainProblem.LEFT_OUT: _l("Left out of the fridge"),
    ColdChainProblem.FROZEN: _l("Frozen, or may have been"),
    ColdChainProblem.FRIDGE_FAILED: _l("The fridge stopped or was too warm"),
    ColdChainProblem.UNKNOWN: _l("Not sure how they were kept"),
}

LEVEL_LABELS = {
    Level.EMERGENCY: _l("Emergency"),
    Level.URGENT: _l("Urgent"),
    Level.ROUTINE: _l("Routine"),
    Level.NONE: _l("Information"),
}


@dataclass(frozen=True)
class Advice:
    level: Level
    text: str


def _day(value: date) -> str:
    return format_day(value, "long", str(get_locale()))


def _shown(warnings: tuple[SupplyWarning, ...]) -> list[SupplyWarning]:
    """Most urgent first; "expires before the next pickup" already says "expires soon"."""
    codes = {warning.code for warning in warnings}
    kept = [w for w in warnings
            if not (w.code is W.PRESCRIPTION_EXPIRES_SOON and W.PRESCRIPTION_EXPIRES_BEFORE_PICKUP in codes)]
    return sorted(kept, key=lambda w: -w.level.rank)


def _patient_text(warning: SupplyWarning, supply: PatientSupply, today: date) -> str:
    status = supply.status
    code, day = warning.code, warning.day
    if code is W.NO_SUPPLY_FOR_NEXT_DOSE:
        if day < today:
            return _("Your dose was due on %(date)s and you have no syringes for it. Call the pharmacy today, "
                     "and call your clinic.", date=_day(day))
        if warning.level is Level.URGENT:
            return _("You have no syringes for your dose on %(date)s. Call the pharmacy today so that they can "
                     "have the medicine ready in time. If you cannot get it before the dose, call your clinic.",
                     date=_day(day))
        return _("Your syringes are used up. Your next dose is on %(date)s: order from the pharmacy by "
                 "%(order_by)s, because they often need to order the medicine in.",
                 date=_day(day), order_by=_day(status.order_by))
    if code is W.ORDER_BY_PASSED:
        return _("Order natalizumab from the pharmacy now: the order-by date was %(date)s, and you have no "
                 "syringes for the dose on %(run_out)s.", date=_day(day), run_out=_day(status.run_out))
    if code is W.PRESCRIPTION_EXPIRED:
        return _("Your H-resept expired on %(date)s. The pharmacy cannot give you syringes on it: ask your "
                 "clinic for a new one.", date=_day(day))
    if code is W.PRESCRIPTION_EXPIRES_BEFORE_PICKUP:
        return _("Your H-resept expires on %(date)s, before your next pickup. Ask your clinic to renew it now.",
                 date=_day(day))
    if code is W.PRESCRIPTION_EXPIRES_SOON:
        return _("Your H-resept expires on %(date)s. Ask your clinic to renew it.", date=_day(day))
    # SUPPLY_NEEDS_CHECK: shown as a question to sort out, never as a negative number
    return ngettext(
        "You have logged %(num)s more syringe than you have picked up. Did you forget to log a pickup? "
        "Log it now, or ask your clinic to help you sort it out.",
        "You have logged %(num)s more syringes than you have picked up. Did you forget to log a pickup? "
        "Log it now, or ask your clinic to help you sort it out.",
        status.on_hand.unaccounted,
    )


def cold_chain_text(pickup) -> str:
    return _("Do not use the syringes you picked up on %(date)s (%(problem)s) before you have asked: call the "
             "pharmacy or your clinic. Your clinic has been told.",
             date=_day(pickup.picked_up_on), problem=str(COLD_CHAIN_LABELS[pickup.cold_chain_problem]).lower())


def patient_advice(supply: PatientSupply, today: date) -> list[Advice]:
    """Everything the patient should do about supply and the H-resept, most urgent first."""
    # shown as urgent to the patient whatever the flag's level: the syringes must not be used
    advice = [Advice(Level.URGENT, cold_chain_text(pickup)) for pickup, _level in supply.cold_chain_open]
    advice += [Advice(w.level, _patient_text(w, supply, today)) for w in _shown(supply.warnings)]
    if supply.prescription is None:
        advice.append(Advice(Level.NONE, _("No H-resept is recorded. Add yours, so that the app can remind you "
                                           "to renew it in time.")))
    elif supply.prescription_unconfirmed:
        advice.append(Advice(Level.NONE, _("Your clinic has not yet confirmed the H-resept you added.")))
    return advice


def clinic_phone_if_needed(patient, advice: list[Advice]) -> str | None:
    """Urgent advice tells the patient to call: the page then offers the clinic's number."""
    if any(item.level.rank >= Level.URGENT.rank for item in advice):
        return patient.clinic.phone or None
    return None


def _nurse_text(warning: SupplyWarning, supply: PatientSupply) -> str:
    code, day = warning.code, warning.day
    if code is W.NO_SUPPLY_FOR_NEXT_DOSE:
        return _("No syringes for the dose due %(date)s", date=_day(day))
    if code is W.ORDER_BY_PASSED:
        return _("Order-by date passed (%(date)s)", date=_day(day))
    if code is W.PRESCRIPTION_EXPIRED:
        return _("H-resept expired %(date)s", date=_day(day))
    if code is W.PRESCRIPTION_EXPIRES_BEFORE_PICKUP:
        return _("H-resept expires %(date)s, before the next pickup is needed", date=_day(day))
    if code is W.PRESCRIPTION_EXPIRES_SOON:
        return _("H-resept expires %(date)s", date=_day(day))
    return ngettext("%(num)s more syringe logged than picked up: to sort out",
                    "%(num)s more syringes logged than picked up: to sort out",
                    supply.status.on_hand.unaccounted)


def nurse_findings(supply: PatientSupply) -> list[Advice]:
    found = [Advice(level, _("Storage problem reported for the pickup on %(date)s: %(problem)s",
                             date=_day(p.picked_up_on), problem=COLD_CHAIN_LABELS[p.cold_chain_problem]))
             for p, level in supply.cold_chain_open]
    found += [Advice(w.level, _nurse_text(w, supply)) for w in _shown(supply.warnings)]
    if supply.prescription_unconfirmed:
        found.append(Advice(Level.NONE, _("The patient's H-resept is not confirmed yet")))
    return found
