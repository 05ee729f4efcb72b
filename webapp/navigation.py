"""The main menu for each role: a few main items on the bar, the rest under "More" (walk defect 28:
the header and a seven-link menu took a quarter of a phone's screen). A feature adds its entries here."""

from __future__ import annotations

from flask import current_app, request, url_for
from flask_login import current_user

from .i18n import translations
from .models import Role


def _l(message: str) -> str:
    """Marks a label for extraction (pybabel -k _l); `nav_items` translates it on every page, through
    the request's catalog, which is cheaper than a lazy string (issue 7)."""
    return message


# What patients use most goes on the bar: at most four items, so that the bar stays one row on a phone.
MENU = {
    Role.PATIENT: [
        ("home.index", _l("Start")),
        ("symptoms.new", _l("Report a symptom")),
        ("messages.index", _l("Messages")),
        ("injections.history", _l("My doses")),
    ],
    # issue 15 §5: a relative starts from the people she helps; what each let her do is on that page
    Role.RELATIVE: [
        ("relatives.helping", _l("Start")),
        ("home.emergency", _l("Emergency help")),
    ],
    Role.NURSE: [
        ("nurse.queue", _l("Triage queue")),
        ("messages.inbox", _l("Messages")),
        ("nurse.index", _l("Patients")),
    ],
}

MORE = {
    Role.PATIENT: [
        ("pharmacy.index", _l("Pharmacy")),
        ("home.emergency", _l("Emergency help")),
        ("risk.index", _l("My PML risk")),
        ("risk.checkups", _l("My check-ups")),
        ("education.index", _l("Learn more")),
        ("reminders.preferences", _l("Messages and reminders")),
        ("access_history.index", _l("Who has looked at my information")),
        ("summary.my_data", _l("My data")),  # issue 15: trends and the summary PDF
        ("relatives.index", _l("A relative who may help")),  # issue 15 §5
    ],
    Role.RELATIVE: [],
    Role.NURSE: [
        ("nurse.new_patient", _l("New patient")),
        ("nurse.clinic_settings", _l("The clinic")),
        ("education.index", _l("Patient articles")),
        ("nurse.outbox", _l("Messages not sent")),
    ],
}


def _shown(entries) -> list[tuple[str, str]]:
    catalog = translations()  # looked up once for the menu's dozen labels
    return [(endpoint, catalog.ugettext(label)) for endpoint, label in entries]


def nav_items() -> list[tuple[str, str]]:
    """The main items on the bar for the signed-in user's role."""
    if not current_user.is_authenticated:
        return []
    return _shown(MENU[current_user.role])


def more_items() -> list[tuple[str, str]]:
    """The items under "More"."""
    if not current_user.is_authenticated:
        return []
    return _shown(MORE[current_user.role])


def layout_url(endpoint: str, filename: str | None = None) -> str:
    """url_for for the links the layout draws on every page (menu, footer, stylesheet, icons): they take
    no values but a static file's name, so each depends only on the app's routes and the root it is
    mounted on, and is built once per worker instead of about twenty-five times a page (issue 16 §4)."""
    urls = current_app.extensions["layout_urls"]
    key = (request.script_root, endpoint, filename)
    url = urls.get(key)
    if url is None:
        url = urls[key] = url_for(endpoint, filename=filename) if filename else url_for(endpoint)
    return url


def init_app(app) -> None:
    app.extensions["layout_urls"] = {}
    app.jinja_env.globals["nav_items"] = nav_items
    app.jinja_env.globals["more_items"] = more_items
    app.jinja_env.globals["layout_url"] = layout_url
