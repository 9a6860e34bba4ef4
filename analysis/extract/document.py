"""One document in, every extracted record out: the per-document map of the extraction.

:func:`extract_document` runs every rule of this layer on one report, in the order of
:data:`STAGES`, with the lexicons of the run (:class:`Lexicons`, resolved through the lexicon
registry). It is pure: the same document and lexicon files give the same records, whichever
process runs it.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from ..resources.packs import Pack, load_pack
from ..resources.registry import resolve_lexicons
from ..resources.wordlists import load_stopwords, victim_classes
from .actor_dictionary import ActorDictionary
from .actor_lexicon import load_actor_dictionary, load_parties
from .attribution import extract_attributions
from .claim_words import ClaimWords, claim_words
from .claims import extract_claims
from .frames import FrameLexicon, extract_frames, load_frames
from .labels import LabelLexicon, extract_labels, load_labels
from .mentions import extract_mentions
from .parties import PartyMatcher, party_matcher
from .text import Sentence, document_sentences
from .tone import analyzer, extract_tone


@dataclass(frozen=True)
class Lexicons:
    """The lexicons of one run, loaded once per process.

    Only the resolved paths are stored (they are what travels to Dask workers); each loaded
    lexicon is built on first use and kept per process (:func:`functools.lru_cache`).
    """

    files: tuple[tuple[str, str], ...]

    @cached_property
    def paths(self) -> dict[str, Path]:
        """Every registered lexicon's file, by name (built once: every rule asks for it)."""
        return {k: Path(v) for k, v in self.files}

    @property
    def pack(self) -> Pack:
        """The run's conflict pack (the folder of its ``pack.yml``)."""
        return load_pack(self.paths["pack"].parent)

    @property
    def actors(self) -> ActorDictionary:
        return _load_actors(self.paths["actors"], self.paths["pack"])

    @property
    def labels(self) -> LabelLexicon:
        return load_labels(self.paths["labels"], pack=self.pack)

    @property
    def parties(self) -> dict:
        """The generic party phrases (``parties.yml``)."""
        return load_parties(self.paths["parties"])

    @property
    def party_matcher(self) -> PartyMatcher:
        """The generic party phrases, compiled."""
        return party_matcher(self.paths["parties"])

    @property
    def frames(self) -> FrameLexicon:
        return _load_frames(self.paths["frames"])

    @property
    def casualties(self) -> ClaimWords:
        return claim_words(str(self.paths["casualties"]))

    def load_all(self) -> None:
        """Load and validate every lexicon now (a broken file fails before the run, not in it)."""
        self.pack, self.actors, self.labels, self.frames, self.casualties, self.parties  # noqa: B018
        victim_classes(str(self.paths["victims"]))
        load_stopwords(self.paths["stopwords"])
        analyzer(str(self.paths["vader"]))


@lru_cache(maxsize=8)
def _load_actors(path: Path, pack_file: Path) -> ActorDictionary:
    return load_actor_dictionary(path, pack=load_pack(pack_file.parent))


@lru_cache(maxsize=8)
def _load_frames(path: Path) -> FrameLexicon:
    return load_frames(path)


def load_lexicons(overrides: Mapping[str, str | Path] | None = None, *, pack: str | Path | None = None) -> Lexicons:
    """Resolve every lexicon through the registry (bundled by default) and load them, failing early.

    Args:
        overrides: ``{name: path}`` for the lexicons the user replaces (names in
            :data:`analysis.resources.registry.LEXICONS`).
        pack: the conflict pack, by name or folder (default: the Syria pack).

    Raises:
        InputError: an unknown lexicon name.
        LexiconError: a lexicon file is missing or malformed (names file and entry).

    Example:
        >>> sorted(load_lexicons().paths)
        ['actors', 'casualties', 'frames', 'labels', 'pack', 'parties', 'stopwords', 'style', 'vader', 'victims']
        >>> load_lexicons(pack="syria").pack.name
        'syria'
    """
    lex = Lexicons(tuple((name, str(path)) for name, path in resolve_lexicons(overrides, pack=pack).items()))
    lex.load_all()
    return lex


#: Rows of one table that may copy one sentence whole. A sentence with more rows (only in hostile
#: text: hundreds of tolls strung into one sentence) gives each of its rows a window of
#: :data:`WINDOW` characters either side of the row's words instead, so what a table copies stays
#: proportional to the text (the whole sentence is still at the row's offsets in ``documents.text``).
MAX_COPIES = 30
#: Characters kept either side of a row's words when its sentence has too many rows.
WINDOW = 100


def bound_copies(rows: list[dict[str, Any]], sentences: list[Sentence]) -> list[dict[str, Any]]:
    """Rows whose ``sentence`` is a window around their words when their sentence has too many rows.

    No real report comes near :data:`MAX_COPIES` rows in one sentence, so this changes nothing
    but hostile text; a cut end of a window is marked with "…".

    Example:
        >>> sents = document_sentences("d", None, "x " * 400 + "end")
        >>> rows = [{"part": "body", "sent_id": 0, "start": 20 * i, "end": 20 * i + 1, "sentence": sents[0].text}
        ...         for i in range(MAX_COPIES + 1)]
        >>> w = bound_copies(rows, sents)[MAX_COPIES]["sentence"]  # its words are at 600:601
        >>> len(w) == WINDOW + 1 + WINDOW + 2, w[0], w[-1]
        (True, '…', '…')
    """
    counts = Counter((r["part"], r["sent_id"]) for r in rows)
    if not counts or max(counts.values()) <= MAX_COPIES:
        return rows
    by_id = {(s.part, s.sent_id): s for s in sentences}
    out = []
    for r in rows:
        s = by_id.get((r["part"], r["sent_id"]))
        if s is None or counts[(r["part"], r["sent_id"])] <= MAX_COPIES:
            out.append(r)
            continue
        lo, hi = max(0, r["start"] - s.start - WINDOW), min(len(s.text), r["end"] - s.start + WINDOW)
        out.append({**r, "sentence": ("\u2026" if lo else "") + s.text[lo:hi] + ("\u2026" if hi < len(s.text) else "")})
    return out


#: Stages of :func:`extract_document`, in the order they run (keys of its ``timings``).
STAGES = ("sentences", "tone", "mentions", "attributions", "claims", "labels", "frames")

def extract_document(
    doc: Mapping[str, Any], res: Lexicons, *, timings: dict[str, float] | None = None
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
        ...                          "n_words": 2}, load_lexicons(), timings=t)
        >>> sorted(t) == sorted(STAGES), [(c["category"], c["min"]) for c in rows["claims"]]
        (True, [('killed', 2)])
    """
    clock = time.perf_counter
    t0 = clock()
    date = doc.get("date")
    date = None if date is None or pd.isna(date) else pd.Timestamp(date).date()
    title = doc.get("title")
    sents = document_sentences(doc["doc_id"], title if isinstance(title, str) else None, doc["text"])
    actors = res.actors
    t1 = clock()
    tone_doc, tone_sents = extract_tone(sents, vader=res.paths["vader"])
    tone_doc["doc_id"] = doc["doc_id"]
    t2 = clock()
    mentions = extract_mentions(sents, dictionary=actors, date=date, parties=res.party_matcher)
    t3 = clock()
    attributions = extract_attributions(sents, dictionary=actors, date=date, mentions=mentions)
    t4 = clock()
    claims = extract_claims(sents, dictionary=actors, date=date, mentions=mentions, words=res.casualties,
                            attributions=attributions)
    t5 = clock()
    labels = extract_labels(sents, lexicon=res.labels, attributions=attributions)
    t6 = clock()
    frames = extract_frames(doc["doc_id"], sents, n_words=doc.get("n_words"), lexicon=res.frames)
    t7 = clock()
    if timings is not None:
        for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6)):
            timings[stage] = timings.get(stage, 0.0) + seconds
    return {
        "claims": bound_copies(claims, sents),
        "mentions": bound_copies(mentions, sents),
        "attributions": attributions,
        "labels": labels,
        "frames": frames,
        "tone": [tone_doc],
        "sentence_tone": tone_sents,
    }
