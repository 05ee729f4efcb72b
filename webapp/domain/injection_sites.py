"""What the body map of injection sites shows (issue 13): the two sites suggested for today and the
sites used at the last two doses. Pure: it takes the sites of earlier doses, oldest first, as
``schedule.suggest_sites`` does, and knows nothing of how the map is drawn."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .schedule import InjectionSite, suggest_sites

# The map shows the sites of this many earlier doses: last time's must be avoided, and the time before
# shows the rotation (rotate sites: site pain is a known SC side effect, facts H5).
RECENT_DOSES = 2


class SiteState(StrEnum):
    FIRST = "first"  # suggested for the first syringe today
    SECOND = "second"  # suggested for the second syringe today
    RECENT = "recent"  # used at one of the last two doses, and not suggested
    FREE = "free"


@dataclass(frozen=True, slots=True)
class SiteMap:
    suggested: tuple[InjectionSite, InjectionSite]
    recent: tuple[InjectionSite, ...]  # used at the last two doses, last time's first, not suggested
    states: dict[InjectionSite, SiteState]


def site_map(previous_doses: Sequence[Iterable[InjectionSite | str]]) -> SiteMap:
    doses = [[InjectionSite(site) for site in sites] for sites in previous_doses]
    first, second = suggest_sites(doses)
    recent: list[InjectionSite] = []
    for sites in reversed(doses[-RECENT_DOSES:]):
        recent.extend(site for site in sites if site not in recent and site not in (first, second))
    states = {site: SiteState.FREE for site in InjectionSite}
    states.update({site: SiteState.RECENT for site in recent})
    states[first], states[second] = SiteState.FIRST, SiteState.SECOND
    return SiteMap(suggested=(first, second), recent=tuple(recent), states=states)
