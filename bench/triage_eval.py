"""Measure the free-text reader on the frozen evaluation set (tests/triage_eval/frozen_eval.tsv).

    python bench/triage_eval.py                 # the figures
    python bench/triage_eval.py --misses        # ... and every miss with expected vs got and reasons
    python bench/triage_eval.py --json out.json # ... and the figures as JSON

It measures; it does not decide. Nobody tunes the reader on this set (tests/triage_eval/README.md):
a reader tuned on the messages it is measured on reports figures that say nothing about the next
patient's words.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT / "tests" / "triage_eval" / "frozen_eval.tsv"

# Order of urgency, highest last (symptoms.md "Levels").
RANK = {"none": 0, "routine": 1, "urgent": 2, "emergency": 3}
NYNORSK_OR_DIALECT = {"nynorsk", "dialect"}


def load_set(path: Path = DEFAULT_SET, limit: int | None = None) -> list[dict]:
    """The set's rows as dicts, `patterns` split into a list."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["patterns"] = [p for p in row["patterns"].split(";") if p]
    return rows[:limit] if limit is not None else rows


def read_all(rows: list[dict], assess=None) -> list[dict]:
    """Run the reader on every row; each result carries what came back beside what was expected."""
    if assess is None:
        sys.path.insert(0, str(ROOT))
        from webapp.domain.triage import assess_text as assess
    results = []
    for row in rows:
        a = assess(row["text"], row["lang"])
        level = getattr(a.level, "value", a.level)
        results.append({
            **row,
            "got_level": level,
            "got_category": a.category if level != "none" else "none",
            "reasons": [str(r) for r in a.reasons],
            "codes": list(getattr(a, "codes", ())),
            "unsure": bool(getattr(a, "unsure", False)),
        })
    return results


def _share(num: int, den: int) -> dict:
    return {"n": num, "of": den, "share": round(num / den, 3) if den else None}


def figures(results: list[dict]) -> dict:
    """The measures (a)-(e) and (i) on a list of results."""
    exp = lambda r: RANK[r["expected_level"]]  # noqa: E731
    got = lambda r: RANK[r["got_level"]]  # noqa: E731
    emerg = [r for r in results if r["expected_level"] == "emergency"]
    urgent = [r for r in results if r["expected_level"] == "urgent"]
    low = [r for r in results if exp(r) <= RANK["routine"]]
    present = [r for r in results if r["present"] == "yes"]
    level_right = [r for r in results if r["got_level"] == r["expected_level"]]
    cat_scored = [r for r in level_right if r["expected_level"] != "none"]
    return {
        "messages": len(results),
        "level_exact": _share(len(level_right), len(results)),
        "emergency_recall": _share(sum(got(r) == RANK["emergency"] for r in emerg), len(emerg)),
        "urgent_recall": _share(sum(got(r) >= RANK["urgent"] for r in urgent), len(urgent)),
        "false_alarms": _share(sum(got(r) >= RANK["urgent"] for r in low), len(low)),
        "urgent_to_emergency": _share(sum(got(r) == RANK["emergency"] for r in urgent), len(urgent)),
        "under_triage": _share(sum(got(r) < exp(r) for r in results), len(results)),
        "silent": _share(sum(r["got_level"] == "none" for r in present), len(present)),
        "category_agreement": _share(
            sum(r["got_category"] == r["expected_category"] for r in cat_scored), len(cat_scored)),
        "unsure": _share(sum(r["unsure"] for r in results), len(results)),
    }


def is_miss(r: dict) -> bool:
    """A miss is any level other than the expected one (too low or too high)."""
    return r["got_level"] != r["expected_level"]


def misses_by_pattern(results: list[dict]) -> dict:
    """For each tag: messages carrying it, misses too low, misses too high."""
    table: dict[str, dict] = defaultdict(lambda: {"messages": 0, "under": 0, "over": 0})
    for r in results:
        for tag in r["patterns"] or ["(untagged)"]:
            table[tag]["messages"] += 1
            if RANK[r["got_level"]] < RANK[r["expected_level"]]:
                table[tag]["under"] += 1
            elif RANK[r["got_level"]] > RANK[r["expected_level"]]:
                table[tag]["over"] += 1
    return dict(sorted(table.items(), key=lambda kv: (-(kv[1]["under"] + kv[1]["over"]), kv[0])))


def measure(results: list[dict]) -> dict:
    """Overall figures, the same per language, and misses by pattern."""
    nb = [r for r in results if r["lang"] == "nb"]
    return {
        "all": figures(results),
        "by_language": {
            "nb": figures(nb),
            "nn_dialect": figures([r for r in nb if NYNORSK_OR_DIALECT & set(r["patterns"])]),
            "en": figures([r for r in results if r["lang"] == "en"]),
        },
        "misses_by_pattern": misses_by_pattern(results),
    }


def _fmt(f: dict) -> str:
    if f["share"] is None:
        return "  -  (0/0)"
    return f"{f['share'] * 100:5.1f}% ({f['n']}/{f['of']})"


LINES = [
    ("level_exact", "level exactly right"),
    ("emergency_recall", "(a) emergency recall"),
    ("urgent_recall", "(b) urgent recall (urgent or higher)"),
    ("false_alarms", "(c) false alarms (routine/none -> urgent+)"),
    ("urgent_to_emergency", "(c) over-triage urgent -> emergency"),
    ("under_triage", "    under-triage (any level too low)"),
    ("silent", "(d) silent (present=yes answered none)"),
    ("category_agreement", "(e) category right where level right"),
    ("unsure", "(i) unsure"),
]


def report(measured: dict, results: list[dict], show_misses: bool = False) -> str:
    out = [f"Frozen free-text evaluation set: {measured['all']['messages']} messages"]
    for key, label in LINES:
        out.append(f"{label:<44} {_fmt(measured['all'][key])}")
    out.append("")
    out.append(f"{'(f) per language':<44}" + "".join(f"{k:>20}" for k in measured["by_language"]))
    for key, label in LINES:
        cells = "".join(f"{_fmt(f[key]):>20}" for f in measured["by_language"].values())
        out.append(f"{label:<44}{cells}")
    out.append("")
    out.append("(g) misses by pattern tag: messages, too low, too high")
    for tag, t in measured["misses_by_pattern"].items():
        out.append(f"    {tag:<20} {t['messages']:>4} {t['under']:>6} {t['over']:>6}")
    if show_misses:
        out.append("")
        out.append("(h) misses")
        for r in results:
            if is_miss(r) or (r["got_level"] == r["expected_level"] != "none"
                              and r["got_category"] != r["expected_category"]):
                kind = "LEVEL" if is_miss(r) else "category"
                out.append(
                    f"{r['id']} [{r['lang']}] {kind}: expected {r['expected_level']}/{r['expected_category']}"
                    f" got {r['got_level']}/{r['got_category']}"
                    f"{' unsure' if r['unsure'] else ''}; reasons: {'; '.join(r['reasons']) or '-'}"
                    f"\n      tags: {';'.join(r['patterns'])}\n      text: {r['text']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss with reasons")
    parser.add_argument("--json", metavar="OUT", help="write the figures as JSON to OUT")
    parser.add_argument("--set", default=str(DEFAULT_SET), help="the TSV to read (default: the frozen set)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows (for the smoke test)")
    args = parser.parse_args(argv)
    results = read_all(load_set(Path(args.set), args.limit))
    measured = measure(results)
    print(report(measured, results, show_misses=args.misses))
    if args.json:
        Path(args.json).write_text(json.dumps(measured, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
