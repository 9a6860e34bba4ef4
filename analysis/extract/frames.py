"""Dictionary frames per report: hits of each frame's terms, per 1,000 words, with the terms kept.

Seven generic news frames (Semetko & Valkenburg 2000; Boydstun et al.'s Policy Frames
Codebook) from ``frames.yml``; the matched terms are kept so a reader sees why a report scored
high.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import pandas as pd

from ..resources import vocabulary
from ..resources.files import entry_error, load_yaml
from ..resources.registry import lexicon_path
from .terms import Matcher, Term, check_keys, check_terms
from .text import Sentence


@dataclass
class FrameLexicon:
    """A validated frames lexicon, compiled (see ``frames.yml`` for the format)."""

    path: Path
    frames: dict[str, dict[str, Any]]
    matcher: Matcher


@lru_cache(maxsize=8)
def _load_frames_cached(path: str, mtime: float) -> FrameLexicon:
    p = Path(path)
    data = load_yaml(p)
    check_keys(p, "(top level)", data, {"frames", "ignore"}, {"frames"})
    frames = data["frames"]
    if not isinstance(frames, dict) or not frames:
        raise entry_error(p, "frames", "needs at least one frame")
    seen: dict[str, str] = {}
    terms: list[Term] = []
    for name, spec in frames.items():
        name = str(name)
        check_keys(p, name, spec, {"source", "definition", "terms"}, {"source", "definition", "terms"})
        for k in ("source", "definition"):
            if not isinstance(spec[k], str) or not spec[k].strip():
                raise entry_error(p, name, f"{k} must be a non-empty text")
        for t in check_terms(p, name, spec["terms"], seen):
            terms.append(Term("frame", name, t, t, t.endswith("*")))
    if data.get("ignore") is not None:
        for t in check_terms(p, "ignore", data["ignore"], seen):
            terms.append(Term("ignore", "", t, t, t.endswith("*")))
    return FrameLexicon(p, {str(k): v for k, v in frames.items()}, Matcher(terms))


def load_frames(path: str | Path | None = None) -> FrameLexicon:
    """Load and validate a frames lexicon (default: the bundled ``frames.yml``).

    Raises:
        LexiconError: naming the file and frame (unknown or missing key, empty or duplicate term).

    Example:
        >>> list(load_frames().frames)[:2]
        ['military', 'humanitarian']
    """
    p = lexicon_path(path or "frames").resolve()
    mtime = p.stat().st_mtime if p.is_file() else 0.0
    return _load_frames_cached(str(p), mtime)


def count_words(sentences: Iterable[Sentence]) -> int:
    """Words in the sentences (runs of letters/digits, inner hyphens and apostrophes kept).

    The same rule as ``documents.n_words``.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> count_words(document_sentences("d", "Air-strikes hit", "Two died."))
        4
    """
    return sum(vocabulary.count_words(s.text) for s in sentences)


def extract_frames(
    doc_id: str,
    sentences: Sequence[Sentence],
    *,
    n_words: int | None = None,
    lexicon: FrameLexicon | str | Path | None = None,
) -> list[dict]:
    """Dictionary frame scores of one document (columns :data:`FRAME_COLUMNS`).

    One row per frame of the lexicon, in lexicon order, zero hits included. ``hits`` counts
    term matches in title and body; ``per_1k_words`` is ``hits * 1000 / n_words`` (0.0 for an
    empty document); ``terms`` lists the matched terms as ``"term:count"`` joined by ``"; "``,
    most frequent first (ties by term). Fixed terms appear as written in the lexicon (plural
    folded in); a stem term (``shell*``) shows the matched word in lower case.

    Args:
        doc_id: the document id.
        sentences: the sentences of the document.
        n_words: the document's word count (``documents.n_words``); None counts the words
            of the sentences with :func:`count_words`.
        lexicon: a :class:`FrameLexicon`, a path, or None for the bundled ``frames.yml``.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> rows = extract_frames("d", document_sentences("d", "", "Shelling and air strikes."))
        >>> rows[0]
        {'doc_id': 'd', 'frame': 'military', 'hits': 2, 'per_1k_words': 500.0, 'terms': 'air strike:1; shelling:1'}
    """
    lex = lexicon if isinstance(lexicon, FrameLexicon) else load_frames(lexicon)
    per_frame: dict[str, Counter] = {f: Counter() for f in lex.frames}
    for s in sentences:
        for a, b, t in lex.matcher.finditer(s.text):
            if t.kind == "ignore":
                continue
            shown = " ".join(s.text[a:b].lower().split()) if t.stem else t.term
            per_frame[t.group][shown] += 1
    if n_words is None or pd.isna(n_words):
        n_words = count_words(sentences)
    n_words = int(n_words)
    rows = []
    for frame, c in per_frame.items():
        hits = sum(c.values())
        rows.append(
            {
                "doc_id": doc_id,
                "frame": frame,
                "hits": hits,
                "per_1k_words": float(hits * 1000.0 / n_words) if n_words > 0 else 0.0,
                "terms": "; ".join(f"{k}:{v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))),
            }
        )
    return rows
