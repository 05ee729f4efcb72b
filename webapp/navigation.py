"""The main menu for each role. A feature adds its entries here."""

from __future__ import annotations

from flask import current_app
from flask_login import current_user

from .i18n import gettext
from .models import Role


def _l(message: str) -> str:
    """Marks a label for extraction (pybabel -k _l); `nav_items` translates it on every page, through
    the request's catalog, which is cheaper than a lazy string (issue 7)."""
    return message


MENU = {
    Role.PATIENT: [
        ("home.index", _l("Start")),
        ("symptoms.new", _l("Report a symptom")),
        ("messages.index", _l("Messages")),
        ("injections.history", _l("My doses")),
        ("pharmacy.index", _l("Pharmacy")),
        ("home.emergency", _l("Emergency help")),
        ("risk.index", _l("My PML risk")),
        ("education.index", _l("Learn more")),
    ],
    Role.NURSE: [
        ("nurse.queue", _l("Triage queue")),
        ("messages.inbox", _l("Messages")),
        ("nurse.index", _l("Patients")),
        ("nurse.new_patient", _l("New patient")),
        ("education.index", _l("Patient articles")),
    ],
}


def nav_items():
    if not current_user.is_authenticated:
        return []
    return [(endpoint, gettext(label)) for endpoint, label in MENU[current_user.role]
            if endpoint in current_app.view_functions]


def init_app(app) -> None:
    app.jinja_env.globals["nav_items"] = nav_items
