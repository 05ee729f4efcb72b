from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from ..forms_base import BaseForm


class TotpCodeForm(BaseForm):
    code = StringField(_l("Code from the app"), description=_l("6 digits, from the code app on your phone."),
                       validators=[DataRequired(_l("Enter the code from the app.")), Length(max=10)])
    submit = SubmitField(_l("Sign in"))


class RecoveryCodeForm(BaseForm):
    code = StringField(_l("Recovery code"), description=_l("One of the ten codes you saved. Each works once."),
                       validators=[DataRequired(_l("Enter a recovery code.")), Length(max=20)])
    submit = SubmitField(_l("Sign in with a recovery code"))


class PasskeySignInForm(BaseForm):
    """Filled by static/js/passkey.js with the browser's answer."""

    credential = HiddenField(validators=[DataRequired(), Length(max=20_000)])
