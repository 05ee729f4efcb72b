from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length

from ..forms_base import BaseForm
from ..i18n import LANGUAGE_CHOICES

MIN_PASSWORD = 10


class LoginForm(BaseForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Enter your e-mail address.")), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password.")), Length(max=200)])
    # security finding 21: a patient is signed out after an idle hour unless she ticks this (nurses always are)
    stay = BooleanField(_l("Stay signed in on this device"),
                        description=_l("Only on your own phone or computer. Patients stay signed in for up to 12 "
                                       "hours; otherwise after an hour without use you are signed out."))
    submit = SubmitField(_l("Sign in"))


def _new_password_fields():
    new = PasswordField(
        _l("New password"),
        description=_l("At least %(n)s characters. A few unrelated words are easy to remember.", n=MIN_PASSWORD),
        validators=[
            DataRequired(_l("Choose a password.")),
            Length(min=MIN_PASSWORD, max=200, message=_l("Use at least %(n)s characters.", n=MIN_PASSWORD)),
        ],
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(_l("Repeat the password.")), EqualTo("password", _l("The passwords are not the same."))],
    )
    return new, confirm


class SetPasswordForm(BaseForm):
    """Used once, from the invitation link."""

    password, confirm = _new_password_fields()
    language = RadioField(_l("Language"), choices=LANGUAGE_CHOICES, default="nb")
    submit = SubmitField(_l("Save and sign in"))


class ChangePasswordForm(BaseForm):
    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(_l("Enter your current password.")), Length(max=200)]
    )
    password, confirm = _new_password_fields()
    submit = SubmitField(_l("Change password"))


class ForgotPasswordForm(BaseForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(_l("Enter your e-mail address.")), Length(max=254)])
    submit = SubmitField(_l("Send me a link"))


class ResetPasswordForm(BaseForm):
    """From a reset link: the same rules and messages as changing the password."""

    password, confirm = _new_password_fields()
    submit = SubmitField(_l("Save and sign in"))
