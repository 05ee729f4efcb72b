"""The clinic's own settings (issue 13 part 1): its phone number, when the phone is answered and how
soon a message is answered. The patient's start page and the callback due times read them."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SubmitField, TelField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..domain.clinic_hours import MAX_REPLY_DAYS, MIN_REPLY_DAYS
from ..form_validators import PhoneNumber, SafeNumberRange
from ..forms_base import BaseForm


class ClinicSettingsForm(BaseForm):
    phone = TelField(
        _l("The clinic's phone number"),
        description=_l("Patients call this number from their start page. It may be a landline."),
        validators=[DataRequired(_l("Enter the clinic's phone number.")), Length(max=40), PhoneNumber()],
    )
    opens_at = TimeField(
        _l("Opens at"),
        description=_l("On working days. Weekends and public holidays are closed."),
        validators=[InputRequired(_l("Enter a time like 08:00."))],
    )
    closes_at = TimeField(
        _l("Closes at"),
        description=_l("An urgent callback is due by this time on the next working day."),
        validators=[InputRequired(_l("Enter a time like 15:30."))],
    )
    reply_days = IntegerField(
        _l("Working days to answer a message"),
        description=_l("Patients are told the clinic answers within this many working days."),
        validators=[
            InputRequired(_l("Enter a number of days.")),
            SafeNumberRange(MIN_REPLY_DAYS, MAX_REPLY_DAYS,
                            _l("Enter a number from %(min)s to %(max)s.", min=MIN_REPLY_DAYS, max=MAX_REPLY_DAYS)),
        ],
    )
    submit = SubmitField(_l("Save the clinic's settings"))

    def validate_closes_at(self, field):
        if self.opens_at.data and field.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("The clinic must close later than it opens."))
