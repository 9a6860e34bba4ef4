"""Number reading: digits, words, ranges, hedges, vague quantities and non-counts."""

from __future__ import annotations

import pytest

from analysis.extract.numbers import (
    find_quantities,
    may_contain_count,
    parse_number,
    tokenize,
)


def counts(text: str) -> list[tuple]:
    """(surface, min, max, qualifier, vague) of the quantities that may count people."""
    return [(text[q.start:q.end], q.min, q.max, q.qualifier, q.vague)
            for q in find_quantities(text) if q.kind == "count"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("2,000", 2000),
        ("230000", 230000),
        ("1,500", 1500),
        ("1.5 million", 1_500_000),
        ("2 million", 2_000_000),
        ("six", 6),
        ("Eleven", 11),
        ("twenty-two", 22),
        ("twenty two", 22),
        ("a dozen", 12),
        ("two dozen", 24),
        ("hundred", 100),
        ("a hundred", 100),
        ("one hundred and twenty", 120),
        ("three hundred thousand", 300_000),
        ("one thousand two hundred and five", 1205),
        ("fifty-one", 51),
        ("2.5", None),
        ("1,50", None),
        ("killed", None),
        ("9,999,999,999", 9_999_999_999),  # exact, never through a float
        ("99999999999999999999", None),  # more than any count of people (issue 16)
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text, expected",
    [
        ("at least 22 people", [("at least 22", 22, 22, "at_least", None)]),
        ("no fewer than 9 rebels", [("no fewer than 9", 9, 9, "at_least", None)]),
        ("a minimum of 4", [("a minimum of 4", 4, 4, "at_least", None)]),
        ("more than 120 soldiers", [("more than 120", 120, 120, "more_than", None)]),
        ("over 2,000 hurt", [("over 2,000", 2000, 2000, "more_than", None)]),
        ("in excess of 300", [("in excess of 300", 300, 300, "more_than", None)]),
        ("about 40 people", [("about 40", 40, 40, "about", None)]),
        ("some 50 fighters", [("some 50", 50, 50, "about", None)]),
        ("an estimated 3000 civilians", [("an estimated 3000", 3000, 3000, "about", None)]),
        ("roughly 70", [("roughly 70", 70, 70, "about", None)]),
        ("almost 600 people", [("almost 600", 600, 600, "almost", None)]),
        ("nearly ninety", [("nearly ninety", 90, 90, "almost", None)]),
        ("close to 1,000", [("close to 1,000", 1000, 1000, "almost", None)]),
        ("up to 30", [("up to 30", 30, 30, "up_to", None)]),
        ("as many as a hundred", [("as many as a hundred", 100, 100, "up_to", None)]),
        ("between 10 and 15 people", [("between 10 and 15", 10, 15, "range", None)]),
        ("10 to 15 people", [("10 to 15", 10, 15, "range", None)]),
        ("10-15 people", [("10-15", 10, 15, "range", None)]),
        ("two or three soldiers", [("two or three", 2, 3, "range", None)]),
        ("dozens of people", [("dozens", None, None, "vague", "dozens")]),
        ("scores of wounded", [("scores", None, None, "vague", "scores")]),
        ("hundreds died", [("hundreds", None, None, "vague", "hundreds")]),
        ("thousands of civilians", [("thousands", None, None, "vague", "thousands")]),
        ("tens of thousands of people", [("tens of thousands", None, None, "vague", "tens of thousands")]),
        ("hundreds of thousands killed", [("hundreds of thousands", None, None, "vague", "hundreds of thousands")]),
        ("several guards", [("several", None, None, "vague", "several")]),
        ("a handful of fighters", [("a handful", None, None, "vague", "a handful")]),
        ("6 killed 12 hurt", [("6", 6, 6, "exact", None), ("12", 12, 12, "exact", None)]),
        ("six and 32", [("six", 6, 6, "exact", None), ("32", 32, 32, "exact", None)]),
    ],
)
def test_counts_and_hedges(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Mon 06 Jun 2016 shelling", "date"),
        ("on March 21 the army", "date"),
        ("on 3 April they", "date"),
        ("in 2013 the war", "year"),
        ("a 9-year-old girl", "age"),
        ("a girl aged 9", "age"),
        ("the 30-vehicle convoy", "modifier"),
        ("a 72-hour truce", "modifier"),
        ("for eight years", "duration"),
        ("two weeks ago", "duration"),
        ("the third day", "ordinal"),
        ("the 4th brigade", "ordinal"),
        ("about 40 percent of", "percent"),
        ("40% of", "percent"),
        ("$5 million in aid", "money"),
        ("20 million dollars", "money"),
        ("at 0830 local time", "time"),
        ("at 21:40 the blast", "time"),
        ("at 21 : 40 the blast", "time"),
        ("10 km away", "unit"),
        ("the 1990s", "date"),
        ("on 14.06.2016 the", "date"),
        ("views 016 comments", "unit"),
        ("brothers aged 14 and 16 were", "age"),
        ("Juan Ortiz, 42, was killed", "age"),
        ("Wed 01 Oct 2014 at 1459 Regional", "time"),
        ("the No. 2 leader", "unit"),
        ("some 99999999999999999999 people died", "too_large"),  # issue 16: never a wrong toll, no overflow
        ("some 12 billion people died", "too_large"),
        ("between 10 and 99999999999999999 died", "too_large"),
        ("some 10-99999999999999999999 died", "too_large"),
        ("some " + "9" * 400 + ".5 million died", "too_large"),
    ],
)
def test_non_counts(text, kind):
    kinds = [q.kind for q in find_quantities(text)]
    assert kind in kinds
    assert "count" not in kinds


def test_tokens_keep_offsets():
    text = "Assads forces killed 2,000 and twenty-two"
    assert all(text[t.start:t.end] == t.text for t in tokenize(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("more than a quarter of a million people", (250000, 250000, "more_than")),
        ("half a million dead", (500000, 500000, "exact")),
        ("killed nearly 90000people in", (90000, 90000, "almost")),
    ],
)
def test_fractions_and_glued_numbers(text, expected):
    assert not [x for x in find_quantities("12km south of the town") if x.kind == "count"]
    q = [x for x in find_quantities(text) if x.kind == "count"]
    assert [(x.min, x.max, x.qualifier) for x in q] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [("Twenty-one were hurt", True), ("a handful of rebels", True), ("Scores died", True),
     ("on 3 May", True), ("The army took the town", False), ("A convoy left at dawn", False)],
)
def test_may_contain_count(text, expected):
    assert may_contain_count(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a whole token or nothing: no count inside a model name, no "one" in "one another"
        ("two Su-24 jets and an F-16", [("two", 2, 2, "exact", None)]),
        ("they keep killing one another", []),
        # dotted abbreviations are one token, so "U.S." does not split a phrase
        ("five U.S. soldiers", [("five", 5, 5, "exact", None)]),
        # a clock time needs a dateline before "at"; a toll "at 1450" is a count
        ("put the toll at 1450", [("1450", 1450, 1450, "exact", None)]),
    ],
)
def test_tokens_that_are_no_counts(text, expected):
    assert counts(text) == expected
    assert "U.S." in [t.text for t in tokenize("five U.S. soldiers")]
