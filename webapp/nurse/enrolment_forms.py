from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from ..form_choices import choices
from ..form_validators import SafeNumberRange
from ..forms_base import BaseForm
from .forms import not_in_future


class SupervisedDoseForm(BaseForm):
    given_on = DateField(_l("Date of the dose"), validators=[InputRequired(_l("Enter the date.")), not_in_future])
    route = RadioField(_l("How it was given"), choices=choices([("sc", _l("Under the skin (SC)")), ("iv", _l("Drip (IV)"))]),
                       default="sc", validators=[InputRequired(_l("Choose one."))])
    reaction = BooleanField(_l("There was an injection or infusion reaction"))
    reaction_note = StringField(_l("What happened (if a reaction)"), validators=[Optional(), Length(max=500)])


class TrainingForm(BaseForm):
    training_done_on = DateField(_l("Injection training done on"),
                                 validators=[InputRequired(_l("Enter the date.")), not_in_future])


class ReactionClearedForm(BaseForm):
    note = TextAreaField(_l("The doctor's decision"),
                         description=_l("Who decided that home treatment may go ahead despite the reaction, and why."),
                         validators=[InputRequired(_l("Write the decision.")), Length(max=500)])


class IntervalForm(BaseForm):
    weeks = IntegerField(_l("Dose interval in weeks"), default=4,
                         validators=[InputRequired(_l("Enter a number of weeks.")),
                                     SafeNumberRange(1, 52, _l("Enter a number of weeks between 4 and 7."))])
    reason = TextAreaField(_l("Reason for a longer interval"), validators=[Optional(), Length(max=500)],
                           description=_l("Needed when the interval is longer than 4 weeks."))


class ApproveForm(BaseForm):
    pass
