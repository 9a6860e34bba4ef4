"""One document in, every extracted record out: the per-document map of the extraction.
"""

from __future__ import annotations

import inspect
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from ..errors import InputError
from ..resources.files import lexicon_path
from .actor_lexicon import load_actor_dictionary
from .attribution import extract_attributions
from .claims import extract_claims
from .frames import extract_frames, load_frames
from .labels import extract_labels, load_labels
from .mentions import extract_mentions
from .text import document_sentences
from .tone import extract_tone

#: Lexicons a run uses; users may pass their own files for any of them.
LEXICON_NAMES = ("actors", "labels", "frames")


@dataclass(frozen=True)
class Resources:
    """Lexicons loaded once per process (paths are the picklable part sent to workers)."""

    lexicon_paths: tuple[tuple[str, str], ...]

    @property
    def paths(self) -> dict[str, Path]:
        return {k: Path(v) for k, v in self.lexicon_paths}

    @property
    def actors(self):
        return _load_actors(self.paths["actors"])

    @property
    def labels(self):
        return _load_labels(self.paths["labels"])

    @property
    def frames(self):
        return _load_frames(self.paths["frames"])


@lru_cache(maxsize=8)
def _load_actors(path: Path):
    return load_actor_dictionary(path)


@lru_cache(maxsize=8)
def _load_labels(path: Path):
    return load_labels(path)


@lru_cache(maxsize=8)
def _load_frames(path: Path):
    return load_frames(path)


def resources(lexicons: Mapping[str, str | Path] | None = None) -> Resources:
    """Resolve lexicon files (bundled by default) and load them once, failing early.

    Args:
        lexicons: optional ``{"actors": path, "labels": path, "frames": path}`` overrides.

    Raises:
        LexiconError: a lexicon file is missing or malformed (names file and entry).
    """
    given = dict(lexicons or {})
    unknown = set(given) - set(LEXICON_NAMES)
    if unknown:
        raise InputError(f"unknown lexicon name(s) {sorted(unknown)}; use {', '.join(LEXICON_NAMES)}")
    paths = tuple((name, str(Path(given.get(name) or lexicon_path(name)).resolve())) for name in LEXICON_NAMES)
    res = Resources(paths)
    res.actors, res.labels, res.frames  # load and validate now, not in the middle of a run
    return res


#: Stages of :func:`extract_document`, in the order they run (keys of its ``timings``).
STAGES = ("sentences", "tone", "attributions", "mentions", "claims", "labels", "frames")

#: ``extract_claims`` can take the document's mention rows (else it runs the actor matcher again).
_CLAIMS_TAKE_MENTIONS = "mentions" in inspect.signature(extract_claims).parameters


def extract_document(
    doc: Mapping[str, Any], res: Resources, *, timings: dict[str, float] | None = None
) -> dict[str, list[dict]]:
    """Every extracted record of one document.

    Args:
        doc: a mapping with ``doc_id``, ``title``, ``text``, ``date`` (Timestamp or None) and
            ``n_words``.
        res: the loaded lexicons.
        timings: optional dict that receives the seconds spent in each of :data:`STAGES`
            (added to what it already holds), for profiling and the benchmarks.

    Returns:
        ``{table name: list of row dicts}`` for the tables in :data:`TABLE_COLUMNS`.

    Example:
        >>> t = {}
        >>> rows = extract_document({"doc_id": "d", "title": None, "text": "Two died.", "date": None,
        ...                          "n_words": 2}, resources(), timings=t)   # doctest: +SKIP
        >>> sorted(t) == sorted(STAGES)                                        # doctest: +SKIP
        True
    """
    clock = time.perf_counter
    t0 = clock()
    date = doc.get("date")
    date = None if date is None or pd.isna(date) else pd.Timestamp(date).date()
    title = doc.get("title")
    sents = document_sentences(doc["doc_id"], title if isinstance(title, str) else None, doc["text"])
    actors = res.actors
    t1 = clock()
    tone_doc, tone_sents = extract_tone(sents)
    tone_doc["doc_id"] = doc["doc_id"]
    t2 = clock()
    attributions = extract_attributions(sents, dictionary=actors, date=date)
    t3 = clock()
    mentions = extract_mentions(sents, dictionary=actors, date=date)
    t4 = clock()
    if _CLAIMS_TAKE_MENTIONS:  # the same mentions, not a second actor pass inside extract_claims
        claims = extract_claims(sents, dictionary=actors, date=date, mentions=mentions)
    else:
        claims = extract_claims(sents, dictionary=actors, date=date)
    t5 = clock()
    labels = extract_labels(sents, lexicon=res.labels, attributions=attributions)
    t6 = clock()
    frames = extract_frames(doc["doc_id"], sents, n_words=doc.get("n_words"), lexicon=res.frames)
    t7 = clock()
    if timings is not None:
        for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6)):
            timings[stage] = timings.get(stage, 0.0) + seconds
    return {
        "claims": claims,
        "mentions": mentions,
        "attributions": attributions,
        "labels": labels,
        "frames": frames,
        "tone": [tone_doc],
        "sentence_tone": tone_sents,
    }
