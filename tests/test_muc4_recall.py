"""The MUC-4 DEV measurement (analysis.run.muc4, used by evaluate and benchmarks/muc4_recall.py): written key counts, scoring."""

from __future__ import annotations

import pytest

from analysis.run import muc4


@pytest.mark.parametrize(
    "text, values, written",
    [
        ("LIMA, 6 JAN 90 -- [TEXT] SIX PEASANTS DIED.", [6], {6}),
        ("LIMA, 6 JAN 90 -- [TEXT] A PEASANT DIED.", [6], set()),  # the dateline's 6 is a date
        ("THE ATTACK ON 12 MAY KILLED A JUDGE.", [12], set()),
        ("ON MAY 12 A JUDGE WAS KILLED.", [12], set()),
        ("AT 0600 A BOMB WENT OFF.", [6], set()),
        ("A 6-YEAR-OLD GIRL DIED.", [6], set()),
        ("THE SIEGE LASTED 6 DAYS AND 6 PEOPLE DIED.", [6], {6}),
        ("TWENTY-FIVE SOLDIERS DIED.", [25], {25}),
        ("TWENTY FIVE SOLDIERS DIED.", [25], {25}),
        ("SIXTY SOLDIERS DIED.", [6], set()),
        ("ONE HUNDRED AND TWENTY DIED.", [120], {120}),
        ("1,500 PEOPLE DIED.", [1500], {1500}),
        ("FIFTEEN HUNDRED PEOPLE DIED.", [1500], {1500}),
        ("TWO DOZEN PEOPLE DIED.", [24], {24}),
        ("70 THOUSAND PEOPLE DIED.", [70000], {70000}),
        ("2,000 PEOPLE DIED.", [2], set()),
        ("THE DEATH TOLL REACHED 2.5 PERCENT.", [2], set()),
    ],
)
def test_written_values(text, values, written):
    assert muc4.written_values(text, values) == written


def _key(killed=(), injured=(), status="numeric", mentions=True):
    return {"killed": list(killed), "injured": list(injured), "key_status": status,
            "text_mentions_casualty_number": mentions}


def _claim(category, n, vague=None):
    return {"category": category, "min": n, "max": n, "vague": vague}


def test_score_recall_and_false_alarms():
    texts = {
        "a": "SIX PEASANTS AND TWO SOLDIERS WERE KILLED AND 9 WOUNDED.",
        "b": "A JUDGE WAS KILLED.",  # key 1: below the minimum
        "c": "ON 4 JAN A JUDGE AND HIS DRIVER WERE KILLED.",  # the key says 4; the text writes no count
        "d": "THE TALKS RESUMED.",
        "e": "THE ARMY KILLED 12 GUERRILLAS.",
        "f": "DOZENS WERE HURT.",
    }
    keys = {
        "a": _key(killed=[6, 2], injured=[9]),
        "b": _key(killed=[1]),
        "c": _key(killed=[4]),
        "d": _key(status="no_casualty", mentions=False),
        "e": _key(status="irrelevant_no_templates", mentions=False),
        "f": _key(status="irrelevant_no_templates", mentions=False),
    }
    claims = {
        "a": [_claim("killed", 6), _claim("casualties", 2), _claim("injured", 9)],
        "e": [_claim("killed", 12)],
        "f": [_claim("injured", None, vague="dozens")],
    }
    m = muc4.score_muc4(texts, keys, claims).metrics
    assert (m["units_all"], m["units"], m["recalled"], m["recalled_any"]) == (4, 3, 2, 3)
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["recall_any_category"] == 1.0
    assert (m["fa_texts"], m["fa_hits"], m["fa_hits_vague"]) == (3, 1, 2)
    assert m["false_alarm_rate"] == pytest.approx(1 / 3)
