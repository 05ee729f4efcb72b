from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..domain.predose import PreDoseQuestion
from ..form_choices import choices
from ..forms_base import CLIENT_ID, BaseForm
from .labels import PREDOSE_HINTS, PREDOSE_LABELS, SITE_LABELS


def site_choices(blank=False):
    pairs = [(code.value, label) for code, label in SITE_LABELS.items()]
    return choices(([("", _l("Choose a site"))] if blank else []) + pairs)


class PreDoseForm(BaseForm):
    """Tick what is true now; any tick stops the dose (facts H7). Fields are made per question."""

    then = HiddenField(default="log")


for _question in PreDoseQuestion:
    setattr(PreDoseForm, _question.value,
            BooleanField(PREDOSE_LABELS[_question], description=PREDOSE_HINTS.get(_question, "")))


class InjectionForm(BaseForm):
    client_id = HiddenField(validators=[DataRequired(), CLIENT_ID])
    day = DateField(_l("Date"), validators=[InputRequired(_l("Enter the date of the injection."))])
    time = TimeField(_l("Time"), validators=[InputRequired(_l("Enter the time of the injection."))])
    syringes = RadioField(
        _l("How many syringes did you inject?"),
        choices=choices([("2", _l("Both syringes (the whole dose)")), ("1", _l("Only one syringe"))]),
        default="2",
        validators=[InputRequired(_l("Choose one."))],
    )
    site_1 = SelectField(_l("Where did you inject the first syringe?"), choices=site_choices(),
                         validators=[InputRequired(_l("Choose where you injected."))])
    batch_1 = StringField(_l("Batch number of the first syringe"), validators=[Optional(), Length(max=40)],
                          description=_l("On the syringe label, after \"Lot\". You can leave it empty."))
    site_2 = SelectField(_l("Where did you inject the second syringe?"), choices=site_choices(blank=True),
                         validators=[Optional()])
    batch_2 = StringField(_l("Batch number of the second syringe"), validators=[Optional(), Length(max=40)])
    reaction = RadioField(
        _l("Any reaction so far?"),
        choices=choices([
            ("no", _l("No")),
            ("yes", _l("Yes: itching, rash, flushing, chills, dizziness, or a sore, swollen site")),
            ("severe", _l("Trouble breathing, or swelling of the face, lips, tongue or throat")),
        ]),
        default="no",
        validators=[InputRequired(_l("Choose one."))],
    )
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=1000)])
    confirm_close = BooleanField(_l("Yes, I took another dose this close to the last one"))


class ConfirmForm(BaseForm):
    """A button that needs only the CSRF token (withdraw, calendar link)."""


class CalendarLinkForm(ConfirmForm):
    """What the calendar link shows besides the doses (issue 12): the order-by and H-resept days as
    before, and if wanted the day the syringes run out and the clinic's check-ups."""

    order = BooleanField(_l("The day to order from the pharmacy, and to renew the H-resept"), default=True)
    pickups = BooleanField(_l("The day your syringes run out: pick up new ones by then"))
    checkups = BooleanField(_l("Check-ups and tests at the clinic"))
    # security finding 15: the events say "NataHjem: dose day" unless the patient chooses otherwise
    named = BooleanField(_l("Name the medicine and what to do in the calendar"))

    def link_query(self) -> dict:
        chosen = [name for name in ("order", "pickups", "checkups") if self[name].data]
        # the feed's default is doses and order-by: only another choice needs to be in the link
        query = {} if chosen == ["order"] else {"events": ",".join(chosen) or "doses"}
        return {**query, "named": "1"} if self.named.data else query
