"""Dask engine: same tables as the local engine, bounded partitions in flight, clear errors."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.extract.document import load_lexicons
from analysis.io.tables import TABLE_NAMES
from analysis.paths import PROJECT_ROOT
from analysis.run import dask as engine
from analysis.run.pipeline import (
    extract_corpus,
    extract_to_dir,
    iter_partitions,
)

from .conftest import FAKES, needs_fakes

DEMO = PROJECT_ROOT / "data" / "demo"
needs_demo = pytest.mark.skipif(not DEMO.is_dir(), reason=f"demo corpus absent: {DEMO}")


@pytest.fixture(scope="module")
def scheduler():
    """One two-worker cluster for this module's Dask runs, its workers new interpreters with hash
    seed 3 (this process has another), so every comparison below also checks that set and dict
    order never reach a table. ``workers=N`` (a cluster per run) is covered by the in-flight test."""
    import os

    from distributed import LocalCluster

    before = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = "3"
    try:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    finally:
        if before is None:
            os.environ.pop("PYTHONHASHSEED")
        else:
            os.environ["PYTHONHASHSEED"] = before
    yield cluster.scheduler_address
    cluster.close()


def _same_files(a, b, fmt="csv"):
    for name in TABLE_NAMES:
        assert (a / f"{name}.{fmt}").read_bytes() == (b / f"{name}.{fmt}").read_bytes(), name


@needs_demo
def test_dask_tables_equal_local_in_memory(scheduler):
    local = extract_corpus(DEMO, partition_size=7)
    dask = extract_corpus(DEMO, partition_size=7, engine="dask", scheduler=scheduler)
    assert dask.provenance["engine"] == "dask"
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(local[name], dask[name], obj=name)


@needs_demo
def test_dask_files_equal_local_files_byte_for_byte(tmp_path, scheduler):
    """Partitions of 5 on workers with another hash seed, one partition here: the same bytes."""
    counts_local = extract_to_dir(DEMO, tmp_path / "local")
    counts_dask = extract_to_dir(DEMO, tmp_path / "dask", partition_size=5, engine="dask", scheduler=scheduler)
    assert counts_local == counts_dask
    _same_files(tmp_path / "local", tmp_path / "dask")
    prov = json.loads((tmp_path / "dask" / "provenance.json").read_text())
    assert prov["engine"] == "dask" and prov["n_documents"] == counts_local["documents"]


@needs_demo
def test_partitions_in_flight_are_bounded_and_results_in_order():
    res = load_lexicons()
    pulled: list[int] = []
    collected: list[int] = []
    gaps: list[int] = []

    def stream():
        for part in iter_partitions(DEMO, size=3):
            pulled.append(part.index)
            yield part

    def on_result(index, tables):
        collected.append(index)
        gaps.append(len(pulled) - len(collected))

    timings: dict[str, float] = {}
    n = engine.run_partitions(stream(), res, on_result, workers=1, in_flight=2, timings=timings)
    assert n == len(pulled) > 4
    assert collected == sorted(collected) == list(range(n))
    assert max(gaps) <= 2  # never more than `in_flight` partitions held beyond those collected
    assert {"sentences", "claims", "tone", "partition"} <= set(timings)


def test_workers_and_scheduler_are_exclusive():
    with pytest.raises(InputError, match="only one"):
        with engine.dask_client(workers=2, scheduler="tcp://127.0.0.1:1"):
            pass


def test_zero_workers_is_an_input_error():
    with pytest.raises(InputError, match="at least one worker"):
        with engine.dask_client(workers=0):
            pass


def test_unreachable_scheduler_is_an_input_error(monkeypatch):
    monkeypatch.setattr(engine, "SCHEDULER_TIMEOUT", "1s")
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        with engine.dask_client(scheduler="tcp://127.0.0.1:9"):
            pass


def test_local_engine_streams_partitions_before_reading_the_whole_file(tmp_path):
    # a broken line far into the file: the first partitions come out before it is read
    lines = [json.dumps({"doc_id": f"d{i}", "text": f"Report number {i}: two people were hurt."}) for i in range(40)]
    lines.append("{not json")
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = iter_partitions(path, size=10)
    first = next(parts)
    assert [r.doc_id for r in first.documents][:2] == ["d0", "d1"] and len(first.documents) == 10
    with pytest.raises(InputError):
        list(parts)


@pytest.mark.slow
@needs_fakes
def test_fakes_on_dask_with_another_hash_seed_equals_local(fakes_tables, tmp_path, scheduler):
    """Two workers with hash seed 3 give the tables the local engine gave this test process
    (another seed): neither the engine nor set/dict order changes a table."""
    extract_to_dir(FAKES, tmp_path / "dask", fmt="parquet", partition_size=200, engine="dask", scheduler=scheduler)
    for name in TABLE_NAMES:
        got = pd.read_parquet(tmp_path / "dask" / f"{name}.parquet")
        pd.testing.assert_frame_equal(got, fakes_tables[name], check_dtype=False, obj=name)