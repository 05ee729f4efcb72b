"""Jump links at the top of the nurse's patient page (issue 13 §2): one per section on the page, by the
id of its heading, so a nurse on the phone with a patient reaches "Supply" without scrolling past doses.

A section a feature adds without a row here is shown but not linked; add its template and heading id."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

SECTION_LINKS = {
    "nurse/_flags_section.html": ("flags-heading", _l("Open flags")),
    "nurse/_dose_hold.html": ("dose-hold-heading", _l("The next dose is on hold")),
    "injections/_nurse_section.html": ("injections-heading", _l("Injections")),
    "pharmacy/_nurse_section.html": ("supply-heading", _l("Supply and H-resept")),
    "risk/nurse_section.html": ("pml-monitoring-heading", _l("PML risk and monitoring")),
    "summary/_nurse_section.html": ("trends-heading", _l("Trends and summary")),
    "relatives/_nurse_section.html": ("relatives-heading", _l("Relatives who may help")),
    "closing/_nurse_section.html": ("closing-heading", _l("Closing the account")),
}


def section_links(sections: list[tuple[str, dict]]) -> list[tuple[str, str]]:
    """(heading id, label) for each section shown, in page order."""
    return [(SECTION_LINKS[template][0], str(SECTION_LINKS[template][1]))
            for template, _card in sections if template in SECTION_LINKS]
