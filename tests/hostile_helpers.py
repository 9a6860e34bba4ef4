"""Helpers for the hostile-input tests: run the command line in-process and check its promises.

The promises (issue 16, README "Bad input"): no input makes ``extract``, ``report`` or
``evaluate`` raise (print a traceback); a run either succeeds with every input record in
``documents`` or ``skipped`` (with a reason), or stops with one ``error:`` line and exit 2; and
what it prints stays small whatever the input.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.cli import main

#: Largest stderr a run may print, whatever its input (a few warnings and one error line).
MAX_STDERR = 8_000


@dataclass
class Run:
    """What one in-process command printed and returned."""

    rc: int
    out: str
    err: str
    warnings: list[str] = field(default_factory=list)

    @property
    def error(self) -> str:
        """The one ``error:`` line (asserts there is exactly one and nothing else but warnings)."""
        lines = [ln for ln in self.err.splitlines() if ln.strip()]
        errors = [ln for ln in lines if ln.startswith("error: ")]
        assert len(errors) == 1, self.err
        assert all(ln.startswith(("error: ", "warning: ")) for ln in lines), self.err
        return errors[0]

    @property
    def warning_text(self) -> str:
        """Warnings issued, and those the command printed itself as ``warning: ...`` lines."""
        printed = [line for line in self.err.splitlines() if line.startswith("warning: ")]
        return "\n".join(self.warnings + printed)


def cli(*args: object) -> Run:
    """Run ``python -m analysis ARGS`` in-process (much faster than a subprocess).

    An exception escaping ``main`` is what a user would see as a traceback, so it is not
    caught here: the test fails with it.
    """
    out, err = io.StringIO(), io.StringIO()
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        warnings.simplefilter("always")
        rc = main([str(a) for a in args])
    run = Run(rc, out.getvalue(), err.getvalue(), [str(w.message) for w in caught])
    assert "Traceback" not in run.err
    assert len(run.err) <= MAX_STDERR, f"stderr of {len(run.err)} characters"
    assert all(len(w) <= MAX_STDERR for w in run.warnings)
    if rc == 2:
        run.error  # exactly one error line
    return run


def extract(corpus: Path, out: Path, *extra: object) -> Run:
    """``extract CORPUS --out OUT --quiet EXTRA``."""
    return cli("--quiet", "extract", corpus, "--out", out, *extra)


def read_table(out: Path, name: str) -> pd.DataFrame:
    """A CSV table written by ``extract``, every cell as text (missing as NaN)."""
    return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""])


def accounted(out: Path) -> int:
    """Input records accounted for: documents plus skipped."""
    return len(read_table(out, "documents")) + len(read_table(out, "skipped"))


def write(path: Path, content: str | bytes) -> Path:
    """Write text (UTF-8, no newline translation) or bytes; create parent folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path
