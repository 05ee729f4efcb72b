"""Phone numbers as the app shows them: a tel: link that dials, and a number that never wraps in the
middle (walk defect 16). For the fixed numbers (113, 116 117, 116 123) and the clinic's own; issue 13
brings patients' numbers (E.164 with `phonenumbers`) and should grow this module, not start another."""

from __future__ import annotations

import re


def tel_number(phone: str | None) -> str:
    """The digits (and a leading +) of a phone number, for a tel: link; "" when it is not a number."""
    digits = re.sub(r"[^0-9+]", "", phone or "")
    return digits if len(digits.lstrip("+")) >= 3 else ""


def init_app(app) -> None:
    app.jinja_env.filters["tel"] = tel_number
