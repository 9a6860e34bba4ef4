"""Loading and validating actor dictionaries (``actors.yml`` and user files).
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from ..errors import LexiconError, brief
from ..resources.files import entry_error, load_yaml
from ..resources.registry import lexicon_path
from .actor_dictionary import ActorDictionary, alias_tokens

#: The 15 actor group ids of the gold guidelines.
GROUP_IDS = (
    "SYR_GOV", "SYR_OPP", "JIHADIST", "ISIS", "KURDISH", "RUSSIA", "IRAN", "HEZBOLLAH", "USA",
    "TURKEY", "ISRAEL", "OTHER_STATE", "UN", "MONITOR_NGO", "CIVILIANS",
)

_ENTRY_KEYS = {"name", "group", "aliases", "adjectives", "metonyms", "generic", "from", "until"}

_ALIAS_KEYS = {"text", "case", "from", "until"}


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


def _normalise_entry(raw: Any, path: Path, index: int, groups: Sequence[str] = GROUP_IDS) -> dict[str, Any]:
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
    if group not in groups:
        raise entry_error(path, name, f"unknown group id {brief(group)}; use one of {', '.join(groups)}")
    start = _parse_date(raw.get("from"), path, name, "from")
    until = _parse_date(raw.get("until"), path, name, "until")
    if start and until and start > until:
        raise entry_error(path, name, f"'from' {start} is after 'until' {until}")
    if "generic" in raw and not isinstance(raw["generic"], bool):
        raise entry_error(path, name, f"'generic' must be true or false, got {brief(raw['generic'])}")
    out: dict[str, Any] = {"name": name, "group": group, "generic": bool(raw.get("generic", False))}
    for kind in ("aliases", "adjectives", "metonyms"):
        items = raw.get(kind, [])
        if items is None:
            items = []
        if not isinstance(items, list):
            raise entry_error(path, name, f"'{kind}' must be a list, got {type(items).__name__}")
        specs = []
        for item in items:
            if isinstance(item, dict):
                bad = set(item) - _ALIAS_KEYS
                if bad:
                    raise entry_error(path, name, f"unknown key(s) {', '.join(sorted(map(str, bad)))} in an item of '{kind}'; allowed: {', '.join(sorted(_ALIAS_KEYS))}")
                text = item.get("text")
                case = item.get("case", "insensitive")
                if case not in ("sensitive", "insensitive"):
                    raise entry_error(path, name, f"case must be 'sensitive' or 'insensitive', got {brief(case)}")
                a_start = _parse_date(item.get("from"), path, name, "from") or start
                a_until = _parse_date(item.get("until"), path, name, "until") or until
            else:
                text, case, a_start, a_until = item, "insensitive", start, until
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str):
                raise entry_error(path, name, f"each item of '{kind}' must be a string or a mapping with 'text', got {type(text).__name__}")
            if not text.strip() or not alias_tokens(text):
                raise entry_error(path, name, f"empty pattern in '{kind}'")
            specs.append({"text": text.strip(), "case": case, "from": a_start, "until": a_until})
        out[kind] = specs
    if not (out["aliases"] or out["adjectives"] or out["metonyms"]):
        raise entry_error(path, name, "has no aliases, adjectives or metonyms")
    return out


def _alias_key(spec: dict[str, Any]) -> tuple[str, ...]:
    toks = tuple(t.raw for t in alias_tokens(spec["text"]))
    return toks if spec["case"] == "sensitive" else tuple(t.lower() for t in toks)


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    lo = max(a["from"] or _dt.date.min, b["from"] or _dt.date.min)
    hi = min(a["until"] or _dt.date.max, b["until"] or _dt.date.max)
    return lo <= hi


def load_actor_dictionary(paths: str | Path | Sequence[str | Path] | None = None) -> ActorDictionary:
    """Load and validate an actor dictionary.

    Args:
        paths: ``None`` for the bundled ``actors.yml``; a path; or a list of paths, where later
            files extend the earlier ones (an entry with the same ``name`` replaces the earlier
            entry; ``heads`` and ``head_modifiers`` are added). To extend the bundled file,
            pass ``[lexicon_path("actors"), "my_actors.yml"]``.

    Returns:
        A compiled :class:`ActorDictionary`.

    Raises:
        LexiconError: a file is missing or malformed (unknown group id, duplicate alias in
            overlapping periods, empty pattern, bad date, wrong type), naming file and entry.

    Example:
        >>> d = load_actor_dictionary()
        >>> d.actor_groups["Vladimir Putin"]
        'RUSSIA'
    """
    if paths is None:
        files = [lexicon_path("actors")]
    elif isinstance(paths, (str, Path)):
        files = [Path(paths)]
    else:
        files = [Path(p) for p in paths]
    entries: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    heads: list[str] = []
    modifiers: list[str] = []
    state_only: list[str] = []
    places: list[str] = []
    groups: list[str] = list(GROUP_IDS)
    for path in files:
        try:
            data = load_yaml(path)
        except ValueError as exc:  # yaml turns an impossible date (2016-13-01) into ValueError
            raise LexiconError(f"{path}: cannot read the lexicon ({exc}); write dates as YYYY-MM-DD") from None
        unknown = set(data) - {"actors", "heads", "head_modifiers", "groups", "state_only_heads", "place_names"}
        if unknown:
            raise entry_error(path, ", ".join(sorted(map(str, unknown))), "unknown top-level key; allowed: actors, groups, heads, head_modifiers, state_only_heads, place_names")
        declared = data.get("groups")
        if declared is not None:
            if not isinstance(declared, list) or not all(isinstance(g, str) and g.strip() for g in declared):
                raise entry_error(path, "groups", "must be a list of group ids (non-empty strings)")
            groups.extend(g.strip() for g in declared if g.strip() not in groups)
        for key, target in (("heads", heads), ("head_modifiers", modifiers), ("state_only_heads", state_only), ("place_names", places)):
            items = data.get(key) or []
            if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
                raise entry_error(path, key, "must be a list of non-empty strings")
            target.extend(items)
        actors = data.get("actors")
        if not isinstance(actors, list):
            raise entry_error(path, "actors", f"must be a list of actor entries, got {type(actors).__name__}")
        seen_here: set[str] = set()
        for index, raw in enumerate(actors):
            e = _normalise_entry(raw, path, index, groups)
            if e["name"] in seen_here:
                raise entry_error(path, e["name"], "listed twice in the same file; merge the two entries")
            seen_here.add(e["name"])
            entries.pop(e["name"], None)
            entries[e["name"]] = e
            origin[e["name"]] = path
    # duplicate aliases: same text and case in overlapping periods
    owners: dict[tuple[str, ...], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for e in entries.values():
        for kind in ("aliases", "adjectives", "metonyms"):
            for spec in e[kind]:
                key = (kind,) + _alias_key(spec)
                for other_name, other in owners[key]:
                    if _overlap(spec, other):
                        where = origin[e["name"]]
                        if other_name == e["name"]:
                            problem = f"alias {spec['text']!r} is listed twice"
                        else:
                            problem = (f"alias {spec['text']!r} is already used by {other_name!r}"
                                       f" ({origin[other_name]}) in an overlapping period; remove one or add from/until dates")
                        raise entry_error(where, e["name"], problem)
                owners[key].append((e["name"], spec))
    return ActorDictionary(list(entries.values()), heads, modifiers, [str(f) for f in files],
                           state_only_heads=state_only, place_names=places)


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The bundled actor dictionary, loaded once.

    Example:
        >>> default_dictionary().actor_groups["SANA"]
        'SYR_GOV'
    """
    return load_actor_dictionary()
