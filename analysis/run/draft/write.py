"""Writing a drafted pack: ``pack.yml``, ``actors.yml``, ``labels.yml``, ``README.md`` and, beside
them but not part of the pack, ``draft-evidence.yml`` (example sentences from the corpus, for
the user who edits the draft; never commit it: it copies corpus text).

Every drafted group gets its suggested kind; candidates whose kind the drafter could not tell
are written as commented-out entries for the user to place. Two catch-all groups (civilians,
media) are the fallback of generic phrases of those kinds. The folder validates at once, so
``python -m analysis extract CORPUS --pack FOLDER`` uses it as drafted.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any, Sequence

import yaml

from ...resources.registry import file_sha256, lexicon_path
from ...resources.files import load_yaml
from ...extract.actor_trie import alias_tokens
from .rank import display, kind_of
from .scan import Cand, Scanner
from .words import common

#: The file of example sentences the drafter writes beside a pack (``.gitignore`` it).
EVIDENCE_FILE = "draft-evidence.yml"

#: Catch-all groups of a drafted pack, for kinds reports seldom name: the fallback of generic phrases.
CATCH_ALL = {"NONCOMBATANTS": ("civilians", "Civilians"), "MEDIA": ("media", "Journalists and media")}

#: Naming labels of a drafted pack (English words any conflict's reports use).
_LABELS = {
    "insurgents": {
        "description": "Armed non-state groups, by the words reports use for them (drafted: edit).",
        "labels": {"guerrillas": ["guerrilla"], "rebels": ["rebel"], "insurgents": ["insurgent"],
                   "militants": ["militant"], "subversives": ["subversive"], "gunmen": ["gunman", "gunmen"],
                   "terrorists": {"terms": ["terrorist"], "not_followed_by": [
                       "attack", "act", "bombing", "blast", "explosion", "operation", "threat", "activity", "crime"]}},
        "generic": ["guerrillas", "rebels", "insurgents", "militants", "subversives", "gunmen", "terrorists"],
    },
    "government": {
        "description": "The state, by the words reports use for it (drafted: edit).",
        "labels": {"government": ["government"], "regime": ["regime"], "army": ["army", "armed forces"],
                   "authorities": ["authorities"]},
    },
}


def group_ids(sc: Scanner, cands: Sequence[Cand]) -> list[str]:
    """A readable, unique group id per candidate ("FMLN", "SHINING_PATH", "SALVADORAN")."""
    out: list[str] = []
    for c in cands:
        base = re.sub(r"[^A-Z0-9]+", "_", c.key.upper()).strip("_") or "GROUP"
        base = "_".join(base.split("_")[:3])[:24].strip("_")
        if not base[0].isalpha():
            base = "G_" + base
        gid, n = base, 2
        while gid in out or gid in CATCH_ALL:
            gid, n = f"{base}_{n}", n + 1
        out.append(gid)
    return out


def _aliases(sc: Scanner, c: Cand, used: set[str]) -> list[Any]:
    """A candidate's surfaces (and expansion) as aliases, each used once in the pack."""
    out: list[Any] = []
    for a in sorted(set(c.aliases) | ({c.expansion} if c.expansion else set()), key=lambda a: (-c.aliases[a], a)):
        a = " ".join(re.sub(r"[()\[\]{}^$|\\?+*]", " ", a).split())
        key = " ".join(t.low for t in alias_tokens(a))  # as the pack's validator compares aliases
        if not key or key in used:
            continue
        used.add(key)
        sensitive = not sc.upper and a.isupper() and common(a)  # "ARENA" is not "arena"
        out.append({"text": a, "case": "sensitive"} if sensitive else a)
    return out


def actor_entries(sc: Scanner, cands: Sequence[Cand], ids: Sequence[str]) -> tuple[list[dict], list[dict]]:
    """``(entries, unplaced)``: actor entries of the candidates with a kind, and of those without."""
    used: set[str] = set()
    names: set[str] = set()
    entries, unplaced = [], []
    for c, gid in zip(cands, ids):
        aliases = _aliases(sc, c, used)
        if not aliases:
            continue
        kind, person = kind_of(sc, c)
        name = display(sc, c)
        name = name if name not in names else f"{name} ({gid})"
        names.add(name)
        entry: dict[str, Any] = {"name": name, "group": gid}
        entry["adjectives" if sc.is_demonym(c.surface) else "aliases"] = aliases
        note = (f"{len(c.docs)} documents, {c.mentions} mentions ({'+'.join(sorted(c.how))}); "
                f"suggested kind {kind}{'; a person: move under their group' if person else ''}")
        (unplaced if kind == "unknown" else entries).append({"note": note, "kind": kind, "entry": entry})
    return entries, unplaced


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)


def write_actors(folder: Path, entries: list[dict], unplaced: list[dict]) -> None:
    """``actors.yml``: the default pack's generic heads, then one commented entry per candidate."""
    base = load_yaml(lexicon_path("actors"))
    lines = ["# Actors drafted by `python -m analysis lexicon draft`: edit names, groups and aliases;",
             "# merge a person into their group; delete what is not a party. Format: see the Syria pack's actors.yml.",
             _dump({k: base[k] for k in ("head_modifiers", "state_only_heads", "heads")}).rstrip(), "", "actors:"]
    for e in entries:
        lines += [f"# {e['note']}", _dump([e["entry"]]).rstrip()]
    if unplaced:
        lines += ["", "# Kind not told by the drafter: give each a group of pack.yml and uncomment it."]
        for e in unplaced:
            lines += [f"# {e['note']}"] + ["# " + x for x in _dump([e["entry"]]).rstrip().splitlines()]
    (folder / "actors.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_pack_yml(folder: Path, name: str, corpus: Path, entries: list[dict], n_docs: int) -> dict[str, Any]:
    """``pack.yml``: the drafted groups with their kinds, the catch-all groups, defaults, files."""
    groups: dict[str, Any] = {}
    for e in entries:
        groups.setdefault(e["entry"]["group"], {"kind": e["kind"], "label": e["entry"]["name"]})
    for gid, (kind, label) in CATCH_ALL.items():
        groups[gid] = {"kind": kind, "label": label}
    data = {
        "name": name,
        "description": f"Drafted from {corpus.name} ({n_docs} reports) on {_dt.date.today().isoformat()}; edit before use",
        "groups": groups,
        "defaults": {"referent": "insurgents", "state_referent": "government",
                     "fallback": {kind: gid for gid, (kind, _) in CATCH_ALL.items()}},
        "files": {"actors": "actors.yml", "labels": "labels.yml"},
    }
    (folder / "pack.yml").write_text("# A drafted conflict pack: see README.md beside this file.\n" + _dump(data), encoding="utf-8")
    return data


def write_labels(folder: Path, groups: dict[str, Any]) -> None:
    """``labels.yml``: generic naming labels, each referent tied to the most frequent group of its kind."""
    refs: dict[str, Any] = {}
    for ref, spec in _LABELS.items():
        kind = "armed_nonstate" if ref == "insurgents" else "state"
        first = next((g for g, s in groups.items() if s["kind"] == kind), None)
        refs[ref] = ({"group": first} if first else {}) | spec
    (folder / "labels.yml").write_text("# Naming labels drafted by `lexicon draft` (format: the Syria pack's labels.yml).\n"
                                       + _dump({"referents": refs}), encoding="utf-8")


def write_evidence(folder: Path, sc: Scanner, cands: Sequence[Cand], ids: Sequence[str]) -> None:
    """``draft-evidence.yml``: counts, surfaces and example sentences per drafted group (not part of the pack)."""
    evidence = {gid: {"name": display(sc, c), "documents": len(c.docs), "mentions": c.mentions,
                      "surfaces": dict(c.aliases.most_common(8)),
                      "examples": [f"{d}: {s}" for d, s in c.examples[:3]]} for c, gid in zip(cands, ids)}
    (folder / EVIDENCE_FILE).write_text("# Evidence for editing the draft: sentences copied from the corpus. "
                                        "Do not commit this file.\n" + _dump(evidence), encoding="utf-8")


def write_readme(folder: Path, name: str, corpus: Path, n_docs: int, n_groups: int, n_unplaced: int) -> None:
    """``README.md``: where the draft comes from and what to do with it."""
    text = f"""# Conflict pack `{name}` (drafted)

- Drafted on {_dt.date.today().isoformat()} by `python -m analysis lexicon draft {corpus.name} --out {folder.name}`
  from {n_docs} reports (corpus sha256 `{file_sha256(corpus) if corpus.is_file() else 'a folder'}`).
- {n_groups} groups with a suggested kind; {n_unplaced} candidates without one are commented out in `actors.yml`.
- Edit: merge groups that are one party (an acronym and its names, a person into their group), fix kinds
  (`state` for the conflict's own states, `foreign_state` for the others), delete what is not a party,
  add the labels' names. `{EVIDENCE_FILE}` beside this file shows why each group was drafted: read it,
  do not commit it.
- Record here who edited the pack, when, and how long it took.
"""
    (folder / "README.md").write_text(text, encoding="utf-8")
