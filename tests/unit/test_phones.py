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


# ------------------------------------------------------------------ parsing and display (issue 13)
from webapp.phones import NBSP, PhoneError, display_phone, parse_phone, tel_link  # noqa: E402


@pytest.mark.parametrize(("typed", "stored"), [
    ("912 34 567", "+4791234567"),
    ("91234567", "+4791234567"),
    ("+47 912 34 567", "+4791234567"),
    ("0047 912 34 567", "+4791234567"),  # 00 is the international prefix dialled from Norway
    ("(+47) 912-34-567", "+4791234567"),
    ("412 34 567", "+4741234567"),
    ("+46 70 123 45 67", "+46701234567"),  # Swedish mobile
    ("0046 70 123 45 67", "+46701234567"),
    ("+44 7911 123456", "+447911123456"),  # UK mobile
])
def test_a_mobile_number_is_stored_in_e164(typed, stored):
    assert parse_phone(typed, mobile=True) == stored


@pytest.mark.parametrize("typed", [
    "ring meg", "912 34 56a", "+47 912 34 567 x", "12", "1234567", "999999999999999999", "+47 000 00 000",
    "9" * 41, "<script>", "912\u00a034\u00a0567\u202e",
])
def test_text_that_is_not_a_phone_number_is_refused(typed):
    with pytest.raises(PhoneError):
        parse_phone(typed)


@pytest.mark.parametrize("landline", ["22 00 00 00", "+47 22 00 00 00", "77 00 00 00", "55 12 34 56"])
def test_a_norwegian_landline_is_refused_as_a_mobile_but_kept_for_a_clinic(landline):
    with pytest.raises(PhoneError, match="mobile"):
        parse_phone(landline, mobile=True)
    assert parse_phone(landline).startswith("+47")


def test_an_empty_field_is_no_number():
    assert parse_phone("") == "" and parse_phone("   ", mobile=True) == "" and parse_phone(None) == ""


@pytest.mark.parametrize(("stored", "shown"), [
    ("+4791234567", "912 34 567"),
    ("+4722000000", "22 00 00 00"),
    ("+46701234567", "+46 70 123 45 67"),
    ("116 117", "116 117"),
])
def test_a_number_is_shown_in_its_grouping_without_breaking(stored, shown):
    assert display_phone(stored) == shown.replace(" ", NBSP)
    assert " " not in display_phone(stored)


def test_a_tel_link_dials_the_digits_and_shows_the_grouping():
    assert str(tel_link("+4791234567")) == f'<a href="tel:+4791234567">912{NBSP}34{NBSP}567</a>'
    assert str(tel_link("")) == ""
