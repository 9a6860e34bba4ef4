"""Casualty-claim word lists and patterns: the casualty lexicon, verbs and nouns of killing and injuring, gaps, hedges.

The word lists that the claim grammar (:mod:`analysis.extract.claim_grammar`) reads. The
lexicon file ``casualties.yml`` (victims, people affected otherwise, counted things) is
loaded through the lexicon registry; the rest are closed lists of English function words and
casualty predicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources.vocabulary import BE_FORMS, COMBATANT_NOUNS, HAVE_FORMS, MONTHS, WEEKDAYS
from ..resources.wordlists import load_casualty_lexicon


@dataclass(frozen=True)
class ClaimWords:
    """The casualty lexicon as the claim grammar reads it (``casualties.yml``, or a user's file)."""

    #: Head nouns of people who can be killed or injured.
    victims: frozenset[str]
    #: People affected otherwise (not casualties): no subgroup of a toll.
    not_victims: frozenset[str]
    #: Head nouns that make a number count things ("46 strikes").
    things: frozenset[str]


@lru_cache(maxsize=8)
def claim_words(path: str | None = None) -> ClaimWords:
    """The casualty lexicon at ``path`` (default: the registry's bundled one), loaded once.

    Example:
        >>> "civilians" in claim_words().victims
        True
    """
    lex = load_casualty_lexicon(path)
    return ClaimWords(lex["victims"], lex["not_victims"], lex["things"])

#: Verbs that take "to death" ("beat two men to death", "were stoned to death").
TO_DEATH = frozenset(
    """stoned burned burnt beaten beat tortured starved hacked crushed shot stabbed clubbed bludgeoned
    strangled kicked trampled""".split()
)

#: Nouns of killing and of those who kill, before "of" ("the murder of two engineers", "the killers of").
_KILL_NOUNS = (
    r"killings?|deaths?|executions?|beheadings?|murders?|assassinations?|slayings?|lynchings?|massacres?|"
    r"killers|murderers|slayers|assassins|executioners"
)

#: An aside between a noun and its "of": "the massacre -- for which they blame the army -- of 80",
#: "the murder on the evening of 27 February of six", an editor's "[" ("the massacre [of six").
_NOUN_ASIDE = (
    r"(?:\s[\"\u201d])?"
    r"(?:(?:\s-)+(?:\s[^-\s]\S*){1,10}?(?:\s-)+|\s\((?:\s[^)\s]+){1,10}?\s\)"
    rf"|\s(?:on|in|last)(?=(?:\s\S+){{0,5}}?\s(?:{'|'.join(MONTHS + WEEKDAYS)}|night|evening|morning)\b)(?:\s\S+){{1,6}}?)?"
    r"(?:\s\[)?"
)

#: Verbs and nouns before a number that kill (active voice: "killing six", "executed 700"; the
#: nominalisations: "the murder of two engineers", "the killers of the six priests").
_KILL_VERBS = (
    r"kill|kills|killed|killing|execute|executes|executed|executing|massacre|massacres|massacred|"
    r"massacring|slew|slay|slays|slaying|slain|behead|beheads|beheaded|beheading|decapitated|"
    r"decapitating|murder|murders|murdered|murdering|crucified|crucifying|assassinated|assassinating|"
    r"lynched|lynching|slaughtered|slaughtering|"
    r"gunned down|gunning down|mowed down|cut down|shot dead|shooting dead|burned alive|burnt alive|burning alive|"
    r"buried alive|martyred|(?:fatally|mortally) (?:shot|stabbed|shooting|stabbing)|"
    rf"(?:{'|'.join(sorted(TO_DEATH))}) to death|"
    r"claimed the lives? of|claiming the lives? of|"
    r"claims the lives? of|claim the lives? of|took the lives? of|taking the lives? of|"
    r"cost the lives? of|costing the lives? of|"
    r"(?:slit|slitting|slits|cut|cutting) the throats? of|"
    rf"(?:{_KILL_NOUNS}){_NOUN_ASIDE}\sof|"
    r"bodies of|corpses of|remains of|lives of"
)

#: Verbs and nouns before a number that hurt without saying the outcome: casualties
#: ("gunmen shot three boys", "the shooting of three pupils").
_CASUALTY_VERBS = r"shot|shoots|shooting|stabbed|stabs|stabbing|shootings? of|stabbings? of"

#: "killed and wounded 40", "killing or injuring 12": killed and injured together are casualties.
_KILL_AND_INJURE = (
    r"(?:kill|kills|killed|killing) (?:and|or) (?:wound|wounds|wounded|wounding|injure|injures|injured|injuring|maimed|maiming)"
)

_KILL_PERSON_ONLY = r"elimination of|eliminations of|liquidation of|neutrali[sz]ation of|destroyed|destroying|eliminated|eliminating|eliminate|neutrali[sz]ed|neutrali[sz]ing|liquidated|liquidating"

_INJURE_VERBS = (
    r"injure|injures|injured|injuring|wound|wounds|wounded|wounding|hurt|hurting|maimed|"
    r"maiming|injury of|injuries of|injuries to|wounding of|injuring of|hurting of"
)

#: A word of a coordinated noun phrase before the number ("killed the mayor, his wife and two ...").
_NP_WORD = (r"(?!(?:and|or|but|were|was|is|are|had|has|have|who|which|that|said|says|when|while|after|before|among|"
            r"them|him|it|us|in|at|on|by|with|from|to|for|during|near|yesterday|today|overnight|monday|tuesday|"
            r"wednesday|thursday|friday|saturday|sunday|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            r"twelve|twenty|thirty|forty|fifty|hundred|dozens|scores|hundreds|several|[a-z]+ing)\b)(?:[a-z]|\d+-)[\w'.\u2019-]*")

#: Coordinated people before the count, named without a numeral: "killed the mayor, his wife and
#: two ...", "killed together with the clergymen, five Spaniards", "the Jesuits -- five Spaniards".
_COORDINATED = (
    r"(?:(?:\s(?:together|along)\swith)?"
    rf"(?:(?:\s(?:and|or))?\s(?:(?:a|an|one|the|his|her|their|its|our)\s)?{_NP_WORD}(?:\s{_NP_WORD}){{0,3}}?(?:\s,)?){{1,4}}?"
    r"\s(?:and|as well as|along with|together with|,|-\s-|-|\u2013|\u2014)"
    r"(?:\s(?:the|their|his|her|its|our|also|another|these|those))?(?:\s(?:other|more))?)?"
)

_FILLER_LEFT = (
    r"(?:\s(?:also|reportedly|allegedly|another|an additional|additional|a further|a total of|(?:a|an)(?: whole| entire)? family of|a group of|all|the|at once|each|"
    r"only|these|those|their|his|her|its|our|more|some other|\[(?:\s[^\]\s]+){1,6}\s\]))*"
    + _COORDINATED +
    r"(?:\s[\"\u201c\[])?"
)

LEFT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:^|\s)(?P<cue>{_KILL_AND_INJURE}){_FILLER_LEFT}$"), "casualties"),
    (re.compile(rf"(?:^|\s)(?P<cue>{_KILL_VERBS}){_FILLER_LEFT}$"), "killed"),
    (re.compile(rf"(?:^|\s)(?P<cue>{_INJURE_VERBS}){_FILLER_LEFT}$"), "injured"),
    (re.compile(rf"(?:^|\s)(?P<cue>{_KILL_PERSON_ONLY}){_FILLER_LEFT}$"), "killed_person"),
    (re.compile(rf"(?:^|\s)(?P<cue>lost|lose|loses|losing){_FILLER_LEFT}$"), "lost"),
    (re.compile(rf"(?:^|\s)(?P<cue>{_CASUALTY_VERBS}){_FILLER_LEFT}$"), "hurt"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:among|amongst) (?:the|those) (?P<w>dead|killed|victims|fatalities|wounded|injured|martyrs)"
                r"(?:(?: \S+){0,5}? (?:were|was|are|is|included|includes|being))?"
                rf"{_COORDINATED})$"), "among"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:those|the|people) (?P<w>dead|killed|victims|fatalities|wounded|injured)"
                rf" (?:were|was|are|included|include|includes|including|numbered|number){_COORDINATED})$"), "among"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:massacre|massacres|slaughter) (?:against|of))$"), "killed"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:the|those) (?P<w>dead|killed|victims|wounded|injured)\b(?:\s\S+){0,7}?"
                r"\s(?:also )?(?:included|include|includes))$"), "among"),
    (re.compile(r"(?:^|\s)(?P<cue>(?P<w>casualty|casualties|injury|injuries) toll\b(?:\s\S+){0,10}?\s"
                r"(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|reaching|hit|hits|stood|stands|stand|"
                r"jumped|increased|to|at|of|is|was|now|up|as))(?: to| at| of)?$"), "toll_other"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:death )?(?:toll|tally)\b(?:\s\S+){0,22}?\s?"
                r"(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|reaching|hit|hits|stood|stands|stand|"
                r"jumped|increased|to|at|of|is|was|now|up|as|estimated|put|set|exceeded|surpassed|topped))(?: to| at| of)?$"), "toll"),
    (re.compile(r"(?:^|\s)(?P<cue>deaths\b(?:\s\S+){0,6}?\s(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|"
                r"reaching|hit|hits|stood|stands|jumped|increased|exceeded|surpassed|topped))(?: to| at)?$"), "toll"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:took|brought|raised|pushed|taking|bringing|raising|pushing|takes|brings|raises) to)$"), "toll_to"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:number|total|tally|count|figure) of (?:\S+\s){0,8}?"
                r"(?P<w>killed|dead|deaths|died|fatalities|wounded|injured|victims|casualties|martyrs)\b"
                r"(?:\s\S+){0,16}?\s(?:to|at|reached|reaching|is|was|stood at|rose to|of|as))$"), "number_of"),
    (re.compile(r"(?:^|\s)(?P<cue>(?:death )?toll\b(?:\s\S+){0,8})$"), "toll_bare"),
    (re.compile(r"(?:^|\s)(?P<cue>put (?:the|its|their|his) (?:number|toll|figure|tally)(?: of \S+)? at)$"), "killed"),
]

TOLL_GAP_STOP = frozenset(
    "said saying says say while but whereas given because could may might would likely expected feared "
    "rise rising population out than could".split()
)

TOLL_AFTER = re.compile(r"^\S+(?: \S+)? the (?:(?:death )?(?:toll|tally)|number of (?:\S+ ){0,4}?(?P<w>killed|dead|deaths|wounded|injured))\b")

SUBGROUP_LEFT = re.compile(
    r"(?:^|\s)(?P<cue>including|includes|included|include|among them|among whom|of whom|amongst them|"
    r"among those|among which|mostly|mainly|most of them|along with|as well as|in addition to|plus)"
    r"(?: (?:at least|about|some|nearly|almost|more than|over))?$"
)

NEGATION_BEFORE = frozenset(
    "no not never none could would will may might can cannot shall should threatened threatens "
    "threatening threaten threat threats vowed vows vow vowing swore sworn swear swears pledged pledge "
    "pledges promised promises plot plotted plotting denied denies deny denying if unless plans planned "
    "plan planning intends intended aim aims aimed n't nobody attempt attempted tried trying".split()
)

APPOSITIVE = frozenset("mostly mainly most many all some including largely predominantly among both - ( , \u2013 \u2014".split())

DENIAL = frozenset("denied denies deny denying refuted refutes dismissed rejected rejects if unless whether".split())

ONE_OF_THE = frozenset(f"of {d} {w}" for d in ("the", "those") for w in "dead wounded injured killed victims casualties".split())

#: Words that say people were affected otherwise (not casualties).
DISPLACED = frozenset("displaced driven fled fleeing homes homeless uprooted forced evacuated arrested kidnapped".split())

TRANSITIVE = frozenset(
    "killed executed wounded injured massacred murdered beheaded hurt decapitated maimed slaughtered assassinated "
    "stabbed shot lynched".split()
)

NEGATION_RIGHT = frozenset("no not never none could would will might cannot n't nobody".split())

#: Verbs before a number that do something other than kill or injure ("kidnapped 900").
OTHER_VERBS = frozenset(
    """
    kidnapped kidnapping abducted abducting arrested arresting detained detaining evacuated
    evacuating displaced displacing freed freeing released releasing rescued rescuing captured
    capturing besieged besieging sheltering hosting hosts hosted fed feeding treated treating
    employed employing deported deporting recruited recruiting trained training deployed deploying
    sent sending saved saving exchanged exchanging
    """.split()
)

RIGHT_CUES: dict[str, str] = {
    "killed": "killed", "dead": "killed", "died": "killed", "die": "killed", "dies": "killed",
    "perished": "killed", "drowned": "killed", "dying": "killed", "executed": "killed", "slain": "killed", "martyred": "killed",
    "massacred": "killed", "murdered": "killed", "beheaded": "killed", "decapitated": "killed",
    "deaths": "killed", "death": "killed", "fatalities": "killed", "killings": "killed",
    "wounded": "injured", "injured": "injured", "hurt": "injured", "injuries": "injured",
    "maimed": "injured", "succumbed": "killed", "assassinated": "killed", "lynched": "killed",
    "slaughtered": "killed", "casualties": "casualties",
}

#: Words that begin a casualty predicate and so end a noun phrase ("two teens shot in ...").
PHRASE_CUES = frozenset(RIGHT_CUES) | frozenset(
    "shot stabbed hit struck gunned mowed succumbed lost maimed among amongst killing wounding injuring fell fallen "
    "received sustained suffered".split()
)

#: Head nouns that are themselves casualty words and end a noun phrase ("15 deaths", "five bodies").
HEAD_NOUNS = frozenset("deaths fatalities lives martyrs bodies corpses casualties injuries".split())

#: Casualty adjectives before a person noun inside a phrase ("two wounded soldiers", "the injured persons").
CASUALTY_MODIFIERS = {"wounded": "injured", "injured": "injured", "dead": "killed"}
#: Participles of killing that modify a noun after a determiner ("five of the murdered Jesuits").
KILLED_MODIFIERS = {w: "killed" for w in "killed murdered slain executed assassinated martyred massacred".split()}

#: Casualty nouns of a head (category), also where the noun follows "the" ("the dead", "the wounded").
HEAD_CUES = {
    "deaths": "killed", "dead": "killed", "fatalities": "killed", "lives": "killed",
    "martyrs": "killed", "bodies": "killed", "corpses": "killed",
    "casualties": "casualties", "injuries": "injured", "wounded": "injured", "injured": "injured",
    "killed": "killed",
}

GAP = frozenset(
    """
    were was are is have has had been being be also reportedly reported allegedly believed thought
    feared said confirmed to later all critically seriously severely slightly lightly badly
    initially only now others more other in total so far already among the those who either both got
    get subsequently then assumed found said later later on overall altogether apparently identified
    estimated least recorded documented " \u201c \u201d
    reportedly presumably likely probably reported confirmed just immediately instantly
    """.split()
)

LIST = frozenset("and a an including among them of whom - , mostly young little elderly old girl boy child "
                  "woman man baby both".split())

STOP_NP = frozenset(
    """
    were was are is have has had been be and or but in on at by when while after before as from with
    during near into since for who which that to said says told including among than the killed dead
    died injured wounded of more
    """.split()
)

HEDGE_POST = re.compile(r"^(?:or more|and more|plus|at least)\b")

AMONG_CUES = {"victims": "casualties", "casualties": "casualties", "dead": "killed", "killed": "killed",
               "fatalities": "killed", "wounded": "injured", "injured": "injured"}

PERSON_KILL = frozenset("destroyed eliminated neutralized neutralised liquidated".split())

#: Heads of armed men whom military statements say were "destroyed" or "eliminated".
COMBATANTS = COMBATANT_NOUNS
#: Heads after "lost" that make it a side's dead ("the army lost 11 men"; "lost 3 tanks" is none).
LOST_PEOPLE = COMBATANT_NOUNS | frozenset(
    "men soldiers troops servicemen officers personnel policemen members marines commandos guards".split())

AUX = BE_FORMS | HAVE_FORMS | {"also", "reportedly", "later"}

REL_AUX = frozenset("were was are is have had".split())

#: Groups counted as units, not people ("including five entire families").
UNITS_OF_PEOPLE = frozenset("families households clans tribes".split())

PLACE_GAP = frozenset("in and around near at on of the outside , -".split())

PLACE_PREP = frozenset("in at near around outside".split())

#: Every casualty cue a claim needs (a verb, a noun, a toll, a casualty adjective) contains one of
#: these stems, so a sentence without any states no claim: a fast test before the grammar runs.
#: A new cue word must match one of them (tests/test_claims_english.py checks the word lists).
CASUALTY_STEMS = re.compile(
    r"kill|dead|death|die|dying|wound|injur|hurt|maim|execut|massacr|sla[iy]|slew|behead|decapitat|murder|"
    r"crucif|assassin|lynch|slaughter|gunn|mow|cut down|shot|shoot|stab|burn|buri|martyr|fatal|mortal|"
    r"casualt|victim|toll|tall|bodies|corpse|remains|li[fv]e|perish|drown|succumb|hit|struck|eliminat|"
    r"neutrali|liquidat|destroy|lost|fell|fallen|beat|tortur|starv|hack|crush|club|bludgeon|strangl|kick|"
    r"trampl|stone|fracture|throat"
)


def may_state_casualties(text: str) -> bool:
    """Whether ``text`` has a casualty word stem (a cheap test before the grammar).

    Example:
        >>> may_state_casualties("Twelve trucks entered the town."), may_state_casualties("Two were hurt.")
        (False, True)
    """
    return CASUALTY_STEMS.search(text.lower()) is not None
