"""WTForms choices as SelectChoice objects (tuples are deprecated in WTForms 3.3)."""

from __future__ import annotations

from wtforms.fields.choices import SelectChoice


def choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]
