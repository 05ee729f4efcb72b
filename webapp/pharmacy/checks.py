"""daily-checks for supply and the H-resept: one flag per warning per occasion (issue 5).

The dedupe key names the date the warning is about (run-out, order-by or expiry), so running again
the same day never doubles a flag, while a new pickup or prescription, which moves that date, makes a
new warning possible later.
"""

from __future__ import annotations

from ..checks import DAILY_CHECKS, CheckContext
from ..domain.supply import SupplyWarning, SupplyWarningCode
from ..flags import raise_flag
from ..models import Patient
from .forecast import PatientSupply, patient_supply

W = SupplyWarningCode


def supply_dedupe_key(patient: Patient, warning: SupplyWarning, forecast: PatientSupply) -> str:
    code, day = warning.code.value, warning.day
    if warning.code is W.NO_SUPPLY_FOR_NEXT_DOSE:
        # routine weeks ahead, urgent within the lead time: the escalation is worth a second flag
        return f"supply:{code}:{patient.id}:{day.isoformat()}:{warning.level}"
    if warning.code in (W.PRESCRIPTION_EXPIRES_SOON, W.PRESCRIPTION_EXPIRES_BEFORE_PICKUP):
        # both ask for the same renewal of the same prescription: one flag
        return f"supply:prescription_renewal:{patient.id}:{day.isoformat()}"
    if warning.code is W.SUPPLY_NEEDS_CHECK:
        # no date to name: the latest pickup marks the occasion
        latest = forecast.pickups[0].id if forecast.pickups else "none"
        return f"supply:{code}:{patient.id}:pickup-{latest}"
    return f"supply:{code}:{patient.id}:{day.isoformat()}"


def check_supply(ctx: CheckContext, patient: Patient) -> int:
    """Flags for no syringes for the next dose, order-by passed, the H-resept expiring, a count to sort out."""
    if not patient.home_approved:
        return 0
    forecast = patient_supply(ctx.session, patient, ctx.today)
    raised = 0
    for warning in forecast.warnings:
        flag = raise_flag(
            ctx.session, patient, source="supply", code=warning.code.value, level=warning.level,
            dedupe_key=supply_dedupe_key(patient, warning, forecast), now=ctx.now,
        )
        raised += flag is not None
    return raised


DAILY_CHECKS.append(check_supply)
