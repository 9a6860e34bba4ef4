"""Casualty-claim noun phrases: who a count counts, as news English writes it.

The noun phrase after a number is read as it occurs, whatever its head: "six Jesuit priests",
"two Maoist cadres", "five U.S. soldiers", "two Students Islamic Movement of India (SIMI)
members", "three of the 12 hostages", "one of his bodyguards", "two of the minister's aides".
The head is the last word of the phrase's run of content words (``victims`` keeps it as
written); closed lists only say what a phrase is not: counted things (``things`` of the casualty
lexicon), function words, casualty words, adverbs and participles that begin a predicate.

Example:
    >>> v = sentence_view("Six Jesuit priests were killed.", claim_words())
    >>> noun_phrase(v, 1)
    Phrase(head='priests', end=3, thing=False, person=False, modifier=None)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..resources.vocabulary import (
    BE_FORMS,
    CONJUNCTIONS,
    DETERMINERS,
    HAVE_FORMS,
    MODALS,
    MONTHS,
    OBJECT_PRONOUNS,
    POSSESSIVES,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    TIME_ADVERBS,
    WEEKDAYS,
)
from ..resources.vocabulary import IRREGULAR_PAST, SAY_VERBS
from .claim_words import (
    CASUALTY_MODIFIERS,
    GAP,
    HEAD_NOUNS,
    KILLED_MODIFIERS,
    NEGATION_RIGHT,
    PHRASE_CUES,
    STOP_NP,
    ClaimWords,
    claim_words,  # noqa: F401 (used by the examples)
)
from .numbers import UNITS, Quantity, Token, find_quantities, tokenize


class View(NamedTuple):
    """One sentence as the claim grammar reads it.

    ``words`` are lower case, except that a mixed-case "IS" is the Islamic State ("isis"), not
    the verb; ``upper`` says the sentence is written in capitals (wire text); ``starts`` maps the
    token index where a count starts (with its hedge) to the count.
    """

    text: str
    toks: list[Token]
    words: list[str]
    counts: list[Quantity]
    starts: dict[int, Quantity]
    lex: ClaimWords
    upper: bool


class Phrase(NamedTuple):
    """The noun phrase after a number.

    Attributes:
        head: its head noun, lower case as written ("priests"), or None (a bare number).
        end: the token index after the phrase.
        thing: the head counts things ("18 trucks"), not people.
        person: the head is a known person noun or a casualty noun ("civilians", "bodies").
        modifier: the category of a casualty adjective inside it ("two wounded soldiers").
    """

    head: str | None
    end: int
    thing: bool = False
    person: bool = False
    modifier: str | None = None


def is_upper(text: str) -> bool:
    """Whether a sentence is written in capitals (at least 8 letters, nearly all upper case).

    Example:
        >>> is_upper("SIX JESUITS WERE MURDERED."), is_upper("The IS fighters fled.")
        (True, False)
    """
    if text.isupper():
        return len(_UPPER_LETTER.findall(text)) >= 8
    lower = len(_LOWER_LETTER.findall(text))
    if lower * 10 > len(text):
        return False  # mixed case: no need to count the capitals
    upper = len(_UPPER_LETTER.findall(text))
    return upper + lower >= 8 and upper >= 0.9 * (upper + lower)


_UPPER_LETTER = re.compile(r"[A-Z]")
_LOWER_LETTER = re.compile(r"[a-z]")


def sentence_view(text: str, lex: ClaimWords) -> View:
    """Tokens, lower-case words and counts of one sentence.

    Example:
        >>> v = sentence_view("IS fighters killed 12 people.", claim_words())
        >>> v.words[:2], [q.min for q in v.counts]
        (['isis', 'fighters'], [12])
    """
    toks = tokenize(text)
    upper = is_upper(text)
    words = [t.low if upper or t.text != "IS" else "isis" for t in toks]
    counts = [q for q in find_quantities(text, tokens=toks) if q.kind == "count"]
    return View(text, toks, words, counts, {q.first: q for q in counts}, lex, upper)


def is_cased(v: View) -> bool:
    """Whether capitals mark names in this sentence: not wire text in capitals, not a headline in
    title case ("Strikes Kill 20 Civilians in Idlib": nearly all content words capitalised)."""
    return not v.upper and not _title_case(v.text)


@lru_cache(maxsize=256)
def _title_case(text: str) -> bool:
    words = [w for w in _LONG_WORD.findall(text) if w.lower() not in FUNCTION_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.8 * len(words)


_LONG_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b|\b[A-Z]{4,}\b")


#: Words that end a noun phrase's run of content words.
FUNCTION_WORDS = (STOP_NP | DETERMINERS | POSSESSIVES | SUBJECT_PRONOUNS | OBJECT_PRONOUNS | PREPOSITIONS
                   | CONJUNCTIONS | BE_FORMS | HAVE_FORMS | MODALS | NEGATION_RIGHT | (GAP - {"other", "others", "more"})
                   | frozenset(MONTHS) | frozenset(WEEKDAYS) | IRREGULAR_PAST | TIME_ADVERBS
                   | frozenset("who whom whose which that where there here than then also only".split())) - {"others"}
#: Words after "of" that open a partitive ("three of the 12 hostages", "one of his bodyguards").
_PARTITIVE_DETERMINERS = frozenset({"the", "these", "those", "his", "her", "its", "their", "our", "my", "your"})
#: "of them", "of whom": a partitive on the people just named ("five of them Spaniards").
PARTITIVE_PRONOUNS = frozenset({"them", "whom", "us"})
#: Words that open a phrase without being its head ("other", "more", "additional").
_LEADING_MODIFIERS = frozenset("other more additional further".split())
#: Nouns ending in -ing or -ed that are people, not participles.
_NOT_PARTICIPLES = frozenset("sibling siblings offspring king kings underling underlings ahmed mohammed".split())
#: The longest run of content words read as one noun phrase.
_MAX_RUN = 6


def ends_phrase(v: View, k: int) -> bool:
    """Whether word ``k`` cannot be part of a noun phrase's run of content words."""
    w = v.words[k]
    if not w[:1].isalpha() or w in FUNCTION_WORDS or w in PHRASE_CUES or w in UNITS or k in v.starts:
        return True
    return w.endswith("ly") and len(w) > 4 and w not in v.lex.victims  # "reportedly", "fatally"


def is_participle(w: str, lex: ClaimWords) -> bool:
    """A word that reads as a verb form when it ends a phrase ("grazing", "accused", "guarding")."""
    if w in lex.victims or w in _NOT_PARTICIPLES or w in lex.things:
        return False
    return (w.endswith("ing") and len(w) > 5) or (w.endswith("ed") and len(w) > 4)


def after_brackets(words: list[str], k: int) -> int:
    """Index after an editor's insertion "[...]" starting at ``k`` (``k`` itself if none closes it)."""
    for j in range(k + 1, min(len(words), k + 12)):
        if words[j] == "]":
            return j + 1
    return k


def _after_partitive(v: View, j: int) -> int | None:
    """Where the noun of a partitive starts: "of the 12 hostages" -> "hostages"; None for "of them".

    ``j`` is the index of "of". Determiners, a possessive noun ("the minister's") and a total
    ("of the 12") are passed over.
    """
    words, n = v.words, len(v.words)
    k = j + 1
    if k < n and words[k] in PARTITIVE_PRONOUNS:
        return None
    if k < n and words[k] in _PARTITIVE_DETERMINERS:
        k += 1
        if k < n and words[k].endswith(("'s", "\u2019s", "s'")) and len(words[k]) > 3:
            k += 1  # "of the minister's bodyguards"
    q = v.starts.get(k)
    if q is not None and k > j + 1:
        k = q.num_end  # the total of a partitive: "three of the 12 hostages"
    return k


def _name_then_acronym(v: View, k: int) -> int | None:
    """After "of India (SIMI)" at ``k`` (a name with its acronym inside a phrase), the index after ")".

    "two Students Islamic Movement of India (SIMI) members": the name and acronym modify the
    head that follows them. None when the shape does not match.
    """
    words, n = v.words, len(v.words)
    if not (k < n and words[k] == "of"):
        return None
    j = k + 1
    while j < n and j < k + 7 and words[j] != "(" and (words[j][:1].isalpha() and words[j] not in FUNCTION_WORDS):
        j += 1
    if j == k + 1 or j + 2 >= n or words[j] != "(" or words[j + 2] != ")":
        return None
    return j + 3 if j + 3 < n and not ends_phrase(v, j + 3) else None


def _modifier_at(v: View, k: int) -> str | None:
    """The category of a casualty adjective before a person noun ("wounded soldiers", "injured persons")."""
    words = v.words
    w = words[k]
    category = CASUALTY_MODIFIERS.get(w) or (KILLED_MODIFIERS.get(w) if k > 0 and words[k - 1] in _PARTITIVE_DETERMINERS else None)
    if category is None or k + 1 >= len(words):
        return None
    nxt = words[k + 1]
    if nxt in v.lex.victims or (nxt.endswith("s") and not ends_phrase(v, k + 1) and nxt not in v.lex.things):
        return category
    return None


def _noun_like(v: View, k: int) -> bool:
    """Whether word ``k`` can end a phrase before a participle ("others received", "herders grazing")."""
    w = v.words[k]
    return w in v.lex.victims or (w.endswith("s") and len(w) > 3)


def _compound_goes_on(v: View, k: int) -> bool:
    """Whether the phrase goes on after the person noun at ``k``: "family members", "Syrian activists"."""
    words, n = v.words, len(v.words)
    if words[k] == "others" or k + 1 >= n or ends_phrase(v, k + 1):
        return False
    if k > 0 and v.toks[k].text[:1].isupper() and v.toks[k + 1].text[:1].isupper() and is_cased(v):
        return True  # a name: "two Students Islamic Movement of India (SIMI) members"
    nxt = words[k + 1]
    if nxt in v.lex.victims:
        return nxt != "others"
    plural = nxt.endswith("s") and len(nxt) > 3 and not is_participle(nxt, v.lex) and nxt not in v.lex.things
    if k + 2 < n and words[k + 2] in SAY_VERBS:
        return False  # "killed 5 civilians activists said" (no commas): the next noun is the source
    return plural and (k + 2 >= n or ends_phrase(v, k + 2))


def _run(v: View, k: int) -> tuple[int, int, str | None]:
    """The run of content words from ``k``: (first index, index after it, casualty modifier)."""
    words, n = v.words, len(v.words)
    first, limit, modifier = k, k + _MAX_RUN, None
    while k < n and k < limit:
        w = words[k]
        if w == "[":
            nxt = after_brackets(words, k)
            if nxt == k:
                break
            limit += nxt - k
            k = nxt
            continue
        if k == first and w in _LEADING_MODIFIERS:
            if w == "more" and not _compound_goes_on(v, k):
                break  # "dozens more", "wounded dozens more media said"
            first = k = k + 1  # "80 other wounded persons", "15 other injured", "two more civilians"
            continue
        if k == first and modifier is None and _modifier_at(v, k):
            modifier = _modifier_at(v, k)
            first = k = k + 1
            continue
        if w in HEAD_NOUNS:
            return first, k + 1, modifier
        if w in v.lex.victims and not _compound_goes_on(v, k):
            return first, k + 1, modifier  # "14 others local activists said": the head is "others"
        if w == "and" and k > first and k + 1 < n and not ends_phrase(v, k + 1) and not is_participle(words[k + 1], v.lex) \
                and not any(x in v.lex.victims or x in v.lex.things for x in words[first:k]):
            k += 1  # "regime and rebel fighters", not "people and driven", "10 cows and stole"
            continue
        if ends_phrase(v, k) or (k > first and is_participle(w, v.lex) and _noun_like(v, k - 1)):
            after_name = _name_then_acronym(v, k) if k > first else None
            if after_name is None:
                break
            limit, k = after_name + _MAX_RUN, after_name
            continue
        k += 1
    return first, k, modifier


def noun_phrase(v: View, j: int) -> Phrase:
    """The noun phrase after a number ending at token ``j``.

    Example:
        >>> v = sentence_view("Three of the 12 hostages were killed.", claim_words())
        >>> noun_phrase(v, 1)
        Phrase(head='hostages', end=5, thing=False, person=True, modifier=None)
    """
    words, lex = v.words, v.lex
    k = j
    if k < len(words) and words[k] == "]":
        k += 1  # a count an editor bracketed: "at least [9] persons died"
    if k < len(words) and words[k] == "of":
        after = _after_partitive(v, k)
        if after is None:
            return Phrase(None, k + 2)
        k = after
    first, end, modifier = _run(v, k)
    while end > first and words[end - 1] not in HEAD_NOUNS and is_participle(words[end - 1], lex):
        end -= 1  # "14 herders grazing ...", "two policemen guarding ...": a verb, not the head
    while end > first and words[end - 1] in ("and", "]", "["):
        end -= 1
    if end == first:
        return Phrase(None, j if k == j or modifier is None else k, modifier=modifier)
    head = words[end - 1]
    person = head in lex.victims or head in HEAD_NOUNS or (head + "s") in lex.victims
    if not person and head not in lex.things and not _plausible_head(v, first, end):
        return Phrase(None, j, modifier=modifier)  # "rises to 70 REUTERS Social Media Website Middle East"
    return Phrase(head, end, head in lex.things, person, modifier)


def _plausible_head(v: View, first: int, end: int) -> bool:
    """Whether an unknown word ending the run ``words[first:end]`` can be its head: a short phrase
    or a plural, and not a modifier shared with the next count ("30 regime and 39 rebel fighters")."""
    head, length, words = v.words[end - 1], end - first, v.words
    if not head.endswith("s") and words[end:end + 1] in (["and"], ["or"]) and end + 1 in v.starts \
            and words[first - 1] not in ("one", "1", "a", "an"):
        return False  # but "one adult and four minors"
    return length <= 3 or (head.endswith("s") and length <= _MAX_RUN)
