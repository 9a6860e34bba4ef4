"""Shared fixtures: the real corpora in ../shared (tests skip with a reason where absent)."""

from __future__ import annotations

import pytest

from analysis.paths import SHARED_DIR

FAKES = SHARED_DIR / "data" / "FA-KES-Dataset.csv"
SEED = SHARED_DIR / "data" / "seed-report-eastern-ghouta.txt"
DEV_GOLD = SHARED_DIR / "gold" / "dev.jsonl"

needs_fakes = pytest.mark.skipif(not FAKES.is_file(), reason=f"FA-KES absent: {FAKES} (../shared beside the project)")
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"founding report absent: {SEED}")
needs_gold = pytest.mark.skipif(not DEV_GOLD.is_file(), reason=f"dev gold absent: {DEV_GOLD}")


@pytest.fixture
def fakes_path():
    return FAKES


@pytest.fixture
def seed_path():
    return SEED


@pytest.fixture
def dev_gold_path():
    return DEV_GOLD
