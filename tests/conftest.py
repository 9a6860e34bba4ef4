"""Shared fixtures: the real corpora in ../shared (tests skip with a reason where absent), a
private cache folder for the whole session, and one FA-KES extraction shared by every test.

``make test`` runs the suite in one process per core (pytest-xdist, a file's tests in one
process): the processes share the cache folder (the cache stores tables by renaming a finished
folder into place, so two writers never mix), and the first to need FA-KES extracts it while the
others wait for it and read the cache."""

from __future__ import annotations

import os

import pytest

from analysis.paths import SHARED_DIR

FAKES = SHARED_DIR / "data" / "FA-KES-Dataset.csv"
SEED = SHARED_DIR / "data" / "seed-report-eastern-ghouta.txt"
DEV_GOLD = SHARED_DIR / "gold" / "dev.jsonl"

needs_fakes = pytest.mark.skipif(not FAKES.is_file(), reason=f"FA-KES absent: {FAKES} (../shared beside the project)")
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"founding report absent: {SEED}")
needs_gold = pytest.mark.skipif(not DEV_GOLD.is_file(), reason=f"dev gold absent: {DEV_GOLD}")


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory):
    """The extraction cache of this test session: tests never write into the project's
    data/processed, and notebook kernels (which inherit the environment) read the same cache."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.getbasetemp().parent / "cache"  # shared by the session's workers
        folder.mkdir(exist_ok=True)
    else:
        folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("CC_CACHE_DIR")
    os.environ["CC_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("CC_CACHE_DIR", None)
    else:
        os.environ["CC_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def fakes_tables(session_cache):
    """FA-KES extracted once per session (into the session cache; later loads are cache hits)."""
    if not FAKES.is_file():
        pytest.skip(f"FA-KES absent: {FAKES} (../shared beside the project)")
    import fcntl

    from analysis.run.pipeline import load_tables

    with open(session_cache / ".fakes.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one extraction: another worker waits, then reads the cache
        return load_tables(FAKES)


@pytest.fixture
def fakes_path():
    return FAKES


@pytest.fixture
def seed_path():
    return SEED


@pytest.fixture
def dev_gold_path():
    return DEV_GOLD


#: Test files that take longest (rendered reports, Dask clusters, whole-corpus runs), run first: with
#: one process per core and a file's tests kept in one process, a long file started last would
#: leave the other process idle at the end.
LONGEST_FIRST = ("test_notebooks.py", "test_packs.py", "test_engine.py", "test_draft.py", "test_report.py",
                 "test_hostile_pages.py")


def pytest_collection_modifyitems(items):
    def rank(item):
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order within a file is kept
