"""Same inputs, same bytes: tables do not depend on the hash seed, the partitioning or the run.

On FA-KES the same is checked by tests/test_engine.py (Dask workers with another hash seed
against the session's local extraction)."""

from __future__ import annotations

import os
import subprocess
import sys

from analysis.io.tables import TABLE_NAMES
from analysis.paths import DEMO_CORPUS, PROJECT_ROOT


def _extract(corpus, out, seed, *extra):
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    r = subprocess.run([sys.executable, "-m", "analysis", "--quiet", "extract", str(corpus), "--out", str(out), *extra],
                       cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr


def _same_tables(a, b):
    for name in TABLE_NAMES:
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes(), name


def test_demo_tables_do_not_depend_on_the_hash_seed(tmp_path):
    _extract(DEMO_CORPUS, tmp_path / "s1", 1)
    _extract(DEMO_CORPUS, tmp_path / "s2", 2, "--partition-size", "7")
    _same_tables(tmp_path / "s1", tmp_path / "s2")
