"""E-mail addresses as accounts are keyed by them (security finding 23: look-alike addresses).

An address is compared in one form: Unicode NFKC (full-width "ｐａｔｉｅｎｔ" becomes "patient"), lower case,
and the domain in its IDNA (punycode) form, so that "exämple.org" and "xn--exmple-cua.org" are one
domain. A new account's address must also be plain: Latin letters, digits and the usual signs before
the @, and a domain of Latin letters (æ, ø, å and other accented letters are Latin) — so a Cyrillic "а"
that looks like a Latin "a" is refused instead of making a second account that looks the same.
"""

from __future__ import annotations

import re
import unicodedata

_LOCAL_PART = re.compile(r"[a-z0-9.!#$%&'*+/=?^_`{|}~-]+")


def normalise_email(email: str | None) -> str:
    text = unicodedata.normalize("NFKC", email or "").strip().lower()
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:  # not a domain IDNA can write; left as typed, and the form refuses it
        pass
    return f"{local}@{domain}"


def _latin(character: str) -> bool:
    return character in "-." or character.isdigit() or unicodedata.name(character, "").startswith("LATIN ")


def looks_alike(email: str | None) -> bool:
    """True when the address, as typed, could pass for another: characters outside plain ASCII before
    the @, letters of another script in the domain, or a domain IDNA cannot write."""
    text = unicodedata.normalize("NFKC", email or "").strip().lower()
    local, at, domain = text.rpartition("@")
    if not at or not _LOCAL_PART.fullmatch(local):
        return True
    if not all(_latin(character) for character in domain):
        return True
    try:
        decoded = domain.encode("idna").decode("ascii").encode("ascii").decode("idna")
    except UnicodeError:
        return True
    # a domain typed in punycode ("xn--…") that decodes to other scripts is refused the same way
    return not all(_latin(character) for character in decoded)
