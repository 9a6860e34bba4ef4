"""The span a figure over time draws: at most a hundred years, where most reports are (issue 16)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.report.dateaxis import date_span, left_out


def _dates(values):
    return pd.Series(pd.to_datetime(values, format="ISO8601"))


@pytest.mark.parametrize(
    "dates, weights, span",
    [
        (["2011-03-01", "2018-12-31"], None, ("2011-03-01", "2018-12-31")),  # a real corpus: all of it
        (["2017-03-01", "2017-05-01", "9999-12-31"], None, ("2017-03-01", "2017-05-01")),  # a placeholder date
        (["0001-01-01", "2017-03-01", "2017-05-01"], None, ("2017-03-01", "2017-05-01")),
        (["0001-01-01", "2017-03-01", "9999-12-31"], None, ("2017-03-01", "2017-03-01")),  # a tie: nearest the median
        (["2017-01-01", "2018-01-01", "2127-01-01"], [5, 5, 1], ("2017-01-01", "2018-01-01")),  # weighted (periods)
        (["2017-01-01", "2018-01-01", "2127-01-01"], [1, 1, 5], ("2127-01-01", "2127-01-01")),
        (["1850-01-01", "1960-01-01", "2017-01-01"], None, ("1960-01-01", "2017-01-01")),  # at most 100 years
        (["9999-12-31", "9999-12-31"], None, ("9999-12-31", "9999-12-31")),
        ([None, "2017-01-01"], None, ("2017-01-01", "2017-01-01")),  # missing dates are not counted
    ],
)
def test_date_span(dates, weights, span):
    assert date_span(_dates(dates), weights=weights) == tuple(pd.Timestamp(s) for s in span)


def test_no_known_date_has_no_span():
    assert date_span(_dates([None, None])) is None and left_out(_dates([None]), None) == ""


def test_left_out_counts_and_names_what_is_not_drawn():
    d = _dates(["2017-01-05", "2017-02-01", "0001-01-01", "9999-12-31", None])
    note = left_out(d, date_span(d), weights=[1, 1, 2, 3, 9], what="reports")
    assert note == (" 5 reports dated outside 2017-01 to 2017-02 (0001-01-01, 9999-12-31) are not drawn; "
                    "the CSV keeps every date.")
