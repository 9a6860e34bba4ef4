"""Corpus overview aggregations (notebook 01): hand-made documents in, hand-computed frames out.

Seven invented reports from three outlets and one without an outlet; one repeats an earlier text
(``duplicate_of``), one has no date. The overview counts every report (repeats are flagged, not
dropped) and names a missing outlet "(unknown)".
"""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.aggregate import overview

T = pd.Timestamp


def _docs() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a1", "a2", "a3", "b1", "b2", "c1", "d1"],
        "source": ["sana", "sana", "sana", "reuters", "reuters", None, "tass"],
        "date": pd.to_datetime(["2017-01-05", "2017-01-20", None, "2017-03-02", "2017-01-11", "2017-03-31",
                                "2017-02-14"]),
        "title": ["Shelling in a market", "Shelling in a market", "Undated note", "Talks resume", "Convoy arrives",
                  "Unsigned item", "Brief"],
        "n_words": [120, 120, 30, 400, 45, 80, 10],
        "duplicate_of": [None, "a1", None, None, None, None, None],
        "label": ["1", "1", "0", "1", "0", "1", "0"],
    })


def _assert_empty(got: pd.DataFrame, columns: list[str]) -> None:
    assert got.empty and list(got.columns) == columns


# --------------------------------------------------------------------------- reports_per_group


def test_reports_per_group_counts_words_repeats_and_undated_reports():
    got = overview.reports_per_group(_docs())
    expected = pd.DataFrame({
        # by reports (descending), then name: "(unknown)" sorts before "tass"
        "source": ["sana", "reuters", "(unknown)", "tass"],
        "reports": [3, 2, 1, 1],
        "words": [120 + 120 + 30, 400 + 45, 80, 10],
        "median_words": [120.0, (45 + 400) / 2, 80.0, 10.0],
        "duplicates": [1, 0, 0, 0],  # a2 repeats a1: counted in reports, flagged here
        "undated": [1, 0, 0, 0],  # a3
        "first_date": pd.to_datetime(["2017-01-05", "2017-01-11", "2017-03-31", "2017-02-14"]),
        "last_date": pd.to_datetime(["2017-01-20", "2017-03-02", "2017-03-31", "2017-02-14"]),  # a3's NaT ignored
    })
    assert_frame_equal(got, expected)


def test_reports_per_group_by_another_column():
    got = overview.reports_per_group(_docs(), by="label")
    expected = pd.DataFrame({
        "label": ["1", "0"], "reports": [4, 3], "words": [120 + 120 + 400 + 80, 30 + 45 + 10],
        "median_words": [(120 + 120) / 2, 30.0], "duplicates": [1, 0], "undated": [0, 1],
        "first_date": pd.to_datetime(["2017-01-05", "2017-01-11"]),
        "last_date": pd.to_datetime(["2017-03-31", "2017-02-14"]),
    })
    assert_frame_equal(got, expected)


def test_reports_per_group_of_an_empty_selection():
    _assert_empty(overview.reports_per_group(_docs().iloc[0:0]),
                  ["source", "reports", "words", "median_words", "duplicates", "undated", "first_date", "last_date"])


# --------------------------------------------------------------------------- time


# 2015-01-01 -> 2018-01-01 is 365 + 366 (2016) + 365 = 1,096 days; three years of 366 days are 1,098
@pytest.mark.parametrize("first, last, freq", [
    ("2015-01-01", "2018-01-03", "M"),  # 1,098 days: still months
    ("2015-01-01", "2018-01-04", "Q"),  # 1,099 days: quarters
    ("2013-01-01", "2018-01-01", "Q"),
    ("2017-05-01", "2017-05-01", "M"),  # one day
])
def test_time_freq_months_up_to_three_years(first, last, freq):
    assert overview.time_freq(pd.Series(pd.to_datetime([first, None, last]))) == freq


def test_time_freq_of_no_dates_is_months():
    assert overview.time_freq(pd.Series(pd.to_datetime([None, None]))) == "M"
    assert overview.time_freq(pd.Series([], dtype="datetime64[ns]")) == "M"


def test_reports_over_time_by_month_leaves_undated_reports_out():
    got = overview.reports_over_time(_docs())  # auto: 2017-01-05 .. 2017-03-31 is months
    expected = pd.DataFrame({
        "period": pd.to_datetime(["2017-01-01", "2017-01-01", "2017-02-01", "2017-03-01", "2017-03-01"]),
        "source": ["reuters", "sana", "tass", "(unknown)", "reuters"],
        "reports": [1, 2, 1, 1, 1],  # January: b2; a1 + a2 (the repeat is a report too); a3 has no date
    })
    assert_frame_equal(got, expected)


@pytest.mark.parametrize("freq, first_day", [("Q", "2017-01-01"), ("Y", "2017-01-01")])
def test_reports_over_time_by_quarter_and_year(freq, first_day):
    got = overview.reports_over_time(_docs(), freq=freq)
    expected = pd.DataFrame({
        "period": pd.to_datetime([first_day] * 4),
        "source": ["(unknown)", "reuters", "sana", "tass"],
        "reports": [1, 2, 2, 1],
    })
    assert_frame_equal(got, expected)


def test_reports_over_time_auto_uses_quarters_for_long_spans():
    docs = pd.DataFrame({"doc_id": ["x", "y", "z"], "source": ["sana"] * 3,
                         "date": pd.to_datetime(["2012-02-10", "2012-03-30", "2016-11-01"]), "duplicate_of": [None] * 3})
    got = overview.reports_over_time(docs)
    expected = pd.DataFrame({"period": pd.to_datetime(["2012-01-01", "2016-10-01"]),
                             "source": ["sana", "sana"], "reports": [2, 1]})
    assert_frame_equal(got, expected)


def test_reports_over_time_without_dated_reports():
    cols = ["period", "source", "reports"]
    _assert_empty(overview.reports_over_time(_docs().iloc[0:0]), cols)
    _assert_empty(overview.reports_over_time(_docs().iloc[[2]]), cols)  # a3 only: no date


# --------------------------------------------------------------------------- lengths and lists


def test_length_table_quantiles_by_hand():
    got = overview.length_table(_docs())
    expected = pd.DataFrame({
        "source": ["(unknown)", "reuters", "sana", "tass"],
        "min": [80, 45, 30, 10],
        # linear interpolation: reuters [45, 400]: 45 + 0.25 * 355 = 133.75, 45 + 0.75 * 355 = 311.25;
        # sana [30, 120, 120]: position 0.5 -> 30 + 0.5 * 90 = 75, position 1.5 -> 120
        "q25": [80.0, 133.75, 75.0, 10.0],
        "median": [80.0, 222.5, 120.0, 10.0],
        "q75": [80.0, 311.25, 120.0, 10.0],
        "max": [80, 400, 120, 10],
        "under_50_words": [0, 1, 1, 1],  # b2 (45), a3 (30), d1 (10)
    })
    assert_frame_equal(got, expected)


def test_length_table_of_an_empty_selection():
    _assert_empty(overview.length_table(_docs().iloc[0:0]),
                  ["source", "min", "q25", "median", "q75", "max", "under_50_words"])


def test_report_list_by_date_undated_last():
    got = overview.report_list(_docs())
    d = _docs().set_index("doc_id")
    order = ["a1", "b2", "a2", "d1", "b1", "c1", "a3"]  # 01-05, 01-11, 01-20, 02-14, 03-02, 03-31, no date
    expected = d.loc[order, ["source", "date", "title", "n_words", "duplicate_of"]].reset_index()
    assert expected["doc_id"].tolist() == order
    assert_frame_equal(got, expected)


def test_report_list_by_date_does_not_repeat_the_column_and_skips_absent_ones():
    docs = _docs().drop(columns=["title"])
    got = overview.report_list(docs, by="date")
    assert list(got.columns) == ["doc_id", "date", "n_words", "duplicate_of"]
    assert got["doc_id"].tolist()[:2] == ["a1", "b2"]
    _assert_empty(overview.report_list(docs.iloc[0:0], by="label"), ["doc_id", "label", "date", "n_words", "duplicate_of"])


def test_duplicates_table_lists_the_repeats_only():
    got = overview.duplicates_table(_docs())
    expected = pd.DataFrame({"doc_id": ["a2"], "duplicate_of": ["a1"], "source": ["sana"],
                             "date": pd.to_datetime(["2017-01-20"]), "title": ["Shelling in a market"]})
    assert_frame_equal(got, expected)
    _assert_empty(overview.duplicates_table(_docs().iloc[[0, 3]]), ["doc_id", "duplicate_of", "source", "date", "title"])
    _assert_empty(overview.duplicates_table(_docs().iloc[0:0]), ["doc_id", "duplicate_of", "source", "date", "title"])


def test_shortest_reports_ties_by_id():
    got = overview.shortest_reports(_docs(), n=5)
    d = _docs().set_index("doc_id")
    order = ["d1", "a3", "b2", "c1", "a1"]  # 10, 30, 45, 80, then 120 twice: a1 before a2
    expected = d.loc[order, ["source", "date", "n_words", "title"]].reset_index()
    assert_frame_equal(got, expected)
    assert overview.shortest_reports(_docs())["doc_id"].tolist() == ["d1", "a3", "b2", "c1", "a1", "a2", "b1"]
    _assert_empty(overview.shortest_reports(_docs().iloc[0:0]), ["doc_id", "source", "date", "n_words", "title"])


# --------------------------------------------------------------------------- skipped and accounting


def _skipped() -> pd.DataFrame:
    return pd.DataFrame({"record": [3, 8, 9, 12], "doc_id": ["r3", "r8", "r9", "r12"],
                         "reason": ["no text field", "empty text", "no text field", "bad json"]})


def test_skipped_summary_most_frequent_first_then_by_name():
    got = overview.skipped_summary(_skipped())
    expected = pd.DataFrame({"reason": ["no text field", "bad json", "empty text"], "records": [2, 1, 1]})
    assert_frame_equal(got, expected)
    _assert_empty(overview.skipped_summary(_skipped().iloc[0:0]), ["reason", "records"])


def test_accounting_table_every_record_accounted_for():
    docs = _docs()
    selection = docs[docs["doc_id"].isin(["a1", "a2", "b1"])]
    got = overview.accounting_table(selection, _skipped(), all_documents=docs)
    expected = pd.DataFrame({
        "what": ["input records", "documents", "skipped records", "duplicate texts (kept, flagged)",
                 "documents without a readable date", "documents in this selection"],
        "count": [7 + 4, 7, 4, 1, 1, 3],
    })
    assert_frame_equal(got, expected)


def test_accounting_table_without_the_whole_corpus_and_when_empty():
    got = overview.accounting_table(_docs().iloc[[0, 1]], _skipped().iloc[0:0])
    assert got["count"].tolist() == [2, 2, 0, 1, 0, 2]  # the selection is the corpus: a1 and its repeat a2
    nothing = overview.accounting_table(_docs().iloc[0:0], _skipped())
    assert nothing["count"].tolist() == [4, 0, 4, 0, 0, 0]
