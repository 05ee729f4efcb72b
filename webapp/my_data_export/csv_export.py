"""One CSV file per kind of record, for the patient's own copy. No Flask: the caller passes `gettext` for
the headers, so the columns are named in the reader's language.

Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with =, +, -, @, tab or
carriage return as a formula, e.g. a report's free text "=HYPERLINK(…)". Every such cell gets a leading
apostrophe, which Excel and LibreOffice show as text. UTF-8 with a byte-order mark, so that Excel reads
"æøå" right."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date, datetime

from ..domain.clock import OSLO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def _mark(message: str) -> str:
    """Marks a header for extraction; `columns` translates it with the caller's gettext."""
    return message


def escape_cell(value) -> str:
    """The cell as text; one a spreadsheet would read as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.astimezone(OSLO).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _status(row) -> str:
    if getattr(row, "withdrawn_at", None):
        return "withdrawn"
    if getattr(row, "superseded_at", None):
        return "corrected"
    return "current"


# kind -> [(header, how to read the cell from a row)]
COLUMNS: dict[str, list[tuple[str, Callable]]] = {
    "doses": [
        (_mark("Date and time"), lambda r: r.given_at),
        (_mark("Place"), lambda r: r.place),
        (_mark("Syringes"), lambda r: r.syringes),
        (_mark("Dose (mg)"), lambda r: 150 * r.syringes),  # two 150 mg syringes per dose (facts H1)
        (_mark("Site, syringe 1"), lambda r: r.site_1),
        (_mark("Batch, syringe 1"), lambda r: r.batch_1),
        (_mark("Site, syringe 2"), lambda r: r.site_2),
        (_mark("Batch, syringe 2"), lambda r: r.batch_2),
        (_mark("Reaction"), lambda r: r.reaction),
        (_mark("Note"), lambda r: r.note),
        (_mark("Status"), _status),
    ],
    "pickups": [
        (_mark("Date"), lambda r: r.picked_up_on),
        (_mark("Pharmacy"), lambda r: r.pharmacy),
        (_mark("Syringes"), lambda r: r.syringes),
        (_mark("Put in the fridge"), lambda r: r.into_fridge),
        (_mark("Storage problem"), lambda r: r.cold_chain_problem),
        (_mark("Note"), lambda r: r.note),
        (_mark("Status"), _status),
    ],
    "reports": [
        (_mark("Date and time"), lambda r: r.reported_at),
        (_mark("Level"), lambda r: r.level),
        (_mark("Symptoms"), lambda r: " ".join(r.codes)),
        (_mark("Started on"), lambda r: r.started_on),
        (_mark("Within 2 hours of a dose"), lambda r: r.within_2h_of_injection),
        (_mark("Lasted over 24 hours"), lambda r: r.lasted_over_24h),
        (_mark("Getting worse"), lambda r: r.getting_worse),
        (_mark("Fever"), lambda r: r.fever),
        (_mark("Sudden onset"), lambda r: r.sudden_onset),
        (_mark("Reported by someone else"), lambda r: r.reported_by_other),
        (_mark("Your words"), lambda r: r.free_text),
    ],
    "jcv": [
        (_mark("Date"), lambda r: r.tested_on),
        (_mark("Positive"), lambda r: r.positive),
        (_mark("Index"), lambda r: r.jcv_index),
        (_mark("Test"), lambda r: r.assay),
    ],
    "flags": [
        (_mark("Date and time"), lambda r: r[0]),
        (_mark("Kind"), lambda r: r[1]),
        (_mark("What"), lambda r: r[2]),
        (_mark("Level"), lambda r: r[3]),
        (_mark("Status or outcome"), lambda r: r[4]),
        (_mark("Note"), lambda r: r[5]),
    ],
}
KINDS = tuple(COLUMNS)


def flag_rows(flags, calls) -> list[tuple]:
    """Flags and the clinic's calls in one table, by time: (at, kind, what, level, status, note)."""
    rows = [(f.created_at, "flag", f.code, f.level, f.status if not f.outcome else f"{f.status}: {f.outcome}",
             f.patient_note) for f in flags]
    rows += [(e.at, "call", e.kind, "", e.outcome, e.note) for e in calls]
    return sorted(rows, key=lambda row: row[0])


def csv_text(kind: str, rows: Iterable, gettext: Callable[[str], str]) -> str:
    """The CSV file: a BOM, the translated header line, then one escaped line per row."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([escape_cell(gettext(header)) for header, _read in COLUMNS[kind]])
    for row in rows:
        writer.writerow([escape_cell(read(row)) for _header, read in COLUMNS[kind]])
    return out.getvalue()
