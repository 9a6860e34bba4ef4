"""Casualty-claim predicates: the verbs and nouns that make a count a casualty claim.

Two places govern a count: a casualty verb or noun before it (:func:`left_governor`: "killing
six", "the murder of two engineers", "the death toll rose to 45", "gunmen shot three boys"), or a
casualty predicate after its noun phrase (:func:`right_predicate`: "29 rebels were killed",
"four policemen were shot dead", "seven civilians sustained injuries", "two protesters were
shot and wounded"). The walk from a noun phrase to its predicate passes over what news English
puts between them: asides in commas, dashes, parentheses or brackets ("six Jesuits, five of them
Spaniards, were murdered"), relative and participial clauses ("two policemen guarding the
consulate were killed"), coordinated phrases ("120 soldiers and several dozen militiamen were
killed"), adverbs and auxiliaries. A transitive casualty verb with its own object makes the
count its agent ("three gunmen killed a policeman"): no claim.

"Shot", "stabbed", "hit" and "struck" with no outcome in the clause give ``casualties`` (the
guidelines); "shot dead", "shot and killed" give ``killed``; "shot and wounded" ``injured``.

Example:
    >>> from analysis.extract.claim_phrases import noun_phrase, sentence_view
    >>> from analysis.extract.claim_words import claim_words
    >>> v = sentence_view("Four policemen were shot dead in Peshawar.", claim_words())
    >>> right_predicate(v, 2, noun_phrase(v, 1)).category
    'killed'
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..resources.vocabulary import BE_FORMS, DETERMINERS, OBJECT_PRONOUNS, POSSESSIVES, PREPOSITIONS, SAY_VERBS
from .claim_phrases import Phrase, View, ends_phrase, is_participle, noun_phrase
from .claim_words import (
    AMONG_CUES,
    APPOSITIVE,
    COMBATANTS,
    GAP,
    HEAD_CUES,
    HEAD_NOUNS,
    LEFT_PATTERNS,
    LIST,
    LOST_PEOPLE,
    NEGATION_BEFORE,
    NEGATION_RIGHT,
    PERSON_KILL,
    REL_AUX,
    RIGHT_CUES,
    STOP_NP,
    TO_DEATH,
    TOLL_AFTER,
    TOLL_GAP_STOP,
    TRANSITIVE,
)
from .numbers import UNITS, Quantity


class Governor(NamedTuple):
    """A casualty verb or noun before a count.

    ``category`` is killed/injured/casualties, ``"hurt"`` (shot or stabbed: casualties unless an
    outcome follows the phrase), ``"negated"``, or None; ``cue`` is the token index of its first word.
    """

    category: str | None
    cue: int


class Predicate(NamedTuple):
    """A casualty predicate after a noun phrase.

    ``category`` as for :class:`Governor` (plus ``"agent"``: the count is the subject of an
    active casualty verb with its own object); ``end`` the token index after it; ``asides`` the
    token spans of asides passed on the way (their counts are subgroups of this claim).
    """

    category: str | None
    end: int
    asides: tuple[tuple[int, int], ...] = ()


# --------------------------------------------------------------------------- before the count

_TOLLS = frozenset({"toll", "toll_bare", "toll_other", "number_of"})


def negated(words: list[str], i: int, *, span: int = 3) -> bool:
    """Whether a negation, modal, threat or denial precedes the cue word at ``i``."""
    for j in range(max(0, i - span), i):
        w = words[j]
        if w == "may" and j > 0 and (words[j - 1][:1].isdigit() or words[j - 1] in ("in", "of", "since", "early", "late", "mid")):
            continue  # the month: "since 21 May have killed"
        if w in NEGATION_BEFORE:
            return True
    return False


def _clean_toll_gap(words: list[str], cue_i: int, first: int, cat: str) -> bool:
    """Whether the words between a toll noun and the count leave the count to the toll."""
    gap = words[cue_i + 1:first]
    if any(w in TOLL_GAP_STOP or w[:1].isdigit() or w in UNITS for w in gap):
        return False  # "the toll was likely to rise given several ...", "toll at 58 saying 11 ..."
    return not (words[first - 1] == "of" and len(gap) > 3 and cat != "number_of")  # "the toll from the siege of the city of 200000"


def _among_category(w: str) -> str:
    """The category named by "among the dead", "the number of wounded" ..."""
    if w == "victims":
        return "casualties"
    if w == "martyrs":
        return "killed"
    return RIGHT_CUES.get(w, HEAD_CUES.get(w, "killed"))


def _bare_toll(v: View, q: Quantity, np: Phrase) -> str | None:
    """Headline style "Death toll from Aleppo bomb attack at least 112": killed, unless the count is another."""
    words, first = v.words, q.first
    after = words[np.end] if np.end < len(words) else ""
    if (np.head in HEAD_NOUNS and np.head not in v.lex.victims) or after in RIGHT_CUES:
        return None
    if 0 < first < len(words) and words[first - 1] in ("in", "on", "of", "the", "and", "from", "by"):
        return None
    return "killed"


def _toll_to(v: View, q: Quantity) -> str | None:
    """"took to 89 the number of civilians killed", "brought to 45 the death toll"."""
    m = TOLL_AFTER.search(" ".join(v.words[q.first:q.first + 14]))
    if not m:
        return None
    return RIGHT_CUES.get(m.group("w") or "dead", "killed")


def _resolve(v: View, q: Quantity, np: Phrase, cat: str, m: re.Match[str]) -> str | None:
    """The category a left pattern gives this count, or None when it does not apply here."""
    if cat == "toll":
        return "killed"
    if cat == "killed_person":  # "destroyed 300 families" is no claim, "destroyed 80 terrorists" is
        return "killed" if np.head in COMBATANTS else None
    if cat == "lost":  # "the army lost 11 men"; "lost 3 tanks", "lost 40 seats" are none
        return "killed" if np.head in LOST_PEOPLE else None
    if cat in ("among", "number_of"):
        return _among_category(m.group("w"))
    if cat == "toll_bare":
        return _bare_toll(v, q, np)
    if cat == "toll_to":
        return _toll_to(v, q)
    if cat == "toll_other":
        return "casualties" if m.group("w").startswith("casualt") else "injured"
    return cat


def left_governor(v: View, q: Quantity, np: Phrase) -> Governor:
    """The casualty verb or noun that governs count ``q`` from before it (rule A)."""
    words, first = v.words, q.first
    lo = max(0, first - 28)
    left = " ".join(words[lo:first])
    best: tuple[int, Governor] | None = None
    for pat, cat in LEFT_PATTERNS:
        m = pat.search(left)
        if not m or (best is not None and m.end("cue") <= best[0]):
            continue  # the nearest cue governs ("killing seven and injuring a teacher and 19 others")
        cue_i = lo + left[:m.start("cue")].count(" ")
        if cat in _TOLLS and not _clean_toll_gap(words, cue_i, first, cat):
            continue
        if negated(words, cue_i):
            best = (m.end("cue"), Governor("negated", cue_i))
            continue
        category = _resolve(v, q, np, cat, m)
        if category is not None:
            best = (m.end("cue"), Governor(category, cue_i))
    return best[1] if best is not None else Governor(None, first)


# --------------------------------------------------------------------------- the predicate itself

#: Words after "shot" that make it no casualty verb ("shot down a jet", "shot at the crowd").
_SHOT_NOT = frozenset("down at back up off".split())
#: Nouns of wounds ("suffered gunshot wounds", "sustained head injuries").
_WOUNDS = frozenset("wounds wound injuries injury burns fractures".split())
#: Words that may stand between "suffered" and the wounds ("serious head", "gunshot").
_WOUND_MODIFIERS = frozenset(
    "serious severe minor light various critical multiple gunshot bullet shrapnel stab knife burn head chest "
    "shell fragment bodily life-threatening grave".split()
)
#: Outcomes after "shot and", "hit and", "stabbed and".
_AND_OUTCOME = {"killed": "killed", "wounded": "injured", "injured": "injured", "hurt": "injured"}


def _shot_cue(v: View, k: int, np: Phrase) -> tuple[str | None, int]:
    """"shot", "stabbed", "hit", "struck": killed with "dead"/"to death", else the outcome after "and", else hurt."""
    words, n, w = v.words, len(v.words), v.words[k]
    nxt = words[k + 1] if k + 1 < n else ""
    passive = k > 0 and words[k - 1] in BE_FORMS
    if w == "shot" and nxt in _SHOT_NOT and not (passive and nxt == "at" and words[k + 2:k + 3] != ["by"]):
        return None, k  # "shot down", "shot at by gunmen"; but "were shot at the parade"
    if w in ("hit", "struck") and not (passive and (np.person or np.head is None)):
        return None, k  # only people "were hit"; "the rocket hit", "three buildings were hit"
    if nxt == "dead":
        return "killed", k + 2
    if words[k + 1:k + 3] == ["to", "death"]:
        return "killed", k + 3
    if nxt == "and" and k + 2 < n and words[k + 2] in _AND_OUTCOME:
        return _AND_OUTCOME[words[k + 2]], k + 3
    return "hurt", k + 1


def _wounds_cue(v: View, k: int) -> tuple[str | None, int]:
    """"suffered gunshot wounds", "received bullet wounds", "sustained injuries", "have bullet wounds"."""
    words, n, w = v.words, len(v.words), v.words[k]
    for j in range(k + 1, min(n, k + 4)):
        if words[j] in _WOUNDS:
            if w in ("have", "had") and j == k + 1:
                return None, k  # "have wounds" alone is too weak; "have bullet wounds" is not
            return "injured", j + 1
        if words[j] not in _WOUND_MODIFIERS:
            break
    return None, k


#: Verbs of medical care that, with the wounds they name, say people were injured.
_CARE = frozenset("hospitalised hospitalized treated admitted".split())
#: Words between such a verb and "for"/"with" ("admitted to a local hospital with burns").
_CARE_LEAD = frozenset("for with to the a local hospital hospitals".split())


def _care_cue(v: View, k: int) -> tuple[str | None, int]:
    """"were hospitalised with gunshot wounds", "treated for injuries", "admitted to hospital with
    burns": injured. Care for anything else ("treated for smoke inhalation") is no claim."""
    words, n = v.words, len(v.words)
    j = k + 1
    while j < n and j < k + 6 and words[j] in _CARE_LEAD:
        j += 1
    if j == k + 1 or words[j - 1] not in ("for", "with"):
        return None, k
    return _wounds_cue(v, j - 1)


def _phrase_cue(v: View, k: int) -> tuple[str | None, int]:
    """Fixed phrases: "lost their lives", "fell victim", "were among the dead", "gunned down", "burned alive"."""
    words, n, w = v.words, len(v.words), v.words[k]
    nxt = words[k + 1] if k + 1 < n else ""
    if w in ("gunned", "mowed", "cut") and nxt == "down":
        return "killed", k + 2
    if w in ("burned", "burnt", "buried") and nxt == "alive":
        return "killed", k + 2
    if w in TO_DEATH and words[k + 1:k + 3] == ["to", "death"]:
        return "killed", k + 3  # "two women were stoned to death"
    if w in ("fatally", "mortally") and nxt in ("shot", "stabbed", "wounded", "injured", "hit", "struck", "hurt"):
        return "killed", k + 2
    if w == "lost" and k + 2 < n and nxt in ("their", "his", "her") and words[k + 2] in ("lives", "life"):
        return "killed", k + 3
    if w in ("fallen", "fell") and nxt in ("victims", "victim"):
        return "casualties", k + 2
    if w in ("among", "amongst") and k > 0 and words[k - 1] in ("were", "was", "are", "is") and k + 2 < n \
            and nxt in ("the", "those") and words[k + 2] in AMONG_CUES:
        return AMONG_CUES[words[k + 2]], k + 3
    return None, k


#: What may follow "killed, wounded" (or a headline's "Killed Injured") when both are outcomes of one
#: count: a preposition, a clause mark, the end. Anything else makes "wounded" the adjective of a
#: new phrase ("two were killed, wounded passengers were taken to hospital").
_CLAUSE_GOES_ON = PREPOSITIONS | frozenset(", . ; : - as when while after and or by".split())


def cue_at(v: View, k: int, np: Phrase) -> tuple[str | None, int]:
    """A casualty predicate starting at word ``k``: (category, index after it), or (None, k)."""
    words, w = v.words, v.words[k]
    if w in RIGHT_CUES and w != "death":
        if RIGHT_CUES[w] == "killed":  # "killed and wounded", "killed, injured", headlines' "Killed Injured"
            j = k + 2 if words[k + 1:k + 2] in (["or"], ["and"], [","], ["/"]) else k + 1
            if j < len(words) and words[j] in ("wounded", "injured", "hurt") \
                    and (j == k + 2 and words[k + 1] != "," or j + 1 == len(words) or words[j + 1] in _CLAUSE_GOES_ON):
                return "casualties", j + 1
        return RIGHT_CUES[w], k + 1
    if w in ("shot", "stabbed", "hit", "struck"):
        return _shot_cue(v, k, np)
    if w in ("received", "sustained", "suffered", "have", "had") or (w == "with" and k == np.end):
        return _wounds_cue(v, k)  # also "left 9 with serious injuries", "two boys with gunshot wounds"
    if w == "left" and 0 < k < len(words) - 1 and words[k - 1] in BE_FORMS:  # "dozens were left injured"
        cat, end = cue_at(v, k + 1, np)
        return (cat, end) if cat is not None else (None, k)
    if w in _CARE:
        return _care_cue(v, k)
    return _phrase_cue(v, k)


#: Words after a verb that begin its object ("killed a policeman", "shot dead the mayor").
_OBJECT_START = (DETERMINERS | POSSESSIVES | OBJECT_PRONOUNS) - {"that", "all", "no", "each", "both", "some"}
#: Words after which a count is no subject (so never the agent of its verb): it is an object
#: ("left 20 others wounded the monitor said", in reports without commas) or in a prepositional phrase.
_NOT_SUBJECT_AFTER = PREPOSITIONS | DETERMINERS | frozenset("and , left leaving leave leaves including".split())
#: Time words after "the": "were killed the day before" is no object.
_TIME_AFTER_THE = frozenset("day night week month year previous same following next last morning evening weekend".split())


def _object_starts(v: View, k: int) -> bool:
    """Whether an object noun phrase starts at ``k``: a determiner or pronoun, or an age ("65-year-old").

    A bare name is not taken as an object: headlines run into their source ("50 rebels killed NGO").
    """
    w = v.words[k]
    return w in _OBJECT_START or (w[:1].isdigit() and k not in v.starts and "-" in w)


def _has_object(v: View, q_first: int, k: int, after: int) -> bool:
    """Whether the active casualty verb at ``k`` (ending at ``after``) takes its own non-numeric object.

    "Three gunmen killed a policeman": the count (starting at ``q_first``) is the agent. Only a
    count that opens its clause can be; a passive ("were killed the day before"), a participle
    after an auxiliary, and a source after the verb ("20 others wounded the monitor said", in
    reports without commas) are not objects.
    """
    words, n = v.words, len(v.words)
    if words[k] not in TRANSITIVE or after >= n or not _object_starts(v, after):
        return False
    if k > 0 and (words[k - 1] in BE_FORMS or words[k - 1] in ("have", "has", "had", "got")):
        return False
    if q_first > 0 and words[q_first - 1] in _NOT_SUBJECT_AFTER:
        return False  # "left 20 others wounded the ...", "of the 45 civilians killed the ..."
    if after + 1 < n and words[after + 1] in _TIME_AFTER_THE:
        return False
    tail = words[after + 1:after + 9]
    tail = tail[:tail.index(",")] if "," in tail else tail
    return not any(w in SAY_VERBS for w in tail)  # "... wounded the SOHR added" (no commas): a source


def _own_object(v: View, k: int, after: int, np: Phrase) -> bool:
    """Whether the verb at ``k`` has a count as its own object ("kidnapped 900 executed 18").

    Not when that count is itself followed by a predicate ("6 killed 12 wounded").
    """
    words = v.words
    q2 = v.starts.get(after) if words[k] in TRANSITIVE else None
    if q2 is None:
        return False
    np2 = noun_phrase(v, q2.num_end)
    k2 = np2.end if np2.head else q2.num_end
    return k2 >= len(words) or right_predicate(v, k2, np2, nested=True).category is None


# --------------------------------------------------------------------------- between phrase and predicate

_DASHES = frozenset({"-", "\u2013", "\u2014"})
#: Words that open an aside on the people just counted ("- most of them fighters -", "mostly children").
_APPOSITIVE_WORDS = frozenset("mostly mainly most many all some including largely predominantly among both".split())
_CLOSERS = {"(": ")", "[": "]"}
_CLAUSE_END = frozenset(".;:?!")


def aside_end(v: View, k: int) -> int | None:
    """Index after a balanced aside starting at ``k``: "( ... )", "[ ... ]", "-- ... --", "- ... -".

    None when it does not close within 25 tokens or holds the end of a clause.
    """
    words, n = v.words, len(v.words)
    opener = words[k]
    if opener in _CLOSERS:
        closer, j = _CLOSERS[opener], k + 1
    elif opener in _DASHES:
        closer, j = opener, k + 1
        while j < n and words[j] == opener:
            j += 1  # "--" is two tokens
    else:
        return None
    for i in range(j, min(n, k + 25)):
        if words[i] in _CLAUSE_END:
            return None
        if words[i] == closer:
            end = i + 1
            while end < n and words[end] == closer and opener in _DASHES:
                end += 1
            return end
    return None


def _comma_aside_end(v: View, k: int, np: Phrase) -> int | None:
    """After an aside in commas or a dash that ends on the predicate's auxiliary or cue.

    "two men, identified as Ramon Ortiz and Luis Perez, were found", "six Jesuits, five of them
    Spaniards, were murdered", "two brothers, aged 14 and 16, were shot", "25 people - most of
    them civilians - died". Counts may stand inside when the aside lists a subgroup or ages.
    """
    words, n = v.words, len(v.words)
    complement = np.head is not None and words[k] in ("of", "from", "on", "in", "belonging")
    if not (words[k] in APPOSITIVE or complement) or words[k] == "(":
        return None  # a parenthesis is read whole: see aside_end
    if words[k] in _DASHES and not (k + 1 < n and words[k + 1] in _APPOSITIVE_WORDS):
        return None  # a dash aside must close ("-- five Spaniards and one Salvadoran --"): see aside_end
    counts_ok = words[k] in ("including", "among") or (k + 1 < n and words[k + 1] in ("aged", "ages"))
    kk = k + 1
    while kk < n and kk < k + 15:
        w = words[kk]
        inner = aside_end(v, kk) if w in ("(", "[") else None
        if inner is not None:
            kk = inner  # "16 members of the 'X' (the militia that fights Y) died"
            continue
        if w in RIGHT_CUES or w in ("were", "was", "have", "had", "are", "who", "which", "that", "when", "while"):
            break
        q = v.starts.get(kk)
        if q is not None or w in UNITS:  # a count inside: a subgroup ("five of them Spaniards") or ages
            if not (counts_ok or (q is not None and words[q.num_end:q.num_end + 2] in (["of", "them"], ["of", "whom"]))):
                break
        elif w[:1].isdigit():
            pass  # a year or an ordinal: "of the 93rd Brigade", "in 1989"
        elif not (w[:1].isalpha() or w in ('"', "-", "\u201c", "\u201d", "'", "(", ")", ",", "[", "]")):
            break
        kk += 1
    if kk >= n or not (words[kk] in RIGHT_CUES or words[kk] in ("were", "was", "have", "had", "are")):
        return None
    if words[k] == "," and words[kk - 1] != ",":
        return None  # an aside in commas closes with a comma: "two men, identified as ..., were"
    if complement and not np.person and words[kk] in RIGHT_CUES:
        return None  # "24 Warplane Crashes in Syria All Crew Members Dead": no subject of "dead"
    return kk


def _relative_clause_end(v: View, k: int) -> int | None:
    """Index of the main verb's auxiliary after a relative clause with its own verb at ``words[k]``.

    "fighters who guarded the buses were killed" -> the index of "were"; ``None`` when the
    clause holds a number, a negation or the end of the sentence first.
    """
    words = v.words
    for j in range(k + 2, min(len(words), k + 13)):
        w = words[j]
        if w[:1].isdigit() or w in UNITS or w in NEGATION_RIGHT or w in _CLAUSE_END:
            return None
        if w in REL_AUX and words[j - 1] not in REL_AUX and words[j - 1] not in ("who", "that"):
            return j
    return None


_QUOTES = frozenset('" \u201c \u201d \''.split())


def _relative_predicate(v: View, k: int, np: Phrase) -> tuple[str, int] | None:
    """A casualty predicate inside a relative clause on the counted people: "who were wounded"."""
    words, j = v.words, k + 1
    while j < len(words) and words[j] in _QUOTES:
        j += 1
    first = j
    while j < len(words) and j < first + 3 and words[j] in ("were", "was", "are", "is", "had", "have", "has", "been", "later", "also"):
        j += 1
    if j >= len(words):
        return None
    cat, after = cue_at(v, j, np)
    if cat is not None and j == first and words[j] in TRANSITIVE:
        return "agent", j  # "one of the two officers who shot the minister": they did the shooting
    return (cat, after) if j > first and cat not in (None, "negated") else None


def _participle_clause_end(v: View, k: int) -> int | None:
    """"two policemen guarding the consulate in Peshawar were killed": the index of "were"."""
    words = v.words
    if not is_participle(words[k], v.lex) or words[k] in RIGHT_CUES:
        return None
    for j in range(k + 1, min(len(words), k + 10)):
        w = words[j]
        if w[:1].isdigit() or w in UNITS or w in NEGATION_RIGHT or w in _CLAUSE_END or w in ("and", ","):
            return None
        if w in ("were", "was"):
            return j
    return None


def _skip_at(v: View, k: int, np: Phrase) -> tuple[int, tuple[int, int] | None] | None:
    """Pass over a construction at ``k`` between a phrase and its predicate: (new index, aside span)."""
    words, n, w = v.words, len(v.words), v.words[k]
    end = aside_end(v, k)
    if end is not None:
        return end, (k, end)
    if w in ("who", "that") and np.head is not None and not np.thing and words[k - 1] == np.head:
        j = _relative_clause_end(v, k)
        return (j, None) if j is not None else None
    if k > 0 and words[k - 1] == np.head:
        j = _participle_clause_end(v, k)
        if j is not None:
            return j, None
    if w in ("between", "aged") and "old" in words[k + 1:k + 7]:
        return words.index("old", k + 1) + 1, None  # "eight pupils between 7 and 12 years old were killed"
    if k in v.starts and k > 0 and words[k - 1] in ("and", ","):
        q = v.starts[k]  # "120 soldiers and several dozen militiamen were killed"
        np2 = noun_phrase(v, q.num_end)
        end = max(np2.end, q.num_end)
        after_of = _comma_aside_end(v, end, np2) if end < n and words[end] == "of" else None
        return (after_of if after_of is not None else end), None
    if w in ("a", "an") and k > 0 and words[k - 1] in ("and", ",") and k + 1 < n and not ends_phrase(v, k + 1):
        j = k + 1  # "two members and a Policeman were shot dead"
        while j < n and j < k + 4 and not ends_phrase(v, j):
            j += 1
        return j, None
    if w == "at" and k + 1 < n and words[k + 1] in ("least", "most"):
        return k + 2, None  # "125 terrorists at least were killed"
    return None


def _passable(v: View, k: int) -> bool:
    """A word the walk to the predicate may step over (auxiliaries, adverbs, list words, people)."""
    words, n, w = v.words, len(v.words), v.words[k]
    lex = v.lex
    if w in GAP or w in LIST or w in lex.victims or w + "s" in lex.victims or w[:1].isdigit() or w in UNITS:
        return True
    if w.endswith("ly") and len(w) > 4:
        return True  # "mercilessly massacred", "slightly injured"
    return w[:1].isalpha() and w not in STOP_NP and (
        any(x in lex.victims for x in words[k + 1:k + 3])
        or (k + 2 < n and words[k + 1] == "and" and (words[k + 2][:1].isdigit() or words[k + 2] in UNITS)
            and not is_participle(w, lex)))  # "allied militiamen", "Syrian and 20"; not "destroyed and 20"


def _relative_aside_end(v: View, k: int) -> int | None:
    """After ", 11 of whom were children," (a subgroup aside with its own verb): the index after its comma."""
    words = v.words
    if k == 0 or words[k - 1] != ",":
        return None
    for j in range(k + 3, min(len(words), k + 14)):
        if words[j] in _CLAUSE_END:
            return None
        if words[j] == ",":
            return j + 1
    return None


def _cue_within(v: View, k: int, np: Phrase, span: int) -> bool:
    """Whether a casualty predicate starts within ``span`` words from ``k``."""
    return any(cue_at(v, j, np)[0] is not None for j in range(k, min(len(v.words), k + span)))


def right_predicate(v: View, k: int, np: Phrase, *, nested: bool = False, q_first: int = 0) -> Predicate:
    """The casualty predicate after a noun phrase ending at ``k`` (rule B); ``q_first``: where its count starts."""
    words, n = v.words, len(v.words)
    asides: list[tuple[int, int]] = []
    if k < n:
        end = _comma_aside_end(v, k, np)
        if end is not None:
            if words[k] in (",", "-", "\u2013", "\u2014"):
                asides.append((k, end))  # its counts are subgroups ("six Jesuits, five of them Spaniards,")
            k = end
    steps, saw_and = 0, False
    while k < n and steps < 12:
        w = words[k]
        cat, after = cue_at(v, k, np)
        if cat is not None:
            if nested:
                return Predicate(cat, after)
            if _has_object(v, q_first, k, after) or _own_object(v, k, after, np):
                return Predicate("agent", k)
            if saw_and and words[k - 1] == "and" and w in ("injured", "wounded", "killed", "hurt") and after in v.starts:
                return Predicate(None, k)
            return Predicate(cat, after, tuple(asides))
        if w in ("who", "that", "which") and np.head is not None and not nested:
            rel = _relative_predicate(v, k, np)
            if rel is not None:  # "six Jesuit priests that were murdered on 16 November"
                return Predicate(rel[0], rel[1], tuple(asides) if rel[0] != "agent" else ())
        if w in NEGATION_RIGHT:  # "were not killed"; but "have never stood trial" negates another verb
            return Predicate("negated" if _cue_within(v, k + 1, np, 4) else None, k)
        if np.head in COMBATANTS and w in PERSON_KILL and words[k - 1] != "was":
            return Predicate("killed", k + 1, tuple(asides))  # "80 fighters ... were destroyed"
        if k in v.starts and words[v.starts[k].num_end:v.starts[k].num_end + 2] in (["of", "whom"], ["of", "which"]):
            end = _relative_aside_end(v, k)
            if end is None:
                return Predicate(None, k)  # "36 people, 11 of whom have bullet wounds": the wounds are the 11's
            asides.append((k - 1, end))
            k = end
            steps += 1
            continue
        skip = _skip_at(v, k, np)
        if skip is not None:
            k = skip[0]
            if skip[1] is not None:
                asides.append(skip[1])
        elif k in v.starts and k == np.end and np.head is not None and not np.person:
            return Predicate(None, k)  # a count right after an unknown head opens its own clause ("... Towns Resumes Six people")
        elif _passable(v, k):
            saw_and = saw_and or w == "and"
            k += 1
        else:
            return Predicate(None, k)
        steps += 1
    return Predicate(None, k)
