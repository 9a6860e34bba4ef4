"""Text shape: what separates prose from chrome in a report, word by word.

The small pieces the boilerplate rules (:mod:`analysis.boilerplate`, :mod:`analysis.repetition`)
share: whitespace tokens with offsets, words as compared across reports, whether a stretch of
text reads as prose (an article or auxiliary verb, or three lower-case words in a row), where
prose starts again after a list of headlines or tags, and spans of removed text.

Example:
    >>> is_prose("Tags Syria Idlib Assad"), is_prose("Jets struck the town on Monday")
    (False, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, NamedTuple

#: Rule names, in the order their spans win when two overlap.
RULES = ("title", "dateline", "share", "newsletter", "copyright", "related", "embed", "tags", "byline", "credit",
         "caption", "signature", "repeat", "outlet")

TOKEN_RE = re.compile(r"\S+")
_ALNUM = re.compile(r"[^0-9a-z]+")
#: Words that mark prose: a sentence with one of them is not a headline or a tag list.
PROSE_MARKERS = frozenset("the a an was were is are has have had said says been will would its their".split())
#: Words that open a sentence after a run of capitalised headline words ("... Aleppo Nearly 40 ...").
OPENERS = frozenset("""a an the at more some about around nearly almost over up in on during since after as while
    when according one two three four five six seven eight nine ten dozens hundreds thousands""".split())
#: Weaker openers, used when no word of :data:`OPENERS` is there ("Syrian forces ...").
WEAK_OPENERS = frozenset("syrian government rebel rebels regime opposition russian turkish us un activists residents".split())
#: Words that only chrome uses; a repeated run at the edge of a text holding one is chrome.
CUE_WORDS = frozenset("""tweet tweets comments subscribe newsletter copyright tags facebook twitter instagram youtube
    whatsapp telegram email url login privacy cookie cookies standards advertisement sponsored android ios careers""".split())
#: A word that ends a sentence.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


class Span(NamedTuple):
    """A removed span: offsets into the text and the rule that found it."""

    start: int
    end: int
    rule: str


@lru_cache(maxsize=1 << 16)
def norm_word(token: str) -> str:
    """A word as compared across reports: lower case, letters and digits only ("Syria's" -> "syrias").

    Remembered: the cleaning rules ask for the same words of a report many times."""
    return _ALNUM.sub("", token.lower())


def tokens(text: str) -> list[re.Match]:
    """Whitespace-separated tokens with their offsets."""
    return list(TOKEN_RE.finditer(text))


def cap_word(tok: str) -> bool:
    """True for a word that starts with a capital or a digit (after opening marks)."""
    t = tok.lstrip("\"'(\u201c-")
    return bool(t) and (t[0].isupper() or t[0].isdigit())


def is_prose(text: str) -> bool:
    """True for text that reads as sentences: a prose marker word, or three lower-case words in a row.

    Example:
        >>> is_prose("Syria Golan Heights Israeli airstrike"), is_prose("the strike hit a school")
        (False, True)
    """
    words = text.split()
    run = 0
    for w in words:
        n = norm_word(w)
        if n in PROSE_MARKERS:
            return True
        run = run + 1 if w[:1].islower() and n.isalpha() else 0
        if run >= 3:
            return True
    return False


def prose_start(toks: list[re.Match], i: int, *, limit: int = 80) -> int | None:
    """Index of the token where prose starts again at or after token ``i`` (a list of headlines
    or tags ends there); None if no prose starts within ``limit`` tokens.

    The first prose marker (an article, an auxiliary, "said") is found; its sentence starts, walking
    back, at the first capitalised opener ("At", "Nearly", "Three", "The"), else at a weaker opener
    ("Syrian", "Regime"), else at the nearest capitalised word before the marker.
    """
    words = [t.group() for t in toks]
    j = next((m for m in range(i, min(len(words), i + limit)) if norm_word(words[m]) in PROSE_MARKERS), None)
    if j is None:
        return None
    if cap_word(words[j]) and not words[j][:1].isdigit():
        return j
    weak = nearest = None
    for k in range(j - 1, i - 1, -1):
        w = words[k]
        if not cap_word(w) or w[:1].isdigit():
            continue
        n = norm_word(w)
        if n in OPENERS or n in PROSE_MARKERS:
            return k
        if weak is None and n in WEAK_OPENERS:
            weak = k
        if nearest is None:
            nearest = k
    for k in (weak, nearest):
        if k is not None:
            return k
    return i


def merge_spans(spans: Iterable[Span], *, text: str | None = None) -> list[Span]:
    """Sorted, non-overlapping spans; where two overlap the earlier-starting one's rule is kept
    (at one start, the rule listed first in :data:`RULES`). Given ``text``, two spans of one rule
    with only spaces between them become one.

    Example:
        >>> merge_spans([Span(5, 9, "tags"), Span(0, 6, "share"), Span(12, 14, "byline")])
        [Span(start=0, end=9, rule='share'), Span(start=12, end=14, rule='byline')]
    """
    out: list[Span] = []
    for s in sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, RULES.index(s.rule), -s.end)):
        if out and (s.start < out[-1].end or (text is not None and s.rule == out[-1].rule
                                              and not text[out[-1].end:s.start].strip(" "))):
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end, out[-1].rule)
        else:
            out.append(s)
    return out


def covered_tokens(toks: list[re.Match], spans: list[Span]) -> list[bool]:
    """For each token: does a (sorted) span cover it?"""
    out, k = [False] * len(toks), 0
    for s in spans:
        while k < len(toks) and toks[k].end() <= s.start:
            k += 1
        m = k
        while m < len(toks) and toks[m].start() < s.end:
            out[m] = True
            m += 1
    return out


def runs_of(toks: list[re.Match], marked: list[bool], rule: str) -> list[Span]:
    """Spans over the runs of consecutive marked tokens."""
    out, i = [], 0
    while i < len(marked):
        if marked[i]:
            j = i
            while j + 1 < len(marked) and marked[j + 1]:
                j += 1
            out.append(Span(toks[i].start(), toks[j].end(), rule))
            i = j + 1
        else:
            i += 1
    return out


def is_debris(tok: str) -> bool:
    """A stray mark or a small number (a view or comment count) next to chrome."""
    return not norm_word(tok) or (tok.isdigit() and len(tok) <= 6)
