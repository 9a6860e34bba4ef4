"""Conflict packs: the parties of one conflict as a folder of lexicons, with a kind per group.

A pack is a folder with a ``pack.yml`` (its name, its group ids with a kind each, its defaults
and the lexicon files it brings) and those files (``actors.yml``, ``labels.yml``, optionally
``frames.yml`` ...). Rules in the code never name a group: they ask the pack for kinds
(:data:`KINDS`), so the same rules serve the Syrian war (the default pack), Latin America's
wars of the 1980s or any conflict a user drafts a pack for (``python -m analysis lexicon
draft``). Bundled packs live in ``analysis/resources/packs/<name>/``; ``--pack NAME_OR_FOLDER``
on the command line and the notebooks' ``pack`` parameter pick one.

``pack.yml`` by example::

    name: muc4
    description: Political violence in Latin America, 1988-1990
    groups:                                 # id -> kind, or a mapping with kind, label, colour, country
      SAL_GOV: {kind: state, label: Salvadoran state, country: El Salvador}
      FMLN: {kind: armed_nonstate, country: El Salvador, side: insurgency}  # side: groups acting together
      PEOPLE: civilians
    countries:                              # optional: place words that set a report's country
      El Salvador: [El Salvador, San Salvador, Salvadoran]
    defaults:
      referent: insurgents                  # the naming referent 04-framing shows first
      state_referent: government            # the referent of the state's names
      own_state: [SAL_GOV]                  # the states a generic "the army" may mean
      fallback: {armed_nonstate: FMLN}      # the group of an unresolved generic phrase, by kind
    files: {actors: actors.yml, labels: labels.yml}

Every problem is a one-line :class:`~analysis.errors.LexiconError` naming the file and entry.

Example:
    >>> p = load_pack("syria")
    >>> p.kind(p.own_state[0]), len(p.groups_of("foreign_state")) > 3
    ('state', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from ..errors import LexiconError, brief
from ..paths import PACK_DIR
from .files import entry_error, load_yaml

#: The closed list of kinds a group can have; every kind is one a rule in the code reads.
KINDS = (
    "state", "armed_nonstate", "paramilitary", "criminal", "foreign_state", "international",
    "monitor_ngo", "media", "political", "civilians",
)
#: Kinds that never cause casualties in a claim (a monitor, the United Nations, a newspaper, civilians).
NEVER_PERPETRATOR = frozenset({"monitor_ngo", "international", "media", "civilians"})
#: Kinds whose mention beside a generic word does not claim it ("civilians and militants").
NOT_CLAIMING = frozenset({"civilians", "monitor_ngo", "international", "media"})
#: Kinds that report tolls and speak for others ("medics said", "the United Nations said").
MONITOR_KINDS = frozenset({"monitor_ngo", "international"})

#: The pack used when none is named.
DEFAULT_PACK = "syria"

_TOP_KEYS = {"name", "description", "language", "period", "groups", "countries", "defaults", "files", "notes"}
_GROUP_KEYS = {"kind", "label", "colour", "country", "side"}
_DEFAULT_KEYS = {"referent", "state_referent", "own_state", "fallback", "coalition_after"}
_GROUP_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: Lexicons a pack may bring (the rest are the same for every conflict).
PACK_FILES = ("actors", "labels", "frames", "stopwords")


@dataclass(frozen=True, eq=False)
class Pack:
    """A validated conflict pack (see the module docstring for ``pack.yml``)."""

    name: str
    folder: Path
    description: str
    kinds: Mapping[str, str]
    labels: Mapping[str, str] = field(default_factory=dict)
    colours: Mapping[str, str] = field(default_factory=dict)
    countries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    group_country: Mapping[str, str] = field(default_factory=dict)
    sides: Mapping[str, str] = field(default_factory=dict)
    defaults: Mapping[str, Any] = field(default_factory=dict)
    files: Mapping[str, Path] = field(default_factory=dict)

    def kind(self, group: str | None) -> str | None:
        """The kind of a group id (None for an unknown id or None).

        Example:
            >>> load_pack("syria").kind("nonsense") is None
            True
        """
        return self.kinds.get(group) if group else None

    def groups(self) -> tuple[str, ...]:
        """Every group id, in ``pack.yml`` order."""
        return tuple(self.kinds)

    def groups_of(self, *kinds: str) -> tuple[str, ...]:
        """The group ids of the given kinds, in ``pack.yml`` order."""
        return tuple(g for g, k in self.kinds.items() if k in kinds)

    @property
    def own_state(self) -> tuple[str, ...]:
        """The ``state`` groups a generic state word ("the army") may mean."""
        return tuple(self.defaults.get("own_state") or self.groups_of("state"))

    def fallback(self, kind: str | None, phrase: str | None = None) -> str | None:
        """The group an unresolved generic phrase takes: the one given for its canonical phrase
        (``parties.yml``), else for its kind (None: it stays unresolved)."""
        table = self.defaults.get("fallback") or {}
        if phrase is not None and phrase in table:
            return table[phrase]
        return table.get(kind) if kind else None

    def unresolved(self, phrase: str) -> bool:
        """Whether the pack keeps a generic phrase without a group whatever its context says
        (``fallback: {gunmen: null}``)."""
        table = self.defaults.get("fallback") or {}
        return phrase in table and table[phrase] is None

    def referent(self, role: str = "referent") -> str | None:
        """A naming referent from the defaults: ``referent`` or ``state_referent``."""
        return self.defaults.get(role)

    def label(self, group: str) -> str:
        """A group's display label (its id when the pack gives none)."""
        return self.labels.get(group) or group

    def side(self, group: str | None) -> str | None:
        """The side a group acts with (``side:`` in ``pack.yml``; a group without one is its own side).

        Example:
            >>> p = load_pack("syria")
            >>> p.side(p.own_state[0]) == p.side(p.groups_of("foreign_state")[0])
            True
        """
        return self.sides.get(group, group) if group else None

    def country_groups(self, country: str, *kinds: str) -> tuple[str, ...]:
        """The groups of ``kinds`` that the pack places in ``country``."""
        return tuple(g for g in self.groups_of(*kinds) if self.group_country.get(g) == country)


def pack_folder(name_or_folder: str | Path | None) -> Path:
    """The folder of a pack: a bundled pack's name, or a folder holding a ``pack.yml``.

    Raises:
        LexiconError: neither (lists the bundled packs).

    Example:
        >>> pack_folder("syria").name
        'syria'
    """
    value = DEFAULT_PACK if name_or_folder in (None, "") else name_or_folder
    path = Path(value).expanduser()
    if (path / "pack.yml").is_file():
        return path.resolve()
    if isinstance(value, str) and re.fullmatch(r"[\w-]+", value) and (PACK_DIR / value / "pack.yml").is_file():
        return (PACK_DIR / value).resolve()
    if path.is_dir():
        raise LexiconError(f"{path}: no pack.yml in this folder; a pack folder needs one "
                           f"(python -m analysis lexicon draft CORPUS --out {path} writes a starter pack)")
    raise LexiconError(f"--pack {value}: no such pack; bundled packs: {', '.join(bundled_packs())}; or give a folder")


def pack_of(provenance: Mapping[str, Any] | None) -> Pack:
    """The pack a run's provenance names (its folder), else the default pack.

    Example:
        >>> pack_of({"pack": {"name": "muc4", "folder": str(PACK_DIR / "muc4")}}).name, pack_of({}).name
        ('muc4', 'syria')
    """
    folder = ((provenance or {}).get("pack") or {}).get("folder")
    return load_pack(folder if folder and (Path(folder) / "pack.yml").is_file() else None)


def bundled_packs() -> list[str]:
    """The names of the packs shipped with the package."""
    return sorted(p.parent.name for p in PACK_DIR.glob("*/pack.yml"))


def load_pack(name_or_folder: str | Path | None = None) -> Pack:
    """Load and validate a pack by name or folder (default: the Syria pack).

    Raises:
        LexiconError: one line naming the file and entry (no such pack, unknown key, a group
            without a kind or with an unknown one, a bad group id, a default that is not of
            the pack, a listed file that is missing).
    """
    path = pack_folder(name_or_folder) / "pack.yml"
    return _load_pack(str(path), path.stat().st_mtime)


@lru_cache(maxsize=8)
def _load_pack(path: str, mtime: float) -> Pack:
    p = Path(path)
    data = load_yaml(p)
    unknown = sorted(set(map(str, data)) - _TOP_KEYS)
    if unknown:
        raise LexiconError(f"{p}: unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_TOP_KEYS))}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise entry_error(p, "name", "a pack needs a name (a short word, e.g. muc4)")
    groups = _read_groups(p, data.get("groups"))
    countries = _read_countries(p, data.get("countries"), groups)
    files = _read_files(p, data.get("files"))
    defaults = _read_defaults(p, data.get("defaults"), groups, files)
    return Pack(
        name=name.strip(), folder=p.parent, description=str(data.get("description") or ""),
        kinds={g: spec["kind"] for g, spec in groups.items()},
        labels={g: spec["label"] for g, spec in groups.items() if spec.get("label")},
        colours={g: spec["colour"] for g, spec in groups.items() if spec.get("colour")},
        countries=countries,
        group_country={g: spec["country"] for g, spec in groups.items() if spec.get("country")},
        sides={g: str(spec["side"]) for g, spec in groups.items() if spec.get("side")},
        defaults=defaults, files=files,
    )


def _read_groups(p: Path, raw: Any) -> dict[str, dict[str, Any]]:
    """``groups:`` as ``{id: {kind, label, colour, country}}``, validated."""
    if not isinstance(raw, dict) or not raw:
        raise entry_error(p, "groups", "needs a mapping of group ids to kinds, e.g. ARMY: state")
    out: dict[str, dict[str, Any]] = {}
    for gid, spec in raw.items():
        entry = f"groups.{gid}"
        if not isinstance(gid, str) or not _GROUP_ID.match(gid):
            fixed = re.sub(r"\W", "_", str(gid)).upper()
            raise entry_error(p, entry, f"a group id is capitals, digits and _ ({fixed})")
        spec = {"kind": spec} if isinstance(spec, str) or spec is None else spec
        if not isinstance(spec, dict):
            raise entry_error(p, entry, "give the kind alone or a mapping with kind, label, colour, country")
        bad = sorted(set(map(str, spec)) - _GROUP_KEYS)
        if bad:
            raise entry_error(p, entry, f"unknown key {bad[0]!r}; allowed: {', '.join(sorted(_GROUP_KEYS))}")
        kind = spec.get("kind")
        if kind is None:
            raise entry_error(p, entry, f"missing kind; use one of {', '.join(sorted(KINDS))}")
        if not isinstance(kind, str) or kind not in KINDS:
            raise entry_error(p, entry, f"unknown kind {brief(kind)}; use one of {', '.join(sorted(KINDS))}")
        colour = spec.get("colour")
        if colour is not None and not (isinstance(colour, str) and _COLOUR.match(colour)):
            raise entry_error(p, entry, f"colour {brief(colour)} is not a #rrggbb colour")
        out[gid] = dict(spec)
    return out


def _read_countries(p: Path, raw: Any, groups: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[str, ...]]:
    """``countries:`` as ``{country: place words}``; every group's ``country`` must be one."""
    raw = raw or {}
    if not isinstance(raw, dict) or not all(isinstance(v, list) and v and all(isinstance(w, str) and w.strip() for w in v)
                                            for v in raw.values()):
        raise entry_error(p, "countries", "must map each country to a list of its place words")
    countries = {str(c): tuple(w.strip() for w in v) for c, v in raw.items()}
    for gid, spec in groups.items():
        c = spec.get("country")
        if c is not None and c not in countries:
            raise entry_error(p, f"groups.{gid}", f"country {brief(c)} is not under countries:; add it with its place words")
    return countries


def _read_files(p: Path, raw: Any) -> dict[str, Path]:
    """``files:`` as ``{lexicon name: path}``; ``actors`` and ``labels`` are required."""
    raw = raw or {}
    if not isinstance(raw, dict):
        raise entry_error(p, "files", "must map lexicon names to file names, e.g. actors: actors.yml")
    bad = sorted(set(map(str, raw)) - set(PACK_FILES))
    if bad:
        raise entry_error(p, f"files.{bad[0]}", f"a pack brings only {', '.join(PACK_FILES)}")
    out: dict[str, Path] = {}
    for name in PACK_FILES:
        value = raw.get(name, f"{name}.yml" if name in ("actors", "labels") else None)
        if value is None:
            continue
        path = p.parent / str(value)
        if not path.is_file():
            raise entry_error(p, f"files.{name}", f"{value} not found in {p.parent}")
        out[name] = path.resolve()
    return out


def _read_defaults(p: Path, raw: Any, groups: Mapping[str, Mapping[str, Any]], files: Mapping[str, Path]) -> dict[str, Any]:
    """``defaults:`` validated against the pack's groups and its labels' referents."""
    raw = raw or {}
    if not isinstance(raw, dict):
        raise entry_error(p, "defaults", "must be a mapping")
    bad = sorted(set(map(str, raw)) - _DEFAULT_KEYS)
    if bad:
        raise entry_error(p, f"defaults.{bad[0]}", f"unknown key; allowed: {', '.join(sorted(_DEFAULT_KEYS))}")
    out = dict(raw)
    own = raw.get("own_state") or []
    if not isinstance(own, list):
        raise entry_error(p, "defaults.own_state", "must be a list of group ids of kind state")
    for g in own:
        _known_group(p, "defaults.own_state", g, groups)
        if groups[g]["kind"] != "state":
            raise entry_error(p, "defaults.own_state", f"{brief(g)} is a {groups[g]['kind']}, not a state")
    fallback = raw.get("fallback") or {}
    if not isinstance(fallback, dict):
        raise entry_error(p, "defaults.fallback", "must map kinds to group ids, e.g. civilians: PEOPLE")
    for kind, g in fallback.items():
        if kind not in KINDS and not (isinstance(kind, str) and re.fullmatch(r"[a-z][a-z' -]*", kind)):
            raise entry_error(p, f"defaults.fallback.{kind}", f"use a kind ({', '.join(sorted(KINDS))}) "
                                                              "or a canonical phrase of parties.yml in lower case")
        if g is not None:
            _known_group(p, f"defaults.fallback.{kind}", g, groups)
    for g in (raw.get("coalition_after") or {}):
        _known_group(p, "defaults.coalition_after", g, groups)
    referents = _label_referents(files.get("labels"))
    for role in ("referent", "state_referent"):
        ref = raw.get(role)
        if ref is not None and referents is not None and ref not in referents:
            raise entry_error(p, f"defaults.{role}", f"{brief(ref)} is not a referent of labels.yml; it has {', '.join(referents)}")
    return out


def _known_group(p: Path, entry: str, group: Any, groups: Mapping[str, Any]) -> None:
    if not isinstance(group, str) or group not in groups:
        raise entry_error(p, entry, f"unknown group id {brief(group)}; the pack has {', '.join(sorted(groups))}")


def _label_referents(path: Path | None) -> list[str] | None:
    """The referent names of a labels file (None without one); the file is validated elsewhere."""
    if path is None:
        return None
    data = load_yaml(path)
    refs = data.get("referents")
    return [str(r) for r in refs] if isinstance(refs, dict) else []


#: Characters an alias or term must not hold: they look like regular expressions, and are
#: matched literally, so they are nearly always a mistake.
REGEX_METACHARACTERS = "()[]{}^$|\\?+"


def check_plain(path: Path, entry: str, text: str, *, what: str = "alias", stem: bool = False) -> None:
    """Raise a :class:`LexiconError` when ``text`` holds a regex metacharacter.

    ``*`` is allowed only at the end of a term that may be a stem (``stem=True``: labels and
    frames terms).

    Example:
        >>> check_plain(Path("a.yml"), "M-19", "M-19 (April 19)")
        Traceback (most recent call last):
        analysis.errors.LexiconError: a.yml: entry 'M-19': alias 'M-19 (April 19)' contains '('; write plain words (spaces, hyphens, dots and apostrophes are matched loosely already)
    """
    bad = next((ch for ch in text if ch in REGEX_METACHARACTERS), None)
    if bad is None and "*" in (text[:-1] if stem else text):
        bad = "*"
    if bad is not None:
        raise entry_error(path, entry, f"{what} {brief(text)} contains {bad!r}; write plain words (spaces, hyphens, "
                                       "dots and apostrophes are matched loosely already)")
