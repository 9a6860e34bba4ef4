"""Term syntax shared by the labels and frames lexicons, compiled into one matcher per lexicon.

Whole words, case-insensitive unless the term is all capitals, spaces match spaces or hyphens,
the last word also matches its regular plural, ``*`` marks a stem. All terms of a lexicon are
compiled into one regular expression; at each position the longest term wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import brief
from ..resources.files import entry_error
from ..resources.packs import check_plain

_CAPS = re.compile(r"^[A-Z][A-Z.&/]*[A-Z]$")

_SPLIT = re.compile(r"(\s+|-)")


_PLURAL_ES = ("s", "x", "ch", "sh", "z")


def _word_pattern(word: str, *, last: bool, caps: bool) -> str:
    stem = word.endswith("*")
    word = word.rstrip("*")
    possessive = False
    if len(word) > 2 and word[-2:] in ("'s", "’s"):
        word, possessive = word[:-2], True
    pat = "".join("['’]?" if ch in "'’" else re.escape(ch) for ch in word)
    if stem:
        pat += r"\w*"
    elif last and not caps and not possessive and word[-1:].isalpha():
        low = word.lower()
        if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
            pat = pat[:-1] + "(?:y|ies)"
        elif low.endswith(_PLURAL_ES):
            pat += "(?:es)?"
        else:
            pat += "s?"
    if possessive:
        pat += "(?:['’]?s)?"
    return pat


def term_pattern(term: str) -> str:
    """The regular expression (as a string) that a lexicon term stands for.

    Rules: whole words; case-insensitive unless the term is all capitals (``IS``, ``SAA``),
    which is matched case-sensitively, with an optional ``'s`` or ``s`` ("ISIL's", "ISILs"); a
    space matches spaces or hyphens, a hyphen matches a hyphen, a space or nothing; the last
    word also matches its regular plural; ``'s`` is optional and its apostrophe may be missing;
    a trailing ``*`` matches any continuation.

    Example:
        >>> bool(re.fullmatch(term_pattern("air strike"), "air-strikes", re.I))
        True
        >>> bool(re.fullmatch(term_pattern("Assad's forces"), "Assads forces", re.I))
        True
    """
    t = term.strip()
    caps = bool(_CAPS.match(t))
    pieces = _SPLIT.split(t)
    words_ = pieces[0::2]
    seps = pieces[1::2]
    out = []
    for i, w in enumerate(words_):
        out.append(_word_pattern(w, last=i == len(words_) - 1, caps=caps))
        if i < len(seps):
            out.append(r"[\s\-]?" if seps[i] == "-" else r"[\s\-]+")
    body = "".join(out)
    if caps:
        # "ISIL's", and "ISILs" where the apostrophe was stripped; "'s" is lower case only
        body = f"(?-i:{body}(?:['’]?s)?)"
    return rf"(?<!\w){body}(?!\w)"


def words_regex(words_: Iterable[str]) -> str:
    """Alternation of word patterns (no plural) for preceded/followed-by lists."""
    alts = sorted({term_pattern(w).replace(r"(?<!\w)", "").replace(r"(?!\w)", "") for w in words_}, key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"


@dataclass(frozen=True)
class Term:
    kind: str  # "label", "name", "qualifier" or "frame"
    group: str  # referent or frame
    key: str  # label key, name key, frame term (as written)
    term: str
    stem: bool


_WORD_START = re.compile(r"\w+")

_KEY = re.compile(r"\w{1,3}")


@dataclass
class Matcher:
    """All terms of one lexicon, matched at word starts (longest term first).

    A single alternation of hundreds of terms is slow in Python's ``re`` (every alternative is
    tried at every position), so terms are bucketed by the first one to three letters of
    their first word; at each word start only the terms whose key is a prefix of that word
    are tried, through a small alternation compiled once per prefix and cached.
    """

    terms: list[Term]
    _by_key: dict[str, list[int]] = field(init=False, default_factory=dict)
    _cache: dict[str, re.Pattern | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for i, t in enumerate(self.terms):
            m = _KEY.match(t.term.strip())
            key = m.group().lower() if m else ""
            self._by_key.setdefault(key, []).append(i)

    def _regex(self, prefix: str) -> re.Pattern | None:
        rx = self._cache.get(prefix, False)
        if rx is not False:
            return rx
        idx = [i for n in range(len(prefix) + 1) for i in self._by_key.get(prefix[:n], ())]
        if idx:
            idx.sort(key=lambda i: (-len(self.terms[i].term), i))
            rx = re.compile("|".join(f"(?P<t{i}>{term_pattern(self.terms[i].term)})" for i in idx), re.IGNORECASE)
        else:
            rx = None
        self._cache[prefix] = rx
        return rx

    def finditer(self, text: str) -> Iterable[tuple[int, int, Term]]:
        """Non-overlapping matches ``(start, end, term)`` in text order."""
        done = 0
        for w in _WORD_START.finditer(text):
            i = w.start()
            if i < done:
                continue
            rx = self._regex(text[i : i + 3].lower())
            if rx is None:
                continue
            m = rx.match(text, i)
            if m is None:
                continue
            done = m.end()
            yield i, done, self.terms[int(m.lastgroup[1:])]


def check_terms(path: Path, entry: str, terms: Any, seen: dict[str, str]) -> list[str]:
    if not isinstance(terms, list) or not terms:
        raise entry_error(path, entry, "needs a non-empty list of terms")
    out = []
    for t in terms:
        if not isinstance(t, (str, int, float)) or not str(t).strip() or not str(t).strip("*-' "):
            raise entry_error(path, entry, f"empty or invalid term {brief(t)}; write a word or phrase")
        t = str(t).strip()
        check_plain(path, entry, t, what="term", stem=True)
        key = term_pattern(t)
        if "(?-i:" not in key:
            key = key.lower()  # "Rebel" and "rebel" are the same case-insensitive term
        if key in seen:
            raise entry_error(path, entry, f"duplicate term {brief(t)} (already in {seen[key]!r}); list each term once")
        seen[key] = entry
        out.append(t)
    return out


def check_keys(path: Path, entry: str, data: Any, allowed: set[str], required: set[str] = frozenset()) -> None:
    if not isinstance(data, dict):
        raise entry_error(path, entry, "must be a mapping")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise entry_error(path, entry, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    missing = sorted(required - set(data))
    if missing:
        raise entry_error(path, entry, f"missing key(s) {', '.join(missing)}")
