"""Cleaning: site chrome blanked out of the loaded text, with every offset kept.

How a cleaned text relates to what a reader sees: each chrome span that
:func:`analysis.boilerplate.chrome_spans` finds is replaced **in place by blanks of the same
length** (line breaks kept; a span that starts inside a line starts with a line break, so a
sentence never runs across removed chrome). The cleaned ``documents.text`` therefore has the
same length as the raw text and every offset (a claim's ``start``/``end``, a sentence's span)
points at the same characters in both: a reader who opens the raw report on the outlet's site
or in the corpus file finds the sentence at the offset the tables give, with no mapping
table to consult. (A compacted text would shift every offset after the first removal and
need a map both ways; a reader quoting an offset would land on the wrong words.)

The raw text is kept: ``documents.removed`` lists the removed spans as JSON,
``[{"part": "body", "start": 0, "end": 15, "rule": "dateline", "text": "Thu Sep 5 2013 "}]``,
so :func:`restore_raw` gives back the exact raw text, :func:`removed_spans` lists every removal
as a table and :func:`removal_by_outlet` counts them per outlet. A title loses only a trailing
site name ("... | Jordan Times") that its outlet repeats.

Repetition across an outlet needs the outlet's other reports: :func:`build_profile` reads the
head and tail words, the lines and the words after a tag cue of (at most
:data:`PROFILE_REPORTS` of) each outlet's reports in one pass; a word shingle, a line or a tag
word is *frequent* when at least ``max(3, 5% of the outlet's reports)`` distinct reports hold
it. Corpus loading learns the profile first (from the records it holds, up to
:data:`PROFILE_BUFFER`, or in a first pass over a larger corpus), then cleans each record
(:func:`clean_record`), so every loader gets the same text.

Example:
    >>> text, spans = clean_text("Sun 05 Jul 2015 Six were killed. Tags Syria Idlib")
    >>> text
    '                Six were killed. \\n               '
    >>> [(s.rule, s.start, s.end) for s in spans]
    [('dateline', 0, 15), ('tags', 33, 49)]
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import pandas as pd

from .boilerplate import TAG_CUE, chrome_spans
from .extents import sentence_end
from .repetition import HEAD_WORDS, SHINGLE, TAIL_WORDS, line_key, shingle_keys
from .textshape import Span, norm_word

#: Reports per outlet read to learn its repeated chrome (the first ones met), bounding memory.
PROFILE_REPORTS = 2000
#: A corpus of up to this many records is read once and held while the profile is learnt;
#: a larger one is read twice (corpus loading, :func:`analysis.io.corpus.iter_records`).
PROFILE_BUFFER = 2000
#: Longest text searched for chrome, in characters (a hundred times the longest report of FA-KES
#: or MUC-4). A longer one (a whole site dumped into one field, a 50 MB line) is kept whole, not
#: searched and not learnt from: the rules read every word several times over, and their memory
#: would grow to a hundred times the text.
MAX_CHROME_TEXT = 1_000_000
#: A shingle or line is an outlet's chrome candidate when this share of its reports (and at
#: least :data:`MIN_REPEATS`) hold it.
REPEAT_SHARE = 0.05
MIN_REPEATS = 3
#: Words after a tag cue counted as the outlet's possible tags.
TAG_WINDOW = 15
#: Columns of :func:`removed_spans`.
REMOVED_COLUMNS = ["doc_id", "source", "part", "start", "end", "rule", "text"]
_TITLE_SUFFIX = re.compile(r"\s+[|\u2013-]\s+([^|\u2013-]{2,40})$")


@dataclass
class OutletProfile:
    """What each outlet repeats across its reports: head/tail word shingles, lines, title suffixes."""

    reports: Counter = field(default_factory=Counter)
    shingles: dict[str, Counter] = field(default_factory=dict)
    lines: dict[str, Counter] = field(default_factory=dict)
    suffixes: dict[str, Counter] = field(default_factory=dict)
    tags: dict[str, Counter] = field(default_factory=dict)
    _seen: set = field(default_factory=set, repr=False)

    def threshold(self, outlet: str) -> int:
        """Distinct reports that must hold a shingle or line for it to count as repeated."""
        return max(MIN_REPEATS, math.ceil(REPEAT_SHARE * self.reports.get(outlet, 0)))

    def add(self, outlet: str | None, title: str | None, text: str) -> None:
        """Count one report (a repeated text, or one past :data:`PROFILE_REPORTS`, is ignored)."""
        key = _outlet_key(outlet)
        if len(text) > MAX_CHROME_TEXT:
            return
        digest = hashlib.blake2b(" ".join(text.split()).encode(), digest_size=12).digest()
        if digest in self._seen or self.reports[key] >= PROFILE_REPORTS:
            return
        self._seen.add(digest)
        self.reports[key] += 1
        words = text.split()  # only the head and the tail are compared across reports: word them alone
        head = [norm_word(w) for w in words[:HEAD_WORDS + SHINGLE - 1]]
        tail = [norm_word(w) for w in words[max(0, len(words) - TAIL_WORDS):]]
        keys = {k for _, k in shingle_keys(head, 0, HEAD_WORDS)} | {k for _, k in shingle_keys(tail, 0, TAIL_WORDS)}
        self.shingles.setdefault(key, Counter()).update(keys)
        if "\n" in text:
            lines = {line_key(x) for x in text.split("\n") if 0 < len(x.split()) <= 30}
            self.lines.setdefault(key, Counter()).update(lines)
        m = _TITLE_SUFFIX.search((title or "").strip())
        if m:
            self.suffixes.setdefault(key, Counter())[norm_word(m.group(1))] += 1
        words = {w for m in TAG_CUE.finditer(text) for w in _tag_window(text, m.end())}
        if words:
            self.tags.setdefault(key, Counter()).update(words)

    def frequent(self, outlet: str | None):
        """A predicate: is this shingle repeated in the outlet's reports? None for a lone report."""
        return self._repeated(self.shingles, outlet)

    def frequent_line(self, outlet: str | None):
        """A predicate for whole lines (see :meth:`frequent`)."""
        return self._repeated(self.lines, outlet)

    def tag_word(self, outlet: str | None):
        """A predicate: is this (normalised) word one the outlet uses as a tag? None without tags."""
        return self._repeated(self.tags, outlet)

    def _repeated(self, table: dict[str, Counter], outlet: str | None):
        """A predicate: does an item of ``table`` recur in enough of the outlet's reports? None when
        the outlet has no counts or too few reports to tell."""
        key = _outlet_key(outlet)
        counts, k = table.get(key), self.threshold(key)
        if not counts or self.reports[key] < MIN_REPEATS:
            return None
        return lambda item: counts.get(item, 0) >= k

    def title_suffix(self, outlet: str | None, title: str | None) -> Span | None:
        """A trailing site name of a title ("| Jordan Times") that the outlet repeats."""
        key = _outlet_key(outlet)
        m = _TITLE_SUFFIX.search(title or "")
        if not m or self.suffixes.get(key, Counter())[norm_word(m.group(1))] < self.threshold(key):
            return None
        return Span(m.start(), m.end(), "outlet")


def _tag_window(text: str, pos: int) -> list[str]:
    """The words after a tag cue, up to :data:`TAG_WINDOW` or a sentence end (normalised)."""
    out = []
    for w in text[pos:pos + 400].split()[:TAG_WINDOW]:
        out.append(norm_word(w))
        if sentence_end(w):
            break
    return [w for w in out if w]


def _outlet_key(outlet: str | None) -> str:
    return (outlet or "").strip().lower()


def build_profile(reports: Iterable[tuple[str | None, str | None, str]]) -> OutletProfile:
    """An :class:`OutletProfile` from ``(outlet, title, text)`` triples (one pass, streaming)."""
    profile = OutletProfile()
    for outlet, title, text in reports:
        profile.add(outlet, title, text or "")
    return profile


def blank_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` with each span replaced by blanks of the same length (line breaks kept; a span
    that starts inside a line starts with a line break).

    Example:
        >>> blank_spans("Killed 3. Share this Next one.", [Span(10, 20, "share")])
        'Killed 3. \\n          Next one.'
    """
    chars = list(text)
    for s in spans:
        for k in range(s.start, s.end):
            if chars[k] != "\n":
                chars[k] = " "
        if s.start > 0 and text[s.start - 1] != "\n" and s.start < s.end and text[s.start] != "\n":
            chars[s.start] = "\n"
    return "".join(chars)


def clean_text(text: str, *, title: str | None = None, outlet: str | None = None,
               profile: OutletProfile | None = None) -> tuple[str, list[Span]]:
    """The cleaned text (chrome blanked, same length) and the removed spans.

    Args:
        text: a report's body.
        title: its title (its copy in the body is removed).
        outlet: its outlet (for the outlet's repeated chrome).
        profile: the corpus's :class:`OutletProfile`; None uses only single-report rules.

    A text over :data:`MAX_CHROME_TEXT` characters is returned as it is, with no span.
    """
    if len(text) > MAX_CHROME_TEXT:
        return text, []
    frequent = profile.frequent(outlet) if profile is not None else None
    frequent_line = profile.frequent_line(outlet) if profile is not None else None
    tag_word = profile.tag_word(outlet) if profile is not None else None
    spans = chrome_spans(text, title=title, outlet=outlet, frequent=frequent, frequent_line=frequent_line,
                         tag_word=tag_word)
    return blank_spans(text, spans), spans


def clean_record(record, profile: OutletProfile | None = None):
    """Clean a :class:`~analysis.corpus.Record` in place: ``text`` and ``title`` blanked,
    ``removed`` set to the removed spans (as dicts with the raw text of each)."""
    title = (record.title or "").strip()
    removed = []
    t_span = profile.title_suffix(record.source, title) if profile is not None else None
    if t_span is not None:
        removed.append(_span_dict("title", title, t_span))
        title = blank_spans(title, [t_span])
    record.title = title
    text, spans = clean_text(record.text, title=title.strip(), outlet=record.source, profile=profile)
    removed.extend(_span_dict("body", record.text, s) for s in spans)
    record.text = text
    record.removed = removed
    return record


def _span_dict(part: str, text: str, s: Span) -> dict:
    return {"part": part, "start": s.start, "end": s.end, "rule": s.rule, "text": text[s.start:s.end]}


def restore_raw(text: str, removed: str | list | None, *, part: str = "body") -> str:
    """The raw text from a cleaned text and its ``removed`` spans (JSON or list).

    Example:
        >>> t, spans = clean_text("Sun 05 Jul 2015 Six were killed.")
        >>> restore_raw(t, [{"part": "body", "start": s.start, "end": s.end, "rule": s.rule,
        ...                  "text": "Sun 05 Jul 2015 "[s.start:s.end]} for s in spans])
        'Sun 05 Jul 2015 Six were killed.'
    """
    spans = _parse_removed(removed)
    out = text or ""
    for s in spans:
        if s["part"] != part:
            continue
        out = out.ljust(s["end"])
        out = out[:s["start"]] + s["text"] + out[s["end"]:]
    return out


def _parse_removed(removed: str | list | None) -> list[dict]:
    if removed is None or (isinstance(removed, float) and math.isnan(removed)):
        return []
    return json.loads(removed) if isinstance(removed, str) else list(removed)


def removed_json(removed: list[dict]) -> str:
    """The ``documents.removed`` value: compact JSON, stable key order."""
    return json.dumps(removed, ensure_ascii=False, separators=(",", ":"))


def removed_spans(documents: pd.DataFrame) -> pd.DataFrame:
    """Every removed span of every report, one row each (columns :data:`REMOVED_COLUMNS`)."""
    rows = []
    if "removed" in documents:
        for doc_id, source, removed in zip(documents["doc_id"], documents.get("source", [None] * len(documents)),
                                           documents["removed"]):
            for s in _parse_removed(removed):
                rows.append({"doc_id": doc_id, "source": source, **{k: s[k] for k in REMOVED_COLUMNS[2:]}})
    return pd.DataFrame(rows, columns=REMOVED_COLUMNS)


def removal_by_outlet(documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per outlet: reports, reports with removals, raw characters, removed characters and their
    share, removed spans, and lines removed whole (for texts with line breaks).

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a"], "source": ["x"], "title": [None], "text": ["  Killed 3."],
        ...     "removed": ['[{"part":"body","start":0,"end":2,"rule":"share","text":"X "}]']})
        >>> removal_by_outlet(docs)[["source", "chars", "removed_chars", "spans"]].values.tolist()
        [['x', 11, 2, 1]]
    """
    cols = [by, "reports", "reports_cleaned", "chars", "removed_chars", "removed_share", "spans", "lines_removed"]
    if documents.empty or "removed" not in documents:
        return pd.DataFrame(columns=cols)
    rows = []
    for group, text, removed in zip(documents[by].astype(object).where(documents[by].notna(), "(unknown)"),
                                    documents["text"].fillna(""), documents["removed"]):
        spans = [s for s in _parse_removed(removed) if s["part"] == "body"]
        raw = restore_raw(text, spans)
        gone = sum(len(s["text"]) for s in spans)
        lines = sum(1 for a, b in _line_bounds(raw) if raw[a:b].strip() and not text[a:b].strip())
        rows.append((group, 1, int(bool(spans)), len(raw), gone, len(spans), lines))
    df = pd.DataFrame(rows, columns=[by, "reports", "reports_cleaned", "chars", "removed_chars", "spans",
                                     "lines_removed"]).groupby(by, sort=True).sum().reset_index()
    df["removed_share"] = (df["removed_chars"] / df["chars"].clip(lower=1)).round(4)
    return df[cols]


def _line_bounds(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    if "\n" not in text:
        return []
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def removal_by_rule(documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Removed spans and characters per outlet and rule."""
    spans = removed_spans(documents)
    cols = [by, "rule", "spans", "removed_chars"]
    if spans.empty:
        return pd.DataFrame(columns=cols)
    spans = spans.rename(columns={"source": by}) if by != "source" else spans
    spans["removed_chars"] = spans["text"].str.len()
    g = spans.groupby([by, "rule"], sort=True)
    return pd.DataFrame({"spans": g.size(), "removed_chars": g["removed_chars"].sum()}).reset_index()[cols]


def sample_removed(documents: pd.DataFrame, *, n: int = 20, seed: int = 0) -> pd.DataFrame:
    """``n`` removed spans drawn at random (a fixed seed), to read what cleaning takes away."""
    spans = removed_spans(documents)
    return spans.sample(min(n, len(spans)), random_state=seed).sort_values(["doc_id", "start"]) \
        .reset_index(drop=True) if len(spans) else spans


def clean_records(records: Iterable, profile: OutletProfile | None) -> Iterable:
    """Clean each document record of a stream (skipped records pass through untouched)."""
    for r in records:
        if getattr(r, "reason", None) is None:
            clean_record(r, profile)
        yield r


def profile_from_records(records: Iterable) -> OutletProfile:
    """The :class:`OutletProfile` of a stream of records (skipped records ignored)."""
    return build_profile((r.source, r.title, r.text) for r in records if getattr(r, "reason", None) is None)


def removed_counts(documents: pd.DataFrame) -> Mapping[str, int]:
    """Totals for a provenance line: reports cleaned, spans and characters removed."""
    spans = removed_spans(documents)
    return {"reports_cleaned": int(spans["doc_id"].nunique()) if len(spans) else 0,
            "spans": int(len(spans)), "chars": int(spans["text"].str.len().sum()) if len(spans) else 0}
