"""Tests for analysis.extract.tone: VADER sentence and document tone."""

from __future__ import annotations

import math

import pytest

from analysis.errors import InputError
from analysis.extract import tone
from analysis.extract.text import document_sentences
from analysis.extract.tone import extract_tone
from analysis.io.tables import SENTENCE_TONE_COLUMNS, TONE_COLUMNS
from analysis.resources import registry


@pytest.mark.parametrize(
    ("sentence", "sign"),
    [
        ("The children were rescued safely and everyone celebrated with joy.", 1),
        ("Aid finally arrived, a great relief for the grateful families.", 1),
        ("Peace talks made excellent progress, the envoy said happily.", 1),
        ("Twelve people were killed and dozens wounded in a horrific massacre.", -1),
        ("The brutal attack destroyed the hospital and terrified residents.", -1),
        ("Terrorists murdered three hostages.", -1),
        ("The meeting is on Tuesday in the capital.", 0),
    ],
)
def test_sentence_sign(sentence, sign):
    doc, sents = extract_tone(document_sentences("d", None, sentence))
    compound = sents[0]["compound"]
    if sign == 0:
        assert compound == 0.0
    else:
        assert compound * sign > 0.3


def test_document_is_mean_of_sentences():
    title = "Rescue brings joy"
    body = "Children were saved. Five soldiers were killed in a terrible ambush. The road is long."
    sents = document_sentences("d9", title, body)
    doc, rows = extract_tone(sents)
    assert list(doc) == TONE_COLUMNS and all(list(r) == SENTENCE_TONE_COLUMNS for r in rows)
    assert doc["doc_id"] == "d9" and doc["n_sentences"] == len(sents) == 4
    for k in ("compound", "pos", "neu", "neg"):
        assert doc[k] == pytest.approx(sum(r[k] for r in rows) / 4)
    assert [(r["part"], r["sent_id"]) for r in rows] == [("title", 0), ("body", 1), ("body", 2), ("body", 3)]
    assert body[rows[2]["start"] : rows[2]["end"]] == "Five soldiers were killed in a terrible ambush."
    assert rows[0]["compound"] > 0 > rows[2]["compound"]


def test_empty_document():
    doc, rows = extract_tone([], doc_id="empty")
    assert rows == [] and doc["doc_id"] == "empty" and doc["n_sentences"] == 0
    assert all(math.isnan(doc[k]) for k in ("compound", "pos", "neu", "neg"))


def test_analyzer_built_once():
    assert tone.analyzer() is tone.analyzer()
    assert tone.analyzer(registry.vader_lexicon_path()) is tone.analyzer()


def test_missing_lexicon_is_a_clear_error(monkeypatch, tmp_path):
    class Spec:
        submodule_search_locations = [str(tmp_path)]

    monkeypatch.setattr(registry.importlib.util, "find_spec", lambda name: Spec())
    with pytest.raises(InputError) as exc:
        registry.vader_lexicon_path()
    assert str(exc.value) == (
        f"tone: VADER lexicon file not found at {tmp_path / 'vader_lexicon.txt'}; reinstall the 'vadersentiment' package"
    )
    monkeypatch.setattr(registry.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(InputError, match="needs the 'vadersentiment' package"):
        registry.vader_lexicon_path()


FAST_VADER_SENTENCES = [
    "The shelling killed 12 people, including three children!",
    "Good news: the convoy arrived safely... finally.",
    "\u201cWe are NOT afraid,\u201d he said -- but many were.",
    "It was kind of a relief; the ceasefire held (mostly).",
    "Terrible!!! Horrible?! The worst attack :( in years",
    "The talks were very good, extremely productive, but not enough.",
    "great great great, :) :-) <3 lol",
    "no casualties were reported, thankfully",
    "Assads forces shelled the town the Observatory said",
    "?!.,;: -- ''",
    "",
]


def test_fast_vader_gives_nltks_scores():
    """The faster tokenisation in analysis.extract.tone must give NLTK's own VADER scores exactly."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from analysis.extract.tone import analyzer

    fast = analyzer()
    plain = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    plain.lexicon_file, plain.lexicon, plain.constants = fast.lexicon_file, fast.lexicon, fast.constants
    assert type(fast) is not SentimentIntensityAnalyzer
    for sentence in FAST_VADER_SENTENCES:
        assert fast.polarity_scores(sentence) == plain.polarity_scores(sentence), sentence
