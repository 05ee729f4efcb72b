"""How far apart doses are: supervised doses questioned, early home doses noted (clinical/facts.md §3).

Natalizumab is given every 4 weeks (facts I1). A dose less than 3 weeks from another is most likely
a typing mistake, or a dose given too early: the nurse is asked to confirm a supervised dose, and a
home dose is saved (never refused) and noted for the nurse.

Public API
    supervised_dose_spacing(given_on, other_days) -> SpacingCheck        (enrolment form)
    early_home_dose_flag(moment, previous_dose) -> ScheduleFlag | None   (home dose log)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from webapp.domain.levels import Level
from webapp.domain.schedule import EARLY_DOSE_DAYS, FlagReason, ScheduleFlag, dose_day


@dataclass(frozen=True)
class SpacingCheck:
    """Whether a supervised dose needs an explicit confirmation, and the other dose it is close to."""

    questioned: bool
    nearest_day: date | None
    days_apart: int | None


def supervised_dose_spacing(given_on: date, other_days: Iterable[date]) -> SpacingCheck:
    """A supervised dose less than 21 days from another current one, before or after, is questioned.

    Pass the other doses that count, without the one being corrected.
    """
    if isinstance(given_on, datetime):
        raise TypeError("a supervised dose is recorded by its date")
    nearest: date | None = None
    for other in other_days:
        if nearest is None or abs((other - given_on).days) < abs((nearest - given_on).days):
            nearest = other
    if nearest is None:
        return SpacingCheck(questioned=False, nearest_day=None, days_apart=None)
    apart = abs((nearest - given_on).days)
    # supervised doses are about 4 weeks apart; under 3 weeks is questioned (facts I1, §3 "Supervised doses")
    return SpacingCheck(questioned=apart < EARLY_DOSE_DAYS, nearest_day=nearest, days_apart=apart)


def early_home_dose_flag(moment: datetime, previous_dose: datetime | None) -> ScheduleFlag | None:
    """A routine note for the nurse when a home dose comes less than 21 Oslo days after the one before.

    ``previous_dose`` is the latest dose that counts before this one (None for a first dose). The dose
    itself is always saved: the clinic decides whether anything needs doing.
    """
    if previous_dose is None:
        return None
    day = dose_day(moment)
    apart = (day - dose_day(previous_dose)).days
    if apart < 0:
        raise ValueError("the previous dose is after this one")
    # 300 mg every 4 weeks (facts I1); under 3 weeks is early and noted for the nurse (walk defect 19)
    if apart >= EARLY_DOSE_DAYS:
        return None
    return ScheduleFlag(reason=FlagReason.EARLY_DOSE, level=Level.ROUTINE, dose_day=day)
