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
