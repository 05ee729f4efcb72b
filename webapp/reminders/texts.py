"""What each reminder says, in the reader's language: the detailed push/e-mail text (registered with
notify.texts; the discreet default is sent unless the patient chose detailed texts) and the start
page's card. Run under the recipient's locale, so plain gettext."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _

from ..domain.monitoring import CheckKind
from ..domain.reminders import DOSE_KINDS, ReminderKind
from ..i18n import format_date
from ..notify import texts
from ..risk.labels import CHECK_KINDS

K = ReminderKind


def late_dose_rule() -> str:
    # One late-dose rule, said the same everywhere (facts §3): the next-dose card's msgid
    return _("If you missed a dose, take it as soon as you can after the safety check, and log it. Your next "
             "dose is counted from the new date. If it is 8 weeks or more since your last dose, or you are "
             "unsure, call the clinic first.")


def _check_name(check: str | None) -> str:
    try:
        return str(CHECK_KINDS[CheckKind(check)])
    except ValueError:
        return _("A check-up")


def card_text(kind: str, day: date, check: str | None = None) -> tuple[str, str]:
    """(heading, text) of a reminder on the start page: dates, not "tomorrow", since it stays a few days."""
    when = format_date(day, "full")
    kind = ReminderKind(kind)
    if kind in (K.DOSE_EVENING, K.DOSE_MORNING):
        # take the syringes out of the fridge first, and do the safety check (facts H6, H7)
        return _("Your dose is coming up"), _("Your natalizumab dose is due %(date)s. Do the safety check before you inject.",
                                      date=when)
    if kind in (K.OVERDUE_2, K.OVERDUE_7):
        return _("Your dose is overdue"), _("It was due %(date)s.", date=when) + " " + late_dose_rule()
    if kind is K.ORDER_BY:
        return _("Order natalizumab from the pharmacy"), _(
            "Contact the pharmacy by %(date)s, so that they have the medicine in stock before your syringes run out.",
            date=when)
    if kind is K.PRESCRIPTION:
        return _("Ask the clinic to renew your H-resept"), _("Your H-resept expires on %(date)s. Ask your clinic to renew it.",
                                                           date=when)
    if kind is K.JCV:
        return _("Your JCV test is due"), _(
            "Your JC virus antibody test is due %(date)s. Ask your clinic if you have no appointment.", date=when)
    return _("A check-up is due"), _("%(check)s is due %(date)s. Ask your clinic if you have no appointment.",
                                     check=_check_name(check), date=when)


def _detailed(kind: ReminderKind):
    def text(params: dict) -> tuple[str, str]:
        day = date.fromisoformat(params["day"])
        if kind is K.DOSE_EVENING:
            return _("NataHjem: your dose is due tomorrow"), _(
                "Your natalizumab dose is due tomorrow, %(date)s.", date=format_date(day, "full"))
        if kind is K.DOSE_MORNING:
            # out of the fridge to reach room temperature before injecting (facts H6)
            return _("NataHjem: your dose is due today"), _(
                "Take the two syringes out of the fridge in good time, and do the safety check first.")
        title, body = card_text(kind, day, params.get("check"))
        return f"NataHjem: {title}", body

    return text


def register_texts() -> None:
    for kind in ReminderKind:
        texts.register(kind.value, detailed=_detailed(kind))


register_texts()
__all__ = ["DOSE_KINDS", "card_text", "late_dose_rule"]
