from __future__ import annotations

from wtforms import HiddenField
from wtforms.validators import AnyOf, DataRequired

from ..forms_base import BaseForm, clean_text


class DigestForm(BaseForm):
    """The clinic's morning e-mail on or off (issue 12 §5)."""

    digest = HiddenField(validators=[DataRequired(), AnyOf(["on", "off"])], filters=[clean_text])
