"""Gold evaluation: scoring on a tiny gold file, malformed input, the dev bar and the seed report."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.paths import SHARED_DIR
from analysis.run.evaluate import ERROR_COLUMNS, evaluate_gold, prf, read_gold

DEV = SHARED_DIR / "gold" / "dev.jsonl"
SEED = SHARED_DIR / "data" / "seed-report-eastern-ghouta.txt"


def claim(category, lo, hi, qualifier="exact", vague=None, scope="event", source=None, perpetrator=None):
    return {"category": category, "min": lo, "max": hi, "qualifier": qualifier, "vague": vague,
            "victims": "people", "scope": scope, "source_actor": source, "perpetrator_actor": perpetrator,
            "quote": ""}


def write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path):
    records = [
        {"doc_id": "a", "title": "Shelling kills 6", "date": "2016-05-01",
         "text": "Shelling killed six people and wounded 32 on Monday. Dozens of others were hurt.",
         "claims": [claim("killed", 6, 6), claim("injured", 32, 32),
                    claim("injured", None, None, "vague", "dozens"), claim("killed", 99, 99)],
         "actors": []},
        {"doc_id": "b", "title": None, "date": None,
         "text": "At least 12 soldiers were killed. The bomb hit 40 trucks.",
         "claims": [claim("killed", 12, 12, "about")], "actors": []},
    ]
    return write(tmp_path / "gold.jsonl", records)


def test_prf():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(2, 4, 2) == (0.5, 1.0, pytest.approx(2 / 3))


def test_scores_on_a_tiny_gold_file(tiny):
    ev = evaluate_gold(tiny)
    m = ev.metrics
    # gold numeric keys: a:{k6,i32,k99} b:{k12}; predicted a:{k6,i32} b:{k12}
    assert (m["numeric_gold"], m["numeric_predicted"], m["numeric_matched"]) == (4, 3, 3)
    assert m["numeric_precision"] == 1.0
    assert m["numeric_recall"] == 0.75
    assert m["vague_f1"] == 1.0
    # qualifier: a/k6, a/i32 right, b/k12 gold "about" vs predicted at_least
    assert m["qualifier_accuracy"] == pytest.approx(2 / 3)
    assert m["scope_accuracy"] == 1.0
    assert list(ev.misses.columns) == ERROR_COLUMNS
    assert ev.misses[["doc_id", "min"]].values.tolist() == [["a", 99]]
    assert ev.false_alarms.empty
    text = ev.to_text()
    assert "numeric_f1" in text and "Misses" in text and "False alarms" in text


def test_repeated_toll_counts_once(tmp_path):
    rec = {"doc_id": "r", "title": "Strike kills 8", "date": None,
           "text": "A strike killed 8 people. Officials confirmed the strike killed 8 people.",
           "claims": [claim("killed", 8, 8)], "actors": []}
    ev = evaluate_gold(write(tmp_path / "g.jsonl", [rec]))
    assert (ev.metrics["numeric_predicted"], ev.metrics["numeric_f1"]) == (1, 1.0)


def test_false_alarm_is_listed(tmp_path):
    rec = {"doc_id": "f", "title": None, "date": None, "text": "Rockets killed 3 guards.",
           "claims": [], "actors": []}
    ev = evaluate_gold(write(tmp_path / "g.jsonl", [rec]))
    assert ev.false_alarms[["doc_id", "category", "min"]].values.tolist() == [["f", "killed", 3]]
    assert "killed 3 guards" in ev.to_text()


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"doc_id": "a", "text": "x", "claims": [], "actors": []}\n{not json}\n', "line 2"),
        ('{"doc_id": "a", "text": "x", "claims": []}\n', "actors"),
        ('[1, 2]\n', "line 1"),
        ('{"doc_id": "a", "text": "x", "claims": [{"min": 1}], "actors": []}\n', "line 1"),
    ],
)
def test_malformed_gold_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_gold(path)
    assert str(path) in str(exc.value) and message in str(exc.value)


def test_missing_gold_file(tmp_path):
    with pytest.raises(InputError):
        evaluate_gold(tmp_path / "nope.jsonl")


@pytest.mark.shared
def test_dev_bar():
    if not DEV.is_file():
        pytest.skip("../shared/gold/dev.jsonl absent")
    ev = evaluate_gold(DEV)
    m = ev.metrics
    assert m["numeric_f1"] >= 0.95
    assert m["vague_f1"] >= 0.80
    assert m["qualifier_accuracy"] >= 0.90
    assert m["scope_accuracy"] >= 0.90
    assert m["source_actor_accuracy"] >= 0.85
    assert m["perpetrator_actor_accuracy"] >= 0.80


@pytest.mark.shared
def test_founding_report_claims():
    if not SEED.is_file():
        pytest.skip("../shared/data/seed-report-eastern-ghouta.txt absent")
    from analysis.extract.claims import extract_claims
    from analysis.extract.text import document_sentences

    text = SEED.read_text(encoding="utf-8")
    out = extract_claims(document_sentences("seed", None, text))
    got = [(c["category"], c["min"], c["max"], c["qualifier"], c["vague"], c["scope"], c["source_actor"])
           for c in out]
    assert got == [
        ("killed", 600, 600, "almost", None, "cumulative", "UN"),
        ("injured", 2000, 2000, "more_than", None, "cumulative", "UN"),
    ]
    if DEV.is_file():
        first = read_gold(DEV)[0]
        assert {(c["category"], c["min"]) for c in first["claims"]} == {("killed", 600), ("injured", 2000)}


# ----------------------------------------------------------------------- several files, one table

from analysis.run.evaluate import evaluate_all, gold_files, summary_table, summary_text  # noqa: E402


@pytest.fixture
def folder(tmp_path):
    """A claims-only file, an actors-only file without texts, and a corpus holding those texts."""
    (tmp_path / "gold").mkdir()
    claims_only = [{"doc_id": "w1", "title": None, "date": None, "actors_annotated": False,
                    "text": "SIX PEASANTS WERE KILLED BY THE PATROL. THE ARMY SAID IT.",
                    "claims": [claim("killed", 6, 6, source=None)], "actors": []}]
    actors_only = [{"doc_id": "c1", "claims": [], "claims_annotated": False, "actors": ["RUSSIA"]}]
    write(tmp_path / "gold" / "claims-only.jsonl", claims_only)
    write(tmp_path / "gold" / "actors-only.jsonl", actors_only)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"doc_id": "c1", "text": "Russian jets struck the town on Monday."}) + "\n",
                      encoding="utf-8")
    return tmp_path


def test_claims_only_file_skips_actor_scores(folder):
    ev = evaluate_gold(folder / "gold" / "claims-only.jsonl")
    m = ev.metrics
    assert (m["numeric_f1"], m["qualifier_accuracy"]) == (1.0, 1.0)
    assert m["actors_f1"] is None and m["source_actor_accuracy"] is None and m["perpetrator_actor_accuracy"] is None
    assert m["vague_f1"] is None  # no vague claims on either side: nothing to score
    assert not ev.actors_annotated and ev.claims_annotated


def test_actors_only_file_takes_texts_from_a_corpus(folder):
    ev = evaluate_gold(folder / "gold" / "actors-only.jsonl", corpus=[folder / "corpus.jsonl"])
    assert ev.metrics["actors_f1"] == 1.0
    assert ev.metrics["numeric_f1"] is None and ev.metrics["numeric_gold"] is None
    with pytest.raises(InputError) as exc:
        evaluate_gold(folder / "gold" / "actors-only.jsonl")
    assert "actors-only.jsonl: line 1" in str(exc.value) and "--corpus" in str(exc.value)


def test_one_table_for_a_folder(folder):
    assert [p.name for p in gold_files([folder / "gold"])] == ["actors-only.jsonl", "claims-only.jsonl"]
    evs, muc4 = evaluate_all([folder / "gold"], corpus=[folder / "corpus.jsonl"])
    table = summary_table(evs, muc4)
    assert list(table.columns) == ["actors-only", "claims-only"] and muc4 is None
    assert table.loc["numeric F1", "claims-only"] == 1.0 and table.loc["numeric F1", "actors-only"] is None
    assert table.loc["actor sets F1", "actors-only"] == 1.0 and table.loc["actor sets F1", "claims-only"] is None
    text = summary_text(table)
    assert "claims-only" in text.splitlines()[0] and " - " in text


def test_muc4_keys_join_the_table(folder):
    keyed = folder / "keyed.jsonl"
    keyed.write_text("".join(json.dumps(r) + "\n" for r in [
        {"doc_id": "m1", "text": "LIMA, 3 JAN 90 -- TWELVE SOLDIERS WERE KILLED.", "killed": [12], "injured": [],
         "key_status": "numeric", "text_mentions_casualty_number": True},
        {"doc_id": "m2", "text": "LIMA, 3 JAN 90 -- THE TALKS RESUMED.", "killed": [], "injured": [],
         "key_status": "no_casualty", "text_mentions_casualty_number": False},
    ]), encoding="utf-8")
    evs, muc4 = evaluate_all([folder / "gold" / "claims-only.jsonl"], muc4=keyed)
    table = summary_table(evs, muc4, muc4_name="keyed")
    assert table.loc["MUC-4 recall, same category", "keyed"] == 1.0
    assert table.loc["false-alarm rate (numeric)", "keyed"] == 0.0
    assert table.loc["reports", "keyed"] == 2 and table.loc["numeric F1", "keyed"] is None


def test_missing_gold_path_is_named(tmp_path):
    with pytest.raises(InputError) as exc:
        gold_files([tmp_path / "nope"])
    assert "nope" in str(exc.value)


def test_cli_prints_one_table_and_writes_it(folder, capsys):
    from analysis.cli import main

    out = folder / "ev"
    assert main(["evaluate", str(folder / "gold"), "--corpus", str(folder / "corpus.jsonl"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[0].split() == ["actors-only", "claims-only"]
    assert "claims-only:" in printed and "actors-only:" not in printed  # errors only where claims are annotated
    summary = pd.read_csv(out / "summary.csv", index_col="metric")
    assert summary.loc["numeric F1", "claims-only"] == 1.0
    assert (out / "claims-only" / "misses.csv").is_file() and (out / "actors-only" / "per_group.csv").is_file()


@pytest.mark.shared
def test_evaluate_without_files_scores_every_gold_set(capsys):
    if not (DEV.is_file() and (SHARED_DIR / "data" / "muc4-dev.jsonl").is_file()):
        pytest.skip("../shared/gold or ../shared/data/muc4-dev.jsonl absent")
    from analysis.cli import main

    assert main(["evaluate"]) == 0
    lines = capsys.readouterr().out.split("\n\n")[0].splitlines()
    header = lines[0].split()
    assert {"dev", "outside-dev", "muc4-actors", "muc4-dev"} <= set(header)
    table = {}
    for line in lines[1:]:
        cells = line.split()
        table[" ".join(cells[: -len(header)])] = dict(zip(header, cells[-len(header):]))
    # the bars of the accuracy table in the README, for each gold set the table scores
    assert float(table["numeric F1"]["dev"]) >= 0.95 and float(table["numeric F1"]["outside-dev"]) >= 0.95
    assert float(table["source_actor accuracy"]["dev"]) >= 0.85
    assert float(table["perpetrator_actor accuracy"]["dev"]) >= 0.80
    assert float(table["actor sets F1"]["dev"]) >= 0.92
    assert float(table["actor sets F1"]["muc4-actors"]) >= 0.85  # the edited MUC-4 pack on its own gold
    assert float(table["MUC-4 recall, same category"]["muc4-dev"]) >= 0.90
