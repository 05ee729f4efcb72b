"""The patient's "who has looked at my information" page (security review finding 11; pasientjournalloven
§ 18, Normen's log review, GDPR Art. 15): every read of her data by someone else, from the audit log."""

from flask import Blueprint

bp = Blueprint("access_history", __name__)

from . import routes  # noqa: E402,F401
