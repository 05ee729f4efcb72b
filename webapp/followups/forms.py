from __future__ import annotations

from wtforms import HiddenField
from wtforms.validators import AnyOf, DataRequired

from ..domain.followups import Answer
from ..forms_base import BaseForm, clean_text


class FollowUpForm(BaseForm):
    """ "How is it now?": four buttons named `answer`; `number` is the question they answer, so that an
    old page sent again cannot answer a newer question."""

    answer = HiddenField(validators=[DataRequired(), AnyOf([a.value for a in Answer])], filters=[clean_text])
    number = HiddenField(validators=[DataRequired(), AnyOf(["1", "2", "3"])], filters=[clean_text])


class FollowUpsOffForm(BaseForm):
    """The nurse's switch: follow-ups off (or on again) for one report."""

    followups = HiddenField(validators=[DataRequired(), AnyOf(["off", "on"])], filters=[clean_text])
