"""The patient's downloads. Each needs the password given again within the last 10 minutes (issue 15:
"behind a fresh password check"); each download is audited as her own export, which her access log,
listing only others' reads, does not show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import _, gettext
from flask_login import current_user
from sqlmodel import select

from .. import db
from ..auth.accounts import passwords
from ..auth.limits import password_again_limit
from ..fhir.records import CALL_KINDS
from ..fhir.routes import attachment, bundle_download
from ..models import Flag, FlagEvent, Injection, JcvResult, Pickup, SymptomReport
from ..security import audit, own_patient, patient_required
from . import bp
from .csv_export import KINDS, csv_text, flag_rows
from .forms import ExportPasswordForm

FRESH_FOR = timedelta(minutes=10)


def _now() -> datetime:
    return datetime.now(UTC)


def export_allowed() -> bool:
    return session.get("export_ok_until", 0) > _now().timestamp()


def _ask_password():
    return redirect(url_for("my_data_export.confirm"))


@bp.route("/", methods=["GET", "POST"])
@password_again_limit()
@patient_required
def confirm():
    """The password again; then, for 10 minutes, the list of downloads."""
    if request.method == "GET" and export_allowed():
        return render_template("my_data/export.html", fresh=True, form=None)
    form = ExportPasswordForm()
    if form.validate_on_submit():
        if passwords().verify(current_user.password_hash, form.password.data):
            session["export_ok_until"] = (_now() + FRESH_FOR).timestamp()
            flash(_("Your password is confirmed. For 10 minutes you can download your data."), "success")
            return redirect(url_for("my_data_export.confirm"))
        form.password.errors.append(_("The password is wrong."))
    return render_template("my_data/export.html", fresh=False, form=form), 422 if form.errors else 200


@bp.get("/fhir.json")
@patient_required
def fhir_json():
    if not export_allowed():
        return _ask_password()
    return bundle_download(own_patient(), name="natahjem")


def _rows(kind: str, patient_id: int):
    """Every row of the kind, corrected and withdrawn ones too (with their status): it is her data."""
    session = db.session()
    if kind == "doses":
        return session.exec(select(Injection).where(Injection.patient_id == patient_id)
                            .order_by(Injection.given_at, Injection.id)).all()
    if kind == "pickups":
        return session.exec(select(Pickup).where(Pickup.patient_id == patient_id)
                            .order_by(Pickup.picked_up_on, Pickup.id)).all()
    if kind == "reports":
        return session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient_id)
                            .order_by(SymptomReport.reported_at, SymptomReport.id)).all()
    if kind == "jcv":
        return session.exec(select(JcvResult).where(JcvResult.patient_id == patient_id)
                            .order_by(JcvResult.tested_on, JcvResult.id)).all()
    flags = session.exec(select(Flag).where(Flag.patient_id == patient_id)).all()
    calls = session.exec(select(FlagEvent).join(Flag, FlagEvent.flag_id == Flag.id)
                         .where(Flag.patient_id == patient_id, FlagEvent.kind.in_(CALL_KINDS))).all()
    return flag_rows(flags, calls)


@bp.get("/<kind>.csv")
@patient_required
def csv_file(kind: str):
    if kind not in KINDS:
        abort(404)
    if not export_allowed():
        return _ask_password()
    patient = own_patient()
    body = csv_text(kind, _rows(kind, patient.id), gettext)
    audit("export", patient_id=patient.id, target=f"csv:{kind}")
    db.session().commit()
    return attachment(body, "text/csv; charset=utf-8", f"natahjem-{kind}.csv")
