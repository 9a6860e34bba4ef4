"""The extraction cache key: corpus bytes, package code, the pack, every lexicon file and the options.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any, Mapping

from .. import __version__
from ..paths import PACKAGE_DIR
from ..resources.registry import LEXICONS


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the package's Python sources (part of the cache key)."""
    h = hashlib.sha256(__version__.encode())
    for f in sorted(PACKAGE_DIR.rglob("*.py")):
        h.update(f.relative_to(PACKAGE_DIR).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def cache_key(prov: Mapping[str, Any]) -> str:
    """Cache key from the corpus hash, code version, the hashes of the lexicons tables depend on,
    and the options."""
    parts = {
        "corpus_sha256": prov["corpus_sha256"],
        "code_version": prov["code_version"],
        "pack": (prov.get("pack") or {}).get("name"),
        "lexicons": {k: v["sha256"] for k, v in prov["lexicons"].items()
                     if k not in LEXICONS or LEXICONS[k].extraction},
        "columns": prov.get("columns") or {},
        "skip_bad_lines": bool(prov.get("skip_bad_lines")),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:20]
