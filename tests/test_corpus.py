"""Corpus loading: each format, each encoding, each bad input with its exact message."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.io.corpus import DOCUMENT_COLUMNS, iter_records, parse_date
from analysis.io.documents import load_corpus
from analysis.io.folders import split_front_matter
from analysis.io.sanitize import normalise_text
from analysis.resources.vocabulary import count_words

from .conftest import needs_fakes

FRONT = "---\ntitle: Shelling hits Douma\nsource: SANA\ndate: 2018-02-20\nlocation: rif dimashq\n---\n"


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# --------------------------------------------------------------------------- txt folders


def test_folder_of_txt_with_front_matter(tmp_path):
    write(tmp_path / "a.txt", FRONT + "Twelve people were killed.\n")
    write(tmp_path / "b.txt", "No front matter here. Two died.")
    c = load_corpus(tmp_path)
    d = c.documents
    assert list(d.columns[: len(DOCUMENT_COLUMNS)]) == DOCUMENT_COLUMNS
    assert d["doc_id"].tolist() == ["a", "b"]
    a = d.iloc[0]
    assert (a.title, a.source, a.date, a.location) == ("Shelling hits Douma", "sana", pd.Timestamp("2018-02-20"), "rif dimashq")
    assert a.text == "Twelve people were killed.\n"
    assert pd.isna(d.iloc[1].title) and pd.isna(d.iloc[1].date)
    assert c.format == "folder" and len(c.sha256) == 64 and c.skipped.empty


def test_single_txt_file_is_a_one_report_corpus(tmp_path):
    f = write(tmp_path / "seed.txt", "One report. Five died.")
    c = load_corpus(f)
    assert c.documents["doc_id"].tolist() == ["seed"] and c.format == "txt"


@pytest.mark.parametrize(
    "raw, expected_text, warns",
    [
        ("\ufeffBOM first. Six died.".encode("utf-8"), "BOM first. Six died.", False),
        ("Windows\r\nline ends.\r\n".encode("utf-8"), "Windows\nline ends.\n", False),
        ("Curly \u201cquotes\u201d and Assad\u2019s forces.".encode("utf-8"), "Curly \u201cquotes\u201d and Assad\u2019s forces.", False),
        ("over\u00a02,000 injured".encode("utf-8"), "over 2,000 injured", False),
        ("Caf\u00e9 \u201cnews\u201d".encode("cp1252"), "Caf\u00e9 \u201cnews\u201d", True),
    ],
    ids=["bom", "crlf", "curly", "nbsp", "cp1252"],
)
def test_encodings_and_normalisation(tmp_path, raw, expected_text, warns):
    (tmp_path / "r.txt").write_bytes(raw)
    with pytest.warns(UserWarning, match="not valid UTF-8, read as cp1252") if warns else _no_warning():
        c = load_corpus(tmp_path)
    assert c.documents.iloc[0].text == expected_text
    assert bool(c.warnings) is warns


class _no_warning:
    def __enter__(self):
        import warnings

        self._ctx = warnings.catch_warnings()
        self._ctx.__enter__()
        warnings.simplefilter("error")

    def __exit__(self, *exc):
        return self._ctx.__exit__(*exc)


def test_folder_skips_empty_binary_and_non_txt_with_reasons(tmp_path):
    write(tmp_path / "good.txt", "Three died.")
    write(tmp_path / "empty.txt", "  \n ")
    write(tmp_path / "only-front.txt", FRONT)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    write(tmp_path / "notes.md", "# not a report")
    c = load_corpus(tmp_path)
    assert c.documents["doc_id"].tolist() == ["good"]
    reasons = dict(zip(c.skipped["record"], c.skipped["reason"]))
    assert reasons == {
        "empty.txt": "empty text",
        "image.txt": "undecodable: not UTF-8 or cp1252 text",
        "notes.md": "not a report: only .txt files are read from a folder",
        "only-front.txt": "empty text",
    }
    assert c.n_records == 5


def test_front_matter_keeps_colons_and_rejects_prose():
    assert split_front_matter("---\ntitle: Aleppo: a siege\n---\nBody")[0] == {"title": "Aleppo: a siege"}
    assert split_front_matter("--- a dash line\nnot: front\n---\nBody")[0] == {}
    assert split_front_matter("---\nJust prose here\n---\nBody")[0] == {}


# --------------------------------------------------------------------------- csv


def test_generic_csv_with_default_columns(tmp_path):
    f = write(tmp_path / "c.csv", "id,title,text,source,date,url\nx1,T1,Body one.,Reuters,2017-04-05,http://a\nx2,T2,Body two.,sana,4/7/2017,\n")
    d = load_corpus(f).documents
    assert d["doc_id"].tolist() == ["x1", "x2"]
    assert d["source"].tolist() == ["reuters", "sana"]
    assert d["date"].tolist() == [pd.Timestamp("2017-04-05"), pd.Timestamp("2017-04-07")]
    assert d["url"].iloc[0] == "http://a" and pd.isna(d["url"].iloc[1])


def test_generic_csv_with_column_mapping_and_row_ids(tmp_path):
    f = write(tmp_path / "c.csv", "body,outlet\nFirst report.,ahram\nSecond report.,trt\n")
    d = load_corpus(f, columns={"text": "body", "source": "outlet"}).documents
    assert d["doc_id"].tolist() == ["row-0", "row-1"] and d["source"].tolist() == ["ahram", "trt"]


def test_csv_without_text_column_names_columns_and_fix(tmp_path):
    f = write(tmp_path / "c.csv", "headline,outlet\nA,b\n")
    with pytest.raises(InputError) as e:
        load_corpus(f)
    assert str(e.value) == (
        f"{f}: no text column (looked for text, body, content, article_content, article_text); its columns are: "
        "headline, outlet. Name the text column with --column text=COLUMN"
    )


def test_csv_mapping_to_missing_column(tmp_path):
    f = write(tmp_path / "c.csv", "body\nA\n")
    with pytest.raises(InputError, match=r"column 'content' \(given for text\) is not in the file; its columns are: body"):
        load_corpus(f, columns={"text": "content"})


def test_csv_crlf_bom_ragged_and_empty_rows(tmp_path):
    f = write(tmp_path / "c.csv", "\ufefftext,source\r\n\"Multi\r\nline\",sana\r\n,reuters\r\nx,y,z\r\n\r\n , \r\n")
    # a quoted field over two lines with the right width is one row, and the warning says where
    with pytest.warns(UserWarning, match=r"1 row\(s\) hold line breaks inside a quoted field \(first: data row 0, lines 2-3\)"):
        c = load_corpus(f)
    assert c.documents["text"].tolist() == ["Multi\nline"]
    assert c.skipped.to_dict("records") == [
        {"record": "row 1", "doc_id": "row-1", "reason": "empty text"},
        {"record": "row 2", "doc_id": "", "reason": "has 3 fields where the header has 2"},
        {"record": "row 3", "doc_id": "row-3", "reason": "empty row"},
    ]


def test_empty_csv(tmp_path):
    f = write(tmp_path / "c.csv", "")
    with pytest.raises(InputError, match="the CSV file is empty; it needs a header row and one row per report"):
        load_corpus(f)


def test_duplicate_ids_are_an_error_naming_them(tmp_path):
    f = write(tmp_path / "c.csv", "doc_id,text\na,x\nb,y\na,z\nb,w\nc,v\n")
    with pytest.raises(InputError) as e:
        load_corpus(f)
    assert str(e.value) == f"{f}: duplicate document ids: a, b; every report needs its own doc_id"


def test_duplicate_texts_are_flagged_not_dropped(tmp_path):
    f = write(tmp_path / "c.csv", "doc_id,title,text\na,T,Same  text.\nb,T,Same text.\nc,Other,Same text.\n")
    d = load_corpus(f).documents
    assert d["doc_id"].tolist() == ["a", "b", "c"]
    assert d["duplicate_of"].fillna("").tolist() == ["", "a", ""]


def test_unparsable_dates_become_missing_and_are_counted(tmp_path):
    f = write(tmp_path / "c.csv", "text,date\nA,2017-02-30\nB,yesterday\nC,3/1/2016\nD,\n")
    c = load_corpus(f)
    assert c.documents["date"].isna().tolist() == [True, True, False, True]
    assert c.date_unparsed == 2


# --------------------------------------------------------------------------- jsonl


def test_jsonl_fields_and_metadata(tmp_path):
    lines = [
        {"doc_id": "j1", "text": "Ten killed.", "title": "T", "source": "TRT", "date": "2016-08-02", "lang": "en"},
        {"text": "Five injured.", "date": "8/3/2016"},
    ]
    f = write(tmp_path / "c.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    d = load_corpus(f).documents
    assert d["doc_id"].tolist() == ["j1", "line-2"]
    assert d["date"].tolist() == [pd.Timestamp("2016-08-02"), pd.Timestamp("2016-08-03")]
    assert d["lang"].tolist()[0] == "en"


def test_jsonl_broken_line_is_one_clear_error(tmp_path):
    f = write(tmp_path / "c.jsonl", '{"text": "ok"}\n{"text": "broken\n')
    with pytest.raises(InputError) as e:
        load_corpus(f)
    assert str(e.value) == (
        f"{f}: line 2: not valid JSON (Unterminated string starting at column 10); fix or remove that line, "
        "or pass --skip-bad-lines to list it as skipped"
    )


def test_jsonl_skip_bad_lines_and_non_objects(tmp_path):
    f = write(tmp_path / "c.jsonl", '{"text": "ok"}\n{broken\n[1, 2]\n{"title": "no text"}\n')
    c = load_corpus(f, skip_bad_lines=True)
    assert c.documents["doc_id"].tolist() == ["line-1"]
    assert c.skipped["reason"].tolist() == [
        "not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        "not a report: a JSON list, not an object",
        "no text field",
    ]


# --------------------------------------------------------------------------- paths


def test_wrong_path(tmp_path):
    with pytest.raises(InputError) as e:
        load_corpus(tmp_path / "nope.csv")
    assert str(e.value) == f"{tmp_path / 'nope.csv'}: no such file or folder; give a folder of .txt reports, a .csv or a .jsonl file"


def test_unknown_format_and_empty_folder(tmp_path):
    f = write(tmp_path / "c.xlsx", "x")
    with pytest.raises(InputError, match=r"unknown corpus format '.xlsx'; use a folder of .txt files, a .csv or a .jsonl file"):
        load_corpus(f)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="the folder holds no files; put one .txt file per report in it"):
        load_corpus(empty)


def test_binary_csv_is_refused(tmp_path):
    f = tmp_path / "c.csv"
    f.write_bytes(b"text\n\x00\x01\x02")
    with pytest.raises(InputError, match=r"binary data \(NUL bytes\), not a text corpus"):
        load_corpus(f)


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "value, expected",
    [("2017-04-05", "2017-04-05"), ("4/5/2017", "2017-04-05"), ("12/31/2016", "2016-12-31"),
     ("2018-03-06T10:00:00Z", "2018-03-06"), ("2/30/2017", None), ("05 Apr 2017", None), ("", None), (None, None)],
)
def test_parse_date(value, expected):
    got = parse_date(value)
    assert (got.strftime("%Y-%m-%d") if got is not None else None) == expected


@pytest.mark.parametrize(
    "text, n", [("Assads forces killed 12", 4), ("Assad's forces", 2), ("a 12-year-old boy", 3), ("", 0)]
)
def test_count_words(text, n):
    assert count_words(text) == n


def test_normalise_keeps_length_for_nbsp():
    s = "a\u00a0b\u202fc"
    assert len(normalise_text(s)) == len(s)


def test_iter_records_is_lazy(tmp_path):
    f = write(tmp_path / "c.jsonl", '{"text": "ok"}\n{broken\n')
    it = iter_records(f)
    assert next(it).text == "ok"  # the broken line is only reached later
    with pytest.raises(InputError):
        next(it)


# --------------------------------------------------------------------------- shared corpora


@needs_fakes
def test_fakes_all_rows_accounted(fakes_path):
    c = load_corpus(fakes_path)
    d = c.documents
    assert c.format == "fakes-csv"
    assert len(d) + len(c.skipped) == 804
    assert d["doc_id"].tolist() == [f"fakes-{i}" for i in range(804)]
    assert {"location", "label", "unit_id"} <= set(d.columns)
    assert d["date"].notna().all()
    # 14 texts repeat byte for byte; 8 more repeat an article under different site chrome
    # (a footer, a photo caption, a time stamp), found once the chrome is blanked
    assert d["duplicate_of"].notna().sum() == 22
    assert d.loc[d["doc_id"] == "fakes-462", "duplicate_of"].item() == "fakes-461"
