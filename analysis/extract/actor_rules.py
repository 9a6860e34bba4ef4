"""Actor matching rules: longest aliases, adjectives before heads, metonyms in actor contexts.

The rules :meth:`analysis.extract.actor_dictionary.ActorDictionary.find` applies over the
dictionary's tries (:class:`~analysis.extract.actor_trie.Tries`): an adjective counts only before
a head noun ("Russian jets", "Russian and Syrian warplanes", "Turkish-backed"); a metonym only as
an actor ("Moscow said", "backed by Ankara"), never as a place ("in Damascus"); an alias that is
also a place name is a place after "in" ("studied in Russia"); "anti-regime" is not the regime;
generic words ("terrorists") next to a named group are dropped ("Daesh terrorists").

Example:
    >>> from analysis.extract.actor_lexicon import default_dictionary
    >>> [m.surface for m in find_matches(default_dictionary().tries, "Damascus denied it, in Damascus.", None)]
    ['Damascus']
"""

from __future__ import annotations

import datetime as _dt
import re

from ..resources.packs import NOT_CLAIMING
from ..resources.vocabulary import HAVE_FORMS, MODALS
from .actor_trie import ActorMatch, Alias, Tok, Tries, head_end, tokens, walk


def find_matches(tr: Tries, text: str, day: _dt.date | None) -> list[ActorMatch]:
    """Every actor match in ``text`` (see :meth:`ActorDictionary.find`), uncached."""
    toks = tokens(text)
    upper = text.isupper()  # an all-caps headline: "IS" may be "is"
    out: list[tuple[int, int, Alias]] = []  # token spans
    i, n = 0, len(toks)
    first = tr.first
    while i < n:
        low = toks[i].low
        if low not in first and not (low.endswith("s") and low[:-1] in first):
            i += 1  # no alias, adjective or metonym starts with this word
            continue
        end, alias = walk(tr.aliases, toks, i, day, upper)
        chain = _adjective(tr, toks, i, day, upper)
        if chain and chain[-1][1] > end:
            if i > 1 and toks[i - 1].raw == "-" and toks[i - 2].low == "anti":
                i = chain[-1][1]
                continue
            out.extend(chain)
            i = chain[-1][1]
            continue
        if alias is None:
            m_end, meto = walk(tr.metonyms, toks, i, day, upper)
            if meto is not None and _metonym_is_actor(tr, toks, i, m_end):
                end, alias = m_end, meto
        if alias is None:
            i += 1
            continue
        if i > 1 and toks[i - 1].raw == "-" and toks[i - 2].low == "anti":
            i = end
            continue  # "anti-regime": not the regime
        if alias.kind == "alias" and i > 0 and toks[i - 1].low in _IN_PLACE and tr.places and \
                not (i > 1 and toks[i - 2].low in _BANNED) and \
                tuple(t.low for t in toks[i:end] if t.raw not in ("-", "–")) in tr.places:
            i = end
            continue  # "outlawed in Russia", "fled into Iran": a place
        if end + 1 < n and toks[end].raw == "-" and toks[end + 1].low == "based" and tr.kind(alias.group) != "monitor_ngo":
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
    out = _drop_generic(tr, toks, out)
    return [
        ActorMatch(toks[s].start, toks[e - 1].end, text[toks[s].start : toks[e - 1].end], a.actor, a.group)
        for s, e, a in out
    ]

def _adjective(tr: Tries, toks: list[Tok], i: int, day: _dt.date | None, upper: bool) -> list[tuple[int, int, Alias]]:
    """Adjectives from ``i`` that are followed by a head: "Russian and Syrian jets" gives
    ("Russian", Russia) and ("Syrian jets", the Syrian government); empty when no head follows."""
    end, adj = walk(tr.adjectives, toks, i, day, upper)
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
        h = head_end(tr.heads, toks, j)
        if h > 0 and tr.state_only and not _state_head_ok(tr, toks, chain[-1][1], j, h):
            return []  # "Lebanese TV channel": a country's media, not its state
        if h > 0:
            s0, _, a0 = chain[-1]
            chain[-1] = (s0, h, a0)
            return chain
        t = toks[j]
        if joined:
            e2, other = walk(tr.aliases, toks, j, day, upper)
            if other is not None and other.group != adj.group and not other.generic and tr.kind(other.group) != "civilians":
                # "Russian and regime forces", "Russian and Syrian government forces"
                h = head_end(tr.heads, toks, e2)
                chain.append((j, h if h > 0 else e2, other))
                return chain
        if t.low in tr.modifiers or t.raw in ("-", ",") or t.low in ("and", "or"):
            joined = joined or t.low in ("and", "or") or t.raw == ","
            j += 1
            steps += 1
            continue
        e2, other = walk(tr.adjectives, toks, j, day, upper)
        if other is None:
            e2, other = walk(tr.aliases, toks, j, day, upper)
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

def _state_head_ok(tr: Tries, toks: list[Tok], adj_end: int, j: int, h: int) -> bool:
    """A media head ("TV", "news agency") names a state only after "state", "official" or
    "government" before them ("Turkish state-run news agency", not "Lebanese TV channel")."""
    head = tuple(t.low for t in toks[j:h] if t.raw not in ("-", "–"))
    stripped = head[:-1] + (head[-1][:-1],) if head and head[-1].endswith("s") else head
    if head not in tr.state_only and stripped not in tr.state_only:
        return True
    return any(t.low in _STATE_WORDS for t in toks[adj_end:j])

def _metonym_is_actor(tr: Tries, toks: list[Tok], i: int, end: int) -> bool:
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
    if nxt in _METONYM_NOUNS or head_end(tr.heads, toks, end) > 0 and nxt not in _NOT_HEAD_AFTER_PLACE:
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
        e2, m2 = walk(tr.metonyms, toks, j, None, False)
        if m2 is None:
            e2, m2 = walk(tr.aliases, toks, j, None, False)
        if m2 is not None:
            j = e2
            steps += 1
            continue
        break
    return False

def _drop_generic(tr: Tries, toks: list[Tok], out: list[tuple[int, int, Alias]]) -> list[tuple[int, int, Alias]]:
    """Drop generic aliases ("terrorists", "militants") next to a named actor ("Daesh terrorists")."""
    if not any(a.generic for _, _, a in out):
        return out
    keep = []
    for k, (s, e, a) in enumerate(out):
        if a.generic:
            near = False
            for s2, e2, a2 in out[max(0, k - 2) : k + 3]:
                if a2.generic or tr.kind(a2.group) in NOT_CLAIMING:
                    continue
                gap = _outside_parentheses(toks, range(e2, s) if e2 <= s else range(e, s2))
                if len(gap) <= 3 and all(toks[g].low in _GENERIC_GLUE for g in gap):
                    near = True
                    break
            if near:
                continue
        keep.append((s, e, a))
    return keep


def _outside_parentheses(toks: list[Tok], gap: range) -> list[int]:
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
