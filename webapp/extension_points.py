"""Places where a feature adds to pages it does not own, so that features stay in their own packages.

- START_CARDS: cards on the patient's start page, in order. Each provider takes the patient and
  today's Oslo date and returns (template name, card dict) or None; the template reads `card`.
- NURSE_PATIENT_SECTIONS: sections on the nurse's patient page, same signature.
- CALENDAR_EVENTS: events for the patient's private calendar feed; each provider returns a list of
  (date, summary, description) with text already translated. Each has a `calendar_topic` (doses,
  order, pickups, checkups) that the patient picks when making the feed link (calendar_feed.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .models import Patient

Card = tuple[str, dict] | None
START_CARDS: list[tuple[int, Callable[[Patient, date], Card]]] = []
NURSE_PATIENT_SECTIONS: list[tuple[int, Callable[[Patient, date], Card]]] = []
CALENDAR_EVENTS: list[Callable[[Patient, date], list[tuple[date, str, str]]]] = []


def start_card(order: int):
    def register(provider):
        START_CARDS.append((order, provider))
        START_CARDS.sort(key=lambda item: item[0])
        return provider

    return register


def nurse_patient_section(order: int):
    def register(provider):
        NURSE_PATIENT_SECTIONS.append((order, provider))
        NURSE_PATIENT_SECTIONS.sort(key=lambda item: item[0])
        return provider

    return register


def calendar_events(provider=None, *, topic: str = "doses"):
    """`@calendar_events` (a dose event) or `@calendar_events(topic="checkups")`."""
    def register(function):
        function.calendar_topic = topic
        CALENDAR_EVENTS.append(function)
        return function

    return register(provider) if provider is not None else register


def render_cards(registry, patient: Patient, today: date) -> list[tuple[str, dict]]:
    cards = []
    for _order, provider in registry:
        card = provider(patient, today)
        if card is not None:
            cards.append(card)
    return cards
