"""Casualty aggregations (notebook 02): hand-made claims and documents in, hand-computed frames out.

Six invented reports: s1..s3 from sana (s3 repeats s1's text), r1, r2 from reuters (r2 has no
date and no place), t1 from tass; thirteen claims, one of a report that is not in the selection.
Claim ids c1..c14 are in the comments; after :func:`claims_with_documents` (the repeat s3 and
the stray claim c14 left out) the distinct claims are c1, c3, c4, c5, c6, c7, c9, c10, c11, c12
(c2 restates c1's toll, c13 c12's, so they are dropped by :func:`distinct_claims`).
"""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.aggregate import casualties as cas
from analysis.io.tables import CLAIM_COLUMNS

N = None


def _docs() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["s1", "s2", "s3", "r1", "r2", "t1"],
        "source": ["sana", "sana", "sana", "reuters", "reuters", "tass"],
        "date": pd.to_datetime(["2017-01-03", "2017-01-25", "2017-02-10", "2017-01-04", None, "2017-02-20"]),
        "location": ["Homs", "Homs", "Homs", "Homs", None, "Aleppo"],
        "label": ["1", "1", "0", "1", "0", "0"],
        "title": ["Market shelled", "Army advances", "Market shelled", "Shelling in Homs", "Clashes", "Bus bombed"],
        "duplicate_of": [N, N, "s1", N, N, N],
    })


# c-id, doc, part, sent, category, min, max, qualifier, vague, victims, scope, source, perpetrator
_CLAIMS = [
    ("c1", "s1", "title", 0, "killed", 12, 12, "exact", N, "people", "event", N, "SYR_OPP"),
    ("c2", "s1", "body", 1, "killed", 12, 12, "exact", N, "people", "event", N, "SYR_OPP"),
    ("c3", "s1", "body", 2, "killed", 5, 5, "exact", N, "children", "event", N, "SYR_OPP"),
    ("c4", "s1", "body", 3, "injured", 20, 20, "at_least", N, "civilians", "event", "SYR_GOV", N),
    ("c5", "s2", "body", 1, "killed", 30, 40, "about", N, "soldiers", "event", "SYR_GOV", N),
    ("c6", "s2", "body", 2, "killed", N, N, "vague", "dozens", "civilians", "event", N, N),
    ("c7", "s2", "body", 3, "killed", 3000, 3000, "more_than", N, "people", "cumulative", "MONITOR_NGO", N),
    ("c8", "s3", "title", 0, "killed", 12, 12, "exact", N, "people", "event", N, "SYR_OPP"),
    ("c9", "r1", "body", 1, "killed", 10, 10, "at_least", N, "Civilians", "event", "MONITOR_NGO", "SYR_GOV"),
    ("c10", "r1", "body", 4, "injured", N, N, "vague", "scores", "people", "event", N, N),
    ("c11", "r2", "body", 1, "killed", 7, 7, "exact", N, "fighters", "event", N, "ISIS"),
    ("c12", "t1", "body", 1, "killed", 200, 200, "exact", N, "guests", "event", "RUSSIA", "SYR_OPP"),
    ("c13", "t1", "body", 2, "killed", 200, 200, "exact", N, "guests", "event", "RUSSIA", "SYR_OPP"),
    ("c14", "zz", "body", 1, "killed", 9, 9, "exact", N, "people", "event", N, N),
]


def _claims() -> pd.DataFrame:
    rows = []
    for cid, doc, part, sent, cat, lo, hi, qual, vague, vic, scope, src, perp in _CLAIMS:
        rows.append({"doc_id": doc, "part": part, "sent_id": sent, "start": 10 * sent, "end": 10 * sent + 9,
                     "category": cat, "min": lo, "max": hi, "qualifier": qual, "vague": vague, "victims": vic,
                     "scope": scope, "source_actor": src, "perpetrator_actor": perp, "sentence": f"sentence of {cid}"})
    out = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    out["min"] = out["min"].astype("Int64")
    out["max"] = out["max"].astype("Int64")
    return out


def _joined() -> pd.DataFrame:
    return cas.claims_with_documents(_claims(), _docs())


def _ids(df: pd.DataFrame) -> list[str]:
    """The c-ids of claim rows (read back from their sentence)."""
    return [s.removeprefix("sentence of ") for s in df["sentence"]]


def _assert_empty(got: pd.DataFrame, columns: list[str]) -> None:
    assert got.empty and list(got.columns) == columns


# --------------------------------------------------------------------------- joining, distinct claims, the claim table


def test_claims_with_documents_joins_and_leaves_repeats_and_strays_out():
    got = _joined()
    assert _ids(got) == ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c9", "c10", "c11", "c12", "c13"]
    assert list(got.columns) == CLAIM_COLUMNS + ["source", "date", "location", "label", "title", "duplicate_of"]
    assert str(got["min"].dtype) == str(got["max"].dtype) == "Int64"
    first = got.iloc[0]
    assert (first["source"], first["date"], first["location"], first["title"]) == \
        ("sana", pd.Timestamp("2017-01-03"), "Homs", "Market shelled")
    assert got["max"].isna().tolist() == [False] * 5 + [True, False, False, True, False, False, False]
    kept = cas.claims_with_documents(_claims(), _docs(), keep_duplicates=True)
    assert _ids(kept) == ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13"]


def test_claims_with_documents_reads_numbers_written_as_text():
    claims = _claims().iloc[[0, 5]].assign(min=["12", ""], max=["12", ""])  # a CSV read as text
    got = cas.claims_with_documents(claims, _docs())
    assert got["min"].tolist()[0] == 12 and got["max"].isna().tolist() == [False, True]
    assert str(got["max"].dtype) == "Int64"


def test_distinct_claims_one_per_report_and_toll():
    got = cas.distinct_claims(_joined())
    assert _ids(got) == ["c1", "c3", "c4", "c5", "c6", "c7", "c9", "c10", "c11", "c12"]
    assert got.index.tolist() == list(range(10))
    assert cas.distinct_claims(_joined().iloc[0:0]).empty


def test_distinct_claims_keeps_two_vague_words_apart():
    c = _joined().iloc[[5, 5, 5]].reset_index(drop=True)  # c6 three times: "dozens", "dozens", "hundreds"
    c.loc[2, "vague"] = "hundreds"
    assert cas.distinct_claims(c)["vague"].tolist() == ["dozens", "hundreds"]


def test_claim_table_by_date_report_and_position():
    got = cas.claim_table(_joined())
    cols = ["date", "source", "doc_id", "category", "min", "max", "qualifier", "vague", "victims", "scope",
            "source_actor", "perpetrator_actor", "part", "sent_id", "sentence"]
    assert list(got.columns) == cols
    # s1 (01-03), r1 (01-04), s2 (01-25), t1 (02-20), then r2 without a date
    assert _ids(got) == ["c1", "c2", "c3", "c4", "c9", "c10", "c5", "c6", "c7", "c12", "c13", "c11"]
    j = _joined().set_index(pd.Index(_ids(_joined())))
    expected = j.loc[_ids(got), cols].reset_index(drop=True)
    assert_frame_equal(got, expected)
    _assert_empty(cas.claim_table(_joined().iloc[0:0]), cols)


# --------------------------------------------------------------------------- headline tolls and time


TOLL_COLUMNS = ["doc_id", "source", "date", "location", "category", "scope", "toll", "qualifier", "sentence"]


def _expected_tolls() -> pd.DataFrame:
    # per report, category and scope the largest max; c1 and c2 tie at 12: the earlier sentence (c1)
    return pd.DataFrame([
        ("s1", "sana", "2017-01-03", "Homs", "injured", "event", 20, "at_least", "sentence of c4"),
        ("s1", "sana", "2017-01-03", "Homs", "killed", "event", 12, "exact", "sentence of c1"),
        ("r1", "reuters", "2017-01-04", "Homs", "killed", "event", 10, "at_least", "sentence of c9"),
        ("s2", "sana", "2017-01-25", "Homs", "killed", "cumulative", 3000, "more_than", "sentence of c7"),
        ("s2", "sana", "2017-01-25", "Homs", "killed", "event", 40, "about", "sentence of c5"),  # the range's max
        ("t1", "tass", "2017-02-20", "Aleppo", "killed", "event", 200, "exact", "sentence of c12"),
        ("r2", "reuters", None, None, "killed", "event", 7, "exact", "sentence of c11"),  # undated last
    ], columns=TOLL_COLUMNS).assign(date=lambda d: pd.to_datetime(d["date"]))


def test_headline_tolls_largest_number_per_report_category_and_scope():
    assert_frame_equal(cas.headline_tolls(_joined()), _expected_tolls())  # c6 and c10 (vague) have no toll


def test_headline_tolls_without_numbers_or_location():
    _assert_empty(cas.headline_tolls(_joined().iloc[[5, 8]]), TOLL_COLUMNS)  # c6, c10: vague only
    _assert_empty(cas.headline_tolls(_joined().iloc[0:0]), TOLL_COLUMNS)
    got = cas.headline_tolls(_joined().drop(columns=["location"]).iloc[[0]])
    assert got["location"].isna().all() and got["toll"].tolist() == [12]


def test_tolls_over_time_per_month_group_category_and_scope():
    got = cas.tolls_over_time(_expected_tolls())
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2017-01-01"] * 4 + ["2017-02-01"]),
        "source": ["reuters", "sana", "sana", "sana", "tass"],
        "category": ["killed", "injured", "killed", "killed", "killed"],
        "scope": ["event", "event", "cumulative", "event", "event"],
        "reports": [1, 1, 1, 2, 1],
        "median_toll": [10.0, 20.0, 3000.0, (12 + 40) / 2, 200.0],  # r2 has no date: left out
        "max_toll": [10, 20, 3000, 40, 200],
    })
    assert_frame_equal(got, expected)


def test_tolls_over_time_by_quarter_and_when_empty():
    got = cas.tolls_over_time(_expected_tolls(), freq="Q")
    killed_event = got[(got["category"] == "killed") & (got["scope"] == "event")]
    assert killed_event[["source", "reports", "median_toll", "max_toll"]].values.tolist() == [
        ["reuters", 1, 10.0, 10], ["sana", 2, 26.0, 40], ["tass", 1, 200.0, 200]]
    assert set(got["period"]) == {pd.Timestamp("2017-01-01")}
    cols = ["period", "source", "category", "scope", "reports", "median_toll", "max_toll"]
    _assert_empty(cas.tolls_over_time(_expected_tolls().iloc[0:0]), cols)
    _assert_empty(cas.tolls_over_time(_expected_tolls().iloc[[6]]), cols)  # r2 only: undated


# --------------------------------------------------------------------------- victims, hedging, sources, blame


def _shares(by: str, column: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[by, column, "claims", "share"])


def test_victims_by_group_killed():
    got = cas.victims_by_group(_joined())
    # distinct killed claims: sana c1 people, c3 children, c5 soldiers, c6 civilians, c7 people (5);
    # reuters c9 "Civilians" (lower-cased), c11 fighters (2); tass c12 "guests", not in victims.yml: other
    expected = _shares("source", "victim_class", [
        ("reuters", "civilians", 1, 0.5), ("reuters", "combatants", 1, 0.5),
        ("sana", "children", 1, 0.2), ("sana", "civilians", 1, 0.2), ("sana", "combatants", 1, 0.2),
        ("sana", "people", 2, 0.4), ("tass", "other", 1, 1.0)])
    assert_frame_equal(got, expected)


def test_victims_by_group_injured_and_empty():
    got = cas.victims_by_group(_joined(), category="injured")
    expected = _shares("source", "victim_class", [("reuters", "people", 1, 1.0), ("sana", "civilians", 1, 1.0)])
    assert_frame_equal(got, expected)
    cols = ["source", "victim_class", "claims", "share"]
    _assert_empty(cas.victims_by_group(_joined(), category="casualties"), cols)
    _assert_empty(cas.victims_by_group(_joined().iloc[0:0]), cols)


def test_victims_by_group_reads_the_runs_own_victims_lexicon(tmp_path):
    lexicon = tmp_path / "victims.yml"
    lexicon.write_text("patients: [nurse, doctor]\nfighters: [soldiers, guards]\n")
    c = _joined().iloc[[0, 2, 4]].copy()  # c1 people, c3 children, c5 soldiers (all sana, killed)
    c["victims"] = ["Nurses", "children", "soldiers"]
    got = cas.victims_by_group(c, lexicon=str(lexicon))
    # "nurses" is not listed but its singular "nurse" is; "children" is not in this lexicon: other
    expected = _shares("source", "victim_class", [
        ("sana", "fighters", 1, 0.333), ("sana", "other", 1, 0.333), ("sana", "patients", 1, 0.333)])
    assert_frame_equal(got, expected)


def test_hedging_by_group():
    got = cas.hedging_by_group(_joined())
    expected = _shares("source", "qualifier", [
        ("reuters", "at_least", 1, 0.333), ("reuters", "exact", 1, 0.333), ("reuters", "vague", 1, 0.333),
        # sana: c1 exact, c3 exact, c4 at_least, c5 about, c6 vague, c7 more_than (6; c2 restates c1)
        ("sana", "about", 1, 0.167), ("sana", "at_least", 1, 0.167), ("sana", "exact", 2, 0.333),
        ("sana", "more_than", 1, 0.167), ("sana", "vague", 1, 0.167),
        ("tass", "exact", 1, 1.0)])
    assert_frame_equal(got, expected)


def test_hedging_counts_a_missing_qualifier_as_exact():
    c = _joined().iloc[[0, 2]].assign(qualifier=["exact", None])
    got = cas.hedging_by_group(c)
    assert_frame_equal(got, _shares("source", "qualifier", [("sana", "exact", 2, 1.0)]))


def test_sources_by_group():
    got = cas.sources_by_group(_joined())
    expected = _shares("source", "source_actor", [
        ("reuters", "(no source)", 2, 0.667), ("reuters", "MONITOR_NGO", 1, 0.333),
        ("sana", "(no source)", 3, 0.5), ("sana", "MONITOR_NGO", 1, 0.167), ("sana", "SYR_GOV", 2, 0.333),
        ("tass", "RUSSIA", 1, 1.0)])
    assert_frame_equal(got, expected)


def test_blame_by_group_killed_and_injured():
    got = cas.blame_by_group(_joined())
    expected = _shares("source", "perpetrator_actor", [
        ("reuters", "ISIS", 1, 0.5), ("reuters", "SYR_GOV", 1, 0.5),
        ("sana", "(not stated)", 3, 0.6), ("sana", "SYR_OPP", 2, 0.4),  # c5, c6, c7 / c1, c3
        ("tass", "SYR_OPP", 1, 1.0)])
    assert_frame_equal(got, expected)
    injured = cas.blame_by_group(_joined(), category="injured")
    assert_frame_equal(injured, _shares("source", "perpetrator_actor", [
        ("reuters", "(not stated)", 1, 1.0), ("sana", "(not stated)", 1, 1.0)]))


def test_shares_by_another_column_and_when_empty():
    got = cas.sources_by_group(_joined(), by="label")
    # label 0: r2 c11 (no source), t1 c12 RUSSIA; label 1: the eight claims of s1, s2, r1
    expected = _shares("label", "source_actor", [
        ("0", "(no source)", 1, 0.5), ("0", "RUSSIA", 1, 0.5),
        ("1", "(no source)", 4, 0.5), ("1", "MONITOR_NGO", 2, 0.25), ("1", "SYR_GOV", 2, 0.25)])
    assert_frame_equal(got, expected)
    for f, column in ((cas.hedging_by_group, "qualifier"), (cas.sources_by_group, "source_actor"),
                      (cas.blame_by_group, "perpetrator_actor")):
        _assert_empty(f(_joined().iloc[0:0]), ["source", column, "claims", "share"])


# --------------------------------------------------------------------------- credibility


CRED_COLUMNS = ["label", "reports", "reports_with_claims", "claims_per_report", "share_hedged", "share_vague",
                "share_with_source", "share_with_perpetrator", "median_killed_toll"]


def test_credibility_table_by_hand():
    got = cas.credibility_table(_joined(), _docs())
    expected = pd.DataFrame([
        # 0: r2 and t1 (s3 repeats s1: left out); claims c11, c12, both exact; sources: c12; perpetrators: both;
        #    killed event tolls 7 and 200: median 103.5
        ("not credible (0)", 2, 2, 1.0, 0.0, 0.0, 0.5, 1.0, 103.5),
        # 1: s1, s2, r1; claims c1 c3 c4 c5 c6 c7 c9 c10 (8, 8 / 3 = 2.67 per report); hedged c4 c5 c7 c9 (4 / 8);
        #    vague c6 c10 (2 / 8); with a source c4 c5 c7 c9 (4 / 8); perpetrator c1 c3 c9 (3 / 8);
        #    killed event headline tolls 12, 40, 10: median 12
        ("credible (1)", 3, 3, 2.67, 0.5, 0.25, 0.5, 0.375, 12.0),
    ], columns=CRED_COLUMNS)
    assert_frame_equal(got, expected)


def test_credibility_table_without_claims_or_labels():
    got = cas.credibility_table(_joined().iloc[0:0], _docs())
    expected = pd.DataFrame([("not credible (0)", 2, 0, 0.0, N, N, N, N, N),
                             ("credible (1)", 3, 0, 0.0, N, N, N, N, N)], columns=CRED_COLUMNS)
    assert_frame_equal(got, expected)
    _assert_empty(cas.credibility_table(_joined(), _docs().drop(columns=["label"])), CRED_COLUMNS)
    _assert_empty(cas.credibility_table(_joined(), _docs().assign(label=None)), CRED_COLUMNS)


def test_credibility_table_labels_read_as_numbers():
    docs = _docs().assign(label=[1.0, 1.0, 0.0, 1.0, None, 0.0])  # r2 has no label
    got = cas.credibility_table(_joined(), docs)
    assert got["label"].tolist() == ["not credible (0)", "credible (1)", "(unknown)"]
    assert got["reports"].tolist() == [1, 3, 1]


def test_credibility_table_agrees_with_hedging_on_a_missing_qualifier():
    claims = _joined().assign(qualifier=lambda d: d["qualifier"].where(d["qualifier"] != "exact", None))
    got = cas.credibility_table(claims, _docs())
    assert got["share_hedged"].tolist() == [0.0, 0.5]


@pytest.mark.parametrize("name", ["victims_by_group", "hedging_by_group", "sources_by_group", "blame_by_group",
                                  "tolls_over_time"])
def test_a_report_without_an_outlet_is_counted_as_unknown(name):
    docs = _docs().assign(source=lambda d: d["source"].where(d["doc_id"] != "t1", None))
    claims = cas.claims_with_documents(_claims(), docs)
    data = cas.headline_tolls(claims) if name == "tolls_over_time" else claims
    got = getattr(cas, name)(data)
    assert "(unknown)" in set(got["source"])
