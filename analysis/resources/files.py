"""Lexicon files: YAML data that users can replace, loaded safely and validated.

Each lexicon (actors, labels, frames, casualties, victims...) is found through
:mod:`analysis.resources.registry` and read with :func:`load_yaml`, which uses ``yaml.safe_load`` and turns every problem into a
:class:`~analysis.errors.LexiconError` naming the file (and, through :func:`entry_error`,
the entry) and what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, LexiconError, brief
from ..paths import LEXICON_DIR


def load_yaml(path: str | Path, *, expect: type = dict) -> Any:
    """Read a lexicon YAML file safely.

    Args:
        path: the file.
        expect: the type the top level must have (``dict`` or ``list``).

    Returns:
        The parsed data.

    Raises:
        LexiconError: the file is missing, unreadable, not valid YAML, or of the wrong shape.
    """
    p = Path(path)
    if not p.is_file():
        raise LexiconError(f"{p}: lexicon file not found; check the path or use the bundled one in {LEXICON_DIR}")
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{p}: cannot read the lexicon ({exc}); save it as UTF-8 text") from None
    data = parse_yaml(raw, path=p, kind="lexicon", error=LexiconError)
    if not isinstance(data, expect):
        raise LexiconError(
            f"{p}: expected a YAML {'mapping' if expect is dict else 'list'} at the top level, "
            f"found {type(data).__name__}; see the bundled file in {LEXICON_DIR} for the format"
        )
    return data


def parse_yaml(raw: str, *, path: str | Path, kind: str, error: type[InputError] = InputError) -> Any:
    """YAML text read with ``yaml.safe_load`` (no tags that run code), every failure one error line.

    Args:
        raw: the file's text.
        path: the file, named in the message.
        kind: what the file is ("lexicon", "report config"), named in the message.
        error: the exception class to raise.

    Raises:
        InputError: not valid YAML (the line named), or nested thousands of levels deep.

    Example:
        >>> parse_yaml("a: [1, 2]", path="r.yml", kind="report config")
        {'a': [1, 2]}
        >>> parse_yaml("a: " + "[" * 5000, path="r.yml", kind="report config")
        Traceback (most recent call last):
        analysis.errors.InputError: r.yml: nested too deeply to read (a list or mapping inside thousands of others); a report config is a few levels deep: fix its structure
    """
    try:
        return yaml.safe_load(raw)
    except RecursionError:
        raise error(f"{path}: nested too deeply to read (a list or mapping inside thousands of others); "
                    f"a {kind} is a few levels deep: fix its structure") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"{path}:{where} is not valid YAML ({problem[:200]}); fix the syntax there") from None


def entry_error(path: str | Path, entry: str, problem: str) -> LexiconError:
    """A :class:`LexiconError` naming the file, the entry and the problem."""
    return LexiconError(f"{path}: entry {brief(entry)}: {problem}")
