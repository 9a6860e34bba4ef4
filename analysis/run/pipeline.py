"""Pipeline: from a corpus path to every table, in partitions, with a Parquet cache.

The extraction is a pure per-document map (:func:`extract_document`): sentences, casualty
claims, actor mentions, attributions, naming labels, frames and tone. :func:`iter_partitions`
reads the corpus as a stream of partitions (lists of records), so memory is bounded by the
partition size; :func:`extract_partition` turns one partition into DataFrames with fixed
columns. The local engine runs partitions in turn; the Dask engine (:mod:`analysis.run.dask`)
maps the same function over partitions on a cluster and gives identical tables.

:func:`load_tables` is what notebooks call: it extracts once per corpus and caches the tables as
Parquet under ``data/processed/<key>/``, where the key hashes the corpus bytes, the package's
source code and the lexicon files, so a change to any of them re-extracts and nothing else does.

Example:
    >>> tables = load_tables("data/demo")                 # doctest: +SKIP
    >>> tables.claims[["doc_id", "category", "min", "qualifier"]].head()   # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
import warnings
from pathlib import Path
from typing import Any, Iterator, Mapping

import pandas as pd

from .. import __version__
from ..errors import InputError
from ..extract.document import Lexicons, load_lexicons
from ..io.cache import cache_key, code_version
from ..io.corpus import corpus_format, corpus_sha256
from ..io.tables import PartitionWriter, Tables, output_lock, read_tables
from ..paths import cache_dir as default_cache_dir
from ..resources.registry import fingerprints
from .partitions import (
    DEFAULT_PARTITION_SIZE,
    concat_tables,
    extract_partition,
    iter_partitions,
)


def run_provenance(path: Path, res: Lexicons, *, sha256: str | None = None, **extra: Any) -> dict[str, Any]:
    """What identifies a run: corpus, code, lexicons and options."""
    from ..io.provenance import git_commit

    return {
        "corpus": str(path),
        "corpus_format": corpus_format(path),
        "corpus_sha256": sha256 or corpus_sha256(path),
        "package_version": __version__,
        "code_version": code_version(),
        "git_commit": git_commit(),
        "pack": {"name": res.pack.name, "folder": str(res.pack.folder)},
        "lexicons": fingerprints(res.paths),
        **extra,
    }


def _run_extraction(
    path: Path,
    res: Lexicons,
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
            from ..progress import progress_bar

            parts_iter = progress_bar(parts_iter, desc="extracting", unit="part")
        for part in parts_iter:
            on_result(part.index, extract_partition(part, res, timings=spent))
    else:
        from .dask import run_partitions

        run_partitions(parts_iter, res, on_result, workers=workers, scheduler=scheduler, progress=progress,
                       timings=spent)
    for note in notes:  # e.g. a file read as cp1252
        warnings.warn(note, stacklevel=3)
    return notes


def extract_corpus(
    path: str | Path,
    *,
    lexicons: Mapping[str, str | Path] | None = None,
    pack: str | Path | None = None,
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
        pack: the conflict pack, by name or folder (default: the Syria pack).
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
    res = load_lexicons(lexicons, pack=pack)
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


def extract_to_dir(
    corpus: str | Path,
    out_dir: str | Path,
    *,
    fmt: str = "csv",
    lexicons: Mapping[str, str | Path] | None = None,
    pack: str | Path | None = None,
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
    res = load_lexicons(lexicons, pack=pack)
    started = time.time()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    with output_lock(out):
        writer = PartitionWriter(out)
        try:
            counts, prov = _write_tables(p, res, writer, fmt=fmt, started=started, columns=columns,
                                         skip_bad_lines=skip_bad_lines, engine=engine, workers=workers,
                                         scheduler=scheduler, partition_size=partition_size, progress=progress,
                                         timings=timings)
            writer.commit(prov)
        finally:
            writer.discard()
    return counts


def _write_tables(p: Path, res: Lexicons, writer: PartitionWriter, *, fmt: str, started: float,
                  timings: dict[str, float] | None, **options: Any) -> tuple[dict[str, int], dict[str, Any]]:
    """Run the extraction into ``writer`` and assemble its tables; (row counts, provenance)."""
    spent: dict[str, float] = {} if timings is None else timings
    notes = _run_extraction(p, res, _timed_call(writer.add, spent, "write"), timings=spent, **options)
    t0 = time.perf_counter()
    counts = writer.finish(fmt)
    spent["write"] = spent.get("write", 0.0) + time.perf_counter() - t0
    prov = run_provenance(
        p,
        res,
        columns=dict(options["columns"] or {}),
        skip_bad_lines=options["skip_bad_lines"],
        engine=options["engine"],
        n_documents=counts["documents"],
        n_skipped=counts["skipped"],
        warnings=notes,
        seconds=round(time.time() - started, 3),
    )
    return counts, prov


def load_tables(
    corpus: str | Path,
    *,
    lexicons: Mapping[str, str | Path] | None = None,
    pack: str | Path | None = None,
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
        pack: the conflict pack, by name or folder (part of the cache key; default: Syria).
        columns: field -> column mapping for generic CSV/JSONL (part of the cache key).
        cache_dir: where cached tables live (default ``$CC_CACHE_DIR`` or ``data/processed``).
        refresh: extract again even if cached.
        engine, workers, scheduler: as for :func:`extract_corpus` (a cache miss only; the
            engine does not change the tables, so it is not part of the cache key).

    Returns:
        The :class:`Tables`; ``provenance["cache"]`` says ``"hit"`` or ``"miss"``.
    """
    p = Path(corpus)
    if not p.exists():
        raise InputError(f"{p}: no such file or folder; give a folder of .txt reports, a .csv or a .jsonl file")
    res = load_lexicons(lexicons, pack=pack)
    probe = run_provenance(p, res, columns=dict(columns or {}), skip_bad_lines=False)
    key = cache_key(probe)
    root = Path(cache_dir) if cache_dir else default_cache_dir()
    target = root / key
    manifest = target / "provenance.json"
    if manifest.is_file() and not refresh:
        tables = read_tables(target)
        tables.provenance.update(cache="hit", cache_dir=str(target))
        return tables
    # A private temporary folder, renamed into place at the end: two processes that miss the
    # cache at once (parallel report runs) never read or delete each other's half-written files.
    tmp = root / f".{key}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    extract_to_dir(p, tmp, fmt="parquet", lexicons=lexicons, pack=pack, columns=columns, engine=engine,
                   workers=workers, scheduler=scheduler)
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
