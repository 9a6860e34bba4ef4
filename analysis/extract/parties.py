"""Parties without a dictionary: generic party phrases as mentions with a kind, resolved by context.

Where no entry of the run's conflict pack matches, the common nouns of ``parties.yml``
("security forces", "gunmen", "medics", "residents") still name a party: each becomes a
mention whose ``actor`` is the phrase's canonical form and whose ``kind`` is the phrase's. Its
group (``actor_id``) is what the report's context says, in this order (:func:`resolve_parties`):

1. for a definite phrase ("the ministry", "the guerrillas"), the party of the last mention with
   the same head noun in its sentence or the three before ("the Russian Defence Ministry ...
   the ministry said", "FMLN guerrillas ... the guerrillas");
2. the last group of the same kind named earlier in its sentence, else the first one after;
3. for a definite phrase, the last one of that kind named in the previous sentence;
4. the one group of that kind that the pack places in the phrase's country: the country of a
   place word right before it ("Salvadoran guerrillas"), else the report's (the country whose
   place words, ``countries:`` in ``pack.yml``, the report names first: its dateline), for a
   state word one of the pack's own states;
5. the pack's ``fallback`` group for the kind; else none (the kind alone is known: in the Syria
   pack "warplanes" alone may be Syrian or Russian, and stays without a group).

Example:
    >>> from analysis.extract.actor_lexicon import default_dictionary
    >>> m = party_matcher()
    >>> [(x.surface, x.actor, x.actor_id) for x in m.find("Gunmen shot two policemen near the police station.", [])]
    [('Gunmen', 'gunmen', 'armed_nonstate'), ('policemen', 'police', 'state')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from ..resources.packs import Pack
from ..resources.registry import lexicon_path
from .actor_dictionary import ActorMatch
from .actor_lexicon import load_parties
from .actor_trie import Alias, Node, Tok, alias_tokens, insert, tokens, walk

#: A definite determiner right before a phrase ("the troops", "these guerrillas", "its fighters").
_DEFINITE = re.compile(r"\b(?:the|these|those|its|their)\s+(?:[\w-]+\s+)?$", re.I)


class PartyMatcher:
    """The generic party phrases compiled into a token trie (``actor_id`` of a match = its kind)."""

    def __init__(self, entries: Sequence[dict[str, Any]], modifier_nouns: frozenset[str]):
        self._trie = Node()
        for order, e in enumerate(entries):
            for text in e["aliases"]:
                toks = tuple(t.raw for t in alias_tokens(text))
                insert(self._trie, Alias(e["name"], e["kind"], "alias", toks, False, None, None, True, order))
        self._modifiers = modifier_nouns
        self.kinds = {e["name"]: e["kind"] for e in entries}

    def find(self, text: str, taken: Sequence[tuple[int, int]]) -> list[ActorMatch]:
        """Generic party phrases in ``text`` outside the character spans ``taken`` (the pack's
        matches), not right after one ("Red Cross officials": the Red Cross's), nor before a modifier noun
        ("police station"); longest first."""
        toks = tokens(text)
        out: list[ActorMatch] = []
        i = 0
        while i < len(toks):
            if not toks[i].raw[:1].isalnum():
                i += 1  # a phrase starts on a word, not on a hyphen ("anti-government")
                continue
            end, alias = walk(self._trie, toks, i, None, False)
            if alias is None or _inside(toks[i].start, toks[end - 1].end, taken) or _after_name(text, toks[i], taken) \
                    or (end < len(toks) and toks[end].low in self._modifiers) or _against(toks, i) \
                    or _tag(text, toks[i].start, toks[end - 1].end):
                i = i + 1 if alias is None else end
                continue
            s, e = toks[i].start, toks[end - 1].end
            out.append(ActorMatch(s, e, text[s:e], alias.actor, alias.group))
            i = end
        return _heads_only(text, out, taken)


def _heads_only(text: str, found: list[ActorMatch], taken: Sequence[tuple[int, int]]) -> list[ActorMatch]:
    """Drop a phrase that directly precedes another party ("jihadist fighters", "rebel
    commanders"): it modifies the head after it, which names the party."""
    starts = [a for a, _ in taken] + [m.start for m in found]
    return [m for m in found if not any(0 < x - m.end <= 2 and not text[m.end:x].strip(" -") for x in starts)]


def _tag(text: str, start: int, end: int) -> bool:
    """A phrase that fills a pair of brackets on its own ("[REPORTER]", "[ANNOUNCER]"): a
    transcript's speaker turn or a format label, not a party in the story."""
    return text[start - 1 : start] == "[" and text[end : end + 1] == "]"


def _against(toks: Sequence[Tok], i: int) -> bool:
    """"anti-government", "pro-government": a stance, not the party."""
    return i > 1 and toks[i - 1].raw == "-" and toks[i - 2].low in ("anti", "pro", "non")


def _inside(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in taken)


def _after_name(text: str, tok: Tok, taken: Sequence[tuple[int, int]]) -> bool:
    """Whether a pack match ends right before ``tok`` (only spaces, a hyphen or "'s" between)."""
    return any(0 <= tok.start - b <= 3 and not text[b:tok.start].strip(" -'’s") for _, b in taken)


def party_matcher(path: str | Path | None = None) -> PartyMatcher:
    """The compiled generic party phrases of ``parties.yml`` (default: the bundled file), cached."""
    p = Path(path) if path is not None else lexicon_path("parties")
    return _matcher(str(p.resolve()), p.stat().st_mtime)


@lru_cache(maxsize=4)
def _matcher(path: str, mtime: float) -> PartyMatcher:
    data = load_parties(path)
    return PartyMatcher(data["entries"], data["modifier_nouns"])


# --------------------------------------------------------------------------- resolution


def report_country(sentences: Sequence[Any], pack: Pack | None) -> str | None:
    """The country of a report: the first one (``countries:`` of the pack) whose place word it names.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> from analysis.resources.packs import load_pack
        >>> report_country(document_sentences("d", None, "LIMA, 2 MAY 90 -- Troops fired."), load_pack("muc4"))
        'Peru'
    """
    if pack is None or not pack.countries:
        return None
    pattern, names = _country_pattern(pack)
    best: tuple[int, int, str] | None = None
    for s in sentences:
        m = pattern.search(s.text)
        if m is not None:
            key = (0 if s.part == "title" else 1, s.start + m.start(), m.lastgroup or "")
            best = key if best is None or key < best else best
            if s.part != "title":
                break
    return names[best[2]] if best else None


@lru_cache(maxsize=8)
def _country_pattern(pack: Pack) -> tuple[re.Pattern, dict[str, str]]:
    """One regex naming every country's place words (group ``c<i>``), and group -> country."""
    names = {f"c{i}": c for i, c in enumerate(pack.countries)}
    alts = [f"(?P<{k}>{'|'.join(_word(w) for w in sorted(pack.countries[c], key=len, reverse=True))})"
            for k, c in names.items()]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I), names


def _word(phrase: str) -> str:
    return r"[\s\-]+".join(re.escape(w) for w in phrase.split())


def country_before(text: str, start: int, pack: Pack | None) -> str | None:
    """The country of a place word right before ``text[start:]`` ("SALVADORAN guerrillas").

    Example:
        >>> from analysis.resources.packs import load_pack
        >>> country_before("THE SALVADORAN REBELS", 15, load_pack("muc4"))
        'El Salvador'
    """
    if pack is None or not pack.countries:
        return None
    pattern, names = _country_pattern(pack)
    before = text[max(0, start - 40):start]
    m = pattern.search(before)
    while m is not None and before[m.end():].strip():
        m = pattern.search(before, m.end())
    return names[m.lastgroup] if m is not None and m.lastgroup else None


def resolve_parties(rows: list[dict[str, Any]], party_rows: Sequence[int], pack: Pack | None, *, country: str | None) -> None:
    """Give each generic party row (indices ``party_rows`` of ``rows``, in text order) a group
    by the rules of the module docstring, in place (``actor_id`` stays None when none applies)."""
    if pack is None:
        return
    generic = set(party_rows)
    named: dict[tuple[str, int], list[int]] = {}
    order: dict[tuple[str, int], int] = {}
    for k, r in enumerate(rows):
        key = (r["part"], r["sent_id"])
        order.setdefault(key, len(order))
        if k not in generic and r["actor_id"]:
            named.setdefault(key, []).append(k)
    keys = {v: k for k, v in order.items()}
    for k in party_rows:
        r = rows[k]
        key = (r["part"], r["sent_id"])
        group = _same_head(rows, k) if r.get("_definite") else None
        if group is None:
            group = _same_sentence(rows, named.get(key, []), k, r["kind"])
        if group is None and r.get("_definite"):
            group = _last_of_kind(rows, named.get(keys.get(order[key] - 1), []), r["kind"])
        if group is None:
            group = _context_default(pack, r["kind"], r.get("_country") or country, r["actor"])
        r["actor_id"] = group


#: How many sentences back a definite phrase looks for a mention with its head noun.
_HEAD_LOOKBACK = 3


def _head(surface: str) -> str:
    words = re.findall(r"[\w']+", surface.lower())
    w = words[-1] if words else ""
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def _same_head(rows: list[dict[str, Any]], k: int) -> str | None:
    """The group of the last earlier mention (same part, up to three sentences back) whose
    head noun is this phrase's ("the Defence Ministry ... the ministry")."""
    r = rows[k]
    head = _head(r["surface"])
    for x in range(k - 1, -1, -1):
        o = rows[x]
        if o["part"] != r["part"] or r["sent_id"] - o["sent_id"] > _HEAD_LOOKBACK:
            break
        if o["actor_id"] and _head(o["surface"]) == head:
            return o["actor_id"]
    return None


def _same_sentence(rows: list[dict[str, Any]], named: list[int], k: int, kind: str) -> str | None:
    same = [x for x in named if rows[x]["kind"] == kind]
    before = [x for x in same if x < k]
    if before:
        return rows[before[-1]]["actor_id"]
    return rows[same[0]]["actor_id"] if same else None


def _last_of_kind(rows: list[dict[str, Any]], named: list[int], kind: str) -> str | None:
    same = [x for x in named if rows[x]["kind"] == kind]
    return rows[same[-1]]["actor_id"] if same else None


def _context_default(pack: Pack, kind: str, country: str | None, phrase: str) -> str | None:
    """Rules 4-5: the country's one group of the kind, else the pack's fallback."""
    if pack.unresolved(phrase):
        return None
    if country is not None:
        local = pack.country_groups(country, kind)
        if kind == "state":
            local = tuple(g for g in local if g in pack.own_state)
        if len(local) == 1:
            return local[0]
    return pack.fallback(kind, phrase)


def is_definite(text: str, start: int) -> bool:
    """Whether a definite determiner stands right before ``text[start:]``."""
    return bool(_DEFINITE.search(text, max(0, start - 30), start))
