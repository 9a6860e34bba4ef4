"""Casualty-claim grammar: which counts in a sentence are casualty claims, of which category.

Clause patterns over tokens (see :mod:`analysis.extract.claims` for the overview): a number
governed by a casualty verb or noun before it, a noun phrase followed by a casualty predicate,
subgroups, lists by place, and the exclusions.
"""

from __future__ import annotations

from typing import Any

from .claim_words import (
    AMONG_CUES,
    APPOSITIVE,
    AUX,
    COMBATANTS,
    DENIAL,
    DISPLACED,
    GAP,
    HEAD_CUES,
    HEDGE_POST,
    LEFT_PATTERNS,
    LIST,
    NEGATION_BEFORE,
    NEGATION_RIGHT,
    ONE_OF_THE,
    OTHER_VERBS,
    PERSON_KILL,
    PLACE_GAP,
    PLACE_PREP,
    REL_AUX,
    RIGHT_CUES,
    STOP_NP,
    SUBGROUP_LEFT,
    TO_DEATH,
    TOLL_AFTER,
    TOLL_GAP_STOP,
    TRANSITIVE,
    UNITS_OF_PEOPLE,
    ClaimWords,
)
from .numbers import (
    UNITS,
    Quantity,
    Token,
    find_quantities,
    may_contain_count,
    tokenize,
)
from .text import Sentence


def _np_after(words: list[str], j: int, n: int, lex: ClaimWords) -> tuple[str | None, int, bool]:
    """Find the victims head noun after a number ending at ``j``.

    Returns (head or None, index after the noun phrase, foreign) where ``foreign`` says the
    phrase is headed by a word that is not a person ("18 trucks").
    """
    k = j
    if k < n and words[k] == "of":  # "dozens of people", "22 of the jihadists"
        k += 1
        if k < n and words[k] in ("the", "them", "those", "whom", "these", "its", "their"):
            if words[k] in ("them", "whom"):
                return None, k + 1, False
            k += 1
    limit = min(n, k + 6)
    first = k
    while k < limit:
        w = words[k]
        if w in ("[", "]"):  # an editor's insertion: "80 [Daesh] fighters"
            k += 1
            continue
        if w in HEAD_CUES and w not in ("killed", "injured", "wounded", "dead"):
            return w, k + 1, False
        if w in lex.victims:
            # compound heads: "aid workers", "rescue workers", "family members"
            while k + 1 < limit and words[k + 1] in lex.victims and words[k + 1] not in ("others",):
                k += 1
            return words[k], k + 1, False
        if w == "and" and k > first and k + 1 < limit and words[k + 1] not in STOP_NP and words[k + 1] not in UNITS:
            k += 1  # "Syrian regime and rebel fighters"
            continue
        if w in STOP_NP or w in RIGHT_CUES or not w[:1].isalpha():
            break
        if w in lex.things:
            return None, k + 1, True
        k += 1
    foreign = k > first
    return None, (first if foreign else k), foreign


def _negated(words: list[str], i: int, *, span: int = 3) -> bool:
    """Whether a negation, modal, threat or denial precedes the cue word at ``i``."""
    for j in range(max(0, i - span), i):
        w = words[j]
        if w == "may" and j > 0 and (words[j - 1][:1].isdigit() or words[j - 1] in ("in", "of", "since", "early", "late", "mid")):
            continue  # the month: "since 21 May have killed"
        if w in NEGATION_BEFORE:
            return True
    return False


def _char_to_word(words: list[str], left: str, char_pos: int) -> int:
    """Index of the word in ``left`` (joined by spaces) that starts at ``char_pos``."""
    return left[:char_pos].count(" ") if char_pos > 0 else 0


def _left_governor(words: list[str], first: int, head: str | None, lex: ClaimWords, after: str = "") -> tuple[str | None, int]:
    """Category given by a casualty verb or noun just before a quantity (rule A).

    Returns (category or None or ``"negated"``, index of the cue word).
    """
    lo = max(0, first - 28)
    left = " ".join(words[lo:first])
    for pat, cat in LEFT_PATTERNS:
        m = pat.search(left)
        if not m:
            continue
        cue_i = lo + _char_to_word(words, left, m.start("cue"))
        if cat in ("toll", "toll_bare", "toll_other", "number_of"):
            gap = words[cue_i + 1:first]
            if any(w in TOLL_GAP_STOP or w[:1].isdigit() or w in UNITS for w in gap):
                continue  # "the toll was likely to rise given several ...", "toll at 58 saying 11 ..."
            if words[first - 1] == "of" and len(gap) > 3 and cat != "number_of":
                continue  # "the toll from the siege of the city of 200000 people"
            if cat == "toll":
                cat = "killed"
        if _negated(words, cue_i):
            return "negated", cue_i
        if cat == "killed_person":
            if head not in COMBATANTS:
                continue  # "destroyed 300 families", "eliminated 12 vehicles"
            cat = "killed"
        elif cat in ("among", "number_of"):
            w = m.group("w")
            if w == "victims":
                cat = "casualties"
            elif w == "martyrs":
                cat = "killed"
            else:
                cat = RIGHT_CUES.get(w, HEAD_CUES.get(w, "killed"))
        elif cat == "toll_bare":
            # headline style "Death toll from Aleppo bomb attack at least 112"
            if (head is not None and head not in lex.victims) or after in RIGHT_CUES:
                continue
            if first < len(words) and first > 0 and words[first - 1] in ("in", "on", "of", "the", "and", "from", "by"):
                continue
            cat = "killed"
        elif cat == "toll_to":
            # "took to 89 the number of civilians killed", "brought to 45 the death toll"
            right = " ".join(words[first:first + 14])
            m2 = TOLL_AFTER.search(right)
            if not m2:
                continue
            w = m2.group("w") or "dead"
            cat = RIGHT_CUES.get(w, "killed")
        elif cat == "toll_other":
            cat = "casualties" if m.group("w").startswith("casualt") else "injured"
        return cat, cue_i
    return None, first


def _cue_at(words: list[str], k: int) -> tuple[str | None, int]:
    """A casualty predicate starting at word ``k``: (category, index after it)."""
    n = len(words)
    w = words[k]
    if w in RIGHT_CUES:
        if w == "death":
            return None, k
        cat = RIGHT_CUES[w]
        if cat == "killed" and k + 2 < n and words[k + 1] in ("or", "and") and words[k + 2] in ("wounded", "injured", "hurt"):
            return "casualties", k + 3
        return cat, k + 1
    if w in ("received", "sustained", "suffered") and k + 1 < n and words[k + 1] in (
            "wounds", "injuries", "injury", "wound", "serious", "severe", "minor", "light", "various", "critical"):
        return "injured", k + 2
    if w in TO_DEATH and k + 2 < n and words[k + 1] == "to" and words[k + 2] == "death":
        return "killed", k + 3  # "two women were stoned to death"
    if w == "lost" and k + 2 < n and words[k + 1] in ("their", "his", "her") and words[k + 2] in ("lives", "life"):
        return "killed", k + 3
    if w in ("fallen", "fell") and k + 1 < n and words[k + 1] in ("victims", "victim"):
        return "casualties", k + 2
    if w in ("among", "amongst") and k > 0 and words[k - 1] in ("were", "was", "are", "is") and k + 2 < n \
            and words[k + 1] in ("the", "those") and words[k + 2] in AMONG_CUES:
        return AMONG_CUES[words[k + 2]], k + 3
    return None, k


def _right_predicate(words: list[str], k: int, head: str | None, starts: dict[int, Quantity], lex: ClaimWords) -> tuple[str | None, int]:
    """Category given by a casualty predicate after a noun phrase ending at ``k`` (rule B)."""
    n = len(words)
    if k < n and (words[k] in APPOSITIVE or (head is not None and words[k] in ("of", "from", "on", "in", "in", "belonging"))):
        # "members of the X group were killed", "10 people mostly schoolchildren killed",
        # "23 people - most of them fighters - were killed"
        kk = k + 1
        sub = words[k] in ("including", "among")  # "80 fighters including nine foreigners were destroyed"
        while kk < n and kk < k + 15 and (words[kk][:1].isalpha() or words[kk] in ('"', "-", "\u201c", "\u201d", "'", "(", ")", ",")
                                          or (sub and words[kk][:1].isdigit())) \
                and words[kk] not in RIGHT_CUES and (sub or words[kk] not in UNITS) \
                and words[kk] not in ("were", "was", "have", "had", "are", "who", "which", "that", "when", "while"):
            kk += 1
        if kk < n and (words[kk] in RIGHT_CUES or words[kk] in ("were", "was", "have", "had", "are")):
            k = kk
    steps = 0
    saw_and = False
    while k < n and steps < 12:
        w = words[k]
        cat, after = _cue_at(words, k)
        if cat is not None:
            # an active verb with its own object ("kidnapped 900 executed 18") is not our predicate,
            # unless that object is itself followed by a predicate ("6 killed 12 wounded")
            q2 = starts.get(after) if w in TRANSITIVE else None
            if q2 is not None:
                if q2 is None:
                    return None, k
                h2, e2, _ = _np_after(words, q2.num_end, n, lex)
                k2 = e2 if h2 else q2.num_end
                c2 = _right_predicate(words, k2, h2, {}, lex)[0] if k2 < n else None
                if c2 is None:
                    return None, k
            if saw_and and words[k - 1] == "and" and w in ("injured", "wounded", "killed", "hurt") and q2 is not None:
                return None, k
            return cat, after
        if w in NEGATION_RIGHT:
            return "negated", k
        if head in COMBATANTS and w in PERSON_KILL and words[k - 1] != "was":
            return "killed", k + 1  # "80 fighters ... were destroyed"
        if w in ("who", "that") and head in lex.victims and words[k - 1] == head:
            j = _relative_clause_end(words, k)
            if j is not None:
                k = j  # "20 fighters who guarded the buses were also killed"
                steps += 1
                continue
        if w in ("between", "aged") and "old" in words[k + 1:k + 7]:
            k = words.index("old", k + 1) + 1  # "eight pupils between 7 and 12 years old were killed"
            steps += 1
            continue
        if k in starts and k > 0 and words[k - 1] == "and":
            k = starts[k].num_end  # "120 soldiers and several dozen militiamen were killed"
            steps += 1
            continue
        if w == "at" and k + 1 < n and words[k + 1] in ("least", "most"):
            k += 2  # "125 terrorists at least were killed"
            steps += 2
            continue
        modifier = w[:1].isalpha() and w not in STOP_NP and (
            any(x in lex.victims for x in words[k + 1:k + 3])
            or (k + 2 < n and words[k + 1] == "and" and (words[k + 2][:1].isdigit() or words[k + 2] in UNITS)))
        if w in GAP or w in LIST or w in lex.victims or w + "s" in lex.victims or words[k][:1].isdigit() or w in UNITS or modifier:
            saw_and = saw_and or w == "and"
            k += 1
            steps += 1
            continue
        return None, k
    return None, k


def _relative_clause_end(words: list[str], k: int) -> int | None:
    """Index of the main verb's auxiliary after a relative clause with its own verb at ``words[k]``.

    "fighters who guarded the buses were killed" -> the index of "were"; ``None`` when the
    clause holds a number, a negation or the end of the sentence first.
    """
    for j in range(k + 2, min(len(words), k + 13)):
        w = words[j]
        if w[:1].isdigit() or w in UNITS or w in NEGATION_RIGHT or w in (".", ";", ":", "?", "!"):
            return None
        if w in REL_AUX and words[j - 1] not in REL_AUX and words[j - 1] not in ("who", "that"):
            return j
    return None


def _own_predicate(words: list[str], k: int) -> bool:
    """Whether a verb phrase that is not a casualty predicate starts at ``k`` ("were kidnapped")."""
    j = k
    while j < len(words) and words[j] in AUX:
        j += 1
    return j > k and j < len(words) and words[j][:1].isalpha() and words[j] not in RIGHT_CUES and words[j] not in PERSON_KILL \
        and words[j] not in ("among", "the", "all", "in", "on", "at")


def _place_list(toks: list[Token], words: list[str], prev_end: int, q: Quantity) -> bool:
    """Whether ``q`` continues a list of counts by place after the previous claim.

    "150 bodies were counted in Hama 100 in Homs and 40 in Idlib", "killed 45 civilians in
    and around the city and 22 in the next province": the words between are places (capitalised)
    and prepositions, and a place follows the number or "and" precedes it.
    """
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


def sentence_claims(sent: Sentence, lex: ClaimWords) -> list[dict[str, Any]]:
    """The claims of one sentence, without actors (token rules only)."""
    text = sent.text
    if not may_contain_count(text):
        return []
    toks = tokenize(text)
    if not toks:
        return []
    words = [t.low if t.text != "IS" else "isis" for t in toks]  # "IS fighters" is not the verb
    n = len(words)
    quants = [q for q in find_quantities(text, tokens=toks) if q.kind == "count"]
    if not quants:
        return []
    starts = {q.first: q for q in quants}
    claims: list[dict[str, Any]] = []
    for q in quants:
        if q.first > 0 and words[q.first - 1] in OTHER_VERBS:
            continue
        if q.first > 0 and words[q.first - 1] in ("url", "+"):
            continue  # "Get short URL 124", "UTC+3": not a count
        head, np_end, foreign = _np_after(words, q.num_end, n, lex)
        a_cat, a_cue = _left_governor(words, q.first, head, lex, words[np_end] if np_end < n else "")
        if a_cat == "negated":
            continue
        if a_cat is None and q.num_end in starts and words[q.num_start][:1].isdigit():
            continue  # "124 At least four people were killed": the first number counts something else
        if q.min == 1 and q.qualifier == "exact" and (
                (a_cat is None and q.first > 0 and words[q.first - 1] == "of")  # "members of one family"
                or (q.num_end + 1 < n and words[q.num_end] == "of" and words[q.num_end + 1][:1].isdigit())
                or (q.num_end + 1 < n and words[q.num_end] == "of" and words[q.num_end + 1] in UNITS)):
            continue  # "one of two people killed"
        if (q.min == 1 or q.vague) and " ".join(words[q.num_end:q.num_end + 3]) in ONE_OF_THE:
            continue  # "one of the wounded", "several of the wounded were in serious condition"
        category, cue_lo, cue_hi = None, q.first, q.num_end
        # C1. a subgroup introduced by "including", "among them", "along with"...
        sub = None
        between = words[claims[-1]["_tok_end"]:q.first] if claims else []
        if claims and q.first - claims[-1]["_tok_end"] <= 20 and head not in lex.not_victims and head not in UNITS_OF_PEOPLE \
                and not (foreign and words[np_end - 1] in lex.things) \
                and not any(w in OTHER_VERBS or w in DISPLACED for w in between):
            if SUBGROUP_LEFT.search(" ".join(words[max(0, q.first - 4):q.first])):
                sub = claims[-1]["category"]
            elif q.num_end + 1 < n and words[q.num_end] == "of" and words[q.num_end + 1] in ("them", "whom"):
                k = q.num_end + 2
                while k < n and words[k] in ("were", "are", "was", "being", "a", "an", "young", "little", "all"):
                    k += 1
                if k < n and words[k] in lex.victims:
                    sub = claims[-1]["category"]
                    head, np_end = words[k], k + 1
        b_start = np_end if (head is not None or not foreign) else q.num_end
        b_cat, b_hi = _right_predicate(words, b_start, head, starts, lex) if b_start < n else (None, b_start)
        if b_cat == "negated":
            continue
        active = None
        parent = None
        if sub is not None and b_cat is None and _own_predicate(words, b_start):
            sub = None  # "66 killed along with 119 were kidnapped"
        if sub is not None:
            category = sub
            parent = len(claims) - 1
        elif a_cat is not None and b_cat is not None and words[a_cue] in RIGHT_CUES and a_cue == q.first - 1 \
                and "and" not in words[b_start:b_hi]:
            category, cue_hi = b_cat, b_hi  # title lists: "2 killed 5 injured"
        elif a_cat is not None:
            if foreign and head is None and np_end > 0 and words[np_end - 1] in lex.things:
                continue
            category, cue_lo = a_cat, a_cue
            active = True
        elif head in HEAD_CUES:
            if head == "lives" and q.first > 0 and words[q.first - 1] in ("saved", "save", "saving"):
                continue
            category, cue_hi = HEAD_CUES[head], np_end
        elif b_cat is not None:
            category, cue_hi = b_cat, b_hi
            active = q.first > 0 and words[q.first - 1] in ("left", "leaving", "leave", "leaves", "shot", "shooting")
        elif claims and head is None and not foreign and _place_list(toks, words, claims[-1]["_tok_end"], q):
            category = claims[-1]["category"]  # "150 bodies in A 100 in B and 40 in C"
            parent = len(claims) - 1
            head = claims[-1]["_head"]
        elif claims and not (foreign and words[np_end - 1] in lex.things) \
                and q.first - claims[-1]["_tok_end"] <= 3 and q.first > 0 and (
                words[q.first - 1] == claims[-1]["_head"]
                or (words[q.first - 1] in ("and", ",", "-") and q.first > 1 and words[q.first - 2] in lex.victims)):
            category = claims[-1]["category"]  # lists: "1733 children 969 women and 3110 men"
            parent = len(claims) - 1
        if category is None:
            continue
        lo_i = min(cue_lo, q.first)
        if any(w in DENIAL for w in words[max(0, lo_i - 8):lo_i]) and not any(
                w in ".;:" for w in words[max(0, lo_i - 8):lo_i]):
            continue  # "Moscow denied that its jets killed 30 civilians"
        if head is None and q.vague and q.num_end < n and words[q.num_end] == "more":
            np_end = q.num_end + 1
        qualifier = q.qualifier
        if qualifier != "vague" and np_end < n and HEDGE_POST.match(" ".join(words[np_end:np_end + 2])):
            qualifier = "at_least"
        victims = head if head and head not in HEAD_CUES else "people"
        if head in ("martyrs", "bodies", "corpses"):
            victims = head
        tok_lo = min(cue_lo, q.first)
        tok_hi = max(cue_hi, np_end, q.num_end)
        claims.append({
            "category": category,
            "min": q.min,
            "max": q.max,
            "qualifier": qualifier,
            "vague": q.vague,
            "victims": victims,
            "_head": head,
            "_tok_start": tok_lo,
            "_tok_end": tok_hi,
            "_num": (q.num_start, q.num_end),
            "_num_start_char": toks[q.first].start,
            "_toks": toks,
            "_np_end": np_end,
            "_active": active,
            "_parent": parent,
            "start": toks[tok_lo].start,
            "end": toks[tok_hi - 1].end,
        })
    return claims
