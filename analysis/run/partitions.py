"""Partitions: the corpus as a stream of slices, and the extraction of one slice into tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

import pandas as pd

from ..extract.document import Lexicons, extract_document
from ..io.corpus import SKIPPED_COLUMNS, Record, iter_records
from ..io.documents import DuplicateIndex, documents_frame
from ..io.tables import TABLE_COLUMNS, TABLE_NAMES, records_frame

DEFAULT_PARTITION_SIZE = 500


@dataclass
class Partition:
    """A slice of the corpus: document records and skipped records, in input order."""

    index: int
    documents: list[Record]
    skipped: list[Record]
    duplicate_of: list[str | None]


def iter_partitions(
    path: str | Path,
    *,
    size: int = DEFAULT_PARTITION_SIZE,
    columns: Mapping[str, str] | None = None,
    skip_bad_lines: bool = False,
    notes: list[str] | None = None,
) -> Iterator[Partition]:
    """Stream a corpus as partitions of at most ``size`` document records.

    Empty texts are skipped records (see :func:`~analysis.io.corpus.iter_records`); ``duplicate_of`` comes from a running index of text
    hashes (:class:`~analysis.io.corpus.DuplicateIndex`). Duplicate ids raise
    :class:`InputError` once the stream ends (naming them).
    """
    dedup = DuplicateIndex(str(path))
    docs: list[Record] = []
    skipped: list[Record] = []
    duplicate_of: list[str | None] = []
    index = 0
    for r in iter_records(path, columns=columns, skip_bad_lines=skip_bad_lines, notes=notes):
        if r.reason is not None:
            skipped.append(r)
            continue
        docs.append(r)
        duplicate_of.append(dedup.see(r))
        if len(docs) >= size:
            yield Partition(index, docs, skipped, duplicate_of)
            index += 1
            docs, skipped, duplicate_of = [], [], []
    dedup.check()
    if docs or skipped or index == 0:
        yield Partition(index, docs, skipped, duplicate_of)


def partition_documents(part: Partition) -> pd.DataFrame:
    """The ``documents`` rows of one partition (metadata columns as they come)."""
    df = documents_frame(part.documents)
    df["duplicate_of"] = pd.Series(part.duplicate_of, index=df.index, dtype=df["doc_id"].dtype)
    return df


def extract_partition(
    part: Partition, res: Lexicons, *, timings: dict[str, float] | None = None
) -> dict[str, pd.DataFrame]:
    """All tables of one partition: documents, skipped and every extracted table.

    Args:
        part: one partition from :func:`iter_partitions`.
        res: the loaded lexicons.
        timings: optional dict that receives seconds per stage (see :func:`extract_document`).
    """
    documents = partition_documents(part)
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_COLUMNS}
    skipped = [{"record": r.record, "doc_id": r.doc_id, "reason": r.reason} for r in part.skipped]
    failed: list[str] = []
    for doc, record in zip(documents[["doc_id", "title", "text", "date", "n_words"]].to_dict("records"),
                           documents["record"]):
        try:
            extracted = extract_document(doc, res, timings=timings)
        except Exception as exc:  # noqa: BLE001 - one bad report must not stop a corpus
            # A defect of the extractor on this text: the report is listed as skipped with the
            # error, so nothing is lost silently, and the run goes on.
            failed.append(doc["doc_id"])
            skipped.append({"record": record, "doc_id": doc["doc_id"],
                            "reason": f"extraction failed ({type(exc).__name__}: {exc}); please report this text"})
            continue
        for name, recs in extracted.items():
            rows[name].extend(recs)
    out = {name: records_frame(name, recs) for name, recs in rows.items()}
    out["documents"] = documents[~documents["doc_id"].isin(failed)].reset_index(drop=True) if failed else documents
    out["skipped"] = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)
    return out


def concat_tables(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Concatenate per-partition tables in partition order with a fresh index."""
    out = {}
    for name in TABLE_NAMES:
        frames = [p[name] for p in parts if len(p[name])]
        if not frames:
            out[name] = parts[0][name].iloc[0:0] if parts else pd.DataFrame()
        else:
            out[name] = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    return out
