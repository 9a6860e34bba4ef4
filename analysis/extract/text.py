"""Text layer: sentences, words and quoted spans with character offsets.

Uses only what ships inside the ``nltk`` wheel (no downloaded data): a Punkt sentence
splitter built from the project's own abbreviation list for news text, and the
``NLTKWordTokenizer`` for words. Every span is a pair of character offsets into the
original string, so each extracted number can be traced back to its sentence.

Example:
    >>> [s.text for s in split_sentences("Gen. Smith said 12 died. The U.N. agreed.")]
    ['Gen. Smith said 12 died.', 'The U.N. agreed.']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..resources.vocabulary import (
    DETERMINERS,
    MONTH_ABBREVIATIONS,
    POSSESSIVES,
    SCALES,
    SENTENCE_OPENERS,
    SUBJECT_PRONOUNS,
    TENS,
    UNITS,
    alternation,
)


#: Abbreviations that end with a period but do not end a sentence in news text
#: (lower case, without the final period, as Punkt stores them).
NEWS_ABBREVIATIONS = frozenset(
    """
    u.s u.n u.k u.a.e e.u a.m p.m e.g i.e etc vs no nos approx est dept govt
    mr mrs ms dr prof rev st mt ft sen rep gov pres amb sec gen lt col maj capt cpt cmdr
    sgt cpl pvt adm brig lt.col lt.gen maj.gen brig.gen jr sr inc corp co ltd bros
    """.split()
) | frozenset(MONTH_ABBREVIATIONS)

#: Abbreviations that can also end a sentence ("condemned by the U.S. The government denied it."):
#: a sentence ends after them when a sentence opener follows. Titles ("Gen.", "Mr.") never do.
SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    "u.s u.n u.k u.a.e e.u a.m p.m etc inc corp co ltd bros jr sr govt dept".split()
) | frozenset(MONTH_ABBREVIATIONS)

#: What may open the sentence after such an abbreviation: closed-class openers and number words
#: ("Under" is left out: "the U.N. Under-Secretary").
_OPENERS_AFTER_ABBREVIATION = (SENTENCE_OPENERS | frozenset(UNITS) | frozenset(TENS)) - {"under"}
#: In all-capital text, where "IN" may go on the sentence, only determiners, pronouns and numbers.
_OPENERS_IN_CAPITALS = (DETERMINERS | SUBJECT_PRONOUNS | POSSESSIVES | frozenset(UNITS) | frozenset(TENS)) - {"i", "her"}

_ABBREVIATION_THEN_WORD = re.compile(
    r"(?<![\w.])(?:" + alternation(re.escape(a) for a in SENTENCE_FINAL_ABBREVIATIONS) + r")\.\s+([A-Za-z]+)\b(?![-.'])",
    re.IGNORECASE,
)

#: "she said" after a closed quotation: the attribution of the quote, not a new sentence.
_SAID = r"(?:he|she|they|we|i|it)\s+(?:said|says|added|adds|told|tells|asked|wrote|explained|recalled|continued|insisted)\b"
_SAID_LOWER = re.compile(_SAID)
_SAID_ANY_CASE = re.compile(_SAID, re.IGNORECASE)
_CLOSING_QUOTES = frozenset('"\u201d\u2019\'\u00bb')

_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SPACE = re.compile(r"\S")

#: Longest sentence kept whole, in characters. Real news sentences are far shorter (FA-KES's
#: longest has 2,271 characters, MUC-4's 1,284); a longer run (hundreds of tolls strung together
#: with commas, a line without punctuation) is cut into pieces of at most this length, so no
#: row that copies its sentence copies more than this. Each piece keeps its offsets, so the
#: whole text stays in ``documents.text``.
MAX_SENTENCE = 4_000
#: Where a long sentence may be cut, best first: after a clause mark (``, ; :``) and its space,
#: at a space, then after any other mark not followed by a digit or between a letter and a digit.
_CUTS = (re.compile(r"[;,:]\s"), re.compile(r"\s"))
_MARK_CUT = re.compile(r"\W(?![\d.,])|(?<=[^\W\d_])(?=\d)")
#: Words a number may be written with: a cut never follows one ("twenty | five", "12 | people").
_NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"a", "and", "dozen", "half", "quarter"}
#: A run of digits cut in two leaves at least this many on each side: no count (see numbers.MAX_COUNT).
_DIGITS_KEPT = 20


class Sentence(NamedTuple):
    """One sentence of one part (``title`` or ``body``) of a document."""

    doc_id: str
    part: str
    sent_id: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """The Punkt splitter with the project's news abbreviations (built once)."""
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def word_tokenizer() -> NLTKWordTokenizer:
    """NLTK's Treebank-style word tokenizer (needs no downloaded data)."""
    return NLTKWordTokenizer()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``.

    Line breaks always end a sentence (paragraphs, headlines, captions); inside a line,
    Punkt decides, then two corrections: a sentence ends after an abbreviation that can end
    one when a sentence opener follows ("... the U.S. The government ..."), and "she said"
    after a closed quotation stays with the quotation. Spans exclude surrounding white space.

    Args:
        text: any string.

    Returns:
        A list of ``(start, end)`` offsets into ``text``.

    Example:
        >>> sentence_spans("Twelve died.\\nThe U.S. said so.")
        [(0, 12), (13, 30)]
        >>> t = "It was condemned by the U.S. The army denied it."
        >>> [t[s:e] for s, e in sentence_spans(t)]
        ['It was condemned by the U.S.', 'The army denied it.']
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for brk in _PARAGRAPH.finditer(text + "\n"):
        line_start, line_end = pos, brk.start()
        pos = brk.end()
        line = text[line_start:line_end]
        if line.strip():
            spans.extend((line_start + s, line_start + e) for s, e in _line_spans(line))
    return spans


def _line_spans(line: str) -> list[tuple[int, int]]:
    """Sentence spans of one line: Punkt's, split after sentence-final abbreviations, quotes merged,
    then cut to at most :data:`MAX_SENTENCE` characters."""
    out: list[tuple[int, int]] = []
    upper = line.isupper()  # once per line: a line of thousands of sentences stays linear
    for s, e in sentence_splitter().span_tokenize(line):
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if s < e:
            out.extend(_split_after_abbreviations(line, s, e, upper=upper))
    merged = _merge_said_after_quote(line, out, upper=upper)
    if all(e - s <= MAX_SENTENCE for s, e in merged):
        return merged
    return [piece for s, e in merged for piece in cap_span(line, s, e)]


def cap_span(text: str, s: int, e: int, *, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """``text[s:e]`` cut into spans of at most ``limit`` characters, without surrounding spaces.

    Each cut falls in the second half of the piece: after the last clause mark (``, ; :``),
    else at the last space, never just after a number ("twenty | five", "12 | people were killed");
    else after the last mark or between a letter and a digit; else, inside one unbroken run of
    letters or digits, near ``limit`` (a run of digits keeps 20 on each side: too many to be read
    as a count). The cost is linear in ``e - s``.

    Example:
        >>> t = "12 died in A, 3 died in B, 7 died in C"
        >>> [t[a:b] for a, b in cap_span(t, 0, len(t), limit=16)]
        ['12 died in A,', '3 died in B,', '7 died in C']
    """
    out: list[tuple[int, int]] = []
    while e - s > limit:
        cut = _cut_point(text, s + limit // 2, s + limit)
        end = s + len(text[s:cut].rstrip())
        out.append((s, end))
        nxt = _SPACE.search(text, cut, e)
        if nxt is None:
            return out
        s = nxt.start()
    out.append((s, e))
    return out


def _cut_point(text: str, lo: int, hi: int) -> int:
    """Where to cut a long sentence between ``lo`` and ``hi`` (see :func:`cap_span`)."""
    for pattern in _CUTS:
        for cut in reversed([m.end() for m in pattern.finditer(text, lo, hi)]):
            before = text[max(0, cut - 40):cut].split()[-1:]
            if not (before and _is_number_part(before[0])):
                return cut
    found = None
    for found in _MARK_CUT.finditer(text, lo, hi):  # noqa: B007 - the loop keeps the last one
        pass
    if found is not None:
        return found.end()
    if text[hi - 1:hi + 1].isdigit():  # inside a run of digits: both halves too long to be a count
        return max(lo + 1, hi - _DIGITS_KEPT)
    return hi


def _is_number_part(word: str) -> bool:
    """Whether a count may go on after ``word``: it has a digit or is a number word ("twenty"),
    and ends with no mark ("12," ends what came before it)."""
    if not word[-1].isalnum():
        return False
    w = word.strip(".,;:!?()\"'").lower()
    return any(c.isdigit() for c in w) or (bool(w) and all(p in _NUMBER_WORDS for p in w.split("-")))


def _split_after_abbreviations(line: str, s: int, e: int, *, upper: bool) -> list[tuple[int, int]]:
    """Split ``line[s:e]`` after an abbreviation followed by a capitalised sentence opener."""
    if line.find(". ", s, e) < 0:
        return [(s, e)]  # no inner stop: nothing to split (most sentences)
    out: list[tuple[int, int]] = []
    openers = _OPENERS_IN_CAPITALS if upper else _OPENERS_AFTER_ABBREVIATION
    for m in _ABBREVIATION_THEN_WORD.finditer(line, s, e):
        word = m.group(1)
        if word[0].isupper() and word.lower() in openers and line[s:m.start()].strip():
            cut = m.start(1)
            end = cut
            while end > s and line[end - 1].isspace():
                end -= 1
            out.append((s, end))
            s = cut
    out.append((s, e))
    return out


def _merge_said_after_quote(line: str, spans: list[tuple[int, int]], *, upper: bool) -> list[tuple[int, int]]:
    """Join a sentence opening on "she said" to the previous one when that ends with a closing quote.

    The pronoun must be lower case, or the line all upper case (wire text).
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and line[out[-1][1] - 1] in _CLOSING_QUOTES:
            said = _SAID_ANY_CASE if upper else _SAID_LOWER
            if said.match(line, s):
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


def split_sentences(text: str, *, doc_id: str = "", part: str = "body", first_id: int = 0) -> list[Sentence]:
    """Split ``text`` into :class:`Sentence` records with offsets.

    Args:
        text: the title or body of one report.
        doc_id: the document id stored on each sentence.
        part: ``"title"`` or ``"body"``.
        first_id: the ``sent_id`` of the first sentence (ids run on across parts).

    Returns:
        The sentences in order.
    """
    return [
        Sentence(doc_id, part, first_id + i, s, e, text[s:e])
        for i, (s, e) in enumerate(sentence_spans(text or ""))
    ]


def document_sentences(doc_id: str, title: str | None, body: str | None) -> list[Sentence]:
    """Sentences of a document's title then body, with ``sent_id`` unique in the document.

    Example:
        >>> [(s.part, s.sent_id) for s in document_sentences("d1", "Title", "One. Two.")]
        [('title', 0), ('body', 1), ('body', 2)]
    """
    title_sents = split_sentences(title or "", doc_id=doc_id, part="title")
    return title_sents + split_sentences(body or "", doc_id=doc_id, part="body", first_id=len(title_sents))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` (Treebank tokenisation)."""
    return list(word_tokenizer().span_tokenize(text))


def words(text: str) -> list[str]:
    """The words of ``text`` (Treebank tokenisation).

    Example:
        >>> words("Assad's forces shelled Douma.")
        ['Assad', "'s", 'forces', 'shelled', 'Douma', '.']
    """
    return [text[s:e] for s, e in word_spans(text)]


_OPEN_CLOSE = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb"}
_OPENING = re.compile('["\u201c\u00ab]')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside double quotation marks (straight, curly or guillemets).

    The span covers the quoted words without the marks. An opening mark with no closing
    mark runs to the end of the text (a quote continued across paragraphs).

    Example:
        >>> t = 'He said "we will win" and left.'
        >>> [t[s:e] for s, e in quote_spans(t)]
        ['we will win']
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    pos = 0
    while True:
        m = _OPENING.search(text, pos)
        if m is None:
            break
        ch = m.group()
        j = text.find(_OPEN_CLOSE[ch], m.end())
        if ch == '"' and j == -1:
            break  # an unbalanced straight quote: nothing reliable to mark
        end = n if j == -1 else j
        spans.append((m.end(), end))
        pos = end + 1
    return spans
