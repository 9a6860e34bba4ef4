"""Roles of actor mentions: speaker, agent, target or other, from patterns around a mention.
"""

from __future__ import annotations

import re

from ..resources.vocabulary import STANCE_VERBS, alternation

ROLES = ("speaker", "agent", "target", "other")

_SAY = alternation(STANCE_VERBS)

_VIOLENT = (
    r"attack(?:s|ed|ing)?|shell(?:s|ed|ing)|bomb(?:s|ed|ing)?|bombard(?:s|ed|ing)|strik(?:e|es|ing)|"
    r"struck|kill(?:s|ed|ing)?|target(?:s|ed|ing)?|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|"
    r"pound(?:s|ed|ing)?|hit(?:s|ting)?|raid(?:s|ed|ing)?|fir(?:e|es|ed|ing)|launch(?:es|ed|ing)?|"
    r"executed?|execut(?:es|ing)|massacred?|ambush(?:es|ed|ing)?|storm(?:s|ed|ing)?|"
    r"overr(?:a|u)n(?:s|ning)?|advanc(?:e|es|ed|ing)|recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|"
    r"retook|took control|take control|took over|besieg(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|"
    r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|shot|shoot(?:s|ing)?|abduct(?:s|ed|ing)?|"
    r"kidnap(?:s|ped|ping)?|blew up|detonated|clash(?:es|ed)? with|fought|fight(?:s|ing)?|"
    r"targeting|assault(?:s|ed|ing)?|drop(?:s|ped|ping)?|dropp?ed|used|gassed|"
    r"liberat(?:e|es|ed|ing)|encircl(?:e|es|ed|ing)|push(?:es|ed)? into|entered|"
    r"carried out|conducted|committed|perpetrated|battl(?:e|es|ed|ing)|repel(?:s|led|ling)|repuls(?:e|es|ed|ing)|"
    r"thwart(?:s|ed|ing)?|foil(?:s|ed|ing)?|inflict(?:s|ed|ing)?|dealt|establish(?:es|ed|ing)? (?:full )?control|"
    r"regain(?:s|ed|ing)? control"
)

_ADV = r"(?:\s+(?:\w+ly|also|reportedly|allegedly|have|has|had|were|was|is|are|be|been|on \w+day|later|then|again|had been|continued to|continue to|began|begun|to))*"

_SPEAKER_AFTER = re.compile(rf"^(?:[^.;:\"“”]{{0,60}}?,\s*)?{_ADV}\s*(?:{_SAY})\b", re.I)

_SPEAKER_BEFORE = re.compile(
    r"(?:according to|said|says|quoted|quoting|cited|citing|reported by|statement by|statement from|sources? (?:at|in|from))\s+(?:the\s+|a\s+)?$"
    r"|according to [^.;]{0,60}\b(?:and|or)\s+(?:the\s+|a\s+)?$",  # "according to X and the Observatory"
    re.I,
)

#: "said X" / "says X" before a mention that goes on with a deed: "the army says rebels killed ..."
_SAID_BEFORE = re.compile(r"\b(?:said|says)\s+(?:that\s+)?(?:the\s+|a\s+)?$", re.I)

_SAY_LOWER = rf"(?:{_SAY})"

#: A title, a name or an organisation noun between the mention and a verb of saying:
#: "Observatory director Rami Abdel Rahman said", "SANA news agency reported", "the Syrian
#: Observatory for Human Rights said". Capitalised words must be capitalised; the verb lower case.
_SPEAKER_ORG_TAIL = re.compile(
    rf"^(?:\s+(?i:news agency|agency|television|tv|media|channel|broadcaster|correspondents?|reporters?|website|office|ministry|command)){{1,3}}"
    rf"(?i:{_ADV})\s*(?:{_SAY_LOWER})\b"
)

_SPEAKER_NAME_TAIL = re.compile(
    rf"^(?:\s+(?:[A-Z][\w'’.-]*|of|for|al|bin|el|(?i:director|head|chief|chairman|spokes(?:man|woman|person)|officials?|sources?|"
    rf"activists?|members?|correspondent|representative|envoy|minister|commander|coordinator|founder|president)))"
    rf"{{1,7}}?(?i:{_ADV})\s*(?:{_SAY_LOWER})\b"
)

_SPEAKER_OWN = re.compile(r"^(?:['’]?s?\s+)?(?:\w+\s+){0,2}?(?:statement|spokes(?:man|woman|person)|said|announcement|report|communique|bulletin|website|account|tally|count|figures|documentation|sources?)\b", re.I)

_AGENT_AFTER = re.compile(rf"^(?:\s+[\w'’-]+){{0,3}}?{_ADV}\s+(?!wounded|injured|hurt|killed\s+(?:in|by|on|at|when|during|after)\b)(?:{_VIOLENT})\b", re.I)

#: "were behind the attack", "is responsible for": the perpetrator.
_AGENT_RESP = re.compile(r"^\s+(?:\w+ly\s+)?(?:was|were|is|are|had been|has been|have been)\s+(?:\w+ly\s+)?(?:behind|responsible for)\b", re.I)

_VICTIM_CUES = re.compile("includ|among|most|mainly|majority", re.I)  # cheap tests before the costly searches

_HEAD_CUES = re.compile("oppon|critic|enem|foe|rival|support|alli|ally|backer|loyal|friend", re.I)

#: "most of them children", "the casualties included women": victims counted.
_VICTIMS_BEFORE = re.compile(
    r"\b(?:including|included|include|among them|among whom|most of them(?: are| were)?|mostly|mainly|majority of them(?: are| were)?)\s+"
    r"(?:at least\s+|some\s+)?(?:\d+\s+|\w+\s+)?(?:\w+\s+(?:and|or)\s+)?$", re.I)

_CASUALTY_WORD = re.compile(r"\b(?:killed|killing|dead|died|deaths?|wounded|injured|injuring|casualties|victims|toll)\b", re.I)

#: "targeted positions of IS", "the killing of a pilot": the object of violence.
_TARGET_OBJECT = re.compile(
    rf"\b(?:{_VIOLENT})\b[^.;]{{0,80}}\b(?:positions?|points?|hideouts?|gatherings?|sites?|targets?|posts?|fortifications?|headquarters|"
    rf"bases?|vehicles?|convoys?|stations?|depots?|strongholds?|dens|command cent(?:er|re)s?|members|fighters|militants)\s+(?:of|for|belonging to)\s+(?:the\s+)?$"
    r"|\b(?:killing|killings|murder|assassination|execution|abduction|kidnapping|beheading)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$",
    re.I,
)

_PLACE_ADJ = re.compile(r"[-\s](?:held|controlled|run|dominated|besieged)$", re.I)

_BY_BEFORE = re.compile(rf"\b(?:{_VIOLENT}|killed|carried out|conducted|launched|attacks?|strikes?|shelling|bombardment|raids?|fire|offensive|assault|massacre|operation|execution|killing|murder|assassination|aggression|crimes|violations|atrocities|abuses|injustices|siege)\b[^.;]{{0,40}}\bby\s+(?:the\s+|a\s+)?(?:\w+\s+)?$", re.I)

#: "confirmed by the United Nations", "documented by HRW": the source, not the perpetrator.
_SAID_BY = re.compile(r"\b(?:confirmed|reported|documented|announced|denied|condemned|stated|published|released|quoted|cited|recorded|verified)\s+by\s+(?:the\s+|a\s+)?$", re.I)

#: "opponents of President Assad said": the opponents speak, not Assad.
_HEAD_OF = re.compile(r"\b(?:opponents?|critics?|enemies|enemy|foes?|rivals?|supporters?|allies|ally|backers?|opposition to|loyal to|loyalists?|friends?)\s+(?:of\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)

#: A passive "was condemned", "were accused": the mention is not the one speaking.
_PASSIVE_AFTER = re.compile(r"^\s+(?:\w+ly\s+)?(?:was|were|is|are|been|being|has been|have been|had been)\s+(?:\w+ly\s+)?(?!quoted|cited)\w+ed\b", re.I)

#: "activists in the area said", "Activists in Douma said" (not "... in Aleppo said the source").
_SPEAKER_LOC = re.compile(
    rf"^\s+(?:in|on|from|inside)\s+(?:the\s+)?(?:area|ground|town|city|region|province|village|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
    rf"(?i:{_ADV})\s*(?:{_SAY})\b(?!\s+(?:the|a|an)\b)"
)

#: "terrorists positioned in X targeted ...": the participle phrase before the deed.
_AGENT_POSITIONED = re.compile(
    rf"^\s+(?:positioned|stationed|deployed|based|entrenched|holed up|present)\s+(?:in|at|on|near|inside)\s+(?:[\w'’-]+\s+){{1,4}}?(?:{_VIOLENT})\b", re.I)

_AGENT_SURFACE = re.compile(r"\b(?:jets?|warplanes?|aircraft|planes?|helicopters?|drones?|air ?strikes?|strikes?|shelling|bombardment|bombing|raids?|artillery|missiles?|rockets?|barrel bombs?|offensive|tanks|gunships|bombers|attacks?|fire|shells|snipers?)$", re.I)

_AGENT_NEXT = re.compile(r"^(?:['’]s?|s)?\s+(?:(?:and|or)\s+[A-Z][\w-]*\s+)?(?:(?:[A-Z][\w-]*|[\w]+-[\w-]+|air|aerial|artillery|rocket|mortar|heavy|military|government|regime|coalition|army|missile|tank)\s+)?(?:jets?|warplanes?|aircraft|planes?|helicopters?|drones?|air ?strikes?|airstrikes|strikes?|shelling|bombardment|bombing|raids?|artillery|missiles?|rockets?|barrel bombs?|offensive|tanks|gunships|bombers|fire|snipers?|attacks?)\b", re.I)

_TARGET_BEFORE = re.compile(rf"\b(?:{_VIOLENT}|against|on|at|targeting|toward|towards)\s+(?:the\s+|at least\s+|\d+\s+|some\s+|dozens of\s+|hundreds of\s+|several\s+|many\s+|two|three|four|five|six|seven|eight|nine|ten)*(?:\w+\s+)?$", re.I)

_TARGET_AFTER = re.compile(
    r"^(?:[^.;]{0,30}?)\s+(?:were|was|have been|has been|had been|being|are|is)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|executed|massacred|targeted|attacked|shelled|bombed|hit|slain|shot|abducted|kidnapped|besieged)\b"
    r"|^\s+(?:dead|died|casualties|deaths|fatalities|victims|death toll)\b"
    r"|^\s+(?:(?:were|are|was|is)\s+)?among\s+(?:them|the (?:dead|victims|casualties|killed|wounded|injured))\b"
    r"|^(?:[^.;]{0,30}?)\s+(?:were|was|are|is)\s+among\s+(?:those\s+|the\s+)?(?:killed|dead|wounded|injured|victims|casualties|fatalities)\b"
    # a headline's "X killed in ...", but not the active "X killed 20 people"
    r"|^\s+(?:killed|wounded|injured|hurt)\b(?!\s+(?:\d|at least|more than|over|nearly|almost|about|around|some|up to|dozens|scores|hundreds|thousands|several|the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|many|its|their|his|her|civilians|people|members|fighters|soldiers|rebels|militants|terrorists|children|women))",
    re.I,
)

_TARGET_TIGHT = re.compile(rf"\b(?:{_VIOLENT}|against|targeting)\s+(?:the\s+|at least\s+|more than\s+|\d+\s+|dozens of\s+|scores of\s+|hundreds of\s+|several\s+){{0,3}}(?:[\w]+-[\w-]+\s+)?(?:positions of\s+(?:the\s+)?)?$", re.I)

_SPEAKER_I = re.compile(f"(?:{_SPEAKER_OWN.pattern})|(?:{_SPEAKER_AFTER.pattern})", re.I)

_SPEAKER_CS = re.compile(f"(?:{_SPEAKER_NAME_TAIL.pattern})|(?:{_SPEAKER_LOC.pattern})")

_AGENT_ANY = re.compile(f"(?:{_AGENT_AFTER.pattern})|(?:{_AGENT_RESP.pattern})|(?:{_AGENT_POSITIONED.pattern})", re.I)


def mention_role(sentence: str, start: int, end: int) -> str:
    """The role of the actor mentioned at ``sentence[start:end]``.

    ``speaker`` (subject of a verb of saying, "according to X", "X's statement"), ``agent``
    (subject of a violence verb, "by X" after one, "X jets"), ``target`` (object of a violence
    verb, "X were killed", "against X"), else ``other``.

    Example:
        >>> s = "Russian jets bombed the town, the Observatory said."
        >>> mention_role(s, 0, 12), mention_role(s, 30, 45)
        ('agent', 'speaker')
    """
    before = sentence[max(0, start - 80) : start]
    after = sentence[end : end + 90]
    surface = sentence[start:end]
    if _PLACE_ADJ.search(surface):
        return "other"  # "rebel-held", "government-controlled": a place, not the actor acting
    tail = before[-45:]
    if _VICTIM_CUES.search(tail) and _VICTIMS_BEFORE.search(before) and _CASUALTY_WORD.search(sentence):
        return "target"  # "the casualties included women", "most of them children"
    by = ("by " in tail) and _BY_BEFORE.search(before)  # a cheap test first: these are rare
    if by and _SAID_BY.search(before):
        return "speaker"  # "the attack was confirmed by the United Nations"
    if by and not _SPEAKER_BEFORE.search(before):
        return "agent"  # "the execution of the pilot by Nusra, said a rebel"
    tight = None  # computed when needed: the search is costly
    if _HEAD_CUES.search(tail) and _HEAD_OF.search(before):
        return "other"  # "opponents of Assad said": the opponents act, not Assad
    if _PASSIVE_AFTER.match(after):
        pass  # "IS was condemned by ...": not IS speaking
    elif _SPEAKER_BEFORE.search(before):
        if not (_SAID_BEFORE.search(before) and (_AGENT_AFTER.match(after) or _TARGET_AFTER.match(after))):
            return "speaker"  # but "the army says rebels killed a pilot": the rebels act
    elif _SPEAKER_I.match(after) or _SPEAKER_ORG_TAIL.match(after):
        return "speaker"
    elif _SPEAKER_CS.match(after):
        tight = not by and _TARGET_TIGHT.search(before)
        if not tight:
            return "speaker"  # "Observatory director X said", not "killed 20 rebels Observatory head X said"
    if tight is None:
        tight = not by and _TARGET_TIGHT.search(before)
    if tight or (("of " in tail[-25:] or "for " in tail[-12:] or "to " in tail[-8:]) and _TARGET_OBJECT.search(before)):
        return "target"  # "struck IS targets", "killing three civilians", "positions of IS"
    if _AGENT_SURFACE.search(surface) or _AGENT_NEXT.match(after):
        return "agent"  # "Russian air strikes", "the coalition bombing of Raqqa"
    if _AGENT_ANY.match(after):
        if not _TARGET_AFTER.match(after):
            return "agent"
    if _TARGET_AFTER.match(after) or _TARGET_BEFORE.search(before):
        return "target"
    return "other"
