"""Actor mentions of a document: matches with roles, generic words resolved, medical sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable, Sequence

from .actor_dictionary import ActorDictionary, ActorMatch, as_date
from .actor_lexicon import default_dictionary
from .parties import PartyMatcher, country_before, is_definite, party_matcher, report_country, resolve_parties
from .roles import mention_role

_BARE_COALITION = frozenset({"coalition", "the coalition", "coalitions", "the coalitions"})

_GENERIC_COALITION = re.compile(r"\b(?:a|an|new|broad|loose)\s+(?:[\w-]+\s+){0,2}coalitions?\b(?!.*coalition)|coalitions?\s+(?:of|between|with)\b", re.I)


def extract_mentions(sentences: Sequence[Any], *, dictionary: ActorDictionary | None = None, date: Any = None,
                     parties: PartyMatcher | None | bool = None) -> list[dict[str, Any]]:
    """Actor mentions with roles and kinds in the sentences of one document.

    The pack's names first (:class:`ActorDictionary`), then, where none matched, generic party
    phrases ("security forces", "gunmen", "medics": :mod:`analysis.extract.parties`), each with
    the group its context gives (or none) and its kind.

    Args:
        sentences: the :class:`~analysis.extract.text.Sentence` list of one document
            (from :func:`analysis.extract.text.document_sentences`).
        dictionary: an :class:`ActorDictionary`; the default pack's by default.
        date: the report's date, for date-limited aliases.
        parties: the generic party phrases (:func:`~analysis.extract.parties.party_matcher`);
            None for the bundled ones, False for none.

    Returns:
        One dict per mention with the keys of :data:`MENTION_COLUMNS`; ``start``/``end`` are
        offsets in the part's text (title or body).

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> rows = extract_mentions(document_sentences("d", None, "Regime jets hit Douma, medics said."))
        >>> [(r["surface"], r["actor"], r["kind"], r["role"]) for r in rows]
        [('Regime', 'Syrian government', 'state', 'agent'), ('medics', 'medical NGOs', 'monitor_ngo', 'speaker')]
    """
    d = dictionary or default_dictionary()
    matcher = party_matcher() if parties is None or parties is True else parties or None
    date = as_date(date)  # once, not per sentence
    found = [(s, _with_medical(s.text, d.find(s.text, date=date), d)) for s in sentences]
    coalitions = _Coalitions(d, found)
    rows: list[dict[str, Any]] = []
    for s, matches in found:
        sent_rows = [r for m in matches if (r := _pack_row(s, m, matches, d, coalitions)) is not None]
        if matcher is not None:
            taken = [(m.start, m.end) for m in matches]
            sent_rows += [_party_row(s, m, d) for m in matcher.find(s.text, taken) if not _in_scare_quotes(s.text, m.start, m.end)]
        rows.extend(sorted(sent_rows, key=lambda r: r["start"]))
    generic = [k for k, r in enumerate(rows) if r["_generic"] == "pack"]
    if generic:
        _resolve_generic(rows, generic, d, {k for k in generic if rows[k]["_definite"]})
    party_rows = [k for k, r in enumerate(rows) if r["_generic"] == "party"]
    if party_rows:
        resolve_parties(rows, party_rows, d.pack, country=report_country(sentences, d.pack))
    for r in rows:
        if r["_generic"] == "party" and r["actor_id"] is not None:
            r["kind"] = d.kind(r["actor_id"]) or r["kind"]
        for flag in ("_generic", "_definite", "_country"):
            r.pop(flag, None)
    return rows


class _Coalitions:
    """What a bare "the coalition" means at each point of a report: the coalition named last (or,
    before any, the first one the report names), else the pack's ``coalition_after`` choice
    once its group was named."""

    def __init__(self, d: ActorDictionary, found: Sequence[tuple[Any, Sequence[ActorMatch]]]):
        self.d = d
        self.last: str | None = next((m.actor for _, ms in found for m in ms
                                      if "coalition" in m.surface.lower() and m.surface.lower() not in _BARE_COALITION), None)
        self.after = dict((d.pack.defaults.get("coalition_after") or {}) if d.pack is not None else {})
        self.seen_after: str | None = None

    def resolve(self, s: Any, m: ActorMatch, matches: Sequence[ActorMatch]) -> tuple[str, str] | None:
        """``(actor, group)`` of match ``m``; None when it is no particular party."""
        actor, group = m.actor, m.actor_id
        low = m.surface.lower()
        if low in _BARE_COALITION:
            if _GENERIC_COALITION.search(s.text[max(0, m.start - 40) : m.end + 4]) or low.endswith("coalitions"):
                return None  # "a coalition of rebel groups": no particular coalition
            if m.surface[:1].isupper() and _NAME_BEFORE.search(s.text, max(0, m.start - 40), m.start) and not any(
                    o.end >= m.start - 1 and o.start < m.start for o in matches if o is not m):
                return None  # "the Stop the War Coalition": part of a name the dictionary lacks
            groups = self.d.actor_groups
            if self.last is not None:
                actor, group = self.last, groups.get(self.last, group)
            elif self.seen_after is not None and self.seen_after in groups and group != groups[self.seen_after]:
                actor, group = self.seen_after, groups[self.seen_after]
        elif "coalition" in low:
            self.last = actor
        if group in self.after:
            self.seen_after = self.after[group]
        return actor, group


def _pack_row(s: Any, m: ActorMatch, matches: Sequence[ActorMatch], d: ActorDictionary, coalitions: _Coalitions) -> dict[str, Any] | None:
    """The mention row of a pack match (None: not a party here)."""
    resolved = coalitions.resolve(s, m, matches)
    if resolved is None:
        return None
    actor, group = resolved
    generic = definite = False
    if actor in d.generic_actors:
        if _in_scare_quotes(s.text, m.start, m.end):
            return None  # 'two "terrorists" attacked': the outlet quoting a label
        window = s.text[max(0, m.start - 30) : m.start]
        generic = not _OTHER_BEFORE.search(window)  # not "al-Nusra and other armed groups"
        definite = generic and bool(_DEFINITE_BEFORE.search(window))
    return _row(s, m, actor, group, d.kind(group), _generic="pack" if generic else None, _definite=definite)


def _party_row(s: Any, m: ActorMatch, d: ActorDictionary) -> dict[str, Any]:
    """The mention row of a generic party phrase (``m.actor_id`` holds its kind)."""
    return _row(s, m, m.actor, None, m.actor_id, _generic="party", _definite=is_definite(s.text, m.start),
                _country=country_before(s.text, m.start, d.pack))


def _row(s: Any, m: ActorMatch, actor: str, group: str | None, kind: str | None, **flags: Any) -> dict[str, Any]:
    return {
        "doc_id": s.doc_id, "part": s.part, "sent_id": s.sent_id,
        "start": s.start + m.start, "end": s.start + m.end, "surface": m.surface,
        "actor": actor, "actor_id": group, "role": mention_role(s.text, m.start, m.end),
        "sentence": s.text, "kind": kind, **flags,
    }


def _resolve_generic(rows: list[dict[str, Any]], generic_rows: list[int], d: ActorDictionary, definite: set[int]) -> None:
    """Point a generic mention at the armed group named in the same sentence (the last one before
    it, else the first after it), else, for a definite one (index in ``definite``), at the last
    one named in the previous sentence ("IS attacked the base. The jihadists ..."); otherwise it keeps the dictionary's group (for the
    bundled dictionary, the armed opposition: pro-government outlets' "terrorists"). "Other
    militants" are not the group just named."""
    generic = set(generic_rows)
    armed = set(d.pack.groups_of("armed_nonstate")) if d.pack is not None else set()
    by_sent: dict[tuple[str, int], list[int]] = defaultdict(list)
    order: dict[tuple[str, int], int] = {}
    for k, r in enumerate(rows):
        if r.get("_generic") == "party":
            continue  # the sentences that name a party of the pack, as before generic phrases
        order.setdefault((r["part"], r["sent_id"]), len(order))
        if k not in generic and r["actor_id"] in armed:
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
        r["actor"], r["actor_id"], r["kind"] = ref["actor"], ref["actor_id"], ref["kind"]


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
    target = d.medical_actor
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


def _in_scare_quotes(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is wrapped in quotation marks on its own ("terrorists")."""
    return start > 0 and end < len(text) and text[start - 1] in "\"“'‘" and text[end] in "\"”'’"


def document_actor_ids(mentions: Iterable[dict[str, Any]]) -> set[str]:
    """The set of group ids mentioned in a document.

    Example:
        >>> sorted(document_actor_ids([{"actor_id": "B"}, {"actor_id": "A"}, {"actor_id": "B"}, {"actor_id": None}]))
        ['A', 'B']
    """
    return {m["actor_id"] for m in mentions if m.get("actor_id")}
