"""Phone numbers as tel: links (walk defect 16): one helper for the clinic's and the fixed numbers."""

from __future__ import annotations

import pytest

from webapp.phones import tel_number


@pytest.mark.parametrize(("shown", "dialled"), [
    ("+47 22 00 00 00", "+4722000000"),
    ("116 117", "116117"),
    ("113", "113"),
    ("(+47) 22-00-00-00", "+4722000000"),
])
def test_a_number_is_dialled_as_its_digits(shown, dialled):
    assert tel_number(shown) == dialled


@pytest.mark.parametrize("not_a_number", [None, "", "ring oss", "12"])
def test_something_that_is_not_a_number_gives_no_link(not_a_number):
    assert tel_number(not_a_number) == ""
