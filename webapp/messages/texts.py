"""The notification of a reply from the clinic: never the words, not even in detailed mode (issue 13)."""

from __future__ import annotations

from flask_babel import gettext as _

from .. import notify


def reply_text(_params: dict) -> tuple[str, str]:
    return "NataHjem", _("You have a new message from the clinic. Open NataHjem to read it.")


notify.texts.register("message_reply", detailed=reply_text, discreet=reply_text)
