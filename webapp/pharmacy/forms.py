from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, HiddenField, IntegerField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..domain.supply import DEFAULT_PICKUP_SYRINGES, ColdChainProblem
from ..form_validators import SafeNumberRange
from ..forms_base import BaseForm
from .advice import COLD_CHAIN_LABELS

# a pickup is normally 3 months (facts R2); more than 60 syringes at once is a typing mistake
MAX_PICKUP_SYRINGES = 60
# a pickup covers about 3 months (facts R2): more notice than two months would be due before the last one
MAX_ORDER_LEAD_DAYS = 60

# natalizumab has been used in Norway since 2006 (facts D1): an earlier date is a typing mistake
EARLIEST_DATE = date(2006, 1, 1)


def not_before_2006(form, field):
    if field.data and field.data < EARLIEST_DATE:
        raise ValidationError(_l("Enter a date in 2006 or later."))


STORAGE_QUESTION = _l("Did they go straight into the fridge?")
PROBLEMS = [SelectChoice(code.value, COLD_CHAIN_LABELS[code]) for code in ColdChainProblem if code is not ColdChainProblem.NONE]


class PickupForm(BaseForm):
    # Made when the form is shown: a double tap or a resent form stores one pickup.
    client_id = HiddenField(validators=[DataRequired(), Length(max=64)])
    picked_up_on = DateField(
        _l("Picked up on"), validators=[DataRequired(_l("Enter the date you picked up the syringes.")), not_before_2006]
    )
    pharmacy = StringField(
        _l("Pharmacy"),
        description=_l("For example Apotek 1 Storgata."),
        validators=[DataRequired(_l("Enter the pharmacy.")), Length(max=200)],
    )
    syringes = IntegerField(
        _l("Number of syringes"),
        description=_l("6 syringes are three doses. Count the syringes in the pack."),
        default=DEFAULT_PICKUP_SYRINGES,
        validators=[
            InputRequired(_l("Enter the number of syringes.")),
            SafeNumberRange(1, MAX_PICKUP_SYRINGES, _l("Enter a number from 1 to %(max)s.", max=MAX_PICKUP_SYRINGES)),
        ],
    )
    storage = RadioField(
        STORAGE_QUESTION,
        choices=[SelectChoice(ColdChainProblem.NONE.value, _l("Yes, straight into the fridge")), *PROBLEMS],
        validators=[InputRequired(_l("Answer how the syringes were kept."))],
    )
    # Shown only when the pickup looks like a mistake: a second one on the same day or an odd count
    # (walk defect 13), as the dose form asks about a second dose close to another.
    confirm_unusual = BooleanField(_l("Yes, this is right. Save it."))
    submit = SubmitField(_l("Save the pickup"))


class StorageProblemForm(BaseForm):
    problem = RadioField(
        _l("What happened?"), choices=PROBLEMS, validators=[InputRequired(_l("Choose what happened."))]
    )
    submit = SubmitField(_l("Report the problem"))


class PrescriptionForm(BaseForm):
    issued_on = DateField(
        _l("Issued on"), validators=[DataRequired(_l("Enter the date the H-resept was issued.")), not_before_2006]
    )
    valid_until = DateField(
        _l("Valid until"),
        description=_l("Leave empty if it is valid for one year, as most are."),
        validators=[Optional(), not_before_2006],
    )
    clinic_name = StringField(
        _l("Clinic"),
        description=_l("The clinic or doctor that issued it."),
        validators=[DataRequired(_l("Enter the clinic that issued it.")), Length(max=200)],
    )
    submit = SubmitField(_l("Save the H-resept"))


class ConfirmPrescriptionForm(BaseForm):
    submit = SubmitField(_l("Confirm"))


class OrderLeadForm(BaseForm):
    # the pharmacy often needs notice (facts R4); 14 days unless this patient's pharmacy needs more
    order_lead_days = IntegerField(
        _l("Days' notice the pharmacy needs"),
        description=_l("The patient is asked to order this many days before the syringes run out. Usually 14."),
        validators=[
            InputRequired(_l("Enter a number of days.")),
            SafeNumberRange(0, MAX_ORDER_LEAD_DAYS, _l("Enter a number from 0 to %(max)s.", max=MAX_ORDER_LEAD_DAYS)),
        ],
    )
    submit = SubmitField(_l("Save"))
