"""Train the reader's learned floor: character n-grams -> "a nurse should read this" (issue 11 §5).

The hand-made lexicon cannot know every way a patient tells a complaint. This script trains, offline, a
logistic regression (scikit-learn) on character n-grams of our own labelled messages (the reader's tests:
tests/unit/test_triage_extra_cases.py, test_triage_dev_cases.py, tests/clinical/triage_examples.tsv, and
the administrative messages below), and writes its weights to webapp/domain/triage/data/learned_floor.tsv.
At run time (webapp/domain/triage/learned.py) the weights are summed in plain Python: no scikit-learn.

The layer can only raise a level, and only the floor: a message the rules found nothing in at all (no
item, no note) that the model scores above the threshold becomes `routine` with the reason
`text:learned` and `unsure`, so the app asks and a nurse reads it. The threshold is chosen by 5-fold
cross-validation so that at most MAX_FALSE_ALARMS of the `none` messages are raised; the script prints
the measured false alarms and the share of complaints it recognises.

    pip install scikit-learn     # or: pip install -e '.[wordforms]'
    PYTHONPATH=. python scripts/train_triage_learned.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from webapp.domain.triage.learned import ngrams
from webapp.domain.triage.mentions import find_mentions
from webapp.domain.triage.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "webapp/domain/triage/data/learned_floor.tsv"
MAX_FALSE_ALARMS = 0.05
MIN_WEIGHT = 0.0005  # smaller weights are left out of the table

# Messages a nurse need not read: administration, thanks, logistics (written for this script).
ADMIN = """
Takk for hjelpen i går
Kan jeg hente sprøytene på fredag i stedet?
Jeg har fått ny adresse, hvor endrer jeg den?
Har registrert dosen i dag
Husk å sende meg ny resept
Når kommer neste blodprøve?
Jeg er på ferie i to uker i juli
Flott, da ses vi på torsdag
Dosen er satt, alt i orden
Apoteket sier resepten er utløpt
Kan dere ringe meg etter klokka tre?
Eg har registrert dosen min
Takk for svar
Alt greit denne månaden
Kan eg hente medisinen på apoteket i morgon?
Eg har flytta til Bergen
Ny time passar fint
Glemte å logge i går, gjort nå
Jeg bytter fastlege, trenger dere å vite det?
Hvor lenge holder sprøytene seg i kjøleskapet?
Thanks for the reminder
Dose logged this morning, all good
Can I pick up my syringes on Monday?
I moved house, how do I update my address?
See you next week
My prescription needs renewing
What time is my appointment?
I'm travelling to Spain in May, do I need a letter for the syringes?
Everything fine this month
No problems to report
Could you send the leaflet in English?
The app logged me out
I forgot my password
The fridge thermometer shows 5 degrees
Got the new batch from the pharmacy
All well, thanks
Please call me after 3pm
My GP changed, do you need the new name?
I will be away for two weeks
Injected on schedule, nothing to report
Sønnen min har begynt på skolen
My husband and I are going to Spain
Stopped at the pharmacy on the way home
Jeg strikker mye for tiden
My mum says hi
Vi har fått barnebarn!
Eg har vore på hyttetur med familien
Takk for ein fin samtale
Ny jobb frå august, kan eg få time på ettermiddagen?
Katten vår er sjuk, så eg kjem litt seint
Vi skal flytte til Trondheim i vår
We had a lovely weekend away
I'm starting a new job next month
The courier came late with the box
My daughter got married on Saturday
Had my flu jab at the GP
Jeg har begynt å gå turer hver dag
Eg trenar tre gonger i veka no
Fikk brevet fra sykehuset i dag
Hvem ringer jeg hvis dere er stengt?
I'm going to my sister's for Christmas
My neighbour drove me to the pharmacy
Sorry I missed your call
Jeg er tilbake fra ferie
Eg har fått ny telefon
The batch number on the box is different this time
Jeg leverte tomme sprøyter på apoteket
Can my husband come in with me next time?
Vi har fått ny hund
Hope you have a nice weekend
"""


def labelled() -> list[tuple[str, int]]:
    sys.path.insert(0, str(ROOT / "tests/unit"))
    import test_triage_dev_cases as dev  # noqa: PLC0415 (test modules, only here)
    import test_triage_extra_cases as extra  # noqa: PLC0415

    rows = [(lang, text, int(level != "none")) for lang, text, level, *_ in extra.CASES]
    for cases in (dev.ALL_CASES,):
        rows += [(lang, text, int(level != "none")) for lang, text, level, *_ in cases]
    with open(ROOT / "tests/clinical/triage_examples.tsv", encoding="utf-8") as f:
        rows += [(r["lang"], r["text"], int(r["expected_level"] != "none")) for r in csv.DictReader(f, delimiter="\t")]
    rows += [("nb", line, 0) for line in ADMIN.strip().splitlines()]
    return rows


def words(lang: str, text: str) -> list[str]:
    """The words as the weigh stage sees them: normalised, compounds split (stages 1-2)."""
    return [tok.text for tok in find_mentions(normalise(text, lang)).tokens]


def main() -> int:
    rows = labelled()
    texts = [sorted(ngrams(words(lang, text))) for lang, text, _ in rows]
    y = np.array([label for *_, label in rows])
    # The n-grams are made by learned.ngrams, exactly as the app makes them at run time.
    vectorizer = CountVectorizer(analyzer=lambda grams: grams, binary=True, min_df=2)
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=2.0, max_iter=2000, class_weight="balanced")
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=11)
    scores = cross_val_predict(model, x, y, cv=folds, method="decision_function")
    none_scores = np.sort(scores[y == 0])
    threshold = float(none_scores[int(len(none_scores) * (1 - MAX_FALSE_ALARMS))])
    false_alarms = float(np.mean(scores[y == 0] > threshold))
    recall = float(np.mean(scores[y == 1] > threshold))
    print(f"{len(rows)} messages ({int(y.sum())} need a nurse, {int((y == 0).sum())} do not)")
    print(f"cross-validated at threshold {threshold:.3f}: false alarms {false_alarms:.1%} of none, "
          f"complaints recognised {recall:.1%}")
    model.fit(x, y)
    weights = dict(zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True))
    kept = [gram for gram in weights if abs(weights[gram]) >= MIN_WEIGHT]  # the rest changes no score much
    lines = [
        "# built by scripts/train_triage_learned.py (scikit-learn, char n-grams); do not edit",
        f"# cross-validated: false alarms {false_alarms:.1%} of none messages, complaints recognised {recall:.1%}",
        f"@intercept\t{model.intercept_[0]:.5f}",
        f"@threshold\t{threshold:.5f}",
    ]
    lines += [f"{gram}\t{weights[gram]:.5f}" for gram in sorted(kept)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} n-grams -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
