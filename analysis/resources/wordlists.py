"""Word-list lexicons: the casualty lists, the victim classes and the stop words, loaded and validated.

Plain lists of words (no matcher to compile), read through the lexicon registry so that a
user's file replaces the bundled one (``--lexicon casualties=my.yml``). Each loader raises a
:class:`~analysis.errors.LexiconError` that names the file and the entry.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError, brief
from .files import entry_error, load_yaml
from .registry import lexicon_path

_LEXICON_KEYS = ("victims", "not_victims", "things")


def load_casualty_lexicon(path: str | Path | None = None) -> dict[str, frozenset[str]]:
    """Read and validate the casualty word lists (``analysis/resources/lexicons/casualties.yml``).

    The file maps ``victims`` (head nouns of people), ``not_victims`` (people affected
    otherwise) and ``things`` (head nouns of counted things) to lists of lower-case words.

    Raises:
        LexiconError: a missing list, a non-string or empty entry, a duplicate in a list, or
            a word that is both a victim and a thing (names the file and entry).

    Example:
        >>> lex = load_casualty_lexicon()
        >>> "civilians" in lex["victims"], "trucks" in lex["things"]
        (True, True)
    """
    p = Path(path) if path is not None else lexicon_path("casualties")
    data = load_yaml(p)
    out: dict[str, frozenset[str]] = {}
    for key in _LEXICON_KEYS:
        items = data.get(key)
        if not isinstance(items, list) or not items:
            raise entry_error(p, key, "must be a non-empty list of words")
        seen: set[str] = set()
        for item in items:
            if not isinstance(item, str) or not item.strip() or item != item.strip().lower() or " " in item:
                raise entry_error(p, f"{key}: {brief(item)}", "entries are single lower-case words")
            if item in seen:
                raise entry_error(p, f"{key}: {item}", "duplicate word")
            seen.add(item)
        out[key] = frozenset(seen)
    both = out["victims"] & out["things"]
    if both:
        raise entry_error(p, f"things: {sorted(both)[0]}", "also listed under victims")
    return out


@lru_cache(maxsize=4)
def victim_classes(path: str | None = None) -> dict[str, str]:
    """Victim noun -> class (civilians, children, women, combatants, people) from ``victims.yml``."""
    p = Path(path) if path else lexicon_path("victims")
    data = load_yaml(p)
    out: dict[str, str] = {}
    for cls, nouns in data.items():
        if not isinstance(nouns, list) or not all(isinstance(n, str) and n.strip() for n in nouns):
            raise entry_error(p, cls, "expected a list of victim nouns")
        for n in nouns:
            key = n.strip().lower()
            if key in out:
                raise entry_error(p, cls, f"noun {key!r} is already in class {out[key]!r}")
            out[key] = cls
    return out


def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Stop words, one per line (``#`` starts a comment line), lower-cased.

    Raises:
        LexiconError: the file is missing or unreadable, or a line holds more than one word.

    Example:
        >>> "the" in load_stopwords()
        True
    """
    p = Path(path) if path is not None else lexicon_path("stopwords")
    return _load_stopwords(str(p.resolve()), p.stat().st_mtime if p.is_file() else 0.0)


@lru_cache(maxsize=4)
def _load_stopwords(path: str, mtime: float) -> frozenset[str]:
    p = Path(path)
    if not p.is_file():
        raise LexiconError(f"{p}: stop-word file not found; check the path or use the bundled {lexicon_path('stopwords')}")
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{p}: cannot read the stop-word file ({exc}); save it as UTF-8 text") from None
    out = set()
    for i, line in enumerate(lines, 1):
        w = line.strip()
        if not w or w.startswith("#"):
            continue
        if len(w.split()) > 1:
            raise LexiconError(f"{p}: line {i}: {w!r} holds more than one word; write one stop word per line")
        out.add(w.lower())
    return frozenset(out)
