"""The base of every form: text is cleaned of invisible control characters (and, but for passwords,
of surrounding space) before validation, so nothing unprintable reaches the database."""

from __future__ import annotations

import re
from functools import lru_cache

from babel import support
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.i18n import messages_path
from wtforms.validators import Regexp

# The id a form makes when it is shown, so that a double tap or a resent form stores one row.
CLIENT_ID_PATTERN = re.compile(r"^[0-9a-f-]{8,64}$")
CLIENT_ID = Regexp(CLIENT_ID_PATTERN, message=_l("The form was damaged. Please reload the page."))

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(value):
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def clean_text(value):
    value = without_control_characters(value)
    return value.strip() if isinstance(value, str) else value


@lru_cache(maxsize=8)
def _wtforms_catalog(language: str) -> support.Translations:
    return support.Translations.load(messages_path(), [language], domain="wtforms")


class BaseForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            # WTForms' own messages in the user's language. Flask-WTF reads and parses the catalog file
            # again on every request with a form (a sixth of a symptom report's time): once per language.
            return _wtforms_catalog(str(get_locale()))

        def bind_field(self, form, unbound_field, options):
            # WTForms' documented hook for a filter on every field of every form. A password is checked
            # exactly as typed (ASVS 6.2.8, security finding 24): a new one with control characters is refused
            # with a message (auth/forms.py), never silently changed.
            if unbound_field.field_class is PasswordField:
                return unbound_field.bind(form=form, **options)
            cleaner = clean_text
            filters = list(unbound_field.kwargs.get("filters", []))
            if cleaner not in filters:
                unbound_field.kwargs["filters"] = [*filters, cleaner]
            return unbound_field.bind(form=form, **options)
