"""A relative who may help (issue 15 §5; like Helsenorge's power of attorney and Medisafe's "Medfriend").

The patient invites a relative by e-mail and chooses what the relative may do (report symptoms on her
behalf, log doses, get missed-dose reminders, read the articles) and for how long; she can revoke it at
any time. The relative has an account of her own (role `relative`, at the patient's clinic), sees only
what was granted, and every request made for the patient is written to the audit log as the relative's,
which the patient reads in "Who has looked at my information". A report a relative makes counts as the
patient's own symptom at the same level (symptoms.md modifier "Reported by someone else")."""

from flask import Blueprint

bp = Blueprint("relatives", __name__)

from . import reminders, routes  # noqa: E402,F401
