"""The notification preferences: the patient's full form and the nurse's reduced one."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, SubmitField
from wtforms.fields import TimeField
from wtforms.validators import InputRequired

from ..form_choices import choices
from ..forms_base import BaseForm

TIME_FORMATS = ["%H:%M", "%H:%M:%S"]  # browsers send 07:30, or 07:30:00 with seconds
TIME_REQUIRED = _l("Enter a time, for example 07:30.")


class ClockField(TimeField):
    """An `<input type=time>` whose unreadable value gets our own message (the typed text is kept)."""

    def __init__(self, label, **kwargs):
        super().__init__(label, format=TIME_FORMATS, validators=[InputRequired(TIME_REQUIRED)], **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(_l("Enter the time as hours and minutes, for example 07:30."))) from error


class ChannelFields(BaseForm):
    push = BooleanField(_l("Push messages on my phone or computer"),
                        description=_l("Only on the devices where you have switched them on."))
    email = BooleanField(_l("E-mail"))
    save = SubmitField(_l("Save"))
    everything_off = SubmitField(_l("Switch everything off"))


class PatientPrefsForm(ChannelFields):
    detailed = RadioField(
        _l("What the messages say"),
        choices=choices([
            ("discreet", _l("Discreet: «NataHjem: You have a reminder. Open NataHjem to see it.»")),
            ("detailed", _l("Detailed: «NataHjem: your dose is due tomorrow. Your natalizumab dose is due "
                            "tomorrow, Thursday 3 December.»"))]),
        default="discreet",
        description=_l("Discreet messages never name your medicine or your health. Others may see a message on a "
                       "locked phone."),
    )
    quiet_start = ClockField(_l("Quiet from"))
    quiet_end = ClockField(_l("Quiet until"))
    evening_time = ClockField(_l("The evening before a dose, at"))
    morning_time = ClockField(_l("The morning of a dose, and other reminders, at"))
    doses = BooleanField(_l("Doses: due and overdue"))
    supply = BooleanField(_l("Syringes and H-resept: order-by day and renewal"))
    checkups = BooleanField(_l("Check-ups and the JCV test"))
    followups = BooleanField(_l("«How is it now?» after a symptom report"))


class NursePrefsForm(ChannelFields):
    on_call = BooleanField(_l("On call: push me new emergency and urgent flags"),
                           description=_l("At any hour, to the devices where you have switched on push messages."))


PATIENT_FIELDS = ("push", "email", "quiet_start", "quiet_end", "evening_time", "morning_time", "doses", "supply",
                  "checkups", "followups")
NURSE_FIELDS = ("push", "email", "on_call")
TOPICS_OFF = ("push", "email", "doses", "supply", "checkups", "followups", "on_call")
