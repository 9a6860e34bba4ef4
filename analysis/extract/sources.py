"""Sources: which party a sentence cites for its facts, as attribution records, and a claim's source.

One speaker finder serves the ``attributions`` table and the claims' ``source_actor``: the
attribution patterns (:mod:`analysis.extract.attribution`: quotes, "X said ...", "according to
X") find who speaks and what; this module adds what a casualty report cites without those
patterns ("the Observatory put the toll at", "activists who spoke ... told Reuters", medical
sources, a monitor closing a headline, "X accused Y of killing 300") as attribution records of
kind ``cited`` (whose content is the whole sentence), and marks, for each sentence, the record
of the party the sentence cites (``_source``). A claim's source is then, in order: the party of
the innermost record whose reported content holds the claim; the sentence's cited party (a
pronoun speaker, "the source added", stands for the last one named up to three sentences
back); the cited party of the next, else the previous sentence (not for a war toll).

Parties are group ids, or, for a generic phrase the context did not resolve ("officials said"),
its kind behind :data:`KIND_MARK`.

Example:
    >>> from analysis.extract.text import document_sentences
    >>> from analysis.extract.attribution import extract_attributions
    >>> rows = extract_attributions(document_sentences("d", None, "The monitor put the toll at 12."))
    >>> [(r["speaker"], r["speaker_actor"], r["kind"]) for r in rows]
    [('The monitor', 'Syrian Observatory for Human Rights', 'cited')]
"""

from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple, Sequence

from ..resources.packs import MONITOR_KINDS
from ..resources.vocabulary import SOURCE_CUES, alternation
from .numbers import UNITS

#: The prefix of a party that has a kind but no group.
KIND_MARK = "kind:"


class SentenceSource(NamedTuple):
    """The party a sentence cites (a group id or a kind mark), its span in the sentence, and
    whether only a pronoun speaker is cited ("he said", "the source added")."""

    party: str | None
    span: tuple[int, int] | None
    pronoun: bool


SPEECH_CUES = re.compile(rf"\b(?:{alternation(SOURCE_CUES)})\b")

_CASUALTY_VERB = re.compile(r"\b(?:kill\w*|wound\w*|injur\w*|execut\w*|dead|died|death)\b")

_ACCORDING = re.compile(r"\b(?:according to|citing|quoting|quoted by|cited by|as reported by|reported by)\b")

_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|it|they|the group|the monitor|the source|the sources|the observatory|the organisation|"
    r"the organization|the agency|the statement|the report|the ministry|a source|sources|the official|"
    r"the spokesman|the spokeswoman|the network|the body|the outlet|the military|the army|the news agency|"
    r"the reporter|the correspondent|the command)\s+(?:also\s+)?"
    r"(?:said|says|added|adds|reported|told|stated|noted|announced|confirmed|put|gave|specified|pointed out)\b"
    r"|\b(?:said|added|told|reported)\s+(?:he|she|it|they)\b"
)

#: Unnamed medical sources ("a source in the national hospital told", "medical sources said").
_MEDICAL_SOURCE = re.compile(
    r"\b(?:medical|hospital|health) (?:source|sources|officials?|workers?|staff)\b"
    r"|\bsources? (?:in|at|from) (?:the )?(?:\w+ ){0,3}(?:hospital|clinic|field hospital|health)\b"
    r"|\b(?:doctors?|medics|paramedics) (?:said|say|says|told|reported)\b"
)


def sentence_source(text: str, mentions: list[dict[str, Any]], *, title: bool = False, medical: str | None = None) -> SentenceSource:
    """The party one sentence cites, from its mentions (sentence-local offsets, ``actor_id`` a party).

    The source is the actor after "according to", the subject of a verb of saying
    ("the Observatory said", "activists who spoke ... told Reuters"), the actor right after
    the verb ("said the monitor"), or, when an unnamed source "told" an outlet, that outlet.
    In a title, a monitor named last ("... kill 20 civilians: activists") is the source.
    """
    low = text.lower()
    med = _MEDICAL_SOURCE.search(low)
    if med:
        return SentenceSource(medical, (med.start(), med.end()), False)
    ms = sorted((m for m in mentions if m["kind"] != "civilians" and m["role"] != "target"
                 and not _WAR_AFTER.match(low[m["end"]:m["end"] + 20])), key=lambda m: m["start"])
    acc = _ACCORDING.search(low)
    if acc:
        after = [m for m in ms if 0 <= m["start"] - acc.end() <= 40]
        if after:
            return _found(after[0])
    m = _cue_speaker(low, ms)
    if m is not None:
        return _found(_told_outlet(low, ms, _first_coordinated(low, ms, m)))
    m = _accuser(low, ms)
    if m is None and title and ms and not low[ms[-1]["end"]:].strip(" .:-") and ms[-1]["kind"] in MONITOR_KINDS:
        m = ms[-1]
    if m is not None:
        return _found(m)
    return SentenceSource(None, None, bool(_PRONOUN_SPEAKER.search(low)))


def _found(m: dict[str, Any]) -> SentenceSource:
    return SentenceSource(m["actor_id"], (m["start"], m["end"]), False)


_NO_GAP = re.compile(r"[.;:!?\"\u201c\u201d]")
_CLAUSE_GAP = re.compile(r"\b(?:that|when|after|because)\b")
_TOLL_CUES = frozenset(("put", "gave", "given", "claimed", "claims", "cited", "citing", "quoted", "blamed", "accused", "warned"))
_SAY_CUES = frozenset(("said", "says", "added", "adds", "reported", "stated", "announced", "confirmed", "noted"))


def _cue_speaker(low: str, ms: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The mention closest to a verb of saying: its subject before it, or its speaker after it."""
    best: tuple[int, dict[str, Any]] | None = None
    for cue in SPEECH_CUES.finditer(low):
        if _PASSIVE_BEFORE.search(low[max(0, cue.start() - 8):cue.start()]):
            continue  # "had been confirmed dead", "was reported killed": no speaker
        for found in (_subject_before(low, ms, cue), _speaker_after(low, ms, cue)):
            if found is not None and (best is None or found[0] < best[0]):
                best = found
    return best[1] if best is not None else None


def _subject_before(low: str, ms: list[dict[str, Any]], cue: re.Match) -> tuple[int, dict[str, Any]] | None:
    """``(distance in words, mention)`` of the last mention before a verb of saying, if it is its subject."""
    before = [m for m in ms if m["end"] <= cue.start()]
    if not before:
        return None
    m = before[-1]
    gap = low[m["end"]:cue.start()]
    if _OTHER_SUBJECT.search(gap):
        return None  # "... by the coalition in the area the military said": another subject speaks
    if len(gap.split()) > 12 or _NO_GAP.search(gap) or _CASUALTY_VERB.search(gap) \
            or m["surface"].lower().endswith(("-held", "-controlled")) or _CLAUSE_GAP.search(gap):
        return None
    if low[cue.end():cue.end() + 1] != "" and cue.group() in _TOLL_CUES and len(gap.split()) > 4:
        return None
    return len(gap.split()), m


def _speaker_after(low: str, ms: list[dict[str, Any]], cue: re.Match) -> tuple[int, dict[str, Any]] | None:
    """``(distance, mention)`` of a speaker named right after "said" ("said the monitor on Friday")."""
    if cue.group() not in _SAY_CUES:
        return None
    m = next((m for m in ms if m["start"] >= cue.end()), None)
    if m is None:
        return None
    between = low[cue.end():m["start"]]
    if re.search(r"[^\w\s'-]|\b(?:that|it|on|in|to)\b|\d", between) or any(w in UNITS for w in between.split()):
        return None
    if not _AFTER_SPEAKER_END.match(low[m["end"]:]):
        return None  # "said terrorist groups fired ...": the subject of the reported clause
    d = len([w for w in between.split() if w not in ("the", "a", "an")])
    return (d, m) if d <= 3 else None


def _first_coordinated(low: str, ms: list[dict[str, Any]], m: dict[str, Any]) -> dict[str, Any]:
    """"Washington and Paris say", "a monitor and rebels said": the first of coordinated speakers."""
    while True:
        prev = [x for x in ms if x["end"] <= m["start"] and _AND_BETWEEN.match(low[x["end"]:m["start"]])]
        if not prev:
            return m
        m = prev[-1]


def _told_outlet(low: str, ms: list[dict[str, Any]], m: dict[str, Any]) -> dict[str, Any]:
    """"a source ... told SANA": an unnamed source speaks through the outlet it told."""
    told = re.search(r"\b(?:source|sources|official|officials)\b[^.;]{0,80}?\btold\b", low)
    if told and m["end"] <= told.end() + 2 and not _NAMED_SOURCE.match(low[m["end"]:]):
        out = [x for x in ms if 0 <= x["start"] - told.end() <= 3]
        if out and not re.search(r"\b(?:hospital|medical|medics?|doctors?)\b", low[told.start():told.end()]):
            return out[0]
    return m


def _accuser(low: str, ms: list[dict[str, Any]]) -> dict[str, Any] | None:
    """"the opposition accused government forces of killing 300": the accuser is the source."""
    acc = _ACCUSE.search(low)
    if acc is None or _PRONOUN_SPEAKER.search(low):
        return None
    before = [m for m in ms if m["end"] <= acc.start() and len(low[m["end"]:acc.start()].split()) <= 3]
    return before[-1] if before else None


#: The end of a gap before a verb of saying that is another subject ("the military", "he").
_OTHER_SUBJECT = re.compile(
    r"(?:\b(?:he|she|they|it)|\b(?:the|a|an|its|their)\s+(?:\w+\s+)?(?:military|army|ministry|statement|report|"
    r"official|officials|source|sources|spokesman|spokeswoman|agency|monitor|group|network|organi[sz]ation|"
    r"observatory|activist|activists|correspondent|reporter|council|command|media)(?:\s+(?:in|of)\s+\w+)?)\s+(?:also\s+)?$"
)

#: What may follow a speaker named after its verb ("said the monitor on Friday.").
_AFTER_SPEAKER_END = re.compile(
    r"^(?:'s)?\s*(?:$|[.,;:\"\u201c\u201d()\u2013\u2014-]|(?:on|in|at|that|which|who|adding|citing|late|earlier|"
    r"today|yesterday|told|quoted|monday|tuesday|wednesday|thursday|friday|saturday|sunday|chief|head|director|"
    r"spokesman|official|officials|said|reported|also)\b)"
)

#: "a Syrian military source told X": the source is named by its group, not by the outlet.
_NAMED_SOURCE = re.compile(r"^\s+(?:\w+\s+)?(?:source|sources|official|officials|spokesman)\b")

#: "the Syrian military conflict": an adjective of the war, not an actor.
_WAR_AFTER = re.compile(r"^\s+(?:conflict|war|crisis|civil war)\b")

_ACCUSE = re.compile(
    r"\baccus(?:ed|ing|es)\b[^.;]{0,60}?\bof\s+(?:\S+\s+){0,3}?"
    r"(?:killing|massacring|executing|gassing|murdering|launching|carrying out|conducting|shelling|bombing)\b")

_PASSIVE_BEFORE = re.compile(r"\b(?:been|be|being|was|were|is|are)\s+$")

_AND_BETWEEN = re.compile(r"^\s*(?:,\s*)?and\s+(?:the\s+|a\s+|an\s+)?$")


# --------------------------------------------------------------------------- mentions by sentence


def sentence_mentions(sentences: Sequence[Any], rows: Iterable[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """Mention rows per ``sent_id`` with sentence-local offsets; ``actor_id`` is the party (a group
    id, or :data:`KIND_MARK` + kind for a generic phrase without a group)."""
    starts = {s.sent_id: s.start for s in sentences}
    out: dict[int, list[dict[str, Any]]] = {}
    for m in rows:
        if m.get("sent_id") not in starts or not (m.get("actor_id") or m.get("kind")):
            continue
        off = starts[m["sent_id"]]
        party = m["actor_id"] or KIND_MARK + m["kind"]
        out.setdefault(m["sent_id"], []).append(dict(m, start=m["start"] - off, end=m["end"] - off, actor_id=party))
    return out


def split_party(value: str | None, kind_of: Any) -> tuple[str | None, str | None]:
    """``(group id, kind)`` of a party (a group, a kind mark, or None); ``kind_of(group)`` gives kinds."""
    if value is None:
        return None, None
    if value.startswith(KIND_MARK):
        return None, value[len(KIND_MARK):]
    return value, kind_of(value)


# --------------------------------------------------------------------------- records


def speaker_party(rec: dict[str, Any], s: Any, mentions: list[dict[str, Any]], d: Any) -> None:
    """Locate a pattern record's speaker in its sentence and give it its party (``_party``,
    ``_span``); a speaker the dictionary did not resolve takes the party of a generic phrase in
    it ("the ministry said" after "the Russian Defence Ministry"; "officials said": their kind)."""
    speaker = rec["speaker"]
    lo, hi = rec["start"] - s.start, rec["end"] - s.start
    pos = [m.start() for m in re.finditer(re.escape(speaker), s.text)] if speaker else []
    pos = [p for p in pos if p + len(speaker) <= lo or p >= hi] or pos
    rec["_span"] = (pos[-1], pos[-1] + len(speaker)) if pos else None
    rec["_party"] = rec["speaker_actor_id"]
    if rec["_party"] is not None or rec["_span"] is None:
        return
    a, b = rec["_span"]
    # only generic phrases: names of the pack inside the phrase were weighed (and maybe refused:
    # "opponents of Assad") when the speaker was resolved
    inside = [m for m in mentions if a <= m["start"] and m["end"] <= b and m["actor"] not in d.actor_groups]
    if inside:
        rec["_party"] = inside[0]["actor_id"]
        if not inside[0]["actor_id"].startswith(KIND_MARK):
            rec["speaker_actor"], rec["speaker_actor_id"] = inside[0]["actor"], inside[0]["actor_id"]


def cited_records(s: Any, part: str, records: list[dict[str, Any]], mentions: list[dict[str, Any]], *,
                  medical: str | None, referring: re.Pattern) -> list[dict[str, Any]]:
    """Mark the record of the party sentence ``s`` cites (``_source``), or return a new record of
    kind ``cited`` for it when no pattern record names it; ``records`` are the sentence's records."""
    src = sentence_source(s.text, mentions, title=s.part == "title", medical=medical)
    if src.party is None and not src.pronoun:
        return []
    if src.party is not None:
        same = [r for r in records if r.get("_party") == src.party]
        # the speaker phrase of a pattern record holds the mention: that record says who speaks
        # ("Opponents of Assad said": not Assad)
        same = same or [r for r in records if r.get("_span") and src.span
                        and r["_span"][0] <= src.span[0] and src.span[1] <= r["_span"][1]]
    else:
        same = [r for r in records if referring.match(r["speaker"].strip(" ,.;:\"“”'‘’"))]
    if same:
        same[0].update(_source=True, _pronoun=src.party is None and not same[0].get("_party"), _source_span=src.span)
        return []
    span = src.span or _pronoun_span(s.text)
    if span is None:
        return []
    actor = next((m["actor"] for m in mentions if (m["start"], m["end"]) == span), None)
    group = src.party if src.party and not src.party.startswith(KIND_MARK) else None
    cue = SPEECH_CUES.search(s.text.lower()) or _ACCORDING.search(s.text.lower()) or _ACCUSE.search(s.text.lower())
    return [{
        "doc_id": s.doc_id, "part": part, "sent_id": s.sent_id, "start": s.start, "end": s.start + len(s.text.rstrip(" .")),
        "speaker": s.text[span[0]:span[1]], "speaker_actor": actor if group else None, "speaker_actor_id": group,
        "cue": (cue.group().split()[0] if cue else ""), "kind": "cited", "content": s.text.rstrip(" ."),
        "_party": src.party, "_span": span, "_source": True, "_pronoun": src.party is None, "_source_span": src.span,
    }]


def merge_cited(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop a ``cited`` record whose party another record of its sentence names once speakers
    are settled ("the Coalition said"), marking that record as the sentence's source instead."""
    out = []
    for r in rows:
        if r["kind"] == "cited" and r["_party"]:
            other = next((o for o in rows if o is not r and o["sent_id"] == r["sent_id"] and o["kind"] != "cited"
                          and o["speaker_actor_id"] == r["_party"]), None)
            if other is not None:
                other.update(_party=r["_party"], _source=True, _pronoun=False, _source_span=r["_source_span"])
                continue
        out.append(r)
    return out


_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|it|they|the \w+|a source|sources)(?=\s+(?:also\s+)?(?:said|says|added|adds|reported|"
                              r"told|stated|noted|announced|confirmed|put|gave|specified|pointed out)\b)", re.I)


def _pronoun_span(text: str) -> tuple[int, int] | None:
    m = _PRONOUN_SUBJECT.search(text)
    return (m.start(), m.end()) if m else None


# --------------------------------------------------------------------------- a claim's source

#: Sentences (relative to a claim's) whose cited party is the source when its own sentence cites none.
ADJACENT = (1, -1)


class DocumentSources:
    """The sources of one document's sentences, from its attribution records (see the module doc)."""

    def __init__(self, sentences: Sequence[Any], records: Iterable[dict[str, Any]]):
        self.order = [s.sent_id for s in sentences]
        self.records: dict[int, list[dict[str, Any]]] = {}
        for r in records:
            self.records.setdefault(r["sent_id"], []).append(r)
        cited = {sid: next((r for r in rs if r.get("_source")), None) for sid, rs in self.records.items()}
        self.own: dict[int, str | None] = {}
        self.span: dict[int, tuple[int, int] | None] = {}
        last, last_idx = None, -10
        for idx, sid in enumerate(self.order):
            rec = cited.get(sid)
            party = rec["_party"] if rec is not None and not rec.get("_pronoun") else None
            self.span[sid] = rec.get("_source_span") if rec is not None else None
            if party is not None:
                last, last_idx = party, idx
            pronoun = rec is not None and rec.get("_pronoun")
            # a pronoun speaker ("the source added", "he said") stands for the last named one
            self.own[sid] = party if party is not None else (last if pronoun and idx - last_idx <= 3 else None)

    def of_claim(self, sent_id: int, start: int, end: int, *, war_toll: bool) -> str | None:
        """The party a claim at part offsets ``start:end`` of sentence ``sent_id`` is sourced to."""
        inside = [r for r in self.records.get(sent_id, ()) if r["kind"] != "cited" and r.get("_party")
                  and r["start"] <= start and end <= r["end"]]
        if inside:
            return min(inside, key=lambda r: r["end"] - r["start"])["_party"]
        own = self.own.get(sent_id)
        if own is not None or war_toll:
            return own
        idx = self.order.index(sent_id)
        for j in (idx + k for k in ADJACENT):
            if 0 <= j < len(self.order) and self.own.get(self.order[j]) is not None:
                return self.own[self.order[j]]
        return None
