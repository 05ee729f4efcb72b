"""The patient's own copy of her data (issue 15 part 4, GDPR art. 15 and 20): the FHIR Bundle and a CSV
per kind of record, under /my-data/export/, behind the password asked again. The "My data" page itself
(/my-data) includes templates/my_data/_exports.html."""

from flask import Blueprint

bp = Blueprint("my_data_export", __name__, url_prefix="/my-data/export")

from . import routes  # noqa: E402,F401
