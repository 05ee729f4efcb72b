"""Hand a flag to a named colleague of the same clinic, with a note (issue 13 §2).

The flag becomes the colleague's, the step is a FlagEvent "handed_over" naming her, it is audited, and
she gets a message through the outbox that says only that a flag waits for her: no patient, no health
words, whatever her preferences (issue 12)."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import _
from flask_login import current_user

from .. import db, notify
from ..models import FlagStatus
from ..security import nurse_required
from . import bp
from .flag_details import clinic_colleagues
from .queue import _done, _event, _flag_page, _now, _refuse_if_resolved, clinic_flag, handover_form

KIND = "flag_handed_over"


def handed_over_text(params: dict) -> tuple[str, str]:
    return (_("NataHjem: a flag was handed to you"),
            _("%(name)s handed a flag to you. Open NataHjem to see it.", name=params.get("from", "")))


# No health data in either text (a colleague's name only), so the discreet text is the detailed one.
notify.texts.register(KIND, detailed=handed_over_text, discreet=handed_over_text)


@bp.post("/flags/<int:flag_id>/hand-over")
@nurse_required
def hand_over_flag(flag_id: int):
    flag = clinic_flag(flag_id)
    if (response := _refuse_if_resolved(flag)) is not None:
        return response
    session = db.session()
    colleagues = {str(u.id): u for u in clinic_colleagues(session, current_user)}
    form = handover_form(list(colleagues.values()))
    if not form.validate_on_submit():
        return _flag_page(flag, 422, handover_form=form)
    value = form.to_nurse.data or ""
    if value == str(current_user.id):
        form.to_nurse.errors.append(_("Choose a colleague, not yourself."))
        return _flag_page(flag, 422, handover_form=form)
    colleague = colleagues.get(value)
    if colleague is None:  # a nurse of another clinic, or no nurse at all: as if she did not exist
        abort(404)
    if flag.assigned_nurse_id == colleague.id:  # a double-tapped submit: it is hers already
        flash(_("%(name)s has this flag.", name=colleague.full_name), "info")
        return redirect(url_for("nurse.flag", flag_id=flag.id))
    now = _now()
    flag.assigned_nurse_id = colleague.id
    flag.status = FlagStatus.IN_PROGRESS
    session.add(flag)
    _event(flag, "handed_over", note=form.handover_note.data or "", now=now, to_user_id=colleague.id)
    session.flush()
    notify.notify_user(session, colleague, key=f"{KIND}:{flag.id}:{colleague.id}:{now.isoformat()}", kind=KIND,
                       url=url_for("nurse.flag", flag_id=flag.id), params={"from": current_user.full_name})
    return _done(flag, _("The flag is handed to %(name)s.", name=colleague.full_name))
