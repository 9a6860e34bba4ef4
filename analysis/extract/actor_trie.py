"""Actor tokens and alias tries: the matching machinery under the actor dictionary.

Text is cut into word tokens (:func:`tokens`: a possessive "'s" folded into its word, dots
inside abbreviations dropped), and aliases are stored in token tries (:class:`Node`), one
per pattern kind, walked from a token to the longest alias that is valid for the report's
date and the text's case (:func:`walk`). Used by :mod:`analysis.extract.actor_dictionary`
(the pack's names) and :mod:`analysis.extract.parties` (generic party phrases).

Example:
    >>> [t.raw for t in tokens("U.S.-backed forces' positions")]
    ['US', '-', 'backed', 'forces', 'positions']
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from ..errors import InputError


class ActorMatch(NamedTuple):
    """One actor found in a text: character span, surface, canonical actor and group id."""

    start: int
    end: int
    surface: str
    actor: str
    actor_id: str


class Tok(NamedTuple):
    """A word token: span, characters without dots ("U.S." -> "US") and their lower case."""

    start: int
    end: int
    raw: str  # original characters without dots and final period ("U.S." -> "US")
    low: str  # lower case of raw


#: Word tokens (letters/digits with inner dots, "U.S."; an optional possessive "'s" or "'"),
#: or a single non-space mark.
_TOKEN_FAST = re.compile(r"(?P<w>[^\W_]+(?:\.[^\W_]+)*)(?P<dot>\.)?(?P<pos>['’](?:[sS](?![^\W_]))?)?|[-–—'’/&]|[^\w\s]")


def tokens(text: str) -> list[Tok]:
    """Tokenise ``text``; a possessive "'s" or bare "'" after a word is folded into the word
    ("Assad's" is one token "Assad" spanning the "'s"); dots inside abbreviations are dropped
    ("U.S." -> "US"), a sentence-final period is not part of the word."""
    out: list[Tok] = []
    append = out.append
    for m in _TOKEN_FAST.finditer(text):
        w = m.group("w")
        if w is None:
            raw = m.group()
            append(Tok(m.start(), m.end(), raw, raw))
            continue
        s, e = m.span()
        if m.group("pos") is None and m.group("dot") is not None and "." not in w:
            e -= 1  # "Damascus." : the period ends the sentence
        if "." in w and len(w) <= 12:
            w = w.replace(".", "")
        append(Tok(s, e, w, w.lower()))
    return out


def alias_tokens(text: str) -> list[Tok]:
    """The tokens of an alias as written, without hyphens and slashes (they are optional)."""
    toks = [t for t in tokens(text) if t.raw not in ("-", "–", "/")]
    return toks


@dataclass(frozen=True)
class Alias:
    """One alias, adjective or metonym of an actor, as stored in a trie."""

    actor: str
    group: str
    kind: str  # alias | adjective | metonym
    tokens: tuple[str, ...]  # as written (dots removed), for case-sensitive checks
    case_sensitive: bool
    start: _dt.date | None
    until: _dt.date | None
    generic: bool
    order: int

    def active(self, date: _dt.date | None) -> bool:
        if date is None:
            return True
        return (self.start is None or date >= self.start) and (self.until is None or date <= self.until)


@dataclass
class Node:
    """A trie node: children by lower-case token, and the aliases that end here."""

    children: dict[str, "Node"] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)


_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\b")


def as_date(value: Any) -> _dt.date | None:
    """``None``, a date, a datetime, a pandas Timestamp or an ISO string -> a date."""
    if value is None:
        return None
    if type(value) is _dt.date:
        return value  # the common case, once converted
    try:
        if value != value:  # NaN, NaT
            return None
    except (TypeError, ValueError):
        pass
    if type(value).__name__ == "datetime64":  # numpy
        value = str(value)[:10]
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        v = value.strip()
        if not v:
            return None
        m = _MDY.match(v)
        try:
            if m:  # FA-KES style M/D/YYYY
                return _dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
            return _dt.date.fromisoformat(v[:10])
        except ValueError:
            raise InputError(f"date {value!r}: expected YYYY-MM-DD or M/D/YYYY") from None
    if isinstance(value, float) and value != value:  # NaN
        return None
    raise TypeError(f"expected a date, got {type(value).__name__}")


def walk(trie: Node, toks: list[Tok], i: int, date: _dt.date | None, upper: bool) -> tuple[int, Alias | None]:
    """Longest alias starting at token ``i``: (end token index, alias) or (i, None)."""
    node = trie
    best: tuple[int, Alias | None] = (i, None)
    j = i
    n = len(toks)
    while j < n:
        t = toks[j]
        if t.raw in ("-", "–"):  # hyphens inside names are optional
            j += 1
            continue
        child = node.children.get(t.low)
        # a plural/possessive "s" without apostrophe on the last word: "Assads"
        if t.low.endswith("s") and len(t.low) > 3:
            stripped = node.children.get(t.low[:-1])
            if stripped is not None:
                a = pick(stripped.aliases, toks, i, j + 1, date, upper, strip_last=True)
                if a is not None and (child is None or j + 1 > best[0]):
                    best = (j + 1, a)
        if child is None:
            break
        node = child
        j += 1
        a = pick(node.aliases, toks, i, j, date, upper)
        if a is not None:
            best = (j, a)
    return best

def head_end(heads: Node, toks: list[Tok], j: int) -> int:
    """End token index of a head noun starting at ``j`` (or -1)."""
    node = heads
    best = -1
    k = j
    while k < len(toks):
        child = node.children.get(toks[k].low)
        if child is None and toks[k].low.endswith("s"):
            child2 = node.children.get(toks[k].low[:-1])
            if child2 is not None and child2.aliases:
                best = k + 1
        if child is None:
            break
        node = child
        k += 1
        if node.aliases:
            best = k
    return best


def pick(aliases: list[Alias], toks: list[Tok], i: int, j: int, date: _dt.date | None, upper: bool, strip_last: bool = False) -> Alias | None:
    """The alias (among those ending at a trie node) valid for this surface and date."""
    if not aliases:
        return None
    best: Alias | None = None
    for a in aliases:
        if not a.active(date):
            continue
        if a.case_sensitive:
            if upper:
                continue  # all-caps headline: "IS" could be "is"
            surf = [t.raw for t in toks[i:j] if t.raw not in ("-", "–")]
            if strip_last and surf:
                surf[-1] = surf[-1][:-1]
            if tuple(surf) != a.tokens:
                continue
        elif strip_last and len(a.tokens[-1]) <= 3:
            continue  # no bare "s" on short words: "UNs", "ISs"
        if best is None or prefer(a, best, date):
            best = a
    return best


def prefer(a: Alias, b: Alias, date: _dt.date | None) -> bool:
    """Whether alias ``a`` beats ``b`` for the same surface: without a date, an undated alias,
    else the one with the latest start; case-sensitive beats insensitive."""
    if a.case_sensitive != b.case_sensitive:
        return a.case_sensitive
    if date is None:
        ka = (a.start is None and a.until is None, a.start or _dt.date.min)
        kb = (b.start is None and b.until is None, b.start or _dt.date.min)
        if ka != kb:
            return ka > kb
    return a.order < b.order


def insert(trie: Node, alias: Alias) -> None:
    """Store ``alias`` in ``trie`` under its lower-case tokens."""
    node = trie
    for t in alias.tokens:
        node = node.children.setdefault(t.lower(), Node())
    node.aliases.append(alias)


def one_word(trie: Node) -> set[str]:
    """The lower-case words that are a whole alias of ``trie`` on their own."""
    return {k for k, v in trie.children.items() if v.aliases}


@dataclass(frozen=True)
class Tries:
    """Everything the matching rules read: alias, adjective, metonym and head tries, the words
    allowed between an adjective and its head, media heads that need "state", aliases that are
    also places, the first words of any pattern, and the kind of a group."""

    aliases: Node
    adjectives: Node
    metonyms: Node
    heads: Node
    modifiers: frozenset[str]
    state_only: frozenset[tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    kind: Callable[[str | None], str | None]

    @property
    def first(self) -> frozenset[str]:
        """Lower-case words that start an alias, an adjective or a metonym."""
        return frozenset(self.aliases.children) | frozenset(self.adjectives.children) | frozenset(self.metonyms.children)

