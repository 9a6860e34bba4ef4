"""Notebook sessions, the data side: parameter checks, selecting reports, one outlet against the rest.

``open_report`` is given hand-made tables in place of the extraction (``load_tables`` replaced),
so these tests read no corpus: six invented reports from sana, tass, reuters and one without an
outlet, one of them undated.
"""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.errors import InputError
from analysis.io.tables import TABLE_COLUMNS, Tables, empty_table
from analysis.paths import PACK_DIR, PROJECT_ROOT
from analysis.report import session
from analysis.report.style import REST

N = None


def _tables() -> Tables:
    docs = pd.DataFrame({
        "doc_id": ["p1", "p2", "p3", "p4", "p5", "p6"],
        "source": ["sana", "sana", "tass", "reuters", N, "reuters"],
        "date": pd.to_datetime(["2017-01-05", "2017-03-01", "2017-01-20", "2017-02-10", "2017-01-15", None]),
        "title": ["t1", "t2", "t3", "t4", "t5", "t6"], "text": ["x"] * 6, "n_words": [10, 20, 30, 40, 50, 60],
        "duplicate_of": [N] * 6, "record": [0, 1, 2, 3, 4, 5], "label": ["1", "0", "0", "1", "1", "0"],
    })
    claims = pd.DataFrame([{**{c: N for c in TABLE_COLUMNS["claims"]}, "doc_id": d, "sent_id": i, "min": m, "max": m}
                           for i, (d, m) in enumerate([("p1", 4), ("p3", 200), ("p4", 10), ("p4", 12)])],
                          columns=TABLE_COLUMNS["claims"])
    mentions = pd.DataFrame([{**{c: N for c in TABLE_COLUMNS["mentions"]}, "doc_id": d, "actor_id": a}
                             for d, a in [("p2", "SYR_GOV"), ("p5", "UN"), ("p6", "RUSSIA")]],
                            columns=TABLE_COLUMNS["mentions"])
    other = {name: empty_table(name) for name in TABLE_COLUMNS if name not in ("claims", "mentions")}
    skipped = pd.DataFrame({"record": [6], "doc_id": ["r6"], "reason": ["empty text"]})
    return Tables(documents=docs, skipped=skipped, claims=claims, mentions=mentions, **other,
                  provenance={"lexicons": {"actors": {"path": "/lex/actors.yml", "sha256": "ab"},
                                           "victims": {"path": "/lex/victims.yml", "sha256": "cd"}}})


@pytest.fixture
def loads(monkeypatch):
    """``open_report`` reads the hand-made tables; the calls to the loader are recorded."""
    calls = []

    def fake_load_tables(path, **kw):
        calls.append((path, kw))
        return _tables()

    monkeypatch.setattr(session, "load_tables", fake_load_tables)
    return calls


def _open(tmp_path, **kw):
    return session.open_report(notebook="test", corpus="data/demo", out_dir=str(tmp_path), **kw)


# --------------------------------------------------------------------------- select_tables


def test_select_tables_keeps_the_rows_of_the_given_reports():
    t = _tables()
    got = session.select_tables(t, ["p4", "p1"])
    assert got.documents["doc_id"].tolist() == ["p1", "p4"]  # the table's order, index from 0
    assert got.documents.index.tolist() == [0, 1]
    expected = t.claims.iloc[[0, 2, 3]].reset_index(drop=True)
    assert_frame_equal(got.claims, expected)
    assert got.mentions.empty and list(got.mentions.columns) == TABLE_COLUMNS["mentions"]
    assert_frame_equal(got.skipped, t.skipped)  # skipped records belong to no report: kept whole
    assert got.provenance == t.provenance and got.provenance is not t.provenance
    assert session.select_tables(t, []).documents.empty


# --------------------------------------------------------------------------- parameter checks


@pytest.mark.parametrize("params, message", [
    ({"corpus": ""}, "parameter corpus: empty; give a folder of .txt reports, a .csv or a .jsonl file"),
    ({"corpus": 5}, "parameter corpus: expected a string, got int 5"),
    ({"sources": 5}, "parameter sources: expected a list of outlet names, got 5"),
    ({"sources": ["sana", 3]}, r"parameter sources: expected a list of outlet names, got \['sana', 3\]"),
    ({"date_from": "2017-13-45"}, "parameter date_from: '2017-13-45' is not a date; write YYYY-MM-DD"),
    ({"date_to": "soon"}, "parameter date_to: 'soon' is not a date"),
    ({"date_from": 2017}, "parameter date_from: expected a string, got int 2017"),
    ({"date_from": "2017-03-01", "date_to": "2017-01-01"}, "parameter date_from: '2017-03-01' is after "
                                                          "date_to '2017-01-01'; swap them"),
    ({"group_by": ["source"]}, "parameter group_by: expected a string"),
    ({"lexicons": ["actors.yml"]}, "parameter lexicons: expected a mapping like"),
    ({"engine": "spark"}, "parameter engine: 'spark'; use 'local' or 'dask'"),
    ({"date_rule": "latest"}, "parameter date_rule: 'latest'; use one of 'dateline', 'drop', 'corpus'"),
    ({"workers": -1}, r"parameter workers: expected a whole number from 0 to 1,024, got -1"),
    ({"workers": True}, r"parameter workers: expected a whole number from 0 to 1,024, got True"),
    ({"workers": 1.5}, r"parameter workers: expected a whole number from 0 to 1,024, got 1.5"),
    ({"workers": 2, "scheduler": "tcp://10.0.0.1:8786"}, "parameter workers: give workers or scheduler, not both"),
])
def test_a_bad_parameter_is_named_before_anything_is_loaded(loads, tmp_path, params, message):
    kw = {"notebook": "test", "corpus": "data/demo", "out_dir": str(tmp_path), **params}
    with pytest.raises(InputError, match=message):
        session.open_report(**kw)
    assert loads == []


def test_an_unknown_group_by_column_lists_the_columns(loads, tmp_path):
    with pytest.raises(InputError, match="parameter group_by: 'outlet' is not a documents column; use one of "
                                         "doc_id, source, date, n_words, duplicate_of, record, label, corpus_date$"):
        _open(tmp_path, group_by="outlet")


def test_parameters_are_read_and_passed_on(loads, tmp_path):
    rep = _open(tmp_path, sources=" SANA ", date_from=" 2017-01-01", lexicons={"actors": "my/actors.yml"},
                engine="", workers=0, level="actor")
    [(path, kw)] = loads
    assert path == PROJECT_ROOT / "data" / "demo"  # relative paths from the project root
    assert kw == {"lexicons": {"actors": str(PROJECT_ROOT / "my" / "actors.yml")}, "engine": "local",
                  "workers": None, "scheduler": None, "pack": PACK_DIR / "syria"}
    assert rep.parameters == {"corpus": "data/demo", "sources": ["sana"], "date_from": " 2017-01-01", "date_to": "",
                              "group_by": "source", "out_dir": str(tmp_path), "lexicons": {"actors": "my/actors.yml"},
                              "engine": "local", "workers": 0, "scheduler": "", "pack": "syria", "date_rule": "dateline",
                              "level": "actor"}
    assert rep.lexicon_paths == {"actors": "/lex/actors.yml", "victims": "/lex/victims.yml"}
    assert rep.out_dir == tmp_path and rep.group_word == "outlet"


# --------------------------------------------------------------------------- selections


def test_one_outlet_is_compared_with_the_rest_of_the_corpus(loads, tmp_path):
    rep = _open(tmp_path, sources=["sana"])
    assert rep.documents["doc_id"].tolist() == ["p1", "p2"]
    assert rep.documents["source"].tolist() == ["SANA", "SANA"]  # display names
    assert rep.tables.claims["doc_id"].tolist() == ["p1"] and rep.tables.mentions["doc_id"].tolist() == ["p2"]
    assert rep.versus_rest and not rep.empty
    cmp_docs = rep.compared.documents
    # every other report of the same dates (no window: all, the undated p6 too) as one group
    assert cmp_docs[["doc_id", "source"]].values.tolist() == [
        ["p1", "SANA"], ["p2", "SANA"], ["p3", REST], ["p4", REST], ["p5", REST], ["p6", REST]]
    assert rep.compared.claims["doc_id"].tolist() == ["p1", "p3", "p4", "p4"]
    assert rep.all_tables.documents["source"].tolist()[:3] == ["sana", "sana", "tass"]  # the loaded tables unchanged
    assert rep.selection_text() == "outlets sana; all dates"


def test_the_rest_is_taken_from_the_same_dates(loads, tmp_path):
    rep = _open(tmp_path, sources=["tass"], date_from="2017-01-10", date_to="2017-02-28")
    assert rep.documents["doc_id"].tolist() == ["p3"]
    # in the window: p3 (01-20), p4 (02-10), p5 (01-15); p1, p2 are outside it, p6 has no date
    assert rep.compared.documents[["doc_id", "source"]].values.tolist() == [["p3", "TASS"], ["p4", REST], ["p5", REST]]
    assert rep.selection_text() == "outlets tass; 2017-01-10 to 2017-02-28"


def test_several_outlets_are_compared_among_themselves(loads, tmp_path):
    rep = _open(tmp_path, date_from="2017-01-10", date_to="2017-02-28")
    # a missing outlet is "(unknown)"; the rest: display names
    assert rep.documents[["doc_id", "source"]].values.tolist() == [["p3", "TASS"], ["p4", "Reuters"],
                                                                   ["p5", "(unknown)"]]
    assert not rep.versus_rest and rep.compared is rep.tables
    assert rep.selection_text() == "all outlets; 2017-01-10 to 2017-02-28"
    assert _open(tmp_path, date_to="2017-01-31").selection_text() == "all outlets; start to 2017-01-31"


def test_a_selection_of_one_group_of_another_column(loads, tmp_path):
    rep = _open(tmp_path, sources=["tass"], group_by="label")
    assert rep.group_word == "label" and rep.documents["label"].tolist() == ["0"]
    assert rep.documents["source"].tolist() == ["tass"]  # outlet names are mapped only when grouping by outlet
    assert rep.compared.documents["label"].tolist() == [REST, REST, "0", REST, REST, REST]
    two = _open(tmp_path, sources=["sana"], group_by="label")  # sana's reports have labels 1 and 0
    assert not two.versus_rest


def test_an_empty_selection_is_no_error(loads, tmp_path):
    rep = _open(tmp_path, sources=["no-such-outlet"])
    assert rep.empty and not rep.versus_rest
    assert rep.tables.claims.empty and len(rep.tables.skipped) == 1
    assert rep.selection_text() == "outlets no-such-outlet; all dates"
    notice = rep.notice().data
    assert "<strong>No reports match this selection</strong> (outlets no-such-outlet; all dates)" in notice
    assert "The corpus has 6 reports" in notice


def test_the_notice_and_the_rest_line_count_reports(loads, tmp_path, capsys):
    rep = _open(tmp_path, sources=["sana"])
    assert rep.notice().data == ('<p class="tex2jax_ignore">Selection: outlets sana; all dates: '
                                 "<strong>2</strong> of 6 reports.</p>")
    line = rep.start().data
    # the rest: p3 tass, p4 and p6 reuters, p5 without an outlet (not counted as an outlet)
    assert "one outlet, <b>SANA</b>" in line and "over the same dates: 4 reports from 2 other outlets." in line
    capsys.readouterr()


def test_with_tables_swaps_the_tables(loads, tmp_path):
    rep = _open(tmp_path, sources=["sana"])
    other = session.select_tables(_tables(), ["p4"])
    swapped = session.with_tables(rep, other)
    assert swapped.documents["doc_id"].tolist() == ["p4"] and swapped.compared is other and not swapped.versus_rest
    assert rep.documents["doc_id"].tolist() == ["p1", "p2"]
