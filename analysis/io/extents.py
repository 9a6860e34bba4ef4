"""Extents: how far the chrome a cue announces runs, and where the article's prose starts again.

A cue such as "Related News", "Read also", "Tags" or "Reporting by" announces chrome, but
the text does not say where that chrome ends: in a corpus without line breaks (FA-KES) a
related headline, a tag list or a byline runs straight into the article's next sentence
("Read also <headline> Outside Damascus at least eight people were killed ..."). Removing too
little leaves a headline or a few tags in the text; removing too much loses the article's own
sentences, which is worse. So the rules here stop early when in doubt:

* The text after a cue is read **stretch by stretch**, a stretch ending at a sentence end
  (a period, "!" or "?"; not the dots of "U.S." or an initial). A stretch is **prose** when it
  holds a finite verb form that headlines and tags leave out (:data:`FINITE`: "was", "were",
  "has", "said", ...; headlines write "says" and "kills") and enough lower-case words to read
  as a sentence, or, without such a verb, when it ends with a period and half its words are
  lower case. A stretch that ends in "?" without such a verb is a headline. A stretch the
  outlet repeats in many of its reports ("A picture is worth a thousand words.") is the
  outlet's chrome, not the article's prose.
* In the first prose stretch the prose starts at the capitalised sentence opener nearest
  before its verb ("At least", "Nearly", "The", "A": :data:`OPENERS`); when there is none,
  at the start of the stretch: the headline or tags before the prose stay in the text.
* A **tag list** may also end earlier than that: over the words the outlet itself uses as tags
  in its reports (learnt from the corpus, :class:`~analysis.io.cleaning.OutletProfile`), and
  never past the first clause (a lower-case word followed by a preposition or "and": "Regime
  shelling on Saturday").
* A **byline** runs to its sentence end when that sentence is names and roles; when prose
  follows in the same sentence, only the cue and the names after it.

Example:
    >>> t = "Read also Ceasefire holds envoy says At least eight people were killed on Thursday."
    >>> toks = tokens(t)
    >>> toks[list_end(toks, 2, len(toks))].group()
    'At'
"""

from __future__ import annotations

import re
from typing import Callable

from ..resources.vocabulary import CONJUNCTIONS, PREPOSITIONS
from .textshape import OPENERS, SENTENCE_END, cap_word, norm_word, tokens

#: Finite verb forms that prose uses and headlines and tag lists leave out ("says", "kills" and
#: other present tenses are headline verbs, so they are not here).
FINITE = frozenset("was were is are has have had been will would said told".split())
#: Words that glue a clause together: a lower-case word before one of them starts a clause.
FUNCTION = (PREPOSITIONS | CONJUNCTIONS | frozenset("a an the".split())) - frozenset({"while", "when"})
#: Lower-case share above which a stretch reads as a sentence (title-case headlines fall below).
PROSE_LOWER = 0.35
#: Role words of a byline chain ("Reporting by X; Editing by Y").
BYLINE_WORDS = frozenset("""additional reporting writing editing edited compiled translated written produced by and
    in from at our standards the trust principles staff newsroom with""".split())
_ABBREVIATION = re.compile(r"^[\"'(\u201c]*(?:[A-Za-z]\.){2,}[\"'\u201d)]*$|^[A-Z]\.$|^\d+\.\d+$")


def sentence_end(tok: str) -> bool:
    """A token that ends a sentence (not "U.S.", an initial or a decimal).

    Example:
        >>> sentence_end("said."), sentence_end("U.S."), sentence_end("failure?")
        (True, False, True)
    """
    return bool(SENTENCE_END.search(tok)) and not _ABBREVIATION.match(tok)


def _lower(tok: str) -> bool:
    t = tok.strip("\"'(\u201c\u201d),.;:!?")
    return bool(t) and t[0].islower() and t[0].isalpha()


def lower_share(words: list[str]) -> float:
    """Share of lower-case words (a run of digits or marks counts as neither)."""
    letters = [w for w in words if any(c.isalpha() for c in w)]
    return sum(_lower(w) for w in letters) / len(letters) if letters else 0.0


def stretches(toks: list[re.Match], i: int, stop: int) -> list[tuple[int, int, str]]:
    """Token ranges ``[a, b)`` from ``i`` to ``stop``, each ending at a sentence end, with how it
    ends: ``"."`` (a period or "!"), ``"?"`` or ``""`` (no sentence end before ``stop``)."""
    out, a = [], i
    for k in range(i, stop):
        tok = toks[k].group()
        if sentence_end(tok):
            out.append((a, k + 1, "?" if tok.rstrip("\"'\u201d)").endswith("?") else "."))
            a = k + 1
    if a < stop:
        out.append((a, stop, ""))
    return out


def reads_as_prose(words: list[str], *, end: str) -> bool:
    """Whether a stretch reads as a sentence of prose (see the module docstring).

    Example:
        >>> reads_as_prose("At least 12 people were killed on Sunday.".split(), end=".")
        True
        >>> reads_as_prose("Explosion Leaves At Least 25 Dead Minister Says It is Not Happy".split(), end="")
        False
    """
    if len(words) < 4:
        return False
    share = lower_share(words)
    if any(norm_word(w) in FINITE and _lower(w) for w in words):
        return share >= PROSE_LOWER and (end == "." or share >= 0.5)
    return end == "." and len(words) >= 5 and share >= 0.5


def _first_finite(words: list[str]) -> int | None:
    return next((k for k, w in enumerate(words) if _lower(w) and norm_word(w) in FINITE), None)


def _opener_before(words: list[str], j: int) -> int | None:
    """The capitalised sentence opener nearest before word ``j`` ("At", "Nearly", "The")."""
    for k in range(j - 1, -1, -1):
        w = words[k]
        if cap_word(w) and not w[:1].isdigit() and norm_word(w) in OPENERS:
            return k
    return None


def tag_prefix(words: list[str], tag_word: Callable[[str], bool] | None) -> int:
    """How many of ``words`` are the outlet's tags: its tag words, up to the first clause.

    Example:
        >>> tags = {"homs", "syria", "regime", "airstrikes", "children", "shelling"}.__contains__
        >>> w = "Homs Syria Regime Airstrikes Children Regime shelling on Saturday killed six".split()
        >>> w[tag_prefix(w, tags)]
        'Regime'
    """
    if tag_word is None:
        return 0
    n = 0
    while n < len(words) and norm_word(words[n]) not in FUNCTION and tag_word(norm_word(words[n])) \
            and not sentence_end(words[n]):
        n += 1
    for m in range(len(words) - 1):  # a clause: "shelling on", "regime and"
        if _lower(words[m]) and norm_word(words[m]) not in FUNCTION and norm_word(words[m + 1]) in FUNCTION \
                and _lower(words[m + 1]):
            c = m
            while c > 0 and _lower(words[c]):
                c -= 1
            return min(n, c if cap_word(words[c]) else m)
    return n


def list_end(toks: list[re.Match], i: int, stop: int, *, repeated: Callable[[list[str]], bool] | None = None,
             tag_word: Callable[[str], bool] | None = None) -> int:
    """Index of the token where a list of headlines or tags that starts at token ``i`` ends
    (``stop`` when no prose starts before it): see the module docstring.

    Args:
        toks: the text's tokens.
        i: the first token after the cue.
        stop: the last token the list may reach, exclusive (the end of the line or text).
        repeated: says whether a run of words is repeated across the outlet's reports.
        tag_word: says whether a word is one of the outlet's tags (for tag lists).
    """
    for a, b, end in stretches(toks, i, stop):
        words = [toks[k].group() for k in range(a, b)]
        j = _first_finite(words)
        if j is None and not (end == "." and reads_as_prose(words, end=end)):
            continue  # headlines or tags: still the list
        k = _opener_before(words, j if j is not None else len(words))
        if k is None:
            k = tag_prefix(words[: j if j is not None else len(words)], tag_word)
        clause = words[k:]
        if not reads_as_prose(clause, end=end) or (repeated is not None and repeated(clause)):
            continue
        return a + k
    return stop


def byline_end(toks: list[re.Match], i: int, stop: int) -> int:
    """Index of the token where a byline whose cue starts at token ``i`` ("Reporting by ...")
    ends: its sentence end when the sentence is names and roles, else the names after the cue.

    Example:
        >>> t = tokens("Reporting by Ann Lee; Editing by Bo Ray. Shelling killed six.")
        >>> t[byline_end(t, 0, len(t)) - 1].group()
        'Ray.'
        >>> t = tokens("Compiled by Ann Lee regime jets were said to have struck the town.")
        >>> t[byline_end(t, 0, len(t)) - 1].group()
        'Lee'
    """
    spans = stretches(toks, i, stop)
    if not spans:
        return i
    a, b, end = spans[0]
    words = [toks[k].group() for k in range(a, b)]
    rest = [w for w in words if norm_word(w) not in BYLINE_WORDS]
    if _first_finite(words) is None and lower_share(rest) < PROSE_LOWER:
        return b
    k = next((n + 1 for n, w in enumerate(words[:4]) if w == "by"), 0)  # past "Reporting by"
    while k < len(words) and k < 12 and (cap_word(words[k]) or norm_word(words[k]) in ("and", "in")) \
            and not words[k][:1].isdigit():
        if sentence_end(words[k]) or words[k].endswith(";"):
            return a + k + 1
        k += 1
    return a + k


__all__ = ["FINITE", "byline_end", "list_end", "reads_as_prose", "sentence_end", "stretches", "tag_prefix",
           "tokens"]
