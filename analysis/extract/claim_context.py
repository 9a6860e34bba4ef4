"""Casualty-claim context: scope (event or cumulative) and the perpetrator (the source is in :mod:`analysis.extract.sources`).
"""

from __future__ import annotations

import re
from typing import Any

from ..resources.packs import NEVER_PERPETRATOR
from ..resources.vocabulary import GENERIC_PARTY_WORDS, MONTHS, alternation
from .numbers import Token

_SCOPE_CUMULATIVE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset|conflict|war|uprising|revolution|crisis|"
    r"fighting|violence|protests|it began|\d{4}|<month>|early|late|last|the\s+(?:start|beginning)|its|their|then|mid)"
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
    r"|\bsince\b[^.;]{0,100}?\b(?:<month>)\s+\d{1,2}\b"
    r"|\bsince\s+(?:the\s+)?(?:conflict|war)\s+(?:began|started|erupted)"
    # war tolls without a start date: "the conflict which has lasted five years has killed",
    # "300000 killed and millions forced to flee", "died in the three-year-old rebellion"
    r"|\b(?:war|conflict|crisis|rebellion|uprising|insurgency|revolt)\b(?!-)[^.;]{0,120}?\b(?:has|have|had)\s+"
    r"(?:since\s+|so\s+far\s+|now\s+|already\s+|reportedly\s+)?(?:killed|claimed|left|cost|caused|taken)\b"
    r"|\b(?:killed|dead|died|lives|deaths)\b[^.;]{0,60}?\bmillions?\b[^.;]{0,30}?\b(?:displaced|forced|flee|fled|homeless|uprooted|driven)"
    r"|\b(?:half|quarter)\s+(?:of\s+)?(?:the\s+)?(?:country'?s\s+|syria'?s\s+)?(?:pre-war\s+)?population\b"
    r"|\b(?:in|from|during)\s+the\s+(?:\w+-year(?:-old)?\s+|syrian\s+|civil\s+|ongoing\s+|massive\s+)*"
    r"(?:conflict|war|insurgency|rebellion|uprising)\b(?!-)"
    r"|\bduring\s+(?:<month>)\b"
    r"|\bfrom\s+(?:<month>)\s+\d{4}\b"
    r"|\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:three|four|five|six|seven|eight|nine|ten|[3-9]|\d\d)\s+days\b"
    r"|\b(?:has|have)\b[^.;]{0,80}\bthis\s+year\b"
    r"|\bsince\b[^.;]{0,100}?\b(?:passed|signed|took\s+effect|came\s+into\s+force|intervened|entered)\b"
    .replace("<month>", alternation(MONTHS))
)

#: A toll at least this large is an aggregate over a long period (no single attack or day).
AGGREGATE_TOLL = 50000

#: A cumulative toll at least this large is a war toll: its source is never borrowed from a
#: neighbouring sentence and the war, not an actor, is its subject.
WAR_TOLL = 10000

#: "the war/conflict ... has killed": the war is the subject, there is no perpetrator.
WAR_SUBJECT = re.compile(
    r"\b(?:war|conflict|crisis|rebellion|uprising|insurgency|violence|fighting)\b(?!-)[^.;]{0,120}?"
    r"\b(?:has|have|had|that|which)\b[^.;]{0,30}?\b(?:killed|claimed|left|cost|caused|taken)\b"
)

_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|first|most\s+\w+|highest|fiercest)\b[^.;]{0,80}$")


def claim_scope(sentence_text: str) -> str:
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


_CLAUSE_BREAK = re.compile(r"[.;:!?\"\u201c\u201d]|\b(?:said|says|told|according|while|whilst|but|whereas|meanwhile|adding|added|although|despite)\b")

_PLACE_OF = re.compile(r"(?:held by|controlled by|-held|-controlled|held|controlled|seized by|territory of|areas of|region of|hometown of|home town of|town of|city of|village of|birthplace of)\s*(?:the\s+)?$", re.I)

_GENERIC_WORDS = GENERIC_PARTY_WORDS

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


def perpetrator_of(claim: dict[str, Any], text: str, toks: list[Token], mentions: list[dict[str, Any]],
                    source_span: tuple[int, int] | None) -> str | None:
    """The actor said to have caused the claim's casualties, in the same clause.

    Active claims ("Russian strikes killed 14", "Daesh executed 18") take the nearest actor
    before the verb; passive ones ("16 civilians were killed in raids by the coalition",
    "in clashes with Kurdish militants") the nearest actor after the claim introduced by a
    preposition. Victims ("25 members of the Nusra Front"), the cited source, places ("the
    IS-held town") and parties of a kind that never fights (monitors, media...) are never perpetrators.
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
    starts = {m["start"] for m in mentions if m["kind"] not in NEVER_PERPETRATOR
              and not (source_span is not None and m["start"] < source_span[1] and m["end"] > source_span[0])}
    for m in mentions:
        aid = m["actor_id"]
        if m["kind"] in NEVER_PERPETRATOR or aid in victim_groups:
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


_COORDINATED = re.compile(r"^\s*,?\s*and\s*$")


def share_perpetrators(records: list[dict[str, Any]], claims: list[dict[str, Any]], text: str) -> None:
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
