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
from ..resources.vocabulary import (
    DURATION_UNITS,
    MEASURE_UNITS,
    MONEY_WORDS,
    ORDINAL_WORDS,
    PERCENT_WORDS,
    SCALES,
    TENS,
    UNITS,
)

__all__ = [
    "MAX_COUNT",
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
    ``duration``, ``ordinal``, ``percent``, ``money``, ``time``, ``modifier``, ``unit``, or
    ``too_large``: more than :data:`MAX_COUNT`, with ``min`` and ``max`` left empty).
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
    r"|(?<![A-Za-z])[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z])"  # dotted abbreviations: U.S., p.m.
    r"|[A-Za-z]+(?:[-'\u2019][A-Za-z]+)*(?:-\d+[A-Za-z]*(?![\d]))?"  # words; model and group names: Su-24, M-19
    r"|\S"
)

MONTHS = frozenset(vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS)
WEEKDAYS = frozenset(vocabulary.WEEKDAYS + vocabulary.WEEKDAY_ABBREVIATIONS)

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
_STARTERS = (frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | ORDINAL_WORDS
             | {k[0] for k in VAGUE} | {"a", "dozen", "half", "quarter"})
#: Words after "a" that make it a number ("a dozen", "a half million").
_AFTER_A = frozenset({"dozen", "hundred", "thousand", "million", "half", "quarter"})

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
    new = tuple.__new__  # a Token without the named tuple's Python-level constructor (the hot path)
    return [new(Token, (m.start(), m.end(), g, g.lower())) for m in _TOKEN.finditer(text) for g in (m.group(),)]


#: Largest count of people a number may state: more people than live on earth is no count.
#: A larger number is read as ``kind == "too_large"`` with no value, never as a toll.
MAX_COUNT = 10_000_000_000
#: Digits beyond which a number is only known to be larger than any count (exact below it).
_MAX_DIGITS = 15
#: The value read for a longer digit string: above :data:`MAX_COUNT`, and finite under any scale word.
_BEYOND = float(10**_MAX_DIGITS)


def _digits_value(s: str) -> float | int | None:
    """Value of a digit string: "2,000" -> 2000, "230000", "1.5" -> 1.5; None if not a number.

    Whole numbers are exact; a string of more than 15 digits only says "more than any count"
    (a value above :data:`MAX_COUNT`), so no float rounding and no overflow can reach a table.
    """
    if not _DIGITS.match(s):
        return None
    if sum(c.isdigit() for c in s.partition(".")[0]) > _MAX_DIGITS:
        return _BEYOND if s.count(".") <= 1 else None
    if "," in s:
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]) and "." not in s:
            return int("".join(parts))
        return None
    if s.count(".") > 1:
        return None
    return float(s) if "." in s else int(s)


#: Number words that may be joined by hyphens into one token ("twenty-five", "two-hundred").
_NUMBER_PARTS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)


def _parts(word: str) -> list[str]:
    """The number words of a token: "two-hundred" -> ["two", "hundred"]; any other token as is."""
    if "-" in word:
        parts = word.split("-")
        if all(p in _NUMBER_PARTS for p in parts):
            return parts
    return [word]


class _WordState(NamedTuple):
    """Where a number written in words has got to: sum of finished scales, running value, last kind."""

    total: int = 0
    current: int = 0
    last: str = ""


def _after_unit(st: _WordState, v: int) -> _WordState | None:
    if st.last not in ("", "hundred", "scale", "and") and not (v < 10 and st.last == "ten"):
        return None  # "five six" is two numbers; "twenty five" one
    return _WordState(st.total, st.current + v, "unit" if v < 10 else "teen")


def _after_hundred(st: _WordState) -> _WordState | None:
    # "two hundred", "fifteen hundred", "twenty-five hundred" (2500), never "120 hundred"
    if st.last not in ("", "unit", "teen", "ten", "a") or st.current >= 100 or (st.total and st.current >= 10):
        return None
    return _WordState(st.total, (st.current or 1) * 100, "hundred")


def _after_scale(st: _WordState, scale: int) -> _WordState | None:
    if st.last not in ("", "unit", "teen", "ten", "hundred", "a"):
        return None
    return _WordState(st.total + (st.current or 1) * scale, 0, "scale")


def _step(st: _WordState, w: str, nxt: str) -> _WordState | None:
    """The state after number word ``w`` (``nxt``: the word after it), or None where the number ends."""
    if w in UNITS:
        return _after_unit(st, UNITS[w])
    if w in TENS:
        return _WordState(st.total, st.current + TENS[w], "ten") if st.last in ("", "hundred", "scale", "and") else None
    if w == "a":
        return _WordState(st.total, 1, "a") if st.last == "" and nxt in ("hundred", "thousand", "million", "dozen") else None
    if w == "dozen":
        return _WordState(st.total, (st.current or 1) * 12, "dozen") if st.last in ("", "unit", "a") else None
    if w == "hundred":
        return _after_hundred(st)
    if w in ("thousand", "million", "billion"):
        return _after_scale(st, SCALES[w])
    if w == "and" and st.last in ("hundred", "scale") and (nxt in UNITS or nxt in TENS):
        return _WordState(st.total, st.current, "and")
    return None


def _word_value(words: list[str], i: int) -> tuple[int | None, int]:
    """Parse a number written in words from ``words[i]``; returns (value, next index).

    A hyphenated token is read as its parts ("twenty-five", "two-hundred") and is taken whole
    or not at all.

    Example:
        >>> _word_value(["twenty-five", "hundred", "people"], 0)
        (2500, 2)
    """
    st, j, n = _WordState(), i, len(words)
    while j < n:
        parts = _parts(words[j])
        follow = _parts(words[j + 1])[0] if j + 1 < n else ""
        trial: _WordState | None = st
        for k, w in enumerate(parts):
            trial = _step(trial, w, parts[k + 1] if k + 1 < len(parts) else follow)
            if trial is None:
                break
        if trial is None:
            break
        st, j = trial, j + 1
    if st.last in ("", "a", "and"):
        return None, i
    return st.total + st.current, j


#: Fractions of a scale: "half a million", "a quarter of a million", "a half million".
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
#: Scales a fraction can take (a "third" is read as an ordinal, so it is not here).
_FRACTION_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def _fraction_value(words: list[str], i: int) -> tuple[int | None, int]:
    """A fraction of a scale at ``words[i]``: "half a million", "a quarter of a million", "a half million".

    Returns (value, next index), or (None, i) when there is none ("half of the dead").

    Example:
        >>> _fraction_value(["a", "half", "million", "people"], 0), _fraction_value(["half", "of", "them"], 0)
        ((500000, 3), (None, 0))
    """
    n, j = len(words), i
    if words[j] in ("a", "one") and j + 1 < n and words[j + 1] in _FRACTIONS:
        j += 1
    if words[j] not in _FRACTIONS:
        return None, i
    frac, j = _FRACTIONS[words[j]], j + 1
    if words[j:j + 2] == ["of", "a"]:
        j += 2
    elif j < n and words[j] == "a":
        j += 1
    if j < n and words[j] in _FRACTION_SCALES:
        return int(frac * _FRACTION_SCALES[words[j]]), j + 1
    return None, i


def parse_number(text: str) -> int | None:
    """The integer value of a number written in digits or words, else None.

    Example:
        >>> parse_number("one hundred and twenty"), parse_number("1.5 million"), parse_number("230000")
        (120, 1500000, 230000)
        >>> parse_number("a half million"), parse_number("5 hundred"), parse_number("twenty-five hundred")
        (500000, 500, 2500)
        >>> parse_number("99999999999999999999") is None  # more than any count of people
        True
    """
    toks = [t.low for t in tokenize(text)]
    if not toks:
        return None
    value, j = _read_number(toks, 0)
    return value if j == len(toks) and value is not None and value <= MAX_COUNT else None


def _digits_and_scales(words: list[str], i: int, v: float) -> tuple[int | None, int]:
    """Digits at ``words[i]`` (value ``v``) with the scale words after them: "5 hundred", "1.5 million"."""
    j, n = i + 1, len(words)
    if j < n and words[j] == "dozen":
        return int(round(v * 12)), j + 1
    if j < n and words[j] == "hundred" and v < 100 and v == int(v):
        v, j = v * 100, j + 1
    if j < n and words[j] in ("thousand", "million", "billion"):
        v, j = v * SCALES[words[j]], j + 1
    if v != int(round(v)) or (j == i + 1 and v != int(v)):
        return None, i
    return int(round(v)), j


def _and_a_half(words: list[str], value: int, j: int) -> tuple[int | None, int]:
    """"two and a half million": the half of the scale after it; None if no scale follows."""
    if words[j:j + 3] != ["and", "a", "half"]:
        return value, j
    if j + 3 < len(words) and words[j + 3] in _FRACTION_SCALES:
        scale = _FRACTION_SCALES[words[j + 3]]
        return int((value + 0.5) * scale), j + 4
    return None, j


def _read_number(words: list[str], i: int) -> tuple[int | None, int]:
    """Read a fraction, digits (with scale words after them) or a number in words at ``words[i]``.

    Returns (value, next index); (None, ...) where no number starts or the value is uncertain.
    """
    value, j = _fraction_value(words, i)
    if value is not None:
        return value, j
    v = _digits_value(words[i])
    if v is not None:
        value, j = _digits_and_scales(words, i, v)
    else:
        value, j = _word_value(words, i)
    if value is None:
        return None, i
    return _and_a_half(words, value, j)


def _hedge_before(words: list[str], i: int) -> tuple[str, int]:
    """The qualifier of a hedge ending just before ``words[i]`` and where it starts."""
    for h in _HEDGES_BY_LAST.get(words[i - 1], ()) if i > 0 else ():
        k = len(h)
        if i - k >= 0 and tuple(words[i - k:i]) == h:
            return HEDGES[" ".join(h)], i - k
    return "exact", i


#: Hedges by their last word, longest first.
_HEDGES_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _h in _HEDGE_TOKENS:
    _HEDGES_BY_LAST.setdefault(_h[-1], []).append(_h)


#: Words after ", N," that make N a person's age ("NAME, 42, was killed").
_AFTER_AGE = frozenset("was is were who had has died and a an the".split())


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
    if prev in ("aged", "age", "ages") or (prev in ("and", "or", ",") and i > 2 and words[i - 3] in ("aged", "ages")):
        return "age"  # "aged 14 and 16"
    if prev == "," and nxt == "," and value < 120 and j - i == 1 and prev2[:1].isalpha() and nxt2 in _AFTER_AGE:
        return "age"  # "Carlos Ruiz, 42, was killed"
    if prev == "." and prev2 in ("no", "nos"):
        return "unit"  # a rank or a number: "the No. 2 leader"
    if prev in ("no", "number", "no.", "#", "resolution", "route", "highway", "article", "page", "chapter", "flight"):
        return "unit"
    first = words[i]
    if _DIGITS.match(first) and len(first) == 4 and first.startswith("0"):
        return "time"
    if prev == "at" and len(first) == 4 and _DIGITS.match(first) and value % 100 < 60 and value < 2400 \
            and (prev2 in MONTHS or prev2 in WEEKDAYS or (prev2.isdigit() and len(prev2) == 4)):
        return "time"  # a dateline's clock time: "Wed 01 Oct 2014 at 1459"
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
        if w not in _STARTERS and not w[:1].isdigit() and not ("-" in w and w.partition("-")[0] in _NUMBER_PARTS):
            i += 1  # fast path: an ordinary word (the test of _may_start, inlined)
            continue
        for reader in _READERS:
            found = reader(toks, words, i)
            if found is not None:
                q, i = found
                if q is not None:
                    out.append(q)
                break
        else:
            i += 1
    return out


#: What a reader returns: None (not mine) or (the quantity or None, the index after it).
_Found = "tuple[Quantity | None, int] | None"


def _may_start(w: str) -> bool:
    """Whether a quantity, an ordinal or a vague quantifier may start at word ``w``."""
    return w in _STARTERS or w[:1].isdigit() or ("-" in w and w.partition("-")[0] in _NUMBER_PARTS)


def _single(toks: list[Token], i: int, kind: str) -> Quantity:
    """A one-token quantity that is not a count (``kind`` says what it is)."""
    return Quantity(toks[i].start, toks[i].end, None, None, "exact", None, kind, i, i, i + 1)


def _modifier_at(toks: list[Token], words: list[str], i: int) -> _Found:
    """Compound modifiers and ages: "46-truck", "12-year-old", "48-hour"."""
    w = words[i]
    if not _MODIFIER.match(w):
        return None
    return _single(toks, i, "age" if "-year" in w or "-month" in w else "modifier"), i + 1


def _ordinal_at(toks: list[Token], words: list[str], i: int) -> _Found:
    """Ordinals ("4th", "third"); "second" only after a determiner (else it is the unit of time)."""
    w = words[i]
    if not (_ORDINAL_DIGITS.match(w) or w in ORDINAL_WORDS):
        return None
    if w == "second" and not (i > 0 and words[i - 1] in ("the", "a", "its", "their", "his", "her")):
        return None, i + 1
    return _single(toks, i, "ordinal"), i + 1


def _date_token_at(toks: list[Token], words: list[str], i: int) -> _Found:
    """Decades ("1990s"), dates in digits ("14.06.2016") and clock times ("21:40")."""
    w = words[i]
    if _DIGITS_WITH_COLON.match(w):
        return _single(toks, i, "time"), i + 1
    if _DECADE.match(w) or _DATE_DIGITS.match(w):
        return _single(toks, i, "date"), i + 1
    return None


def _range_token_at(toks: list[Token], words: list[str], i: int) -> _Found:
    """A range written as one token: "10-15"."""
    m = _RANGE.match(words[i])
    if not m:
        return None
    lo, hi = _digits_value(m.group(1)), _digits_value(m.group(2))
    if lo is None or hi is None or lo >= hi:
        return None
    kind = "count"
    if hi > MAX_COUNT:
        return Quantity(toks[i].start, toks[i].end, None, None, "range", None, "too_large", i, i, i + 1), i + 1
    if lo >= 1900 or hi >= 1900:
        kind = "year"
    elif i + 1 < len(words) and words[i + 1] in DURATION_UNITS | MEASURE_UNITS:
        kind = "duration"
    return Quantity(toks[i].start, toks[i].end, int(lo), int(hi), "range", None, kind, i, i, i + 1), i + 1


def _vague_at(toks: list[Token], words: list[str], i: int) -> _Found:
    """Vague quantifiers: "dozens", "tens of thousands", "a handful", "several"."""
    key = next((k for k in _VAGUE_KEYS if tuple(words[i:i + len(k)]) == k), None)
    if key is None:
        return None
    j = i + len(key)
    start_i = i - 1 if words[i] == "handful" and i > 0 and words[i - 1] == "a" else i
    kind = "unit" if j < len(words) and words[j] in DURATION_UNITS | MEASURE_UNITS | MONEY_WORDS else "count"
    return Quantity(toks[start_i].start, toks[j - 1].end, None, None, "vague", VAGUE[key], kind, start_i, start_i, j), j


def _not_a_number_at(toks: list[Token], words: list[str], i: int) -> _Found:
    """Words that start no number here: a lone "a" or "and", "one another"."""
    w = words[i]
    if w == "a" and not (i + 1 < len(words) and words[i + 1] in _AFTER_A):
        return None, i + 1
    if w == "and" or (w == "one" and i + 1 < len(words) and words[i + 1] == "another"):
        return None, i + 1
    return None


def _range_after(words: list[str], i: int, j: int, value: int, first: int) -> tuple[int, int, int] | None:
    """A range after the number ``words[i:j]``: "10 to 15", "between 10 and 15", "two or three".

    Returns (upper bound, index after it, where the range starts) or None.
    """
    n = len(words)
    if not (j + 1 < n and words[j] in ("to", "or", "-", "and") and (first == i or words[i - 1] == "between")):
        return None
    v2, j2 = _read_number(words, j + 1)
    if v2 is None or j2 <= j + 1 or v2 <= value:
        return None
    if words[j] == "and" and not (i > 0 and words[i - 1] == "between"):
        return None
    return v2, j2, (i - 1 if i > 0 and words[i - 1] == "between" else i)


def _number_at(toks: list[Token], words: list[str], i: int) -> _Found:
    """A number in digits or words with its hedge ("at least 22") or range ("between 10 and 15")."""
    value, j = _read_number(words, i)
    if value is None or j == i:
        return None, i + 1
    qualifier, first = _hedge_before(words, i)
    lo, hi, end_j = value, value, j
    rng = _range_after(words, i, j, value, first)
    if rng is not None:
        hi, end_j, first = rng
        qualifier = "range"
    if hi > MAX_COUNT:
        return Quantity(toks[first].start, toks[end_j - 1].end, None, None, qualifier, None, "too_large",
                        first, i, end_j), end_j
    kind = _classify(words, i, end_j, value)
    if kind == "count" and words[end_j:end_j + 2] == ["or", "more"]:
        qualifier = "at_least"
    return Quantity(toks[first].start, toks[end_j - 1].end, lo, hi, qualifier, None, kind, first, i, end_j), end_j


#: The readers, tried in order at a word that may start a quantity.
_READERS = (_modifier_at, _ordinal_at, _date_token_at, _range_token_at, _vague_at, _not_a_number_at, _number_at)
