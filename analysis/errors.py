"""User-facing errors.

Every problem caused by the input (a wrong path, a malformed file, a missing column, a
broken lexicon, a bad parameter) raises :class:`InputError` with a message that names the
file, line, row or field and says what to do. The command line prints that message on one
line and exits with status 2, without a traceback.
"""

from __future__ import annotations


class InputError(Exception):
    """An input the user can fix: the message says where and how."""


class LexiconError(InputError):
    """A lexicon YAML file that cannot be used (names the file and entry)."""
