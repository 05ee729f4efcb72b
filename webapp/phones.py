"""Phone numbers as the app shows and stores them (issue 13, walk defects 6 and 16).

A number is stored in E.164 ("+4791234567"), parsed with Google's libphonenumber (`phonenumbers`):
a number without a country code is read as Norwegian. It is shown in Norwegian grouping for Norwegian
numbers ("912 34 567", "22 00 00 00") and in international grouping for others, with non-breaking spaces
so that it never wraps in the middle, and dialled through a tel: link. The fixed numbers (113, 116 117,
116 123) and the clinic's own number use the same filters.
"""

from __future__ import annotations

import re

import phonenumbers
from markupsafe import Markup

DEFAULT_REGION = "NO"
NBSP = "\u00a0"


class PhoneError(ValueError):
    """The text is not a phone number we can call (the message says why, in English; forms translate)."""


def parse_phone(text: str | None, *, mobile: bool = False) -> str:
    """The number in E.164, or "" for an empty field. Raises PhoneError for anything that is not a valid
    number; with `mobile`, also for a Norwegian number that cannot receive SMS (a landline)."""
    text = (text or "").strip()
    if not text:
        return ""
    if len(text) > 40 or not re.fullmatch(r"[0-9+()\-.\s/]+", text):
        raise PhoneError("not a phone number")
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise PhoneError("not a phone number") from error
    if not phonenumbers.is_valid_number(number):
        raise PhoneError("not a valid number")
    if mobile and phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        kind = phonenumbers.number_type(number)
        if kind not in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            raise PhoneError("not a mobile number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(phone: str | None) -> str:
    """Norwegian grouping for Norwegian numbers, international grouping for others, non-breaking spaces;
    short service numbers (113, 116 117) and text that does not parse are returned with NBSPs as given."""
    phone = (phone or "").strip()
    if not phone:
        return ""
    try:
        number = phonenumbers.parse(phone, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return phone.replace(" ", NBSP)
    if phonenumbers.is_valid_number(number):
        if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
            shown = _norwegian_grouping(str(number.national_number))
        else:
            shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return shown.replace(" ", NBSP)
    return phone.replace(" ", NBSP)


def _norwegian_grouping(digits: str) -> str:
    """Mobile numbers (4xx, 9xx) as "912 34 567", the others as "22 00 00 00" (Språkrådet's advice;
    libphonenumber groups every Norwegian number in pairs)."""
    if len(digits) != 8:
        return digits
    if digits[0] in "49":
        return f"{digits[:3]} {digits[3:5]} {digits[5:]}"
    return " ".join(digits[i:i + 2] for i in range(0, 8, 2))


def tel_number(phone: str | None) -> str:
    """The digits (and a leading +) of a phone number, for a tel: link; "" when it is not a number."""
    digits = re.sub(r"[^0-9+]", "", phone or "")
    return digits if len(digits.lstrip("+")) >= 3 else ""


def tel_link(phone: str | None, css_class: str = "") -> Markup:
    """<a href="tel:…">number</a> in display grouping; "" for no number."""
    digits = tel_number(phone)
    if not digits:
        return Markup("")
    template = Markup('<a href="tel:{0}" class="{2}">{1}</a>') if css_class else Markup('<a href="tel:{0}">{1}</a>')
    return template.format(digits, display_phone(phone), css_class)  # format() escapes every argument


def init_app(app) -> None:
    app.jinja_env.filters["tel"] = tel_number
    app.jinja_env.filters["phone"] = display_phone
    app.jinja_env.filters["tel_link"] = tel_link
