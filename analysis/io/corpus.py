"""Corpus loading: any folder of reports, CSV or JSON lines into one ``documents`` table.

Three input formats are read (``../shared/DESIGN.md``):

* a folder of ``.txt`` reports (or a single ``.txt`` file), each with optional front matter
  between ``---`` lines (``key: value`` lines: title, source, date, location, url, ...);
* a ``.csv`` file: FA-KES is recognised by its columns (``article_title``, ``article_content``,
  ``source``, ``date``, ``location``, ``labels``) and gets ids ``fakes-<row>`` (0-based data row);
  other CSVs use columns ``text``/``title``/``source``/``date``/``doc_id`` or a mapping given with
  ``columns={"text": "body", ...}`` (``--column text=body`` on the command line);
* a ``.jsonl`` file: one JSON object per line with at least ``text``; optional ``doc_id``,
  ``title``, ``source``, ``date`` and any other fields (kept as metadata).

Every input record ends up in ``documents`` or in ``skipped`` (with a reason): in a folder,
hidden files and folders, links to outside the folder and files that are not ``.txt`` are
skipped records too. Bytes are decoded by the rule of :mod:`analysis.decoding` (UTF-8, UTF-16/32
with a byte-order mark, a stray byte replaced and its line named, cp1252 for Windows files),
CSV rows are read by :mod:`analysis.csvrows` (a stray quote never merges rows). Text is
normalised by :func:`analysis.sanitize.normalise_text` (line ends, non-breaking spaces,
invisible and bidirectional control characters, NFC); ``documents.text`` is that text and every
offset in the other tables points into it. Ids, outlet names and metadata keys are cleaned the
same way (:func:`analysis.sanitize.clean_label`); metadata values that are not text (a JSON
number, boolean, list or object) are kept as their JSON text, so a column has one type whatever
the records hold. Dates are read as ISO (``2017-04-05``) or M/D/YYYY (``4/5/2017``); anything
else becomes missing and is counted in ``date_unparsed``.

Example:
    >>> corpus = load_corpus("data/demo")                          # doctest: +SKIP
    >>> corpus.documents[["doc_id", "source", "date"]].head()      # doctest: +SKIP
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import pandas as pd

from ..errors import InputError, printable
from .cleaning import PROFILE_BUFFER, clean_record, profile_from_records
from .csvrows import read_rows
from .datelines import dateline_columns
from .decoding import (
    BINARY,
    Decoding,
    Undecodable,
    bom_encoding,
    decode_bytes,
    detect_decoding,
    json_value,
)
from .folders import HIDDEN_DIR, HIDDEN_FILE, folder_entries, split_front_matter
from .sanitize import clean_label, normalise_text

#: Columns every documents table has, in this order; passthrough metadata follows.
DOCUMENT_COLUMNS = ["doc_id", "source", "date", "title", "text", "n_words", "duplicate_of", "record"]
#: Columns of the skipped table.
SKIPPED_COLUMNS = ["record", "doc_id", "reason"]

FAKES_COLUMNS = ("unit_id", "article_title", "article_content", "source", "date", "location", "labels")
#: Names tried, in order, for each field of a generic CSV or JSON record.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article_content", "article_text"),
    "title": ("title", "headline", "article_title"),
    "source": ("source", "outlet", "publisher", "media"),
    "date": ("date", "published", "pub_date", "publication_date"),
    "doc_id": ("doc_id", "id"),
}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(value: Any) -> pd.Timestamp | None:
    """Read an ISO (``2017-04-05``) or M/D/YYYY (``4/5/2017``) date; None if unreadable.

    Example:
        >>> parse_date("4/5/2017"), parse_date("2018-03-06"), parse_date("soon")
        (Timestamp('2017-04-05 00:00:00'), Timestamp('2018-03-06 00:00:00'), None)
    """
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    m = _ISO_DATE.match(s)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = _US_DATE.match(s)
        if not m:
            return None
        mo, d, y = (int(x) for x in m.groups())
    try:
        return pd.Timestamp(dt.date(y, mo, d))
    except ValueError:
        return None


def _open_text(path: Path, notes: list[str]):
    """Open a corpus file for streaming text reads (newline='' keeps CRLF for csv)."""
    decoding: Decoding = detect_decoding(path, notes)
    return open(path, encoding=decoding.encoding, errors=decoding.errors, newline="")


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return normalise_text(str(value))


# --------------------------------------------------------------------------- records


@dataclass
class Record:
    """One input record: a document (``reason`` is None) or a skipped record."""

    record: str
    doc_id: str
    text: str = ""
    title: str = ""
    source: str = ""
    date: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    removed: list[dict] = field(default_factory=list)  # chrome spans blanked out of text/title
    dateline: dict[str, Any] = field(default_factory=dict)  # analysis.datelines.dateline_columns


def _skip(record: str, doc_id: str, reason: str) -> Record:
    return Record(record=record, doc_id=doc_id, reason=reason)


def _read_txt(p: Path, rel: str, notes: list[str]) -> Record:
    """One ``.txt`` report (or a skipped record saying why it cannot be read)."""
    if p.suffix.lower() != ".txt":
        return _skip(rel, "", "not a report: only .txt files are read from a folder")
    doc_id = rel[: -len(p.suffix)]
    try:
        data = p.read_bytes()
    except OSError as exc:
        return _skip(rel, doc_id, f"unreadable: {exc.strerror}")
    try:
        raw = decode_bytes(data, str(p), notes)
    except Undecodable as exc:
        return _skip(rel, doc_id, "undecodable: " + ("not UTF-8 or cp1252 text" if str(exc) == BINARY else str(exc)))
    meta, body = split_front_matter(normalise_text(raw), where=str(p), notes=notes)
    title = meta.pop("title", "")
    source = meta.pop("source", "")
    date = meta.pop("date", "")
    doc_id = meta.pop("doc_id", "") or doc_id
    return Record(rel, doc_id, body, title, source, date, meta)


def _entry_name(p: Path, folder: Path, reason: str | None) -> str:
    rel = p.relative_to(folder).as_posix()
    return rel + "/" if reason == HIDDEN_DIR else rel


def _iter_folder(folder: Path, notes: list[str]) -> Iterator[Record]:
    entries = folder_entries(folder)
    if not any(reason not in (HIDDEN_FILE, HIDDEN_DIR) for _, reason in entries):
        hidden = f" (only {len(entries)} hidden ones)" if entries else ""
        raise InputError(f"{folder}: the folder holds no files{hidden}; put one .txt file per report in it")
    for p, reason in entries:
        rel = _entry_name(p, folder, reason)
        yield _read_txt(p, rel, notes) if reason is None else _skip(rel, "", reason)


def is_fakes(columns: Iterable[str]) -> bool:
    """True for the FA-KES column set."""
    return set(FAKES_COLUMNS) <= set(columns)


def _resolve_columns(header: list[str], mapping: Mapping[str, str], where: str) -> dict[str, str]:
    """Field name -> column name for a generic CSV/JSON record set."""
    resolved: dict[str, str] = {}
    for fld, col in mapping.items():
        if fld not in FIELD_ALIASES:
            raise InputError(
                f"{where}: unknown field {fld!r} in the column mapping; use one of {', '.join(FIELD_ALIASES)}"
            )
        if col not in header:
            raise InputError(
                f"{where}: column {col!r} (given for {fld}) is not in the file; its columns are: {', '.join(header)}"
            )
        resolved[fld] = col
    for fld, names in FIELD_ALIASES.items():
        if fld not in resolved:
            for name in names:
                if name in header:
                    resolved[fld] = name
                    break
    return resolved


def _record_from_row(row: Mapping[str, Any], cols: Mapping[str, str], record: str, default_id: str) -> Record:
    meta = {k: v for k, v in row.items() if k not in cols.values()}
    doc_id = _clean(row.get(cols["doc_id"])) if "doc_id" in cols else ""
    return Record(
        record=record,
        doc_id=doc_id.strip() or default_id,
        text=_clean(row.get(cols["text"])),
        title=_clean(row.get(cols["title"])) if "title" in cols else "",
        source=_clean(row.get(cols["source"])).strip() if "source" in cols else "",
        date=_clean(row.get(cols["date"])).strip() if "date" in cols else "",
        meta=meta,
    )


def _iter_csv(path: Path, mapping: Mapping[str, str], notes: list[str]) -> Iterator[Record]:
    with _open_text(path, notes) as fh:
        yield from _csv_records(path, fh, mapping, notes)


def _csv_records(path: Path, fh, mapping: Mapping[str, str], notes: list[str]) -> Iterator[Record]:
    header, rows = read_rows(str(path), fh, notes)
    fakes = is_fakes(header) and not mapping
    if fakes:
        cols = {"text": "article_content", "title": "article_title", "source": "source", "date": "date"}
    else:
        cols = _resolve_columns(header, mapping, str(path))
        if "text" not in cols:
            raise InputError(
                f"{path}: no text column (looked for {', '.join(FIELD_ALIASES['text'])}); its columns are: "
                f"{', '.join(header)}. Name the text column with --column text=COLUMN"
            )
    for row_no, row in enumerate(rows):
        record = f"row {row_no}"
        if not any(v.strip() for v in row.values):
            yield _skip(record, f"fakes-{row_no}" if fakes else f"row-{row_no}", "empty row")
            continue
        if row.problem:
            yield _skip(record, "", row.problem)
            continue
        values = dict(zip(header, row.values))
        if fakes:
            r = _record_from_row(values, cols, record, f"fakes-{row_no}")
            r.doc_id = f"fakes-{row_no}"
            if "labels" in r.meta:
                r.meta["label"] = r.meta.pop("labels")
        else:
            r = _record_from_row(values, cols, record, f"row-{row_no}")
        yield r


def _iter_jsonl(path: Path, mapping: Mapping[str, str], notes: list[str], skip_bad_lines: bool) -> Iterator[Record]:
    with _open_text(path, notes) as fh:
        yield from _jsonl_records(path, fh, mapping, skip_bad_lines, notes)


def _jsonl_records(path: Path, fh, mapping: Mapping[str, str], skip_bad_lines: bool,
                   notes: list[str]) -> Iterator[Record]:
    repeated: list[int] = []
    for line_no, line in enumerate(fh, start=1):
        record = f"line {line_no}"
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        duplicates: list[str] = []
        try:
            obj = json_value(line, duplicates)
        except ValueError as exc:
            if skip_bad_lines:
                yield _skip(record, "", f"not valid JSON ({exc})")
                continue
            raise InputError(
                f"{path}: line {line_no}: not valid JSON ({exc}); fix or remove that "
                "line, or pass --skip-bad-lines to list it as skipped"
            ) from None
        if duplicates:
            repeated.append(line_no)
        if not isinstance(obj, dict):
            yield _skip(record, "", f"not a report: a JSON {type(obj).__name__}, not an object")
            continue
        cols = _resolve_columns(list(obj), mapping, f"{path}: line {line_no}")
        if "text" not in cols:
            yield _skip(record, clean_label(obj.get("doc_id", "") or ""), "no text field")
            continue
        yield _record_from_row(obj, cols, record, f"line-{line_no}")
    if repeated:
        shown = ", ".join(map(str, repeated[:5])) + (f" and {len(repeated) - 5} more" if len(repeated) > 5 else "")
        notes.append(f"{path}: line(s) {shown} repeat a key in one object; the first is read, the others are kept "
                     "as key.1, key.2 ...")


def iter_records(
    path: str | Path,
    *,
    columns: Mapping[str, str] | None = None,
    skip_bad_lines: bool = False,
    notes: list[str] | None = None,
    clean: bool = True,
) -> Iterator[Record]:
    """Yield every input record of a corpus, as a document or a skipped record (an empty text
    is a skipped record with reason ``empty text``).

    Each document record gets its dateline read from the raw text (``dateline``) and, with
    ``clean``, its site chrome blanked out (``removed``; :mod:`analysis.cleaning`). Cleaning
    needs to know what each outlet repeats before it cleans the first report: a corpus of up
    to :data:`~analysis.io.cleaning.PROFILE_BUFFER` records is read once and held while the outlets' profile is
    learnt from it; a larger one is read twice (a first, cheap pass learns the profile from
    every report), so memory stays bounded by the buffer whatever the corpus size.

    Args:
        path: a folder of ``.txt`` files, a ``.txt``, ``.csv`` or ``.jsonl`` file.
        columns: field -> column mapping for generic CSV/JSONL (fields: text, title, source,
            date, doc_id).
        skip_bad_lines: list broken JSON lines as skipped instead of stopping.
        notes: a list that receives warnings (e.g. cp1252 decoding).
        clean: blank site chrome out of the texts (the raw text stays in ``removed``).

    Raises:
        InputError: a wrong path, an unknown format, a CSV without a text column, a broken
            JSON line (unless ``skip_bad_lines``).
    """
    notes = [] if notes is None else notes
    records: Iterator[Record] = _read_records(path, columns, skip_bad_lines, notes)
    profile, error = None, None
    if clean:
        head: list[Record] = []
        try:
            head.extend(islice(records, PROFILE_BUFFER + 1))
        except InputError as exc:  # a broken line: the records before it are still given, then the error
            error, records = exc, iter(())
        if error is None and len(head) <= PROFILE_BUFFER:  # the whole corpus is in the buffer: one read
            profile = profile_from_records(head)
        else:  # learn from every report in a first pass; a broken line is reported by the main one
            profile = profile_from_records(_read_records(path, columns, True, []))
        records = chain(head, records)
    for r in records:
        if r.reason is None:
            r.dateline = dateline_columns(r.text, parse_date(r.date))
            if clean:
                clean_record(r, profile)
        yield r
    if error is not None:
        raise error


def _read_records(path: str | Path, columns: Mapping[str, str] | None, skip_bad_lines: bool,
                  notes: list[str]) -> Iterator[Record]:
    p = Path(path)
    mapping = dict(columns or {})
    try:
        exists, is_dir = p.exists(), p.is_dir()
    except OSError as exc:  # e.g. a path longer than the system allows
        raise InputError(f"{printable(p, limit=120)}: cannot be read ({exc.strerror}); give a folder of .txt "
                         "reports, a .csv or a .jsonl file") from None
    if not exists:
        raise InputError(f"{p}: no such file or folder; give a folder of .txt reports, a .csv or a .jsonl file")
    suffix = p.suffix.lower()
    if is_dir:
        records = _iter_folder(p, notes)
    elif suffix == ".txt":
        records = iter([_read_txt(p, p.name, notes)])
    elif suffix == ".csv":
        records = _iter_csv(p, mapping, notes)
    elif suffix in {".jsonl", ".ndjson"}:
        records = _iter_jsonl(p, mapping, notes, skip_bad_lines)
    else:
        raise InputError(
            f"{p}: unknown corpus format {suffix or '(no extension)'!r}; use a folder of .txt files, a .csv or a .jsonl file"
        )
    for r in records:
        yield _tidy(r)


def _meta_value(value: Any) -> Any:
    """A metadata value as text: strings normalised, other JSON values as their JSON text."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        return normalise_text(value)
    return json.dumps(value, ensure_ascii=False)


def _tidy(r: Record) -> Record:
    """Ids, outlet names and metadata in one form (:func:`analysis.sanitize.clean_label`);
    record names printable; an empty text is a skipped record."""
    r.record = printable(r.record)
    r.doc_id = clean_label(r.doc_id)
    r.source = clean_label(r.source)
    r.meta = {clean_label(k) or "field": _meta_value(v) for k, v in r.meta.items()}
    if r.reason is None and not r.text.strip():
        r.reason = "empty text"
    return r


def corpus_format(path: str | Path) -> str:
    """``folder``, ``txt``, ``csv`` or ``jsonl`` (``fakes-csv`` for FA-KES)."""
    p = Path(path)
    if p.is_dir():
        return "folder"
    suffix = p.suffix.lower().lstrip(".")
    if suffix == "csv":
        try:
            with open(p, "rb") as fh:
                encoding = bom_encoding(fh.read(4)) or "utf-8-sig"
            with open(p, encoding=encoding, errors="replace", newline="") as fh:
                header = next(csv.reader(fh), [])
        except (OSError, csv.Error):
            return "csv"
        return "fakes-csv" if is_fakes(h.strip() for h in header) else "csv"
    return "jsonl" if suffix == "ndjson" else suffix


def corpus_sha256(path: str | Path) -> str:
    """sha256 of a corpus file, or of a folder's entries (relative names and bytes, sorted)."""
    p = Path(path)
    h = hashlib.sha256()
    if p.is_dir():
        for f, reason in folder_entries(p):  # what is skipped counts by its name and reason
            h.update(f.relative_to(p).as_posix().encode("utf-8", "surrogateescape"))
            h.update(b"\0")
            try:
                h.update(hashlib.sha256(f.read_bytes()).digest() if reason is None else reason.encode())
            except OSError as exc:
                h.update(f"unreadable: {exc.strerror}".encode())
    else:
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


# --------------------------------------------------------------------------- tables
