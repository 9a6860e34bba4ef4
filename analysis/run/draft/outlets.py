"""Outlets, credit lines and format labels: what the drafter must never propose as a party.

An outlet is named by the corpus's ``source`` column, by a wire header (``PLACE, DATE
(OUTLET) --``), by a credit line ("(TRT World and Agencies)"), by a byline ("Reporting by
..."), or is one of the world's wire agencies. A format label is a bracketed tag seen in at
least 1% of the texts and mostly only inside brackets ("[TEXT]", "[REPORTER]").

Example:
    >>> f = OutletFilter.scan([{"source": "Daily Sun", "text": "LIMA, 3 MAY (EFE) -- [TEXT] Troops left."}] * 4)
    >>> f.is_outlet("EFE"), f.is_outlet("Daily Sun", df=4), f.is_outlet("Troops"), sorted(f.labels)
    (True, True, False, ['text'])
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .words import WIRE_AGENCIES, norm

_HEADER = re.compile(r"^[^\n]{0,160}?\(([^()]{2,60})\)\s*--")
_CREDIT = re.compile(r"\(([^()]{2,60})\)")
_CREDIT_WORDS = re.compile(r"\b(agencies|photo|afp|reuters|ap|getty|file)\b", re.I)
_BYLINE = re.compile(r"\b(?:Reporting|Editing|Writing) by ([A-Z][\w\-]+(?: [A-Z][\w\-]+)*)")
_BRACKET = re.compile(r"\[([^\]]{1,40})\]")
_OUTLET_TAILS = frozenset({"newsagency", "agency", "news", "tv", "television", "online", "world", "english"})


@dataclass
class OutletFilter:
    """Outlet names seen in a corpus (normalised, with counts) and its format labels."""

    outlets: collections.Counter = field(default_factory=collections.Counter)
    labels: frozenset[str] = frozenset()

    @classmethod
    def scan(cls, docs: Sequence[dict[str, Any]]) -> "OutletFilter":
        """Count outlet names and find format labels in ``docs`` (dicts with source and text)."""
        outlets: collections.Counter = collections.Counter({a: 1000 for a in WIRE_AGENCIES})
        brackets: collections.Counter = collections.Counter()
        for d in docs:
            outlets.update(_outlet_names(d))
            brackets.update(m.group(1).strip().lower() for m in _BRACKET.finditer(d["text"]))
        return cls(outlets, _format_labels(docs, brackets))

    def is_outlet(self, surface: str, df: int | None = None) -> bool:
        """An outlet's name: seen as an outlet at least 10 times, or in at least a fifth as many
        documents as the candidate (``df``) occurs in; or a longer form of one ("SANA news agency")."""
        k = norm(surface)
        if not k:
            return True
        need = max(2, 0.2 * df) if df else 10
        if self.outlets.get(k, 0) >= need:
            return True
        strong = [o for o, v in self.outlets.items() if v >= need]
        if len(k) >= 5 and any(k in o for o in strong):
            return True
        return any(len(o) >= 3 and (k == "al" + o or k.startswith(o) and k[len(o):] in _OUTLET_TAILS) for o in strong)


def _outlet_names(d: dict[str, Any]) -> Iterable[str]:
    """Normalised outlet names of one document: source, wire header, credit lines, bylines."""
    text = d["text"]
    if d.get("source"):
        yield norm(d["source"])
    m = _HEADER.match(text)
    if m:
        for part in re.split(r"\s*[-/,]\s*", m.group(1)) + [m.group(1)]:
            yield norm(part)
    for m in _CREDIT.finditer(text):
        if _CREDIT_WORDS.search(m.group(1)):
            for part in re.split(r"\s*(?:/|,|\band\b)\s*", m.group(1), flags=re.I):
                yield norm(part)
    for m in _BYLINE.finditer(text):
        yield norm(m.group(1))


def _format_labels(docs: Sequence[dict[str, Any]], brackets: collections.Counter) -> frozenset[str]:
    """Bracketed tags in >= 1% of texts (at least 3) that occur mostly only inside brackets."""
    frequent = {k for k, v in brackets.items() if v >= max(3, len(docs) * 0.01) and len(k.split()) <= 3}
    outside: collections.Counter = collections.Counter()
    for d in docs:
        bare = _BRACKET.sub(" ", d["text"]).lower()
        for k in frequent:
            if re.search(r"\b" + re.escape(k) + r"\b", bare):
                outside[k] += 1
    return frozenset(k for k in frequent if outside[k] < 0.5 * brackets[k])
