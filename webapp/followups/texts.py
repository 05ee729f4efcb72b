"""What a follow-up message says (issue 12 §2): the detailed text names the day of the report, never the
symptom; the discreet text is the default reminder ("You have a reminder")."""

from __future__ import annotations

from flask_babel import gettext as _

from .. import notify
from ..i18n import format_date


def followup_detailed(params: dict) -> tuple[str, str]:
    day = params.get("reported_on")
    body = (_("How is it now since your report on %(date)s? Answer in NataHjem.", date=format_date(day, "long"))
            if day else _("How is it now since your last report? Answer in NataHjem."))
    return _("NataHjem: how is it now?"), body


notify.texts.register("followup", detailed=followup_detailed)
