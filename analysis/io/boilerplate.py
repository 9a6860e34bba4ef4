"""Boilerplate: the spans of a report's text that are site chrome, not journalism.

News pages carry chrome that a scraper keeps: share and follow prompts ("Print Tweet Views
1662", "Get short URL"), related-headline lists, tag lists, bylines and photo credits,
copyright lines, newsletter prompts, publishing stamps, a repeat of the headline at the top of
the body and repeated lead paragraphs. :func:`chrome_spans` finds them with rules that hold
across sites, never lists of particular reports:

* **cues with an extent**: a cue phrase ("Related News", "Tags", "Editing by", "Copyright",
  "(Source: ...)") and how far its chrome runs: the cue alone, to the end of the line, to the
  end of the sentence, or over a list of headlines, tags or names up to where the article's
  prose starts again (:mod:`analysis.io.extents`: when in doubt the text is kept);
* **line shape** (texts with line breaks): lines that hold only share words, and runs of three
  or more short headline-like lines (no sentence end) are link lists;
* **position**: publishing stamps and bylines before the first sentence; a short fragment
  after the last sentence end that is not prose (editors' initials, "Read Also");
* **repetition inside the report**: the title copied at the top of the body; a run of 10 or
  more words that repeats an earlier run of the same report (the lead printed twice);
* **repetition across an outlet** (with an :class:`~analysis.cleaning.OutletProfile`): a run
  at the head or tail of the text, or a line, that recurs in many reports of the same outlet
  and is not plain prose, or names the outlet itself, or holds a cue word.

A span is ``(start, end, rule)`` with offsets into the text; spans never overlap. Removing them
is :mod:`analysis.cleaning`'s job.

Example:
    >>> t = "Ten people were killed in Idlib. Reporting by Ann Lee; Editing by Bo Ray"
    >>> [(t[s:e], r) for s, e, r in chrome_spans(t)]
    [('Reporting by Ann Lee; Editing by Bo Ray', 'byline')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable

from .datelines import DATE_RE, date_stamps
from .extents import byline_end, list_end, sentence_end
from .repetition import line_spans, outlet_spans, repeat_spans, shingle_keys
from .textshape import (
    OPENERS,
    PROSE_MARKERS,
    SENTENCE_END,
    WEAK_OPENERS,
    Span,
    cap_word,
    covered_tokens,
    is_debris,
    is_prose,
    merge_spans,
    norm_word,
    prose_start,
    tokens,
)


def _line_end(text: str, pos: int) -> int:
    n = text.find("\n", pos)
    return len(text) if n == -1 else n


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.!?](?=\s+[A-Z\"\u201c]|\s*$)|\n", re.M).search(text, pos)
    return _line_end(text, pos) if m is None else (m.end() if m.group() != "\n" else m.start())


# --------------------------------------------------------------------------- cue catalogue

#: (rule, extent, pattern). Extent: "match" (the cue), "line" (to the line end), "sentence"
#: (to the sentence end), "list" (a list of headlines or tags up to where prose starts, within
#: the line: :func:`analysis.io.extents.list_end`), "byline" (names and roles up to prose:
#: :func:`analysis.io.extents.byline_end`), "back" (from the last sentence end to the cue),
#: "group" (the pattern's first group only).
#: The cue of a tag list ("Tags", "Keywords", "Topics").
TAG_CUE = re.compile(r"\b(?:Tags?|TAGS|Keywords|Topics):?(?=\s+[A-Z#\"\u201c0-9])")
CUES: list[tuple[str, str, re.Pattern]] = [
    ("share", "match", re.compile(r"\bPrint\s+Tweet(?:\s+Views\s+\d+)?|(?<![A-Za-z])Get\s+short\s+URL(?:\s+\d+\b)*"
                                  r"|\bSEND\s+https?\S*|\bCommunity\s+standards\s*Discussion"
                                  r"|\bComment\s+via\s+[A-Z][a-z]+(?:Comment\s+via\s+[A-Z][a-z]+)*(?:\s+News)?"
                                  r"|\bShare\s+(?:this|on)\s+"
                                  r"(?:article|story|page|post|Facebook|Twitter|WhatsApp)\b:?"
                                  r"|\bFollow\s+us\s+on\s+[A-Z]\w+\.?|\b(?:Like\s+)?Follow\s+Follow\b|\bFOLLOW\s+[A-Z]{3,}\b"
                                  r"|\bClick\s+here\s+to\s+[^.!?\n]*[.!?]?|\bTopic\s+[A-Z][^()\n]{0,80}\(\d+\)(?:\s+\d+)?")),
    ("newsletter", "sentence", re.compile(r"\b(?:Sign\s+up|Subscribe)\b(?=[^.!?\n]{0,60}\bnewsletter)"
                                          r"|\bSubscribe\s+to\s+our\b|\bDon'?t\s+miss\s+out\s+on\b|\bWe\s+won'?t\s+spam\b"
                                          r"|\bSUBSCRIBE\b")),
    ("copyright", "line", re.compile(r"\bCopyright\b|\u00a9|\(c\)\s*\d{4}|\ball rights reserved\b", re.I)),
    ("related", "list", re.compile(r"\bRelated(?:\s+(?:News|Articles?|Stories|Posts|Content|Coverage|Topics))?:?"
                                   r"(?=\s+[A-Z0-9\"\u201c])|\bRead\s+(?:[Aa]lso|[Mm]ore)\b:?"
                                   r"|\bYou\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)\b:?"
                                   r"|\bMore\s+(?:from|on)\s+(?:this|our)\s+\w+:?|\bMost\s+(?:Read|Popular|Viewed)\b:?")),
    ("embed", "back", re.compile(r"\s+-\s+(?:YouTube|Vimeo|Dailymotion)\b")),
    ("embed", "back", re.compile(r"\S*pic\.twitter\.com\S*(?:\s+[^()\n]{0,40}\(@?\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?")),
    ("tags", "list", TAG_CUE),
    ("byline", "byline", re.compile(r"\b(?:Additional\s+reporting|Reporting|Writing|Editing|Edited|Compiled|"
                                    r"Translated|Written|Produced)\s+by\s+(?=[A-Z])", re.I)),
    ("credit", "match", re.compile(r"\((?:[A-Z][\w.&'/-]*\s+){0,4}(?:and\s+)?(?:[Aa]gencies|[Pp]hotos?|Images?)\)"
                                   r"|\((?:Photo|Image|Picture|Photograph)s?\b[^)\n]{0,60}\)"
                                   r"|\((?:Source|With)\b:?\s+[^)\n]{1,80}\)"
                                   r"|\bSource:?\s+(?:[A-Z]{2,}|[A-Z][a-z]+[A-Z]\w*)(?:\s+and\s+agencies)?\b"
                                   r"|\b(?:Photo|Image|Picture)\s*(?:credit)?\s*:\s*[A-Z][\w./&' -]{0,50}"
                                   r"|(?<=[.!?\"\u201d])\s*-{1,2}\s*(?:[A-Z]{2,}|Reuters|Xinhua)\s*$", re.M)),
    ("credit", "group", re.compile(r"\b[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:[ ,]+(?:[A-Z][a-z]+|\([A-Z][a-z]+\)))?\s*"
                                   r"(\((?:[A-Z][\w.'-]*\s*){1,6}\)\s*[-\u2013\u2014]?)(?=\s*[A-Z])", re.M)),
    ("dateline", "line", re.compile(r"\bLast\s+Update:\s*(?=\S)")),
    ("dateline", "match", re.compile(r"\(updated\s+\d{3,4}\s+\d{1,2}\.\d{1,2}\.\d{4}\)", re.I)),
]


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether a cue at ``pos`` opens a sentence or a credit chain: the text's start, or after a
    sentence end, a line break, ";" or "(" (a byline cue inside a sentence is prose: "figures
    compiled by the media office")."""
    before = text[:pos].rstrip(" ")
    return not before or before[-1] in "\n;(" or sentence_end(before.split()[-1])


def cue_spans(text: str, toks: list[re.Match], *, repeated: Callable[[list[str]], bool] | None = None,
              tag_word: Callable[[str], bool] | None = None) -> list[Span]:
    """Spans found by the cue catalogue (:data:`CUES`); ``repeated`` and ``tag_word`` (from the
    outlet's profile) let a list run over the outlet's own repeated chrome and tags."""
    out = []
    starts = [t.start() for t in toks]
    for rule, extent, pattern in CUES:
        for m in pattern.finditer(text):
            end = m.end()
            if extent == "group":  # only the marked part: "(Sputnik)" in "MOSCOW (Sputnik) ..."
                out.append(Span(m.start(1), m.end(1), rule))
                continue
            if extent == "line":
                end = _line_end(text, m.start())
            elif extent == "sentence":
                end = max(end, _sentence_end(text, m.end()))
            elif extent == "back":  # an embedded video card: its title runs back to the sentence end
                cut = text[:m.start()]
                bounds = [b.end() for b in re.finditer(r"[.!?][\"'\u201d)]*\s+|\n", cut)]
                start = max(bounds, default=0)
                if len(cut[start:].split()) > 25:
                    start = m.start()
                out.append(Span(start, end, rule))
                continue
            elif extent in ("list", "byline"):
                if extent == "byline" and not (_opens_sentence(text, m.start()) and (
                        m.group()[0].isupper() or text[:m.start()].rstrip()[-1:] == ";")):
                    continue
                i, stop = bisect_left(starts, m.end()), bisect_left(starts, _line_end(text, m.start()))
                if extent == "byline":
                    k = byline_end(toks, bisect_left(starts, m.start()), stop)
                else:
                    k = list_end(toks, i, stop, repeated=repeated, tag_word=tag_word if rule == "tags" else None)
                end = max(m.end(), toks[k - 1].end()) if k > i else m.end()
            out.append(Span(m.start(), end, rule))
    return out


# --------------------------------------------------------------------------- head and tail

_PUBLISH_CUE = re.compile(r"(?:Published|Posted|Updated|Last\s+updated|Date\s+of\s+publication|Publication\s+date)"
                          r"(?:\s+(?:on|at))?:?\s*$", re.I)
_CAPTION = re.compile(r"\b(?:shows?|seen|pictured|photo|picture|image|file|walks?|rides?|carr(?:y|ies)|inspects?|"
                      r"stands?|sits?|looks?|gathers?|takes?|holds?|waits?|flees|runs?|is|are)\b", re.I)
_CASUALTY = re.compile(r"\b(?:kill|dead|die|death|injur|wound|casualt|toll)", re.I)


def title_copy(text: str, toks: list[re.Match], title: str | None, *, within: int = 60) -> Span | None:
    """The copy of the report's title near the top of its body (a trailing site name such as
    ``| Jordan Times`` may be missing from the copy); None if the body does not repeat it.

    Example:
        >>> t = "Tue Jul 7 2015 Car bomb kills four in Homs . A car bomb killed four people."
        >>> s = title_copy(t, tokens(t), "Car bomb kills four in Homs")
        >>> t[s.start:s.end]
        'Car bomb kills four in Homs .'
    """
    words = [w for w in (norm_word(x) for x in (title or "").split()) if w]
    variants = [words]
    cut = re.split(r"\s+[|\u2013-]\s+(?=[^|\u2013-]*$)", (title or "").strip())
    if len(cut) == 2:
        variants.append([w for w in (norm_word(x) for x in cut[0].split()) if w])
    norms = [norm_word(t.group()) for t in toks[: within + 40]]
    idx = [k for k, n in enumerate(norms) if n]
    body = [norms[k] for k in idx]
    for v in variants:
        if len(v) < 3:
            continue
        for s in range(0, min(within, len(body) - len(v) + 1)):
            if body[s:s + len(v)] == v:
                a, b = idx[s], idx[s + len(v) - 1]
                while b + 1 < len(toks) and not norm_word(toks[b + 1].group()) and toks[b + 1].group() in ".:|-":
                    b += 1
                return Span(toks[a].start(), toks[b].end(), "title")
    return None


def _head_byline(text: str, toks: list[re.Match], k: int, title: Span | None) -> int | None:
    """End of a byline at token ``k``: "by Name Name" (up to the title copy), or a short sentence
    of capitalised names only ("Dominic Evans Khaled Oweis.")."""
    words = [t.group() for t in toks]
    if k < len(words) and words[k].lower() == "by":
        if title is not None and title.start > toks[k].end():
            between = [w for t, w in zip(toks, words) if toks[k].end() <= t.start() < title.start]
            if len(between) <= 8 and all(cap_word(w) or w in ("and", "&") for w in between):
                return toks[k + len(between)].end() if between else toks[k].end()
        j = k + 1
        while j < len(words) and j <= k + 3 and cap_word(words[j]) and not words[j][:1].isdigit() \
                and norm_word(words[j]) not in OPENERS:
            j += 1
        return toks[j - 1].end() if j > k + 1 else None
    if k < len(words) and norm_word(words[k]) in OPENERS | PROSE_MARKERS:
        return None  # "A U.S. drone ...", "The U.N. said ...": a sentence, not names
    j = k
    while j < len(words) and j < k + 8 and (cap_word(words[j]) or words[j] in ("and", "&")) and not words[j][:1].isdigit():
        if sentence_end(words[j]) and j > k:
            return toks[j].end()
        j += 1
    return None


def head_spans(text: str, toks: list[re.Match], title: str | None, taken: list[Span]) -> list[Span]:
    """Chrome before the first sentence: publishing stamps (with a cue such as "Published" or a
    credit such as "AFP" before them), the title copy, and a byline after either."""
    out: list[Span] = []
    tcopy = title_copy(text, toks, title)
    stamps = {s.start: s for s in date_stamps(text, head_words=60)}
    starts = {t.start(): k for k, t in enumerate(toks)}
    cues = {s.start: s for s in taken}
    k, last = 0, None
    while k < len(toks) and k < 80:
        pos = toks[k].start()
        if tcopy is not None and pos == tcopy.start:
            out.append(tcopy)
            span, last = tcopy, "title"
        elif pos in cues:
            span = cues[pos]
        else:
            span = _head_stamp(text, toks, k, stamps)
            if span is None and last in ("title", "dateline"):
                end = _head_byline(text, toks, k, tcopy)
                span = Span(pos, end, "byline") if end is not None else None
            if span is None:
                break
            out.append(span)
            last = span.rule
        k = next((starts[t.start()] for t in toks[k:] if t.start() >= span.end), len(toks))
    return out


def _head_stamp(text: str, toks: list[re.Match], k: int, stamps: dict) -> Span | None:
    """A date stamp at token ``k``, or after a publishing cue or up to 7 capitalised credit
    words ("AFP", "Sputnik Michael Alaeddin Middle East 1449") starting there."""
    for j in range(k, min(len(toks), k + 8)):
        stamp = stamps.get(toks[j].start())
        if stamp is None:
            continue
        before = text[toks[k].start():toks[j].start()]
        if j == k or _PUBLISH_CUE.search(before) or all(cap_word(w) for w in before.split()):
            end = stamp.end
            m = re.match(r"\s*(?:\(updated[^)]*\))", text[end:])
            return Span(toks[k].start(), end + (m.end() if m else 0), "dateline")
        return None
    return None


def caption_spans(text: str, credits: list[Span], taken: list[Span]) -> list[Span]:
    """A photo caption: the sentence just before a photo credit ("(Reuters Photo)", "(X and
    Agencies)"), when it reads as a caption (present tense, "shows", "photo")."""
    out = []
    for c in credits:
        if not re.search(r"[Pp]hoto|[Aa]gencies|Image", text[c.start:c.end]):
            continue
        end = c.start
        head = text[:end].rstrip()
        head = re.sub(rf"(?:{DATE_RE.pattern})\.?\s*$", "", head).rstrip()
        cut = head[:-1] if head.endswith(".") else head
        bounds = [m.end() for m in re.finditer(r"[.!?][\"'\u201d)]*\s+(?=[A-Z\"\u201c])|\n", cut)]
        bounds += [s.end for s in taken if s.end <= len(cut)]
        start = max(bounds, default=0)
        while start < len(cut) and cut[start].isspace():
            start += 1
        piece = text[start:end]
        if start < end and len(piece.split()) <= 60 and _CAPTION.search(piece):
            out.append(Span(start, end, "caption"))
    return out


_FUNCTION = frozenset("in of on to for and at by from with as near after over amid into".split())


def card_spans(toks: list[re.Match], *, outlet: str | None = None, min_words: int = 6) -> list[Span]:
    """Embedded link cards: after a sentence end, a photo credit (an agency in capitals, "Photo",
    or the outlet's own name) and a headline of title-case words ("Sputnik Andrei Stenin Syrias
    Security Services Avert Terror Attack"), up to where a new sentence starts."""
    words = [t.group() for t in toks]
    name = norm_word(outlet or "")
    out = []
    for i in range(1, len(words)):
        first = words[i]
        if not SENTENCE_END.search(words[i - 1]) or not first[:1].isalpha() or not (
                re.fullmatch(r"[A-Z]{2,}|Photo", first) or (len(name) >= 3 and norm_word(first) == name)):
            continue
        j = prose_start(toks, i, limit=40)
        if j is None and len(words) - i <= 40 and not is_prose(" ".join(words[i:])):
            j = len(words)  # the card closes the text
        if j is None or j - i < min_words or (j < len(words) and not _new_sentence(words[j])):
            continue
        card = words[i:j]
        if any(SENTENCE_END.search(w) for w in card) or any(norm_word(w) in PROSE_MARKERS for w in card):
            continue
        if sum(cap_word(w) or w in _FUNCTION for w in card) == len(card) and sum(w in _FUNCTION for w in card) <= len(card) // 3:
            out.append(Span(toks[i].start(), toks[j - 1].end(), "related"))
    return out


def _new_sentence(word: str) -> bool:
    n = norm_word(word)
    return (n in PROSE_MARKERS and cap_word(word)) or n in OPENERS or n in WEAK_OPENERS


def signature_span(text: str) -> Span | None:
    """A short fragment after the last sentence end of the text that is not prose: editors'
    initials ("SSH 11"), "Manar/Mazen", "Read Also", a lone "Twitter"."""
    body = text.rstrip()
    line_start = body.rfind("\n") + 1
    ends = [m.end() for m in re.finditer(r"[.!?][\"'\u201d)]*(?=\s)", body, 0) if m.end() > line_start]
    start = ends[-1] if ends else line_start
    before = body[:start].rstrip()
    if not before or not SENTENCE_END.search(before):
        return None  # the whole text, or a line after an unfinished one: not a fragment after prose
    piece = body[start:]
    words = piece.split()
    if not words or all(is_debris(w) for w in words) or is_prose(piece) or _CASUALTY.search(piece):
        return None
    if SENTENCE_END.search(piece) and not re.search(r"\b[A-Z]\.$", piece):
        return None  # a sentence, unless it ends on an initial ("Rana K./ Sami H.")
    if len(words) > (8 if ends else 6):
        return None
    lead = len(piece) - len(piece.lstrip())
    return Span(start + lead, len(body), "signature")


# --------------------------------------------------------------------------- lines and outlets

# --------------------------------------------------------------------------- all rules


def _absorb_debris(text: str, toks: list[re.Match], spans: list[Span]) -> list[Span]:
    """Stray numbers and marks between two spans, or between a sentence end or the text's edge
    and a span ("... 91 Related"), join the span next to them."""
    covered = covered_tokens(toks, spans)
    extra: list[Span] = []
    i = 0
    while i < len(toks):
        if covered[i] or not is_debris(toks[i].group()):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and not covered[j + 1] and is_debris(toks[j + 1].group()):
            j += 1
        left_ok = i == 0 or covered[i - 1] or bool(SENTENCE_END.search(toks[i - 1].group()))
        right_ok = j == len(toks) - 1 or covered[j + 1]
        if left_ok and right_ok and (i > 0 and covered[i - 1] or j < len(toks) - 1 and covered[j + 1]):
            a, b = toks[i].start(), toks[j].end()
            after = next((s for s in spans if s.start >= b), None)
            before = next((s for s in reversed(spans) if s.end <= a), None)
            near = after if after is not None and not text[b:after.start].strip() else before
            extra.append(Span(a, b, near.rule if near is not None else "share"))
        i = j + 1
    return merge_spans(spans + extra, text=text)


#: Cue rules whose evidence is not capitalisation (kept in all-capital text).
CASE_FREE_RULES = frozenset({"copyright", "dateline", "signature"})


def all_capitals(text: str) -> bool:
    """Whether ``text`` is written in capitals (wire copy such as MUC-4): over 80% of its letters.

    Example:
        >>> all_capitals("SIX JESUITS WERE MURDERED (FMLN) TODAY."), all_capitals("Six Jesuits (FMLN) were murdered.")
        (True, False)
    """
    letters = sum(map(str.isalpha, text))
    return bool(letters) and sum(map(str.isupper, text)) > 0.8 * letters


def chrome_spans(text: str, *, title: str | None = None, outlet: str | None = None,
                 frequent: Callable[[str], bool] | None = None,
                 frequent_line: Callable[[str], bool] | None = None,
                 tag_word: Callable[[str], bool] | None = None) -> list[Span]:
    """Every chrome span of one report's body, sorted and non-overlapping.

    Args:
        text: the report's body as loaded.
        title: the report's title (its copy at the top of the body is chrome).
        outlet: the outlet's name (a repeated run naming it is chrome).
        frequent: says whether a word shingle (:func:`shingle_keys`) recurs in many reports
            of the outlet; None skips the rule (one report alone).
        frequent_line: the same for whole lines (:func:`line_key`).
        tag_word: says whether a word is one of the tags the outlet uses (a tag list runs over them).

    Example:
        >>> t = "Fri Sep 27 2013 Bomb kills 60 . At least 60 people died. Tags Syria Damascus"
        >>> [(t[s:e], r) for s, e, r in chrome_spans(t, title="Bomb kills 60")]
        [('Fri Sep 27 2013', 'dateline'), ('Bomb kills 60 .', 'title'), ('Tags Syria Damascus', 'tags')]
    """
    if not text or not text.strip():
        return []
    toks = tokens(text)
    capitals = all_capitals(text)
    cues = cue_spans(text, toks, repeated=_repeated(frequent), tag_word=tag_word)
    if capitals:  # in all-capital wire text capitals say nothing: only cues that do not rely on them
        cues = [c for c in cues if c.rule in CASE_FREE_RULES]
    spans = merge_spans(cues + line_spans(text, frequent_line=frequent_line, outlet=outlet))
    spans = merge_spans(spans + head_spans(text, toks, title, spans))
    credits = [s for s in spans if s.rule == "credit"]
    spans = merge_spans(spans + caption_spans(text, credits, spans) + repeat_spans(toks)
                        + ([] if capitals else card_spans(toks, outlet=outlet)))
    sig = signature_span(text)
    if sig is not None:
        spans = merge_spans(spans + [sig])
    if frequent is not None:
        spans = merge_spans(spans + outlet_spans(toks, covered_tokens(toks, spans), frequent=frequent, outlet=outlet))
    sig = signature_span(_blank(text, spans))
    if sig is not None:
        spans = merge_spans(spans + [sig])
    spans = _absorb_debris(text, toks, spans)
    if not _blank(text, spans).strip():  # a body that is only its headline keeps it (nothing else to read)
        spans = [s for s in spans if s.rule != "title"]
    return spans


def _repeated(frequent: Callable[[str], bool] | None) -> Callable[[list[str]], bool] | None:
    """A run of words is repeated across the outlet when every word shingle of it is frequent."""
    if frequent is None:
        return None

    def repeated(words: list[str]) -> bool:
        norms = [n for n in (norm_word(w) for w in words) if n]
        keys = shingle_keys(norms, 0, len(norms))
        return bool(keys) and all(frequent(k) for _, k in keys)

    return repeated


def _blank(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for s in spans:
        for k in range(s.start, s.end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)
