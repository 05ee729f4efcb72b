from flask import Blueprint

bp = Blueprint("home", __name__)

from . import offline, phone, routes  # noqa: E402,F401
