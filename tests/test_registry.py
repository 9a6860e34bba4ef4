"""The lexicon registry: every data file that shapes a table is found by name, can be replaced,
and is part of the cache key."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
import yaml

from analysis.cli import main
from analysis.errors import InputError, LexiconError
from analysis.extract.document import load_lexicons
from analysis.io.cache import cache_key
from analysis.resources.registry import LEXICONS, lexicon_path, resolve_lexicons
from analysis.run.pipeline import load_tables, run_provenance

#: A line each kind of file accepts without changing what it means to a reader of the file.
HARMLESS = {"vader": "zzzedited\t0.5\t0.1\t[0]\n", "stopwords": "# edited\n"}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("The blast killed 12 drivers and wounded four passengers, police said.\n")
    return folder


def test_every_lexicon_has_a_bundled_file():
    paths = resolve_lexicons()
    assert list(paths) == list(LEXICONS)
    assert all(p.is_file() and p.is_absolute() for p in paths.values())
    assert paths["casualties"] == lexicon_path("casualties").resolve()


def test_unknown_name_and_missing_file_are_named(tmp_path):
    with pytest.raises(InputError, match=r"unknown lexicon name\(s\) 'colour'; use actors, labels, frames, casualties"):
        resolve_lexicons({"colour": "x.yml"})
    with pytest.raises(LexiconError, match=rf"^{tmp_path / 'none.yml'}: lexicon 'victims' not found"):
        resolve_lexicons({"victims": tmp_path / "none.yml"})


@pytest.mark.parametrize("name", [n for n in LEXICONS if n != "pack"])
def test_editing_any_lexicon_the_tables_depend_on_changes_the_cache_key(name, corpus, tmp_path):
    """Every lexicon but style (which only colours figures) is part of the extraction's key
    (a pack's pack.yml is edited in a copy of the pack folder: tests/test_packs.py)."""
    copy = tmp_path / f"my-{LEXICONS[name].filename}"
    shutil.copyfile(lexicon_path(name), copy)
    before = cache_key(run_provenance(corpus, load_lexicons({name: copy})))
    assert before == cache_key(run_provenance(corpus, load_lexicons()))  # same bytes, same key
    with open(copy, "a", encoding="utf-8") as fh:
        fh.write(HARMLESS.get(name, "\n# edited\n"))
    after = cache_key(run_provenance(corpus, load_lexicons({name: copy})))
    assert (after != before) == LEXICONS[name].extraction


def test_an_edited_lexicon_re_extracts_and_is_used(corpus, tmp_path):
    mine = tmp_path / "casualties.yml"
    data = yaml.safe_load(lexicon_path("casualties").read_text())
    data["victims"].remove("drivers")
    data["things"].append("drivers")  # now "12 drivers" count things
    mine.write_text(yaml.safe_dump(data))
    cache = tmp_path / "cache"
    first = load_tables(corpus, cache_dir=cache)
    assert first.provenance["cache"] == "miss"
    assert ("killed", 12) in set(zip(first.claims["category"], first.claims["min"]))
    assert load_tables(corpus, cache_dir=cache).provenance["cache"] == "hit"
    other = load_tables(corpus, cache_dir=cache, lexicons={"casualties": mine})
    assert other.provenance["cache"] == "miss"
    assert other.provenance["lexicons"]["casualties"]["path"] == str(mine.resolve())
    assert ("killed", 12) not in set(zip(other.claims["category"], other.claims["min"]))


def test_the_command_line_takes_any_registered_lexicon(corpus, tmp_path):
    mine = tmp_path / "victims.yml"
    mine.write_text("everyone: [drivers, passengers]\n")
    assert main(["-q", "extract", str(corpus), "--out", str(tmp_path / "o"), "--lexicon", f"victims={mine}"]) == 0
    prov = pd.read_json(tmp_path / "o" / "provenance.json", typ="series")
    assert prov["lexicons"]["victims"]["path"] == str(mine.resolve())


def test_a_broken_word_list_fails_before_the_run(corpus, tmp_path, capsys):
    bad = tmp_path / "victims.yml"
    bad.write_text("children: [kids, kids]\n")
    assert main(["-q", "extract", str(corpus), "--out", str(tmp_path / "o"), "--lexicon", f"victims={bad}"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"error: {bad.resolve()}: entry 'children': noun 'kids' is already in class 'children'"
    assert not (tmp_path / "o" / "claims.csv").exists()
