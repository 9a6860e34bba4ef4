"""Tables: the column contracts, the :class:`Tables` bundle, and writing and reading table files.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from ..errors import InputError

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
    """Writes per-partition tables to part files, then assembles one file per table.

    Memory stays bounded by one partition: parts go to ``<out>/.parts/<name>/part-NNNNN.parquet``
    and are streamed, in order, into ``<out>/<name>.csv`` or ``<out>/<name>.parquet`` with the
    union of their columns (a metadata column missing from a partition is left empty).
    """

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self.parts = self.out / ".parts"
        shutil.rmtree(self.parts, ignore_errors=True)
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
        """Assemble each table into its final file; returns row counts per table."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        for name in TABLE_NAMES:
            files = sorted((self.parts / name).glob("part-*.parquet"))
            target = self.out / f"{name}.{fmt}"
            schemas = [pq.read_schema(f) for f in files]
            schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else pa.schema([])
            schema = schema.remove_metadata()
            writer = None
            with open(target, "w", encoding="utf-8", newline="") if fmt == "csv" else _nullcontext() as fh:
                for i, f in enumerate(files):
                    table = pq.read_table(f)
                    for col in schema.names:
                        if col not in table.column_names:
                            table = table.append_column(col, pa.nulls(len(table), schema.field(col).type))
                    table = table.select(schema.names).cast(schema)
                    if fmt == "csv":
                        write = table.to_pandas().to_csv(index=False, header=(i == 0), lineterminator="\n",
                                                          date_format="%Y-%m-%d")
                        fh.write(write)
                    else:
                        writer = writer or pq.ParquetWriter(target, schema)
                        writer.write_table(table)
            if writer is not None:
                writer.close()
        shutil.rmtree(self.parts, ignore_errors=True)
        return dict(self.counts)


class _nullcontext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def read_tables(folder: str | Path) -> Tables:
    """Read tables written by :func:`extract_to_dir` (Parquet or CSV) back into :class:`Tables`."""
    f = Path(folder)
    prov = json.loads((f / "provenance.json").read_text()) if (f / "provenance.json").is_file() else {}
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
