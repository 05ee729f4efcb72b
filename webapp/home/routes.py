from datetime import UTC, datetime

from flask import redirect, render_template, url_for
from flask_login import current_user

from ..domain.clock import local_date
from ..extension_points import START_CARDS, render_cards
from ..models import Role
from ..security import patient_required
from . import bp


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    if current_user.role == Role.NURSE:
        return redirect(url_for("nurse.index"))
    if current_user.role == Role.RELATIVE:
        return redirect(url_for("relatives.helping"))
    return start()


@patient_required
def start():
    patient = current_user.patient
    cards = render_cards(START_CARDS, patient, local_date(datetime.now(UTC))) if patient else []
    return render_template("home/start.html", patient=patient, cards=cards)


@bp.get("/emergency")
def emergency():
    """What to do in an emergency: open to everyone, one tap from every patient page."""
    return render_template("home/emergency.html")


@bp.get("/healthz")
def healthz():
    """For the load balancer: the app answers. Touches nothing else (also the benchmark's ceiling)."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
