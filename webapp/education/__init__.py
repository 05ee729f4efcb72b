"""Patient education: one Markdown file per article per language (STYLE.md habit 16)."""

from flask import Blueprint

bp = Blueprint("education", __name__, url_prefix="/learn")

from . import routes  # noqa: E402,F401
