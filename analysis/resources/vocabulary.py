"""The shared vocabulary: closed English word lists that several rules read, defined once.

Rules that need their own subset build it here from the shared lists, under a name that says
what it is for (``SOURCE_CUES`` for casualty sources, ``STANCE_VERBS`` for speaker roles), so
a change to English coverage is made in one place. Lists of a conflict's parties are not
here: they belong to the lexicons (``actors.yml``, ``labels.yml``).

Example:
    >>> "said" in SAY_VERBS and "denied" in SAY_VERBS and "denied" not in SOURCE_CUES
    True
    >>> alternation(["said", "pointed out", "says"])
    'pointed out|said|says'
"""

from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so no word hides a longer one).

    Words are written as regex fragments (spaces match a space); the order is deterministic.
    """
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------- calendar

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

# --------------------------------------------------------------------------- numbers and units

#: Number words by value ("fourty" is a common misspelling), scales, ordinals.
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twentieth hundredth thousandth".split()
)
DURATION_UNITS = frozenset(
    "year years yr yrs month months week weeks day days hour hours minute minutes second "
    "seconds decade decades century centuries night nights".split()
)
MEASURE_UNITS = frozenset(
    "km kms kilometers kilometres kilometer kilometre miles mile meters metres meter metre "
    "feet foot kg kilograms tons tonnes ton m mm cm hectares acres".split()
)
MONEY_WORDS = frozenset("dollars dollar usd euros euro pounds pound lira liras pounds riyals".split())
PERCENT_WORDS = frozenset("percent per cent pct".split())


# --------------------------------------------------------------------------- verbs

#: Auxiliary verbs by lemma.
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being"})
HAVE_FORMS = frozenset({"has", "have", "had"})
DO_FORMS = frozenset({"do", "does", "did"})
MODALS = frozenset({"will", "would", "could", "should", "must", "may", "might", "can", "cannot"})

#: Past forms of irregular verbs that news reports use after a subject ("12 people fled"): they
#: end a noun phrase (a closed class; regular verbs end in -ed).
IRREGULAR_PAST = frozenset(
    """fled left went came took made saw got fell held led met ran sent spent stood told won gave fought
    caught brought bought kept began broke drove rode threw wore hid became stole sank flew rose spoke
    wrote sought thought meant felt heard paid laid sold built hung dug lit""".split()
)

#: Verbs of saying: a speaker says, reports, claims, denies... (attributions of speech).
SAY_VERBS = frozenset(
    """said says say told tells stated announced announces added adds reported reports claimed
    claims denied denies accused accuses confirmed confirms warned warns insisted insists noted
    notes stressed stresses affirmed affirms declared declares explained explains asserted
    asserts tweeted wrote writes estimated estimates indicated indicates alleged alleges revealed
    reveals argued argues acknowledged admitted mentioned quoted cited documented recorded
    counted""".split()
) | {"pointed out", "points out"}
#: Verbs of saying that take a stance rather than report: not a source for a number.
DISPUTE_VERBS = frozenset(
    """accused accuses denied denies warned warns insisted insists alleged alleges argued argues
    asserted asserts declared declares stressed stresses acknowledged admitted""".split()
)
#: Verbs that report a count ("put the toll at", "gave a toll", "listed", "tallied").
TOLL_VERBS = frozenset(
    "citing documents gave given informed listed lists put records reporting saying specified states tallied".split()
)
#: Verbs a casualty toll is sourced by: saying that reports, not disputes.
SOURCE_CUES = (SAY_VERBS - DISPUTE_VERBS - frozenset(
    "affirms explains indicates mentioned notes reveals writes".split()) - {"points out"}) | TOLL_VERBS
#: Verbs after which a mention is a speaker taking a stance (blames, urges, condemns...), for roles.
STANCE_VERBS = SAY_VERBS | frozenset(
    """saying accusing claiming denying reporting blamed blames blaming condemned condemns quotes
    cites urged urges called calls documents records described describes vowed threatened
    rejected rejects dismissed welcomed expressed demanded demands repeated reiterated""".split()
) | {r"put the toll", r"put the death toll", r"raised the (?:death )?toll", r"gave (?:a|the) (?:death )?toll"}

# --------------------------------------------------------------------------- function words

#: Closed classes of English function words (lower case).
DETERMINERS = frozenset("the a an this that these those each every all both some any no another either neither".split())
POSSESSIVES = frozenset("his her its their our my your whose".split())
SUBJECT_PRONOUNS = frozenset("he she it they we i you".split())
OBJECT_PRONOUNS = frozenset("him her it them us me you".split())
PREPOSITIONS = frozenset(
    """in on at by from with into onto near during after before since for of to about against among amid
    amidst between through throughout under over outside inside across along alongside around behind
    beyond toward towards upon via within without despite off""".split()
)
CONJUNCTIONS = frozenset("and or but nor yet while whereas although though because if unless when whenever".split())
#: Adverbs of time that stand where a noun could ("killed 12 yesterday").
TIME_ADVERBS = frozenset("yesterday today tomorrow tonight overnight ago earlier recently meanwhile".split())
#: Words that open a sentence and never follow an abbreviation inside one ("... by the U.S. The
#: government denied it."): determiners, subject pronouns, possessives, prepositions, linking words.
SENTENCE_OPENERS = (DETERMINERS | SUBJECT_PRONOUNS | POSSESSIVES | PREPOSITIONS | CONJUNCTIONS
                    | frozenset("there however meanwhile later earlier also then".split())) - {"of", "to", "off"}

# --------------------------------------------------------------------------- people

#: Heads of armed men whom reports count when they are killed ("80 terrorists were destroyed").
COMBATANT_NOUNS = frozenset(
    "terrorists militants fighters gunmen insurgents jihadists mercenaries extremists rebels militiamen".split()
)
#: Generic words for an armed party that name no party themselves ("the militants").
GENERIC_PARTY_WORDS = COMBATANT_NOUNS - {"mercenaries", "militiamen"}

# --------------------------------------------------------------------------- words

#: A word: a run of letters or digits, with inner hyphens and apostrophes kept ("al-Assad's").
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str | None) -> int:
    """Number of words (:data:`WORD`) in ``text``; the rule of ``documents.n_words`` and of frames.

    Example:
        >>> count_words("Air-strikes hit al-Bab's market.")
        4
    """
    return len(WORD.findall(text or ""))
