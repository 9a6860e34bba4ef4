"""Pipeline: from a corpus path to every table, in partitions, with a Parquet cache.

The extraction is a pure per-document map (:func:`extract_document`): sentences, casualty
claims, actor mentions, attributions, naming labels, frames and tone. :func:`iter_partitions`
reads the corpus as a stream of partitions (lists of records), so memory is bounded by the
partition size; :func:`extract_partition` turns one partition into DataFrames with fixed
columns. The local engine runs partitions in turn; the Dask engine (:mod:`analysis.engine`)
maps the same function over partitions on a cluster and gives identical tables.

:func:`load_tables` is what notebooks call: it extracts once per corpus and caches the tables as
Parquet under ``data/processed/<key>/``, where the key hashes the corpus bytes, the package's
source code and the lexicon files, so a change to any of them re-extracts and nothing else does.

Example:
    >>> tables = load_tables("data/demo")                 # doctest: +SKIP
    >>> tables.claims[["doc_id", "category", "min", "qualifier"]].head()   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import shutil
import time
import uuid
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Mapping

import pandas as pd

from . import __version__
from .casualties import CLAIM_COLUMNS, extract_claims
from .actors import MENTION_COLUMNS, extract_mentions, load_actor_dictionary
from .attribution import ATTRIBUTION_COLUMNS, extract_attributions
from .corpus import (
    DOCUMENT_COLUMNS,
    SKIPPED_COLUMNS,
    DuplicateIndex,
    Record,
    documents_frame,
    corpus_format,
    corpus_sha256,
    count_words,
    iter_records,
    parse_date,
)
from .errors import InputError
from .framing import FRAME_COLUMNS, LABEL_COLUMNS, extract_frames, extract_labels, load_frames, load_labels
from .lexicons import file_sha256, lexicon_path
from .paths import PACKAGE_DIR, PROCESSED_DIR
from .text import document_sentences
from .tone import SENTENCE_TONE_COLUMNS, TONE_COLUMNS, extract_tone

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
#: Lexicons a run uses; users may pass their own files for any of them.
LEXICON_NAMES = ("actors", "labels", "frames")
DEFAULT_PARTITION_SIZE = 500


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


# --------------------------------------------------------------------------- resources


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


# --------------------------------------------------------------------------- per document


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


def empty_table(name: str) -> pd.DataFrame:
    """An empty table with the contract's columns."""
    return pd.DataFrame(columns=TABLE_COLUMNS[name])


def records_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows of one table as a DataFrame with exactly the contract's columns, in order."""
    cols = TABLE_COLUMNS[name]
    if not rows:
        return empty_table(name)
    return pd.DataFrame.from_records(rows, columns=cols)


# --------------------------------------------------------------------------- partitions


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

    Empty texts are skipped records (see :func:`~analysis.corpus.iter_records`); ``duplicate_of`` comes from a running index of text
    hashes (:class:`~analysis.corpus.DuplicateIndex`). Duplicate ids raise
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
    part: Partition, res: Resources, *, timings: dict[str, float] | None = None
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


# --------------------------------------------------------------------------- provenance and cache


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the package's Python sources (part of the cache key)."""
    h = hashlib.sha256(__version__.encode())
    for f in sorted(PACKAGE_DIR.rglob("*.py")):
        h.update(f.relative_to(PACKAGE_DIR).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def run_provenance(path: Path, res: Resources, *, sha256: str | None = None, **extra: Any) -> dict[str, Any]:
    """What identifies a run: corpus, code, lexicons and options."""
    from .provenance import git_commit

    return {
        "corpus": str(path),
        "corpus_format": corpus_format(path),
        "corpus_sha256": sha256 or corpus_sha256(path),
        "package_version": __version__,
        "code_version": code_version(),
        "git_commit": git_commit(),
        "lexicons": {name: {"path": str(p), "sha256": file_sha256(p)} for name, p in res.paths.items()},
        **extra,
    }


def cache_key(prov: Mapping[str, Any]) -> str:
    """Cache key from the corpus hash, code version, lexicon hashes and options."""
    parts = {
        "corpus_sha256": prov["corpus_sha256"],
        "code_version": prov["code_version"],
        "lexicons": {k: v["sha256"] for k, v in prov["lexicons"].items()},
        "columns": prov.get("columns") or {},
        "skip_bad_lines": bool(prov.get("skip_bad_lines")),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:20]


def _run_extraction(
    path: Path,
    res: Resources,
    on_result,
    *,
    columns: Mapping[str, str] | None,
    skip_bad_lines: bool,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    partition_size: int,
    progress: bool,
    timings: dict[str, float] | None = None,
) -> list[str]:
    """Stream the corpus in partitions through the chosen engine; ``on_result(index, tables)``
    receives each partition's tables (in partition order). Returns the reading notes, which
    are also issued as warnings (shown on the command line as ``warning: ...``)."""
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    notes: list[str] = []
    spent: dict[str, float] = {} if timings is None else timings
    parts_iter = _timed(
        iter_partitions(path, size=partition_size, columns=columns, skip_bad_lines=skip_bad_lines, notes=notes),
        spent,
        "load",
    )
    if engine == "local":
        if progress:
            from .progress import progress_bar

            parts_iter = progress_bar(parts_iter, desc="extracting", unit="part")
        for part in parts_iter:
            on_result(part.index, extract_partition(part, res, timings=spent))
    else:
        from .engine import run_partitions

        run_partitions(parts_iter, res, on_result, workers=workers, scheduler=scheduler, progress=progress,
                       timings=spent)
    for note in notes:  # e.g. a file read as cp1252
        warnings.warn(note, stacklevel=3)
    return notes


def extract_corpus(
    path: str | Path,
    *,
    lexicons: Mapping[str, str | Path] | None = None,
    columns: Mapping[str, str] | None = None,
    skip_bad_lines: bool = False,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: bool = False,
) -> Tables:
    """Run the whole extraction on a corpus and return every table in memory.

    Args:
        path: the corpus (folder of .txt, .txt, .csv or .jsonl).
        lexicons: optional lexicon overrides (``actors``, ``labels``, ``frames``).
        columns: field -> column mapping for generic CSV/JSONL.
        skip_bad_lines: list broken JSON lines as skipped instead of stopping.
        engine: ``"local"`` or ``"dask"``.
        workers: Dask workers for a LocalCluster.
        scheduler: address of an existing Dask scheduler.
        partition_size: documents per partition.
        progress: show a progress bar on a terminal.

    Returns:
        The :class:`Tables`, rows in input order.
    """
    p = Path(path)
    res = resources(lexicons)
    started = time.time()
    results: dict[int, dict[str, pd.DataFrame]] = {}
    notes = _run_extraction(
        p, res, results.__setitem__, columns=columns, skip_bad_lines=skip_bad_lines, engine=engine,
        workers=workers, scheduler=scheduler, partition_size=partition_size, progress=progress,
    )
    parts = [results[i] for i in sorted(results)]
    tables = concat_tables(parts)
    prov = run_provenance(
        p,
        res,
        columns=dict(columns or {}),
        skip_bad_lines=skip_bad_lines,
        engine=engine,
        n_documents=len(tables["documents"]),
        n_skipped=len(tables["skipped"]),
        warnings=notes,
        seconds=round(time.time() - started, 3),
    )
    return Tables(**tables, provenance=prov)


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


def _timed(items: Iterator[Any], timings: dict[str, float], key: str) -> Iterator[Any]:
    """Yield from ``items``, adding the time spent producing each item to ``timings[key]``."""
    it = iter(items)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0
            return
        timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0
        yield item


def _timed_call(fn: Any, timings: dict[str, float], key: str) -> Any:
    """``fn`` wrapped to add its running time to ``timings[key]``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0

    return call


class _nullcontext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def extract_to_dir(
    corpus: str | Path,
    out_dir: str | Path,
    *,
    fmt: str = "csv",
    lexicons: Mapping[str, str | Path] | None = None,
    columns: Mapping[str, str] | None = None,
    skip_bad_lines: bool = False,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: bool = False,
    timings: dict[str, float] | None = None,
) -> dict[str, int]:
    """Extract a corpus straight to files, one partition in memory at a time.

    Writes ``<out_dir>/<table>.<fmt>`` for every table in :data:`TABLE_NAMES` and
    ``provenance.json``. Options as for :func:`extract_corpus`; ``timings`` (optional dict)
    receives seconds per stage: ``load`` (reading the corpus into partitions, on the driver),
    each of :data:`STAGES` (summed over documents, on whichever process ran them) and
    ``write`` (part files and the final tables).

    Returns:
        Row counts per table.

    Example:
        >>> t = {}
        >>> extract_to_dir("data/demo", "/tmp/demo-tables", timings=t)   # doctest: +SKIP
        {'documents': 36, ...}
        >>> sorted(t)                                                     # doctest: +SKIP
        ['attributions', 'claims', 'frames', 'labels', 'load', 'mentions', 'sentences', 'tone', 'write']
    """
    p = Path(corpus)
    res = resources(lexicons)
    started = time.time()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    writer = PartitionWriter(out)
    spent: dict[str, float] = {} if timings is None else timings
    notes = _run_extraction(
        p, res, _timed_call(writer.add, spent, "write"), columns=columns, skip_bad_lines=skip_bad_lines,
        engine=engine, workers=workers, scheduler=scheduler, partition_size=partition_size, progress=progress,
        timings=spent,
    )
    t0 = time.perf_counter()
    counts = writer.finish(fmt)
    spent["write"] = spent.get("write", 0.0) + time.perf_counter() - t0
    prov = run_provenance(
        p,
        res,
        columns=dict(columns or {}),
        skip_bad_lines=skip_bad_lines,
        engine=engine,
        n_documents=counts["documents"],
        n_skipped=counts["skipped"],
        warnings=notes,
        seconds=round(time.time() - started, 3),
    )
    (out / "provenance.json").write_text(json.dumps(prov, indent=2, sort_keys=True, default=str) + "\n")
    return counts


def load_tables(
    corpus: str | Path,
    *,
    lexicons: Mapping[str, str | Path] | None = None,
    columns: Mapping[str, str] | None = None,
    cache_dir: str | Path | None = None,
    refresh: bool = False,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> Tables:
    """Tables of a corpus from the Parquet cache, extracting them first if needed.

    Args:
        corpus: the corpus path.
        lexicons: optional lexicon overrides (part of the cache key).
        columns: field -> column mapping for generic CSV/JSONL (part of the cache key).
        cache_dir: where cached tables live (default ``data/processed``).
        refresh: extract again even if cached.
        engine, workers, scheduler: as for :func:`extract_corpus` (a cache miss only; the
            engine does not change the tables, so it is not part of the cache key).

    Returns:
        The :class:`Tables`; ``provenance["cache"]`` says ``"hit"`` or ``"miss"``.
    """
    p = Path(corpus)
    if not p.exists():
        raise InputError(f"{p}: no such file or folder; give a folder of .txt reports, a .csv or a .jsonl file")
    res = resources(lexicons)
    probe = run_provenance(p, res, columns=dict(columns or {}), skip_bad_lines=False)
    key = cache_key(probe)
    root = Path(cache_dir) if cache_dir else PROCESSED_DIR
    target = root / key
    manifest = target / "provenance.json"
    if manifest.is_file() and not refresh:
        tables = read_tables(target)
        tables.provenance.update(cache="hit", cache_dir=str(target))
        return tables
    # A private temporary folder, renamed into place at the end: two processes that miss the
    # cache at once (parallel report runs) never read or delete each other's half-written files.
    tmp = root / f".{key}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    extract_to_dir(p, tmp, fmt="parquet", lexicons=lexicons, columns=columns, engine=engine, workers=workers,
                   scheduler=scheduler)
    prov = json.loads((tmp / "provenance.json").read_text())
    prov["cache_key"] = key
    (tmp / "provenance.json").write_text(json.dumps(prov, indent=2, sort_keys=True, default=str) + "\n")
    if refresh:
        shutil.rmtree(target, ignore_errors=True)
    try:
        tmp.rename(target)
    except OSError:  # another process stored the same tables first: use theirs
        shutil.rmtree(tmp, ignore_errors=True)
    tables = read_tables(target)
    tables.provenance.update(cache="miss", cache_dir=str(target))
    return tables


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
