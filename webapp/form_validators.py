"""Validators shared by the forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms.validators import NumberRange, StopValidation

from .emails import looks_alike
from .phones import PhoneError, parse_phone


class SafeNumberRange(NumberRange):
    """NumberRange that also copes with absurdly large whole numbers ("999…9" with hundreds of digits):
    WTForms' own check turns them into a float and fails with an OverflowError, which would be a 500."""

    def __call__(self, form, field):
        data = field.data
        if isinstance(data, int) and abs(data) > 10**15:
            # Out of range whatever the bounds are: same message as the range check would give.
            field.data = (self.max + 1) if self.max is not None else (self.min - 1)
        super().__call__(form, field)


class PhoneNumber:
    """A phone number field (issue 13): the typed text stays in the field, and the number is stored in
    E.164 in `field.e164` (webapp/phones.py). `mobile` refuses Norwegian landlines, for a patient's
    mobile number; the clinic's own number may be a landline."""

    def __init__(self, *, mobile: bool = False):
        self.mobile = mobile

    def __call__(self, form, field):
        try:
            field.e164 = parse_phone(field.data, mobile=self.mobile)
        except PhoneError as error:
            field.e164 = ""
            if str(error) == "not a mobile number":
                raise StopValidation(_l("This looks like a landline. Enter a mobile number, like 912 34 567.")) from None
            raise StopValidation(
                _l("Enter a phone number with digits only, like 912 34 567, or +46 70 123 45 67 for a number abroad.")
            ) from None


class PlainEmail:
    """A new account's address may not pass for another one (security finding 23): see webapp/emails.py."""

    def __call__(self, form, field):
        if field.data and not field.errors and looks_alike(field.data):  # after the Email() check
            raise StopValidation(_l("Type the address with ordinary letters: it has characters that look like "
                                    "others (from another alphabet, or full-width)."))
