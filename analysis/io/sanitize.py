"""Sanitising: text as a reader sees it, one form per name, and tables safe in a spreadsheet.

Corpus text arrives with characters a reader never sees but software does: zero-width spaces
that split a toll (``1\\u200b200``) or an outlet name (``sana\\u200b``), bidirectional
overrides (U+202E) that display a string in another order than it is stored, soft hyphens,
control characters. :func:`normalise_text` gives every report one form:

* line ends (``\\r\\n``, ``\\r``) become ``\\n``; other line and paragraph breaks (vertical tab,
  form feed, U+0085, U+2028, U+2029) become ``\\n`` one for one;
* non-breaking spaces (and a byte-order mark inside the text) become a space, other control
  characters a space, one for one;
* invisible format characters are removed: zero-width space, word joiner, soft hyphen,
  left-to-right and right-to-left marks, bidirectional embeddings, overrides and isolates,
  invisible operators, tag characters; the zero-width joiner and non-joiner are kept only
  between two letters of a non-Latin script, where they change how a word is written;
* the result is NFC-normalised (composed accents: ``e`` + U+0301 becomes ``é``).

Every offset in the tables indexes this normalised text (``documents.text``). The removed
characters have no width, so the text reads exactly as before, in the order it is stored.

:func:`clean_label` does the same for ids, outlet names and metadata keys, and also folds any
run of white space into one space. :func:`spreadsheet_safe` prefixes ``'`` to every text cell
that a spreadsheet would run as a formula, and :func:`write_csv` writes every CSV a reader may
open through it.

Example:
    >>> normalise_text("At least 1\\u200b200 killed\\u202e\\r\\n")
    'At least 1200 killed\\n'
    >>> clean_label(" \\u202bSANA\\u202c\\u200b ")
    'SANA'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pandas as pd

#: Characters removed from text: invisible format characters (zero width, bidirectional
#: controls, soft hyphen, tags). ZWJ/ZWNJ (U+200C/U+200D) are handled apart (see module doc).
INVISIBLE = (
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\ufff9\ufffa\ufffb\U000e0001" + "".join(chr(c) for c in range(0xE0020, 0xE0080))
)
#: Characters that break a line, besides ``\\n`` (as :meth:`str.splitlines` reads them).
LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, *range(0x7F, 0xA0)]
             if chr(c) not in LINE_BREAKS]
_TABLE = str.maketrans({
    **{c: " " for c in "\u00a0\u2007\u202f\ufeff"},
    **{c: " " for c in _CONTROLS},
    **{c: "\n" for c in LINE_BREAKS},
    **{c: None for c in INVISIBLE},
})


def _char_class(codes: list[int]) -> str:
    """A regex character class of code points, runs written as ranges (fast to search)."""
    runs: list[list[int]] = []
    for c in sorted(codes):
        if runs and c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs) + "]"


_SPECIAL = re.compile(_char_class(list(_TABLE)))
#: A joiner not between two letters of a non-Latin script (a joiner beside a joiner is no letter,
#: so a run of them is removed whole and normalising twice changes nothing).
_JOINER = re.compile(r"(?<![^\x00-\x7f\s\d\u200c\u200d])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f\s\d\u200c\u200d])")


def normalise_text(text: str) -> str:
    """A report's text in the one form every table's offsets point into (see module doc).

    Example:
        >>> normalise_text("over\\u00a02,000\\r\\nkilled\\u00ad")
        'over 2,000\\nkilled'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SPECIAL.search(text):
        text = text.translate(_TABLE)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINER.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def clean_label(value: Any) -> str:
    """An id, outlet name or field name in one form: normalised, white space folded, stripped.

    Example:
        >>> clean_label("al-\\u200bmanar\\n news"), clean_label("cafe\\u0301")
        ('al-manar news', 'café')
    """
    if value is None:
        return ""
    return " ".join(normalise_text(str(value)).split())


def safe_cell(value: Any) -> Any:
    """``'`` + the value when it is text a spreadsheet would run as a formula, else the value.

    Example:
        >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("-12"), safe_cell(-12), safe_cell("a=b")
        ('\\'=HYPERLINK("http://x")', "'-12", -12, 'a=b')
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table whose text cells and column names cannot start a spreadsheet formula.

    Text cells (and column names) beginning with ``= + - @``, a tab or a carriage return get
    the common ``'`` prefix (OWASP's advice against CSV injection): a spreadsheet shows them as
    text. Numbers, dates and missing values are left alone. To read such a cell back, drop one
    leading ``'`` when one of those characters follows it.

    Example:
        >>> spreadsheet_safe(pd.DataFrame({"source": ["=cmd|' /C calc'!A0", "sana"], "n": [-1, 2]}))
                        source  n
        0  '=cmd|' /C calc'!A0 -1
        1                 sana  2
    """
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            if s.cat.categories.dtype == object:
                out[col] = s.cat.rename_categories([safe_cell(c) for c in s.cat.categories])
        elif s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            out[col] = s.map(safe_cell, na_action="ignore").astype(s.dtype)
    out.columns = [safe_cell(c) for c in out.columns]
    return out


def write_csv(df: pd.DataFrame, path, **options: Any) -> None:
    """Write ``df`` as a spreadsheet-safe CSV (:func:`spreadsheet_safe`), without its index.

    Every CSV a reader may open (tables, figure data, evaluation rows) is written this way.

    Example:
        >>> import tempfile, pathlib
        >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
        >>> write_csv(pd.DataFrame({"source": ["@SUM(A1)"], "n": [-1]}), f)
        >>> f.read_text()
        "source,n\\n'@SUM(A1),-1\\n"
    """
    spreadsheet_safe(df).to_csv(path, **{"index": False, "lineterminator": "\n", **options})
