"""User-facing errors.

Every problem caused by the input (a wrong path, a malformed file, a missing column, a
broken lexicon, a bad parameter) raises :class:`InputError` with a message that names the
file, line, row or field and says what to do. The command line prints that message on one
line and exits with status 2, without a traceback: :func:`printable` makes any message one
bounded line that a terminal shows as it is (control, invisible and bidirectional characters
escaped), and :func:`brief` is how a message quotes a value the user gave, however large.
"""

from __future__ import annotations

import reprlib
from typing import Any

#: Longest message the command line prints (the middle of a longer one is cut).
MAX_MESSAGE = 2_000

_BRIEF = reprlib.Repr()
_BRIEF.maxlevel, _BRIEF.maxlist, _BRIEF.maxdict, _BRIEF.maxtuple, _BRIEF.maxset = 2, 4, 4, 4, 4
_BRIEF.maxstring, _BRIEF.maxother, _BRIEF.maxlong = 60, 60, 40


class InputError(Exception):
    """An input the user can fix: the message says where and how."""


class LexiconError(InputError):
    """A lexicon YAML file that cannot be used (names the file and entry)."""


def brief(value: Any) -> str:
    """A short ``repr`` of a value for a message: nested and long values are elided.

    It never builds the full ``repr``, so a YAML alias bomb (a few hundred bytes that
    expand to millions of items) costs nothing to quote.

    Example:
        >>> brief({"group": [["lol"] * 10] * 10})
        "{'group': [[...], [...], [...], [...], ...]}"
    """
    return _BRIEF.repr(value)


def printable(message: str, *, limit: int = MAX_MESSAGE) -> str:
    """One line of at most about ``limit`` characters, safe to print on a terminal.

    Characters that are not printable (line breaks, tabs, terminal escapes, zero-width and
    bidirectional controls, ...) are shown as Python escapes, so a file name can neither
    break the line nor recolour, reorder or hide what follows it.

    Example:
        >>> printable("bad file a\\u202etxt.csv\\nsecond line\\x1b[31m")
        'bad file a\\\\u202etxt.csv\\\\nsecond line\\\\x1b[31m'
    """
    text = str(message)
    if len(text) > limit:
        head, tail = limit * 3 // 4, limit // 4
        text = f"{text[:head]} ... ({len(text) - head - tail:,} characters cut) ... {text[-tail:]}"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
