"""Decoding corpus files: which encoding, what to do with a bad byte, and JSON lines.

The rule, for a whole file (CSV, JSON lines) or one report (``.txt``):

1. a byte-order mark decides: UTF-8, UTF-16 or UTF-32 (little or big endian);
2. NUL bytes without a mark: UTF-16 without its mark (every other byte NUL) is refused with
   the advice to save the file as UTF-8; anything else is binary data, not text;
3. valid UTF-8 is read as UTF-8;
4. otherwise each line is checked. If some line holds UTF-8 beyond ASCII, the file *is* UTF-8
   with a few stray bytes: each bad byte becomes U+FFFD (``\\ufffd``) and a warning names the
   lines, and every good line is read as written. If no line does, the file is a Windows file
   and is read as cp1252 (Windows-1252), with a warning naming the lines that differ from
   ASCII.

:func:`json_value` parses one JSON line and explains the failures the parser reports badly
(a number of thousands of digits, nesting deeper than Python's recursion limit) and records
repeated keys instead of letting the last one win silently.

Example:
    >>> notes = []
    >>> decode_bytes("Caf\\u00e9 ok\\nbad \\xff byte\\n".encode("utf-8").replace(b"\\xc3\\xbf", b"\\xff"), "a.txt", notes)
    'Café ok\\nbad \\ufffd byte\\n'
    >>> notes
    ['a.txt: not valid UTF-8 on line 2: each bad byte is read as U+FFFD (\\ufffd), every other line as UTF-8; save the file as UTF-8 to silence this']
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SHOWN_LINES = 5
#: The reason given for binary data.
BINARY = "binary data (NUL bytes), not a text corpus; give a .csv, .jsonl or .txt file"
_DIGITS = re.compile(r"value has (\d+) digits")


class Undecodable(ValueError):
    """Bytes that are not text in any encoding read here; the message says what to do."""


@dataclass(frozen=True)
class Decoding:
    """How to open a text file: ``open(path, encoding=..., errors=...)``."""

    encoding: str
    errors: str = "strict"


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start announces, or None.

    Example:
        >>> bom_encoding("x".encode("utf-16")), bom_encoding(b"x")
        ('utf-16', None)
    """
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    return None


def check_text(head: bytes) -> None:
    """Raise :class:`Undecodable` when the first bytes of a file without a mark hold NULs."""
    sample = head[:4096]
    if b"\x00" not in sample:
        return
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4 and (odd.count(0) > 0.4 * len(odd) > even.count(0)
                             or even.count(0) > 0.4 * len(even) > odd.count(0)):
        raise Undecodable("looks like UTF-16 without a byte-order mark; save it as UTF-8 (or as UTF-16 with a BOM)")
    raise Undecodable(BINARY)


def lines_text(numbers: list[int], total: int) -> str:
    """``line 3`` / ``lines 3, 7 and 9`` / ``lines 3, 7, ... and 40 more``.

    Example:
        >>> lines_text([3], 1), lines_text([3, 7, 9], 3), lines_text([1, 2, 3, 4, 5], 45)
        ('line 3', 'lines 3, 7 and 9', 'lines 1, 2, 3, 4, 5 and 40 more')
    """
    shown = [str(n) for n in numbers[:_SHOWN_LINES]]
    if total == 1:
        return f"line {shown[0]}"
    if total <= _SHOWN_LINES:
        return f"lines {', '.join(shown[:-1])} and {shown[-1]}"
    return f"lines {', '.join(shown)} and {total - len(shown)} more"


def _scan_lines(lines: Iterable[bytes]) -> tuple[list[int], int, bool]:
    """(first bad line numbers, how many bad lines, whether a good line holds UTF-8 beyond ASCII)."""
    bad: list[int] = []
    n_bad = 0
    utf8 = False
    for no, line in enumerate(lines, start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            n_bad += 1
            if len(bad) < _SHOWN_LINES:
                bad.append(no)
        else:
            utf8 = utf8 or not line.isascii()
    return bad, n_bad, utf8


def _choose(where: str, bad: list[int], n_bad: int, utf8: bool) -> tuple[Decoding, str]:
    """The decoding of a file that is not valid UTF-8, and the warning that says so."""
    if utf8:
        return Decoding("utf-8-sig", "replace"), (
            f"{where}: not valid UTF-8 on {lines_text(bad, n_bad)}: each bad byte is read as U+FFFD "
            "(\ufffd), every other line as UTF-8; save the file as UTF-8 to silence this")
    return Decoding("cp1252", "replace"), (
        f"{where}: not valid UTF-8, read as cp1252 (Windows-1252): {lines_text(bad, n_bad)} differ from "
        "ASCII and none is UTF-8; save it as UTF-8 to silence this")


def _other_bom(where: str, bom: str, exc: UnicodeDecodeError) -> str:
    return (f"{where}: not valid {bom.upper()} ({exc.reason} at byte {exc.start}); "
            "bad bytes are read as U+FFFD (\ufffd)")


def detect_decoding(path: Path, notes: list[str]) -> Decoding:
    """How to read a corpus file, by the rule of the module doc; reasons go to ``notes``.

    Reads the file in chunks (and line by line only when it is not valid UTF-8).

    Raises:
        InputError: unreadable, binary or UTF-16 without a byte-order mark (says what to do).
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            bom = bom_encoding(head)
            if bom is None:
                check_text(head)
            fh.seek(0)
            decoder = codecs.getincrementaldecoder(bom or "utf-8-sig")()
            try:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
                return Decoding(bom or "utf-8-sig")
            except UnicodeDecodeError as exc:
                if bom not in (None, "utf-8-sig"):
                    notes.append(_other_bom(str(path), bom, exc))
                    return Decoding(bom, "replace")
            fh.seek(0)
            bad, n_bad, utf8 = _scan_lines(fh)
            decoding, note = _choose(str(path), bad, n_bad, utf8 or bom == "utf-8-sig")
            notes.append(note)
            return decoding
    except Undecodable as exc:
        raise InputError(f"{path}: {exc}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror}); check its permissions") from None


def decode_bytes(data: bytes, where: str, notes: list[str]) -> str:
    """Decode one report's bytes by the rule of the module doc; reasons go to ``notes``.

    Raises:
        Undecodable: binary data, UTF-16 without a mark, or bytes that are not cp1252 either.
    """
    bom = bom_encoding(data)
    if bom is None:
        check_text(data)
    try:
        return data.decode(bom or "utf-8-sig")
    except UnicodeDecodeError as exc:
        if bom not in (None, "utf-8-sig"):
            notes.append(_other_bom(where, bom, exc))
            return data.decode(bom, errors="replace")
    bad, n_bad, utf8 = _scan_lines(data.split(b"\n"))
    decoding, note = _choose(where, bad, n_bad, utf8 or bom == "utf-8-sig")
    try:
        text = data.decode(decoding.encoding, errors="replace" if decoding.encoding != "cp1252" else "strict")
    except UnicodeDecodeError:
        raise Undecodable("undecodable: not UTF-8 or cp1252 text; save it as UTF-8") from None
    notes.append(note)
    return text


def _pairs(duplicates: list[str]):
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for key, value in pairs:
            if key in obj:
                duplicates.append(key)
                n = 1
                while f"{key}.{n}" in obj:
                    n += 1
                key = f"{key}.{n}"
            obj[key] = value
        return obj

    return hook


def json_value(line: str, duplicates: list[str] | None = None) -> Any:
    """Parse one JSON line; a repeated key is kept as ``key.1`` (and listed in ``duplicates``).

    Raises:
        ValueError: not valid JSON, with a readable reason (column of a syntax error, the
            digits of a number too long, nesting too deep).

    Example:
        >>> dups = []
        >>> json_value('{"text": "a", "text": "b"}', dups), dups
        ({'text': 'a', 'text.1': 'b'}, ['text'])
    """
    try:
        return json.loads(line, object_pairs_hook=_pairs([] if duplicates is None else duplicates))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg.removesuffix(' at')} at column {exc.colno}") from None
    except RecursionError:
        raise ValueError("nested too deep: arrays or objects inside each other beyond what can be read") from None
    except ValueError as exc:  # a number longer than Python converts (sys.get_int_max_str_digits)
        m = _DIGITS.search(str(exc))
        digits = f"{int(m.group(1)):,} digits" if m else "too many digits"
        raise ValueError(f"a number with {digits}, more than can be read") from None
