"""Words for the follow-up answers, for the patient's buttons and the nurse's pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..domain.followups import Answer

ANSWER_LABELS = {
    Answer.BETTER: _l("Better"),
    Answer.SAME: _l("The same"),
    Answer.WORSE: _l("Worse"),
    Answer.GONE: _l("Gone"),
}
