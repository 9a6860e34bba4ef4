"""Actors: a dictionary of named parties, a fast matcher, and mentions with roles.

The actor dictionary (``analysis/lexicons/actors.yml``, replaceable) maps names of the parties
to a war to canonical actors, each under one group id (for the bundled Syrian dictionary, the
15 ids of ``../shared/gold/GUIDELINES.md``: SYR_GOV, SYR_OPP, JIHADIST, ISIS, KURDISH, RUSSIA,
IRAN, HEZBOLLAH, USA, TURKEY, ISRAEL, OTHER_STATE, UN, MONITOR_NGO, CIVILIANS). Like the
PETRARCH/CAMEO dictionaries, an entry has synonyms and optional date limits.

YAML schema (see the comments at the top of the bundled file)::

    groups: [ARMY_X, REBELS_Y]                   # optional: group ids for another conflict,
                                                 # added to the 15 built-in ones
    head_modifiers: [government, military, ...]  # words allowed between an adjective and a head
    heads: [army, jets, government, ...]         # nouns that turn an adjective into an actor
    state_only_heads: [media, tv, news agency]   # heads that need "state"/"official" before them
                                                 # ("Turkish state TV", not "Lebanese TV channel")
    place_names: [Russia, Iran, ...]             # aliases that are places after "in"/"into"
                                                 # ("banned in Russia" still counts)
    actors:
      - name: Russia                             # canonical name (unique)
        group: RUSSIA                            # a group id
        aliases: [Russia, Kremlin, {text: RT, case: sensitive}, ...]
        adjectives: [Russian]                    # an actor only before a head: "Russian jets"
        metonyms: [Moscow]                       # an actor only as one: "Moscow said"
        generic: false                           # true: dropped next to a named actor
        from: 2016-07-28                         # optional date limits (also per alias)
        until: 2018-12-31

Matching works on word tokens through a token trie built once: case-insensitive unless an
alias says ``case: sensitive`` ("IS" is never "it is"); the longest match wins; a possessive or
plural ending is accepted with or without an apostrophe ("Assad's", "Assads", "Russia's");
hyphens and dots inside names are ignored ("al-Assad" = "al Assad", "U.N." = "UN"). An
adjective counts only before a head noun ("Russian jets", "Russian and Syrian warplanes",
"Turkish-backed"), not "Syrian civilians"; a metonym counts only as an actor ("Damascus
denied", "Moscow-backed", "backed by Moscow"), not as a place ("in Damascus", "Damascus
countryside"). Generic words ("militants", "terrorists") are dropped next to a named group
("ISIS terrorists") and, in :func:`extract_mentions`, refer to the armed group named in the same
sentence, else to the dictionary's group (the armed opposition, as pro-government outlets use
"terrorists"); a bare "the coalition" follows the coalition named before, or the anti-IS
coalition after IS context.

:func:`extract_mentions` gives each mention a role (speaker, agent, target, other) from
patterns around it; :func:`actor_candidates` lists frequent capitalised names that the
dictionary does not cover.

Example:
    >>> d = default_dictionary()
    >>> [(m.surface, m.actor_id) for m in d.find("Russian jets struck as Damascus denied it.")]
    [('Russian jets', 'RUSSIA'), ('Damascus', 'SYR_GOV')]
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, NamedTuple, Sequence

from .errors import InputError, LexiconError
from .lexicons import entry_error, lexicon_path, load_yaml

#: The 15 actor group ids of the gold guidelines.
GROUP_IDS = (
    "SYR_GOV", "SYR_OPP", "JIHADIST", "ISIS", "KURDISH", "RUSSIA", "IRAN", "HEZBOLLAH", "USA",
    "TURKEY", "ISRAEL", "OTHER_STATE", "UN", "MONITOR_NGO", "CIVILIANS",
)

#: Columns of the ``mentions`` table (a contract).
MENTION_COLUMNS = ["doc_id", "part", "sent_id", "start", "end", "surface", "actor", "actor_id", "role", "sentence"]

ROLES = ("speaker", "agent", "target", "other")


class ActorMatch(NamedTuple):
    """One actor found in a text: character span, surface, canonical actor and group id."""

    start: int
    end: int
    surface: str
    actor: str
    actor_id: str


# --------------------------------------------------------------------------- tokens

class _Tok(NamedTuple):
    start: int
    end: int
    raw: str  # original characters without dots and final period ("U.S." -> "US")
    low: str  # lower case of raw


#: Word tokens (letters/digits with inner dots, "U.S."; an optional possessive "'s" or "'"),
#: or a single non-space mark.
_TOKEN_FAST = re.compile(r"(?P<w>[^\W_]+(?:\.[^\W_]+)*)(?P<dot>\.)?(?P<pos>['’](?:[sS](?![^\W_]))?)?|[-–—'’/&]|[^\w\s]")


def _tokens(text: str) -> list[_Tok]:
    """Tokenise ``text``; a possessive "'s" or bare "'" after a word is folded into the word
    ("Assad's" is one token "Assad" spanning the "'s"); dots inside abbreviations are dropped
    ("U.S." -> "US"), a sentence-final period is not part of the word."""
    out: list[_Tok] = []
    append = out.append
    for m in _TOKEN_FAST.finditer(text):
        w = m.group("w")
        if w is None:
            raw = m.group()
            append(_Tok(m.start(), m.end(), raw, raw))
            continue
        s, e = m.span()
        if m.group("pos") is None and m.group("dot") is not None and "." not in w:
            e -= 1  # "Damascus." : the period ends the sentence
        if "." in w and len(w) <= 12:
            w = w.replace(".", "")
        append(_Tok(s, e, w, w.lower()))
    return out


def _alias_tokens(text: str) -> list[_Tok]:
    toks = [t for t in _tokens(text) if t.raw not in ("-", "–", "/")]
    return toks


# --------------------------------------------------------------------------- dictionary


@dataclass(frozen=True)
class _Alias:
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
class _Node:
    children: dict[str, "_Node"] = field(default_factory=dict)
    aliases: list[_Alias] = field(default_factory=list)


_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _as_date(value: Any) -> _dt.date | None:
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


class ActorDictionary:
    """Compiled actor dictionary: token tries for aliases, adjectives, heads and metonyms.

    Build it with :func:`load_actor_dictionary`; :meth:`find` returns :class:`ActorMatch`
    records. The object is immutable after construction and safe to share.
    """

    def __init__(self, entries: list[dict[str, Any]], heads: Iterable[str], head_modifiers: Iterable[str], sources: Sequence[str] = (),
                 *, state_only_heads: Iterable[str] = (), place_names: Iterable[str] = ()):
        self.sources = tuple(sources)
        self._state_only = frozenset(tuple(t.low for t in _alias_tokens(h)) for h in state_only_heads)
        self._places = frozenset(tuple(t.low for t in _alias_tokens(p)) for p in place_names)
        self.entries = entries
        self.actor_groups: dict[str, str] = {e["name"]: e["group"] for e in entries}
        self.generic_actors: frozenset[str] = frozenset(e["name"] for e in entries if e.get("generic"))
        self._alias_trie = _Node()
        self._adj_trie = _Node()
        self._meto_trie = _Node()
        self._heads = _Node()
        order = 0
        for e in entries:
            for kind, key, trie in (("alias", "aliases", self._alias_trie), ("adjective", "adjectives", self._adj_trie),
                                    ("metonym", "metonyms", self._meto_trie)):
                for spec in e.get(key, []):
                    toks = tuple(t.raw for t in _alias_tokens(spec["text"]))
                    a = _Alias(e["name"], e["group"], kind, toks, spec["case"] == "sensitive",
                               spec["from"], spec["until"], bool(e.get("generic")), order)
                    order += 1
                    node = trie
                    for t in toks:
                        node = node.children.setdefault(t.lower(), _Node())
                    node.aliases.append(a)
        for h in list(heads) + list(state_only_heads):
            node = self._heads
            for t in _alias_tokens(h):
                node = node.children.setdefault(t.low, _Node())
            node.aliases.append(None)  # type: ignore[arg-type]
        self._modifiers = frozenset(m.lower() for m in head_modifiers)
        self._first = frozenset(self._alias_trie.children) | frozenset(self._adj_trie.children) | frozenset(self._meto_trie.children)

    # ----------------------------------------------------------------- trie walk
    @staticmethod
    def _walk(trie: _Node, toks: list[_Tok], i: int, date: _dt.date | None, upper: bool) -> tuple[int, _Alias | None]:
        """Longest alias starting at token ``i``: (end token index, alias) or (i, None)."""
        node = trie
        best: tuple[int, _Alias | None] = (i, None)
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
                    a = _pick(stripped.aliases, toks, i, j + 1, date, upper, strip_last=True)
                    if a is not None and (child is None or j + 1 > best[0]):
                        best = (j + 1, a)
            if child is None:
                break
            node = child
            j += 1
            a = _pick(node.aliases, toks, i, j, date, upper)
            if a is not None:
                best = (j, a)
        return best

    def _head_at(self, toks: list[_Tok], j: int) -> int:
        """End token index of a head noun starting at ``j`` (or -1)."""
        node = self._heads
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

    def find(self, text: str, *, date: Any = None) -> list[ActorMatch]:
        """All actor mentions in ``text``, left to right, longest match first.

        Args:
            text: a sentence or any string.
            date: the report's date (date, datetime, Timestamp or ISO string); aliases outside
                their date limits are ignored. ``None`` uses every alias.

        Returns:
            Non-overlapping :class:`ActorMatch` records with offsets into ``text``.

        Example:
            >>> [m.actor for m in default_dictionary().find("Assads forces shelled Douma")]
            ['Bashar al-Assad']
        """
        day = _as_date(date)
        # mentions, attributions and claims all look up the same sentences: remember the last
        # few thousand answers (a pure function of text and day; callers get their own list)
        key = (text, day)
        cache = self.__dict__.setdefault("_find_cache", {})
        hit = cache.get(key)
        if hit is not None:
            return list(hit)
        found = self._find(text, day)
        if len(cache) >= 4096:
            cache.clear()
        cache[key] = tuple(found)
        return found

    def _find(self, text: str, day: _dt.date | None) -> list[ActorMatch]:
        toks = _tokens(text)
        upper = text.isupper()  # an all-caps headline: "IS" may be "is"
        out: list[tuple[int, int, _Alias]] = []  # token spans
        i, n = 0, len(toks)
        first = self._first
        while i < n:
            low = toks[i].low
            if low not in first and not (low.endswith("s") and low[:-1] in first):
                i += 1  # no alias, adjective or metonym starts with this word
                continue
            end, alias = self._walk(self._alias_trie, toks, i, day, upper)
            chain = self._adjective(toks, i, day, upper)
            if chain and chain[-1][1] > end:
                if i > 1 and toks[i - 1].raw == "-" and toks[i - 2].low == "anti":
                    i = chain[-1][1]
                    continue
                out.extend(chain)
                i = chain[-1][1]
                continue
            if alias is None:
                m_end, meto = self._walk(self._meto_trie, toks, i, day, upper)
                if meto is not None and self._metonym_is_actor(toks, i, m_end):
                    end, alias = m_end, meto
            if alias is None:
                i += 1
                continue
            if i > 1 and toks[i - 1].raw == "-" and toks[i - 2].low == "anti":
                i = end
                continue  # "anti-regime": not the regime
            if alias.kind == "alias" and i > 0 and toks[i - 1].low in _IN_PLACE and self._places and \
                    not (i > 1 and toks[i - 2].low in _BANNED) and \
                    tuple(t.low for t in toks[i:end] if t.raw not in ("-", "–")) in self._places:
                i = end
                continue  # "outlawed in Russia", "fled into Iran": a place
            if end + 1 < n and toks[end].raw == "-" and toks[end + 1].low == "based" and alias.group != "MONITOR_NGO":
                i = end + 2
                continue  # "UK-based", "London-based": a place
            if out and out[-1][1] == i and out[-1][2].group != alias.group and alias.tokens[0].lower() in _OWNED_HEADS \
                    and _POSSESSIVE.search(text[toks[i - 1].start : toks[i - 1].end]):
                s0, _, a0 = out[-1]
                out[-1] = (s0, end, a0)  # "Turkey's state-run news agency", "Turkey's health ministry": Turkey's
                i = end
                continue
            out.append((i, end, alias))
            i = end
        out = self._drop_generic(toks, out)
        return [
            ActorMatch(toks[s].start, toks[e - 1].end, text[toks[s].start : toks[e - 1].end], a.actor, a.group)
            for s, e, a in out
        ]

    def _adjective(self, toks: list[_Tok], i: int, day: _dt.date | None, upper: bool) -> list[tuple[int, int, _Alias]]:
        """Adjectives from ``i`` that are followed by a head: "Russian and Syrian jets" gives
        ("Russian", RUSSIA) and ("Syrian jets", SYR_GOV); empty when no head follows."""
        end, adj = self._walk(self._adj_trie, toks, i, day, upper)
        if adj is None:
            return []
        chain = [(i, end, adj)]
        j = end
        n = len(toks)
        if j + 1 < n and toks[j].raw == "-" and toks[j + 1].low in _BACKED:
            return [(i, j + 2, adj)]
        steps = 0
        joined = False  # a conjunction since the last adjective: "Russian and Syrian jets"
        while j < n and steps < 6:
            h = self._head_at(toks, j)
            if h > 0 and self._state_only and not self._state_head_ok(toks, chain[-1][1], j, h):
                return []  # "Lebanese TV channel": a country's media, not its state
            if h > 0:
                s0, _, a0 = chain[-1]
                chain[-1] = (s0, h, a0)
                return chain
            t = toks[j]
            if joined:
                e2, other = self._walk(self._alias_trie, toks, j, day, upper)
                if other is not None and other.group != adj.group and not other.generic and other.group != "CIVILIANS":
                    # "Russian and regime forces", "Russian and Syrian government forces"
                    h = self._head_at(toks, e2)
                    chain.append((j, h if h > 0 else e2, other))
                    return chain
            if t.low in self._modifiers or t.raw in ("-", ",") or t.low in ("and", "or"):
                joined = joined or t.low in ("and", "or") or t.raw == ","
                j += 1
                steps += 1
                continue
            e2, other = self._walk(self._adj_trie, toks, j, day, upper)
            if other is None:
                e2, other = self._walk(self._alias_trie, toks, j, day, upper)
                if other is None or e2 - j != 1:
                    break
                if other.group != adj.group and toks[j - 1].low not in ("and", "or", ","):
                    break
                # "Russian and regime forces": a one-word alias in the chain
            if not joined and other.kind == "adjective":
                chain.pop()  # "Syrian Kurdish forces": the first adjective qualifies the second
            chain.append((j, e2, other))
            joined = False
            j = e2
            steps += 1
        return []

    def _state_head_ok(self, toks: list[_Tok], adj_end: int, j: int, h: int) -> bool:
        """A media head ("TV", "news agency") names a state only after "state", "official" or
        "government" ("Turkish state-run news agency", not "Lebanese TV channel")."""
        head = tuple(t.low for t in toks[j:h] if t.raw not in ("-", "–"))
        stripped = head[:-1] + (head[-1][:-1],) if head and head[-1].endswith("s") else head
        if head not in self._state_only and stripped not in self._state_only:
            return True
        return any(t.low in _STATE_WORDS for t in toks[adj_end:j])

    def _metonym_is_actor(self, toks: list[_Tok], i: int, end: int) -> bool:
        """A capital or a state's name used for its government ("Moscow said", "Turkey's army",
        "backed by Ankara"), not a place ("in Damascus", "fled to Turkey", "Damascus countryside")."""
        prev = toks[i - 1].low if i > 0 else ""
        if prev == "to" and i > 1 and toks[i - 2].low == "according":
            return True  # "according to Moscow", "according to TASS"
        if prev in _PATRON_NOUNS:
            return True  # "rebel backer Qatar", "regime ally Moscow"
        if prev in _PLACE_BEFORE or prev in ("-", "/"):
            return False
        if prev == "by" and not (i > 1 and toks[i - 2].low in _PLACE_BY):
            return True
        n = len(toks)
        nxt = toks[end].low if end < n else ""
        if nxt in _PLACE_AFTER or nxt in ("-", "/") and end + 1 < n and toks[end + 1].low not in _BACKED:
            return False
        if nxt == "-" and end + 1 < n and toks[end + 1].low in _BACKED:
            return True
        last = toks[end - 1]
        if nxt in _OWNED_HEADS and (last.end - last.start > len(last.raw) or last.low.endswith("s")):
            return True  # "Turkey's health ministry", "Turkeys army"
        if nxt in _METONYM_NOUNS or self._head_at(toks, end) > 0 and nxt not in _NOT_HEAD_AFTER_PLACE:
            return True
        j = end
        steps = 0
        while j < n and steps < 6:
            w = toks[j].low
            if w in _ACTOR_VERBS or (steps > 0 or j == end) and _FINITE.match(w) and w not in _PLACE_VERBS:
                return True
            if w in _MODAL and j + 1 < n:
                k = j + 1
                passive = False
                while k < n and (toks[k].low.endswith("ly") or toks[k].low in ("also", "not", "already", "long", "been")):
                    passive = passive or toks[k].low == "been"
                    k += 1
                nxt_w = toks[k].low if k < n else ""
                verb_like = nxt_w.endswith("ing") if passive else (nxt_w.endswith(("ing", "ed")) or w not in ("has", "have", "had"))
                return nxt_w not in ("be", "being") and verb_like and toks[k].raw.isalpha() and toks[k].raw.islower()
            if w in ("is", "was", "are", "were"):
                # "Moscow is backing" (an actor) but "Damascus was shelled", "is the capital"
                return j + 1 < n and toks[j + 1].low.endswith("ing") and toks[j + 1].low not in ("being",)
            if w in _AUX or w.endswith("ly") or w in ("and", ",", "also", "not", "on", "again", "which", "who"):
                j += 1
                steps += 1
                continue
            e2, m2 = self._walk(self._meto_trie, toks, j, None, False)
            if m2 is None:
                e2, m2 = self._walk(self._alias_trie, toks, j, None, False)
            if m2 is not None:
                j = e2
                steps += 1
                continue
            break
        return False

    def _drop_generic(self, toks: list[_Tok], out: list[tuple[int, int, _Alias]]) -> list[tuple[int, int, _Alias]]:
        """Drop generic aliases ("terrorists", "militants") next to a named actor ("ISIS terrorists")."""
        if not any(a.generic for _, _, a in out):
            return out
        keep = []
        for k, (s, e, a) in enumerate(out):
            if a.generic:
                near = False
                for s2, e2, a2 in out[max(0, k - 2) : k + 3]:
                    if a2.generic or a2.group in ("CIVILIANS", "MONITOR_NGO", "UN"):
                        continue
                    gap = _outside_parentheses(toks, range(e2, s) if e2 <= s else range(e, s2))
                    if len(gap) <= 3 and all(toks[g].low in _GENERIC_GLUE for g in gap):
                        near = True
                        break
                if near:
                    continue
            keep.append((s, e, a))
        return keep

    def groups(self) -> set[str]:
        """The group ids used by this dictionary."""
        return set(self.actor_groups.values())


def _outside_parentheses(toks: list[_Tok], gap: range) -> list[int]:
    """Token indices of ``gap`` outside a parenthetical ("Daesh (outlawed in Russia) militants")."""
    out: list[int] = []
    depth = 0
    for g in gap:
        raw = toks[g].raw
        if raw == "(":
            depth += 1
        elif raw == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(g)
    return out if not depth else list(gap)


def _pick(aliases: list[_Alias], toks: list[_Tok], i: int, j: int, date: _dt.date | None, upper: bool, strip_last: bool = False) -> _Alias | None:
    """The alias (among those ending at a trie node) valid for this surface and date."""
    if not aliases:
        return None
    best: _Alias | None = None
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
        if best is None or _prefer(a, best, date):
            best = a
    return best


def _prefer(a: _Alias, b: _Alias, date: _dt.date | None) -> bool:
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


_BACKED = frozenset("backed led allied supported sponsored funded armed trained affiliated linked loyal".split())
_PLACE_BEFORE = frozenset(
    """in near to from around outside of at toward towards into across via through inside within
    reached entered left visit visited visiting fled flee arrived arrive returned return
    rural countryside east west north south northern southern eastern western central downtown
    suburb suburbs outskirts capital city province airport road highway flights flight""".split()
)
_PLACE_AFTER = frozenset(
    """countryside province governorate suburb suburbs outskirts city airport international
    road highway countryside's university hospital neighborhood neighbourhood district
    mosque square streets street time based border borders frontier crossing embassy""".split()
)
#: First words of unnamed institutions that belong to the possessor before them ("Turkey's health ministry").
_OWNED_HEADS = frozenset("state official health interior defence defense foreign army government ministry military armed air security intelligence police".split())
_POSSESSIVE = re.compile(r"(?:['’]s?|s)$")
_STATE_WORDS = frozenset("state official government regime public national".split())
_PATRON_NOUNS = frozenset("ally allies backer backers sponsor sponsors patron patrons".split())
_IN_PLACE = frozenset("in into inside within throughout".split())
_BANNED = frozenset("banned outlawed prohibited proscribed illegal".split())  # "banned in Russia": Russia's ban
_METONYM_NOUNS = frozenset("government regime authorities ally allies backing support correspondent correspondents reporter reporters".split())
_PLACE_BY = frozenset("bordered surrounded hosted flanked".split())
_NOT_HEAD_AFTER_PLACE = frozenset("base bases positions position checkpoint checkpoints convoy".split())
_FINITE = re.compile(r"^[a-z]{3,}ed$")
_PLACE_VERBS = frozenset("based located situated bordered surrounded controlled held besieged divided".split())
_AUX = frozenset("has have had will would is was could should must may might can cannot did does been also already".split())
_MODAL = frozenset("has have had will would could should must may might can cannot did does".split())
_ACTOR_VERBS = frozenset(
    """said says say denied denies deny blamed blames blame accused accuses accuse announced announces
    warned warns rejected rejects condemned condemns insisted insists called calls urged urges
    claimed claims stated responded confirmed confirms considers considered demanded demands wants
    wanted supports supported backs opposed opposes agreed agrees refused refuses hopes hoped believes
    believed sees regards views sent sends launched decided vowed threatened pledged promised welcomed
    reacted dismissed stressed expressed reiterated maintains maintained argues argued asked told
    informed notified insist deny reject accuse blame condemn warn urge support oppose want agree
    refuse seek seeks sought sought intervened intervene intends intended plans planned recognized
    recognised struck strikes bombed hit deployed ordered approved signed vetoed veto vetoes
    proposed offered imposed sanctioned expelled recalled summoned criticized criticised protested
    denounced slammed dismisses described describes praised thanked saying insisting accusing
    denying claiming warning arguing blaming demanding urging calling rejecting""".split()
)
_GENERIC_GLUE = frozenset("- of from and linked affiliated allied loyal to 's the".split())


# --------------------------------------------------------------------------- loading

_ENTRY_KEYS = {"name", "group", "aliases", "adjectives", "metonyms", "generic", "from", "until"}
_ALIAS_KEYS = {"text", "case", "from", "until"}


def _parse_date(value: Any, path: Path, entry: str, key: str) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise entry_error(path, entry, f"{key} must be a date written YYYY-MM-DD, got {value!r}")


def _normalise_entry(raw: Any, path: Path, index: int, groups: Sequence[str] = GROUP_IDS) -> dict[str, Any]:
    label = f"#{index + 1}"
    if not isinstance(raw, dict):
        raise entry_error(path, label, f"each actor must be a mapping with name, group and aliases, got {type(raw).__name__}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise entry_error(path, label, "needs a non-empty string 'name'")
    name = name.strip()
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise entry_error(path, name, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(sorted(_ENTRY_KEYS))}")
    group = raw.get("group")
    if group not in groups:
        raise entry_error(path, name, f"unknown group id {group!r}; use one of {', '.join(groups)}")
    start = _parse_date(raw.get("from"), path, name, "from")
    until = _parse_date(raw.get("until"), path, name, "until")
    if start and until and start > until:
        raise entry_error(path, name, f"'from' {start} is after 'until' {until}")
    if "generic" in raw and not isinstance(raw["generic"], bool):
        raise entry_error(path, name, f"'generic' must be true or false, got {raw['generic']!r}")
    out: dict[str, Any] = {"name": name, "group": group, "generic": bool(raw.get("generic", False))}
    for kind in ("aliases", "adjectives", "metonyms"):
        items = raw.get(kind, [])
        if items is None:
            items = []
        if not isinstance(items, list):
            raise entry_error(path, name, f"'{kind}' must be a list, got {type(items).__name__}")
        specs = []
        for item in items:
            if isinstance(item, dict):
                bad = set(item) - _ALIAS_KEYS
                if bad:
                    raise entry_error(path, name, f"unknown key(s) {', '.join(sorted(map(str, bad)))} in an item of '{kind}'; allowed: {', '.join(sorted(_ALIAS_KEYS))}")
                text = item.get("text")
                case = item.get("case", "insensitive")
                if case not in ("sensitive", "insensitive"):
                    raise entry_error(path, name, f"case must be 'sensitive' or 'insensitive', got {case!r}")
                a_start = _parse_date(item.get("from"), path, name, "from") or start
                a_until = _parse_date(item.get("until"), path, name, "until") or until
            else:
                text, case, a_start, a_until = item, "insensitive", start, until
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str):
                raise entry_error(path, name, f"each item of '{kind}' must be a string or a mapping with 'text', got {type(text).__name__}")
            if not text.strip() or not _alias_tokens(text):
                raise entry_error(path, name, f"empty pattern in '{kind}'")
            specs.append({"text": text.strip(), "case": case, "from": a_start, "until": a_until})
        out[kind] = specs
    if not (out["aliases"] or out["adjectives"] or out["metonyms"]):
        raise entry_error(path, name, "has no aliases, adjectives or metonyms")
    return out


def _alias_key(spec: dict[str, Any]) -> tuple[str, ...]:
    toks = tuple(t.raw for t in _alias_tokens(spec["text"]))
    return toks if spec["case"] == "sensitive" else tuple(t.lower() for t in toks)


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    lo = max(a["from"] or _dt.date.min, b["from"] or _dt.date.min)
    hi = min(a["until"] or _dt.date.max, b["until"] or _dt.date.max)
    return lo <= hi


def load_actor_dictionary(paths: str | Path | Sequence[str | Path] | None = None) -> ActorDictionary:
    """Load and validate an actor dictionary.

    Args:
        paths: ``None`` for the bundled ``actors.yml``; a path; or a list of paths, where later
            files extend the earlier ones (an entry with the same ``name`` replaces the earlier
            entry; ``heads`` and ``head_modifiers`` are added). To extend the bundled file,
            pass ``[lexicon_path("actors"), "my_actors.yml"]``.

    Returns:
        A compiled :class:`ActorDictionary`.

    Raises:
        LexiconError: a file is missing or malformed (unknown group id, duplicate alias in
            overlapping periods, empty pattern, bad date, wrong type), naming file and entry.

    Example:
        >>> d = load_actor_dictionary()
        >>> d.actor_groups["Vladimir Putin"]
        'RUSSIA'
    """
    if paths is None:
        files = [lexicon_path("actors")]
    elif isinstance(paths, (str, Path)):
        files = [Path(paths)]
    else:
        files = [Path(p) for p in paths]
    entries: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    heads: list[str] = []
    modifiers: list[str] = []
    state_only: list[str] = []
    places: list[str] = []
    groups: list[str] = list(GROUP_IDS)
    for path in files:
        try:
            data = load_yaml(path)
        except ValueError as exc:  # yaml turns an impossible date (2016-13-01) into ValueError
            raise LexiconError(f"{path}: cannot read the lexicon ({exc}); write dates as YYYY-MM-DD") from None
        unknown = set(data) - {"actors", "heads", "head_modifiers", "groups", "state_only_heads", "place_names"}
        if unknown:
            raise entry_error(path, ", ".join(sorted(map(str, unknown))), "unknown top-level key; allowed: actors, groups, heads, head_modifiers, state_only_heads, place_names")
        declared = data.get("groups")
        if declared is not None:
            if not isinstance(declared, list) or not all(isinstance(g, str) and g.strip() for g in declared):
                raise entry_error(path, "groups", "must be a list of group ids (non-empty strings)")
            groups.extend(g.strip() for g in declared if g.strip() not in groups)
        for key, target in (("heads", heads), ("head_modifiers", modifiers), ("state_only_heads", state_only), ("place_names", places)):
            items = data.get(key) or []
            if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
                raise entry_error(path, key, "must be a list of non-empty strings")
            target.extend(items)
        actors = data.get("actors")
        if not isinstance(actors, list):
            raise entry_error(path, "actors", f"must be a list of actor entries, got {type(actors).__name__}")
        seen_here: set[str] = set()
        for index, raw in enumerate(actors):
            e = _normalise_entry(raw, path, index, groups)
            if e["name"] in seen_here:
                raise entry_error(path, e["name"], "listed twice in the same file; merge the two entries")
            seen_here.add(e["name"])
            entries.pop(e["name"], None)
            entries[e["name"]] = e
            origin[e["name"]] = path
    # duplicate aliases: same text and case in overlapping periods
    owners: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for e in entries.values():
        for kind in ("aliases", "adjectives", "metonyms"):
            for spec in e[kind]:
                key = (kind,) + _alias_key(spec)
                for other_name, other in owners[key]:
                    if _overlap(spec, other):
                        where = origin[e["name"]]
                        if other_name == e["name"]:
                            problem = f"alias {spec['text']!r} is listed twice"
                        else:
                            problem = (f"alias {spec['text']!r} is already used by {other_name!r}"
                                       f" ({origin[other_name]}) in an overlapping period; remove one or add from/until dates")
                        raise entry_error(where, e["name"], problem)
                owners[key].append((e["name"], spec))
    return ActorDictionary(list(entries.values()), heads, modifiers, [str(f) for f in files],
                           state_only_heads=state_only, place_names=places)


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The bundled actor dictionary, loaded once.

    Example:
        >>> default_dictionary().actor_groups["SANA"]
        'SYR_GOV'
    """
    return load_actor_dictionary()


# --------------------------------------------------------------------------- mentions and roles

_SAY = (
    r"says?|said|saying|told|tells|stated|announced|announces|accused|accuses|accusing|"
    r"claimed|claims|claiming|denied|denies|denying|reported|reports|reporting|added|adds|noted|"
    r"notes|warned|warns|confirmed|confirms|insisted|insists|declared|declares|stressed|stresses|"
    r"blamed|blames|blaming|condemned|condemns|explained|explains|quoted|quotes|cited|cites|"
    r"urged|urges|called|calls|documented|documents|estimated|estimates|revealed|reveals|"
    r"pointed out|points out|affirmed|affirms|asserted|asserts|alleged|alleges|tweeted|wrote|writes|"
    r"indicated|indicates|mentioned|recorded|records|counted|put the toll|put the death toll|"
    r"raised the (?:death )?toll|gave (?:a|the) (?:death )?toll|"
    r"described|describes|argued|argues|acknowledged|admitted|vowed|threatened|rejected|rejects|"
    r"dismissed|welcomed|expressed|demanded|demands|repeated|reiterated"
)
_VIOLENT = (
    r"attack(?:s|ed|ing)?|shell(?:s|ed|ing)|bomb(?:s|ed|ing)?|bombard(?:s|ed|ing)|strik(?:e|es|ing)|"
    r"struck|kill(?:s|ed|ing)?|target(?:s|ed|ing)?|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|"
    r"pound(?:s|ed|ing)?|hit(?:s|ting)?|raid(?:s|ed|ing)?|fir(?:e|es|ed|ing)|launch(?:es|ed|ing)?|"
    r"executed?|execut(?:es|ing)|massacred?|ambush(?:es|ed|ing)?|storm(?:s|ed|ing)?|"
    r"overr(?:a|u)n(?:s|ning)?|advanc(?:e|es|ed|ing)|recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|"
    r"retook|took control|take control|took over|besieg(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|"
    r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|shot|shoot(?:s|ing)?|abduct(?:s|ed|ing)?|"
    r"kidnap(?:s|ped|ping)?|blew up|detonated|clash(?:es|ed)? with|fought|fight(?:s|ing)?|"
    r"targeting|assault(?:s|ed|ing)?|drop(?:s|ped|ping)?|dropp?ed|used|gassed|"
    r"liberat(?:e|es|ed|ing)|encircl(?:e|es|ed|ing)|push(?:es|ed)? into|entered|"
    r"carried out|conducted|committed|perpetrated|battl(?:e|es|ed|ing)|repel(?:s|led|ling)|repuls(?:e|es|ed|ing)|"
    r"thwart(?:s|ed|ing)?|foil(?:s|ed|ing)?|inflict(?:s|ed|ing)?|dealt|establish(?:es|ed|ing)? (?:full )?control|"
    r"regain(?:s|ed|ing)? control"
)
_ADV = r"(?:\s+(?:\w+ly|also|reportedly|allegedly|have|has|had|were|was|is|are|be|been|on \w+day|later|then|again|had been|continued to|continue to|began|begun|to))*"
_SPEAKER_AFTER = re.compile(rf"^(?:[^.;:\"“”]{{0,60}}?,\s*)?{_ADV}\s*(?:{_SAY})\b", re.I)
_SPEAKER_BEFORE = re.compile(
    r"(?:according to|said|says|quoted|quoting|cited|citing|reported by|statement by|statement from|sources? (?:at|in|from))\s+(?:the\s+|a\s+)?$"
    r"|according to [^.;]{0,60}\b(?:and|or)\s+(?:the\s+|a\s+)?$",  # "according to X and the Observatory"
    re.I,
)
#: "said X" / "says X" before a mention that goes on with a deed: "the army says rebels killed ..."
_SAID_BEFORE = re.compile(r"\b(?:said|says)\s+(?:that\s+)?(?:the\s+|a\s+)?$", re.I)
_SAY_LOWER = rf"(?:{_SAY})"
#: A title, a name or an organisation noun between the mention and a verb of saying:
#: "Observatory director Rami Abdel Rahman said", "SANA news agency reported", "the Syrian
#: Observatory for Human Rights said". Capitalised words must be capitalised; the verb lower case.
_SPEAKER_ORG_TAIL = re.compile(
    rf"^(?:\s+(?i:news agency|agency|television|tv|media|channel|broadcaster|correspondents?|reporters?|website|office|ministry|command)){{1,3}}"
    rf"(?i:{_ADV})\s*(?:{_SAY_LOWER})\b"
)
_SPEAKER_NAME_TAIL = re.compile(
    rf"^(?:\s+(?:[A-Z][\w'’.-]*|of|for|al|bin|el|(?i:director|head|chief|chairman|spokes(?:man|woman|person)|officials?|sources?|"
    rf"activists?|members?|correspondent|representative|envoy|minister|commander|coordinator|founder|president)))"
    rf"{{1,7}}?(?i:{_ADV})\s*(?:{_SAY_LOWER})\b"
)
_SPEAKER_OWN = re.compile(r"^(?:['’]?s?\s+)?(?:\w+\s+){0,2}?(?:statement|spokes(?:man|woman|person)|said|announcement|report|communique|bulletin|website|account|tally|count|figures|documentation|sources?)\b", re.I)
_AGENT_AFTER = re.compile(rf"^(?:\s+[\w'’-]+){{0,3}}?{_ADV}\s+(?!wounded|injured|hurt|killed\s+(?:in|by|on|at|when|during|after)\b)(?:{_VIOLENT})\b", re.I)
#: "were behind the attack", "is responsible for": the perpetrator.
_AGENT_RESP = re.compile(r"^\s+(?:\w+ly\s+)?(?:was|were|is|are|had been|has been|have been)\s+(?:\w+ly\s+)?(?:behind|responsible for)\b", re.I)
_VICTIM_CUES = re.compile("includ|among|most|mainly|majority", re.I)  # cheap tests before the costly searches
_HEAD_CUES = re.compile("oppon|critic|enem|foe|rival|support|alli|ally|backer|loyal|friend", re.I)
#: "most of them children", "the casualties included women": victims counted.
_VICTIMS_BEFORE = re.compile(
    r"\b(?:including|included|include|among them|among whom|most of them(?: are| were)?|mostly|mainly|majority of them(?: are| were)?)\s+"
    r"(?:at least\s+|some\s+)?(?:\d+\s+|\w+\s+)?(?:\w+\s+(?:and|or)\s+)?$", re.I)
_CASUALTY_WORD = re.compile(r"\b(?:killed|killing|dead|died|deaths?|wounded|injured|injuring|casualties|victims|toll)\b", re.I)
#: "targeted positions of IS", "the killing of a pilot": the object of violence.
_TARGET_OBJECT = re.compile(
    rf"\b(?:{_VIOLENT})\b[^.;]{{0,80}}\b(?:positions?|points?|hideouts?|gatherings?|sites?|targets?|posts?|fortifications?|headquarters|"
    rf"bases?|vehicles?|convoys?|stations?|depots?|strongholds?|dens|command cent(?:er|re)s?|members|fighters|militants)\s+(?:of|for|belonging to)\s+(?:the\s+)?$"
    r"|\b(?:killing|killings|murder|assassination|execution|abduction|kidnapping|beheading)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
_PLACE_ADJ = re.compile(r"[-\s](?:held|controlled|run|dominated|besieged)$", re.I)
_BY_BEFORE = re.compile(rf"\b(?:{_VIOLENT}|killed|carried out|conducted|launched|attacks?|strikes?|shelling|bombardment|raids?|fire|offensive|assault|massacre|operation|execution|killing|murder|assassination|aggression|crimes|violations|atrocities|abuses|injustices|siege)\b[^.;]{{0,40}}\bby\s+(?:the\s+|a\s+)?(?:\w+\s+)?$", re.I)
#: "confirmed by the UN", "documented by HRW": the source, not the perpetrator.
_SAID_BY = re.compile(r"\b(?:confirmed|reported|documented|announced|denied|condemned|stated|published|released|quoted|cited|recorded|verified)\s+by\s+(?:the\s+|a\s+)?$", re.I)
#: "opponents of President Assad said": the opponents speak, not Assad.
_HEAD_OF = re.compile(r"\b(?:opponents?|critics?|enemies|enemy|foes?|rivals?|supporters?|allies|ally|backers?|opposition to|loyal to|loyalists?|friends?)\s+(?:of\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
#: A passive "was condemned", "were accused": the mention is not the one speaking.
_PASSIVE_AFTER = re.compile(r"^\s+(?:\w+ly\s+)?(?:was|were|is|are|been|being|has been|have been|had been)\s+(?:\w+ly\s+)?(?!quoted|cited)\w+ed\b", re.I)
#: "activists in the area said", "Activists in Douma said" (not "... in Aleppo said the source").
_SPEAKER_LOC = re.compile(
    rf"^\s+(?:in|on|from|inside)\s+(?:the\s+)?(?:area|ground|town|city|region|province|village|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
    rf"(?i:{_ADV})\s*(?:{_SAY})\b(?!\s+(?:the|a|an)\b)"
)
#: "terrorists positioned in X targeted ...": the participle phrase before the deed.
_AGENT_POSITIONED = re.compile(
    rf"^\s+(?:positioned|stationed|deployed|based|entrenched|holed up|present)\s+(?:in|at|on|near|inside)\s+(?:[\w'’-]+\s+){{1,4}}?(?:{_VIOLENT})\b", re.I)
_AGENT_SURFACE = re.compile(r"\b(?:jets?|warplanes?|aircraft|planes?|helicopters?|drones?|air ?strikes?|strikes?|shelling|bombardment|bombing|raids?|artillery|missiles?|rockets?|barrel bombs?|offensive|tanks|gunships|bombers|attacks?|fire|shells|snipers?)$", re.I)
_AGENT_NEXT = re.compile(r"^(?:['’]s?|s)?\s+(?:(?:and|or)\s+[A-Z][\w-]*\s+)?(?:(?:[A-Z][\w-]*|[\w]+-[\w-]+|air|aerial|artillery|rocket|mortar|heavy|military|government|regime|coalition|army|missile|tank)\s+)?(?:jets?|warplanes?|aircraft|planes?|helicopters?|drones?|air ?strikes?|airstrikes|strikes?|shelling|bombardment|bombing|raids?|artillery|missiles?|rockets?|barrel bombs?|offensive|tanks|gunships|bombers|fire|snipers?|attacks?)\b", re.I)
_TARGET_BEFORE = re.compile(rf"\b(?:{_VIOLENT}|against|on|at|targeting|toward|towards)\s+(?:the\s+|at least\s+|\d+\s+|some\s+|dozens of\s+|hundreds of\s+|several\s+|many\s+|two|three|four|five|six|seven|eight|nine|ten)*(?:\w+\s+)?$", re.I)
_TARGET_AFTER = re.compile(
    r"^(?:[^.;]{0,30}?)\s+(?:were|was|have been|has been|had been|being|are|is)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|executed|massacred|targeted|attacked|shelled|bombed|hit|slain|shot|abducted|kidnapped|besieged)\b"
    r"|^\s+(?:dead|died|casualties|deaths|fatalities|victims|death toll)\b"
    r"|^\s+(?:(?:were|are|was|is)\s+)?among\s+(?:them|the (?:dead|victims|casualties|killed|wounded|injured))\b"
    r"|^(?:[^.;]{0,30}?)\s+(?:were|was|are|is)\s+among\s+(?:those\s+|the\s+)?(?:killed|dead|wounded|injured|victims|casualties|fatalities)\b"
    # a headline's "X killed in ...", but not the active "X killed 20 people"
    r"|^\s+(?:killed|wounded|injured|hurt)\b(?!\s+(?:\d|at least|more than|over|nearly|almost|about|around|some|up to|dozens|scores|hundreds|thousands|several|the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|many|its|their|his|her|civilians|people|members|fighters|soldiers|rebels|militants|terrorists|children|women))",
    re.I,
)
_TARGET_TIGHT = re.compile(rf"\b(?:{_VIOLENT}|against|targeting)\s+(?:the\s+|at least\s+|more than\s+|\d+\s+|dozens of\s+|scores of\s+|hundreds of\s+|several\s+){{0,3}}(?:[\w]+-[\w-]+\s+)?(?:positions of\s+(?:the\s+)?)?$", re.I)


_SPEAKER_I = re.compile(f"(?:{_SPEAKER_OWN.pattern})|(?:{_SPEAKER_AFTER.pattern})", re.I)
_SPEAKER_CS = re.compile(f"(?:{_SPEAKER_NAME_TAIL.pattern})|(?:{_SPEAKER_LOC.pattern})")
_AGENT_ANY = re.compile(f"(?:{_AGENT_AFTER.pattern})|(?:{_AGENT_RESP.pattern})|(?:{_AGENT_POSITIONED.pattern})", re.I)


def mention_role(sentence: str, start: int, end: int) -> str:
    """The role of the actor mentioned at ``sentence[start:end]``.

    ``speaker`` (subject of a verb of saying, "according to X", "X's statement"), ``agent``
    (subject of a violence verb, "by X" after one, "X jets"), ``target`` (object of a violence
    verb, "X were killed", "against X"), else ``other``.

    Example:
        >>> s = "Russian jets bombed the town, the Observatory said."
        >>> mention_role(s, 0, 12), mention_role(s, 30, 45)
        ('agent', 'speaker')
    """
    before = sentence[max(0, start - 80) : start]
    after = sentence[end : end + 90]
    surface = sentence[start:end]
    if _PLACE_ADJ.search(surface):
        return "other"  # "rebel-held", "government-controlled": a place, not the actor acting
    tail = before[-45:]
    if _VICTIM_CUES.search(tail) and _VICTIMS_BEFORE.search(before) and _CASUALTY_WORD.search(sentence):
        return "target"  # "the casualties included women", "most of them children"
    by = ("by " in tail) and _BY_BEFORE.search(before)  # a cheap test first: these are rare
    if by and _SAID_BY.search(before):
        return "speaker"  # "the attack was confirmed by the UN"
    if by and not _SPEAKER_BEFORE.search(before):
        return "agent"  # "the execution of the pilot by Nusra, said a rebel"
    tight = None  # computed when needed: the search is costly
    if _HEAD_CUES.search(tail) and _HEAD_OF.search(before):
        return "other"  # "opponents of Assad said": the opponents act, not Assad
    if _PASSIVE_AFTER.match(after):
        pass  # "IS was condemned by ...": not IS speaking
    elif _SPEAKER_BEFORE.search(before):
        if not (_SAID_BEFORE.search(before) and (_AGENT_AFTER.match(after) or _TARGET_AFTER.match(after))):
            return "speaker"  # but "the army says rebels killed a pilot": the rebels act
    elif _SPEAKER_I.match(after) or _SPEAKER_ORG_TAIL.match(after):
        return "speaker"
    elif _SPEAKER_CS.match(after):
        tight = not by and _TARGET_TIGHT.search(before)
        if not tight:
            return "speaker"  # "Observatory director X said", not "killed 20 rebels Observatory head X said"
    if tight is None:
        tight = not by and _TARGET_TIGHT.search(before)
    if tight or (("of " in tail[-25:] or "for " in tail[-12:] or "to " in tail[-8:]) and _TARGET_OBJECT.search(before)):
        return "target"  # "struck IS targets", "killing three civilians", "positions of IS"
    if _AGENT_SURFACE.search(surface) or _AGENT_NEXT.match(after):
        return "agent"  # "Russian air strikes", "the coalition bombing of Raqqa"
    if _AGENT_ANY.match(after):
        if not _TARGET_AFTER.match(after):
            return "agent"
    if _TARGET_AFTER.match(after) or _TARGET_BEFORE.search(before):
        return "target"
    return "other"


_BARE_COALITION = frozenset({"coalition", "the coalition", "coalitions", "the coalitions"})
_GENERIC_COALITION = re.compile(r"\b(?:a|an|new|broad|loose)\s+(?:[\w-]+\s+){0,2}coalitions?\b(?!.*coalition)|coalitions?\s+(?:of|between|with)\b", re.I)


def extract_mentions(sentences: Sequence[Any], *, dictionary: ActorDictionary | None = None, date: Any = None) -> list[dict[str, Any]]:
    """Actor mentions with roles in the sentences of one document.

    Args:
        sentences: the :class:`~analysis.text.Sentence` list of one document
            (from :func:`analysis.text.document_sentences`).
        dictionary: an :class:`ActorDictionary`; the bundled one by default.
        date: the report's date, for date-limited aliases.

    Returns:
        One dict per mention with the keys of :data:`MENTION_COLUMNS`; ``start``/``end`` are
        offsets in the part's text (title or body).

    Example:
        >>> from analysis.text import document_sentences
        >>> rows = extract_mentions(document_sentences("d", None, "Regime jets hit Douma, activists said."))
        >>> [(r["surface"], r["actor_id"], r["role"]) for r in rows]
        [('Regime', 'SYR_GOV', 'agent'), ('activists', 'MONITOR_NGO', 'speaker')]
    """
    d = dictionary or default_dictionary()
    date = _as_date(date)  # once, not per sentence
    rows: list[dict[str, Any]] = []
    generic_rows: list[int] = []
    definite: set[int] = set()
    last_coalition: str | None = None
    seen_isis = False
    found = [(s, _with_medical(s.text, d.find(s.text, date=date), d)) for s in sentences]
    # a bare "Coalition" before the coalition is named (a headline) follows the first one named
    first_coalition = next((m.actor for _, ms in found for m in ms
                            if "coalition" in m.surface.lower() and m.surface.lower() not in _BARE_COALITION), None)
    for s, matches in found:
        for m in matches:
            actor, group = m.actor, m.actor_id
            low = m.surface.lower()
            if low in _BARE_COALITION:
                if _GENERIC_COALITION.search(s.text[max(0, m.start - 40) : m.end + 4]) or m.surface.lower().endswith("coalitions"):
                    continue  # "a coalition of rebel groups": no particular coalition
                if m.surface[:1].isupper() and _NAME_BEFORE.search(s.text, max(0, m.start - 40), m.start) and not any(
                        o.end >= m.start - 1 and o.start < m.start for o in matches if o is not m):
                    continue  # "the Stop the War Coalition": part of a name the dictionary lacks
                # "the coalition": the coalition named last (or first), else the anti-IS one after IS context
                if last_coalition is None and first_coalition is not None:
                    last_coalition = first_coalition
                if last_coalition is not None:
                    actor, group = last_coalition, d.actor_groups.get(last_coalition, group)
                elif seen_isis and group != "USA" and "United States" in d.actor_groups:
                    actor, group = "United States", "USA"
            elif "coalition" in low:
                last_coalition = actor
            if group == "ISIS":
                seen_isis = True
            if actor in d.generic_actors:
                if _in_scare_quotes(s.text, m.start, m.end):
                    continue  # 'two "terrorists" attacked': the outlet quoting a label
                window = s.text[max(0, m.start - 30) : m.start]
                if not _OTHER_BEFORE.search(window):
                    generic_rows.append(len(rows))  # not "al-Nusra and other armed groups"
                    if _DEFINITE_BEFORE.search(window):
                        definite.add(len(rows))
            rows.append({
                "doc_id": s.doc_id, "part": s.part, "sent_id": s.sent_id,
                "start": s.start + m.start, "end": s.start + m.end, "surface": m.surface,
                "actor": actor, "actor_id": group, "role": mention_role(s.text, m.start, m.end),
                "sentence": s.text,
            })
    if generic_rows:
        _resolve_generic(rows, generic_rows, d, definite)
    return rows


#: Groups a generic word ("militants", "terrorists") can refer to when the report names them.
_ARMED_NONSTATE = ("ISIS", "JIHADIST", "KURDISH", "SYR_OPP", "HEZBOLLAH")


def _resolve_generic(rows: list[dict[str, Any]], generic_rows: list[int], d: ActorDictionary, definite: set[int]) -> None:
    """Point a generic mention at the armed group named in the same sentence (the last one before
    it, else the first after it), else, for a definite one (index in ``definite``), at the last
    one named in the previous sentence ("IS attacked the base. The jihadists ..."); otherwise it keeps the dictionary's group (for the
    bundled dictionary, the armed opposition: pro-government outlets' "terrorists"). "Other
    militants" are not the group just named."""
    generic = set(generic_rows)
    by_sent: dict[tuple[str, int], list[int]] = defaultdict(list)
    order: dict[tuple[str, int], int] = {}
    for k, r in enumerate(rows):
        order.setdefault((r["part"], r["sent_id"]), len(order))
        if k not in generic and r["actor_id"] in _ARMED_NONSTATE:
            by_sent[(r["part"], r["sent_id"])].append(k)
    sent_keys = {v: k for k, v in order.items()}
    for k in generic_rows:
        r = rows[k]
        key = (r["part"], r["sent_id"])
        named = by_sent.get(key)
        if named:
            before = [x for x in named if x < k]
            ref = rows[before[-1]] if before else rows[named[0]]
        else:
            prev = sent_keys.get(order[key] - 1)
            if k not in definite or prev is None or not by_sent.get(prev):
                continue
            ref = rows[by_sent[prev][-1]]
        r["actor"], r["actor_id"] = ref["actor"], ref["actor_id"]


_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+)?$", re.I)
_OTHER_BEFORE = re.compile(r"\bother\s+(?:\w+\s+)?$", re.I)
_NAME_BEFORE = re.compile(r"(?<=\S\s)(?!(?:The|A|An|Its|Their|His|Her)\s)[A-Z][\w'’-]*\s+$")
#: "a source at Daraa National Hospital", "the director of al-Razi hospital": a medical source.
_MEDICAL_SOURCE = re.compile(
    r"\b(?:(?:a|the|one)\s+)?(?:(?:medical|hospital)\s+)?(?:sources?|officials?|director|head|manager|staff|doctors?|physicians?|surgeons?|nurses?)"
    r"\s+(?:in|at|of|from)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?(?:hospital|clinic|field hospital|medical cent(?:er|re)|health cent(?:er|re))s?\b",
    re.I,
)


def _with_medical(text: str, matches: list[ActorMatch], d: ActorDictionary) -> list[ActorMatch]:
    """Add medical-source phrases ("a source at X hospital") that the dictionary's one-piece
    aliases miss, as the dictionary's actor for "medical sources" (if it has one)."""
    if "ospital" not in text and "linic" not in text and "entre" not in text and "enter" not in text:
        return matches
    target = _medical_actor(d)
    if target is None:
        return matches
    extra = []
    for m in _MEDICAL_SOURCE.finditer(text):
        if any(o.start < m.end() and m.start() < o.end and o.actor_id == target[1] for o in matches):
            continue
        extra.append(ActorMatch(m.start(), m.end(), m.group(), target[0], target[1]))
    if not extra:
        return matches
    kept = [o for o in matches if not any(e.start <= o.start and o.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda x: x.start)


def _medical_actor(d: ActorDictionary) -> tuple[str, str] | None:
    cached = getattr(d, "_medical_cache", False)
    if cached is False:
        found = d.find("medical sources")
        cached = (found[0].actor, found[0].actor_id) if found and found[0].surface == "medical sources" else None
        d._medical_cache = cached  # type: ignore[attr-defined]
    return cached


def _in_scare_quotes(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is wrapped in quotation marks on its own ("terrorists")."""
    return start > 0 and end < len(text) and text[start - 1] in "\"“'‘" and text[end] in "\"”'’"


def document_actor_ids(mentions: Iterable[dict[str, Any]]) -> set[str]:
    """The set of group ids mentioned in a document.

    Example:
        >>> sorted(document_actor_ids([{"actor_id": "UN"}, {"actor_id": "RUSSIA"}, {"actor_id": "UN"}]))
        ['RUSSIA', 'UN']
    """
    return {m["actor_id"] for m in mentions if m.get("actor_id")}


# --------------------------------------------------------------------------- unknown actors

CANDIDATE_COLUMNS = ["name", "count", "n_docs", "example_doc_id", "example_sentence"]

_LOCATIVE = re.compile(r"\b(?:in|near|outside|around|into|across|towards?|from|at|of the town of|of the city of|province of|countryside of)\s+(?:the\s+)?$", re.I)

_CAP_SEQ = re.compile(r"\b(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]{2,})(?:\s+(?:(?:al|el|bin|ibn|de|of|for|the|and)[-\s]+)?(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]{2,}))*")
_SKIP_WORDS = frozenset(
    """the a an this that these those it its he she they we i in on at by for from with after before
    but and or as if when while since during meanwhile however also there here his her their our
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun syria syrian syrians middle east news photo video related read more
    according today yesterday earlier later last next some many several most one two three four
    five six seven eight nine ten other others following all both each local more security""".split()
)


def actor_candidates(sentence_lists: Iterable[Sequence[Any]], *, dictionary: ActorDictionary | None = None, min_count: int = 2, places: Iterable[str] = ()) -> "pd.DataFrame":
    """Frequent capitalised names that the actor dictionary does not cover.

    Capitalised word sequences ("Jaish al-Umma", "Abu Mohammad") are counted over all
    sentences, after dropping words covered by the dictionary, sentence-initial common words,
    months and weekdays, names in ``places`` (e.g. the corpus's locations), and names that
    mostly follow a locative preposition ("in X", "near X": places). Use it to find actors to
    add to a user dictionary.

    Args:
        sentence_lists: one Sentence list per document.
        dictionary: the actor dictionary; the bundled one by default.
        min_count: the minimum number of occurrences.
        places: place names to leave out (compared case-insensitively).

    Returns:
        A DataFrame with :data:`CANDIDATE_COLUMNS`, sorted by count (descending) then name.

    Example:
        >>> from analysis.text import document_sentences
        >>> docs = [document_sentences(f"d{i}", None, "The Lions Brigade attacked. SANA said so.") for i in range(2)]
        >>> actor_candidates(docs)[["name", "count", "n_docs"]].values.tolist()
        [['Lions Brigade', 2, 2]]
    """
    import pandas as pd

    d = dictionary or default_dictionary()
    skip_places = {p.lower() for p in places}
    known = {k for trie in (d._adj_trie, d._meto_trie, d._alias_trie) for k, v in trie.children.items() if v.aliases}
    drop = _SKIP_WORDS | known
    counts: Counter[str] = Counter()
    locative: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    example: dict[str, tuple[str, str]] = {}
    for sents in sentence_lists:
        for s in sents:
            text = s.text
            covered = bytearray(len(text))
            for m in d.find(text):
                covered[m.start : m.end] = b"\x01" * (m.end - m.start)
            if sum(c.isupper() for c in text) > 0.5 * max(1, sum(c.isalpha() for c in text)):
                continue  # an all-caps headline
            for m in _CAP_SEQ.finditer(text):
                if any(covered[m.start() : m.end()]):
                    continue
                words = m.group().split()
                words = [re.sub(r"(?:['’]s?|(?<=[a-z]{3})s)$", "", w) if w.lower().rstrip("s’'") in known else w for w in words]
                while words and words[0].lower().strip("’'") in drop:
                    words = words[1:]
                while words and words[-1].lower() in drop | {"of", "for", "the", "and", "al", "el", "de"}:
                    words = words[:-1]
                if not words or len(words) == 1 and text[: m.start()].strip(" \"“'‘(") == "":
                    continue  # a capitalised first word of a sentence is not a name
                name = re.sub(r"(?:['’]s|['’])$", "", " ".join(words))
                if name.lower() in skip_places or name.lower() in _SKIP_WORDS or len(name) < 3:
                    continue
                counts[name] += 1
                if _LOCATIVE.search(text, max(0, m.start() - 12), m.start()):
                    locative[name] += 1
                docs[name].add(s.doc_id)
                example.setdefault(name, (s.doc_id, text))
    rows = [
        {"name": n, "count": c, "n_docs": len(docs[n]), "example_doc_id": example[n][0], "example_sentence": example[n][1]}
        for n, c in counts.items() if c >= min_count and locative[n] * 2 < c  # mostly "in X": a place
    ]
    df = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    return df.sort_values(["count", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
