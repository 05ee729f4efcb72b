"""The summary PDF and the "My data" page. The nurse makes the PDF from the patient page for a patient of
her clinic; the patient from "My data" for herself. Both choose the period with the same GET form, which
sends ?from=…&to=… to the PDF's own URL; a mistake comes back as the page with the message by the field."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import make_response, render_template, request, url_for
from flask_babel import get_locale
from sqlmodel import select

from .. import db
from ..domain.clock import local_date
from ..models import MonitoringCheck
from ..security import audit, nurse_required, own_patient, patient_required
from . import bp, labels
from .forms import PeriodForm
from .pdf import html_to_pdf
from .period import Period, chosen_period, default_period
from .record import load_summary, load_trends, record_start


def _checks(patient) -> list[tuple[str, object]]:
    return list(db.session().exec(select(MonitoringCheck.kind, MonitoringCheck.done_on)
                                  .where(MonitoringCheck.patient_id == patient.id)).all())


def period_form(patient, today) -> tuple[PeriodForm, Period]:
    """The form, filled from ?from=…&to=… or with the default period; the period it stands for."""
    default = default_period(_checks(patient), record_start(patient), today)
    asked = "from" in request.args or "to" in request.args
    form = PeriodForm(formdata=request.args if asked else None,
                      data=None if asked else {"start": default.start, "end": default.end})
    if not asked:
        return form, default
    form.validate()
    if form.errors:
        return form, default
    return form, chosen_period(form.start.data, form.end.data, record_start(patient), today)


def _pdf_response(patient, period, today, filename_who: str):
    summary = load_summary(db.session(), patient, period, today)
    html = render_template("summary/pdf.html", s=summary, labels=labels, made_at=datetime.now(UTC),
                           language=str(get_locale()))
    response = make_response(html_to_pdf(html))
    response.headers["Content-Type"] = "application/pdf"
    name = f"natahjem-{filename_who}-{period.start.isoformat()}-{period.end.isoformat()}.pdf"
    response.headers["Content-Disposition"] = f"attachment; filename={name}"
    response.headers["Cache-Control"] = "no-store"  # health data: never kept by a browser or proxy
    return response


@bp.get("/my-data")
@patient_required
def my_data():
    patient = own_patient()
    today = local_date(datetime.now(UTC))
    form, period = period_form(patient, today)
    return _my_data_page(patient, today, form, period)


def _my_data_page(patient, today, form, period, status=200):
    return render_template("summary/my_data.html", patient=patient, form=form, period=period, labels=labels,
                           trends=load_trends(db.session(), patient, today),
                           action=url_for("summary.my_summary_pdf")), status


@bp.get("/my-data/summary.pdf")
@patient_required
def my_summary_pdf():
    patient = own_patient()
    today = local_date(datetime.now(UTC))
    form, period = period_form(patient, today)
    if form.errors:
        return _my_data_page(patient, today, form, period, status=422)
    # her own copy, audited like her other exports (her access log lists only others' reads)
    audit("export", patient_id=patient.id, target="summary.pdf")
    db.session().commit()
    return _pdf_response(patient, period, today, "summary")


@bp.get("/nurse/patients/<int:patient_id>/summary.pdf")
@nurse_required
def nurse_summary_pdf(patient_id: int):
    from ..nurse.routes import clinic_patient  # the nurse blueprint builds on this one's models only

    patient = clinic_patient(patient_id)
    today = local_date(datetime.now(UTC))
    form, period = period_form(patient, today)
    if form.errors:
        audit("read", patient_id=patient.id, target="nurse.patient")
        db.session().commit()
        return render_template("summary/nurse_period.html", patient=patient, form=form, labels=labels,
                               action=url_for("summary.nurse_summary_pdf", patient_id=patient.id)), 422
    audit("export", patient_id=patient.id, target="summary.pdf")
    db.session().commit()
    return _pdf_response(patient, period, today, f"patient-{patient.id}")
