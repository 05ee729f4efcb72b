from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Length

from ..forms_base import BaseForm


class CloseRequestForm(BaseForm):
    understood = BooleanField(_l("I understand that the clinic keeps my health record, and that I can no longer "
                                 "sign in once the clinic has closed the account."),
                              validators=[DataRequired(_l("Tick the box to show you have read this."))])
    password = PasswordField(_l("Your password"), validators=[DataRequired(_l("Enter your password.")), Length(max=200)])
    submit = SubmitField(_l("Ask the clinic to close my account"))


class ConfirmCloseForm(BaseForm):
    submit = SubmitField(_l("Close the account"))
