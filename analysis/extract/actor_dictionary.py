"""Actors: a dictionary of named parties, a fast matcher, and mentions with roles.

The actor dictionary (``analysis/resources/lexicons/actors.yml``, replaceable) maps names of the parties
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
    >>> from analysis.extract.actor_lexicon import default_dictionary
    >>> d = default_dictionary()
    >>> [(m.surface, m.actor_id) for m in d.find("Russian jets struck as Damascus denied it.")]
    [('Russian jets', 'RUSSIA'), ('Damascus', 'SYR_GOV')]
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple, Sequence

from ..errors import InputError
from ..resources.vocabulary import HAVE_FORMS, MODALS


class ActorMatch(NamedTuple):
    """One actor found in a text: character span, surface, canonical actor and group id."""

    start: int
    end: int
    surface: str
    actor: str
    actor_id: str


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


def alias_tokens(text: str) -> list[_Tok]:
    toks = [t for t in _tokens(text) if t.raw not in ("-", "–", "/")]
    return toks


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


class ActorDictionary:
    """Compiled actor dictionary: token tries for aliases, adjectives, heads and metonyms.

    Build it with :func:`load_actor_dictionary`; :meth:`find` returns :class:`ActorMatch`
    records. The object is immutable after construction and safe to share.
    """

    def __init__(self, entries: list[dict[str, Any]], heads: Iterable[str], head_modifiers: Iterable[str], sources: Sequence[str] = (),
                 *, state_only_heads: Iterable[str] = (), place_names: Iterable[str] = ()):
        self.sources = tuple(sources)
        self._state_only = frozenset(tuple(t.low for t in alias_tokens(h)) for h in state_only_heads)
        self._places = frozenset(tuple(t.low for t in alias_tokens(p)) for p in place_names)
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
                    toks = tuple(t.raw for t in alias_tokens(spec["text"]))
                    a = _Alias(e["name"], e["group"], kind, toks, spec["case"] == "sensitive",
                               spec["from"], spec["until"], bool(e.get("generic")), order)
                    order += 1
                    node = trie
                    for t in toks:
                        node = node.children.setdefault(t.lower(), _Node())
                    node.aliases.append(a)
        for h in list(heads) + list(state_only_heads):
            node = self._heads
            for t in alias_tokens(h):
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
            >>> from analysis.extract.actor_lexicon import default_dictionary
            >>> [m.actor for m in default_dictionary().find("Assads forces shelled Douma")]
            ['Bashar al-Assad']
        """
        day = as_date(date)
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

_MODAL = HAVE_FORMS | MODALS | {"did", "does"}
_AUX = _MODAL | {"is", "was", "been", "also", "already"}

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
