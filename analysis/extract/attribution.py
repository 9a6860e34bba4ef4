"""Attribution: who says what in a report (direct quotes, reported speech, "according to").

Three forms are found in the sentences of one document:

- ``direct``: text inside quotation marks (straight or curly, possibly running over several
  sentences) with a speaker before (``X said: "..."``) or after (``"...," X said``,
  ``"..." said X``, ``"..." X told AFP``);
- ``indirect``: reported speech, ``X said (that) ...`` and the stripped FA-KES style where the
  speaker closes the sentence without a comma (``... at least 22 people the Syrian Observatory
  for Human Rights said``);
- ``according_to``: ``..., according to X`` or ``According to X, ...``.

``start``/``end`` give the span of the content in the part's text; ``speaker`` is the surface
of the speaker phrase ("Linda Tom, spokeswoman for OCHA"), resolved to a canonical actor and
group with the actor dictionary: a name followed by an appositive ("Sajjad Malik, the United
Nations refugee agency representative") takes the appositive's actor; "the statement", "the
source", "he" and "she" take the actor of the previous attribution in the document.

Example:
    >>> from analysis.extract.text import document_sentences
    >>> rows = extract_attributions(document_sentences("d", None, "Twelve died, the Observatory said."))
    >>> [(r["speaker"], r["speaker_actor"], r["kind"], r["content"]) for r in rows]
    [('the Observatory', 'Syrian Observatory for Human Rights', 'indirect', 'Twelve died')]
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from ..resources.vocabulary import MONTHS, SAY_VERBS, WEEKDAYS, alternation
from .actor_dictionary import ActorDictionary, as_date
from .actor_lexicon import default_dictionary
from .mentions import extract_mentions
from .sources import cited_records, merge_cited, sentence_mentions, speaker_party
from .speakers import (BARE_NAME, JUNK_SPEAKER, NAME_WORD, REFERRING, clean_speaker, opening_speaker, resolve_speaker,
                       speaker_prefix, speakerlike, trim_speaker)
from .text import quote_spans

_CUE = alternation(SAY_VERBS)
_AUX = r"(?:(?:has|have|had|also|later|earlier|previously|further|again|repeatedly|separately|then|on \w+day|\w+ly)\s+){0,3}"

_ACCORDING = re.compile(r"\baccording to\s+", re.I)
#: Runs of spaces (site chrome is blanked in place by spaces) are read as one space around a
#: quotation: the patterns' optional spaces would otherwise try every split of a long run (a cost
#: of the cube of its length), and the speaker after a blanked share bar would be out of reach.
_SPACES = re.compile(r"\s{2,}")
#: Characters after a closing quote read for its speaker, before runs of spaces become one.
AFTER_QUOTE_WINDOW = 5000
_QUOTE_AFTER = re.compile(rf"^\s*(?:[,.]\s*)?(?P<speaker>[^\s\"“”.;:][^\"“”.;:]{{1,119}}?)\s+{_AUX}(?P<cue>{_CUE})\b", re.I)
_QUOTE_AFTER_INV = re.compile(r"^\s*(?:[,.]\s*)?(?P<cue>said|says|added|told|stated)\s+(?P<speaker>[^\"“”.;:]{2,160}?)(?=\s*[.;:]|\s*$|,\s+(?:adding|who|which|as|while|and|but|in|on)\b|\s+(?:on|in|at|during|after|before|while|when)\b)", re.I)
_QUOTE_BEFORE = re.compile(rf"(?P<speaker>[^\"“”.;:]{{2,120}}?)\s+{_AUX}(?P<cue>{_CUE})(?:\s+(?:[\w'’-]+\s+){{0,4}}?)?\s*[:,]?\s*$", re.I)
_SENT_START_SPEAKER = re.compile(rf"^(?P<speaker>[^\"“”;:]{{2,150}}?)\s+{_AUX}(?P<cue>{_CUE})\b\s*(?P<content>.+)$", re.I)
#: What may stand between the cue and the reported content: the addressee of "told", when and
#: where it was said, "that".
_CONTENT_LEAD = re.compile(
    r"^(?:(?:(?<=\s)|^)(?:reporters|journalists|the press|AFP|Reuters|SANA|Sputnik|TASS|RIA Novosti|Anadolu(?: Agency)?|"
    r"(?:the |a )?(?:state |Syrian |local )?(?:TV|television|news agency|radio|channel|newspaper|daily)|"
    r"on \w+day|late \w+day|earlier|later|in a (?:statement|tweet|report|briefing|press conference|news conference|"
    r"phone interview|telephone interview|interview|post)(?: (?:on|posted on|published on) \w+)?|on its website|"
    r"on Twitter|on Facebook|by (?:tele)?phone|that)[\s,]+)+",
    re.I,
)
_TOLD_OBJECT = re.compile(r"(?:the |a |an )?(?:[A-Z][\w.'’-]*\s+){1,4}(?=\S)")
_TRAIL_END = re.compile(rf"[\s,]{_AUX}(?P<cue>{_CUE})(?P<tail>(?:\s+(?:on|in|at|late|early|from|by|to|citing|after|during)\b[^,.]*)?)\s*[.!]?\s*$", re.I)
_LAST_WORDS = re.compile(r"(?:[^\s,]+\s+){0,11}[^\s,]+\s*$")


_PARTICIPLE = re.compile(r"(?:adding|updating|citing|referring|noting|stressing|saying|quoting|according)\b", re.I)
_TRAIL_INV = re.compile(r"[\s,](?P<cue>said|says|added|according to)\s+(?!(?:on|in|at|late|early|last|this|earlier|later|that|it|he|she|they)\b)(?P<speaker>[^\"“”.;:]{2,100}?)(?:\s+(?:on|late|early)\s+\w+day)?\s*[.!]?\s*$", re.I)

def extract_attributions(sentences: Sequence[Any], *, dictionary: ActorDictionary | None = None, date: Any = None,
                         mentions: Sequence[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Direct quotes, reported speech and "according to" attributions in one document.

    Args:
        sentences: the :class:`~analysis.extract.text.Sentence` list of one document.
        dictionary: an :class:`~analysis.extract.actor_dictionary.ActorDictionary`; the bundled one by default.
        date: the report's date, for date-limited aliases.
        mentions: the document's mention rows (:func:`~analysis.extract.mentions.extract_mentions`),
            when already computed: they give unresolved speakers their party and find the
            sources of :mod:`analysis.extract.sources`.

    Returns:
        One dict per attribution with the keys of :data:`ATTRIBUTION_COLUMNS`, in text order
        (plus internal keys, ``_party`` and ``_source``, that claims read).

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> s = document_sentences("d", None, '"We will stay," the minister told AFP.')
        >>> [(r["speaker"], r["cue"], r["kind"], r["content"]) for r in extract_attributions(s)]
        [('the minister', 'told', 'direct', 'We will stay,')]
    """
    d = dictionary or default_dictionary()
    ctx = _Context(d, as_date(date), sentences)
    if mentions is None:
        mentions = extract_mentions(sentences, dictionary=d, date=date)
    by_sent = sentence_mentions(sentences, mentions)
    medical = (d.medical_actor or (None, None))[1]
    rows: list[dict[str, Any]] = []
    parts: dict[str, list[Any]] = {}
    for s in sentences:
        parts.setdefault(s.part, []).append(s)
    for part, sents in parts.items():
        text = _part_text(sents)
        found, quoted = _quote_records(text, part, sents, ctx)
        for s in sents:
            inside = [(a - s.start, b - s.start) for a, b in quoted if a < s.end and b > s.start]
            found += _according_records(s, part, inside, ctx)
            if not (inside and inside[0][0] <= 1):
                found += _said_records(s, part, inside, ctx)
        for s in sents:
            own = [r for r in found if r["sent_id"] == s.sent_id]
            for r in own:
                speaker_party(r, s, by_sent.get(s.sent_id, []), d)
            found += cited_records(s, part, own, by_sent.get(s.sent_id, []), medical=medical, referring=REFERRING)
        found.sort(key=lambda r: (r["start"], r["end"]))
        rows += merge_cited([r for r in found if ctx.settle(r)])
    return rows


class _Context:
    """What resolving speakers carries through a document: the dictionary, the date, the last
    speaker with an actor (for "he", "the source"), and name words of resolved speakers."""

    def __init__(self, d: ActorDictionary, date: Any, sentences: Sequence[Any]):
        self.d, self.date, self.sentences = d, date, sentences
        self.last: tuple[str | None, str | None] = (None, None)
        self.names: dict[str, tuple[str | None, str | None]] = {}

    def row(self, sent: Any, part: str, start: int, end: int, speaker: str, cue: str, kind: str, content: str) -> dict[str, Any]:
        return _row(sent, part, start, end, speaker, cue, kind, content, self.d, self.date)

    def settle(self, r: dict[str, Any]) -> bool:
        """Resolve a record's speaker from the document so far; False drops it (not a speaker)."""
        sp = clean_speaker(r["speaker"])
        if JUNK_SPEAKER.match(sp):
            return False  # "according to their type, location ...": not a source
        if r["speaker_actor_id"] is None and REFERRING.match(sp):
            r["speaker_actor"], r["speaker_actor_id"] = self.last
        if sp.lower() in ("coalition", "the coalition") and r["speaker_actor_id"] is not None:
            named = _document_coalition(self.sentences, self.d, self.date)
            if named is not None:
                r["speaker_actor"], r["speaker_actor_id"] = named
        if r["speaker_actor_id"] is None and BARE_NAME.match(sp):
            # "Abdel Rahman said" after "Observatory head Rami Abdel Rahman said"
            known = self.names.get(sp.split()[-1])
            if known is not None:
                r["speaker_actor"], r["speaker_actor_id"] = known
        if r["speaker_actor_id"] is not None:
            self.last = (r["speaker_actor"], r["speaker_actor_id"])
            for w in NAME_WORD.findall(sp):
                if w not in self.names and not self.d.is_actor_word(w):
                    self.names[w] = self.last
        return True


def _part_text(sents: Sequence[Any]) -> str:
    """A part's text rebuilt from its sentences (gaps are spaces)."""
    buf = [" "] * max(s.end for s in sents)
    for s in sents:
        buf[s.start : s.end] = s.text
    return "".join(buf)


def _quote_records(text: str, part: str, sents: Sequence[Any], ctx: _Context) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    """Direct quotes with a speaker before or after them, and every quoted span (with its marks)."""
    found: list[dict[str, Any]] = []
    quoted: list[tuple[int, int]] = []
    for qs, qe in quote_spans(text):
        content = text[qs:qe]
        if len(content.split()) < 3:
            continue  # a scare quote or a title: 'two "terrorists"'
        quoted.append((qs - 1, qe + 1))
        sent = next((s for s in sents if s.start <= qs < s.end + 1), sents[-1])
        before_start = max(sent.start, 0)
        after = _SPACES.sub(" ", text[qe + 1 : qe + 1 + AFTER_QUOTE_WINDOW])[:200]
        found_speaker = _quote_speaker(after, text[before_start : max(qs - 1, before_start)], ctx)
        if found_speaker is not None:
            found.append(ctx.row(sent, part, qs, qe, found_speaker[0], found_speaker[1], "direct", content))
    return found, quoted


def _quote_speaker(after: str, before: str, ctx: _Context) -> tuple[str, str] | None:
    """``(speaker, cue)`` of a quotation: '"...," X said', '"..." said X', 'X said: "..."'."""
    d, date = ctx.d, ctx.date
    before = _SPACES.sub(" ", before)
    for pattern in (_QUOTE_AFTER_INV, _QUOTE_AFTER):
        m = pattern.match(after)
        if m and m.group("cue").islower() and speakerlike(m.group("speaker"), d, date, lenient=True):
            return m.group("speaker"), m.group("cue")
    if before.strip():
        m = _QUOTE_BEFORE.search(before)
        if m and m.group("cue").islower():
            sp = trim_speaker(m.group("speaker"), d, date)
            if sp:
                return sp, m.group("cue")
    return None


_STATEMENT_BY = re.compile(r"^(?:(?:a|the) )?(?:\w+ )?(?:statement|report|figures|data|toll|tally|count|bulletin)s? "
                           r"(?:by|from|of|released by|issued by)\s+", re.I)
_STATEMENT_BY_SHORT = re.compile(r"^(?:a |the )?(?:statement|report|figures|data|toll|tally|count|bulletin)s? "
                                 r"(?:by|from|of|released by|issued by)\s+", re.I)


def _according_records(s: Any, part: str, inside: list[tuple[int, int]], ctx: _Context) -> list[dict[str, Any]]:
    """"According to X, content" and "content, according to X" in one sentence."""
    t = s.text
    out = []
    for m in _ACCORDING.finditer(t):
        if any(a <= m.start() < b for a, b in inside):
            continue
        head = t[: m.start()]
        rest = t[m.end() :]
        if not clean_speaker(head) or len(clean_speaker(head).split()) <= 2:  # "According to X, content"
            comma = rest.find(",")
            if comma == -1:
                comma = _speaker_end(rest, ctx)  # FA-KES strips the comma: "According to X content"
                if comma == -1:
                    continue
            speaker = rest[:comma]
            c0 = m.end() + comma + 1
            content = t[c0:]
            cs, ce = c0 + len(content) - len(content.lstrip()), len(t.rstrip(" ."))
        else:
            stop = re.search(r"[.;]\s*$|;|,\s+(?:which|who|while|and|but|as)\b", rest)
            speaker = _STATEMENT_BY.sub("", (rest[: stop.start()] if stop else rest).strip())
            speaker = speaker_prefix(speaker, ctx.d, ctx.date) or speaker
            cs, ce = 0, len(head.rstrip(" ,"))
        speaker = _STATEMENT_BY_SHORT.sub("", speaker.strip())
        if clean_speaker(speaker) and cs < ce:
            out.append(ctx.row(s, part, s.start + cs, s.start + ce, speaker, "according to", "according_to", t[cs:ce]))
    return out


def _speaker_end(rest: str, ctx: _Context) -> int:
    """Where the speaker phrase after a sentence-opening "According to" ends when no comma says
    so: after its names and role words, if at least three words of content follow (else -1)."""
    lead = _STATEMENT_BY.match(rest)
    start = lead.end() if lead else 0
    speaker = speaker_prefix(rest[start:], ctx.d, ctx.date)
    if not speaker or not ctx.d.find(speaker, date=ctx.date):
        return -1
    end = start + len(speaker)
    return end if len(rest[end:].split()) >= 3 else -1


def _said_records(s: Any, part: str, inside: list[tuple[int, int]], ctx: _Context) -> list[dict[str, Any]]:
    """Reported speech in one sentence: "X said (that) ...", "... said spokesman X", "... X said"."""
    for find in (_opening_said, _inverted_said, _closing_said):
        rec = find(s, part, inside, ctx)
        if rec is not None:
            return [rec] if rec else []
    return []


def _opening_said(s: Any, part: str, inside: list[tuple[int, int]], ctx: _Context) -> dict[str, Any] | None:
    """"X said (that) ..." at the start of the sentence (``{}``: matched, but not reported speech)."""
    t = s.text
    m = _SENT_START_SPEAKER.match(t)
    if m is None or not _cue_ok(m.group("cue"), t) or _ACCORDING.search(m.group("speaker")):
        return None
    speaker = opening_speaker(m.group("speaker"), ctx.d, ctx.date)
    if not speaker:
        return None
    cue = m.group("cue").lower()
    if speaker != m.group("speaker") and _PARTICIPLE.match(m.group("content")):
        # "... 32 rebels were killed the Observatory said updating an earlier toll"
        content = m.group("speaker")[: len(m.group("speaker")) - len(speaker)].rstrip(" ,")
        if len(content.split()) >= 3:
            return ctx.row(s, part, s.start, s.start + len(content), speaker, cue, "indirect", content)
    cs = m.start("content")
    if cue in ("told", "tells"):
        obj = _TOLD_OBJECT.match(t, cs)
        if obj:
            cs = obj.end()
    lead = _CONTENT_LEAD.match(t[cs:])
    if lead:
        cs += lead.end()
    content = t[cs:]
    ce = cs + len(content.rstrip(" ."))
    if cue in ("claimed", "claims") and content.lower().startswith("responsibility"):
        return {}  # "claimed responsibility for the attack" reports a deed, not speech
    if cue in ("accused", "accuses") and t[m.end("cue") :].lstrip().lower().startswith("of "):
        return {}  # "Assad accused of releasing prisoners": a passive headline
    if ce - cs > 10 and not any(a <= cs + 3 < b for a, b in inside) and not re.search(r"[:\"“]", t[m.end("cue") : cs + 3]):
        return ctx.row(s, part, s.start + cs, s.start + ce, speaker, cue, "indirect", t[cs:ce])
    return None


def _inverted_said(s: Any, part: str, inside: list[tuple[int, int]], ctx: _Context) -> dict[str, Any] | None:
    """"... to open an inquiry said spokesman Chris Garver on Wednesday." """
    t = s.text
    m = _TRAIL_INV.search(t, max(0, len(t) - 120))
    if m and _cue_ok(m.group("cue"), t) and speakerlike(m.group("speaker"), ctx.d, ctx.date) \
            and not any(a <= m.start() < b for a, b in inside):
        content = t[: m.start()].rstrip(" ,")
        if len(content.split()) >= 3:
            return ctx.row(s, part, s.start, s.start + len(content), m.group("speaker"), m.group("cue").lower(), "indirect", content)
    return None


def _closing_said(s: Any, part: str, inside: list[tuple[int, int]], ctx: _Context) -> dict[str, Any] | None:
    """"... the Observatory said." closing the sentence (FA-KES drops the comma before it)."""
    t = s.text
    m = _TRAIL_END.search(t, max(0, len(t) - 160))
    if m is None or not _cue_ok(m.group("cue"), t):
        return None
    pre = t[: m.start()]
    w = _LAST_WORDS.search(pre, max(0, len(pre) - 150))
    if w is None or any(a <= w.start() < b for a, b in inside) or _ACCORDING.search(w.group()):
        return None
    sp = trim_speaker(w.group(), ctx.d, ctx.date)
    if not sp:
        return None
    content = pre[: w.start() + len(w.group().rstrip()) - len(sp)].rstrip(" ,")
    if len(content.split()) >= 3 or len(content.split()) == 2 and content[:1].isupper():
        return ctx.row(s, part, s.start, s.start + len(content), sp, m.group("cue").lower(), "indirect", content)
    return None


def _document_coalition(sentences: Sequence[Any], d: ActorDictionary, date: Any) -> tuple[str, str] | None:
    """The first coalition the document names ("the Syrian Coalition", "the US-led coalition")."""
    for s in sentences:
        if "oalition" not in s.text:
            continue
        for m in d.find(s.text, date=date):
            low = m.surface.lower()
            if "coalition" in low and low not in ("coalition", "the coalition", "coalitions"):
                return m.actor, m.actor_id
    return None


def _cue_ok(cue: str, sentence: str) -> bool:
    """A verb of saying is written in lower case ("Osama Said" is a name), except in all-caps text."""
    return cue.islower() or sentence.isupper()


def _row(sent: Any, part: str, start: int, end: int, speaker: str, cue: str, kind: str, content: str, d: ActorDictionary, date: Any) -> dict[str, Any]:
    speaker = clean_speaker(speaker) if not speaker.rstrip().endswith(")") else speaker.strip(" ,.;:")
    actor, group = resolve_speaker(speaker, d, date, (None, None))
    return {
        "doc_id": sent.doc_id, "part": part, "sent_id": sent.sent_id, "start": start, "end": end,
        "speaker": speaker, "speaker_actor": actor, "speaker_actor_id": group, "cue": cue.lower(),
        "kind": kind, "content": content,
    }
