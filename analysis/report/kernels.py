"""Warm kernels for batch reports: one Jupyter kernel per worker, reused from run to run.

Starting a kernel and importing pandas, matplotlib, NLTK and the package costs about 4 s of
CPU, more than most report runs themselves; ``python -m analysis report`` runs 16 or more.
:class:`WarmKernel` starts one kernel and runs notebook after notebook in it with papermill
(through the ``cc-warm-kernel`` engine registered here, which passes papermill an existing
kernel manager), clearing the user namespace (``%reset -f``) and closing figures before each
run, so a run sees only its own parameters and cells. Modules stay imported: that is the
saving.

The kernel speaks over IPC sockets (no TCP port, so no "running over TCP without encryption"
warning) and is shut down with a shutdown request, not the interrupt that jupyter_client
sends first (which made ipykernel log "KeyboardInterrupt caught in kernel" after runs that had
all succeeded). Whatever the kernel process still prints goes to a log file, not the console.

Kernels are pooled (:func:`borrow`, :func:`give_back`): a second ``run_reports`` in the same
process (the test suite, a user's script) reuses the kernels of the first; they are shut down
when the process exits. Their output still goes to the log of the run that started them.

Papermill saves the output notebook before and after every cell; with complete tables in
the outputs that is megabytes per save, so this engine saves once, when the run ends (or
fails).
"""

from __future__ import annotations

import atexit
import logging
import threading
from pathlib import Path
from typing import Any, Mapping

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

#: Imports a warm kernel makes at once, before its first notebook (the notebooks' own imports).
WARM_UP = ("import pandas, matplotlib.pyplot, itables, analysis.report.session, analysis.report.plots, "
           "analysis.report.findings, analysis.report.htmltables, analysis.aggregate.overview, "
           "analysis.aggregate.casualties, analysis.aggregate.actors, analysis.aggregate.framing, "
           "analysis.aggregate.distinctive\n")
#: Code run in the kernel before each notebook (not part of the notebook's outputs).
#: ``%reset`` also drops ``__main__.__spec__``, which multiprocessing needs to start a Dask worker.
RESET = ("get_ipython().run_line_magic('reset', '-f')\nimport matplotlib.pyplot as _plt\n_plt.close('all')\ndel _plt\n"
         "import sys as _sys\n_sys.modules['__main__'].__dict__.setdefault('__spec__', None)\ndel _sys\n")
ENGINE = "cc-warm-kernel"
_log = logging.getLogger("papermill")


class WarmKernelEngine(NBClientEngine):
    """Papermill engine that runs a notebook in a given, already started kernel (``km=``)."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, **kwargs):
        km = kwargs.pop("km")
        real_save = nb_man.save
        nb_man.save = lambda **_kw: None  # saved once by papermill's notebook_complete
        client = PapermillNotebookClient(nb_man, km=km, kernel_name=kernel_name, log=_log, log_output=log_output,
                                         stdout_file=stdout_file, stderr_file=stderr_file,
                                         startup_timeout=start_timeout, timeout=execution_timeout)
        try:
            return client.execute()
        finally:
            nb_man.save = real_save
            if client.kc is not None:
                client.kc.stop_channels()


papermill_engines.register(ENGINE, WarmKernelEngine)


class WarmKernel:
    """One kernel, started once, that runs notebooks one after another.

    Example:
        >>> with WarmKernel(cwd=".", log=Path("/tmp/k.log")) as k:        # doctest: +SKIP
        ...     k.run("notebooks/01-corpus-overview.ipynb", "/tmp/out.ipynb", {"corpus": "data/demo"})
    """

    def __init__(self, *, cwd: str | Path, log: Path, kernel_name: str = "python3", env: Mapping[str, str] | None = None):
        import uuid

        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.paths import jupyter_runtime_dir

        self.cwd = str(cwd)
        self.log = Path(log)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self._log_fh = self.log.open("ab")
        runtime = Path(jupyter_runtime_dir())
        runtime.mkdir(parents=True, exist_ok=True)
        name = f"cc-kernel-{uuid.uuid4().hex[:12]}"  # own socket files: two kernels never share one
        self.km = AsyncKernelManager(kernel_name=kernel_name, transport="ipc", ip=str(runtime / f"{name}-ipc"),
                                     connection_file=str(runtime / f"{name}.json"))
        self.env = dict(env) if env is not None else None
        self.runs = 0

    def __enter__(self) -> "WarmKernel":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        from jupyter_core.utils import run_sync

        kw: dict[str, Any] = {"cwd": self.cwd, "stdout": self._log_fh, "stderr": self._log_fh}
        if self.env is not None:
            kw["env"] = self.env
        run_sync(self.km.start_kernel)(**kw)

    def _execute(self, code: str) -> None:
        from jupyter_core.utils import run_sync

        async def go():
            kc = self.km.client()
            kc.start_channels()
            try:
                await kc.wait_for_ready(timeout=60)
                await kc.execute_interactive(code, store_history=False, timeout=120, output_hook=lambda _m: None)
            finally:
                kc.stop_channels()

        run_sync(go)()

    def _reset(self) -> None:
        self._execute(RESET)

    def warm_up(self) -> None:
        """Start the kernel and import what the notebooks import (done while other work goes on)."""
        if not self.km.has_kernel:
            self._start()
        self._execute(WARM_UP)
        self.runs = max(self.runs, 1)  # the next run clears the namespace first

    def run(self, notebook: str | Path, output: str | Path, parameters: Mapping[str, Any], **kw: Any) -> None:
        """Run ``notebook`` with ``parameters`` into ``output`` (papermill; raises as papermill does)."""
        import papermill as pm
        from jupyter_core.utils import run_sync

        if self.km.has_kernel and not run_sync(self.km.is_alive)():
            run_sync(self.km.cleanup_resources)()  # the last run killed it: start afresh
        if not self.km.has_kernel:
            self._start()
        elif self.runs:
            self._reset()
        self.runs += 1
        pm.execute_notebook(str(notebook), str(output), parameters=dict(parameters), kernel_name=self.km.kernel_name,
                            engine_name=ENGINE, km=self.km, progress_bar=False, report_mode=False, **kw)

    def close(self) -> None:
        """Ask the kernel to shut down (no interrupt first), wait for it, clean up its files."""
        from jupyter_core.utils import run_sync

        if self.km.has_kernel:
            async def stop():
                await self.km.request_shutdown()
                await self.km.finish_shutdown(waittime=10)
                await self.km.cleanup_resources()

            try:
                run_sync(stop)()
            except Exception:  # noqa: BLE001 - a kernel that will not stop is killed
                run_sync(self.km.shutdown_kernel)(now=True)
        self._log_fh.close()


_IDLE: list[WarmKernel] = []
_POOL_LOCK = threading.Lock()


def borrow(*, cwd: str | Path, log: Path) -> WarmKernel:
    """An idle pooled kernel started in ``cwd``, or a new one (logging to ``log``)."""
    with _POOL_LOCK:
        for i, k in enumerate(_IDLE):
            if k.cwd == str(cwd):
                return _IDLE.pop(i)
    return WarmKernel(cwd=cwd, log=log)


def warm_pool(n: int, *, cwd: str | Path, logs: Path) -> list[threading.Thread]:
    """Start ``n`` kernels in the background and warm them up; join the threads before using them."""
    def one(i: int) -> None:
        k = WarmKernel(cwd=cwd, log=logs / f"kernel-{i + 1}.log")
        try:
            k.warm_up()
        except Exception:  # noqa: BLE001 - a kernel that fails here is started again by its first run
            pass
        give_back(k)

    with _POOL_LOCK:
        missing = max(0, n - sum(k.cwd == str(cwd) for k in _IDLE))
    threads = [threading.Thread(target=one, args=(i,), name=f"warm-kernel-{i + 1}", daemon=True)
               for i in range(missing)]
    for t in threads:
        t.start()
    return threads


def give_back(kernel: WarmKernel) -> None:
    """Return a kernel to the pool for the next batch (closed when the process exits)."""
    with _POOL_LOCK:
        _IDLE.append(kernel)


@atexit.register
def close_all() -> None:
    """Shut down every pooled kernel."""
    with _POOL_LOCK:
        kernels, _IDLE[:] = list(_IDLE), []
    for k in kernels:
        try:
            k.close()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass
