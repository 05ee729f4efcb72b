"""Every Bundle is parsed with the `fhir.resources` models before it leaves (R4B, FHIR 4.3.0: the
resources used here are those of R4 4.0.1), so a mapping mistake is our 500, not the record system's."""

from __future__ import annotations

import json

from fhir.resources.R4B.bundle import Bundle


def validated_json(bundle: dict) -> str:
    """The Bundle as JSON text, after `fhir.resources` has read it back; raises on an invalid one."""
    text = json.dumps(bundle, ensure_ascii=False, separators=(",", ":"))
    Bundle.model_validate_json(text)
    return text
