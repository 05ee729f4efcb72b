from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional

from ..forms_base import BaseForm


class PasskeyForm(BaseForm):
    """Filled by static/js/passkey.js: the browser's answer goes in `credential`."""

    name = StringField(_l("Name of the passkey"), default="",
                       description=_l("So that you know it again, for example \u201cWork PC\u201d or \u201cMy phone\u201d."),
                       validators=[Optional(), Length(max=60)])
    credential = HiddenField(validators=[Optional(), Length(max=20_000)])
    submit = SubmitField(_l("Add a passkey"))


class TotpConfirmForm(BaseForm):
    code = StringField(_l("The 6-digit code from the app"),
                       validators=[DataRequired(_l("Enter the code from the app.")), Length(max=10)])
    submit = SubmitField(_l("Turn on the code app"))


class PasswordAgainForm(BaseForm):
    """Removing a factor or making new recovery codes asks for the password again."""

    password = PasswordField(_l("Your password"), validators=[DataRequired(_l("Enter your password.")), Length(max=200)])
    passkey = IntegerField(validators=[Optional()])  # which passkey to remove
    submit = SubmitField(_l("Confirm"))
