from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, SubmitField
from wtforms.validators import DataRequired, Length

from ..forms_base import BaseForm


class ExportPasswordForm(BaseForm):
    """The password again before a copy of the record leaves the app, as account.PasswordAgainForm."""

    password = PasswordField(_l("Your password"), validators=[DataRequired(_l("Enter your password.")), Length(max=200)])
    submit = SubmitField(_l("Confirm"))
