"""Datelines: the date a report states in its own opening, and the check against the corpus date.

The openings below are written for these tests in the styles outlets use; none is copied.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.io.datelines import (
    date_conflicts,
    date_stamps,
    dateline_columns,
    read_dateline,
    time_dates,
)
from analysis.io.documents import load_corpus

from .conftest import needs_fakes

T = pd.Timestamp


@pytest.mark.parametrize("text, expected", [
    ("Thu Sep 5 2013 Car bomb kills four in the capital.", "2013-09-05"),
    ("Sunday 30 Mar 2014 Rebels advanced on the town.", "2014-03-30"),
    ("Tuesday 22 November 2016 Strikes hit the east of the city.", "2016-11-22"),
    ("Aug. 1 2016 Rescuers say gas was dropped on the town.", "2016-08-01"),
    ("March 3, 2018 Shelling killed nine people.", "2018-03-03"),
    ("12 February 2015 Casualties mount in the suburb.", "2015-02-12"),
    ("24.08.2013 State media accused rebels of an attack.", "2013-08-24"),
    ("17-06-2016 Seven civilians were injured.", "2016-06-17"),
    ("2017-04-05 Officials met in Geneva.", "2017-04-05"),
    ("Published February 18 2015 The army captured two villages.", "2015-02-18"),
    ("Posted on April 19 2017 by Nadia Karam Six were killed.", "2017-04-19"),
    ("Date of publication 19 June 2016 Three children died.", "2016-06-19"),
    ("Last updated at Nov 012017 BEIRUT At least four schoolchildren died.", "2017-11-01"),
    ("Fri 07 Apr 2017 at 0914 The governor said the strike caused deaths.", "2017-04-07"),
    ("August 13 2016 2037 UTC+3 A representative of the army said.", "2016-08-13"),
    ("Wednesday 21 September 2016 21:51 Medics were killed in strikes.", "2016-09-21"),
    ("Blast kills 12 in Azaz Monitor AFP Sunday 30 Mar 2014 At least 12 died.", "2014-03-30"),
    ("8 killed in rocket attack 6 October 2016 Aleppo AGENCY-Rockets hit the city.", "2016-10-06"),
])
def test_read_dateline(text, expected):
    assert read_dateline(text) == T(expected)


@pytest.mark.parametrize("stamp, day_first", [
    ("Thu Sep 5 2013", False), ("Sunday 30 Mar 2014", False), ("Aug. 1 2016", False), ("March 3, 2018", False),
    ("Sept 9 2015", False), ("12 February 2015", False), ("4th of July 2016", False), ("24.08.2013", True),
    ("17-06-2016", True), ("2017-04-05", False), ("Nov 012017", False), ("Fri 07 Apr 2017 at 0914", False),
    ("August 13 2016 2037 UTC+3", False), ("Wednesday 21 September 2016 21:51", False), ("31.02.2016", True),
])
def test_fast_stamp_reading_agrees_with_dateparser(stamp, day_first):
    """Common stamps are read with strptime; what they give must be what dateparser gives."""
    import warnings

    import dateparser

    from analysis.io.datelines import _FORMATS, parse_stamp

    assert _FORMATS[day_first]
    s = stamp.replace("Nov 012017", "Nov 01 2017").replace("4th", "4").replace(" at 0914", "")
    s = s.replace(" 2037 UTC+3", "").replace(" 21:51", "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = dateparser.parse(s, languages=["en"], settings={
            "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY" if day_first else "MDY"})
    assert parse_stamp(stamp, day_first=day_first) == (None if value is None else T(value.date()))


@pytest.mark.parametrize("text", [
    "Rebels said on Monday that 12 fighters died.",
    "Rebels said that since March 2 2015 more than 300 fighters had died.",
    "The siege began on 21 August 2013 and has not ended.",
    "At least 1500 people died in 2013 and 2014, the group said.",
    "",
])
def test_no_dateline(text):
    assert read_dateline(text) is None


def test_a_date_deep_in_the_text_is_not_a_dateline():
    text = " ".join(["Fighting went on."] * 20) + " Tuesday 4 April 2017 was the worst day."
    assert date_stamps(text) == [] and read_dateline(text) is None


def test_a_wire_dateline_takes_its_year_from_the_corpus_date():
    text = "DAMASCUS, Dec 30 (Wire) - Shelling killed five people."
    assert read_dateline(text, near=T("2018-01-02")) == T("2017-12-30")
    assert read_dateline(text) is None  # no year, no corpus date: nothing to compare


@pytest.mark.parametrize("text, date, conflict", [
    ("Thu Sep 5 2013 Car bomb kills four.", "2011-02-02", True),      # years apart
    ("Thu Sep 5 2013 Car bomb kills four.", "2013-09-04", False),     # the event, a day before
    ("Thu Sep 5 2013 Car bomb kills four.", "2013-09-13", True),      # corpus date after publication by 8 days
    ("Car bomb kills four.", "2013-09-05", None),                     # nothing to compare
    ("Thu Sep 5 2013 Car bomb kills four.", None, None),
])
def test_dateline_columns(text, date, conflict):
    cols = dateline_columns(text, T(date) if date else None)
    assert cols["date_conflict"] is conflict
    if "2013" in text:
        assert cols["dateline"] == "Thu Sep 5 2013" and cols["dateline_date"] == T("2013-09-05")


def test_time_dates_rule_is_explicit():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["x"] * 3,
                         "date": pd.to_datetime(["2011-02-02", "2016-01-01", "2016-05-01"]),
                         "dateline_date": pd.to_datetime(["2013-09-05", "2016-01-01", None]),
                         "date_conflict": pd.array([True, False, None], dtype="boolean"),
                         "dateline": ["Thu Sep 5 2013", "1 January 2016", None]})
    assert time_dates(docs).dt.strftime("%Y-%m-%d").tolist() == ["2013-09-05", "2016-01-01", "2016-05-01"]
    assert time_dates(docs, rule="drop").isna().tolist() == [True, False, False]
    assert time_dates(docs, rule="corpus").equals(docs["date"])
    with pytest.raises(ValueError, match="rule='guess'"):
        time_dates(docs, rule="guess")
    listed = date_conflicts(docs)
    assert listed[["doc_id", "days_apart"]].values.tolist() == [["a", -946]]


def test_loaded_documents_carry_the_dateline_columns(tmp_path):
    (tmp_path / "a.txt").write_text("---\ndate: 2011-02-02\n---\nThu Sep 5 2013 Car bomb kills four.\n")
    (tmp_path / "b.txt").write_text("---\ndate: 2016-03-03\n---\nNo date stamp here.\n")
    docs = load_corpus(tmp_path).documents.set_index("doc_id")
    assert docs.loc["a", "dateline_date"] == T("2013-09-05") and bool(docs.loc["a", "date_conflict"])
    assert pd.isna(docs.loc["b", "dateline_date"]) and pd.isna(docs.loc["b", "date_conflict"])
    assert str(docs["date_conflict"].dtype) == "boolean"


@needs_fakes
def test_fakes_reports_dated_before_mid_2013_are_flagged(fakes_path):
    docs = load_corpus(fakes_path).documents
    early = docs[docs["date"] < "2013-06-01"]
    assert len(early) == 10
    assert early["date_conflict"].fillna(False).all()
    assert (early["dateline_date"].dt.year >= 2013).all()
    # every report whose date disagrees with its own dateline by more than a year is flagged too
    far = (docs["date"] - docs["dateline_date"]).dt.days.abs() > 365
    assert docs.loc[far, "date_conflict"].all() and far.sum() >= len(early)
