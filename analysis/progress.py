"""Progress bars that appear only on a terminal (quiet in CI, in notebooks' logs and with --quiet)."""

from __future__ import annotations

import os
import sys
from typing import Iterable, TypeVar

from tqdm.auto import tqdm

T = TypeVar("T")

#: Set by the command line's ``--quiet``.
QUIET = False


def progress_enabled() -> bool:
    """True when stderr is a terminal and nothing asked for quiet."""
    return not QUIET and not os.environ.get("CC_QUIET") and sys.stderr.isatty()


def progress_bar(iterable: Iterable[T], *, desc: str, unit: str = "it", total: int | None = None) -> Iterable[T]:
    """Wrap ``iterable`` in a tqdm bar when :func:`progress_enabled`, else return it as is."""
    if not progress_enabled():
        return iterable
    return tqdm(iterable, desc=desc, unit=unit, total=total, leave=False, dynamic_ncols=True)
