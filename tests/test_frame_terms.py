"""Frames: casualty words are their own measure, and the terms behind every score are shown."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.aggregate.frame_terms import (
    DRIVER_COLUMNS,
    MEASURES,
    frame_drivers,
    frame_scores,
    parse_terms,
)
from analysis.extract.frames import extract_frames, load_frames
from analysis.extract.text import document_sentences
from analysis.io.documents import load_corpus

from .conftest import FAKES, needs_fakes


def frames_of(body: str) -> dict[str, dict]:
    return {r["frame"]: r for r in extract_frames("f", document_sentences("f", None, body))}


@pytest.mark.parametrize("body, casualty_terms, humanitarian_terms", [
    ("Shelling killed 12 civilians and wounded 30 others.", "civilian:1; killed:1; wounded:1", ""),
    ("Rockets injured four people, a woman among the injured.", "injured:2", "woman:1"),
    ("The death toll rose to 40 victims; the bodies were recovered.", "bodies:1; death toll:1; victim:1", ""),
    ("Aid reached displaced families and children in the camp.", "", "aid:1; camp:1; children:1; displaced:1; families:1"),
])
def test_casualty_words_are_not_the_humanitarian_frame(body, casualty_terms, humanitarian_terms):
    rows = frames_of(body)
    assert rows["casualties"]["terms"] == casualty_terms
    assert rows["humanitarian"]["terms"] == humanitarian_terms


def test_frames_yml_keeps_seven_frames_and_one_measure():
    frames = load_frames().frames
    assert list(frames)[-1] == "casualties" and set(MEASURES) <= set(frames)
    for name, spec in frames.items():
        assert spec["definition"].strip() and spec["source"].strip() and spec["terms"], name
    assert "Not a frame" in frames["casualties"]["source"]


def test_parse_terms():
    assert parse_terms("air strike:2; de Mistura:1") == [("air strike", 2), ("de Mistura", 1)]
    assert parse_terms("") == [] and parse_terms(None) == []


def test_drivers_add_up_to_the_score():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "source": ["x", "x", "y", "x"], "n_words": [100, 200, 50, 100],
                         "duplicate_of": [None, None, None, "a"]})
    fr = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "frame": ["humanitarian"] * 4, "hits": [3, 2, 1, 3],
                       "per_1k_words": [30.0, 10.0, 20.0, 30.0], "terms": ["aid:2; children:1", "aid:2", "camp:1", "aid:2; children:1"]})
    out = frame_drivers(fr, docs)
    assert list(out.columns) == DRIVER_COLUMNS
    x = out[out["group"] == "x"]
    assert x[["term", "count", "reports", "per_1k", "share", "rank"]].values.tolist() == [
        ["aid", 4, 2, 15.0, 0.75, 1], ["children", 1, 1, 5.0, 0.25, 2]]
    scores = frame_scores(fr, docs).set_index("group")["mean_per_1k"]
    assert x["per_1k"].sum() == pytest.approx(scores["x"])   # the parts make the score (d repeats a: left out)
    assert frame_drivers(fr, docs, top=1)["term"].tolist() == ["aid", "camp"]
    assert frame_drivers(fr.iloc[0:0], docs).empty


@pytest.mark.slow
@needs_fakes
def test_fakes_sana_humanitarian_score_holds_no_casualty_word():
    docs = load_corpus(FAKES).documents
    sana = docs[(docs["source"] == "sana") & docs["duplicate_of"].isna()]
    rows = []
    for r in sana.itertuples():
        rows += extract_frames(r.doc_id, document_sentences(r.doc_id, r.title if isinstance(r.title, str) else None,
                                                            r.text), n_words=r.n_words)
    fr = pd.DataFrame(rows)
    drivers = frame_drivers(fr, sana, top=None)
    humanitarian = set(drivers.loc[drivers["frame"] == "humanitarian", "term"])
    casualty = set(drivers.loc[drivers["frame"] == "casualties", "term"])
    assert not humanitarian & {"injured", "injuring", "civilian", "wounded", "killed", "victim"}
    assert {"injured", "civilian", "killed"} <= casualty
    scores = frame_scores(fr, sana).set_index("frame")["mean_per_1k"]
    assert scores["casualties"] > 2 * scores["humanitarian"]
