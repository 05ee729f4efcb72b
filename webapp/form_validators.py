"""Validators shared by the forms."""

from __future__ import annotations

from wtforms.validators import NumberRange


class SafeNumberRange(NumberRange):
    """NumberRange that also copes with absurdly large whole numbers ("999…9" with hundreds of digits):
    WTForms' own check turns them into a float and fails with an OverflowError, which would be a 500."""

    def __call__(self, form, field):
        data = field.data
        if isinstance(data, int) and abs(data) > 10**15:
            # Out of range whatever the bounds are: same message as the range check would give.
            field.data = (self.max + 1) if self.max is not None else (self.min - 1)
        super().__call__(form, field)
