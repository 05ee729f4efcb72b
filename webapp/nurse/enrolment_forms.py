from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..form_choices import choices
from ..form_validators import SafeNumberRange
from ..forms_base import BaseForm
from .forms import not_in_future


class SupervisedDoseForm(BaseForm):
    given_on = DateField(_l("Date of the dose"), validators=[InputRequired(_l("Enter the date.")), not_in_future])
    route = RadioField(_l("How it was given"),
                       choices=choices([("sc", _l("Under the skin (SC)")), ("iv", _l("Infusion (IV)"))]),
                       default="sc", validators=[InputRequired(_l("Choose one."))])
    reaction = BooleanField(_l("There was an injection or infusion reaction"))
    reaction_note = StringField(_l("What happened (if a reaction)"), validators=[Optional(), Length(max=500)])
    # Shown when the date is less than 3 weeks from another supervised dose (facts §3 "Supervised doses").
    confirm_close = BooleanField(_l("The date is right: this dose was given less than 3 weeks from another"))


class WithdrawSupervisedDoseForm(BaseForm):
    reason = TextAreaField(_l("Why is this dose withdrawn?"),
                           description=_l("For example: entered twice, or entered for the wrong patient."),
                           validators=[InputRequired(_l("Write the reason.")), Length(max=500)])


class TrainingForm(BaseForm):
    training_done_on = DateField(_l("Injection training done on"),
                                 validators=[InputRequired(_l("Enter the date.")), not_in_future])


class ReactionClearedForm(BaseForm):
    # Never again after a true hypersensitivity reaction (facts B1; clinical review E19).
    not_allergic = BooleanField(
        _l("The reaction was not an allergic (hypersensitivity) reaction"),
        description=_l("Only for reactions that are not allergic (for example at the injection site). After a true "
                       "allergic reaction, natalizumab must not be given again."),
        validators=[DataRequired(_l("Confirm that the reaction was not allergic. After an allergic reaction home "
                                    "treatment cannot be cleared."))])
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
