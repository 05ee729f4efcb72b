from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from . import reset, routes  # noqa: E402,F401  (routes register on bp)
