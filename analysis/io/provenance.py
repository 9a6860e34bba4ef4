"""Provenance: what a reader needs to know to trust and reproduce a table or report."""

from __future__ import annotations

import datetime as dt
import platform
import subprocess
from functools import lru_cache
from typing import Any, Mapping

import pandas as pd

from .. import __version__
from ..paths import PROJECT_ROOT


@lru_cache(maxsize=1)
def git_commit() -> str | None:
    """The project's git commit (with ``-dirty`` when the work tree has changes), or None."""
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=10, check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return sha + ("-dirty" if dirty else "") if sha else None


def corpus_rows(prov: Mapping[str, Any], *, sha_chars: int = 16) -> list[tuple[str, Any]]:
    """(item, value) rows naming the corpus, its counts, the code and the lexicons of a run."""
    rows = [
        ("corpus", prov.get("corpus")),
        ("corpus format", prov.get("corpus_format")),
        ("corpus sha256", prov.get("corpus_sha256")),
        ("documents", prov.get("n_documents")),
        ("skipped records", prov.get("n_skipped")),
        ("package version", prov.get("package_version", __version__)),
        ("git commit", prov.get("git_commit") or "unknown (not a git checkout)"),
        ("code version", prov.get("code_version")),
    ]
    for name, lex in sorted((prov.get("lexicons") or {}).items()):
        rows.append((f"lexicon {name}", f"{lex['path']} (sha256 {lex['sha256'][:sha_chars]})"))
    return rows


def provenance_table(prov: Mapping[str, Any], *, parameters: Mapping[str, Any] | None = None,
                     started: float | None = None) -> pd.DataFrame:
    """A two-column (item, value) table for the top of a report.

    Args:
        prov: ``Tables.provenance`` of the run.
        parameters: the notebook's parameters.
        started: ``time.time()`` at the start of the notebook, to state its run time.
    """
    import time

    rows = corpus_rows(prov)
    rows.append(("extraction", f"{prov.get('engine', 'local')} engine, {prov.get('seconds')} s, cache {prov.get('cache', 'none')}"))
    for k, v in (parameters or {}).items():
        rows.append((f"parameter {k}", repr(v)))
    rows.append(("python", platform.python_version()))
    rows.append(("run at (UTC)", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")))
    if started is not None:
        rows.append(("run time so far (s)", round(time.time() - started, 2)))
    return pd.DataFrame(rows, columns=["item", "value"]).astype({"value": str})
