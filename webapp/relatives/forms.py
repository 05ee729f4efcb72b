from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length

from ..form_validators import PlainEmail
from ..forms_base import BaseForm
from .grants import DURATIONS, PERMISSIONS


class InviteRelativeForm(BaseForm):
    name = StringField(_l("Their name"), validators=[DataRequired(_l("Enter the name of the person you invite.")),
                                                     Length(max=200)])
    email = EmailField(
        _l("Their e-mail address"),
        description=_l("They get an e-mail with a link to make their own account."),
        validators=[
            DataRequired(_l("Enter their e-mail address.")),
            Email(_l("Enter a valid e-mail address, like name@example.no."), check_deliverability=False),
            PlainEmail(),
            Length(max=254),
        ],
    )
    may_report = BooleanField(PERMISSIONS["may_report"])
    may_log_doses = BooleanField(PERMISSIONS["may_log_doses"])
    may_get_reminders = BooleanField(PERMISSIONS["may_get_reminders"])
    may_read_education = BooleanField(PERMISSIONS["may_read_education"])
    duration = RadioField(_l("For how long"), default="90",
                          choices=[SelectChoice(days, label) for days, label in DURATIONS.items()],
                          validators=[DataRequired(_l("Choose for how long."))])
    submit = SubmitField(_l("Send the invitation"))

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if not any(self[name].data for name in PERMISSIONS):
            self.may_report.errors = [*self.may_report.errors, _l("Choose at least one thing they may do.")]
            return False
        return ok


class RevokeForm(BaseForm):
    submit = SubmitField(_l("Stop their access now"))
