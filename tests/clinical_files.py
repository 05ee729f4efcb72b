"""The clinical files the tests check the code against (../shared/clinical is the source of truth).

Next to `shared/` (the team's checkout, CI) the tests read the shared files themselves; a clone on
its own falls back to the copies in tests/clinical, and tests/unit/test_clinical_copies.py fails as
soon as a copy differs from the shared file, so that a change to the source of truth is not missed.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "clinical"
COPIES = Path(__file__).resolve().parent / "clinical"
NAMES = ("symptoms.md", "triage_examples.tsv", "pml_risk_table.csv", "facts.md", "pml_risk_table.md")


def clinical_file(name: str) -> Path:
    shared = SHARED / name
    return shared if shared.exists() else COPIES / name
