"""Security finding 23: look-alike e-mail addresses are one address, or refused (webapp/emails.py)."""

from __future__ import annotations

import pytest

from webapp.emails import looks_alike, normalise_email


@pytest.mark.parametrize(("typed", "stored"), [
    ("Patient@Example.org ", "patient@example.org"),
    ("ｐａｔｉｅｎｔ@example.org", "patient@example.org"),  # full-width letters
    ("patient@exämple.org", "patient@xn--exmple-cua.org"),
    ("patient@xn--exmple-cua.org", "patient@xn--exmple-cua.org"),
    ("kari@blåbær.no", "kari@xn--blbr-roah.no"),
])
def test_an_address_has_one_stored_form(typed, stored):
    assert normalise_email(typed) == stored


@pytest.mark.parametrize("address", [
    "pаtient@example.org",  # Cyrillic а
    "patient@examplе.org",  # Cyrillic е
    "patient@xn--exampl-3of.org",  # the same, typed in punycode
    "pätient@example.org",  # a non-ASCII local part
    "patient@ex\u200bample.org",  # a zero-width space
    "no-at-sign",
])
def test_look_alike_addresses_are_refused(address):
    assert looks_alike(address)


@pytest.mark.parametrize("address", [
    "patient@example.org", "ｐａｔｉｅｎｔ@example.org", "kari@blåbær.no", "ola.nordmann+ms@sykehus.no",
    "patient@xn--exmple-cua.org",
])
def test_plain_addresses_pass(address):
    assert not looks_alike(address)
