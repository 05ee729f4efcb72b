from flask import Blueprint

bp = Blueprint("symptoms", __name__, url_prefix="/symptoms")

from . import cards, routes  # noqa: E402,F401  (routes and the start-page card register)
