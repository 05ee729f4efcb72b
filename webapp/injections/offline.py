"""The dose form for when there is no network (issue 16 part 2).

The service worker keeps this page on the patient's phone and shows it instead of the safety check or the
dose form when the network is gone. It holds both: the safety questions first, then the dose. With
JavaScript, `static/js/offline.js` keeps the entry on the phone (IndexedDB, with its client id) and sends
it when the network is back: first the safety check (the server wants a fresh one before any dose,
security finding 22), then the dose. Any "yes" in the check stops the dose on the phone and says whom to
call; nothing is kept. Without JavaScript there is no service worker and no offline copy: online, the
form posts the safety check as usual and the dose is typed on the next page.
"""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from .. import db
from ..domain.predose import PreDoseQuestion
from ..security import own_patient, patient_required
from . import bp
from .forms import InjectionForm, PreDoseForm
from .history import recent_sites_and_batches
from .labels import SITE_LABELS
from .routes import _body_map, _suggested_sites, dose_closed


@bp.get("/offline")
@patient_required
def offline():
    patient = own_patient()
    if (closed := dose_closed(patient)) is not None:
        return closed  # kept as it is: offline too, the patient reads that the dose waits and whom to call
    check = PreDoseForm(then="log")
    dose = InjectionForm()
    doses = recent_sites_and_batches(db.session(), patient.id)
    # No client id, date or time here: the page is kept for days; the phone makes them when the dose is saved.
    dose.site_1.data, dose.site_2.data = _suggested_sites(doses)
    if doses:
        dose.batch_1.data = doses[-1].batch_2 or doses[-1].batch_1
        dose.batch_2.data = dose.batch_1.data
    return render_template("injections/offline.html", check=check, form=dose, questions=list(PreDoseQuestion),
                           body_map=_body_map(doses), site_labels=SITE_LABELS, clinic=current_user.clinic)
