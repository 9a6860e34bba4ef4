"""Conflict packs: selection, validation errors, kinds in the rules, generic parties, the drafter."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.errors import LexiconError
from analysis.extract.document import load_lexicons
from analysis.extract.mentions import extract_mentions
from analysis.extract.text import document_sentences
from analysis.io.cache import cache_key
from analysis.paths import PACK_DIR, PROJECT_ROOT, SHARED_DIR
from analysis.resources.packs import KINDS, bundled_packs
from analysis.run.pipeline import run_provenance

MUC4 = SHARED_DIR / "data" / "muc4-dev.jsonl"

PACK = """name: tiny
groups:
  ARMY_A: {kind: state, label: Aland state, country: Aland}
  FRONT_B: {kind: armed_nonstate, country: Aland}
  PEOPLE: civilians
countries:
  Aland: [Aland, Alander, Port Ala]
defaults:
  referent: front
  state_referent: state
  fallback: {civilians: PEOPLE}
"""
ACTORS = """heads: [army, troops]
actors:
- name: Aland army
  group: ARMY_A
  aliases: [Aland army, General Orvo]
  adjectives: [Alander]
- name: Front B
  group: FRONT_B
  aliases: [Front B, FB]
"""
LABELS = """referents:
  front:
    group: FRONT_B
    labels: {rebels: [rebel], militants: [militant]}
  state:
    group: ARMY_A
    labels: {army: [army]}
"""


def make_pack(folder: Path, pack: str = PACK, actors: str = ACTORS, labels: str = LABELS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yml").write_text(pack, encoding="utf-8")
    (folder / "actors.yml").write_text(actors, encoding="utf-8")
    (folder / "labels.yml").write_text(labels, encoding="utf-8")
    return folder


def test_bundled_packs_load_and_the_default_is_syria():
    assert bundled_packs() == ["muc4", "syria"]
    assert load_lexicons().pack.name == "syria"
    for name in bundled_packs():
        lex = load_lexicons(pack=name)
        assert set(lex.pack.kinds.values()) <= set(KINDS)
        assert set(lex.actors.actor_groups.values()) <= set(lex.pack.kinds)
        assert lex.paths["actors"].parent == PACK_DIR / name


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("pack.yml", "FRONT_B: {kind: armed_nonstate, country: Aland}", "FRONT_B: {country: Aland}",
         "pack.yml: entry 'groups.FRONT_B': missing kind; use one of armed_nonstate, civilians, criminal"),
        ("pack.yml", "PEOPLE: civilians", "PEOPLE: villagers",
         "pack.yml: entry 'groups.PEOPLE': unknown kind 'villagers'; use one of"),
        ("pack.yml", "PEOPLE: civilians", "people-1: civilians",
         "pack.yml: entry 'groups.people-1': a group id is capitals, digits and _ (PEOPLE_1)"),
        ("pack.yml", "name: tiny", "name: tiny\ngroup: {}", "pack.yml: unknown key 'group'; allowed: countries, defaults"),
        ("pack.yml", "referent: front", "referent: armed_opposition",
         "pack.yml: entry 'defaults.referent': 'armed_opposition' is not a referent of labels.yml; it has front, state"),
        ("pack.yml", "fallback: {civilians: PEOPLE}", "fallback: {civilians: PEOPLE}\n  own_state: [FRONT_B]",
         "pack.yml: entry 'defaults.own_state': 'FRONT_B' is a armed_nonstate, not a state"),
        ("pack.yml", "fallback: {civilians: PEOPLE}", "fallback: {civilians: VILLAGERS}",
         "pack.yml: entry 'defaults.fallback.civilians': unknown group id 'VILLAGERS'; the pack has ARMY_A, FRONT_B, PEOPLE"),
        ("pack.yml", "FRONT_B: {kind: armed_nonstate, country: Aland}", "FRONT_B: {kind: armed_nonstate, country: Bland}",
         "pack.yml: entry 'groups.FRONT_B': country 'Bland' is not under countries:"),
        ("pack.yml", "name: tiny", "name: tiny\nfiles: {labels: names.yml}",
         "pack.yml: entry 'files.labels': names.yml not found in"),
        ("actors.yml", "group: FRONT_B", "group: SL",
         "actors.yml: entry 'Front B': unknown group id 'SL'; the pack 'tiny' has ARMY_A, FRONT_B, PEOPLE"),
        ("actors.yml", "aliases: [Front B, FB]", "aliases: [Front B, FB (Bland)]",
         "actors.yml: entry 'Front B': alias 'FB (Bland)' contains '('; write plain words"),
        ("actors.yml", "aliases: [Front B, FB]", "aliases: [Front B, 'Front.*']",
         "actors.yml: entry 'Front B': alias 'Front.*' contains '*'"),
        ("actors.yml", "aliases: [Front B, FB]", "aliases: [Front B, General Orvo]",
         "actors.yml: entry 'Front B': alias 'General Orvo' is already used by 'Aland army'"),
        ("labels.yml", "group: FRONT_B", "group: GUERRILLAS",
         "labels.yml: entry 'front': unknown group id 'GUERRILLAS'; the pack 'tiny' has ARMY_A, FRONT_B, PEOPLE"),
        ("labels.yml", "militants: [militant]", "militants: ['militant|gunman']",
         "labels.yml: entry 'front.labels.militants': term 'militant|gunman' contains '|'"),
    ],
)
def test_a_bad_pack_is_a_one_line_error_naming_file_and_entry(tmp_path, file, old, new, message):
    folder = make_pack(tmp_path / "tiny")
    path = folder / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    with pytest.raises(LexiconError) as err:
        load_lexicons(pack=folder)
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith(str(folder / file)), text
    assert message in text, text


def test_an_unknown_pack_name_lists_the_bundled_ones(tmp_path, capsys):
    with pytest.raises(LexiconError, match=r"^--pack syra: no such pack; bundled packs: muc4, syria; or give a folder$"):
        load_lexicons(pack="syra")
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Two died.\n")
    assert main(["-q", "extract", str(corpus), "--out", str(tmp_path / "o"), "--pack", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {tmp_path}: no pack.yml in this folder") and "\n" not in err


def test_the_pack_is_in_provenance_and_the_cache_key(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("LIMA, 3 MAY 90 -- TROOPS KILLED TWO GUERRILLAS.\n")
    assert main(["-q", "extract", str(corpus), "--out", str(tmp_path / "o"), "--pack", "muc4"]) == 0
    prov = json.loads((tmp_path / "o" / "provenance.json").read_text())
    assert prov["pack"]["name"] == "muc4" and prov["lexicons"]["pack"]["path"].endswith("muc4/pack.yml")
    keys = {name: cache_key(run_provenance(corpus, load_lexicons(pack=name))) for name in ("syria", "muc4")}
    assert keys["syria"] != keys["muc4"]
    copy = shutil.copytree(PACK_DIR / "muc4", tmp_path / "mine")
    same = cache_key(run_provenance(corpus, load_lexicons(pack=copy)))
    assert same == keys["muc4"]  # same name and bytes: the same tables
    with open(copy / "pack.yml", "a") as fh:
        fh.write("# edited\n")
    assert cache_key(run_provenance(corpus, load_lexicons(pack=copy))) != same
    mentions = pd.read_csv(tmp_path / "o" / "mentions.csv")
    assert list(mentions[["surface", "actor_id", "kind"]].itertuples(index=False, name=None)) == [
        ("TROOPS", "PER_GOV", "state"), ("GUERRILLAS", "OTHER_INSURGENT", "armed_nonstate")]


@pytest.mark.parametrize(
    ("pack", "text", "expected"),
    [
        # generic phrases the pack does not name: a kind, a role and the group the context gives
        ("syria", "Gunmen shot two policemen near the police station, medics said.",
         [("Gunmen", "armed_nonstate", "SYR_OPP", "agent"), ("policemen", "state", None, "target"),
          ("medics", "monitor_ngo", "MONITOR_NGO", "speaker")]),
        ("syria", "A suicide bomber killed 12 worshippers, officials said.",
         [("suicide bomber", "armed_nonstate", None, "agent"), ("worshippers", "civilians", "CIVILIANS", "target"),
          ("officials", "state", None, "speaker")]),
        # a phrase right after a pack name is that name's ("UN officials"), a stance is not a party
        ("syria", "UN officials condemned the anti-government protests.",
         [("UN", "international", "UN", "speaker")]),
        # the same head noun named before: "the ministry" is the Russian one
        ("syria", "The Russian Defence Ministry said rebels fired. The ministry said 5 died.",
         [("Russian Defence Ministry", "foreign_state", "RUSSIA", "speaker"), ("rebels", "armed_nonstate", "SYR_OPP", "agent"),
          ("ministry", "foreign_state", "RUSSIA", "speaker")]),
        # MUC-4: a report's country (its dateline) gives the state and its one insurgency
        ("muc4", "SAN SALVADOR, 3 JAN 90 -- THE ARMY SAID THE GUERRILLAS ATTACKED.",
         [("ARMY", "state", "SAL_GOV", "speaker"), ("GUERRILLAS", "armed_nonstate", "FMLN", "agent")]),
        ("muc4", "LIMA, 3 JAN 90 -- POLICE SAID GUERRILLAS AND GUNMEN ATTACKED.",
         [("POLICE", "state", "PER_GOV", "speaker"), ("GUERRILLAS", "armed_nonstate", "OTHER_INSURGENT", "agent"),
          ("GUNMEN", "armed_nonstate", None, "agent")]),
        ("muc4", "TEGUCIGALPA, 3 JAN 90 -- SALVADORAN REBELS CROSSED THE BORDER.",
         [("REBELS", "armed_nonstate", "FMLN", "other")]),
        ("muc4", "BOGOTA, 3 JAN 90 -- [REPORTER] WHAT DID THE JOURNALISTS SAY?",
         [("JOURNALISTS", "media", "MEDIA", "speaker")]),
    ],
)
def test_generic_parties_become_mentions_with_kind_role_and_group(pack, text, expected):
    lex = load_lexicons(pack=pack)
    rows = extract_mentions(document_sentences("d", None, text), dictionary=lex.actors)
    assert [(r["surface"], r["kind"], r["actor_id"], r["role"]) for r in rows] == expected


#: The Syria pack's group ids, its own referents, and a referent chosen in code instead of by the pack.
SYRIAN = re.compile(r"\b(SYR_GOV|SYR_OPP|JIHADIST|ISIS|KURDISH|RUSSIA|IRAN|HEZBOLLAH|USA|TURKEY|ISRAEL|OTHER_STATE|"
                    r"UN|MONITOR_NGO|CIVILIANS)\b|[\"'](armed_opposition|isis|nusra)[\"']|referent\s*=\s*[\"']government")


def test_no_conflict_group_id_or_referent_in_the_code():
    """The Done-when grep of issue 13: conflict-specific ids live in the packs' YAML only. ("government"
    is the generic name of the state's referent in every pack; code may not choose it, only the pack.)"""
    pattern = SYRIAN
    found = []
    for path in sorted((PROJECT_ROOT / "analysis").rglob("*.py")):
        for i, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(PROJECT_ROOT)}:{i}: {line.strip()}")
    for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb")):
        for i, cell in enumerate(json.loads(path.read_text())["cells"]):
            for line in "".join(cell["source"]).splitlines():
                if pattern.search(line):
                    found.append(f"{path.relative_to(PROJECT_ROOT)} cell {i}: {line.strip()}")
    # the claim grammar reads a capital "IS" in mixed-case text as a name, not the verb: an English
    # rule spelled with that acronym (claim_phrases, from the claims branch)
    found = [f for f in found if not f.startswith("analysis/extract/claim_phrases.py")]
    assert not found, "\n".join(found)


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not MUC4.is_file(), reason="needs ../shared/data/muc4-dev.jsonl")
def test_every_report_runs_on_muc4_with_its_pack(tmp_path):
    """The second pack's reports render (on MUC-4's first 400 texts: the whole corpus's extraction
    with the pack is the README's command, and its figures are in the closing notes)."""
    from analysis.report.batch import run_reports

    corpus = tmp_path / "muc4-400.jsonl"
    with MUC4.open(encoding="utf-8") as lines:
        corpus.write_text("".join(line for _, line in zip(range(400), lines)), encoding="utf-8")
    result = run_reports(corpus=corpus, pack="muc4", variants=False, out=tmp_path / "reports", progress=False)
    assert result.ok, result.summary()
    actors = (tmp_path / "reports" / "03-actors-all.html").read_text()
    assert "Salvadoran state" in actors and "FMLN" in actors and "SYR_GOV" not in actors
    framing = (tmp_path / "reports" / "04-framing-all.html").read_text()
    assert "Labels for insurgents" in framing and "Labels for armed opposition" not in framing
    assert (tmp_path / "reports" / "documents.html").is_file()


def test_a_bad_pack_parameter_is_one_line(tmp_path):
    from analysis.errors import InputError
    from analysis.report.session import open_report

    with pytest.raises(InputError, match=r"^parameter pack: --pack nope: no such pack; bundled packs: muc4, syria"):
        open_report(notebook="01-corpus-overview", corpus="data/demo", pack="nope")
    with pytest.raises(InputError, match=r"^parameter referent: 'armed_opposition' is not a referent of the labels lexicon"):
        open_report(notebook="04-framing", corpus="data/demo", pack="muc4", referent="armed_opposition",
                    out_dir=str(tmp_path))
