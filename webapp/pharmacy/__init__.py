from flask import Blueprint

# No url_prefix: the patient's pages live under /pharmacy/, the nurse's under /nurse/patients/<id>/.
bp = Blueprint("pharmacy", __name__)

from . import checks, providers, routes  # noqa: E402,F401
