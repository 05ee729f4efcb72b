import re

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, StopValidation
from zxcvbn import zxcvbn

from ..forms_base import BaseForm
from ..i18n import LANGUAGE_CHOICES

MIN_PASSWORD = 10
# zxcvbn's score 0-4 (security finding 3): 4 is "very unguessable", about 10^10 guesses or more; Argon2
# makes each guess slow, and a phrase of three or four words reaches it.
MIN_PASSWORD_SCORE = 4
# Words zxcvbn's English lists lack, that a Norwegian patient's password may be built on.
_LOCAL_WORDS = ["natahjem", "natalizumab", "tysabri", "sklerose", "passord", "hemmelig", "sommer", "vinter",
                "høst", "vår", "norge", "oslo", "bergen", "trondheim", "stavanger", "tromsø", "klinikk", "sprøyte"]
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _personal_words(form) -> list[str]:
    """The name and e-mail of the account whose password this is: the route sets `form.owner`, or the
    signed-in user changes her own."""
    owner = getattr(form, "owner", None) or (current_user if current_user.is_authenticated else None)
    if owner is None:
        return []
    words = [owner.full_name or "", owner.email or ""]
    words += re.split(r"[\s@.+_-]+", f"{owner.full_name or ''} {owner.email or ''}")
    return [word for word in words if len(word) >= 3]


class StrongPassword:
    """A new password: no control characters, and not guessable by zxcvbn with the owner's name and
    e-mail and some Norwegian words as hints (security findings 3 and 24)."""

    def __call__(self, form, field):
        password = field.data or ""
        if _CONTROL.search(password):
            raise StopValidation(_l("A password may not contain control characters, such as a tab or a line break."))
        if field.errors:
            return
        if zxcvbn(password[:100], user_inputs=_personal_words(form) + _LOCAL_WORDS)["score"] < MIN_PASSWORD_SCORE:
            raise StopValidation(_l("This password is too easy to guess: it is common, or built on your name, a "
                                    "date or a pattern. Try three or four words that do not belong together."))


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
            StrongPassword(),
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
