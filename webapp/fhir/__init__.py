"""FHIR R4 for the clinic's record (issue 15 part 3): `bundle` maps plain model objects to a Bundle and
knows nothing of Flask; `records` loads one patient's rows for a period; `routes` and `api` serve it."""
