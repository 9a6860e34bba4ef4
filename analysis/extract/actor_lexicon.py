"""Loading and validating actor dictionaries (a pack's ``actors.yml``, user files) and the
generic party phrases (``parties.yml``).

Group ids are the run's conflict pack's (:mod:`analysis.resources.packs`): an entry whose
group the pack does not declare is an error naming the file, the entry and the pack's ids.

Example:
    >>> d = load_actor_dictionary(pack=load_pack("muc4"))
    >>> d.kind(d.actor_groups["Shining Path"])
    'armed_nonstate'
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from ..errors import LexiconError, brief
from ..resources.files import entry_error, load_yaml
from ..resources.packs import KINDS, Pack, check_plain, load_pack
from ..resources.registry import lexicon_path
from .actor_dictionary import ActorDictionary, alias_tokens

_ENTRY_KEYS = {"name", "group", "aliases", "adjectives", "metonyms", "generic", "from", "until"}
_ALIAS_KEYS = {"text", "case", "from", "until"}
_TOP_KEYS = ("actors", "heads", "head_modifiers", "state_only_heads", "place_names")
_LIST_KEYS = ("heads", "head_modifiers", "state_only_heads", "place_names")
_PATTERN_KINDS = ("aliases", "adjectives", "metonyms")


def _parse_date(value: Any, path: Path, entry: str, key: str) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise entry_error(path, entry, f"{key} must be a date written YYYY-MM-DD, got {brief(value)}")


def _entry_head(raw: Any, path: Path, index: int, pack: Pack) -> dict[str, Any]:
    """Name, group, dates and the generic flag of one entry, validated."""
    label = f"#{index + 1}"
    if not isinstance(raw, dict):
        raise entry_error(path, label, f"each actor must be a mapping with name, group and aliases, got {type(raw).__name__}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise entry_error(path, label, "needs a non-empty string 'name'")
    name = name.strip()
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise entry_error(path, name, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(sorted(_ENTRY_KEYS))}")
    group = raw.get("group")
    if not isinstance(group, str) or group not in pack.kinds:
        raise entry_error(path, name, f"unknown group id {brief(group)}; the pack {pack.name!r} has {', '.join(sorted(pack.kinds))}")
    start = _parse_date(raw.get("from"), path, name, "from")
    until = _parse_date(raw.get("until"), path, name, "until")
    if start and until and start > until:
        raise entry_error(path, name, f"'from' {start} is after 'until' {until}")
    if "generic" in raw and not isinstance(raw["generic"], bool):
        raise entry_error(path, name, f"'generic' must be true or false, got {brief(raw['generic'])}")
    return {"name": name, "group": group, "generic": bool(raw.get("generic", False)), "from": start, "until": until}


def _pattern_spec(item: Any, path: Path, name: str, kind: str, start: Any, until: Any) -> dict[str, Any]:
    """One alias, adjective or metonym as ``{text, case, from, until}``, validated."""
    if isinstance(item, dict):
        bad = set(item) - _ALIAS_KEYS
        if bad:
            raise entry_error(path, name, f"unknown key(s) {', '.join(sorted(map(str, bad)))} in an item of '{kind}'; allowed: {', '.join(sorted(_ALIAS_KEYS))}")
        text = item.get("text")
        case = item.get("case", "insensitive")
        if case not in ("sensitive", "insensitive"):
            raise entry_error(path, name, f"case must be 'sensitive' or 'insensitive', got {brief(case)}")
        start = _parse_date(item.get("from"), path, name, "from") or start
        until = _parse_date(item.get("until"), path, name, "until") or until
    else:
        text, case = item, "insensitive"
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        raise entry_error(path, name, f"each item of '{kind}' must be a string or a mapping with 'text', got {type(text).__name__}")
    if not text.strip() or not alias_tokens(text):
        raise entry_error(path, name, f"empty pattern in '{kind}'")
    check_plain(path, name, text.strip(), what=kind[:-1] if kind != "aliases" else "alias")
    return {"text": text.strip(), "case": case, "from": start, "until": until}


def _normalise_entry(raw: Any, path: Path, index: int, pack: Pack) -> dict[str, Any]:
    out = _entry_head(raw, path, index, pack)
    name = out["name"]
    for kind in _PATTERN_KINDS:
        items = raw.get(kind) or []
        if not isinstance(items, list):
            raise entry_error(path, name, f"'{kind}' must be a list, got {type(items).__name__}")
        out[kind] = [_pattern_spec(item, path, name, kind, out["from"], out["until"]) for item in items]
    if not (out["aliases"] or out["adjectives"] or out["metonyms"]):
        raise entry_error(path, name, "has no aliases, adjectives or metonyms")
    del out["from"], out["until"]
    return out


def _alias_key(spec: dict[str, Any]) -> tuple[str, ...]:
    toks = tuple(t.raw for t in alias_tokens(spec["text"]))
    return toks if spec["case"] == "sensitive" else tuple(t.lower() for t in toks)


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    lo = max(a["from"] or _dt.date.min, b["from"] or _dt.date.min)
    hi = min(a["until"] or _dt.date.max, b["until"] or _dt.date.max)
    return lo <= hi


def _read_file(path: Path, pack: Pack, lists: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The entries of one actor file; its word lists are added to ``lists``."""
    try:
        data = load_yaml(path)
    except ValueError as exc:  # yaml turns an impossible date (2016-13-01) into ValueError
        raise LexiconError(f"{path}: cannot read the lexicon ({exc}); write dates as YYYY-MM-DD") from None
    if "groups" in data:
        raise entry_error(path, "groups", f"group ids and their kinds are declared in a pack's pack.yml "
                                          f"(the pack {pack.name!r} is in {pack.folder}); see README 'Bring your own conflict'")
    unknown = set(data) - set(_TOP_KEYS)
    if unknown:
        raise entry_error(path, ", ".join(sorted(map(str, unknown))), f"unknown top-level key; allowed: {', '.join(sorted(_TOP_KEYS))}")
    for key in _LIST_KEYS:
        items = data.get(key) or []
        if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
            raise entry_error(path, key, "must be a list of non-empty strings")
        lists[key].extend(items)
    actors = data.get("actors")
    if not isinstance(actors, list):
        raise entry_error(path, "actors", f"must be a list of actor entries, got {type(actors).__name__}")
    entries = [_normalise_entry(raw, path, index, pack) for index, raw in enumerate(actors)]
    names = [e["name"] for e in entries]
    twice = next((n for n in names if names.count(n) > 1), None)
    if twice is not None:
        raise entry_error(path, twice, "listed twice in the same file; merge the two entries")
    return entries


def _check_duplicate_aliases(entries: dict[str, dict[str, Any]], origin: dict[str, Path]) -> None:
    """An alias (same text and case) may be listed by two entries only for disjoint dates."""
    owners: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for e in entries.values():
        for kind in _PATTERN_KINDS:
            for spec in e[kind]:
                key = (kind,) + _alias_key(spec)
                for other_name, other in owners[key]:
                    if not _overlap(spec, other):
                        continue
                    if other_name == e["name"]:
                        problem = f"alias {spec['text']!r} is listed twice"
                    else:
                        problem = (f"alias {spec['text']!r} is already used by {other_name!r}"
                                   f" ({origin[other_name]}) in an overlapping period; remove one or add from/until dates")
                    raise entry_error(origin[e["name"]], e["name"], problem)
                owners[key].append((e["name"], spec))


def load_actor_dictionary(paths: str | Path | Sequence[str | Path] | None = None, *, pack: Pack | None = None) -> ActorDictionary:
    """Load and validate an actor dictionary.

    Args:
        paths: ``None`` for the pack's ``actors.yml``; a path; or a list of paths, where later
            files extend the earlier ones (an entry with the same ``name`` replaces the earlier
            entry; ``heads`` and ``head_modifiers`` are added). To extend the bundled file,
            pass ``[lexicon_path("actors"), "my_actors.yml"]``.
        pack: the conflict pack whose group ids the entries use (default: the Syria pack).

    Returns:
        A compiled :class:`ActorDictionary` that knows the pack's kinds.

    Raises:
        LexiconError: a file is missing or malformed (a group the pack does not declare, a
            duplicate alias in overlapping periods, an empty pattern or one with a regex
            character, a bad date, a wrong type), naming file and entry.

    Example:
        >>> d = load_actor_dictionary()
        >>> d.kind(d.actor_groups["Vladimir Putin"])
        'foreign_state'
    """
    pack = pack or load_pack()
    if paths is None:
        files = [pack.files.get("actors") or lexicon_path("actors")]
    elif isinstance(paths, (str, Path)):
        files = [Path(paths)]
    else:
        files = [Path(p) for p in paths]
    entries: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    lists: dict[str, list[str]] = {key: [] for key in _LIST_KEYS}
    for path in files:
        for e in _read_file(path, pack, lists):
            entries.pop(e["name"], None)
            entries[e["name"]] = e
            origin[e["name"]] = path
    _check_duplicate_aliases(entries, origin)
    return ActorDictionary(list(entries.values()), lists["heads"], lists["head_modifiers"], [str(f) for f in files],
                           state_only_heads=lists["state_only_heads"], place_names=lists["place_names"], pack=pack)


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The default pack's actor dictionary, loaded once.

    Example:
        >>> d = default_dictionary()
        >>> d.kind(d.actor_groups["SANA"])
        'state'
    """
    return load_actor_dictionary()


# --------------------------------------------------------------------------- generic parties


def load_parties(path: str | Path | None = None) -> dict[str, Any]:
    """The generic party phrases (``parties.yml``): ``{"entries": [...], "modifier_nouns": set}``.

    Each entry is ``{"name": canonical phrase, "kind": kind, "aliases": [...]}``, ready for an
    :class:`ActorDictionary` whose groups are the kinds.

    Raises:
        LexiconError: an unknown kind, an empty or duplicate phrase, a regex character
            (names the file and entry).

    Example:
        >>> p = load_parties()
        >>> next(e["kind"] for e in p["entries"] if e["name"] == "gunmen")
        'armed_nonstate'
    """
    p = Path(path) if path is not None else lexicon_path("parties")
    return _load_parties(str(p.resolve()), p.stat().st_mtime if p.is_file() else 0.0)


@lru_cache(maxsize=4)
def _load_parties(path: str, mtime: float) -> dict[str, Any]:
    p = Path(path)
    data = load_yaml(p)
    nouns = data.get("modifier_nouns") or []
    if not isinstance(nouns, list) or not all(isinstance(w, str) and w.strip() for w in nouns):
        raise entry_error(p, "modifier_nouns", "must be a list of words")
    entries: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for kind, phrases in data.items():
        if kind == "modifier_nouns":
            continue
        if kind not in KINDS:
            raise entry_error(p, str(kind), f"unknown kind; use one of {', '.join(sorted(KINDS))}")
        if not isinstance(phrases, dict) or not phrases:
            raise entry_error(p, kind, "must map canonical phrases to lists of phrases")
        for name, aliases in phrases.items():
            entry = f"{kind}.{name}"
            if not isinstance(aliases, list) or not aliases:
                raise entry_error(p, entry, "needs a non-empty list of phrases")
            for a in aliases:
                if not isinstance(a, str) or not a.strip() or not alias_tokens(a):
                    raise entry_error(p, entry, f"empty or invalid phrase {brief(a)}")
                check_plain(p, entry, a.strip(), what="phrase")
                key = " ".join(t.low for t in alias_tokens(a))
                if key in seen:
                    raise entry_error(p, entry, f"phrase {brief(a)} is already listed under {seen[key]!r}; list each phrase once")
                seen[key] = entry
            entries.append({"name": str(name), "kind": kind, "aliases": [a.strip() for a in aliases]})
    return {"entries": entries, "modifier_nouns": frozenset(w.strip().lower() for w in nouns)}
