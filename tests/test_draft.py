"""The lexicon drafter (``python -m analysis lexicon draft``): a pack that validates and that
extract uses at once, on an invented corpus, on MUC-4's upper-case wire text and on FA-KES."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import main
from analysis.paths import SHARED_DIR
from analysis.resources.packs import load_pack

MUC4 = SHARED_DIR / "data" / "muc4-dev.jsonl"


REPORTS = {
    "a": "Port Ala, 3 May (Wire Today) -- Fighters of the Vorn Liberation Front (VLF) attacked a post of the army "
         "in the hills. A spokesman for the VLF said three soldiers died. Photo: Wire Today",
    "b": "Port Ala, 4 May (Wire Today) -- The VLF ambushed a convoy near the river, said a spokesman for the group. "
         "The Kesh cartel denied any role in the attack.",
    "c": "Troops fought the VLF on Sunday. General Mirko Vesh said the army would win. Photo: Wire Today",
    "d": "The Kesh cartel smuggled arms to the VLF, General Mirko Vesh said on Monday. The VLF denied it.",
    "e": "General Mirko Vesh met the elders of the valley. Neither the Kesh cartel nor the VLF were invited.",
    "f": "The Kesh cartel paid the VLF for safe passage, officials said. Photo: Wire Today",
}


@pytest.fixture
def invented_corpus(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for doc_id, text in REPORTS.items():
        (folder / f"{doc_id}.txt").write_text(f"---\nsource: Wire Today\n---\n{text}\n", encoding="utf-8")
    return folder


def test_the_drafter_writes_a_pack_that_extract_uses_at_once(invented_corpus, tmp_path, capsys):
    out = tmp_path / "drafted"
    assert main(["lexicon", "draft", str(invented_corpus), "--out", str(out), "--min-docs", "2"]) == 0
    assert "groups drafted from 6 reports" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "actors.yml", "draft-evidence.yml", "labels.yml", "pack.yml"]
    pack = load_pack(out)
    kinds = {pack.label(g): k for g, k in pack.kinds.items()}
    assert kinds["Vorn Liberation Front"] == "armed_nonstate"
    assert kinds["Kesh cartel"] == "criminal"
    assert kinds["Mirko Vesh"] == "state"
    assert not any("Wire Today" in label or "Photo" in label for label in kinds)  # outlet and credit line
    # example sentences stay in the evidence file, out of the pack's files
    for name in ("pack.yml", "actors.yml", "labels.yml", "README.md"):
        assert "attacked a post" not in (out / name).read_text()
    assert "attacked a post" in (out / "draft-evidence.yml").read_text()
    assert main(["-q", "extract", str(invented_corpus), "--out", str(tmp_path / "t"), "--pack", str(out)]) == 0
    mentions = pd.read_csv(tmp_path / "t" / "mentions.csv")
    assert {"VLF", "Kesh"} <= set(mentions["surface"]) and mentions["actor_id"].notna().any()


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not MUC4.is_file(), reason="needs ../shared/data/muc4-dev.jsonl")
def test_the_drafter_on_muc4_finds_the_insurgencies_and_no_outlet(tmp_path):
    from analysis.run.draft import draft_pack

    counts = draft_pack(MUC4, tmp_path / "muc4", name="muc4")
    assert counts["upper_case"] and counts["groups"] >= 40
    pack = load_pack(tmp_path / "muc4")
    labels = {pack.label(g).upper(): k for g, k in pack.kinds.items()}
    assert labels["FARABUNDO MARTI NATIONAL LIBERATION FRONT"] == "armed_nonstate"
    assert labels["SHINING PATH"] == "armed_nonstate"
    assert labels["TUPAC AMARU REVOLUTIONARY MOVEMENT"] == "armed_nonstate"
    outlets = {"EFE", "AFP", "ACAN", "ACAN-EFE", "RADIO VENCEREMOS", "CADENA NACIONAL", "TEXT", "REPORTER"}
    assert not outlets & set(labels)
    assert not outlets & {gid.replace("_", " ") for gid in pack.kinds}


def test_the_drafter_needs_a_folder(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Two died.\n")
    (tmp_path / "file").write_text("x")
    assert main(["lexicon", "draft", str(tmp_path / "c"), "--out", str(tmp_path / "file")]) == 2
    assert capsys.readouterr().err.strip() == f"error: {tmp_path / 'file'}: is a file; give a folder for the drafted pack"


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not (SHARED_DIR / "data" / "FA-KES-Dataset.csv").is_file(), reason="needs ../shared/data/FA-KES-Dataset.csv")
def test_the_drafter_on_fakes_writes_a_valid_pack_without_outlets(tmp_path):
    """Mixed case, stripped punctuation: spellings of one name ("Bashar al-Assad", "Bashar al Assad")
    are one alias for the validator, so the draft must not list them in two entries."""
    from analysis.run.draft import draft_pack

    counts = draft_pack(SHARED_DIR / "data" / "FA-KES-Dataset.csv", tmp_path / "fakes")
    assert not counts["upper_case"] and counts["groups"] >= 30
    pack = load_pack(tmp_path / "fakes")
    labels = {pack.label(g): k for g, k in pack.kinds.items()}
    assert labels["Syrian Observatory for Human Rights"] == "monitor_ngo"
    assert labels["Hezbollah"] == "armed_nonstate"
    assert not {"Reuters", "AFP", "Twitter", "Facebook", "TRT World", "Sputnik"} & set(labels)
