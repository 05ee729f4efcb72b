"""The message forms: a new thread, a reply, closing a thread."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, MultipleFileField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..domain.messages import BODY_MAX, SUBJECT_MAX
from ..forms_base import CLIENT_ID, BaseForm, clean_text
from ..photos import MAX_PHOTOS

BODY_TOO_LONG = _l("Write at most %(num)d characters. Nothing was sent: shorten the text and send again.",
                   num=BODY_MAX)


def _body(label):
    # No maxlength on the box: a longer text is refused with a message, never cut by the browser (issue 13).
    return TextAreaField(label, validators=[DataRequired(message=_l("Write your message.")),
                                            Length(max=BODY_MAX, message=BODY_TOO_LONG)],
                         description=_l("At most %(num)d characters.", num=BODY_MAX), render_kw={"rows": 6})


def _photos():
    return MultipleFileField(_l("Photos (optional)"), render_kw={"accept": "image/*"},
                             description=_l("For example of an injection site or a rash. At most %(num)d photos.",
                                            num=MAX_PHOTOS))


class NewThreadForm(BaseForm):
    client_id = HiddenField(validators=[DataRequired(), CLIENT_ID], filters=[clean_text])
    subject = StringField(_l("Subject"), validators=[
        DataRequired(message=_l("Write a short subject.")),
        Length(max=SUBJECT_MAX, message=_l("Write at most %(num)d characters.", num=SUBJECT_MAX))])
    body = _body(_l("Your message"))
    photos = _photos()


class PatientReplyForm(BaseForm):
    client_id = HiddenField(validators=[DataRequired(), CLIENT_ID], filters=[clean_text])
    body = _body(_l("Your reply"))
    photos = _photos()


class NurseReplyForm(BaseForm):
    client_id = HiddenField(validators=[DataRequired(), CLIENT_ID], filters=[clean_text])
    body = _body(_l("Your reply"))


class NurseNewThreadForm(BaseForm):
    client_id = HiddenField(validators=[DataRequired(), CLIENT_ID], filters=[clean_text])
    subject = NewThreadForm.subject
    body = _body(_l("Message to the patient"))


class CloseForm(BaseForm):
    """Closing a thread: only the CSRF token."""
