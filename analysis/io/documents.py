"""The documents table: records in, one row per report; duplicates flagged; grouping labels.

Every loader's records (:mod:`analysis.io.corpus`) become the ``documents`` table here, with the
columns of :data:`~analysis.io.corpus.DOCUMENT_COLUMNS`, the dateline columns and any passthrough
metadata; repeated texts are flagged (never dropped) and repeated ids are an error.
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..errors import InputError
from ..resources.vocabulary import count_words
from .cleaning import removed_json
from .corpus import (
    DOCUMENT_COLUMNS,
    SKIPPED_COLUMNS,
    Record,
    corpus_format,
    corpus_sha256,
    iter_records,
    parse_date,
)
from .datelines import DATELINE_COLUMNS


@dataclass
class Corpus:
    """A loaded corpus: the documents, the skipped records and how it was read."""

    path: Path
    format: str
    documents: pd.DataFrame
    skipped: pd.DataFrame
    sha256: str
    warnings: list[str] = field(default_factory=list)

    @property
    def n_records(self) -> int:
        """Input records seen: documents plus skipped."""
        return len(self.documents) + len(self.skipped)

    @property
    def date_unparsed(self) -> int:
        """Documents whose date was given but could not be read."""
        d = self.documents
        if "date_raw" not in d:
            return 0
        return int((d["date"].isna() & d["date_raw"].fillna("").astype(str).str.strip().ne("")).sum())


# --------------------------------------------------------------------------- helpers


def documents_frame(records: list[Record]) -> pd.DataFrame:
    """Build the ``documents`` table from document records (``reason`` None)."""
    meta_keys: list[str] = []
    for r in records:
        for k in r.meta:
            if k not in meta_keys and k not in DOCUMENT_COLUMNS and k not in ("date_raw", "removed", *DATELINE_COLUMNS):
                meta_keys.append(k)
    rows = []
    for r in records:
        row = {
            "doc_id": r.doc_id,
            "source": r.source.strip().lower() or None,
            "date": parse_date(r.date),
            "title": r.title.strip() or None,
            "text": r.text,
            "n_words": count_words(r.title) + count_words(r.text),
            "duplicate_of": None,
            "record": r.record,
            "date_raw": r.date or None,
            "removed": removed_json(r.removed),
            **{k: r.dateline.get(k) for k in DATELINE_COLUMNS},
        }
        for k in meta_keys:
            row[k] = r.meta.get(k) or None  # text (see _meta_value), so one type per column
        rows.append(row)
    cols = DOCUMENT_COLUMNS + ["date_raw", "removed", *DATELINE_COLUMNS] + meta_keys
    df = pd.DataFrame(rows, columns=cols)
    for col in cols:
        if col in ("date", "n_words", "dateline_date", "date_conflict"):
            continue
        values = df[col].dropna()
        if values.map(lambda v: isinstance(v, str)).all():
            df[col] = df[col].astype(pd.StringDtype(na_value=float("nan")))  # same dtype in every partition
    df["date"] = pd.to_datetime(df["date"])
    df["dateline_date"] = pd.to_datetime(df["dateline_date"]).astype("datetime64[ns]")
    df["date_conflict"] = df["date_conflict"].astype("boolean")
    df["n_words"] = df["n_words"].astype("int64")
    return df


def original_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents that do not repeat an earlier text (``duplicate_of`` empty).

    Aggregates count each text once; the flagged repeats stay in the tables for reading.
    """
    if "duplicate_of" not in documents:
        return documents
    return documents[documents["duplicate_of"].isna()]


def grouped_documents(documents: pd.DataFrame, by: str) -> pd.DataFrame:
    """The original documents (:func:`original_documents`) with ``by`` as plain group labels, a
    missing value as ``(unknown)``: every aggregation groups reports this way, so a report without
    an outlet is counted, never dropped.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["x", None, "x"], "duplicate_of": [None, None, "a"]})
        >>> grouped_documents(docs, "source")["source"].tolist()
        ['x', '(unknown)']
    """
    docs = original_documents(documents)
    return docs.assign(**{by: group_labels(docs[by])}) if by in docs else docs


def group_labels(values: pd.Series, missing: str = "(unknown)") -> pd.Series:
    """Values as plain strings for grouping, legends and axes; missing ones as ``(unknown)``.

    Example:
        >>> group_labels(pd.Series(["sana", None])).tolist()
        ['sana', '(unknown)']
    """
    return values.astype(object).where(values.notna(), missing).astype(str).astype(object)


class DuplicateIndex:
    """Running state of one pass over a corpus: unique ids and the first doc id per text.

    Duplicates are flagged, never dropped (FA-KES holds 22 repeated texts once site chrome is
    blanked, 14 byte for byte); a repeated doc_id
    is an error named by :meth:`check` once the pass ends.
    """

    def __init__(self, where: str):
        self.where = where
        self.ids: set[str] = set()
        self.repeated_ids: list[str] = []
        self.first: dict[bytes, str] = {}

    def see(self, r: Record) -> str | None:
        """Register a document record; return the doc_id of an earlier identical text, if any."""
        if r.doc_id in self.ids:
            self.repeated_ids.append(r.doc_id)
        self.ids.add(r.doc_id)
        key = hashlib.blake2b(
            ((r.title or "").strip() + "\0" + " ".join(r.text.split())).encode(), digest_size=16
        ).digest()
        first = self.first.setdefault(key, r.doc_id)
        return None if first == r.doc_id else first

    def check(self) -> None:
        """Raise an :class:`InputError` naming the repeated document ids."""
        if self.repeated_ids:
            names = sorted(set(self.repeated_ids))
            shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
            raise InputError(f"{self.where}: duplicate document ids: {shown}; every report needs its own doc_id")


def load_corpus(
    path: str | Path,
    *,
    columns: Mapping[str, str] | None = None,
    skip_bad_lines: bool = False,
    progress: bool = False,
    clean: bool = True,
) -> Corpus:
    """Load a corpus into a :class:`Corpus` (documents + skipped + provenance).

    Args:
        path: a folder of ``.txt`` reports, a ``.txt``, ``.csv`` or ``.jsonl`` file.
        columns: field -> column mapping for generic CSV/JSONL.
        skip_bad_lines: list broken JSON lines as skipped instead of stopping.
        progress: show a progress bar (only on a terminal).
        clean: blank site chrome out of the texts (see :func:`iter_records`).

    Returns:
        The corpus. ``documents`` has :data:`DOCUMENT_COLUMNS`, ``date_raw`` and any passthrough
        metadata (``location``, ``label``, ``url``, ``unit_id`` ...); ``skipped`` has
        :data:`SKIPPED_COLUMNS`.

    Raises:
        InputError: see :func:`iter_records`; also duplicate document ids.
    """
    p = Path(path)
    notes: list[str] = []
    docs: list[Record] = []
    skipped: list[dict[str, str]] = []
    records = iter_records(p, columns=columns, skip_bad_lines=skip_bad_lines, notes=notes, clean=clean)
    if progress:
        from ..progress import progress_bar

        records = progress_bar(records, desc="loading", unit="rec")
    dedup = DuplicateIndex(str(p))
    duplicate_of: list[str | None] = []
    for r in records:
        if r.reason is None:
            docs.append(r)
            duplicate_of.append(dedup.see(r))
        else:
            skipped.append({"record": r.record, "doc_id": r.doc_id, "reason": r.reason})
    dedup.check()
    documents = documents_frame(docs)
    documents["duplicate_of"] = pd.Series(duplicate_of, index=documents.index, dtype=documents["doc_id"].dtype)
    for note in notes:
        warnings.warn(note, stacklevel=2)
    return Corpus(
        path=p,
        format=corpus_format(p),
        documents=documents,
        skipped=pd.DataFrame(skipped, columns=SKIPPED_COLUMNS),
        sha256=corpus_sha256(p),
        warnings=notes,
    )
