"""CSV rows with the physical lines they came from: stray quotes, long fields, repeated names.

Python's ``csv`` reads a quoted field across line breaks, which a report with paragraphs
needs, but one stray quote then swallows the rows after it into one field, silently. Each
row here knows its lines, and the rule is:

* a row read over several lines with the wrong number of fields was made by a stray quote.
  When each of its lines is on its own a row with the header's number of fields, each line
  is read as its own row (the stray quote stays in its text) and a warning names the line
  where the quote opened; otherwise the row is skipped, its reason naming the lines;
* a row read over several lines with the right number of fields is valid CSV and is read as
  one row (a text with paragraphs). When each of its lines would also be a row, a warning
  names the lines (two stray quotes that pair up look exactly like this); the others are
  counted in one warning that says where the first is. A merge is never silent, and valid
  CSV is always read as CSV.

A field may hold up to :data:`FIELD_LIMIT` characters (Python's default is 128 KB, less than
some long reports); past that the error says whether a quote left open or one huge field is
the cause. Empty column names become ``column_<n>``, and a name repeated in the header is kept
as ``name.1``, ``name.2`` ... (the first keeps the name), with a warning.

Example:
    >>> import io
    >>> notes = []
    >>> header, rows = read_rows("c.csv", io.StringIO('text,source\\n"Two killed.,sana\\nThree killed.,bbc\\n'), notes)
    >>> [(r.values, r.first_line) for r in rows]
    [(['"Two killed.', 'sana'], 2), (['Three killed.', 'bbc'], 3)]
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Iterator, TextIO

from ..errors import InputError

#: Most characters one CSV field may hold (16 Mi: far beyond any report, far below memory).
FIELD_LIMIT = 16 * 1024 * 1024


@dataclass
class CsvRow:
    """One data row: its values, the physical lines it was read from, and why it is skipped."""

    values: list[str]
    first_line: int
    last_line: int
    problem: str | None = None

    @property
    def lines(self) -> str:
        """``line 4`` or ``lines 4-9``."""
        if self.first_line == self.last_line:
            return f"line {self.first_line}"
        return f"lines {self.first_line}-{self.last_line}"


class _Lines:
    """The lines of a text file, remembering those read since the last :meth:`take`."""

    def __init__(self, fh: TextIO):
        self._it = iter(fh)
        self.pending: list[str] = []
        self.count = 0

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        line = next(self._it)
        self.pending.append(line)
        self.count += 1
        return line

    def take(self) -> list[str]:
        taken, self.pending = self.pending, []
        return taken


def unique_header(header: list[str], where: str, notes: list[str]) -> list[str]:
    """Column names, stripped, with empty ones named and repeated ones numbered (warned).

    Example:
        >>> unique_header(["text", "source", "source", ""], "c.csv", [])
        ['text', 'source', 'source.1', 'column_4']
    """
    names = [h.strip() or f"column_{i}" for i, h in enumerate(header, start=1)]
    seen: set[str] = set()
    renamed: list[str] = []
    for i, name in enumerate(names):
        if name in seen:
            n = 1
            while f"{name}.{n}" in seen or f"{name}.{n}" in names:
                n += 1
            renamed.append(f"{name!r} (column {i + 1}, kept as {name}.{n})")
            names[i] = f"{name}.{n}"
        seen.add(names[i])
    if renamed:
        notes.append(f"{where}: the header names a column twice: {', '.join(renamed)}; the first of each "
                     "name is the one read as a field; rename the columns to silence this")
    return names


def _fields(line: str) -> list[str]:
    """One physical line read as a row on its own (a stray quote taken as a character)."""
    line = line.rstrip("\r\n")
    try:
        return next(csv.reader([line], strict=True), [])
    except csv.Error:
        return next(csv.reader([line], quoting=csv.QUOTE_NONE), [])


def _error(where: str, row_no: int, first_line: int, lines: _Lines, exc: csv.Error) -> InputError:
    at = f"{where}: data row {row_no} (line {first_line})"
    if "field larger than field limit" in str(exc):
        if len(lines.pending) > 1:
            return InputError(f"{at}: a quoted field runs on over {len(lines.pending):,} lines and past "
                              f"{FIELD_LIMIT:,} characters: a quote opened on line {first_line} is never "
                              "closed; fix the quoting there")
        return InputError(f"{at}: one field holds more than {FIELD_LIMIT:,} characters, longer than any "
                          "report; split that text into several reports")
    if "NUL" in str(exc):
        return InputError(f"{at}: a NUL byte: the file holds binary data there, not CSV text")
    return InputError(f"{at}: malformed CSV ({exc}); fix the quoting there")


def read_rows(where: str, fh: TextIO, notes: list[str]) -> tuple[list[str], Iterator[CsvRow]]:
    """The header (see :func:`unique_header`) and a lazy iterator over the data rows.

    Blank lines are not rows. Rows with the wrong number of fields come with a ``problem``.

    Raises:
        InputError: an empty file, or a row that cannot be read (names file, row and line).
    """
    csv.field_size_limit(FIELD_LIMIT)
    lines = _Lines(fh)
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{where}: the CSV file is empty; it needs a header row and one row per report") from None
    except csv.Error as exc:
        raise _error(where, 0, 1, lines, exc) from None
    lines.take()
    return unique_header(header, where, notes), _rows(where, reader, lines, len(header), notes)


def _rows(where: str, reader, lines: _Lines, width: int, notes: list[str]) -> Iterator[CsvRow]:
    row_no, spanning, first_span = 0, 0, ""
    while True:
        first = lines.count + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _error(where, row_no, first, lines, exc) from None
        raw = lines.take()
        if not values:
            continue  # a blank line is not a record
        row = CsvRow(values, first, first + len(raw) - 1)
        if len(raw) > 1:
            pieces = [_fields(line) for line in raw]
            lines_are_rows = all(len(p) == width for p in pieces)
            if lines_are_rows and len(values) != width:  # a stray quote, certainly: read each line
                notes.append(f"{where}: {row.lines}: a quote opened on line {first} runs over {len(raw)} lines "
                             f"that each have the header's {width} fields: read as {len(raw)} rows; fix the "
                             f"quote on line {first}")
                for k, piece in enumerate(pieces):
                    yield CsvRow(piece, first + k, first + k)
                row_no += len(pieces)
                continue
            if lines_are_rows:  # valid CSV, but each line would be a row too: say so
                notes.append(f"{where}: data row {row_no} ({row.lines}): one quoted field runs over {len(raw)} "
                             f"lines that would each be a row of {width} fields; read as one row, as CSV says; "
                             f"if they are separate reports, fix the unbalanced quote on line {first}")
            elif len(values) == width:
                spanning += 1
                first_span = first_span or f"data row {row_no}, {row.lines}"
        if len(values) != width:
            row.problem = f"has {len(values)} fields where the header has {width}"
            if len(raw) > 1:
                row.problem += f" ({row.lines}: a quoted field runs over them: an unbalanced quote?)"
        yield row
        row_no += 1
    if spanning:
        notes.append(f"{where}: {spanning:,} row(s) hold line breaks inside a quoted field (first: {first_span}); "
                     "normal for texts with paragraphs, but if a row should be one line, a quote left open "
                     "there has merged rows")
