"""Personal PML risk, the monitoring calendar and JCV results: the patient's risk page, the nurse's
section and forms, a start-page card and the daily JCV checks (issue 6)."""

from flask import Blueprint

bp = Blueprint("risk", __name__)

from . import checks, providers, routes  # noqa: E402,F401
