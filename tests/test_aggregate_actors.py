"""Actor aggregations (notebook 03): hand-made mentions, attributions and documents in, hand-computed frames out.

Six invented reports: d1, d2, d3 from sana (d3 repeats d1's text), d4, d5 from reuters (d5 names
nobody), d6 from tass; seventeen mentions m1..m17 (m9, m10 in the repeat d3, m17 in a report
outside the selection) and eleven attributions a1..a11.
"""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.aggregate import actors
from analysis.io.tables import ATTRIBUTION_COLUMNS, MENTION_COLUMNS

N = None
SAA, FSA, SOHR = "Syrian Arab Army", "Free Syrian Army", "Syrian Observatory for Human Rights"


def _docs() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["d1", "d2", "d3", "d4", "d5", "d6"],
        "source": ["sana", "sana", "sana", "reuters", "reuters", "tass"],
        "date": pd.to_datetime(["2017-01-01", "2017-01-02", "2017-01-03", "2017-01-04", None, "2017-01-06"]),
        "duplicate_of": [N, N, "d1", N, N, N],
    })


# m-id, doc, sent, actor, actor_id, role
_MENTIONS = [
    ("m1", "d1", 0, SAA, "SYR_GOV", "agent"), ("m2", "d1", 0, FSA, "SYR_OPP", "target"),
    ("m3", "d1", 1, SAA, "SYR_GOV", "agent"), ("m4", "d1", 1, "Russian Air Force", "RUSSIA", "agent"),
    ("m5", "d1", 2, "SANA", "SYR_GOV", "speaker"),
    ("m6", "d2", 1, SAA, "SYR_GOV", "agent"), ("m7", "d2", 1, FSA, "SYR_OPP", "target"),
    ("m8", "d2", 3, SAA, "SYR_GOV", "other"),
    ("m9", "d3", 0, SAA, "SYR_GOV", "agent"), ("m10", "d3", 0, FSA, "SYR_OPP", "target"),
    ("m11", "d4", 0, SOHR, "MONITOR_NGO", "speaker"), ("m12", "d4", 0, SAA, "SYR_GOV", "agent"),
    ("m13", "d4", 2, "Russia", "RUSSIA", "other"), ("m14", "d4", 2, "Syrian government", "SYR_GOV", "other"),
    ("m15", "d6", 1, "Russian Defence Ministry", "RUSSIA", "speaker"),
    ("m16", "d6", 1, "armed opposition", "SYR_OPP", "target"),
    ("m17", "zz", 2, "United Nations", "UN", "speaker"),
]


def _mentions() -> pd.DataFrame:
    rows = [{"doc_id": d, "part": "body", "sent_id": s, "start": 5 * s, "end": 5 * s + 4, "surface": a, "actor": a,
             "actor_id": g, "role": r, "sentence": f"sentence {s} of {d}", "mid": m} for m, d, s, a, g, r in _MENTIONS]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS + ["mid"])


# a-id, doc, speaker, speaker_actor, speaker_actor_id, kind
_ATTRIBUTIONS = [
    ("a1", "d1", "SANA", "SANA", "SYR_GOV", "indirect"), ("a2", "d1", "a military source", N, N, "direct"),
    ("a3", "d2", "SANA", "SANA", "SYR_GOV", "indirect"), ("a4", "d2", "the army", SAA, "SYR_GOV", "according_to"),
    ("a5", "d3", "SANA", "SANA", "SYR_GOV", "indirect"),
    ("a6", "d4", "the Observatory", SOHR, "MONITOR_NGO", "indirect"),
    ("a7", "d4", "the Observatory", SOHR, "MONITOR_NGO", "according_to"), ("a8", "d4", "a resident", N, N, "direct"),
    ("a9", "d6", "the ministry", "Russian Defence Ministry", "RUSSIA", "direct"),
    ("a10", "d6", "the minister", "Russian Foreign Ministry", "RUSSIA", "indirect"), ("a11", "d6", "he", N, N, "direct"),
]


def _attributions() -> pd.DataFrame:
    rows = [{"doc_id": d, "part": "body", "sent_id": i, "start": 0, "end": 9, "speaker": sp, "speaker_actor": a,
             "speaker_actor_id": g, "cue": "said", "kind": k, "content": f"content of {aid}"}
            for i, (aid, d, sp, a, g, k) in enumerate(_ATTRIBUTIONS)]
    return pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)


def _originals() -> pd.DataFrame:
    """The mentions of the selection's original reports (what the notebook should pass on)."""
    return actors.with_documents(_mentions(), _docs())


def _assert_empty(got: pd.DataFrame, columns: list[str]) -> None:
    assert got.empty and list(got.columns) == columns


# --------------------------------------------------------------------------- with_documents and salience


def test_with_documents_adds_the_group_and_date_and_drops_repeats_and_strays():
    got = actors.with_documents(_mentions(), _docs())
    assert got["mid"].tolist() == ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m11", "m12", "m13", "m14",
                                   "m15", "m16"]
    assert list(got.columns) == MENTION_COLUMNS + ["mid", "source", "date"]
    assert got[["source", "date"]].iloc[8].tolist() == ["reuters", pd.Timestamp("2017-01-04")]
    by_date = actors.with_documents(_mentions(), _docs(), by="date")
    assert list(by_date.columns) == MENTION_COLUMNS + ["mid", "date"]
    assert actors.with_documents(_mentions().iloc[0:0], _docs()).empty


SALIENCE = ["reports", "share_of_reports", "mentions", "mentions_per_report"]


def test_salience_by_group_counts_reports_not_mentions():
    got = actors.salience_by_group(_mentions(), _docs())
    # reports per group (repeats left out): sana 2 (d1, d2), reuters 2 (d4 and d5, which names nobody), tass 1
    expected = pd.DataFrame([
        ("reuters", "MONITOR_NGO", 1, 0.5, 1, 0.5), ("reuters", "RUSSIA", 1, 0.5, 1, 0.5),
        ("reuters", "SYR_GOV", 1, 0.5, 2, 1.0),  # m12, m14 in d4
        ("sana", "RUSSIA", 1, 0.5, 1, 0.5),
        ("sana", "SYR_GOV", 2, 1.0, 5, 2.5),  # m1, m3, m5, m6, m8 over 2 reports
        ("sana", "SYR_OPP", 2, 1.0, 2, 1.0),
        ("tass", "RUSSIA", 1, 1.0, 1, 1.0), ("tass", "SYR_OPP", 1, 1.0, 1, 1.0),
    ], columns=["source", "actor_id", *SALIENCE])
    assert_frame_equal(got, expected)


def test_salience_by_group_of_canonical_actors():
    got = actors.salience_by_group(_mentions(), _docs(), level="actor")
    expected = pd.DataFrame([
        ("reuters", "Russia", 1, 0.5, 1, 0.5), ("reuters", SAA, 1, 0.5, 1, 0.5), ("reuters", SOHR, 1, 0.5, 1, 0.5),
        ("reuters", "Syrian government", 1, 0.5, 1, 0.5),
        ("sana", FSA, 2, 1.0, 2, 1.0), ("sana", "Russian Air Force", 1, 0.5, 1, 0.5), ("sana", "SANA", 1, 0.5, 1, 0.5),
        ("sana", SAA, 2, 1.0, 4, 2.0),  # m1, m3, m6, m8
        ("tass", "Russian Defence Ministry", 1, 1.0, 1, 1.0), ("tass", "armed opposition", 1, 1.0, 1, 1.0),
    ], columns=["source", "actor", *SALIENCE])
    assert_frame_equal(got, expected)


def test_salience_by_group_when_empty():
    cols = ["source", "actor_id", *SALIENCE]
    _assert_empty(actors.salience_by_group(_mentions().iloc[0:0], _docs()), cols)
    _assert_empty(actors.salience_by_group(_mentions(), _docs().iloc[[2, 4]]), cols)  # d3 (a repeat), d5


# --------------------------------------------------------------------------- co-occurrence


def test_cooccurrence_counts_sentences_and_reports_of_each_pair():
    got = actors.cooccurrence(_originals(), min_sentences=1)
    # sentences naming two groups: d1/0 GOV+OPP, d1/1 GOV+RUSSIA, d2/1 GOV+OPP, d4/0 NGO+GOV, d4/2 RUSSIA+GOV,
    # d6/1 RUSSIA+OPP (d1/2 and d2/3 name one group; m3 and m1 are two sentences)
    # by sentences (descending), then the pair's names
    expected = pd.DataFrame([("RUSSIA", "SYR_GOV", 2, 2), ("SYR_GOV", "SYR_OPP", 2, 2),
                             ("MONITOR_NGO", "SYR_GOV", 1, 1), ("RUSSIA", "SYR_OPP", 1, 1)],
                            columns=["a", "b", "sentences", "reports"])
    assert_frame_equal(got, expected)


def test_cooccurrence_threshold_and_repeated_texts():
    got = actors.cooccurrence(_mentions())  # min 2; without documents, the repeat d3 counts again
    expected = pd.DataFrame([("SYR_GOV", "SYR_OPP", 3, 3), ("RUSSIA", "SYR_GOV", 2, 2)],
                            columns=["a", "b", "sentences", "reports"])
    assert_frame_equal(got, expected)
    got = actors.cooccurrence(_mentions(), level="actor", min_sentences=3)
    assert got.values.tolist() == [[FSA, SAA, 3, 3]]  # d1/0, d2/1, d3/0
    _assert_empty(actors.cooccurrence(_originals(), min_sentences=3), ["a", "b", "sentences", "reports"])
    _assert_empty(actors.cooccurrence(_mentions().iloc[0:0]), ["a", "b", "sentences", "reports"])


def test_a_party_without_a_group_is_never_half_of_a_pair():
    """Generic parties no pack names and no context places ("gunmen") are mentions without an
    actor_id: they were counted as an actor called "nan" beside every group of their sentence."""
    m = pd.DataFrame({"doc_id": ["d", "d", "d", "e", "e"], "sent_id": [0, 0, 0, 0, 0],
                      "actor_id": ["SYR_GOV", None, "SYR_OPP", "SYR_GOV", None]})
    got = actors.cooccurrence(m, min_sentences=1)
    assert got.values.tolist() == [["SYR_GOV", "SYR_OPP", 1, 1]]


def test_cooccurrence_graph_weights():
    edges = actors.cooccurrence(_mentions())
    g = actors.cooccurrence_graph(edges, _mentions())
    # node weight: reports naming the group (m17's report zz counts: the graph takes the mentions it is given)
    assert sorted(g.nodes(data="weight")) == [("MONITOR_NGO", 1), ("RUSSIA", 3), ("SYR_GOV", 4), ("SYR_OPP", 4),
                                              ("UN", 1)]
    assert sorted((*sorted((a, b)), w) for a, b, w in g.edges(data="weight")) == [
        ("RUSSIA", "SYR_GOV", 2), ("SYR_GOV", "SYR_OPP", 3)]
    bare = actors.cooccurrence_graph(edges)
    assert sorted(bare.nodes) == ["RUSSIA", "SYR_GOV", "SYR_OPP"] and dict(bare.nodes(data="weight"))["RUSSIA"] is None
    assert actors.cooccurrence_graph(edges.iloc[0:0], _mentions().iloc[0:0]).number_of_nodes() == 0


# --------------------------------------------------------------------------- roles


def test_roles_by_group_shares_of_each_actors_mentions():
    got = actors.roles_by_group(_mentions(), _docs())
    expected = pd.DataFrame([
        ("reuters", "MONITOR_NGO", "speaker", 1, 1.0), ("reuters", "RUSSIA", "other", 1, 1.0),
        ("reuters", "SYR_GOV", "agent", 1, 0.5), ("reuters", "SYR_GOV", "other", 1, 0.5),
        ("sana", "RUSSIA", "agent", 1, 1.0),
        ("sana", "SYR_GOV", "agent", 3, 0.6), ("sana", "SYR_GOV", "other", 1, 0.2),  # m1 m3 m6 / m8 / m5, of 5
        ("sana", "SYR_GOV", "speaker", 1, 0.2),
        ("sana", "SYR_OPP", "target", 2, 1.0),
        ("tass", "RUSSIA", "speaker", 1, 1.0), ("tass", "SYR_OPP", "target", 1, 1.0),
    ], columns=["source", "actor_id", "role", "mentions", "share"])
    assert_frame_equal(got, expected)
    _assert_empty(actors.roles_by_group(_mentions().iloc[0:0], _docs()),
                  ["source", "actor_id", "role", "mentions", "share"])


def test_role_profile_top_actors_by_mentions():
    got = actors.role_profile(_originals(), top=3)
    # mentions: SYR_GOV 7, RUSSIA 3, SYR_OPP 3 (tie: by name), MONITOR_NGO 1 (not in the top 3)
    expected = pd.DataFrame({"speaker": [1, 1, 0], "agent": [4, 1, 0], "target": [0, 0, 3], "other": [2, 1, 0]},
                            index=pd.Index(["SYR_GOV", "RUSSIA", "SYR_OPP"], name="actor_id"))
    expected.columns.name = "role"
    assert_frame_equal(got, expected)


def test_role_profile_adds_missing_roles_and_handles_empty():
    got = actors.role_profile(_originals()[lambda d: d["actor_id"] == "SYR_OPP"])
    assert got.loc["SYR_OPP"].tolist() == [0, 0, 3, 0] and got.columns.tolist() == ["speaker", "agent", "target", "other"]
    empty = actors.role_profile(_mentions().iloc[0:0])
    assert empty.empty and empty.columns.tolist() == ["speaker", "agent", "target", "other"]
    assert empty.index.name == "actor_id"


# --------------------------------------------------------------------------- who is quoted


QUOTED = ["source", "speaker_actor_id", "attributions", "share", "direct", "indirect", "according_to"]


def test_quoted_by_group_counts_kinds_and_unresolved_speakers():
    got = actors.quoted_by_group(_attributions(), _docs())
    expected = pd.DataFrame([
        ("reuters", "MONITOR_NGO", 2, 0.667, 0, 1, 1), ("reuters", "(unresolved)", 1, 0.333, 1, 0, 0),  # a6 a7 / a8
        ("sana", "SYR_GOV", 3, 0.75, 0, 2, 1), ("sana", "(unresolved)", 1, 0.25, 1, 0, 0),  # a1 a3 a4 / a2; a5 repeats
        ("tass", "RUSSIA", 2, 0.667, 1, 1, 0), ("tass", "(unresolved)", 1, 0.333, 1, 0, 0),  # a9 a10 / a11
    ], columns=QUOTED)
    assert_frame_equal(got, expected, check_names=False)  # the columns keep the pivot's name, "kind"


def test_quoted_by_group_fills_kinds_nobody_used_and_when_empty():
    got = actors.quoted_by_group(_attributions().iloc[[8, 9]], _docs(), level="speaker_actor")  # a9, a10
    expected = pd.DataFrame([("tass", "Russian Defence Ministry", 1, 0.5, 1, 0, 0),
                             ("tass", "Russian Foreign Ministry", 1, 0.5, 0, 1, 0)],
                            columns=["source", "speaker_actor", *QUOTED[2:]])
    assert_frame_equal(got, expected, check_names=False)
    _assert_empty(actors.quoted_by_group(_attributions().iloc[0:0], _docs()), QUOTED)
    _assert_empty(actors.quoted_by_group(_attributions().iloc[[4]], _docs()), QUOTED)  # a5 only: a repeat


def test_top_speakers_resolved_only_ties_by_name():
    cols = ["source", "speaker_actor", "speaker_actor_id", "attributions"]
    got = actors.top_speakers(_attributions(), _docs(), n=1)
    expected = pd.DataFrame([("reuters", SOHR, "MONITOR_NGO", 2), ("sana", "SANA", "SYR_GOV", 2),
                             ("tass", "Russian Defence Ministry", "RUSSIA", 1)], columns=cols)
    assert_frame_equal(got, expected)
    got = actors.top_speakers(_attributions(), _docs())
    assert got["speaker_actor"].tolist() == [SOHR, "SANA", SAA, "Russian Defence Ministry", "Russian Foreign Ministry"]
    assert got["attributions"].tolist() == [2, 2, 1, 1, 1]
    _assert_empty(actors.top_speakers(_attributions().iloc[[1, 7, 10]], _docs()), cols)  # unresolved only


@pytest.mark.parametrize("name", ["salience_by_group", "roles_by_group", "quoted_by_group", "top_speakers"])
def test_a_report_without_an_outlet_is_counted_as_unknown(name):
    docs = _docs().assign(source=lambda d: d["source"].where(d["doc_id"] != "d6", None))
    table = _attributions() if name in ("quoted_by_group", "top_speakers") else _mentions()
    got = getattr(actors, name)(table, docs)
    assert "(unknown)" in set(got["source"])
