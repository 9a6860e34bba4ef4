"""Tests for analysis.aggregate.distinctive: Monroe et al. (2008) log-odds with informative Dirichlet prior."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.aggregate.distinctive import (
    DISTINCTIVE_COLUMNS,
    LOG_ODDS_COLUMNS,
    distinctive_words,
    log_odds,
    tokens,
)
from analysis.errors import InputError, LexiconError
from analysis.resources.wordlists import load_stopwords


def test_log_odds_hand_computed():
    # a = {x: 3, y: 1} (n_a = 4), b = {x: 1, y: 3} (n_b = 4), prior alpha = {x: 1, y: 1} (alpha0 = 2)
    # x: omega_a = (3+1)/(4+2-3-1) = 4/2 = 2;  omega_b = (1+1)/(4+2-1-1) = 2/4 = 0.5
    #    delta = ln 2 - ln 0.5 = ln 4 = 1.386294;  var = 1/(3+1) + 1/(1+1) = 0.75
    #    z = 1.386294 / sqrt(0.75) = 1.600754;  y is the mirror image: z = -1.600754
    out = log_odds({"x": 3, "y": 1}, {"x": 1, "y": 3}, {"x": 1, "y": 1})
    assert list(out.columns) == LOG_ODDS_COLUMNS
    assert out["term"].tolist() == ["x", "y"]
    assert out[["count_a", "count_b"]].values.tolist() == [[3, 1], [1, 3]]
    assert out["delta"].tolist() == pytest.approx([math.log(4), -math.log(4)])
    assert out["var"].tolist() == pytest.approx([0.75, 0.75])
    assert out["z"].tolist() == pytest.approx([1.600754, -1.600754], abs=1e-6)


def test_log_odds_scaled_prior_and_unseen_term():
    # prior {x: 3, y: 1} scaled to alpha0 = 2 -> {x: 1.5, y: 0.5}; a = {x: 2}, b = {y: 2}
    # x: omega_a = (2+1.5)/(2+2-2-1.5) = 3.5/0.5 = 7;  omega_b = (0+1.5)/(2+2-0-1.5) = 1.5/2.5 = 0.6
    #    delta = ln(7/0.6) = 2.456736;  var = 1/3.5 + 1/1.5 = 0.952381;  z = 2.517424
    out = log_odds({"x": 2}, {"y": 2}, {"x": 3, "y": 1}, alpha0=2)
    row = out.set_index("term").loc["x"]
    assert row["delta"] == pytest.approx(math.log(7 / 0.6))
    assert row["var"] == pytest.approx(1 / 3.5 + 1 / 1.5)
    assert row["z"] == pytest.approx(math.log(7 / 0.6) / math.sqrt(1 / 3.5 + 1 / 1.5))


def test_log_odds_ties_broken_by_term_and_errors():
    out = log_odds({"b": 1, "a": 1}, {"b": 1, "a": 1}, {"a": 1, "b": 1})
    assert out["term"].tolist() == ["a", "b"]
    with pytest.raises(InputError, match="the prior has no count for 1 term"):
        log_odds({"x": 1}, {"y": 1}, {"x": 1})
    with pytest.raises(InputError, match="prior counts must be positive"):
        log_odds({"x": 1}, {"x": 1}, {"x": 0})


@pytest.mark.parametrize(
    ("text", "stem", "expected"),
    [
        ("The rebels shelled 3 villages, the army said.", False, ["rebels", "shelled", "villages", "army"]),
        ("The rebels shelled 3 villages, the army said.", True, ["rebel", "shell", "villag", "armi"]),
        ("Assads forces were bombing", "snowball", ["assad", "forc", "bomb"]),
        ("It's what they've said on Monday", False, []),
        ("Rebels attacked. Rebels fled.", False, ["rebels", "attacked", "rebels", "fled"]),
    ],
)
def test_tokens(text, stem, expected):
    assert tokens(text, stem=stem) == expected


def test_stopwords_file():
    stop = load_stopwords()
    assert 200 <= len(stop) <= 400
    assert {"the", "and", "said", "monday"} <= stop
    assert not {"killed", "rebels", "regime", "terrorists", "civilians"} & stop


def test_stopwords_errors(tmp_path):
    p = tmp_path / "stop.txt"
    p.write_text("# mine\nthe\ntwo words\n", encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        load_stopwords(p)
    assert str(exc.value) == f"{p.resolve()}: line 3: 'two words' holds more than one word; write one stop word per line"
    with pytest.raises(LexiconError, match="stop-word file not found"):
        load_stopwords(tmp_path / "none.txt")


@pytest.fixture
def docs():
    return pd.DataFrame(
        {
            "doc_id": ["a1", "a2", "b1", "b2", "c1"],
            "source": ["A", "A", "B", "B", "C"],
            "title": ["", "", "", "", ""],
            "text": [
                "Terrorists attacked. Terrorists fled the army.",
                "The terrorists shelled the town; the army replied.",
                "Rebels attacked. Rebels fled the army.",
                "The rebels shelled the town; the regime replied.",
                "Rebels and the army met for talks.",
            ],
        }
    )


def test_distinctive_each_group_vs_rest(docs):
    out = distinctive_words(docs, min_count=2)
    assert list(out.columns) == DISTINCTIVE_COLUMNS
    top = out.groupby("group").head(1).set_index("group")["term"].to_dict()
    assert top == {"A": "terrorists", "B": "rebels", "C": "army"}  # C: army and rebels tie (1 vs 3), by term
    a = out[out.group == "A"].set_index("term")
    assert a.loc["terrorists", ["count_group", "count_rest"]].tolist() == [3, 0]
    assert a.loc["rebels", "z"] < 0
    # deterministic order: group, z descending, term
    for _, g in out.groupby("group"):
        keys = list(zip(-g["z"].round(12), g["term"]))
        assert keys == sorted(keys)


def test_distinctive_group_vs_other_and_top(docs):
    out = distinctive_words(docs, group="A", other="B", min_count=1, top=2)
    assert out["group"].unique().tolist() == ["A"]
    assert out["term"].tolist()[0] == "terrorists"
    assert len(out) == 2
    assert out.iloc[0][["count_group", "count_rest"]].tolist() == [3, 0]


def test_distinctive_stemming_and_custom_stopwords(docs):
    out = distinctive_words(docs, group="B", stem=True, min_count=1, stopwords=["the", "army"])
    assert "rebel" in out["term"].tolist() and "armi" not in out["term"].tolist() and "army" not in out["term"].tolist()


def test_distinctive_errors(docs):
    with pytest.raises(InputError, match="no documents with source='Z'"):
        distinctive_words(docs, group="Z")
    with pytest.raises(InputError, match="no column 'outlet'"):
        distinctive_words(docs, by="outlet")
    with pytest.raises(InputError, match="stem='lancaster'"):
        distinctive_words(docs, stem="lancaster")
