"""Pipeline: table contracts, partition invariance, streaming writer, Parquet cache."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.io.tables import TABLE_COLUMNS, TABLE_NAMES
from analysis.paths import DEMO_CORPUS
from analysis.resources.registry import lexicon_path
from analysis.run import partitions, pipeline
from analysis.run.pipeline import (
    extract_corpus,
    extract_to_dir,
    load_tables,
    read_tables,
)

REPORTS = {
    "a.txt": "---\ntitle: Shelling kills 12\nsource: reuters\ndate: 2017-03-01\n---\n"
             "Government shelling killed at least 12 civilians in Douma, the Syrian Observatory for Human Rights said.\n"
             "Rebels said they would respond.",
    "b.txt": "---\nsource: sana\ndate: 2017-03-02\n---\n"
             "Terrorists fired mortars at Damascus, killing two people and wounding 15, SANA reported.",
    "c.txt": "---\nsource: sana\ndate: 2017-03-02\n---\n"
             "Terrorists fired mortars at Damascus, killing two people and wounding 15, SANA reported.",
    "d.txt": "",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_tables_follow_the_contract(corpus):
    t = extract_corpus(corpus)
    for name, cols in TABLE_COLUMNS.items():
        assert t[name].columns.tolist() == cols, name
    assert t.documents["doc_id"].tolist() == ["a", "b", "c"]
    assert t.skipped.to_dict("records") == [{"record": "d.txt", "doc_id": "d", "reason": "empty text"}]
    assert t.documents["duplicate_of"].fillna("").tolist() == ["", "", "b"]
    claims = t.claims
    got = sorted(zip(claims["doc_id"], claims["category"], claims["min"]))
    assert got == [("a", "killed", 12), ("a", "killed", 12), ("b", "injured", 15), ("b", "killed", 2), ("c", "injured", 15), ("c", "killed", 2)]
    for row in claims.itertuples():
        assert row.sentence  # every number traceable to its sentence
    assert set(t.tone["doc_id"]) == {"a", "b", "c"}
    assert t.provenance["n_documents"] == 3 and t.provenance["n_skipped"] == 1


def test_offsets_point_into_the_documents_text(corpus):
    t = extract_corpus(corpus)
    docs = t.documents.set_index("doc_id")
    for table in ("claims", "mentions", "attributions"):
        for r in t[table].itertuples():
            text = docs.loc[r.doc_id, "title" if r.part == "title" else "text"]
            assert 0 <= r.start <= r.end <= len(text)
    for r in t.claims.itertuples():
        text = docs.loc[r.doc_id, "title" if r.part == "title" else "text"]
        assert text[r.start : r.end] in r.sentence


def _frames_equal(a: pd.DataFrame, b: pd.DataFrame):
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


def test_partition_size_does_not_change_tables(corpus):
    one = extract_corpus(corpus, partition_size=1)
    many = extract_corpus(corpus, partition_size=500)
    for name in TABLE_NAMES:
        _frames_equal(one[name], many[name])


def test_streamed_files_equal_in_memory_tables(corpus, tmp_path):
    counts = extract_to_dir(corpus, tmp_path / "out", fmt="parquet", partition_size=2)
    mem = extract_corpus(corpus)
    back = read_tables(tmp_path / "out")
    for name in TABLE_NAMES:
        assert counts[name] == len(mem[name])
        _frames_equal(back[name].astype(object).where(back[name].notna(), None),
                      mem[name].astype(object).where(mem[name].notna(), None))
    assert not (tmp_path / "out" / ".parts").exists()
    prov = json.loads((tmp_path / "out" / "provenance.json").read_text())
    assert prov["n_documents"] == 3 and len(prov["corpus_sha256"]) == 64


def test_csv_output_is_byte_identical_across_runs(corpus, tmp_path):
    extract_to_dir(corpus, tmp_path / "one")
    extract_to_dir(corpus, tmp_path / "two", partition_size=1)
    for name in TABLE_NAMES:
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == (tmp_path / "two" / f"{name}.csv").read_bytes(), name


def test_cache_hit_does_not_extract(corpus, tmp_path, monkeypatch):
    first = load_tables(corpus, cache_dir=tmp_path / "cache")
    assert first.provenance["cache"] == "miss"

    def boom(*a, **k):
        raise AssertionError("extraction ran on a cache hit")

    monkeypatch.setattr(pipeline, "extract_to_dir", boom)
    second = load_tables(corpus, cache_dir=tmp_path / "cache")
    assert second.provenance["cache"] == "hit"
    _frames_equal(first.claims, second.claims)


def test_cache_key_follows_corpus_and_lexicons(corpus, tmp_path):
    a = load_tables(corpus, cache_dir=tmp_path / "cache")
    (corpus / "e.txt").write_text("Five people were wounded.")
    b = load_tables(corpus, cache_dir=tmp_path / "cache")
    assert b.provenance["cache"] == "miss" and b.provenance["cache_key"] != a.provenance["cache_key"]
    labels = tmp_path / "labels.yml"
    shutil.copy(lexicon_path("labels"), labels)
    labels.write_text(labels.read_text() + "\n# a change\n")
    c = load_tables(corpus, cache_dir=tmp_path / "cache", lexicons={"labels": labels})
    assert c.provenance["cache"] == "miss" and c.provenance["cache_key"] != b.provenance["cache_key"]


def test_unknown_engine(corpus):
    with pytest.raises(InputError, match="unknown engine 'spark'; use 'local' or 'dask'"):
        extract_corpus(corpus, engine="spark")


def test_jsonl_metadata_columns_that_vary_by_partition(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"text": "One died.", "url": "u1"}\n{"text": "Two died.", "lang": "en"}\n')
    extract_to_dir(f, tmp_path / "o", partition_size=1)
    docs = pd.read_csv(tmp_path / "o" / "documents.csv")
    assert docs[["url", "lang"]].fillna("").values.tolist() == [["u1", ""], ["", "en"]]


def test_a_report_that_breaks_the_extractor_is_skipped_not_lost(corpus, monkeypatch):
    real = partitions.extract_document

    def flaky(doc, res, **kw):
        if doc["doc_id"] == "b":
            raise IndexError("list index out of range")
        return real(doc, res, **kw)

    monkeypatch.setattr(partitions, "extract_document", flaky)
    t = extract_corpus(corpus)
    assert t.documents["doc_id"].tolist() == ["a", "c"]
    row = t.skipped[t.skipped["doc_id"] == "b"].iloc[0]
    assert row["record"] == "b.txt"
    assert row["reason"] == "extraction failed (IndexError: list index out of range); please report this text"
    assert "b" not in set(t.claims["doc_id"])
    assert len(t.documents) + len(t.skipped) == 4


def test_a_folder_without_provenance_is_not_read_as_tables(tmp_path):
    """An interrupted run removes provenance.json before it moves tables in: never read as finished."""
    out = tmp_path / "o"
    extract_to_dir(DEMO_CORPUS, out)
    assert len(read_tables(out).documents) == 36
    (out / "provenance.json").unlink()
    with pytest.raises(InputError, match=r"no provenance.json, so these tables are not a finished extraction"):
        read_tables(out)
    extract_to_dir(DEMO_CORPUS, out)  # the lock of the earlier runs is free, their private folders gone
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".lock"]
