"""The lexicon registry: every data file that shapes a table or a figure, found by name.

A run never opens a lexicon by a path of its own: it asks the registry. Each name has a
bundled default and can be replaced by the user, with ``--lexicon NAME=FILE`` on the command
line or the notebooks' ``lexicons`` parameter (``{"casualties": "my-casualties.yml"}``). The
conflict's own lexicons (``actors``, ``labels``, and ``frames`` or ``stopwords`` when a pack
brings them) come from the run's conflict pack (:mod:`analysis.resources.packs`, ``--pack``;
the Syria pack by default), whose ``pack.yml`` is itself the lexicon ``pack``; the others
from ``analysis/resources/lexicons/`` (``vader``: the file the ``vadersentiment`` package
ships). The resolved files and their sha256 go into every run's provenance, and the
extraction cache key hashes every one the tables depend on (all but ``style``, which only
colours figures), so editing any of them re-extracts and nothing else does.

Example:
    >>> sorted(LEXICONS)
    ['actors', 'casualties', 'frames', 'labels', 'pack', 'parties', 'stopwords', 'style', 'vader', 'victims']
    >>> resolve_lexicons({})["victims"].name, resolve_lexicons(pack="syria")["actors"].parent.name
    ('victims.yml', 'syria')
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ..errors import InputError, LexiconError
from ..paths import LEXICON_DIR, PACK_DIR
from .packs import DEFAULT_PACK, load_pack, pack_folder


@dataclass(frozen=True)
class Lexicon:
    """One registered lexicon: its name, bundled file and what it shapes."""

    name: str
    filename: str
    shapes: str
    #: Whether extracted tables depend on it (then it is part of the extraction cache key).
    extraction: bool = True

    def default_path(self) -> Path:
        """The bundled file (``vader``: the one the ``vadersentiment`` package ships; a pack's
        lexicons: the default pack's)."""
        if self.name == "vader":
            return vader_lexicon_path()
        if self.name in ("pack", "actors", "labels"):
            return PACK_DIR / DEFAULT_PACK / self.filename
        return LEXICON_DIR / self.filename


#: Every lexicon a run uses, by name (the order is the order of provenance tables).
LEXICONS: dict[str, Lexicon] = {
    lex.name: lex
    for lex in (
        Lexicon("actors", "actors.yml", "mentions, attributions, claims' sources and perpetrators"),
        Lexicon("labels", "labels.yml", "labels (names for the parties)"),
        Lexicon("frames", "frames.yml", "frames"),
        Lexicon("casualties", "casualties.yml", "claims (victims, people affected otherwise, counted things)"),
        Lexicon("victims", "victims.yml", "victim classes in 02-casualties"),
        Lexicon("stopwords", "stopwords.txt", "distinctive words in 04-framing"),
        Lexicon("vader", "vader_lexicon.txt", "tone and sentence_tone (VADER word ratings)"),
        Lexicon("style", "style.yml", "outlet names and order, and the colours of every figure", extraction=False),
        Lexicon("pack", "pack.yml", "the conflict pack: group ids and kinds, default referents (--pack)"),
        Lexicon("parties", "parties.yml", "mentions of parties no pack names (security forces, gunmen, medics)"),
    )
}


def vader_lexicon_path() -> Path:
    """The VADER lexicon file shipped by the ``vadersentiment`` package.

    Raises:
        InputError: the package or its lexicon file is missing (says how to install it).
    """
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise InputError(
            "tone: the VADER lexicon needs the 'vadersentiment' package (pip install vadersentiment); "
            "it is part of the project's environment"
        )
    path = Path(list(spec.submodule_search_locations)[0]) / LEXICONS["vader"].filename
    if not path.is_file():
        raise InputError(f"tone: VADER lexicon file not found at {path}; reinstall the 'vadersentiment' package")
    return path


def lexicon_path(name_or_path: str | Path) -> Path:
    """A registered name (``"actors"``) to its bundled file; anything else is taken as a path.

    Example:
        >>> lexicon_path("labels").name, lexicon_path("my/labels.yml").as_posix()
        ('labels.yml', 'my/labels.yml')
    """
    if isinstance(name_or_path, str) and name_or_path in LEXICONS:
        return LEXICONS[name_or_path].default_path()
    return Path(name_or_path)


def resolve_lexicons(overrides: Mapping[str, str | Path] | None = None, *, pack: str | Path | None = None) -> dict[str, Path]:
    """Every registered lexicon's file, given, from the pack, or bundled, as absolute paths.

    Args:
        overrides: ``{name: path}`` for the lexicons the user replaces.
        pack: a conflict pack's name or folder (default: the Syria pack); it gives ``pack``
            and the lexicons it lists (``actors``, ``labels``, ...).

    Raises:
        InputError: an unknown name (the message lists the registered ones), or ``pack``
            given as a lexicon (use ``--pack``).
        LexiconError: a given file does not exist (names the lexicon and the file), or the
            pack is missing or broken.
    """
    given = dict(overrides or {})
    unknown = sorted(set(given) - set(LEXICONS))
    if unknown:
        raise InputError(f"unknown lexicon name(s) {', '.join(map(repr, unknown))}; use {', '.join(LEXICONS)}")
    if given.get("pack"):
        raise InputError("lexicon 'pack': choose a pack with --pack NAME_OR_FOLDER (or the notebooks' pack parameter)")
    folder = pack_folder(pack)
    from_pack = dict(load_pack(folder).files, pack=folder / "pack.yml")
    out: dict[str, Path] = {}
    for name, lex in LEXICONS.items():
        value = given.get(name)
        path = Path(value).expanduser() if value else from_pack.get(name) or lex.default_path()
        if not path.is_file():
            raise LexiconError(f"{path}: lexicon {name!r} not found; check the path or leave it out to use "
                               f"the bundled {lex.filename}")
        out[name] = path.resolve()
    return out


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes (lexicon versions go into the cache key and reports)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fingerprints(paths: Mapping[str, Path]) -> dict[str, dict[str, str]]:
    """``{name: {"path": ..., "sha256": ...}}`` for provenance and the cache key."""
    return {name: {"path": str(p), "sha256": file_sha256(p)} for name, p in paths.items()}
