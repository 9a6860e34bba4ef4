"""Tables: the column contracts, the :class:`Tables` bundle, and writing and reading table files.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

import pandas as pd

from ..errors import InputError
from .sanitize import spreadsheet_safe

#: Columns of the ``attributions`` table (a contract).
ATTRIBUTION_COLUMNS = [
    "doc_id", "part", "sent_id", "start", "end", "speaker", "speaker_actor", "speaker_actor_id",
    "cue", "kind", "content",
]
#: Columns of the ``claims`` table (the records also carry ``quote``).
CLAIM_COLUMNS = [
    "doc_id", "part", "sent_id", "start", "end", "category", "min", "max", "qualifier",
    "vague", "victims", "scope", "source_actor", "perpetrator_actor", "sentence", "source_kind", "perpetrator_kind",
]
#: Columns of the ``frames`` table (one row per doc and frame, zero hits included).
FRAME_COLUMNS = ["doc_id", "frame", "hits", "per_1k_words", "terms"]
#: Columns of the ``labels`` table (one row per doc, referent, label and quoted flag).
LABEL_COLUMNS = ["doc_id", "referent", "label", "count", "quoted"]
#: Columns of the label mentions (one row per label use, with offsets into the part).
LABEL_MENTION_COLUMNS = ["doc_id", "part", "sent_id", "start", "end", "referent", "label", "surface", "quoted"]
#: Columns of the ``mentions`` table (a contract).
MENTION_COLUMNS = ["doc_id", "part", "sent_id", "start", "end", "surface", "actor", "actor_id", "role", "sentence", "kind"]
#: Columns of the per-document ``tone`` table.
TONE_COLUMNS = ["doc_id", "compound", "pos", "neu", "neg", "n_sentences"]
#: Columns of the per-sentence tone table.
SENTENCE_TONE_COLUMNS = ["doc_id", "part", "sent_id", "start", "end", "compound", "pos", "neu", "neg"]

#: Extracted tables, in the order they are written; each has a fixed column list.
TABLE_COLUMNS: dict[str, list[str]] = {
    "claims": CLAIM_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
    "labels": LABEL_COLUMNS,
    "frames": FRAME_COLUMNS,
    "tone": TONE_COLUMNS,
    "sentence_tone": SENTENCE_TONE_COLUMNS,
}

#: Every table the command line writes.
TABLE_NAMES = ["documents", *TABLE_COLUMNS, "skipped"]


@dataclass
class Tables:
    """All tables of one corpus, plus the provenance of the run that made them."""

    documents: pd.DataFrame
    skipped: pd.DataFrame
    claims: pd.DataFrame
    mentions: pd.DataFrame
    attributions: pd.DataFrame
    labels: pd.DataFrame
    frames: pd.DataFrame
    tone: pd.DataFrame
    sentence_tone: pd.DataFrame
    provenance: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)


def empty_table(name: str) -> pd.DataFrame:
    """An empty table with the contract's columns."""
    return pd.DataFrame(columns=TABLE_COLUMNS[name])


def records_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows of one table as a DataFrame with exactly the contract's columns, in order."""
    cols = TABLE_COLUMNS[name]
    if not rows:
        return empty_table(name)
    return pd.DataFrame.from_records(rows, columns=cols)


class PartitionWriter:
    """Writes per-partition tables to part files, then assembles one file per table, atomically.

    Memory stays bounded by one partition: parts go to a private ``<out>/.parts-<run>/`` folder
    and are streamed, in order, into ``<name>.csv`` or ``<name>.parquet`` with the union of their
    columns (a metadata column missing from a partition is left empty). The final tables are
    assembled in a private ``<out>/.staging-<run>/`` folder first, then :meth:`commit` moves
    them into ``<out>``: ``provenance.json`` is removed first and written last, so a run killed
    at any point leaves either the previous tables with their provenance, or a folder without
    ``provenance.json`` that :func:`read_tables` refuses. CSV cells that would start a
    spreadsheet formula get a ``'`` (:func:`~analysis.io.sanitize.spreadsheet_safe`).
    """

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        run = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.parts = self.out / f".parts-{run}"
        self.staging = self.out / f".staging-{run}"
        self.counts = {name: 0 for name in TABLE_NAMES}

    def add(self, index: int, tables: Mapping[str, pd.DataFrame]) -> None:
        """Store one partition's tables."""
        for name in TABLE_NAMES:
            df = tables[name]
            self.counts[name] += len(df)
            folder = self.parts / name
            folder.mkdir(parents=True, exist_ok=True)
            df.to_parquet(folder / f"part-{index:05d}.parquet", index=False)

    def finish(self, fmt: str = "csv") -> dict[str, int]:
        """Assemble each table into the staging folder; returns row counts per table."""
        self.staging.mkdir(parents=True, exist_ok=True)
        for name in TABLE_NAMES:
            _assemble(sorted((self.parts / name).glob("part-*.parquet")), self.staging / f"{name}.{fmt}", fmt)
        shutil.rmtree(self.parts, ignore_errors=True)
        return dict(self.counts)

    def commit(self, provenance: Mapping[str, Any]) -> None:
        """Move the staged tables into the output folder, then write ``provenance.json``."""
        marker = self.out / "provenance.json"
        marker.unlink(missing_ok=True)  # from here until the end the folder is "unfinished"
        for f in sorted(self.staging.iterdir()):
            os.replace(f, self.out / f.name)
        tmp = self.staging.with_name(self.staging.name + ".json")
        tmp.write_text(json.dumps(provenance, indent=2, sort_keys=True, default=str) + "\n")
        os.replace(tmp, marker)
        self.discard()

    def discard(self) -> None:
        """Remove this run's private folders (after a commit, or when the run failed)."""
        shutil.rmtree(self.parts, ignore_errors=True)
        shutil.rmtree(self.staging, ignore_errors=True)


def _assemble(files: list[Path], target: Path, fmt: str) -> None:
    """Stream part files, in order, into one table file with the union of their columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = [pq.read_schema(f) for f in files]
    schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else pa.schema([])
    schema = schema.remove_metadata()
    if fmt != "csv":
        with pq.ParquetWriter(target, schema) as writer:
            for f in files:
                writer.write_table(_conform(pq.read_table(f), schema))
        return
    with open(target, "w", encoding="utf-8", newline="") as fh:
        for i, f in enumerate(files):
            df = spreadsheet_safe(_conform(pq.read_table(f), schema).to_pandas())
            fh.write(df.to_csv(index=False, header=(i == 0), lineterminator="\n", date_format="%Y-%m-%d"))


def _conform(table, schema):
    """``table`` with every column of ``schema`` (missing ones empty), in its order and types."""
    import pyarrow as pa

    for col in schema.names:
        if col not in table.column_names:
            table = table.append_column(col, pa.nulls(len(table), schema.field(col).type))
    return table.select(schema.names).cast(schema)


@contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold ``<out>/.lock`` for one run; a second run into the same folder is refused at once.

    The lock is the operating system's (``flock``): it is released when the run ends, even by
    ``kill -9``, so a stale lock never blocks a later run.

    Raises:
        InputError: another run holds the folder (names it and what to do).
    """
    import fcntl

    fh = open(out_dir / ".lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise InputError(f"{out_dir}: another extract is writing into this folder; wait for it to finish "
                             "or give another --out") from None
        _remove_leftovers(out_dir)
        yield
    finally:
        fh.close()


def _remove_leftovers(out_dir: Path) -> None:
    """Private folders of runs that were killed (only called while holding the lock)."""
    for p in out_dir.glob(".parts-*"):
        shutil.rmtree(p, ignore_errors=True)
    for p in out_dir.glob(".staging-*"):
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


def read_tables(folder: str | Path) -> Tables:
    """Read tables written by :func:`extract_to_dir` (Parquet or CSV) back into :class:`Tables`."""
    f = Path(folder)
    if not (f / "provenance.json").is_file():
        raise InputError(f"{f}: no provenance.json, so these tables are not a finished extraction (a run "
                         "was interrupted, or this is not an extract folder); run `python -m analysis extract` again")
    prov = json.loads((f / "provenance.json").read_text())
    tables = {}
    for name in TABLE_NAMES:
        pq_path, csv_path = f / f"{name}.parquet", f / f"{name}.csv"
        if pq_path.is_file():
            tables[name] = pd.read_parquet(pq_path)
        elif csv_path.is_file():
            tables[name] = pd.read_csv(csv_path, keep_default_na=False, na_values=[""])
        else:
            raise InputError(f"{f}: table {name} is missing; run `python -m analysis extract` again")
    return Tables(**tables, provenance=prov)
