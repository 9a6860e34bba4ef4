"""Same-event matching on a small corpus written for these tests, plus the FA-KES checks.

The reports below are invented (towns are real places, the incidents and outlets are not).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pandas as pd
import pytest

from analysis.aggregate import events as events_module
from analysis.aggregate.events import (
    GROUP_COLUMNS,
    POINT_COLUMNS,
    event_groups,
    event_points,
    event_table,
    non_event_reason,
    select_events,
    stated_day,
)
from analysis.aggregate.places import gazetteer
from analysis.run.pipeline import extract_corpus

from .conftest import FAKES, needs_fakes

PAIRS = Path(__file__).parent / "data" / "event_pairs.csv"

REPORTS = {
    # event A: an air strike on the market of Saraqib, Tuesday 3 May 2016, three outlets
    "a1": ("alpha", "2016-05-03", "Air strike on Saraqib market kills 12",
           "An air strike hit the crowded market of Saraqib on Tuesday and killed 12 civilians, rescuers said."),
    "b1": ("beta", "2016-05-03", "Warplanes hit market in Saraqib",
           "Warplanes struck the vegetable market in Saraqib on Tuesday, killing at least 15 civilians."),
    "g1": ("gamma", "2016-05-04", "15 dead in Saraqib market raid",
           "At least 15 civilians were killed when an air raid hit the market in Saraqib, a monitor said."),
    # event B: a car bomb at a checkpoint in Idlib city, Wednesday 4 May 2016, same region and days
    "a2": ("alpha", "2016-05-04", "Car bomb kills five at Idlib checkpoint",
           "A car bomb exploded at a checkpoint in Idlib on Wednesday and killed five fighters, residents said."),
    "b2": ("beta", "2016-05-04", "Checkpoint blast in Idlib",
           "A car bomb killed six fighters at a checkpoint at the entrance of Idlib on Wednesday."),
    # event C: another strike on Saraqib, on the Friday: not event A
    "a3": ("alpha", "2016-05-06", "Air strikes on Saraqib kill four",
           "Air strikes on Saraqib killed four civilians on Friday, rescuers said."),
    # not incident tolls: a war toll, a prison toll, a background toll
    "b3": ("beta", "2016-05-04", "Talks stall",
           "The war has killed more than 300,000 people since 2011, the monitor said."),
    "g2": ("gamma", "2016-05-04", "Prison deaths",
           "More than 2,000 detainees died in the prison under torture, a rights group said."),
    "g3": ("gamma", "2016-05-05", "Aid reaches Saraqib",
           "Earlier this week an air strike killed 12 people in Saraqib. Aid trucks arrived on Thursday."),
    # event D: shelling of Douma, another region, the same Tuesday
    "a4": ("alpha", "2016-05-03", "Shelling kills seven in Douma",
           "Shelling killed seven people in Douma on Tuesday, rescuers said."),
}


def write_corpus(folder: Path, ids=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id in ids or REPORTS:
        source, date, title, text = REPORTS[doc_id]
        (folder / f"{doc_id}.txt").write_text(f"---\nsource: {source}\ndate: {date}\ntitle: {title}\n---\n{text}\n")
    return folder


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return extract_corpus(write_corpus(tmp_path_factory.mktemp("events")))


@pytest.fixture(scope="module")
def groups(tables):
    return event_groups(tables)


def members(groups: pd.DataFrame) -> list[list[str]]:
    return sorted(sorted(g) for g in groups.groupby("event_id")["doc_id"].agg(list))


def test_events_group_like_with_like(groups):
    assert list(groups.columns) == GROUP_COLUMNS
    assert members(groups) == [["a1", "b1", "g1"], ["a2", "b2"], ["a3"], ["a4"]]


def test_non_incident_tolls_never_enter_an_event(groups):
    assert not {"b3", "g2", "g3"} & set(groups["doc_id"])


def test_places_and_dates(groups):
    a = groups[groups["doc_id"].isin(["a1", "b1", "g1"])]
    assert set(a["region"]) == {"idlib"} and set(a["place"]) == {"Saraqib"}
    assert a["first_date"].iloc[0] == pd.Timestamp("2016-05-03") and a["last_date"].iloc[0] == pd.Timestamp("2016-05-04")
    assert groups.loc[groups["doc_id"] == "a4", "region"].item() == "rif dimashq"


def test_event_ids_come_from_content_not_row_order(tmp_path, groups):
    ids = dict(zip(groups["doc_id"], groups["event_id"]))
    assert ids["a1"] == "idlib-20160503-killed-a1"
    subset = ["a4", "g1", "a1", "b1", "a3"]  # another selection, in another order
    again = event_groups(extract_corpus(write_corpus(tmp_path / "subset", subset)))
    assert dict(zip(again["doc_id"], again["event_id"])) == {d: ids[d] for d in subset}


def test_event_table_puts_outlets_side_by_side(groups):
    table = event_table(groups)
    assert table["event_id"].tolist() == ["idlib-20160503-killed-a1", "idlib-20160504-killed-a2"]
    first = table.iloc[0]
    assert (first["outlets"], first["reports"], first["min_toll"], first["max_toll"]) == (3, 3, 12, 15)
    assert first["tolls"] == "alpha: 12 | beta: 15 | gamma: 15"
    assert (first["alpha"], first["beta"], first["gamma"]) == (12, 15, 15)
    assert pd.isna(table.iloc[1]["gamma"])


def test_event_points_link_each_toll_to_its_sentence(groups, tables):
    points = event_points(groups, event_table(groups))
    assert points["rank"].tolist() == [1, 1, 1, 2, 2]
    for row in points.itertuples():
        assert str(row.toll) in row.sentence or "five" in row.sentence or "six" in row.sentence
        claim = tables.claims[(tables.claims["doc_id"] == row.doc_id) & (tables.claims["sent_id"] == row.sent_id)]
        assert not claim.empty


def test_grouped_once_on_the_corpus_then_selected(groups, tables):
    """A variant keeps the whole corpus's events: the same ids, its own reports and outlet names."""
    docs = tables.documents[tables.documents["doc_id"].isin(["a1", "g1", "a2", "a4"])]
    sel = select_events(groups, docs.assign(source=docs["source"].str.upper()))
    ids = dict(zip(groups["doc_id"], groups["event_id"]))
    assert dict(zip(sel["doc_id"], sel["event_id"])) == {d: ids[d] for d in ["a1", "g1", "a2", "a4"]}
    assert list(sel.columns) == GROUP_COLUMNS and set(sel["source"]) == {"ALPHA", "GAMMA"}
    table = event_table(sel)  # the car bomb is left with one outlet of the selection: not listed
    assert table["event_id"].tolist() == ["idlib-20160503-killed-a1"] and table["tolls"].item() == "ALPHA: 12 | GAMMA: 15"
    assert list(event_table(sel, wide=False).columns) == events_module.EVENT_COLUMNS


def test_event_points_carry_their_claims_offsets(groups, tables):
    points = event_points(groups, event_table(groups))
    assert list(points.columns) == POINT_COLUMNS
    for row in points.itertuples():
        text = tables.documents.set_index("doc_id").loc[row.doc_id, "title" if row.part == "title" else "text"]
        claim = text[row.start:row.end]
        assert claim and claim in row.sentence
        assert str(row.toll) in claim or {5: "five", 6: "six"}[row.toll] in claim


def test_the_corpus_is_grouped_once_per_extraction(tables, monkeypatch):
    calls = []
    real = events_module._event_groups
    monkeypatch.setattr(events_module, "_event_groups", lambda *a, **k: calls.append(k) or real(*a, **k))
    monkeypatch.setattr(events_module, "_MEMO", {})
    keyed = type("T", (), {"claims": tables.claims, "documents": tables.documents, "provenance": {"cache_key": "k1"}})()
    first = event_groups(keyed)
    first["event_id"] = "changed"  # a caller's change does not reach the remembered result
    again = event_groups(keyed)
    assert len(calls) == 1 and (again["event_id"] != "changed").all()
    event_groups(keyed, window_days=5)  # other options: grouped again
    assert len(calls) == 2


def test_the_date_rule_places_a_misdated_report(tmp_path):
    """gamma's copy of the Saraqib strike is dated 2011 by the corpus but says 3 May 2016 in its opening."""
    folder = write_corpus(tmp_path / "misdated", ["a1", "b1"])
    (folder / "g9.txt").write_text("---\nsource: gamma\ndate: 2011-02-02\ntitle: 15 dead in Saraqib market raid\n---\n"
                                   "Tuesday 3 May 2016 At least 15 civilians were killed when an air raid hit the market "
                                   "in Saraqib, a monitor said.\n")
    tables = extract_corpus(folder)
    by_dateline = event_groups(tables)
    assert members(by_dateline) == [["a1", "b1", "g9"]]
    assert by_dateline["first_date"].min() == pd.Timestamp("2016-05-03")
    dropped = event_groups(tables, date_rule="drop")
    assert members(dropped) == [["a1", "b1"]]  # left out of everything placed in time


def test_empty_inputs_give_empty_tables(tables):
    empty = type("T", (), {"claims": tables.claims.iloc[0:0], "documents": tables.documents})()
    groups = event_groups(empty)
    assert groups.empty and list(groups.columns) == GROUP_COLUMNS
    assert event_table(groups).empty and event_points(groups, event_table(groups)).empty


@pytest.mark.parametrize("sentence, reason", [
    ("More than 20000 detainees died at the prison since 2011.", "prison or detention"),
    ("The war has killed more than 300000 people.", "war or campaign toll"),
    ("At least 50 people have starved to death in the besieged town.", "siege or hunger"),
    ("Strikes have killed 120 civilians in recent days.", "several days"),
    ("Rebel bombardment of the city killed 84 in three days, the army said.", "several days"),
    ("More than 100 civilians killed 700 injured in shelling in August", "several days"),
    ("Air strikes killed 40 people during the month of March.", "several days"),
    ("A car bomb killed 9 people in the market on May 3.", None),
    ("A car bomb killed 9 people in the market in August 21 attack.", None),
    ("Earlier this week a car bomb killed 12 people.", "background"),
    ("In 2013 a chemical attack killed hundreds.", "background"),
    ("A car bomb killed 12 people at a checkpoint on Monday.", None),
    ("The strike killed a 12-year-old boy and five other people.", None),
])
def test_non_event_reason(sentence, reason):
    assert non_event_reason(sentence) == reason


@pytest.mark.parametrize("sentence, published, expected", [
    ("Jets killed 9 people on Monday.", "2016-07-13", "2016-07-11"),   # a Wednesday: the Monday before
    ("Jets killed 9 people on Wednesday.", "2016-07-13", "2016-07-13"),
    ("Shelling killed 4 yesterday.", "2016-07-13", "2016-07-12"),
    ("On April 4 a gas attack killed 80.", "2017-04-11", "2017-04-04"),
    ("Nine died, a monitor said on Tuesday.", "2016-07-13", None),      # the day of the saying
    ("Nine died in the strike.", "2016-07-13", None),
])
def test_stated_day(sentence, published, expected):
    day = stated_day(sentence, pd.Timestamp(published))
    assert day == (pd.Timestamp(expected) if expected else None)


@pytest.mark.parametrize("text, expected", [
    ("Jets struck Khan Sheikhun in Idlib province.", [("Khan Shaykhun", "Idlib"), ("Idlib", "Idlib")]),
    ("Shelling of Douma in Eastern Ghouta.", [("Duma", "Rif Dimashq")]),
    ("Fighting near al-Bab and Manbij.", [("Al Bab", "Aleppo"), ("Manbij", "Aleppo")]),
    ("A car bomb in Deir ez-Zor.", [("Deir ez-Zor", "Deir ez-Zor")]),
    ("The army and its allies advanced.", []),
])
def test_gazetteer(text, expected):
    assert [(p.name, p.region) for p in gazetteer().find(text)] == expected


# --------------------------------------------------------------------------- FA-KES


@pytest.fixture(scope="module")
def fakes_groups():
    if not FAKES.is_file():
        pytest.skip(f"FA-KES absent: {FAKES}")
    from analysis.run.pipeline import load_tables

    return event_groups(load_tables(FAKES))


def _pairs() -> list[dict]:
    with open(PAIRS, newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_pair_set_is_two_readings_of_sixty_pairs():
    rows = _pairs()
    assert len(rows) == 60 and {r["reader_1"] for r in rows} <= {"0", "1"} and {r["reader_2"] for r in rows} <= {"0", "1"}
    agree = sum(r["reader_1"] == r["reader_2"] for r in rows) / len(rows)
    assert agree >= 0.85  # the two readings mostly agree; "same" is where both said so


@pytest.mark.slow
@needs_fakes
def test_fakes_matcher_against_the_two_readers(fakes_groups):
    event_of = dict(zip(fakes_groups["doc_id"], fakes_groups["event_id"]))
    rows = [r for r in _pairs() if r["reader_1"] == r["reader_2"]]
    truth = [r["reader_1"] == "1" for r in rows]
    said = [event_of.get(r["doc_a"]) is not None and event_of.get(r["doc_a"]) == event_of.get(r["doc_b"]) for r in rows]
    tp = sum(t and s for t, s in zip(truth, said))
    precision, recall = tp / max(1, sum(said)), tp / max(1, sum(truth))
    # measured when the set was made: 58 agreed pairs, 26 of one incident; P 0.71, R 0.77. The
    # rules were tuned on the 20 largest events (20 of 20 one incident), not on these pairs.
    assert precision >= 0.65 and recall >= 0.7, (precision, recall)


@pytest.mark.slow
@needs_fakes
def test_fakes_largest_events_hold_no_non_incident_toll(fakes_groups):
    top = event_table(fakes_groups).head(20)
    assert (top["outlets"] >= 3).all()
    rows = fakes_groups[fakes_groups["event_id"].isin(top["event_id"])]
    assert rows["sentence"].map(non_event_reason).isna().all()
    assert (rows["toll"] <= 5000).all()
    # the bus convoy bombing of April 2017 and the Khan Sheikhun attack lead, each one event
    assert top["event_id"].iloc[0].startswith("aleppo-201704") and top["event_id"].iloc[1].startswith("idlib-201704")


def test_order_of_rows_does_not_change_groups(tables, groups):
    docs = tables.documents.sample(frac=1.0, random_state=random.Random(3).randint(0, 99))
    shuffled = type("T", (), {"claims": tables.claims.sample(frac=1.0, random_state=5), "documents": docs})()
    again = event_groups(shuffled)
    assert dict(zip(again["doc_id"], again["event_id"])) == dict(zip(groups["doc_id"], groups["event_id"]))
