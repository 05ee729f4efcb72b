from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField
from wtforms.validators import InputRequired, ValidationError

from ..forms_base import BaseForm


class PeriodForm(BaseForm):
    """From and to dates of the summary, sent with GET to the PDF's own URL (?from=…&to=…), so the link
    says what it is; nothing is changed, so no CSRF token."""

    class Meta:
        csrf = False

    start = DateField(_l("From"), name="from", validators=[InputRequired(_l("Enter the first day."))])
    end = DateField(_l("To"), name="to", validators=[InputRequired(_l("Enter the last day."))])

    def validate_end(self, field):
        if self.start.data and field.data and field.data < self.start.data:
            raise ValidationError(_l("The last day is before the first day. Check the dates."))
