from flask_babel import lazy_gettext as _l
from wtforms import SubmitField, TelField
from wtforms.validators import Length

from ..form_validators import PhoneNumber
from ..forms_base import BaseForm


class MyPhoneForm(BaseForm):
    phone = TelField(
        _l("Mobile number"),
        description=_l("The clinic calls you on this number. A number abroad starts with + and the country code."),
        validators=[Length(max=40), PhoneNumber(mobile=True)],
    )
    submit = SubmitField(_l("Save number"))
