"""Dask engine: the per-partition extraction on a Dask cluster, with bounded memory.

The driver streams partitions from :func:`analysis.run.partitions.iter_partitions` and submits each
one as a task running :func:`analysis.run.partitions.extract_partition` on a worker process. At most
``2 x workers`` partitions are in flight: the driver waits for the oldest one before it reads
the next, so neither the driver nor a worker ever holds more than a few partitions, whatever
the corpus size. Results come back **in partition order** and go to the same
:class:`~analysis.io.tables.PartitionWriter` as the local engine's, so the tables are identical,
byte for byte, to the local engine's.

By default a :class:`distributed.LocalCluster` is started for the run (``workers`` processes,
one thread each, no dashboard) and closed afterwards; ``scheduler="tcp://host:8786"`` uses an
existing cluster instead, whose workers must have this package installed (the lexicons travel
as file paths, so the workers must also see the same files, e.g. a shared folder).

Example:
    >>> from analysis.run.pipeline import extract_to_dir
    >>> extract_to_dir("data/demo", "/tmp/demo-dask", engine="dask", workers=2)   # doctest: +SKIP
    {'documents': 36, 'claims': ..., ...}
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import pandas as pd

from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from ..extract.document import Lexicons
    from .partitions import Partition

#: Partitions in flight per worker (submitted but not yet collected by the driver).
IN_FLIGHT_PER_WORKER = 2
#: How long to try to reach an existing scheduler before giving up.
SCHEDULER_TIMEOUT = "20s"


def default_workers() -> int:
    """Workers of a LocalCluster when none are asked for: the machine's CPU count."""
    return max(1, os.cpu_count() or 1)


@contextmanager
def dask_client(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A :class:`distributed.Client` for one run, closed (with its LocalCluster) afterwards.

    Args:
        workers: worker processes of a new LocalCluster (one thread each); default: CPU count.
        scheduler: address of an existing scheduler (``tcp://host:8786``); then ``workers``
            must not be given.

    Raises:
        InputError: Dask is not installed, both options are given, ``workers`` < 1, or the
            scheduler cannot be reached.

    Example:
        >>> with dask_client(workers=2) as client:                 # doctest: +SKIP
        ...     len(client.scheduler_info()["workers"])
        2
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask is part of the environment
        raise InputError("engine dask needs the 'dask' and 'distributed' packages (pip install 'dask[distributed]')") from None
    if scheduler and workers is not None:
        raise InputError("--workers starts a local cluster and --scheduler uses an existing one; give only one of them")
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); is it running?") from None
        try:
            yield client
        finally:
            client.close()
        return
    n = default_workers() if workers is None else int(workers)
    if n < 1:
        raise InputError(f"--workers {workers}: need at least one worker")
    cluster = LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        # no dashboard; the scheduler's small HTTP server (health checks) on a free port, so
        # several runs on one machine do not compete for 8787
        scheduler_kwargs={"dashboard": False, "dashboard_address": ":0"},
        silence_logs=logging.ERROR,
    )
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _extract_timed(part: "Partition", res: "Lexicons") -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Task run on a worker: one partition's tables and the seconds spent per stage."""
    from .partitions import extract_partition

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    tables = extract_partition(part, res, timings=timings)
    timings["partition"] = time.perf_counter() - t0
    return tables, timings


def _n_workers(client: Any) -> int:
    try:
        return max(1, len(client.scheduler_info()["workers"]))
    except Exception:  # pragma: no cover - a scheduler without workers yet
        return 1


def run_partitions(
    parts: Iterable["Partition"],
    res: "Lexicons",
    on_result: Callable[[int, dict[str, pd.DataFrame]], None],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool = False,
    timings: dict[str, float] | None = None,
    in_flight: int | None = None,
) -> int:
    """Extract partitions on Dask and hand each result to ``on_result`` in partition order.

    Args:
        parts: partitions, e.g. from :func:`analysis.run.partitions.iter_partitions` (read lazily).
        res: the lexicons (sent to the workers as paths; each worker loads them once).
        on_result: called as ``on_result(index, tables)`` for each partition, in input order.
        workers, scheduler: see :func:`dask_client`.
        progress: show a progress bar on a terminal.
        timings: optional dict that receives seconds per stage summed over all partitions.
        in_flight: most partitions submitted and not yet collected (default 2 x workers).

    Returns:
        The number of partitions processed.

    Example:
        >>> out = []
        >>> run_partitions(iter_partitions("data/demo"), load_lexicons(),
        ...                lambda i, t: out.append(t), workers=1)   # doctest: +SKIP
        1
    """
    from ..progress import progress_bar

    with dask_client(workers=workers, scheduler=scheduler) as client:
        limit = in_flight or IN_FLIGHT_PER_WORKER * _n_workers(client)
        run = uuid.uuid4().hex[:8]
        pending: deque[tuple[int, Any]] = deque()
        done = 0

        def collect() -> None:
            nonlocal done
            index, fut = pending.popleft()
            tables, spent = fut.result()
            fut.release()
            if timings is not None:
                for k, v in spent.items():
                    timings[k] = timings.get(k, 0.0) + v
            on_result(index, tables)
            done += 1

        stream = progress_bar(parts, desc="extracting (dask)", unit="part") if progress else parts
        try:
            for part in stream:
                fut = client.submit(_extract_timed, part, res, key=f"extract-{run}-{part.index:05d}", pure=False)
                pending.append((part.index, fut))
                while len(pending) >= limit:
                    collect()
            while pending:
                collect()
        finally:
            for _, fut in pending:
                fut.cancel()
    return done
