"""Datelines: the date a report states in its own opening, and whether the corpus date agrees.

A report usually says when it was published: a date stamp before or after its headline
("Thu Sep 5 2013", "Published February 18 2015", "24.08.2013", "Posted on April 19 2017 by
...") or a wire dateline ("DAMASCUS, March 3 (Reuters) -"). This module finds such stamps with
strict patterns (a month name or a numeric day-month-year, in the opening words of the report,
not after a preposition such as "since" or "on") and reads the matched text with
``dateparser`` (day, month and year all required; numeric dates read day first, as the outlets
in view write them). ``dateparser``'s own search is too eager for this job (it reads "on
Monday" or "now" as dates), so it only parses what the patterns found.

Rule for time figures (:func:`time_dates`): a report whose corpus date contradicts its own
dateline by more than :data:`CONFLICT_DAYS` days is flagged (``date_conflict``). Figures over
time then use the report's own dateline (``rule="dateline"``, the default: the report says
when it was written), or leave the report out (``rule="drop"``); ``rule="corpus"`` keeps the
corpus date as given. Never silently the contradicted date: the notebook states the rule and
lists the flagged reports (:func:`date_conflicts`).

Example:
    >>> read_dateline("Thu Sep 5 2013 Car bomb kills four in Damascus.")
    Timestamp('2013-09-05 00:00:00')
    >>> read_dateline("DAMASCUS, March 3 (Reuters) - Shelling killed ...", near=pd.Timestamp("2018-03-04"))
    Timestamp('2018-03-03 00:00:00')
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

import pandas as pd

#: A corpus date further than this from the report's own dateline is a conflict. Outlets date a
#: report by its publication; a corpus may date it by the event it reports (FA-KES does), which
#: comes a day or two earlier; a week covers that and flags real contradictions.
CONFLICT_DAYS = 7
#: Words at the start of a report in which a dateline is looked for.
HEAD_WORDS = 45
#: The rules :func:`time_dates` knows.
DATE_RULES = ("dateline", "drop", "corpus")
#: Columns added to ``documents`` by :func:`dateline_columns`.
DATELINE_COLUMNS = ["dateline", "dateline_date", "date_conflict"]

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)"
_YEAR = r"(?:19|20)\d\d"
_ZONE = r"(?:\s*(?:GMT|UTC|KSA)(?:[+-]\d+)?)"
#: A time after a date: "19:18", "at 0914", "2037 UTC+3" (four bare digits are not a time).
_TIME = rf"(?:,?\s+(?:at\s+\d{{1,2}}:?\d\d|\d{{1,2}}:\d\d(?::\d\d)?|\d{{3,4}}(?={_ZONE})){_ZONE}?)"
#: Date stamps with a year: "Thu Sep 5 2013", "Sunday 30 Mar 2014", "Aug. 1, 2016",
#: "Nov 012017" (day glued to the year), "24.08.2013", "17-06-2016", "2017-04-05".
DATE_RE = re.compile(
    rf"\b{_WEEKDAY}?(?:"
    rf"(?P<md>{_MONTHS}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}|(?:0\d|[12]\d|3[01])(?={_YEAR}\b){_YEAR}))"
    rf"|(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+{_YEAR})"
    rf"|(?P<num>\d{{1,2}}[./-]\d{{1,2}}[./-]{_YEAR})"
    rf"|(?P<iso>{_YEAR}-\d\d-\d\d)"
    rf")(?!\d){_TIME}?"
)
#: A wire dateline without a year: "DAMASCUS, March 3 (Reuters) -", "BEIRUT Aug 21 (AP)".
WIRE_RE = re.compile(
    rf"^\s*[A-Z][A-Z .'-]{{2,40}},?\s+(?P<md>{_MONTHS}\s+\d{{1,2}})\s*\((?:[A-Z][\w ]{{1,30}})\)\s*[-\u2013\u2014]"
)
#: Words before a date that make it part of a sentence, not a stamp ("since March 2 2015").
_PROSE_BEFORE = re.compile(r"\b(?:since|on|in|of|until|till|from|by|to|before|after|between|and|dated|date)\s*$", re.I)
_STAMP_CUE = re.compile(r"(?:published|posted|updated|publication|update:?)(?:\s+(?:on|at|of))?\s*$", re.I)


class Stamp(NamedTuple):
    """A date stamp found in a text: offsets, the matched text and the date it reads."""

    start: int
    end: int
    text: str
    date: pd.Timestamp


@lru_cache(maxsize=1)
def _dateparser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import dateparser

    return dateparser


def parse_stamp(text: str, *, day_first: bool = False) -> pd.Timestamp | None:
    """Read one date stamp (as matched by :data:`DATE_RE`) with ``dateparser``; None if unreadable.

    The common forms ("Sep 5 2013", "Sunday 30 Mar 2014", "24.08.2013", "2017-04-05") are read
    with ``strptime``; others with dateparser's absolute-date parser (a stamp is never "2 days
    ago"). Each stamp is read once per process: the same stamps recur in the dateline check, in
    the cleaning of the report's head and across reports of one day.

    Args:
        text: the stamp, e.g. ``"Sunday 30 Mar 2014"``.
        day_first: read a numeric date as day-month-year.

    Example:
        >>> parse_stamp("Nov 012017"), parse_stamp("24.08.2013", day_first=True)
        (Timestamp('2017-11-01 00:00:00'), Timestamp('2013-08-24 00:00:00'))
    """
    return _parse_stamp(text.strip(), day_first)


#: Formats the common stamps take once normalised (weekday, ordinal suffix, commas, "of" and a
#: trailing time gone): read with the standard library's ``strptime``, which is exact and fast;
#: any other form goes to ``dateparser``.
_FORMATS = {False: ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m.%d.%Y", "%m/%d/%Y",
                    "%m-%d-%Y"),
            True: ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y",
                   "%d-%m-%Y")}
_WEEKDAY_HEAD = re.compile(r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)")


@lru_cache(maxsize=8192)
def _parse_stamp(text: str, day_first: bool) -> pd.Timestamp | None:
    s = re.sub(rf"({_MONTHS})\s*(0\d|[12]\d|3[01])({_YEAR})\b", r"\1 \2 \3", text)
    s = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s)
    s = re.sub(rf"{_TIME}$", "", s)
    plain = re.sub(r"\s+", " ", _WEEKDAY_HEAD.sub("", s).replace(",", " ").replace(" of ", " "))
    plain = re.sub(r"\b(Sept)\b\.?|\b([A-Z][a-z]{2})\.", lambda m: (m.group(1) or m.group(2))[:3], plain).strip()
    for fmt in _FORMATS[day_first]:
        try:
            return pd.Timestamp(dt.datetime.strptime(plain, fmt).date())
        except ValueError:
            continue
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY" if day_first else "MDY",
                "RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["absolute-time"]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = _dateparser().parse(s, languages=["en"], settings=settings)
    return None if value is None else pd.Timestamp(value.date())


def date_stamps(text: str, *, head_words: int | None = HEAD_WORDS) -> list[Stamp]:
    """Date stamps with a year in the opening ``head_words`` words of ``text`` (None: anywhere).

    A date after a preposition ("since March 2 2015", "on Aug 21 2013") is part of a sentence
    and is not a stamp, unless a publishing cue precedes it ("Posted on April 19 2017").

    Example:
        >>> [s.text for s in date_stamps("Published July 2 2016 Rebels said that since May 1 2016 ...")]
        ['July 2 2016']
    """
    limit = len(text)
    if head_words is not None:
        words = list(islice(re.finditer(r"\S+", text), head_words))  # the head only: a huge text costs nothing
        limit = words[head_words - 1].end() if len(words) >= head_words else len(text)
    out = []
    for m in DATE_RE.finditer(text, 0, limit):
        before = text[max(0, m.start() - 40):m.start()]
        if _PROSE_BEFORE.search(before) and not _STAMP_CUE.search(before):
            continue
        day_first = m.group("num") is not None
        date = parse_stamp(m.group(0), day_first=day_first)
        if date is not None:
            out.append(Stamp(m.start(), m.end(), m.group(0), date))
    return out


def read_dateline(text: str, *, near: pd.Timestamp | None = None) -> pd.Timestamp | None:
    """The date a report states in its opening; None if it states none.

    Args:
        text: the report's raw text (title first when the corpus keeps it apart is fine too).
        near: the corpus date, used only to give a year to a wire dateline without one
            ("DAMASCUS, March 3 (Reuters) -"): the year that puts it nearest to ``near``.

    Example:
        >>> read_dateline("Last updated at Jun 142016 BEIRUT A Daesh counterattack ...")
        Timestamp('2016-06-14 00:00:00')
        >>> read_dateline("Rebels said on Monday that 12 died.") is None
        True
    """
    stamps = date_stamps(text or "")
    if stamps:
        return stamps[0].date
    m = WIRE_RE.match(text or "")
    if m and near is not None and not pd.isna(near):
        near = pd.Timestamp(near)
        best = None
        for year in (near.year - 1, near.year, near.year + 1):
            d = parse_stamp(f"{m.group('md')} {year}")
            if d is not None and (best is None or abs(d - near) < abs(best - near)):
                best = d
        return best
    return None


def dateline_columns(text: str, date: pd.Timestamp | None, *, conflict_days: int = CONFLICT_DAYS) -> dict:
    """The dateline columns of one document: ``dateline`` (matched text), ``dateline_date``,
    ``date_conflict`` (True when both dates exist and differ by more than ``conflict_days``).

    Example:
        >>> dateline_columns("Thu Sep 5 2013 Car bomb kills four.", pd.Timestamp("2011-02-02"))["date_conflict"]
        True
    """
    stamps = date_stamps(text or "")
    if stamps:
        shown, found = stamps[0].text, stamps[0].date
    else:
        found = read_dateline(text or "", near=date)
        m = WIRE_RE.match(text or "") if found is not None else None
        shown = m.group(0).strip() if m else None
    conflict = None
    if found is not None and date is not None and not pd.isna(date):
        conflict = abs((pd.Timestamp(date) - found).days) > conflict_days
    return {"dateline": shown, "dateline_date": found, "date_conflict": conflict}


def time_dates(documents: pd.DataFrame, *, rule: str = "dateline") -> pd.Series:
    """The date each report is counted at in figures over time, by a stated rule.

    Args:
        documents: the documents table (``date``; ``dateline_date`` and ``date_conflict``
            when the corpus was loaded with datelines).
        rule: ``"dateline"`` (a flagged report counts at its own dateline), ``"drop"`` (a
            flagged report has no date and leaves time figures), ``"corpus"`` (the corpus date).

    Example:
        >>> docs = pd.DataFrame({"date": pd.to_datetime(["2011-02-02", "2016-01-01"]),
        ...     "dateline_date": pd.to_datetime(["2013-09-05", None]), "date_conflict": [True, None]})
        >>> time_dates(docs).dt.year.tolist(), time_dates(docs, rule="drop").isna().tolist()
        ([2013, 2016], [True, False])
    """
    if rule not in DATE_RULES:
        raise ValueError(f"rule={rule!r}: use 'dateline', 'drop' or 'corpus'")
    dates = pd.to_datetime(documents["date"])
    if rule == "corpus" or "date_conflict" not in documents:
        return dates
    flagged = documents["date_conflict"].fillna(False).astype(bool)
    if rule == "drop":
        return dates.mask(flagged)
    return dates.mask(flagged, pd.to_datetime(documents["dateline_date"]))


def date_conflicts(documents: pd.DataFrame) -> pd.DataFrame:
    """The reports whose corpus date contradicts their own dateline, for the overview.

    ``documents`` may carry the corpus's own date in ``corpus_date`` (a report's tables after a
    date rule was applied, :func:`analysis.report.session.with_date_rule`); else ``date`` is it.

    Returns:
        Columns doc_id, source, corpus_date, dateline_date, days_apart (corpus date minus
        dateline), dateline (the stamp as written), title; the largest contradictions first.
    """
    cols = ["doc_id", "source", "corpus_date", "dateline_date", "days_apart", "dateline", "title"]
    if "date_conflict" not in documents or documents.empty:
        return pd.DataFrame(columns=cols)
    d = documents[documents["date_conflict"].fillna(False).astype(bool)]
    d = d.assign(corpus_date=pd.to_datetime(d["corpus_date"] if "corpus_date" in d else d["date"]))
    d = d.assign(days_apart=(d["corpus_date"] - pd.to_datetime(d["dateline_date"])).dt.days)
    d = d.assign(**{c: None for c in cols if c not in d})
    return d.sort_values(["days_apart", "doc_id"], key=lambda s: s.abs() if s.name == "days_apart" else s,
                         ascending=[False, True])[cols].reset_index(drop=True)
