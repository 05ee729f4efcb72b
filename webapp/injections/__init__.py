from flask import Blueprint

bp = Blueprint("injections", __name__, url_prefix="/injections")

from . import calendar_feed, cards, offline, routes  # noqa: E402,F401  (routes, card and calendar events register)
