"""The body map's rule: which sites are suggested today and which were used at the last two doses."""

from __future__ import annotations

from webapp.domain.injection_sites import SiteState, site_map
from webapp.domain.schedule import InjectionSite as S


def test_a_first_dose_suggests_the_first_two_sites_and_shows_nothing_recent():
    sites = site_map([])
    assert sites.suggested == (S.THIGH_LEFT, S.THIGH_RIGHT)
    assert sites.recent == ()
    assert [site for site, state in sites.states.items() if state is SiteState.FREE] == [
        S.ABDOMEN_LEFT, S.ABDOMEN_RIGHT, S.UPPER_ARM_LEFT, S.UPPER_ARM_RIGHT]


def test_the_last_two_doses_are_shown_last_time_first_and_never_suggested():
    history = [["thigh_left", "thigh_right"], ["abdomen_left", "abdomen_right"], ["upper_arm_left", "thigh_left"]]
    sites = site_map(history)
    assert S.UPPER_ARM_LEFT not in sites.suggested and S.THIGH_LEFT not in sites.suggested
    assert sites.recent[:2] == (S.UPPER_ARM_LEFT, S.THIGH_LEFT)
    assert set(sites.recent) == {S.UPPER_ARM_LEFT, S.THIGH_LEFT, S.ABDOMEN_LEFT, S.ABDOMEN_RIGHT} - set(sites.suggested)
    assert sites.states[sites.suggested[0]] is SiteState.FIRST
    assert sites.states[sites.suggested[1]] is SiteState.SECOND
    assert all(sites.states[site] is SiteState.RECENT for site in sites.recent)


def test_a_site_from_three_doses_ago_is_not_shown_as_recent():
    history = [["upper_arm_right", "upper_arm_left"], ["thigh_left", "thigh_right"], ["abdomen_left", "abdomen_right"]]
    sites = site_map(history)
    assert set(sites.suggested) == {S.UPPER_ARM_LEFT, S.UPPER_ARM_RIGHT}
    assert set(sites.recent) == {S.THIGH_LEFT, S.THIGH_RIGHT, S.ABDOMEN_LEFT, S.ABDOMEN_RIGHT}


def test_a_one_syringe_dose_shows_its_one_site():
    sites = site_map([["abdomen_right"]])
    assert sites.recent == (S.ABDOMEN_RIGHT,)
    assert S.ABDOMEN_RIGHT not in sites.suggested
