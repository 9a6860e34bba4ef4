"""Project paths, built from the package location (never from the working folder)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
LEXICON_DIR = PACKAGE_DIR / "resources" / "lexicons"
PACK_DIR = PACKAGE_DIR / "resources" / "packs"
NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
DATA_DIR = PROJECT_ROOT / "data"
DEMO_CORPUS = DATA_DIR / "demo"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
REPORTS_DIR = PROJECT_ROOT / "reports"
SHARED_DIR = PROJECT_ROOT.parent / "shared"


def cache_dir() -> Path:
    """Where extracted tables are cached: ``$CC_CACHE_DIR`` if set (tests use a private folder),
    else ``data/processed``."""
    return Path(os.environ.get("CC_CACHE_DIR") or PROCESSED_DIR)
