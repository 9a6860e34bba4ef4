"""Framing aggregations (notebook 04): hand-made labels, frames and tone in, hand-computed frames out.

Six invented reports: f1, f2, f3 from sana (f3 repeats f1's text), f4, f5 from reuters (f5 has no
date), f6 from tass. Labels are for the armed opposition (narration and quoted speech) and the
government.
"""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.aggregate import framing
from analysis.errors import InputError
from analysis.io.tables import FRAME_COLUMNS, LABEL_COLUMNS, SENTENCE_TONE_COLUMNS, TONE_COLUMNS

N = None
OPP, GOV = "armed_opposition", "government"
TEXTS = {
    "f1": ("Shelling kills five", "A school was destroyed. Aid trucks arrived."),
    "f2": ("Convoy arrives", "Families welcomed the convoy. The road stays open."),
    "f3": ("Shelling kills five", "A school was destroyed. Aid trucks arrived."),
    "f4": ("Talks", "Talks brought hope."),
    "f5": ("Clashes", "Clashes went on."),
    "f6": ("Strikes", "Jets struck twice."),
}


def _docs() -> pd.DataFrame:
    ids = list(TEXTS)
    return pd.DataFrame({
        "doc_id": ids,
        "source": ["sana", "sana", "sana", "reuters", "reuters", "tass"],
        "date": pd.to_datetime(["2017-01-10", "2017-04-05", "2017-04-06", "2017-02-01", None, "2017-05-20"]),
        "title": [TEXTS[d][0] for d in ids],
        "text": [TEXTS[d][1] for d in ids],
        "duplicate_of": [N, N, "f1", N, N, N],
    })


def _labels() -> pd.DataFrame:
    return pd.DataFrame([
        ("f1", OPP, "terrorists", 3, False), ("f1", OPP, "terrorists", 1, True), ("f1", GOV, "government", 2, False),
        ("f2", OPP, "terrorists", 2, False), ("f2", OPP, "militants", 1, False),
        ("f3", OPP, "terrorists", 3, False),  # the repeat: left out
        ("f4", OPP, "rebels", 4, False), ("f4", OPP, "terrorists", 1, True), ("f4", OPP, "insurgents", 1, False),
        ("f5", OPP, "rebels", 2, False),  # no date: not in a period
        ("f6", OPP, "militants", 2, False), ("f6", OPP, "jihadists", 1, False),
    ], columns=LABEL_COLUMNS)


def _over_time(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["period", "label", "count", "share"]).assign(
        period=lambda d: pd.to_datetime(d["period"]))


def _assert_empty(got: pd.DataFrame, columns: list[str]) -> None:
    assert got.empty and list(got.columns) == columns


# --------------------------------------------------------------------------- labels over time


def test_labels_over_time_narration_by_quarter():
    got = framing.labels_over_time(_labels(), _docs())
    # Q1: f1 terrorists 3, f4 rebels 4 + insurgents 1 (8); Q2: f2 terrorists 2 + militants 1, f6 militants 2 +
    # jihadists 1 (6); quoted uses (f1, f4), the repeat f3 and the undated f5 are left out
    expected = _over_time([
        ("2017-01-01", "insurgents", 1, 0.125), ("2017-01-01", "rebels", 4, 0.5), ("2017-01-01", "terrorists", 3, 0.375),
        ("2017-04-01", "jihadists", 1, 0.167), ("2017-04-01", "militants", 3, 0.5), ("2017-04-01", "terrorists", 2, 0.333),
    ])
    assert_frame_equal(got, expected)


def test_labels_over_time_folds_labels_outside_the_top_together():
    got = framing.labels_over_time(_labels(), _docs(), top=2)
    # totals: terrorists 5, rebels 4, militants 3, insurgents 1, jihadists 1: the top 2 keep their names
    expected = _over_time([
        ("2017-01-01", "(other labels)", 1, 0.125), ("2017-01-01", "rebels", 4, 0.5),
        ("2017-01-01", "terrorists", 3, 0.375),
        ("2017-04-01", "(other labels)", 4, 0.667), ("2017-04-01", "terrorists", 2, 0.333),  # militants 3 + jihadists 1
    ])
    assert_frame_equal(got, expected)


def test_labels_over_time_quoted_both_and_other_referents():
    quoted = framing.labels_over_time(_labels(), _docs(), quoted=True)
    assert_frame_equal(quoted, _over_time([("2017-01-01", "terrorists", 2, 1.0)]))  # f1 1 + f4 1
    both = framing.labels_over_time(_labels(), _docs(), quoted=None, freq="M")
    expected = _over_time([
        ("2017-01-01", "terrorists", 4, 1.0),  # f1: 3 narrated + 1 quoted
        ("2017-02-01", "insurgents", 1, 0.167), ("2017-02-01", "rebels", 4, 0.667), ("2017-02-01", "terrorists", 1, 0.167),
        ("2017-04-01", "militants", 1, 0.333), ("2017-04-01", "terrorists", 2, 0.667),
        ("2017-05-01", "jihadists", 1, 0.333), ("2017-05-01", "militants", 2, 0.667),
    ])
    assert_frame_equal(both, expected)
    gov = framing.labels_over_time(_labels(), _docs(), referent=GOV)
    assert_frame_equal(gov, _over_time([("2017-01-01", "government", 2, 1.0)]))


def test_labels_over_time_when_empty():
    cols = ["period", "label", "count", "share"]
    _assert_empty(framing.labels_over_time(_labels(), _docs(), referent="kurdish"), cols)
    _assert_empty(framing.labels_over_time(_labels().iloc[0:0], _docs()), cols)
    _assert_empty(framing.labels_over_time(_labels(), _docs().iloc[[2, 4]]), cols)  # the repeat and the undated


# --------------------------------------------------------------------------- label shares and names


def test_label_shares_report_counts_and_ties():
    got = framing.label_shares(_labels(), _docs(), referent=OPP, quoted=False)
    expected = pd.DataFrame([
        ("reuters", "rebels", 6, 6 / 7, 2), ("reuters", "insurgents", 1, 1 / 7, 1),  # f4 4 + f5 2; f4
        ("sana", "terrorists", 5, 5 / 6, 2), ("sana", "militants", 1, 1 / 6, 1),  # f1 3 + f2 2 (f3 repeats f1: out)
        ("tass", "militants", 2, 2 / 3, 1), ("tass", "jihadists", 1, 1 / 3, 1),
    ], columns=framing.SHARE_COLUMNS)
    assert_frame_equal(got, expected)


def test_label_shares_names_a_missing_column():
    with pytest.raises(InputError, match="labels table: missing column 'quoted'"):
        framing.label_shares(_labels().drop(columns=["quoted"]), _docs(), referent=OPP)
    with pytest.raises(InputError, match=r"documents table: missing column 'outlet' \(group_by='outlet'\)"):
        framing.label_shares(_labels(), _docs(), referent=OPP, by="outlet")
    empty = framing.label_shares(_labels(), _docs(), referent="kurdish")
    assert list(empty.columns) == framing.SHARE_COLUMNS and empty.empty
    assert [str(t) for t in empty.dtypes] == ["object", "object", "int64", "float64", "int64"]


def test_label_shares_leaves_repeated_texts_out():
    got = framing.label_shares(_labels(), _docs(), referent=OPP, quoted=False)
    sana = got[got["group"] == "sana"]
    assert sana[["label", "count", "n_docs"]].values.tolist() == [["terrorists", 5, 2], ["militants", 1, 1]]


def test_label_shares_names_a_missing_group_unknown():
    docs = _docs().assign(source=lambda d: d["source"].where(d["doc_id"] != "f6", None))
    got = framing.label_shares(_labels(), docs, referent=OPP)
    assert "(unknown)" in set(got["group"])


def test_label_names_in_the_lexicons_order(tmp_path):
    lexicon = tmp_path / "labels.yml"
    lexicon.write_text("referents:\n  fighters:\n    group: SYR_OPP\n    labels:\n      zealots: [zealot]\n"
                       "      brigands: [brigand]\n      guerrillas: [guerrilla]\n")
    assert framing.label_names(str(lexicon), "fighters") == ["zealots", "brigands", "guerrillas"]
    with pytest.raises(InputError, match="no referent 'government'; the lexicon has fighters"):
        framing.label_names(str(lexicon), GOV)
    bundled = framing.label_names(None, OPP)
    assert bundled[:3] == ["terrorists", "rebels", "moderate_rebels"]


# --------------------------------------------------------------------------- frames


def _frames() -> pd.DataFrame:
    return pd.DataFrame([
        ("f1", "military", 3, 15.0, "shelling:2; air strike:1"), ("f1", "humanitarian", 0, 0.0, ""),
        ("f2", "military", 1, 5.071, "shelling:1"), ("f2", "humanitarian", 2, 10.0, "aid:2"),
        ("f3", "military", 3, 15.0, "shelling:2; air strike:1"), ("f3", "humanitarian", 0, 0.0, ""),
        ("f4", "military", 0, 0.0, ""), ("f4", "humanitarian", 4, 8.0, "aid:1; refugees:3"),
        ("f5", "military", 2, 4.0, "clashes:2"), ("f5", "humanitarian", 0, 0.0, N),
        ("f6", "military", 5, 25.0, "air strike:4; shelling:1"), ("f6", "humanitarian", 1, 5.0, "aid:1; broken"),
    ], columns=FRAME_COLUMNS)


def test_frame_profile_by_hand():
    got = framing.frame_profile(_frames(), _docs())
    expected = pd.DataFrame([
        ("reuters", "humanitarian", 2, 4.0, 0.5, 4),  # f4 8.0, f5 0.0
        ("reuters", "military", 2, 2.0, 0.5, 2),  # f4 0.0, f5 4.0
        ("sana", "humanitarian", 2, 5.0, 0.5, 2),  # f1 0.0, f2 10.0 (f3 repeats f1)
        ("sana", "military", 2, 10.04, 1.0, 4),  # (15.0 + 5.071) / 2 = 10.0355
        ("tass", "humanitarian", 1, 5.0, 1.0, 1),
        ("tass", "military", 1, 25.0, 1.0, 5),
    ], columns=["source", "frame", "reports", "mean_per_1k", "share_of_reports", "hits"])
    assert_frame_equal(got, expected)
    _assert_empty(framing.frame_profile(_frames().iloc[0:0], _docs()),
                  ["source", "frame", "reports", "mean_per_1k", "share_of_reports", "hits"])


def test_top_frame_terms_sums_terms_per_group_and_frame():
    got = framing.top_frame_terms(_frames(), _docs())
    expected = pd.DataFrame([
        ("reuters", "humanitarian", "refugees", 3), ("reuters", "humanitarian", "aid", 1),
        ("reuters", "military", "clashes", 2),
        ("sana", "humanitarian", "aid", 2),
        ("sana", "military", "shelling", 3), ("sana", "military", "air strike", 1),  # f1 2 + f2 1; f3 repeats f1
        ("tass", "humanitarian", "aid", 1),  # "broken" has no count: skipped
        ("tass", "military", "air strike", 4), ("tass", "military", "shelling", 1),
    ], columns=["source", "frame", "term", "count"])
    assert_frame_equal(got, expected)


def test_top_frame_terms_n_and_empty():
    got = framing.top_frame_terms(_frames(), _docs(), n=1)
    assert got["term"].tolist() == ["refugees", "clashes", "aid", "shelling", "aid", "air strike"]
    cols = ["source", "frame", "term", "count"]
    _assert_empty(framing.top_frame_terms(_frames().iloc[0:0], _docs()), cols)
    _assert_empty(framing.top_frame_terms(_frames()[_frames()["hits"] == 0], _docs()), cols)


# --------------------------------------------------------------------------- tone


def _tone() -> pd.DataFrame:
    return pd.DataFrame([
        ("f1", -0.5, 0.1, 0.6, 0.3, 3), ("f2", -0.1, 0.2, 0.6, 0.2, 3), ("f3", -0.9, 0.0, 0.1, 0.9, 3),
        ("f4", 0.2, 0.3, 0.5, 0.2, 2), ("f5", -0.4, 0.1, 0.5, 0.4, 2), ("f6", -0.8, 0.0, 0.4, 0.6, 2),
    ], columns=TONE_COLUMNS)


def test_tone_by_group_by_hand():
    got = framing.tone_by_group(_tone(), _docs())
    expected = pd.DataFrame([
        # reuters [-0.4, 0.2]: q25 = -0.4 + 0.25 * 0.6 = -0.25, q75 = -0.4 + 0.75 * 0.6 = 0.05
        ("reuters", 2, -0.1, -0.25, -0.1, 0.05, 0.2, 0.3),
        # sana [-0.5, -0.1] (f3, a repeat, left out): q25 = -0.5 + 0.25 * 0.4 = -0.4, q75 = -0.2
        ("sana", 2, -0.3, -0.4, -0.3, -0.2, 0.15, 0.25),
        ("tass", 1, -0.8, -0.8, -0.8, -0.8, 0.0, 0.6),
    ], columns=["source", "reports", "mean_compound", "q25", "median", "q75", "mean_pos", "mean_neg"])
    assert_frame_equal(got, expected)
    _assert_empty(framing.tone_by_group(_tone().iloc[0:0], _docs()), list(expected.columns))


def _sentence_tone() -> pd.DataFrame:
    rows = [("f1", "title", 0, "Shelling kills five", -0.7), ("f1", "body", 1, "A school was destroyed.", -0.5),
            ("f1", "body", 2, "Aid trucks arrived.", 0.1), ("f2", "body", 1, "Families welcomed the convoy.", 0.6),
            ("f2", "body", 2, "The road stays open.", 0.0), ("f3", "body", 1, "A school was destroyed.", -0.9),
            ("f4", "body", 1, "Talks brought hope.", 0.7)]
    out = []
    for doc, part, sid, sentence, compound in rows:
        start = TEXTS[doc][0 if part == "title" else 1].index(sentence)
        out.append((doc, part, sid, start, start + len(sentence), compound, 0.0, 1.0, 0.0))
    return pd.DataFrame(out, columns=SENTENCE_TONE_COLUMNS)


def test_tone_extremes_cut_the_sentences_from_title_and_text():
    got = framing.tone_extremes(_sentence_tone(), _docs(), n=2)
    expected = pd.DataFrame([
        ("f1", "title", 0, -0.7, "Shelling kills five"), ("f1", "body", 1, -0.5, "A school was destroyed."),
        ("f2", "body", 1, 0.6, "Families welcomed the convoy."), ("f4", "body", 1, 0.7, "Talks brought hope."),
    ], columns=["doc_id", "part", "sent_id", "compound", "sentence"])  # f3's -0.9 is a repeat's: left out
    assert_frame_equal(got, expected)
    _assert_empty(framing.tone_extremes(_sentence_tone().iloc[0:0], _docs()),
                  ["doc_id", "part", "sent_id", "compound", "sentence"])


def test_tone_extremes_lists_each_sentence_once():
    got = framing.tone_extremes(_sentence_tone(), _docs(), n=5)
    assert len(got) == 6 and not got.duplicated(["doc_id", "sent_id"]).any()
