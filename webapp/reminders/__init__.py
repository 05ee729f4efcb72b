"""Reminders (issue 12 §3): the clock's job that writes them and their messages, the start page's
reminder cards with "dismiss", and the notification preferences page."""

from flask import Blueprint

bp = Blueprint("reminders", __name__)

from . import cards, job, routes  # noqa: E402,F401
