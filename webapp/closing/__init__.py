"""Closing an account (issue 15 §4, GDPR art. 17 within the health-records rules): the patient asks, with
her password; a routine flag tells the clinic; an admin of her clinic confirms. Closing ends every way
into the account and deletes what is only there to reach her; the health record stays with the clinic
(README "Closing an account")."""

from flask import Blueprint

bp = Blueprint("closing", __name__)

from . import routes  # noqa: E402,F401
