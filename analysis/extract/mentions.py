"""Actor mentions of a document: matches with roles, generic words resolved, medical sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable, Sequence

from .actor_dictionary import ActorDictionary, ActorMatch, as_date
from .actor_lexicon import default_dictionary
from .roles import mention_role

_BARE_COALITION = frozenset({"coalition", "the coalition", "coalitions", "the coalitions"})

_GENERIC_COALITION = re.compile(r"\b(?:a|an|new|broad|loose)\s+(?:[\w-]+\s+){0,2}coalitions?\b(?!.*coalition)|coalitions?\s+(?:of|between|with)\b", re.I)


def extract_mentions(sentences: Sequence[Any], *, dictionary: ActorDictionary | None = None, date: Any = None) -> list[dict[str, Any]]:
    """Actor mentions with roles in the sentences of one document.

    Args:
        sentences: the :class:`~analysis.extract.text.Sentence` list of one document
            (from :func:`analysis.extract.text.document_sentences`).
        dictionary: an :class:`ActorDictionary`; the bundled one by default.
        date: the report's date, for date-limited aliases.

    Returns:
        One dict per mention with the keys of :data:`MENTION_COLUMNS`; ``start``/``end`` are
        offsets in the part's text (title or body).

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> rows = extract_mentions(document_sentences("d", None, "Regime jets hit Douma, activists said."))
        >>> [(r["surface"], r["actor_id"], r["role"]) for r in rows]
        [('Regime', 'SYR_GOV', 'agent'), ('activists', 'MONITOR_NGO', 'speaker')]
    """
    d = dictionary or default_dictionary()
    date = as_date(date)  # once, not per sentence
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
