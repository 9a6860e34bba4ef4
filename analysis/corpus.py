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

Every input record ends up in ``documents`` or in ``skipped`` (with a reason). Bytes are decoded
as UTF-8 (a byte-order mark is dropped) or, failing that, cp1252 with a warning. Line ends become
``\\n`` and non-breaking spaces plain spaces (one character for one, so offsets stay
meaningful); ``documents.text`` is that normalised text and every offset in the other tables
points into it. Dates are read as ISO (``2017-04-05``) or M/D/YYYY (``4/5/2017``); anything else
becomes missing and is counted in ``date_unparsed``.

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
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import pandas as pd

from .cleaning import clean_record, profile_from_records, removed_json
from .datelines import DATELINE_COLUMNS, dateline_columns
from .errors import InputError

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

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_NBSP = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\ufeff": " "})
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


@dataclass
class Corpus:
    """A loaded corpus: the documents, the skipped records and how it was read."""

    path: Path
    format: str
    documents: pd.DataFrame
    skipped: pd.DataFrame
    sha256: str
    warnings: list[str] = field(default_factory=list)

    @property
    def n_records(self) -> int:
        """Input records seen: documents plus skipped."""
        return len(self.documents) + len(self.skipped)

    @property
    def date_unparsed(self) -> int:
        """Documents whose date was given but could not be read."""
        d = self.documents
        if "date_raw" not in d:
            return 0
        return int((d["date"].isna() & d["date_raw"].fillna("").astype(str).str.strip().ne("")).sum())


# --------------------------------------------------------------------------- helpers


def normalise_text(text: str) -> str:
    """Line ends to ``\\n``, non-breaking and zero-width-no-break spaces to plain spaces.

    Example:
        >>> normalise_text("over\\u00a02,000\\r\\nkilled")
        'over 2,000\\nkilled'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_NBSP)


def count_words(text: str) -> int:
    """Number of words (runs of letters/digits, hyphenated or with apostrophes kept whole)."""
    return len(_WORD.findall(text or ""))


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


def decode_bytes(data: bytes, where: str, notes: list[str]) -> str:
    """Decode UTF-8 (BOM dropped), else cp1252 with a note; raise for binary data."""
    if b"\x00" in data[:4096]:
        raise UnicodeDecodeError("binary", data[:1], 0, 1, "contains NUL bytes: not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="strict")
        notes.append(f"{where}: not valid UTF-8, read as cp1252 (Windows-1252); save it as UTF-8 to silence this")
        return text


def detect_encoding(path: Path, notes: list[str]) -> str:
    """``utf-8-sig`` when the whole file is valid UTF-8, else ``cp1252`` (with a note).

    Reads the file in chunks, so a large corpus is never held in memory.
    """
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as fh:
            first = True
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                if first and b"\x00" in chunk[:4096]:
                    raise InputError(f"{path}: binary data (NUL bytes), not a text corpus; give a .csv, .jsonl or .txt file")
                first = False
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}); check its permissions") from None
    except UnicodeDecodeError:
        notes.append(f"{path}: not valid UTF-8, read as cp1252 (Windows-1252); save it as UTF-8 to silence this")
        return "cp1252"
    return "utf-8-sig"


def _open_text(path: Path, notes: list[str]):
    """Open a corpus file for streaming text reads (newline='' keeps CRLF for csv)."""
    encoding = detect_encoding(path, notes)
    return open(path, encoding=encoding, errors="replace", newline="")


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


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---``-delimited ``key: value`` front matter from a report's body.

    Example:
        >>> split_front_matter("---\\ntitle: A: B\\nsource: sana\\n---\\nBody.")
        ({'title': 'A: B', 'source': 'sana'}, 'Body.')
    """
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[i + 1 :]).lstrip("\n")
        m = _FRONT_KEY.match(line)
        if m:
            meta[m.group(1).lower()] = m.group(2).strip()
        elif line.strip():
            return {}, text  # not front matter after all
    return {}, text


def _iter_txt(paths: Iterable[Path], base: Path, notes: list[str]) -> Iterator[Record]:
    for p in paths:
        rel = p.relative_to(base).as_posix() if p != base else p.name
        if p.suffix.lower() != ".txt":
            yield _skip(rel, "", "not a report: only .txt files are read from a folder")
            continue
        doc_id = rel[: -len(p.suffix)]
        try:
            data = p.read_bytes()
        except OSError as exc:
            yield _skip(rel, doc_id, f"unreadable: {exc.strerror}")
            continue
        try:
            raw = decode_bytes(data, str(p), notes)
        except UnicodeDecodeError:
            yield _skip(rel, doc_id, "undecodable: not UTF-8 or cp1252 text")
            continue
        meta, body = split_front_matter(normalise_text(raw))
        title = meta.pop("title", "")
        source = meta.pop("source", "")
        date = meta.pop("date", "")
        doc_id = meta.pop("doc_id", "") or doc_id
        yield Record(rel, doc_id, body, title, source, date, meta)


def _iter_folder(folder: Path, notes: list[str]) -> Iterator[Record]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))
    if not files:
        raise InputError(f"{folder}: the folder holds no files; put one .txt file per report in it")
    yield from _iter_txt(files, folder, notes)


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
        yield from _csv_records(path, fh, mapping)


def _csv_records(path: Path, fh, mapping: Mapping[str, str]) -> Iterator[Record]:
    reader = csv.reader(fh)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}: the CSV file is empty; it needs a header row and one row per report") from None
    except csv.Error as exc:
        raise InputError(f"{path}: line 1: not a readable CSV header ({exc})") from None
    header = [h.strip() for h in header]
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
    row_no = -1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(
                f"{path}: data row {row_no + 1} (line {reader.line_num}): malformed CSV ({exc}); fix the quoting there"
            ) from None
        if not values:
            continue  # a blank line is not a record
        row_no += 1
        record = f"row {row_no}"
        if not any(v.strip() for v in values):
            yield _skip(record, f"fakes-{row_no}" if fakes else f"row-{row_no}", "empty row")
            continue
        if len(values) != len(header):
            yield _skip(record, "", f"has {len(values)} fields where the header has {len(header)}")
            continue
        row = dict(zip(header, values))
        if fakes:
            r = _record_from_row(row, cols, record, f"fakes-{row_no}")
            r.doc_id = f"fakes-{row_no}"
            if "labels" in r.meta:
                r.meta["label"] = r.meta.pop("labels")
        else:
            r = _record_from_row(row, cols, record, f"row-{row_no}")
        yield r


def _iter_jsonl(path: Path, mapping: Mapping[str, str], notes: list[str], skip_bad_lines: bool) -> Iterator[Record]:
    with _open_text(path, notes) as fh:
        yield from _jsonl_records(path, fh, mapping, skip_bad_lines)


def _jsonl_records(path: Path, fh, mapping: Mapping[str, str], skip_bad_lines: bool) -> Iterator[Record]:
    for line_no, line in enumerate(fh, start=1):
        record = f"line {line_no}"
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
            if skip_bad_lines:
                yield _skip(record, "", f"not valid JSON ({problem})")
                continue
            raise InputError(
                f"{path}: line {line_no}: not valid JSON ({problem}); fix or remove that "
                "line, or pass --skip-bad-lines to list it as skipped"
            ) from None
        if not isinstance(obj, dict):
            yield _skip(record, "", f"not a report: a JSON {type(obj).__name__}, not an object")
            continue
        cols = _resolve_columns(list(obj), mapping, f"{path}: line {line_no}")
        if "text" not in cols:
            yield _skip(record, str(obj.get("doc_id", "") or ""), "no text field")
            continue
        yield _record_from_row(obj, cols, record, f"line-{line_no}")


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
    ``clean``, its site chrome blanked out (``removed``; :mod:`analysis.cleaning`): the corpus
    is then read twice, first to learn what each outlet repeats.

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
    # the first pass only learns what outlets repeat: a broken line is met (and reported) in the second
    profile = profile_from_records(_read_records(path, columns, True, [])) if clean else None
    for r in _read_records(path, columns, skip_bad_lines, notes):
        if r.reason is None and not r.text.strip():
            r.reason = "empty text"
        if r.reason is None:
            r.dateline = dateline_columns(r.text, parse_date(r.date))
            if clean:
                clean_record(r, profile)
        yield r


def _read_records(path: str | Path, columns: Mapping[str, str] | None, skip_bad_lines: bool,
                  notes: list[str]) -> Iterator[Record]:
    p = Path(path)
    mapping = dict(columns or {})
    if not p.exists():
        raise InputError(f"{p}: no such file or folder; give a folder of .txt reports, a .csv or a .jsonl file")
    suffix = p.suffix.lower()
    if p.is_dir():
        records = _iter_folder(p, notes)
    elif suffix == ".txt":
        records = _iter_txt([p], p.parent, notes)
    elif suffix == ".csv":
        records = _iter_csv(p, mapping, notes)
    elif suffix in {".jsonl", ".ndjson"}:
        records = _iter_jsonl(p, mapping, notes, skip_bad_lines)
    else:
        raise InputError(
            f"{p}: unknown corpus format {suffix or '(no extension)'!r}; use a folder of .txt files, a .csv or a .jsonl file"
        )
    yield from records


def corpus_format(path: str | Path) -> str:
    """``folder``, ``txt``, ``csv`` or ``jsonl`` (``fakes-csv`` for FA-KES)."""
    p = Path(path)
    if p.is_dir():
        return "folder"
    suffix = p.suffix.lower().lstrip(".")
    if suffix == "csv":
        try:
            with open(p, encoding="utf-8-sig", errors="replace", newline="") as fh:
                header = next(csv.reader(fh), [])
        except OSError:
            return "csv"
        return "fakes-csv" if is_fakes(h.strip() for h in header) else "csv"
    return "jsonl" if suffix == "ndjson" else suffix


def corpus_sha256(path: str | Path) -> str:
    """sha256 of a corpus file, or of a folder's files (relative names and bytes, sorted)."""
    p = Path(path)
    h = hashlib.sha256()
    if p.is_dir():
        for f in sorted(x for x in p.rglob("*") if x.is_file() and not any(
                part.startswith(".") for part in x.relative_to(p).parts)):
            h.update(f.relative_to(p).as_posix().encode())
            h.update(b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    else:
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


# --------------------------------------------------------------------------- tables


def documents_frame(records: list[Record]) -> pd.DataFrame:
    """Build the ``documents`` table from document records (``reason`` None)."""
    meta_keys: list[str] = []
    for r in records:
        for k in r.meta:
            if k not in meta_keys and k not in DOCUMENT_COLUMNS and k not in ("date_raw", "removed", *DATELINE_COLUMNS):
                meta_keys.append(k)
    rows = []
    for r in records:
        row = {
            "doc_id": r.doc_id,
            "source": r.source.strip().lower() or None,
            "date": parse_date(r.date),
            "title": r.title.strip() or None,
            "text": r.text,
            "n_words": count_words(r.title) + count_words(r.text),
            "duplicate_of": None,
            "record": r.record,
            "date_raw": r.date or None,
            "removed": removed_json(r.removed),
            **{k: r.dateline.get(k) for k in DATELINE_COLUMNS},
        }
        for k in meta_keys:
            v = r.meta.get(k)
            row[k] = None if v is None or v == "" else (v if isinstance(v, (str, int, float, bool)) else json.dumps(v))
        rows.append(row)
    cols = DOCUMENT_COLUMNS + ["date_raw", "removed", *DATELINE_COLUMNS] + meta_keys
    df = pd.DataFrame(rows, columns=cols)
    for col in cols:
        if col in ("date", "n_words", "dateline_date", "date_conflict"):
            continue
        values = df[col].dropna()
        if values.map(lambda v: isinstance(v, str)).all():
            df[col] = df[col].astype(pd.StringDtype(na_value=float("nan")))  # same dtype in every partition
    df["date"] = pd.to_datetime(df["date"])
    df["dateline_date"] = pd.to_datetime(df["dateline_date"]).astype("datetime64[ns]")
    df["date_conflict"] = df["date_conflict"].astype("boolean")
    df["n_words"] = df["n_words"].astype("int64")
    return df


def original_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents that do not repeat an earlier text (``duplicate_of`` empty).

    Aggregates count each text once; the flagged repeats stay in the tables for reading.
    """
    if "duplicate_of" not in documents:
        return documents
    return documents[documents["duplicate_of"].isna()]


def group_labels(values: pd.Series, missing: str = "(unknown)") -> pd.Series:
    """Values as plain strings for grouping, legends and axes; missing ones as ``(unknown)``.

    Example:
        >>> group_labels(pd.Series(["sana", None])).tolist()
        ['sana', '(unknown)']
    """
    return values.astype(object).where(values.notna(), missing).astype(str).astype(object)


class DuplicateIndex:
    """Running state of one pass over a corpus: unique ids and the first doc id per text.

    Duplicates are flagged, never dropped (FA-KES holds 22 repeated texts once site chrome is
    blanked, 14 byte for byte); a repeated doc_id
    is an error named by :meth:`check` once the pass ends.
    """

    def __init__(self, where: str):
        self.where = where
        self.ids: set[str] = set()
        self.repeated_ids: list[str] = []
        self.first: dict[bytes, str] = {}

    def see(self, r: Record) -> str | None:
        """Register a document record; return the doc_id of an earlier identical text, if any."""
        if r.doc_id in self.ids:
            self.repeated_ids.append(r.doc_id)
        self.ids.add(r.doc_id)
        key = hashlib.blake2b(
            ((r.title or "").strip() + "\0" + " ".join(r.text.split())).encode(), digest_size=16
        ).digest()
        first = self.first.setdefault(key, r.doc_id)
        return None if first == r.doc_id else first

    def check(self) -> None:
        """Raise an :class:`InputError` naming the repeated document ids."""
        if self.repeated_ids:
            names = sorted(set(self.repeated_ids))
            shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
            raise InputError(f"{self.where}: duplicate document ids: {shown}; every report needs its own doc_id")


def load_corpus(
    path: str | Path,
    *,
    columns: Mapping[str, str] | None = None,
    skip_bad_lines: bool = False,
    progress: bool = False,
    clean: bool = True,
) -> Corpus:
    """Load a corpus into a :class:`Corpus` (documents + skipped + provenance).

    Args:
        path: a folder of ``.txt`` reports, a ``.txt``, ``.csv`` or ``.jsonl`` file.
        columns: field -> column mapping for generic CSV/JSONL.
        skip_bad_lines: list broken JSON lines as skipped instead of stopping.
        progress: show a progress bar (only on a terminal).
        clean: blank site chrome out of the texts (see :func:`iter_records`).

    Returns:
        The corpus. ``documents`` has :data:`DOCUMENT_COLUMNS`, ``date_raw`` and any passthrough
        metadata (``location``, ``label``, ``url``, ``unit_id`` ...); ``skipped`` has
        :data:`SKIPPED_COLUMNS`.

    Raises:
        InputError: see :func:`iter_records`; also duplicate document ids.
    """
    p = Path(path)
    notes: list[str] = []
    docs: list[Record] = []
    skipped: list[dict[str, str]] = []
    records = iter_records(p, columns=columns, skip_bad_lines=skip_bad_lines, notes=notes, clean=clean)
    if progress:
        from .progress import progress_bar

        records = progress_bar(records, desc="loading", unit="rec")
    dedup = DuplicateIndex(str(p))
    duplicate_of: list[str | None] = []
    for r in records:
        if r.reason is None:
            docs.append(r)
            duplicate_of.append(dedup.see(r))
        else:
            skipped.append({"record": r.record, "doc_id": r.doc_id, "reason": r.reason})
    dedup.check()
    documents = documents_frame(docs)
    documents["duplicate_of"] = pd.Series(duplicate_of, index=documents.index, dtype=documents["doc_id"].dtype)
    for note in notes:
        warnings.warn(note, stacklevel=2)
    return Corpus(
        path=p,
        format=corpus_format(p),
        documents=documents,
        skipped=pd.DataFrame(skipped, columns=SKIPPED_COLUMNS),
        sha256=corpus_sha256(p),
        warnings=notes,
    )
