"""The record travels (issue 15): the pre-visit summary as PDF, for the nurse and for the patient, and the
trend charts on the patient's "My data" page and the nurse's patient page."""

from flask import Blueprint

bp = Blueprint("summary", __name__)

from . import providers, routes  # noqa: E402,F401
