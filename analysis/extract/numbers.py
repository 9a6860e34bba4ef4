"""Numbers: reading counts, ranges, hedges and vague quantities in news text.

Finds every quantity in a sentence that could count people, with its character span, its
integer bounds, its hedge (``qualifier``) and, for vague quantities, the quantifier word, as
defined in ``../shared/gold/GUIDELINES.md``. Numbers that are not counts (dates, years, ages,
durations, ordinals, percentages, money, clock times, compound modifiers such as "46-truck")
are recognised and flagged (``kind`` other than ``"count"``), so callers can skip them.

Both punctuation styles are read: "2,000" and FA-KES's stripped "230000"; number words
("twenty-two", "a dozen", "one hundred and twenty", "1.5 million", "a quarter of a million"),
and numbers glued to the next word ("100000people").

Example:
    >>> [(q.min, q.max, q.qualifier) for q in find_quantities("at least 22 people died")]
    [(22, 22, 'at_least')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..resources import vocabulary

__all__ = [
    "QUANTITY_FIELDS",
    "Quantity",
    "Token",
    "find_quantities",
    "may_contain_count",
    "parse_number",
    "tokenize",
]


class Token(NamedTuple):
    """A word, number or punctuation mark with its character span."""

    start: int
    end: int
    text: str
    low: str


class Quantity(NamedTuple):
    """A quantity found in a text.

    ``start``/``end`` cover the hedge and the number ("at least 22"); ``num_start`` and
    ``num_end`` are the token indices of the number itself (``num_end`` exclusive), and
    ``first`` the token index where the hedge starts. ``kind`` is ``"count"`` for a
    possible count of people, else why it is not one (``date``, ``year``, ``age``,
    ``duration``, ``ordinal``, ``percent``, ``money``, ``time``, ``modifier``, ``unit``).
    """

    start: int
    end: int
    min: int | None
    max: int | None
    qualifier: str
    vague: str | None
    kind: str
    first: int
    num_start: int
    num_end: int


QUANTITY_FIELDS = list(Quantity._fields)

_TOKEN = re.compile(
    r"\d{1,4}[-./]\d{1,2}[-./]\d{2,4}(?![\d])"  # dates: 01-08-2016, 18.05.2017, 2016/05/01
    r"|\d+(?:[.,:]\d+)*(?:-[A-Za-z]+)+"  # 46-truck, 12-year-old, 48-Hour
    r"|\d+(?:[.,]\d+)*(?:\s?-\s?\d+(?:[.,]\d+)*)?(?:st|nd|rd|th|s)?(?![A-Za-z\d])"  # 2,000 / 10-15 / 5th / 1990s
    r"|\d+(?:[.,]\d+)*(?=[a-z]{4,})"  # a number glued to a word: 100000people
    r"|\d+[A-Za-z]+"  # 2nd, 10km
    r"|[A-Za-z]+(?:[-'\u2019][A-Za-z]+)*"
    r"|\S"
)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twentieth hundredth thousandth".split()
)
MONTHS = frozenset(vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS)
WEEKDAYS = frozenset(vocabulary.WEEKDAYS + vocabulary.WEEKDAY_ABBREVIATIONS)
DURATION_UNITS = frozenset(
    "year years yr yrs month months week weeks day days hour hours minute minutes second "
    "seconds decade decades century centuries night nights".split()
)
MEASURE_UNITS = frozenset(
    "km kms kilometers kilometres kilometer kilometre miles mile meters metres meter metre "
    "feet foot kg kilograms tons tonnes ton m mm cm hectares acres".split()
)
MONEY_WORDS = frozenset("dollars dollar usd euros euro pounds pound lira liras pounds riyals".split())
PERCENT_WORDS = frozenset("percent per cent pct".split())

#: Hedge phrases before a number -> qualifier (longest first when matching).
HEDGES: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "a minimum of": "at_least",
    "at a minimum": "at_least",
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "well over": "more_than", "well above": "more_than", "greater than": "more_than",
    "more then": "more_than", "over than": "more_than",
    "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about", "approx": "about",
    "circa": "about", "close on": "about", "nearly about": "about", "round about": "about",
    "almost": "almost", "nearly": "almost", "close to": "almost", "just under": "almost",
    "just below": "almost", "just short of": "almost",
    "up to": "up_to", "as many as": "up_to", "as high as": "up_to", "at most": "up_to", "no more than": "up_to",
    "not more than": "up_to", "less than": "up_to", "fewer than": "up_to", "under": "up_to",
    "a maximum of": "up_to",
}
_HEDGE_TOKENS = sorted((tuple(h.split()) for h in HEDGES), key=len, reverse=True)

#: Vague quantifiers (multi-word first); value is the canonical ``vague`` word.
VAGUE: dict[tuple[str, ...], str] = {
    ("hundreds", "of", "thousands"): "hundreds of thousands",
    ("tens", "of", "thousands"): "tens of thousands",
    ("several", "dozen"): "dozens",
    ("a", "few", "dozen"): "dozens",
    ("a", "handful"): "a handful",
    ("handful",): "a handful",
    ("dozens",): "dozens",
    ("scores",): "scores",
    ("hundreds",): "hundreds",
    ("thousands",): "thousands",
    ("several",): "several",
}
_VAGUE_KEYS = sorted(VAGUE, key=len, reverse=True)

_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_RANGE = re.compile(r"^(\d+(?:,\d{3})*)\s?-\s?(\d+(?:,\d{3})*)$")
_ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th)$")
_DECADE = re.compile(r"^\d+s$")
_DATE_DIGITS = re.compile(r"^\d{1,4}[-./]\d{1,2}[-./]\d{2,4}$")
_DIGITS_WITH_COLON = re.compile(r"^\d+:\d+")
_MODIFIER = re.compile(r"^\d[\d.,:]*-[a-z]")


#: Words that can start a quantity, an ordinal or a vague quantifier.
_FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}
_STARTERS = (frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | ORDINAL_WORDS
             | {k[0] for k in VAGUE} | {"a", "dozen"})


_MAY_COUNT = re.compile(
    r"\d|\b(?:" + "|".join(sorted(set(UNITS) | set(TENS) | set(SCALES) | {"dozen"}
                                  | {w for k in VAGUE for w in k if w not in ("a", "an", "of", "the")}))
    + r")\b")


def may_contain_count(text: str) -> bool:
    """Whether ``text`` has a digit or a number or quantifier word (a cheap test before tokenizing).

    Example:
        >>> may_contain_count("Dozens were hurt"), may_contain_count("The town fell")
        (True, False)
    """
    return _MAY_COUNT.search(text.lower()) is not None


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets (numbers, hyphenated words, marks).

    Example:
        >>> [t.text for t in tokenize("killing 2,000 and twenty-two")]
        ['killing', '2,000', 'and', 'twenty-two']
    """
    return [Token(m.start(), m.end(), m.group(), m.group().lower()) for m in _TOKEN.finditer(text)]


def _digits_value(s: str) -> float | None:
    """Value of a digit string: "2,000" -> 2000, "230000", "1.5" -> 1.5; None if not a number."""
    if not _DIGITS.match(s):
        return None
    if "," in s:
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]) and "." not in s:
            return float("".join(parts))
        return None
    if s.count(".") > 1:
        return None
    return float(s)


def _word_value(words: list[str], i: int) -> tuple[int | None, int]:
    """Parse a number written in words from ``words[i]``; returns (value, next index)."""
    total, current, j, last = 0, 0, i, ""
    n = len(words)
    while j < n:
        w = words[j]
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and 0 < UNITS[parts[1]] < 10:
            if last not in ("", "hundred", "scale", "and"):
                break
            current += TENS[parts[0]] + UNITS[parts[1]]
            last, j = "ten-unit", j + 1
        elif w in UNITS:
            v = UNITS[w]
            if v < 10 and last not in ("", "ten", "hundred", "scale", "and"):
                break
            if v >= 10 and last not in ("", "hundred", "scale", "and"):
                break
            current += v
            last, j = ("unit" if v < 10 else "teen"), j + 1
        elif w in TENS:
            if last not in ("", "hundred", "scale", "and"):
                break
            current += TENS[w]
            last, j = "ten", j + 1
        elif w == "a" and last == "" and j + 1 < n and words[j + 1] in ("hundred", "thousand", "million", "dozen"):
            current, last, j = 1, "a", j + 1
        elif w == "dozen":
            if last not in ("", "unit", "a"):
                break
            current = (current or 1) * 12
            last, j = "dozen", j + 1
        elif w == "hundred":
            if last not in ("", "unit", "teen", "a") or current >= 20:
                break
            current = (current or 1) * 100
            last, j = "hundred", j + 1
        elif w in ("thousand", "million", "billion"):
            if last not in ("", "unit", "teen", "ten", "ten-unit", "hundred", "a"):
                break
            total += (current or 1) * SCALES[w]
            current, last, j = 0, "scale", j + 1
        elif (w == "and" and last in ("hundred", "scale") and j + 1 < n
              and (words[j + 1] in UNITS or words[j + 1].split("-")[0] in TENS)):
            last, j = "and", j + 1
        else:
            break
    if last in ("", "a"):
        return None, i
    return total + current, j


def parse_number(text: str) -> int | None:
    """The integer value of a number written in digits or words, else None.

    Example:
        >>> parse_number("one hundred and twenty"), parse_number("1.5 million"), parse_number("230000")
        (120, 1500000, 230000)
    """
    toks = [t.low for t in tokenize(text)]
    if not toks:
        return None
    value, j = _read_number(toks, 0)
    return value if j == len(toks) else None


def _read_number(words: list[str], i: int) -> tuple[int | None, int]:
    """Read a digit or word number (with a scale word after digits) at ``words[i]``."""
    w = words[i]
    v = _digits_value(w)
    if v is not None:
        j = i + 1
        if j < len(words) and words[j] in ("thousand", "million", "billion"):
            return int(round(v * SCALES[words[j]])), j + 1
        if j < len(words) and words[j] == "dozen":
            return int(round(v * 12)), j + 1
        if v != int(v):
            return None, i
        return int(v), j
    return _word_value(words, i)


def _hedge_before(words: list[str], i: int) -> tuple[str, int]:
    """The qualifier of a hedge ending just before ``words[i]`` and where it starts."""
    for h in _HEDGE_TOKENS:
        k = len(h)
        if i - k >= 0 and tuple(words[i - k:i]) == h:
            return HEDGES[" ".join(h)], i - k
    return "exact", i


def _classify(words: list[str], i: int, j: int, value: int) -> str:
    """Why the number at ``words[i:j]`` is not a count, or ``"count"``."""
    prev = words[i - 1] if i > 0 else ""
    prev2 = words[i - 2] if i > 1 else ""
    nxt = words[j] if j < len(words) else ""
    nxt2 = words[j + 1] if j + 1 < len(words) else ""
    if nxt in MONTHS or prev in MONTHS:
        return "date"
    if nxt in ("%",) or nxt in PERCENT_WORDS:
        return "percent"
    if prev in ("$", "\u00a3", "\u20ac", "us$", "usd", "sp", "syp") or nxt in MONEY_WORDS:
        return "money"
    if (nxt in ("a.m", "p.m", "am", "pm", "gmt", "hrs", "o'clock", "a.m.", "p.m.")
            or (prev == ":" and prev2[:1].isdigit()) or (nxt == ":" and nxt2[:1].isdigit())):
        return "time"  # "10:30", "at 9 a.m."; a colon after a word ("Update: 12 killed") is punctuation
    if nxt in DURATION_UNITS:
        if nxt2 in ("old", "-old"):
            return "age"
        return "duration"
    if nxt in MEASURE_UNITS:
        return "unit"
    if prev in ("aged", "age", "ages"):
        return "age"
    if prev in ("no", "number", "no.", "#", "resolution", "route", "highway", "article", "page", "chapter", "flight"):
        return "unit"
    first = words[i]
    if _DIGITS.match(first) and len(first) == 4 and first.startswith("0"):
        return "time"
    if _DIGITS.match(first) and len(first) > 1 and first.startswith("0"):
        return "unit"  # a code or a cut-off share count ("016"), never a count of people
    if _DIGITS.match(first) and "," not in first and 1900 <= value <= 2035 and j - i == 1:
        return "year"
    return "count"


def find_quantities(text: str, *, tokens: list[Token] | None = None) -> list[Quantity]:
    """Every quantity in ``text``: counts, ranges, vague quantities and non-counts.

    Args:
        text: a sentence.
        tokens: its tokens from :func:`tokenize`, when already computed.

    Returns:
        :class:`Quantity` records in text order; ``kind == "count"`` marks possible counts.

    Example:
        >>> q = find_quantities("between 10 and 15 were hurt on 12 May")
        >>> [(x.min, x.max, x.qualifier, x.kind) for x in q]
        [(10, 15, 'range', 'count'), (12, 12, 'exact', 'date')]
    """
    toks = tokens if tokens is not None else tokenize(text)
    words = [t.low for t in toks]
    out: list[Quantity] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if not w[:1].isdigit() and w not in _STARTERS and w.split("-")[0] not in TENS:
            i += 1  # fast path: an ordinary word
            continue
        # compound modifiers and ages: 46-truck, 12-year-old, 48-hour
        if _MODIFIER.match(w):
            kind = "age" if "-year" in w or "-month" in w else "modifier"
            out.append(Quantity(toks[i].start, toks[i].end, None, None, "exact", None, kind, i, i, i + 1))
            i += 1
            continue
        if _ORDINAL_DIGITS.match(w) or w in ORDINAL_WORDS:
            if w != "second" or (i > 0 and words[i - 1] in ("the", "a", "its", "their", "his", "her")):
                out.append(Quantity(toks[i].start, toks[i].end, None, None, "exact", None, "ordinal", i, i, i + 1))
            i += 1
            continue
        if _DECADE.match(w) or _DATE_DIGITS.match(w) or _DIGITS_WITH_COLON.match(w):
            kind = "date" if not _DIGITS_WITH_COLON.match(w) else "time"
            out.append(Quantity(toks[i].start, toks[i].end, None, None, "exact", None, kind, i, i, i + 1))
            i += 1
            continue
        m = _RANGE.match(w)
        if m:
            lo, hi = _digits_value(m.group(1)), _digits_value(m.group(2))
            if lo is not None and hi is not None and lo < hi:
                kind = "count"
                if lo >= 1900 or hi >= 1900:
                    kind = "year"
                elif i + 1 < n and words[i + 1] in DURATION_UNITS | MEASURE_UNITS:
                    kind = "duration"
                out.append(Quantity(toks[i].start, toks[i].end, int(lo), int(hi), "range", None, kind, i, i, i + 1))
                i += 1
                continue
        # vague quantifiers
        vague = None
        for key in _VAGUE_KEYS:
            if tuple(words[i:i + len(key)]) == key:
                vague = key
                break
        if vague is not None:
            j = i + len(vague)
            start_i = i
            if words[i] == "handful" and i > 0 and words[i - 1] == "a":
                start_i = i - 1
            kind = "count"
            if j < n and words[j] in DURATION_UNITS | MEASURE_UNITS | MONEY_WORDS:
                kind = "unit"
            out.append(Quantity(toks[start_i].start, toks[j - 1].end, None, None, "vague", VAGUE[vague], kind,
                                start_i, start_i, j))
            i = j
            continue
        if w == "a" and not (i + 1 < n and words[i + 1] in ("dozen", "hundred", "thousand", "million")):
            i += 1
            continue
        if w == "and":
            i += 1
            continue
        value, j = _read_number(words, i)
        if value is None or j == i:
            i += 1
            continue
        if w in ("hundred", "thousand", "million", "billion"):  # bare scale word: "hundred" -> 100
            pass
        # fractions of a scale: "a quarter of a million", "half a million"
        frac_i = i
        if w == "a" and i >= 2 and words[i - 1] == "of" and words[i - 2] in _FRACTIONS:
            value, frac_i = int(value * _FRACTIONS[words[i - 2]]), i - 2
        elif w == "a" and i >= 1 and words[i - 1] == "half":
            value, frac_i = int(value * 0.5), i - 1
        if frac_i < i and frac_i > 0 and words[frac_i - 1] in ("a", "one"):
            frac_i -= 1
        # ranges: "10 to 15", "between 10 and 15", "two or three"
        qualifier, first = _hedge_before(words, frac_i)
        lo, hi, end_j = value, value, j
        if j + 1 < n and words[j] in ("to", "or", "-", "and") and (first == i or words[i - 1] == "between"):
            v2, j2 = _read_number(words, j + 1)
            if v2 is not None and j2 > j + 1 and v2 > value:
                if words[j] != "and" or (i > 0 and words[i - 1] == "between"):
                    lo, hi, end_j = value, v2, j2
                    qualifier = "range"
                    first = i - 1 if i > 0 and words[i - 1] == "between" else i
        kind = _classify(words, i, end_j, value)
        if kind == "count" and end_j < n and words[end_j] == "or" and end_j + 2 < n and words[end_j + 1] == "more":
            qualifier = "at_least"
        lo, hi = (value, value) if frac_i < i else (lo, hi)
        out.append(Quantity(toks[first].start, toks[end_j - 1].end, lo, hi, qualifier, None, kind, first, frac_i, end_j))
        i = end_j
    return out
