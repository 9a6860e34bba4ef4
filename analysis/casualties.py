"""Casualty claims: who says how many people were killed or injured, hedged how, by whom.

Reads the sentences of one report and returns one record per casualty claim, following
``../shared/gold/GUIDELINES.md``: category (killed/injured/casualties), min/max, qualifier,
vague quantifier, victims (head noun), scope (event/cumulative), the actor cited as source
and the actor said to have caused the casualties. Every occurrence is returned (a toll
repeated in title and body gives two records), each traceable to its sentence by
``doc_id``, ``part``, ``sent_id`` and the character offsets of the claim in its part.

The rules are clause patterns over tokens, not a statistical model:

* a number governed by a casualty verb or noun before it ("killing six", "the death toll
  rose to 45", "claimed the lives of 80", "among the dead were 22 children");
* a number whose noun phrase is followed by a casualty predicate ("600 killed",
  "29 rebels were killed", "five bodies", "15 deaths", "left 12 people dead");
* subgroups that inherit the category of the claim they belong to ("including 21
  children", "seven of them children", lists "1733 children 969 women and 3110 men");
* counts listed by place ("150 bodies in Hama 100 in Homs and 40 in Idlib"), relative
  clauses and asides before the predicate ("20 fighters who guarded the buses were killed",
  "25 people, most of them civilians, died");
* exclusions: negated, hypothetical, future, threatened or denied casualties, numbers that
  are dates, ages, durations, ordinals, percentages, money, share counts ("Get short URL
  124") or counts of things.

Scope is ``cumulative`` for tolls over a period or the whole war, including war tolls
without a start date ("the conflict ... has killed 280000", "300000 killed and millions
displaced") and any toll of at least 50,000. A war toll takes no source from a neighbouring
sentence and, when the war is its subject, no perpetrator. A sentence without its own source
borrows the (pronoun-resolved) source of the next or previous sentence.

Example:
    >>> from analysis.text import document_sentences
    >>> s = document_sentences("d", None, "A blast killed six people and wounded 32 on Monday.")
    >>> [(c["category"], c["min"], c["victims"]) for c in extract_claims(s, dictionary=False)]
    [('killed', 6, 'people'), ('injured', 32, 'people')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .lexicons import entry_error, lexicon_path, load_yaml
from .numbers import UNITS, Quantity, Token, find_quantities, may_contain_count, tokenize
from .text import Sentence

__all__ = ["CLAIM_COLUMNS", "PERSON_NOUNS", "claims_frame", "extract_claims", "load_casualty_lexicon"]

#: Columns of the ``claims`` table (the records also carry ``quote``).
CLAIM_COLUMNS = [
    "doc_id", "part", "sent_id", "start", "end", "category", "min", "max", "qualifier",
    "vague", "victims", "scope", "source_actor", "perpetrator_actor", "sentence",
]

# --------------------------------------------------------------------------- word lists

_LEXICON_KEYS = ("victims", "not_victims", "things")


def load_casualty_lexicon(path: str | Path | None = None) -> dict[str, frozenset[str]]:
    """Read and validate the casualty word lists (``analysis/lexicons/casualties.yml``).

    The file maps ``victims`` (head nouns of people), ``not_victims`` (people affected
    otherwise) and ``things`` (head nouns of counted things) to lists of lower-case words.

    Raises:
        LexiconError: a missing list, a non-string or empty entry, a duplicate in a list, or
            a word that is both a victim and a thing (names the file and entry).

    Example:
        >>> lex = load_casualty_lexicon()
        >>> "civilians" in lex["victims"], "trucks" in lex["things"]
        (True, True)
    """
    p = Path(path) if path is not None else lexicon_path("casualties")
    data = load_yaml(p)
    out: dict[str, frozenset[str]] = {}
    for key in _LEXICON_KEYS:
        items = data.get(key)
        if not isinstance(items, list) or not items:
            raise entry_error(p, key, "must be a non-empty list of words")
        seen: set[str] = set()
        for item in items:
            if not isinstance(item, str) or not item.strip() or item != item.strip().lower() or " " in item:
                raise entry_error(p, f"{key}: {item!r}", "entries are single lower-case words")
            if item in seen:
                raise entry_error(p, f"{key}: {item}", "duplicate word")
            seen.add(item)
        out[key] = frozenset(seen)
    both = out["victims"] & out["things"]
    if both:
        raise entry_error(p, f"things: {sorted(both)[0]}", "also listed under victims")
    return out


_LEXICON = load_casualty_lexicon()
#: Head nouns of people who can be killed or injured.
PERSON_NOUNS: frozenset[str] = _LEXICON["victims"]
#: People affected otherwise (not casualties): no subgroup of a toll.
_NOT_VICTIMS: frozenset[str] = _LEXICON["not_victims"]
#: Head nouns that make a number count things ("46 strikes").
_NON_PERSON_HEADS: frozenset[str] = _LEXICON["things"]

#: Verbs before a number that kill (active voice: "killing six", "executed 700").
_KILL_VERBS = (
    r"kill|kills|killed|killing|execute|executes|executed|executing|massacre|massacres|massacred|"
    r"massacring|slew|slay|slays|slaying|slain|behead|beheads|beheaded|beheading|decapitated|"
    r"decapitating|murder|murders|murdered|murdering|crucified|crucifying|assassinated|"
    r"gunned down|mowed down|shot dead|martyred|claimed the lives? of|claiming the lives? of|"
    r"claims the lives? of|claim the lives? of|took the lives? of|taking the lives? of|"
    r"cost the lives? of|costing the lives? of|killings? of|deaths? of|executions? of|beheadings? of|"
    r"massacre of|bodies of|corpses of|remains of|lives of"
)
_KILL_PERSON_ONLY = r"elimination of|eliminations of|liquidation of|neutrali[sz]ation of|destroyed|destroying|eliminated|eliminating|eliminate|neutrali[sz]ed|neutrali[sz]ing|liquidated|liquidating"
_INJURE_VERBS = (
    r"injure|injures|injured|injuring|wound|wounds|wounded|wounding|hurt|hurting|maimed|"
    r"maiming|injury of|injuries of|injuries to|wounding of|injuring of|hurting of"
)
_FILLER_LEFT = (
    r"(?:\s(?:also|reportedly|allegedly|another|an additional|additional|a further|a total of|all|the|at once|each))*"
    r"(?:(?:\s(?:a|an|one)\s\S+(?:\s\S+)?){1,3}\s(?:and|as well as))?"
    r"(?:\s[\"\u201c])?"
)

_LEFT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:^|\s)(?P<cue>{_KILL_VERBS}){_FILLER_LEFT}$"), "killed"),
    (re.compile(rf"(?:^|\s)(?P<cue>{_INJURE_VERBS}){_FILLER_LEFT}$"), "injured"),
    (re.compile(rf"(?:^|\s)(?P<cue>{_KILL_PERSON_ONLY}){_FILLER_LEFT}$"), "killed_person"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:among|amongst) (?:the|those) (?P<w>dead|killed|victims|fatalities|wounded|injured|martyrs)"
                r"(?:(?: \S+){0,5}? (?:were|was|are|is|included|includes|being))?"
                r"(?:(?: (?:a|an|one) \S+(?: \S+)?)+ (?:and|as well as))?)$"), "among"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:those|the|people) (?P<w>dead|killed|victims|fatalities|wounded|injured)"
                r" (?:were|was|are|included|include|includes|including|numbered|number))$"), "among"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:massacre|massacres|slaughter) (?:against|of))$"), "killed"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:the|those) (?P<w>dead|killed|victims|wounded|injured)\b(?:\s\S+){0,7}?"
                r"\s(?:also )?(?:included|include|includes))$"), "among"),
    (re.compile(r"(?:^|\s)(?P<cue>(?P<w>casualty|casualties|injury|injuries) toll\b(?:\s\S+){0,10}?\s"
                r"(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|reaching|hit|hits|stood|stands|stand|"
                r"jumped|increased|to|at|of|is|was|now|up|as))(?: to| at| of)?$"), "toll_other"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:death )?(?:toll|tally)\b(?:\s\S+){0,22}?\s?"
                r"(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|reaching|hit|hits|stood|stands|stand|"
                r"jumped|increased|to|at|of|is|was|now|up|as|estimated|put|set|exceeded|surpassed|topped))(?: to| at| of)?$"), "toll"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:took|brought|raised|pushed|taking|bringing|raising|pushing|takes|brings|raises) to)$"), "toll_to"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:number|total|tally|count|figure) of (?:\S+\s){0,8}?"
                r"(?P<w>killed|dead|deaths|died|fatalities|wounded|injured|victims|casualties|martyrs)\b"
                r"(?:\s\S+){0,16}?\s(?:to|at|reached|reaching|is|was|stood at|rose to|of|as))$"), "number_of"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:death )?toll\b(?:\s\S+){0,8})$"), "toll_bare"),
    (re.compile(r"(?:^|\s)(?P<cue>put (?:the|its|their|his) (?:number|toll|figure|tally)(?: of \S+)? at)$"), "killed"),
]
_TOLL_GAP_STOP = frozenset(
    "said saying says say while but whereas given because could may might would likely expected feared "
    "rise rising population out than could".split()
)
_TOLL_AFTER = re.compile(r"^\S+(?: \S+)? the (?:(?:death )?(?:toll|tally)|number of (?:\S+ ){0,4}?(?P<w>killed|dead|deaths|wounded|injured))\b")
_SUBGROUP_LEFT = re.compile(
    r"(?:^|\s)(?P<cue>including|includes|included|include|among them|among whom|of whom|amongst them|"
    r"among those|among which|mostly|mainly|most of them|along with|as well as|in addition to|plus)"
    r"(?: (?:at least|about|some|nearly|almost|more than|over))?$"
)
_NEGATION_BEFORE = frozenset(
    "no not never none could would will may might can cannot shall should threatened threatens "
    "threatening threaten vowed vows vow denied denies deny denying if unless plans planned plan "
    "intends intended aim aims aimed n't nobody attempt attempted tried trying".split()
)
_APPOSITIVE = frozenset("mostly mainly most many all some including largely predominantly among both - ( , \u2013 \u2014".split())
_DENIAL = frozenset("denied denies deny denying refuted refutes dismissed rejected rejects if unless whether".split())
_ONE_OF_THE = frozenset(f"of {d} {w}" for d in ("the", "those") for w in "dead wounded injured killed victims casualties".split())
#: Words that say people were affected otherwise (not casualties).
_DISPLACED = frozenset("displaced driven fled fleeing homes homeless uprooted forced evacuated arrested kidnapped".split())
_TRANSITIVE = frozenset("killed executed wounded injured massacred murdered beheaded hurt decapitated".split())
_NEGATION_RIGHT = frozenset("no not never none could would will might cannot n't nobody".split())
#: Verbs before a number that do something other than kill or injure ("kidnapped 900").
_OTHER_VERBS = frozenset(
    """
    kidnapped kidnapping abducted abducting arrested arresting detained detaining evacuated
    evacuating displaced displacing freed freeing released releasing rescued rescuing captured
    capturing besieged besieging sheltering hosting hosts hosted fed feeding treated treating
    employed employing deported deporting recruited recruiting trained training deployed deploying
    sent sending saved saving exchanged exchanging
    """.split()
)
_RIGHT_CUES: dict[str, str] = {
    "killed": "killed", "dead": "killed", "died": "killed", "die": "killed", "dies": "killed",
    "perished": "killed", "dying": "killed", "executed": "killed", "slain": "killed", "martyred": "killed",
    "massacred": "killed", "murdered": "killed", "beheaded": "killed", "decapitated": "killed",
    "deaths": "killed", "death": "killed", "fatalities": "killed", "killings": "killed",
    "wounded": "injured", "injured": "injured", "hurt": "injured", "injuries": "injured",
    "casualties": "casualties",
}
#: Head nouns that are themselves casualty words ("15 deaths", "12 dead", "five bodies").
_HEAD_CUES = {
    "deaths": "killed", "dead": "killed", "fatalities": "killed", "lives": "killed",
    "martyrs": "killed", "bodies": "killed", "corpses": "killed",
    "casualties": "casualties", "injuries": "injured", "wounded": "injured", "injured": "injured",
    "killed": "killed",
}
_GAP = frozenset(
    """
    were was are is have has had been being be also reportedly reported allegedly believed thought
    feared said confirmed to later all critically seriously severely slightly lightly badly mortally
    fatally initially now others more other in total so far already among the those who either both got
    get subsequently then assumed found said later later on overall altogether apparently identified
    estimated least recorded documented " \u201c \u201d
    reportedly presumably likely probably reported confirmed just immediately instantly
    """.split()
)
_LIST = frozenset("and a an including among them of whom - , mostly young little elderly old girl boy child "
                  "woman man baby both".split())
_STOP_NP = frozenset(
    """
    were was are is have has had been be and or but in on at by when while after before as from with
    during near into since for who which that to said says told including among than the killed dead
    died injured wounded of more
    """.split()
)
_HEDGE_POST = re.compile(r"^(?:or more|and more|plus|at least)\b")

_SCOPE_CUMULATIVE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset|conflict|war|uprising|revolution|crisis|"
    r"fighting|violence|protests|it began|\d{4}|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|early|late|last|the\s+(?:start|beginning)|its|their|then|mid)"
    r"|\bsince\s+\w+\s+(?:\d{1,2}|\d{4})\b"
    r"|\b(?:over|during|in|for|throughout)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:year|years|months|weeks|decade)"
    r"|\b(?:over|during|in)\s+the\s+(?:past|last|previous)\s+(?:two|three|four|several|few)\s+(?:weeks|months|years)"
    r"|\b(?:the|syria'?s|syrias|syria’s|this|a|six-year|seven-year|five-year|\w+-year)\s+(?:civil\s+)?(?:war|conflict|crisis)\s+"
    r"(?:has|had|have|which\s+has)\s+(?:\w+\s+)?(?:killed|claimed|left|cost)"
    r"|\b(?:in|of|during|throughout|from)\s+(?:the\s+)?(?:syria'?s|syrias|syria’s|the\s+syrian|syrian|six-year|seven-year|\w+-year)\s+"
    r"(?:civil\s+)?(?:war|conflict|crisis)\b"
    r"|\b(?:war|conflict)\s+(?:that|which)\s+(?:has|had)\s+(?:killed|claimed|left)"
    r"|\bthe\s+total\s+(?:number|toll)|\bso\s+far\s+this\s+year\b|\bto\s+date\b"
    r"|\b(?:in|during)\s+(?:19|20)\d\d\b(?!\s*(?:on|,))"
    r"|\b(?:seven|six|five|four|three|two|several|\d+)\s+(?:weeks|months|years)\s+of\b"
    r"|\b(?:five|six|seven|eight|nine|ten|several|\d\d)\s+days\s+of\b"
    r"|\bsince\b[^.;]{0,100}?\b(?:launched|began|begun|started|erupted|broke\s+out)\b"
    r"|\bsince\b[^.;]{0,100}?\b(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+\d{1,2}\b"
    r"|\bsince\s+(?:the\s+)?(?:conflict|war)\s+(?:began|started|erupted)"
    # war tolls without a start date: "the conflict which has lasted five years has killed",
    # "300000 killed and millions forced to flee", "died in the three-year-old rebellion"
    r"|\b(?:war|conflict|crisis|rebellion|uprising|insurgency|revolt)\b(?!-)[^.;]{0,120}?\b(?:has|have|had)\s+"
    r"(?:since\s+|so\s+far\s+|now\s+|already\s+|reportedly\s+)?(?:killed|claimed|left|cost|caused|taken)\b"
    r"|\b(?:killed|dead|died|lives|deaths)\b[^.;]{0,60}?\bmillions?\b[^.;]{0,30}?\b(?:displaced|forced|flee|fled|homeless|uprooted|driven)"
    r"|\b(?:half|quarter)\s+(?:of\s+)?(?:the\s+)?(?:country'?s\s+|syria'?s\s+)?(?:pre-war\s+)?population\b"
    r"|\b(?:in|from|during)\s+the\s+(?:\w+-year(?:-old)?\s+|syrian\s+|civil\s+|ongoing\s+|massive\s+)*"
    r"(?:conflict|war|insurgency|rebellion|uprising)\b(?!-)"
    r"|\bduring\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\bfrom\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}\b"
    r"|\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:three|four|five|six|seven|eight|nine|ten|[3-9]|\d\d)\s+days\b"
    r"|\b(?:has|have)\b[^.;]{0,80}\bthis\s+year\b"
    r"|\bsince\b[^.;]{0,100}?\b(?:passed|signed|took\s+effect|came\s+into\s+force|intervened|entered)\b"
)
#: A toll at least this large is an aggregate over a long period (no single attack or day).
_AGGREGATE_TOLL = 50000
#: A cumulative toll at least this large is a war toll: its source is never borrowed from a
#: neighbouring sentence and the war, not an actor, is its subject.
_WAR_TOLL = 10000
#: "the war/conflict ... has killed": the war is the subject, there is no perpetrator.
_WAR_SUBJECT = re.compile(
    r"\b(?:war|conflict|crisis|rebellion|uprising|insurgency|violence|fighting)\b(?!-)[^.;]{0,120}?"
    r"\b(?:has|have|had|that|which)\b[^.;]{0,30}?\b(?:killed|claimed|left|cost|caused|taken)\b"
)

_SPEECH_CUES = re.compile(
    r"\b(?:said|says|say|saying|told|tells|reported|reports|reporting|announced|announces|added|adds|"
    r"stated|states|confirmed|confirms|claimed|claims|documented|documents|counted|listed|lists|"
    r"revealed|estimated|estimates|noted|tweeted|wrote|informed|explained|put|gave|given|"
    r"citing|cited|quoted|recorded|records|tallied|specified|indicated|affirmed|pointed out)\b"
)
_CASUALTY_VERB = re.compile(r"\b(?:kill\w*|wound\w*|injur\w*|execut\w*|dead|died|death)\b")
_ACCORDING = re.compile(r"\b(?:according to|citing|quoting|quoted by|cited by|as reported by|reported by)\b")
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|it|they|the group|the monitor|the source|the sources|the observatory|the organisation|"
    r"the organization|the agency|the statement|the report|the ministry|a source|sources|the official|"
    r"the spokesman|the spokeswoman|the network|the body|the outlet|the military|the army|the news agency|"
    r"the reporter|the correspondent|the command)\s+(?:also\s+)?"
    r"(?:said|says|added|adds|reported|told|stated|noted|announced|confirmed|put|gave|specified|pointed out)\b"
    r"|\b(?:said|added|told|reported)\s+(?:he|she|it|they)\b"
)
#: Unnamed medical sources ("a source in the national hospital told", "medical sources said").
_MEDICAL_SOURCE = re.compile(
    r"\b(?:medical|hospital|health) (?:source|sources|officials?|workers?|staff)\b"
    r"|\bsources? (?:in|at|from) (?:the )?(?:\w+ ){0,3}(?:hospital|clinic|field hospital|health)\b"
    r"|\b(?:doctors?|medics|paramedics) (?:said|say|says|told|reported)\b"
)
_NEVER_PERPETRATOR = frozenset({"MONITOR_NGO", "UN", "CIVILIANS"})


# --------------------------------------------------------------------------- helpers

def _np_after(words: list[str], j: int, n: int) -> tuple[str | None, int, bool]:
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
        if w in _HEAD_CUES and w not in ("killed", "injured", "wounded", "dead"):
            return w, k + 1, False
        if w in PERSON_NOUNS:
            # compound heads: "aid workers", "rescue workers", "family members"
            while k + 1 < limit and words[k + 1] in PERSON_NOUNS and words[k + 1] not in ("others",):
                k += 1
            return words[k], k + 1, False
        if w == "and" and k > first and k + 1 < limit and words[k + 1] not in _STOP_NP and words[k + 1] not in UNITS:
            k += 1  # "Syrian regime and rebel fighters"
            continue
        if w in _STOP_NP or w in _RIGHT_CUES or not w[:1].isalpha():
            break
        if w in _NON_PERSON_HEADS:
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
        if w in _NEGATION_BEFORE:
            return True
    return False


def _char_to_word(words: list[str], left: str, char_pos: int) -> int:
    """Index of the word in ``left`` (joined by spaces) that starts at ``char_pos``."""
    return left[:char_pos].count(" ") if char_pos > 0 else 0


# --------------------------------------------------------------------------- core

def _left_governor(words: list[str], first: int, head: str | None, after: str = "") -> tuple[str | None, int]:
    """Category given by a casualty verb or noun just before a quantity (rule A).

    Returns (category or None or ``"negated"``, index of the cue word).
    """
    lo = max(0, first - 28)
    left = " ".join(words[lo:first])
    for pat, cat in _LEFT_PATTERNS:
        m = pat.search(left)
        if not m:
            continue
        cue_i = lo + _char_to_word(words, left, m.start("cue"))
        if cat in ("toll", "toll_bare", "toll_other", "number_of"):
            gap = words[cue_i + 1:first]
            if any(w in _TOLL_GAP_STOP or w[:1].isdigit() or w in UNITS for w in gap):
                continue  # "the toll was likely to rise given several ...", "toll at 58 saying 11 ..."
            if words[first - 1] == "of" and len(gap) > 3 and cat != "number_of":
                continue  # "the toll from the siege of the city of 200000 people"
            if cat == "toll":
                cat = "killed"
        if _negated(words, cue_i):
            return "negated", cue_i
        if cat == "killed_person":
            if head not in _COMBATANTS:
                continue  # "destroyed 300 families", "eliminated 12 vehicles"
            cat = "killed"
        elif cat in ("among", "number_of"):
            w = m.group("w")
            if w == "victims":
                cat = "casualties"
            elif w == "martyrs":
                cat = "killed"
            else:
                cat = _RIGHT_CUES.get(w, _HEAD_CUES.get(w, "killed"))
        elif cat == "toll_bare":
            # headline style "Death toll from Aleppo bomb attack at least 112"
            if (head is not None and head not in PERSON_NOUNS) or after in _RIGHT_CUES:
                continue
            if first < len(words) and first > 0 and words[first - 1] in ("in", "on", "of", "the", "and", "from", "by"):
                continue
            cat = "killed"
        elif cat == "toll_to":
            # "took to 89 the number of civilians killed", "brought to 45 the death toll"
            right = " ".join(words[first:first + 14])
            m2 = _TOLL_AFTER.search(right)
            if not m2:
                continue
            w = m2.group("w") or "dead"
            cat = _RIGHT_CUES.get(w, "killed")
        elif cat == "toll_other":
            cat = "casualties" if m.group("w").startswith("casualt") else "injured"
        return cat, cue_i
    return None, first


def _cue_at(words: list[str], k: int) -> tuple[str | None, int]:
    """A casualty predicate starting at word ``k``: (category, index after it)."""
    n = len(words)
    w = words[k]
    if w in _RIGHT_CUES:
        if w == "death":
            return None, k
        cat = _RIGHT_CUES[w]
        if cat == "killed" and k + 2 < n and words[k + 1] in ("or", "and") and words[k + 2] in ("wounded", "injured", "hurt"):
            return "casualties", k + 3
        return cat, k + 1
    if w in ("received", "sustained", "suffered") and k + 1 < n and words[k + 1] in (
            "wounds", "injuries", "injury", "wound", "serious", "severe", "minor", "light", "various", "critical"):
        return "injured", k + 2
    if w in _TO_DEATH and k + 2 < n and words[k + 1] == "to" and words[k + 2] == "death":
        return "killed", k + 3  # "two women were stoned to death"
    if w == "lost" and k + 2 < n and words[k + 1] in ("their", "his", "her") and words[k + 2] in ("lives", "life"):
        return "killed", k + 3
    if w in ("fallen", "fell") and k + 1 < n and words[k + 1] in ("victims", "victim"):
        return "casualties", k + 2
    if w in ("among", "amongst") and k > 0 and words[k - 1] in ("were", "was", "are", "is") and k + 2 < n \
            and words[k + 1] in ("the", "those") and words[k + 2] in _AMONG_CUES:
        return _AMONG_CUES[words[k + 2]], k + 3
    return None, k


def _right_predicate(words: list[str], k: int, head: str | None, starts: dict[int, Quantity]) -> tuple[str | None, int]:
    """Category given by a casualty predicate after a noun phrase ending at ``k`` (rule B)."""
    n = len(words)
    if k < n and (words[k] in _APPOSITIVE or (head is not None and words[k] in ("of", "from", "on", "in", "in", "belonging"))):
        # "members of the X group were killed", "10 people mostly schoolchildren killed",
        # "23 people - most of them fighters - were killed"
        kk = k + 1
        sub = words[k] in ("including", "among")  # "80 fighters including nine foreigners were destroyed"
        while kk < n and kk < k + 15 and (words[kk][:1].isalpha() or words[kk] in ('"', "-", "\u201c", "\u201d", "'", "(", ")", ",")
                                          or (sub and words[kk][:1].isdigit())) \
                and words[kk] not in _RIGHT_CUES and (sub or words[kk] not in UNITS) \
                and words[kk] not in ("were", "was", "have", "had", "are", "who", "which", "that", "when", "while"):
            kk += 1
        if kk < n and (words[kk] in _RIGHT_CUES or words[kk] in ("were", "was", "have", "had", "are")):
            k = kk
    steps = 0
    saw_and = False
    while k < n and steps < 12:
        w = words[k]
        cat, after = _cue_at(words, k)
        if cat is not None:
            # an active verb with its own object ("kidnapped 900 executed 18") is not our predicate,
            # unless that object is itself followed by a predicate ("6 killed 12 wounded")
            q2 = starts.get(after) if w in _TRANSITIVE else None
            if q2 is not None:
                if q2 is None:
                    return None, k
                h2, e2, _ = _np_after(words, q2.num_end, n)
                k2 = e2 if h2 else q2.num_end
                c2 = _right_predicate(words, k2, h2, {})[0] if k2 < n else None
                if c2 is None:
                    return None, k
            if saw_and and words[k - 1] == "and" and w in ("injured", "wounded", "killed", "hurt") and q2 is not None:
                return None, k
            return cat, after
        if w in _NEGATION_RIGHT:
            return "negated", k
        if head in _COMBATANTS and w in _PERSON_KILL and words[k - 1] != "was":
            return "killed", k + 1  # "80 fighters ... were destroyed"
        if w in ("who", "that") and head in PERSON_NOUNS and words[k - 1] == head:
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
        modifier = w[:1].isalpha() and w not in _STOP_NP and (
            any(x in PERSON_NOUNS for x in words[k + 1:k + 3])
            or (k + 2 < n and words[k + 1] == "and" and (words[k + 2][:1].isdigit() or words[k + 2] in UNITS)))
        if w in _GAP or w in _LIST or w in PERSON_NOUNS or w + "s" in PERSON_NOUNS or words[k][:1].isdigit() or w in UNITS or modifier:
            saw_and = saw_and or w == "and"
            k += 1
            steps += 1
            continue
        return None, k
    return None, k


_TO_DEATH = frozenset("stoned burned burnt beaten tortured starved hacked crushed shot stabbed".split())
_AMONG_CUES = {"victims": "casualties", "casualties": "casualties", "dead": "killed", "killed": "killed",
               "fatalities": "killed", "wounded": "injured", "injured": "injured"}
_PERSON_KILL = frozenset("destroyed eliminated neutralized neutralised liquidated".split())
#: Heads of armed men whom military statements say were "destroyed" or "eliminated".
_COMBATANTS = frozenset("terrorists militants fighters gunmen insurgents jihadists mercenaries extremists "
                        "rebels militiamen".split())
_AUX = frozenset("were was are is have has had been being be also reportedly later".split())


_REL_AUX = frozenset("were was are is have had".split())


def _relative_clause_end(words: list[str], k: int) -> int | None:
    """Index of the main verb's auxiliary after a relative clause with its own verb at ``words[k]``.

    "fighters who guarded the buses were killed" -> the index of "were"; ``None`` when the
    clause holds a number, a negation or the end of the sentence first.
    """
    for j in range(k + 2, min(len(words), k + 13)):
        w = words[j]
        if w[:1].isdigit() or w in UNITS or w in _NEGATION_RIGHT or w in (".", ";", ":", "?", "!"):
            return None
        if w in _REL_AUX and words[j - 1] not in _REL_AUX and words[j - 1] not in ("who", "that"):
            return j
    return None


def _own_predicate(words: list[str], k: int) -> bool:
    """Whether a verb phrase that is not a casualty predicate starts at ``k`` ("were kidnapped")."""
    j = k
    while j < len(words) and words[j] in _AUX:
        j += 1
    return j > k and j < len(words) and words[j][:1].isalpha() and words[j] not in _RIGHT_CUES and words[j] not in _PERSON_KILL \
        and words[j] not in ("among", "the", "all", "in", "on", "at")


#: Groups counted as units, not people ("including five entire families").
_UNITS_OF_PEOPLE = frozenset("families households clans tribes".split())
_PLACE_GAP = frozenset("in and around near at on of the outside , -".split())
_PLACE_PREP = frozenset("in at near around outside".split())


def _place_list(toks: list[Token], words: list[str], prev_end: int, q: Quantity) -> bool:
    """Whether ``q`` continues a list of counts by place after the previous claim.

    "150 bodies were counted in Hama 100 in Homs and 40 in Idlib", "killed 45 civilians in
    and around the city and 22 in the next province": the words between are places (capitalised)
    and prepositions, and a place follows the number or "and" precedes it.
    """
    while prev_end < q.first and words[prev_end] not in _PLACE_PREP and (words[prev_end] in _GAP or words[prev_end].endswith("ed")):
        prev_end += 1  # "150 bodies were counted in ..."
    between = range(prev_end, q.first)
    if not 1 <= len(between) <= 8 or words[prev_end] not in _PLACE_PREP:
        return False
    if not all(words[k] in _PLACE_GAP or toks[k].text[:1].isupper() for k in between):
        return False
    if not any(toks[k].text[:1].isupper() for k in between):
        return False
    nxt = words[q.num_end] if q.num_end < len(words) else ""
    return nxt in _PLACE_PREP or words[q.first - 1] in ("and", ",")


def _sentence_claims(sent: Sentence) -> list[dict[str, Any]]:
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
        if q.first > 0 and words[q.first - 1] in _OTHER_VERBS:
            continue
        if q.first > 0 and words[q.first - 1] in ("url", "+"):
            continue  # "Get short URL 124", "UTC+3": not a count
        head, np_end, foreign = _np_after(words, q.num_end, n)
        a_cat, a_cue = _left_governor(words, q.first, head, words[np_end] if np_end < n else "")
        if a_cat == "negated":
            continue
        if a_cat is None and q.num_end in starts and words[q.num_start][:1].isdigit():
            continue  # "124 At least four people were killed": the first number counts something else
        if q.min == 1 and q.qualifier == "exact" and (
                (a_cat is None and q.first > 0 and words[q.first - 1] == "of")  # "members of one family"
                or (q.num_end + 1 < n and words[q.num_end] == "of" and words[q.num_end + 1][:1].isdigit())
                or (q.num_end + 1 < n and words[q.num_end] == "of" and words[q.num_end + 1] in UNITS)):
            continue  # "one of two people killed"
        if (q.min == 1 or q.vague) and " ".join(words[q.num_end:q.num_end + 3]) in _ONE_OF_THE:
            continue  # "one of the wounded", "several of the wounded were in serious condition"
        category, cue_lo, cue_hi = None, q.first, q.num_end
        # C1. a subgroup introduced by "including", "among them", "along with"...
        sub = None
        between = words[claims[-1]["_tok_end"]:q.first] if claims else []
        if claims and q.first - claims[-1]["_tok_end"] <= 20 and head not in _NOT_VICTIMS and head not in _UNITS_OF_PEOPLE \
                and not (foreign and words[np_end - 1] in _NON_PERSON_HEADS) \
                and not any(w in _OTHER_VERBS or w in _DISPLACED for w in between):
            if _SUBGROUP_LEFT.search(" ".join(words[max(0, q.first - 4):q.first])):
                sub = claims[-1]["category"]
            elif q.num_end + 1 < n and words[q.num_end] == "of" and words[q.num_end + 1] in ("them", "whom"):
                k = q.num_end + 2
                while k < n and words[k] in ("were", "are", "was", "being", "a", "an", "young", "little", "all"):
                    k += 1
                if k < n and words[k] in PERSON_NOUNS:
                    sub = claims[-1]["category"]
                    head, np_end = words[k], k + 1
        b_start = np_end if (head is not None or not foreign) else q.num_end
        b_cat, b_hi = _right_predicate(words, b_start, head, starts) if b_start < n else (None, b_start)
        if b_cat == "negated":
            continue
        active = None
        parent = None
        if sub is not None and b_cat is None and _own_predicate(words, b_start):
            sub = None  # "66 killed along with 119 were kidnapped"
        if sub is not None:
            category = sub
            parent = len(claims) - 1
        elif a_cat is not None and b_cat is not None and words[a_cue] in _RIGHT_CUES and a_cue == q.first - 1 \
                and "and" not in words[b_start:b_hi]:
            category, cue_hi = b_cat, b_hi  # title lists: "2 killed 5 injured"
        elif a_cat is not None:
            if foreign and head is None and np_end > 0 and words[np_end - 1] in _NON_PERSON_HEADS:
                continue
            category, cue_lo = a_cat, a_cue
            active = True
        elif head in _HEAD_CUES:
            if head == "lives" and q.first > 0 and words[q.first - 1] in ("saved", "save", "saving"):
                continue
            category, cue_hi = _HEAD_CUES[head], np_end
        elif b_cat is not None:
            category, cue_hi = b_cat, b_hi
            active = q.first > 0 and words[q.first - 1] in ("left", "leaving", "leave", "leaves", "shot", "shooting")
        elif claims and head is None and not foreign and _place_list(toks, words, claims[-1]["_tok_end"], q):
            category = claims[-1]["category"]  # "150 bodies in A 100 in B and 40 in C"
            parent = len(claims) - 1
            head = claims[-1]["_head"]
        elif claims and not (foreign and words[np_end - 1] in _NON_PERSON_HEADS) \
                and q.first - claims[-1]["_tok_end"] <= 3 and q.first > 0 and (
                words[q.first - 1] == claims[-1]["_head"]
                or (words[q.first - 1] in ("and", ",", "-") and q.first > 1 and words[q.first - 2] in PERSON_NOUNS)):
            category = claims[-1]["category"]  # lists: "1733 children 969 women and 3110 men"
            parent = len(claims) - 1
        if category is None:
            continue
        lo_i = min(cue_lo, q.first)
        if any(w in _DENIAL for w in words[max(0, lo_i - 8):lo_i]) and not any(
                w in ".;:" for w in words[max(0, lo_i - 8):lo_i]):
            continue  # "Moscow denied that its jets killed 30 civilians"
        if head is None and q.vague and q.num_end < n and words[q.num_end] == "more":
            np_end = q.num_end + 1
        qualifier = q.qualifier
        if qualifier != "vague" and np_end < n and _HEDGE_POST.match(" ".join(words[np_end:np_end + 2])):
            qualifier = "at_least"
        victims = head if head and head not in _HEAD_CUES else "people"
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


_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|first|most\s+\w+|highest|fiercest)\b[^.;]{0,80}$")


def _scope(sentence_text: str) -> str:
    """``cumulative`` for a toll over a long period or the whole war, else ``event``.

    "since" clauses after a superlative ("the deadliest attack since the war began") do not
    make a toll cumulative.
    """
    low = sentence_text.lower()
    for m in _SCOPE_CUMULATIVE.finditer(low):
        if _SUPERLATIVE.search(low[:m.start()]):
            continue
        return "cumulative"
    return "event"


# --------------------------------------------------------------------------- actors

@lru_cache(maxsize=1)
def _default_dictionary() -> Any:
    try:
        from .actors import default_dictionary
    except ImportError:  # the actor module is optional for the number rules
        return None
    return default_dictionary()


def _mentions_by_sentence(sents: list[Sentence], dictionary: Any, date: Any,
                          rows: Iterable[dict[str, Any]] | None = None) -> dict[int, list[dict[str, Any]]]:
    """Actor mentions (with roles, generic words resolved) per ``sent_id``, offsets local to the sentence."""
    if rows is None:
        from .actors import extract_mentions

        rows = extract_mentions(sents, dictionary=dictionary, date=date)
    out: dict[int, list[dict[str, Any]]] = {}
    starts = {s.sent_id: s.start for s in sents}
    for m in rows:
        if m.get("sent_id") not in starts:
            continue
        if not m.get("actor_id"):
            continue
        off = starts[m["sent_id"]]
        out.setdefault(m["sent_id"], []).append(dict(m, start=m["start"] - off, end=m["end"] - off))
    return out


def _sentence_speaker(text: str, mentions: list[dict[str, Any]], *, title: bool = False
                      ) -> tuple[str | None, tuple[int, int] | None, bool]:
    """(source group id, its span, whether a pronoun speaker is cited) for one sentence.

    The source is the actor after "according to", the subject of a verb of saying
    ("the Observatory said", "activists who spoke ... told Reuters"), the actor right after
    the verb ("said the monitor"), or, when an unnamed source "told" an outlet, that outlet.
    In a title, a monitor named last ("... kill 20 civilians: activists") is the source.
    """
    low = text.lower()
    med = _MEDICAL_SOURCE.search(low)
    if med:
        return "MONITOR_NGO", (med.start(), med.end()), False
    ms = sorted((m for m in mentions if m["actor_id"] != "CIVILIANS" and m["role"] != "target"
                 and not _WAR_AFTER.match(low[m["end"]:m["end"] + 20])),
                key=lambda m: m["start"])
    acc = _ACCORDING.search(low)
    if acc:
        after = [m for m in ms if 0 <= m["start"] - acc.end() <= 40]
        if after:
            m = after[0]
            return m["actor_id"], (m["start"], m["end"]), False
    best: tuple[int, dict[str, Any]] | None = None
    for cue in _SPEECH_CUES.finditer(low):
        verb = cue.group()
        if _PASSIVE_BEFORE.search(low[max(0, cue.start() - 8):cue.start()]):
            continue  # "had been confirmed dead", "was reported killed": no speaker
        before = [m for m in ms if m["end"] <= cue.start()]
        if before:
            m = before[-1]
            gap = low[m["end"]:cue.start()]
            if _OTHER_SUBJECT.search(gap):
                pass  # "... by the coalition in the area the military said": another subject speaks
            elif len(gap.split()) <= 12 and not re.search(r"[.;:!?\"\u201c\u201d]", gap) and not _CASUALTY_VERB.search(gap) \
                    and not m["surface"].lower().endswith(("-held", "-controlled")) and not re.search(r"\b(?:that|when|after|because)\b", gap):
                if low[cue.end():cue.end() + 1] == "" or not (verb in ("put", "gave", "given", "claimed", "claims", "cited", "citing", "quoted", "blamed", "accused", "warned") and len(gap.split()) > 4):
                    d = len(gap.split())
                    if best is None or d < best[0]:
                        best = (d, m)
        if verb in ("said", "says", "added", "adds", "reported", "stated", "announced", "confirmed", "noted"):
            for m in ms:
                if m["start"] < cue.end():
                    continue
                between = low[cue.end():m["start"]]
                if re.search(r"[^\w\s'-]|\b(?:that|it|on|in|to)\b|\d", between) or any(w in UNITS for w in between.split()):
                    break
                if not _AFTER_SPEAKER_END.match(low[m["end"]:]):
                    break  # "said terrorist groups fired ...": the subject of the reported clause
                d = len([w for w in between.split() if w not in ("the", "a", "an")])
                if d <= 3 and (best is None or d < best[0]):
                    best = (d, m)
                break
    if best is not None:
        m = best[1]
        # "Washington and Paris say", "a monitor and rebels said": the first of coordinated speakers
        while True:
            prev = [x for x in ms if x["end"] <= m["start"] and _AND_BETWEEN.match(low[x["end"]:m["start"]])]
            if not prev:
                break
            m = prev[-1]
        # "a source ... told SANA": the unnamed source speaks through the outlet
        told = re.search(r"\b(?:source|sources|official|officials)\b[^.;]{0,80}?\btold\b", low)
        if told and m["end"] <= told.end() + 2 and not _NAMED_SOURCE.match(low[m["end"]:]):
            out = [x for x in ms if 0 <= x["start"] - told.end() <= 3]
            if out and not re.search(r"\b(?:hospital|medical|medics?|doctors?)\b", low[told.start():told.end()]):
                m = out[0]
        return m["actor_id"], (m["start"], m["end"]), False
    acc = _ACCUSE.search(low)
    if acc and not _PRONOUN_SPEAKER.search(low):
        # "the opposition accused government forces of killing 300": the accuser is the source
        before = [m for m in ms if m["end"] <= acc.start() and len(low[m["end"]:acc.start()].split()) <= 3]
        if before:
            m = before[-1]
            return m["actor_id"], (m["start"], m["end"]), False
    if title and ms:
        last = ms[-1]
        tail = low[last["end"]:].strip(" .:-")
        if not tail and last["actor_id"] in ("MONITOR_NGO", "UN"):
            return last["actor_id"], (last["start"], last["end"]), False
    return None, None, bool(_PRONOUN_SPEAKER.search(low))


#: The end of a gap before a verb of saying that is another subject ("the military", "he").
_OTHER_SUBJECT = re.compile(
    r"(?:\b(?:he|she|they|it)|\b(?:the|a|an|its|their)\s+(?:\w+\s+)?(?:military|army|ministry|statement|report|"
    r"official|officials|source|sources|spokesman|spokeswoman|agency|monitor|group|network|organi[sz]ation|"
    r"observatory|activist|activists|correspondent|reporter|council|command|media)(?:\s+(?:in|of)\s+\w+)?)\s+(?:also\s+)?$"
)
#: What may follow a speaker named after its verb ("said the monitor on Friday.").
_AFTER_SPEAKER_END = re.compile(
    r"^(?:'s)?\s*(?:$|[.,;:\"\u201c\u201d()\u2013\u2014-]|(?:on|in|at|that|which|who|adding|citing|late|earlier|"
    r"today|yesterday|told|quoted|monday|tuesday|wednesday|thursday|friday|saturday|sunday|chief|head|director|"
    r"spokesman|official|officials|said|reported|also)\b)"
)
#: "a Syrian military source told X": the source is named by its group, not by the outlet.
_NAMED_SOURCE = re.compile(r"^\s+(?:\w+\s+)?(?:source|sources|official|officials|spokesman)\b")
#: "the Syrian military conflict": an adjective of the war, not an actor.
_WAR_AFTER = re.compile(r"^\s+(?:conflict|war|crisis|civil war)\b")
_ACCUSE = re.compile(
    r"\baccus(?:ed|ing|es)\b[^.;]{0,60}?\bof\s+(?:\S+\s+){0,3}?"
    r"(?:killing|massacring|executing|gassing|murdering|launching|carrying out|conducting|shelling|bombing)\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:been|be|being|was|were|is|are)\s+$")
_AND_BETWEEN = re.compile(r"^\s*(?:,\s*)?and\s+(?:the\s+|a\s+|an\s+)?$")
_CLAUSE_BREAK = re.compile(r"[.;:!?\"\u201c\u201d]|\b(?:said|says|told|according|while|whilst|but|whereas|meanwhile|adding|added|although|despite)\b")
_PLACE_OF = re.compile(r"(?:held by|controlled by|-held|-controlled|held|controlled|seized by|territory of|areas of|region of|hometown of|home town of|town of|city of|village of|birthplace of)\s*(?:the\s+)?$", re.I)
_GENERIC_WORDS = frozenset("fighters militants terrorists gunmen insurgents jihadists extremists rebels".split())
_SPEAKS_AFTER = re.compile(
    r"^\W*(?:(?:news|agency|tv|television|channel|correspondent|reporter|media|statement)\W+){0,2}"
    r"(?:said|says|reported|reports|told|announced|added|stated|confirmed)\b", re.I)
#: "X were behind the attack in which 40 were killed": X caused a passive claim.
#: "in an attack blamed on X, 100 civilians were killed": X caused a passive claim.
_BLAMED_ON = re.compile(r"\b(?:blamed on|attributed to|carried out by|launched by|conducted by)\s+(?:the\s+)?$", re.I)
_BEHIND = re.compile(r"^(?:\s+\w+)?\s+(?:were|was|is|are|had been|have been)\s+(?:\w+\s+)?behind\b", re.I)
#: "the toll for Russian soldiers killed": the group names the victims.
_VICTIM_AFTER = re.compile(r"^(?:\S+\s+){0,2}?(?:soldiers|troops|servicemen|personnel|fighters|militants|civilians|"
                           r"nationals|citizens|officers|pilots|members|police)\s+(?:who\s+(?:were|have been|had been)\s+)?"
                           r"(?:killed|dead|died|wounded|injured)\b", re.I)
#: "the Syrian side of the border": an adjective of place, not an actor.
_PLACE_AFTER = re.compile(r"^(?:-backed\b|\s+(?:side|border|territory|soil|coast|desert|countryside|frontier|"
                          r"positions?|checkpoints?|bases?|headquarters|barracks)\b)", re.I)
_PLACE_NOUNS = frozenset("side border territory soil coast desert countryside frontier".split())
_AFTER_BREAK = re.compile(r"\d|\b(?:including|as well as|along with|among them|where|which|who|and (?:the|a) \w+ (?:of|in))\b")
_AFTER_LINK = re.compile(r"\b(?:by|with|in|from|during|amid|when|after|as|of|on|between|against)\b")


def _perpetrator_of(claim: dict[str, Any], text: str, toks: list[Token], mentions: list[dict[str, Any]],
                    source_span: tuple[int, int] | None) -> str | None:
    """The actor said to have caused the claim's casualties, in the same clause.

    Active claims ("Russian strikes killed 14", "ISIS executed 18") take the nearest actor
    before the verb; passive ones ("16 civilians were killed in raids by the coalition",
    "in clashes with Kurdish militants") the nearest actor after the claim introduced by a
    preposition. Victims ("25 members of the Nusra Front"), the cited source, places ("the
    IS-held town") and monitors, the UN and civilians are never perpetrators.
    """
    c_lo, c_hi = claim["start"], claim["end"]
    num_lo = toks[claim["_num"][0]].start
    words = [t.low for t in toks]
    k = claim["_np_end"]
    if k < len(words) and words[k] == "of":  # "militants of the Islamic State group"
        while k < len(words) and (words[k] not in ("in", "by", "when", "on", "at", "during", "were", "was", "killed",
                                                  "wounded", "injured", "after", "as", "with", ",", ".", "had",
                                                  "have", "has", "died", "who", "and") \
                or (words[k] == "as" and words[k - 1] == "known")):  # "the security force known as the Asayish"
            k += 1
    np_hi = toks[k - 1].end if k > 0 else c_hi
    before_best: tuple[int, str] | None = None
    behind = False
    after_best: tuple[int, str] | None = None
    inside_best: str | None = None
    victim_groups = {m["actor_id"] for m in mentions if num_lo <= m["start"] < np_hi
                     and m["surface"].lower() not in _GENERIC_WORDS}
    starts = {m["start"] for m in mentions if m["actor_id"] not in _NEVER_PERPETRATOR
              and not (source_span is not None and m["start"] < source_span[1] and m["end"] > source_span[0])}
    for m in mentions:
        aid = m["actor_id"]
        if aid in _NEVER_PERPETRATOR or aid in victim_groups:
            continue
        if m["surface"].lower().endswith(("-held", "-controlled", " held")):
            continue  # a place: "the rebel-held town"
        if any(m["end"] <= x <= m["end"] + 1 for x in starts):
            continue  # "Syrian Kurdish fighters": the last of adjacent mentions names the actor
        if _SPEAKS_AFTER.match(text[m["end"]:m["end"] + 40]):
            continue  # "... Syrian state television reported": a source, not a perpetrator
        if c_lo <= m["start"] and m["end"] <= num_lo:
            if not re.search(r"\bof(?: the)?\s*$", text[max(0, m["start"] - 8):m["start"]]) \
                    and not _VICTIM_AFTER.match(text[m["start"]:m["end"] + 40]):
                inside_best = inside_best or aid  # "the death toll from the Daesh attack reached 51"
            continue
        if re.match(r"^\s+or\s+(?:the\s+)?$", text[m["end"]:m["end"] + 10]) or re.search(r"\s+or\s+(?:the\s+)?$", text[max(0, m["start"] - 10):m["start"]]) and any(x["end"] <= m["start"] and m["start"] - x["end"] <= 10 for x in mentions if x is not m):
            return None  # "Syrian regime or Russian jets": not stated which
        if source_span is not None and m["start"] < source_span[1] and m["end"] > source_span[0]:
            continue
        if num_lo <= m["start"] < max(np_hi, c_hi) and m["start"] < np_hi:
            continue  # inside the victims' noun phrase
        if _PLACE_OF.search(text[max(0, m["start"] - 20):m["start"]]) or text[m["end"]:m["end"] + 5].lower().startswith(("-held", "-contr", " held")):
            continue
        if _PLACE_AFTER.match(text[m["end"]:m["end"] + 30]) or m["surface"].lower().endswith("-backed") \
                or m["surface"].lower().rsplit(None, 1)[-1] in _PLACE_NOUNS:
            continue  # "the Syrian side of the border", "US-backed militants": not who acted
        if m["end"] <= c_lo:
            seg = text[m["end"]:c_lo]
            if _CLAUSE_BREAK.search(seg.lower()):
                continue
            d = len(seg.split())
            if d <= 16 and (before_best is None or d < before_best[0]):
                before_best = (d, aid)
                behind = bool(_BEHIND.match(text[m["end"]:m["end"] + 40])
                              or _BLAMED_ON.search(text[max(0, m["start"] - 30):m["start"]]))
        elif m["start"] >= num_lo:
            seg = text[max(c_hi, np_hi):m["start"]] if m["start"] >= max(c_hi, np_hi) else ""
            if _CLAUSE_BREAK.search(seg.lower()) or _AFTER_BREAK.search(seg.lower()):
                continue
            d = len(seg.split())
            if d <= 12 and _AFTER_LINK.search(seg.lower()) and (after_best is None or d < after_best[0]):
                after_best = (d, aid)
    if inside_best is not None:
        return inside_best
    if claim.get("_active") and before_best is not None:
        return before_best[1]
    if after_best is not None:
        return after_best[1]
    if before_best is not None and (claim.get("_active") is not False or behind):
        return before_best[1]
    return None


#: Sentences (relative to a claim's) whose speaker is the source when its own sentence cites none.
_ADJACENT = (1, -1)
#: Vague quantities of a war toll ("hundreds of thousands").
_WAR_VAGUE = frozenset({"tens of thousands", "hundreds of thousands"})


def extract_claims(sentences: Iterable[Sentence], *, dictionary: Any = None, date: Any = None,
                   mentions: Iterable[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Casualty claims of one document.

    Args:
        sentences: the :class:`~analysis.text.Sentence` list of one document, from
            :func:`analysis.text.document_sentences`.
        dictionary: the actor dictionary for sources and perpetrators (``None``: the
            default one from :mod:`analysis.actors`; ``False``: no actors).
        date: the report date, passed to the actor matcher (dated aliases).
        mentions: the document's rows from :func:`analysis.actors.extract_mentions`, when
            already computed (saves a second actor pass); offsets in the part's text.

    Returns:
        One dict per claim occurrence with the keys :data:`CLAIM_COLUMNS` plus ``quote``.

    Example:
        >>> from analysis.text import document_sentences
        >>> s = document_sentences("d", None, "Almost 600 people were killed and over 2,000 injured.")
        >>> [(c["category"], c["min"], c["qualifier"]) for c in extract_claims(s, dictionary=False)]
        [('killed', 600, 'almost'), ('injured', 2000, 'more_than')]
    """
    sents = list(sentences)
    per_sent = [_sentence_claims(s) for s in sents]
    if not any(per_sent):
        return []
    if dictionary is None and mentions is None:
        dictionary = _default_dictionary()
    use_actors = mentions is not None or bool(dictionary)
    by_sent = _mentions_by_sentence(sents, dictionary, date, mentions) if use_actors else {}
    speakers = [_sentence_speaker(s.text, by_sent.get(s.sent_id, []), title=s.part == "title") if use_actors
                else (None, None, False) for s in sents]
    # a pronoun speaker ("the source added", "he said") stands for the last named one
    resolved: list[str | None] = []
    last_source: str | None = None
    last_idx = -10
    for idx, (sp, _span, pronoun) in enumerate(speakers):
        if sp is not None:
            last_source, last_idx = sp, idx
        resolved.append(sp if sp is not None else (last_source if pronoun and idx - last_idx <= 3 else None))
    out: list[dict[str, Any]] = []
    for idx, s in enumerate(sents):
        claims = per_sent[idx]
        if not claims:
            continue
        sp, sp_span, _pronoun = speakers[idx]
        own = resolved[idx]
        adjacent = None
        for j in (idx + d for d in _ADJACENT):
            if 0 <= j < len(sents) and resolved[j] is not None:
                adjacent = resolved[j]
                break
        toks = claims[0]["_toks"]
        sent_scope = _scope(s.text)
        war_subject = bool(_WAR_SUBJECT.search(s.text.lower()))
        sent_mentions = by_sent.get(s.sent_id, [])
        perps: list[str | None] = []
        for c in claims:
            scope = sent_scope
            if c["category"] != "injured" and (c["max"] or 0) >= _AGGREGATE_TOLL:
                scope = "cumulative"
            war_toll = scope == "cumulative" and ((c["max"] or 0) >= _WAR_TOLL or c["vague"] in _WAR_VAGUE)
            source = own if own is not None or war_toll else adjacent
            if not use_actors or (war_toll and war_subject):
                perp = None
            elif c["_parent"] is not None:
                perp = perps[c["_parent"]]
            else:
                perp = _perpetrator_of(c, s.text, toks, sent_mentions, sp_span)
            perps.append(perp)
            out.append({
                "doc_id": s.doc_id,
                "part": s.part,
                "sent_id": s.sent_id,
                "start": s.start + c["start"],
                "end": s.start + c["end"],
                "category": c["category"],
                "min": c["min"],
                "max": c["max"],
                "qualifier": c["qualifier"],
                "vague": c["vague"],
                "victims": c["victims"],
                "scope": scope,
                "source_actor": source,
                "perpetrator_actor": perp,
                "sentence": s.text,
                "quote": s.text[c["start"]:c["end"]],
            })
        _share_perpetrators(out[len(out) - len(claims):], claims, s.text)
    return out


_COORDINATED = re.compile(r"^\s*,?\s*and\s*$")


def _share_perpetrators(records: list[dict[str, Any]], claims: list[dict[str, Any]], text: str) -> None:
    """Coordinated passive claims share the perpetrator named after the last one.

    "13 civilians were killed and over 30 others were wounded when regime forces bombed ..."
    -> both were caused by regime forces (``records`` and ``claims`` are parallel, in text order).
    """
    for i in range(len(records) - 2, -1, -1):
        r, nxt = records[i], records[i + 1]
        if r["perpetrator_actor"] is not None or nxt["perpetrator_actor"] is None or claims[i].get("_active"):
            continue
        if claims[i + 1].get("_active") or claims[i + 1]["_parent"] is not None:
            continue
        between = text[claims[i]["end"]:claims[i + 1]["_num_start_char"]]
        if _COORDINATED.match(between):
            r["perpetrator_actor"] = nxt["perpetrator_actor"]


def claims_frame(records: Iterable[dict[str, Any]]):
    """The claims records as a DataFrame with :data:`CLAIM_COLUMNS` (plus ``quote``)."""
    import pandas as pd

    return pd.DataFrame(list(records), columns=CLAIM_COLUMNS + ["quote"])
