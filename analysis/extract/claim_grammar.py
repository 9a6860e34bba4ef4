"""Casualty-claim grammar: which counts in a sentence are casualty claims, of which category.

For each count of a sentence (see :mod:`analysis.extract.claims` for the overview): read its
noun phrase (:mod:`~analysis.extract.claim_phrases`), the casualty verb or noun before it and the
casualty predicate after it (:mod:`~analysis.extract.claim_predicates`), then decide: a subgroup
of the claim before it ("including nine children", "seven of them children", a count inside
the previous claim's aside), a governed count, a casualty noun ("15 deaths"), a predicate, a
casualty adjective ("one of the injured persons"), or the next item of a list ("1733 children
969 women and 3110 men", "150 bodies in Hama 100 in Homs"). Exclusions come first: counts that
are something else (partitive totals "of the 12", share counts, "one of the wounded"),
negated, hypothetical, threatened or denied casualties.

Example:
    >>> from analysis.extract.claim_words import claim_words
    >>> from analysis.extract.text import split_sentences
    >>> [(c["category"], c["min"], c["victims"]) for s in split_sentences(
    ...     "Six Jesuits, five of them Spaniards, were murdered.") for c in sentence_claims(s, claim_words())]
    [('killed', 6, 'jesuits'), ('killed', 5, 'spaniards')]
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .claim_phrases import PARTITIVE_PRONOUNS, Phrase, View, ends_phrase, is_participle, noun_phrase, sentence_view
from .claim_predicates import Governor, Predicate, cue_at, left_governor, right_predicate
from .claim_words import (
    AUX,
    DENIAL,
    DISPLACED,
    GAP,
    HEAD_CUES,
    HEAD_NOUNS,
    HEDGE_POST,
    ONE_OF_THE,
    OTHER_VERBS,
    PERSON_KILL,
    PLACE_GAP,
    PLACE_PREP,
    RIGHT_CUES,
    SUBGROUP_LEFT,
    TO_DEATH,
    UNITS_OF_PEOPLE,
    ClaimWords,
    may_state_casualties,
)
from ..resources.vocabulary import IRREGULAR_PAST, SAY_VERBS
from .numbers import UNITS, Quantity, may_contain_count
from .text import Sentence


class Decision(NamedTuple):
    """What makes a count a claim: its category, the token span of its cue, whether the
    casualties were caused actively (for the perpetrator), and the claim it belongs to."""

    category: str
    cue_lo: int
    cue_hi: int
    active: bool | None = None
    parent: int | None = None
    head: str | None = None  # the head a list item shares with the item before it


class Subgroup(NamedTuple):
    """A count that belongs to an earlier claim of the sentence (category, that claim's index, phrase)."""

    category: str
    parent: int
    np: Phrase


def sentence_claims(sent: Sentence, lex: ClaimWords) -> list[dict[str, Any]]:
    """The claims of one sentence, without actors (token rules only)."""
    if not may_contain_count(sent.text) or not may_state_casualties(sent.text):
        return []
    v = sentence_view(sent.text, lex)
    claims: list[dict[str, Any]] = []
    for q in v.counts:
        claim = _claim_of(v, q, claims)
        if claim is not None:
            claims.append(claim)
    return claims


def _claim_of(v: View, q: Quantity, claims: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The claim count ``q`` states, or None (``claims``: the sentence's claims before it)."""
    if _not_a_count_of_people(v, q):
        return None
    np = noun_phrase(v, q.num_end)
    gov = left_governor(v, q, np)
    if gov.category == "negated" or _excluded(v, q, np, gov):
        return None
    sub = _subgroup(v, q, np, claims)
    if sub is not None:
        np = sub.np
    pred = _predicate_after(v, q, np)
    if pred.category == "negated":
        return None
    if sub is not None and pred.category is None and _own_predicate(v.words, np.end if np.head else q.num_end):
        sub = None  # "66 killed along with 119 were kidnapped"
    decision = _decide(v, q, np, gov, sub, pred, claims)
    if decision is None or _denied(v.words, min(decision.cue_lo, q.first)):
        return None
    return _record(v, q, np, decision, pred)


# --------------------------------------------------------------------------- exclusions

def _not_a_count_of_people(v: View, q: Quantity) -> bool:
    """Counts that are something else: objects of other verbs ("kidnapped 900"), share counts,
    and the total of a partitive ("three of the 12 hostages")."""
    words = v.words
    prev = words[q.first - 1] if q.first > 0 else ""
    if prev in OTHER_VERBS or prev in ("url", "+"):
        return True  # "Get short URL 124", "UTC+3"
    return _partitive_total(v, q)


def _partitive_total(v: View, q: Quantity) -> bool:
    """"three of the 12 hostages were killed": 12 is the whole, not a casualty count.

    It is one when a casualty participle follows its own phrase ("one of the 12 people killed") or
    its head is a casualty noun ("eight of the 20 fatalities").
    """
    words, i = v.words, q.first
    if i < 3 or words[i - 1] not in ("the", "these", "those", "their", "his", "her", "its", "our") or words[i - 2] != "of":
        return False
    if not any(p.num_end == i - 2 for p in v.counts):
        return False
    np = noun_phrase(v, q.num_end)
    if np.head in HEAD_CUES:
        return False  # "eight of the 20 fatalities were children": the whole is a toll itself
    return not (np.end < len(words) and words[np.end] in RIGHT_CUES)


def _excluded(v: View, q: Quantity, np: Phrase, gov: Governor) -> bool:
    """Counts no rule should read as a claim: "124 At least four people", "one of two people",
    "one of the wounded" (but "one of the injured persons" is a claim)."""
    words, n = v.words, len(v.words)
    if gov.category is None and q.num_end in v.starts and words[q.num_start][:1].isdigit():
        return True  # "124 At least four people were killed": the first number counts something else
    nxt, nxt2 = (words[q.num_end] if q.num_end < n else ""), (words[q.num_end + 1] if q.num_end + 1 < n else "")
    if q.min == 1 and q.qualifier == "exact" and (
            (gov.category is None and q.first > 0 and words[q.first - 1] == "of")  # "members of one family"
            or (nxt == "of" and (nxt2[:1].isdigit() or nxt2 in UNITS))):  # "one of two people killed"
        return True
    one_of_the = " ".join(words[q.num_end:q.num_end + 3]) in ONE_OF_THE
    if (q.min == 1 or q.vague is not None) and one_of_the and np.modifier is None:
        return True
    return _part_of_a_toll(v, q)


def _part_of_a_toll(v: View, q: Quantity) -> bool:
    """"the driver was one of the 12 people killed": the toll is the whole (12), not its part."""
    words = v.words
    if words[q.num_end:q.num_end + 1] != ["of"]:
        return False
    k = q.num_end + 2 if q.num_end + 1 < len(words) and words[q.num_end + 1] in ("the", "these", "those") else None
    whole = v.starts.get(k) if k is not None else None
    return whole is not None and not _partitive_total(v, whole)


def _denied(words: list[str], lo: int) -> bool:
    """"Moscow denied that its jets killed 30 civilians": a denial in the same clause before the claim."""
    before = words[max(0, lo - 8):lo]
    return any(w in DENIAL for w in before) and not any(w in ".;:" for w in before)


def _own_predicate(words: list[str], k: int) -> bool:
    """Whether a verb phrase that is not a casualty predicate starts at ``k`` ("were kidnapped")."""
    j = k
    while j < len(words) and words[j] in AUX:
        j += 1
    return k < j < len(words) and words[j][:1].isalpha() and words[j] not in RIGHT_CUES \
        and words[j] not in PERSON_KILL and words[j] not in ("among", "the", "all", "in", "on", "at")


# --------------------------------------------------------------------------- subgroups

def _aside_parent(claims: list[dict[str, Any]], q: Quantity) -> int | None:
    """The claim whose aside holds ``q`` ("six priests -- five Spaniards and one Salvadoran --")."""
    for i in range(len(claims) - 1, -1, -1):
        if any(lo < q.first < hi for lo, hi in claims[i]["_asides"]):
            return i
    return None


def _of_them(v: View, q: Quantity) -> tuple[Phrase, str | None] | None:
    """"seven of them children", "two of them fatally": the phrase after "of them" and an outcome.

    None when ``q`` is not followed by "of them/whom".
    """
    words, n = v.words, len(v.words)
    if not (q.num_end + 1 < n and words[q.num_end] == "of" and words[q.num_end + 1] in PARTITIVE_PRONOUNS):
        return None
    k = q.num_end + 2
    if k < n and words[k] in ("fatally", "mortally"):
        return Phrase(None, k + 1), "killed"
    while k < n and words[k] in ("were", "are", "was", "being", "a", "an", "young", "little", "all"):
        k += 1
    if k < n and not ends_phrase(v, k):
        np = noun_phrase(v, k - 1) if words[k - 1] == "of" else noun_phrase(v, k)
        return np, None
    return Phrase(None, q.num_end + 2), None


def _subgroup(v: View, q: Quantity, np: Phrase, claims: list[dict[str, Any]]) -> Subgroup | None:
    """The earlier claim ``q`` is a subgroup of: inside its aside, after "including", or "N of them X"."""
    if not claims or np.thing:
        return None
    of_them = _of_them(v, q)
    inside = _aside_parent(claims, q)
    if inside is not None:
        sub_np, outcome = of_them if of_them is not None else (np, None)
        return Subgroup(outcome or claims[inside]["category"], inside, sub_np)
    last = len(claims) - 1
    between = v.words[claims[last]["_tok_end"]:q.first]
    if len(between) > 20 or np.head in v.lex.not_victims or np.head in UNITS_OF_PEOPLE \
            or any(w in OTHER_VERBS or w in DISPLACED for w in between):
        return None
    if SUBGROUP_LEFT.search(" ".join(v.words[max(0, q.first - 4):q.first])):
        return Subgroup(claims[last]["category"], last, np)
    if of_them is not None and (of_them[1] is not None or of_them[0].head is not None or q.first <= claims[last]["_tok_end"] + 1):
        return Subgroup(of_them[1] or claims[last]["category"], last, of_them[0])  # "... 10 others 4 of them critically"
    return None


def _place_list(v: View, prev_end: int, q: Quantity) -> bool:
    """Whether ``q`` continues a list of counts by place after the previous claim.

    "150 bodies were counted in Hama 100 in Homs and 40 in Idlib", "killed 45 civilians in
    and around the city and 22 in the next province": the words between are places (capitalised)
    and prepositions, and a place follows the number or "and" precedes it.
    """
    toks, words = v.toks, v.words
    while prev_end < q.first and words[prev_end] not in PLACE_PREP and (words[prev_end] in GAP or words[prev_end].endswith("ed")):
        prev_end += 1  # "150 bodies were counted in ..."
    between = range(prev_end, q.first)
    if not 1 <= len(between) <= 8 or words[prev_end] not in PLACE_PREP:
        return False
    if not all(words[k] in PLACE_GAP or toks[k].text[:1].isupper() for k in between):
        return False
    if not any(toks[k].text[:1].isupper() for k in between):
        return False
    nxt = words[q.num_end] if q.num_end < len(words) else ""
    return nxt in PLACE_PREP or words[q.first - 1] in ("and", ",")


def _continues_list(v: View, q: Quantity, np: Phrase, last: dict[str, Any]) -> bool:
    """"1733 children 969 women and 3110 men", "the six Jesuits and their two maids": the next item."""
    words, i = v.words, q.first
    if np.thing or i - last["_tok_end"] > 3 or i == 0:
        return False
    if words[i - 1] in ("the", "their", "his", "her", "its", "our", "these", "those") and i > 1:
        i -= 1
    prev, prev2 = words[i - 1], (words[i - 2] if i > 1 else "")
    if prev == "and" and prev2 == "," and i > 2:
        prev2 = words[i - 3]  # "the six Jesuits, five of whom were Spaniards, and two women"
    end = np.end if np.head is not None else q.num_end
    after = words[end] if end < len(words) else ""
    verb_after = is_participle(after, v.lex) or after in IRREGULAR_PAST or after in RIGHT_CUES
    if _own_predicate(words, end) or (np.head is None and verb_after):
        return False  # "twelve people were killed and 40 were arrested", "three adults one wearing ...": no item
    if prev == last["_head"] and prev in v.lex.victims:
        return after not in SAY_VERBS  # "killed 4120 civilians 1200 children 700 women", not "... two residents said"
    if prev in (",", "-") and after in SAY_VERBS:
        return False  # "killed four civilians, two residents said"
    return prev in ("and", ",", "-") and (prev2 in v.lex.victims or prev2 == last["_head"])


# --------------------------------------------------------------------------- the decision

def _predicate_after(v: View, q: Quantity, np: Phrase) -> Predicate:
    """The predicate after the count's phrase (none after a phrase of things: "18 trucks were hit")."""
    start = np.end if np.head is not None else q.num_end
    if np.thing or start >= len(v.words):
        return Predicate(None, start)
    return right_predicate(v, start, np, q_first=q.first)


def _outcome_after(v: View, q: Quantity, np: Phrase, gov: Governor) -> Decision | None:
    """"shot two civilians dead", "beat two men to death": the outcome after the phrase of an active verb."""
    words, end = v.words, np.end if np.head is not None else q.num_end
    verb = gov.cue if gov.category == "hurt" else q.first - 1
    if verb < 0 or (gov.category != "hurt" and words[verb] not in TO_DEATH):
        return None
    if words[end:end + 1] == ["dead"]:
        return Decision("killed", verb, end + 1, True)
    if words[end:end + 2] == ["to", "death"]:
        return Decision("killed", verb, end + 2, True)
    if gov.category == "hurt":
        return _caused_outcome(words, verb, end)
    return None


#: The outcome a clause states after "shot/stabbed N X ...": "causing serious wounds", "causing their deaths".
_CAUSED = {"wounds": "injured", "wound": "injured", "injuries": "injured", "injury": "injured",
           "death": "killed", "deaths": "killed"}


def _caused_outcome(words: list[str], verb: int, end: int) -> Decision | None:
    """"stabbed two women in the chest, causing deep wounds": the outcome stated in the clause."""
    for k in range(end, min(len(words), end + 8)):
        if words[k] in (".", ";", ":", "and", "but", "while"):
            return None
        if words[k] in ("causing", "inflicting", "leaving"):
            for j in range(k + 1, min(len(words), k + 4)):
                if words[j] in _CAUSED:
                    return Decision(_CAUSED[words[j]], verb, j + 1, True)
            return None
    return None


def _decide(v: View, q: Quantity, np: Phrase, gov: Governor, sub: Subgroup | None, pred: Predicate,
            claims: list[dict[str, Any]]) -> Decision | None:
    """Which rule makes ``q`` a claim, in order of precedence (None: no claim)."""
    words = v.words
    b_cat = pred.category if pred.category not in ("agent", "negated") else None
    b_cat = "casualties" if b_cat == "hurt" else b_cat
    if sub is not None:
        own = b_cat if b_cat is not None and words[q.num_end:q.num_end + 1] == ["of"] else None
        return Decision(own or sub.category, q.first, q.num_end, None, sub.parent)  # "three shot, one of whom died"
    if gov.category is not None and b_cat is not None and words[gov.cue] in RIGHT_CUES and gov.cue == q.first - 1 \
            and "and" not in words[np.end:pred.end]:
        return Decision(b_cat, q.first, pred.end)  # title lists: "2 killed 5 injured"
    outcome = _outcome_after(v, q, np, gov)
    if outcome is not None:
        return outcome
    own = b_cat or (np.modifier if pred.category != "agent" else None)
    if gov.category is not None and own is not None and any(w in ("and", ",") for w in words[gov.cue:q.first]):
        return Decision(own, q.first, max(pred.end, np.end))  # "killed a man and two women were wounded"
    if gov.category is not None:
        if np.thing and np.head is not None:
            return None  # "carried out 46 strikes"
        return Decision("casualties" if gov.category == "hurt" else gov.category, gov.cue, q.num_end, True)
    if np.head in HEAD_NOUNS:
        if np.head == "lives" and q.first > 0 and words[q.first - 1] in ("saved", "save", "saving"):
            return None
        return Decision(HEAD_CUES[np.head], q.first, np.end)
    if b_cat is not None:
        active = q.first > 0 and words[q.first - 1] in ("left", "leaving", "leave", "leaves", "shot", "shooting")
        return Decision(b_cat, q.first, pred.end, active)
    if np.modifier is not None and pred.category != "agent":
        return Decision(np.modifier, q.first, np.end)  # "one of the injured persons is ..."
    return _list_item(v, q, np, claims)


#: "X was shot to death along with two other militants": the count shares the predicate before it.
_ALONG_WITH = (["along", "with"], ["together", "with"])


def _along_with(v: View, q: Quantity, np: Phrase) -> Decision | None:
    """"Rivera was shot to death along with two other militants": the casualty predicate before the count."""
    words, i = v.words, q.first
    while i > 0 and words[i - 1] in ("the", "his", "her", "their", "its", "our"):
        i -= 1
    if i < 2 or words[i - 2:i] not in _ALONG_WITH or np.thing or _own_predicate(words, np.end if np.head else q.num_end):
        return None  # "66 journalists were killed along with 119 [who] were kidnapped": their own predicate
    for k in range(i - 3, max(-1, i - 24), -1):
        if words[k] in (".", ";", ":"):
            return None
        cat, _after = cue_at(v, k, np)
        if cat in ("killed", "injured", "casualties", "hurt"):
            return Decision("casualties" if cat == "hurt" else cat, k, q.num_end)
    return None


def _elaboration(v: View, q: Quantity, np: Phrase, claims: list[dict[str, Any]]) -> Decision | None:
    """"13 bodies were seen on the streets; eight guerrillas, four soldiers and a civilian": a verbless
    list after a semicolon or colon itemises the claim before it."""
    words, last = v.words, len(claims) - 1
    if np.head is None or np.thing or not claims:
        return None
    marks = [k for k in range(claims[last]["_tok_end"], q.first) if words[k] in (";", ":")]
    if len(marks) != 1 or marks[0] - claims[last]["_tok_end"] > 12:
        return None
    clause_end = next((k for k in range(q.first, len(words)) if words[k] in (".", ";", ":", "?", "!")), len(words))
    if any(_verb_like(v, k) for k in range(marks[0] + 1, clause_end)):
        return None
    return Decision(claims[last]["category"], q.first, np.end, None, last)


def _verb_like(v: View, k: int) -> bool:
    """Whether word ``k`` is a verb form (an auxiliary, a casualty word or another participle)."""
    w = v.words[k]
    return w in AUX or w in RIGHT_CUES or w in IRREGULAR_PAST or is_participle(w, v.lex)


def _list_item(v: View, q: Quantity, np: Phrase, claims: list[dict[str, Any]]) -> Decision | None:
    """The next item of a list of counts by place or by group, with the category of the one before."""
    if not claims:
        return _along_with(v, q, np)
    along = _along_with(v, q, np)
    if along is not None:
        return along
    elaboration = _elaboration(v, q, np, claims)
    if elaboration is not None:
        return elaboration
    last = len(claims) - 1
    after = v.words[q.num_end] if q.num_end < len(v.words) else ""
    if np.head is None and not np.thing and not is_participle(after, v.lex) and _place_list(v, claims[last]["_tok_end"], q):
        return Decision(claims[last]["category"], q.first, q.num_end, None, last, claims[last]["_head"])
    if _continues_list(v, q, np, claims[last]):
        return Decision(claims[last]["category"], q.first, q.num_end, None, last)
    return None


#: Casualty nouns that stay the victims ("five bodies"); the others give "people" ("15 deaths").
_KEPT_HEADS = frozenset({"martyrs", "bodies", "corpses"})


def _victims(head: str | None) -> str:
    """``victims``: the head noun as written, else "people"."""
    if head is None or (head in HEAD_NOUNS and head not in _KEPT_HEADS):
        return "people"
    return head


def _record(v: View, q: Quantity, np: Phrase, d: Decision, pred: Predicate) -> dict[str, Any]:
    """The claim record of count ``q`` (private ``_`` keys are read by the actor rules)."""
    words, toks, n = v.words, v.toks, len(v.words)
    np_end = np.end if np.head is not None else q.num_end
    if np.head is None and q.vague and q.num_end < n and words[q.num_end] == "more":
        np_end = q.num_end + 1
    qualifier = q.qualifier
    if qualifier != "vague" and np_end < n and HEDGE_POST.match(" ".join(words[np_end:np_end + 2])):
        qualifier = "at_least"
    head = d.head if d.head is not None else (np.head if not np.thing else None)
    tok_lo, tok_hi = min(d.cue_lo, q.first), max(d.cue_hi, np_end, q.num_end)
    return {
        "category": d.category, "min": q.min, "max": q.max, "qualifier": qualifier, "vague": q.vague,
        "victims": _victims(head), "_head": head, "_tok_start": tok_lo, "_tok_end": tok_hi,
        "_num": (q.num_start, q.num_end), "_num_start_char": toks[q.first].start, "_toks": toks,
        "_np_end": np_end, "_active": d.active, "_parent": d.parent, "_asides": pred.asides,
        "start": toks[tok_lo].start, "end": toks[tok_hi - 1].end,
    }
