"""Repetition: chrome found because it repeats, inside one report or across an outlet.

* Inside a report: a run of :data:`REPEAT_WORDS` or more words that repeats an earlier run
  (the lead printed twice, a timeline pasted again) is removed where it is made of whole
  sentences; a paraphrase that shares a phrase stays.
* Across an outlet (the predicates come from :class:`analysis.cleaning.OutletProfile`): a run of
  word shingles at the head or the tail of a text, or a whole line, that recurs in many reports
  of the same outlet and is chrome-like (not prose, or holding a cue word such as "Facebook",
  or, at the tail, the outlet's own name); a run of headline-like lines is a link list.

Example:
    >>> t = "Five people died in Homs on Monday the state agency said. Five people died in Homs on Monday the state agency said."
    >>> [t[s:e] for s, e, _ in repeat_spans(tokens(t))]
    ['Five people died in Homs on Monday the state agency said.']
"""

from __future__ import annotations

import re
from typing import Callable

from .textshape import (
    CUE_WORDS,
    SENTENCE_END,
    Span,
    cap_word,
    is_debris,
    is_prose,
    norm_word,
    runs_of,
    tokens,  # noqa: F401 (tokens: used by the examples)
)

#: A run of at least this many words that repeats an earlier run of the same report is a copy.
REPEAT_WORDS = 10


def repeat_spans(toks: list[re.Match], *, words: int = REPEAT_WORDS) -> list[Span]:
    """Later copies of a run of ``words`` or more words already said in the same text."""
    norms = [norm_word(t.group()) for t in toks]
    first: dict[tuple, int] = {}
    marked = [False] * len(toks)
    for i in range(len(norms) - words + 1):
        gram = tuple(norms[i:i + words])
        j = first.setdefault(gram, i)
        if j + words <= i and all(gram):
            for m in range(i, i + words):
                marked[m] = True
    return [s for s in (_whole_sentences(toks, r) for r in runs_of(toks, marked, "repeat")) if s is not None]


def _whole_sentences(toks: list[re.Match], run: Span) -> Span | None:
    """The part of a repeated run made of whole sentences (a paraphrase sharing a phrase stays)."""
    inside = [k for k, t in enumerate(toks) if run.start <= t.start() < run.end]
    starts = [k for k in inside if k == 0 or SENTENCE_END.search(toks[k - 1].group())]
    ends = [k for k in inside if SENTENCE_END.search(toks[k].group())]
    if not starts or not ends or ends[-1] < starts[0]:
        return None
    return Span(toks[starts[0]].start(), toks[ends[-1]].end(), "repeat")



SHINGLE = 5
#: Words at each end of a report that are compared across the reports of its outlet.
HEAD_WORDS, TAIL_WORDS = 60, 200
_SHARE_LINE = frozenset("""share shares tweet email e-mail print facebook twitter whatsapp linkedin pinterest reddit
    telegram copy link comments comment advertisement follow us on subscribe menu home skip to content sign up in
    log search save bookmark listen reply the this article story page""".split())
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf]|\d+[.)])\s")


def shingle_keys(norms: list[str], lo: int, hi: int) -> list[tuple[int, str]]:
    """(position, key) of the word ``SHINGLE``-grams that start in ``[lo, hi)``."""
    return [(i, " ".join(norms[i:i + SHINGLE])) for i in range(max(0, lo), min(hi, len(norms) - SHINGLE + 1))]


def line_key(line: str) -> str:
    """A line as compared across reports (normalised words)."""
    return " ".join(w for w in (norm_word(x) for x in line.split()) if w)


def _headline_like(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s.split()) <= 14 and cap_word(s) and not SENTENCE_END.search(s) and not _BULLET.match(line)


def line_spans(text: str, *, frequent_line: Callable[[str], bool] | None = None,
               outlet: str | None = None) -> list[Span]:
    """Chrome lines of a text with line breaks: lines of share words only, runs of three or
    more headline-like lines (a link list), and lines an outlet repeats that are not prose."""
    if "\n" not in text:
        return []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    out: list[Span] = []
    for a, b, line in lines:
        words = [w.lower().strip(":|") for w in line.split()]
        if words and len(words) <= 8 and all(w in _SHARE_LINE or not w for w in words):
            out.append(Span(a + len(line) - len(line.lstrip()), b, "share"))
        elif frequent_line is not None and words and frequent_line(line_key(line)) and (
                not is_prose(line) or has_cue(line, outlet)):
            out.append(Span(a + len(line) - len(line.lstrip()), b, "outlet"))
    full = [(a, b, ln) for a, b, ln in lines if ln.strip()]
    i = 0
    while i < len(full):
        j = i
        while j < len(full) and _headline_like(full[j][2]):
            j += 1
        if j - i >= 3:
            out.extend(Span(a + len(ln) - len(ln.lstrip()), b, "related") for a, b, ln in full[i:j])
        i = max(j, i + 1)
    return out


def has_cue(text: str, outlet: str | None) -> bool:
    """A chrome cue word in ``text``, or (given ``outlet``) the outlet's own name."""
    norms = [norm_word(w) for w in text.split()]
    if any(n in CUE_WORDS for n in norms):
        return True
    name = norm_word(outlet or "")
    if len(name) < 3:
        return False
    return any(name in "".join(norms[i:i + 3]) for i in range(len(norms)))


def outlet_spans(toks: list[re.Match], covered: list[bool], *, frequent: Callable[[str], bool],
                 outlet: str | None = None) -> list[Span]:
    """Runs at the head or the tail of a text that recur in many reports of its outlet
    (``frequent`` says which word shingles do) and that are chrome-like: not prose, or holding
    a cue word or the outlet's own name. A run reaches the edge of the text, passing only over
    spans already found and stray numbers or marks."""
    norms = [norm_word(t.group()) for t in toks]
    rep = [False] * len(toks)
    n = len(toks)
    for lo, hi in ((0, HEAD_WORDS), (n - TAIL_WORDS, n)):
        for i, key in shingle_keys(norms, lo, hi):
            if frequent(key):
                for m in range(i, i + SHINGLE):
                    rep[m] = True
    out: list[Span] = []
    for tail, order in ((True, range(n - 1, -1, -1)), (False, range(n))):
        run = []
        for k in order:
            if rep[k] or covered[k] or is_debris(toks[k].group()):
                run.append(k)
            else:
                break
        marked = [False] * n
        for segment in _segments(toks, run, from_end=tail):
            picked = [k for k in segment if rep[k] and not covered[k]]
            if not picked:
                continue
            piece = " ".join(toks[k].group() for k in picked)
            # not prose is enough only for a sentence of its own at the tail
            whole = segment[0] == 0 or covered[segment[0] - 1] or bool(SENTENCE_END.search(toks[segment[0] - 1].group()))
            if not ((tail and whole and not is_prose(piece)) or has_cue(piece, outlet if tail else None)):
                break  # the first sentence from the edge that is not chrome ends the run
            for k in picked:
                marked[k] = True
        out.extend(runs_of(toks, marked, "outlet"))
    return out


def _segments(toks: list[re.Match], run: list[int], *, from_end: bool) -> list[list[int]]:
    """The tokens of a run cut into sentences, ordered from the edge of the text inwards."""
    segs: list[list[int]] = []
    for k in sorted(run):
        if not segs or SENTENCE_END.search(toks[segs[-1][-1]].group()) or k != segs[-1][-1] + 1:
            segs.append([k])
        else:
            segs[-1].append(k)
    return segs[::-1] if from_end else segs

