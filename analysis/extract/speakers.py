"""Speaker phrases: whether words read as a speaker, where a speaker phrase starts, and whose it is.

Shared by the attribution patterns (:mod:`analysis.extract.attribution`): a speaker phrase is
made of actor names, capitalised names and role words ("Linda Tom, spokeswoman for OCHA", "a
military source", "the Observatory"); :func:`resolve_speaker` gives it a canonical actor and
group with the actor dictionary (an appositive's actor for "Name, the X representative"; a
capital or state for its government, "Moscow", "the defence ministry in Moscow").

Example:
    >>> from analysis.extract.actor_lexicon import default_dictionary
    >>> d = default_dictionary()
    >>> speakerlike("a military source", d, None), speakerlike("the town was quiet", d, None)
    (True, False)
    >>> trim_speaker("in Aleppo on Saturday the Syrian Observatory for Human Rights", d, None)
    'the Syrian Observatory for Human Rights'
"""

from __future__ import annotations

import re
from typing import Any

from ..resources.vocabulary import MONTHS, WEEKDAYS, alternation
from .actor_dictionary import ActorDictionary, ActorMatch

#: Words a speaker phrase may contain besides names (titles, roles, function words).
_SPEAKER_WORDS = frozenset(
    """the a an of for in at to on and from with its his her their 's ’s , ( ) - said
    spokesman spokeswoman spokesperson source sources official officials minister ministry
    head chief director representative envoy ambassador commander general colonel col gen
    lt maj brig officer member members leader leaders president secretary deputy foreign
    defence defense interior health press office agency agencies statement report reporter
    correspondent military security medical local field media state news television tv
    hospital rights human group groups monitor monitoring war based britain-based uk-based
    london-based british-based senior top governor police command centre center coordinator
    affairs humanitarian united nations refugee relief aid chairman activist activists
    resident residents witness witnesses doctor doctors medic medics nurse rescuer rescuers
    worker workers volunteer told reporters ally allies most powerful key main close closest
    town city village area neighbourhood neighborhood district camp province region eastern
    western northern southern central besieged nearby civil informed private opposition
    government army rebel former international one another two three several some""".split()
)
REFERRING = re.compile(r"^(?:he|she|they|it|the (?:[a-z]+ )?(?:statement|source|sources|official|officials|spokesman|spokeswoman|ministry|report|agency|monitor|group|bulletin|observatory))$", re.I)
_DATE_WORD = re.compile(rf"^(?:{alternation(w[:3] for w in MONTHS + WEEKDAYS)})[a-z]*$|^\d", re.I)


def clean_speaker(text: str) -> str:
    return text.strip(" ,.;:\"“”'‘’\t\n—–-")


def resolve_speaker(speaker: str, d: ActorDictionary, date: Any, last: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """Canonical actor and group of a speaker phrase."""
    s = clean_speaker(speaker)
    if REFERRING.match(s):
        matches = d.find(s, date=date)
        if matches:
            return matches[0].actor, matches[0].actor_id
        return last
    if _NOT_HEAD.match(s):
        return None, None  # "opponents of Assad" are not Assad
    matches: list[ActorMatch] = [m for m in d.find(s, date=date) if not _TO_BODY.search(s, 0, m.start)]
    if not matches:
        # the speaker is the subject of a verb of saying: a capital or state used for its
        # government ("Moscow", "the defence ministry in Moscow", "Turkey")
        inst = _INSTITUTION_IN.match(s)
        probe = inst.group(1) if inst else s
        if any(d.may_start_metonym(x.strip(",.'’")) for x in probe.split()):  # cheap test first
            matches = [m for m in d.find(probe + " said", date=date) if m.end <= len(probe) and not _TO_BODY.search(probe, 0, m.start)]
    if not matches:
        return None, None
    # "the children's agency UNICEF": civilians named inside a speaker phrase are not who speaks
    matches = [m for m in matches if d.kind(m.actor_id) != "civilians"] or matches
    # "Name, the X representative": the appositive's actor; otherwise the first actor named,
    # or the last of a run of adjacent ones ("the opposition UK-based Syrian Observatory",
    # "US-backed SDF": the head noun comes last)
    k = 0
    while k + 1 < len(matches) and not s[matches[k].end : matches[k + 1].start].strip(" -"):
        k += 1
    return matches[k].actor, matches[k].actor_id


#: "the ambassador to the United Nations" is a state's diplomat, not the United Nations.
_TO_BODY = re.compile(r"\b(?:ambassador|envoy|representative|delegate|delegation|mission|permanent representative)\s+to\s+(?:the\s+)?$", re.I)
_NOT_HEAD = re.compile(r"^(?:the\s+|some\s+|many\s+|other\s+)?(?:opponents?|critics?|enemies|enemy|foes?|rivals?|supporters?|detractors?|victims?|families|relatives)\s+of\b", re.I)
_INSTITUTION_IN = re.compile(r"^(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:ministry|government|embassy|authorities|officials?|spokes(?:man|woman|person)|command|presidency)\s+in\s+(.+)$", re.I)
#: Phrases that are not speakers ("according to their type", a lone article or auxiliary).
JUNK_SPEAKER = re.compile(r"^(?:(?:their|its|his|her|our|my|your|whether|what|how|why|which)\b.*|if|is|was|an?|the|initial|according to|reports?|media reports?|some|many|this|that)$", re.I)
#: A bare name ("Xelil", "Abdel Rahman"): capitalised words only.
BARE_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+(?:al|el|bin|ibn|de|[A-Z][\w'’.-]*)){0,3}$")
NAME_WORD = re.compile(r"\b[A-Z][a-z][\w'’-]+")

_PERSON_NOUNS = frozenset("man woman boy girl father mother son daughter brother sister leader fighter teacher nurse farmer driver".split())
_ROLE_NOUNS = frozenset(
    """source sources official officials spokesman spokeswoman spokesperson statement report reporter
    correspondent witnesses residents resident activists activist medics doctors doctor minister
    ministry commander director head chief representative envoy ambassador agency officer
    governor monitor group bulletin centre center he she they it""".split()
)


def speakerlike(phrase: str, d: ActorDictionary, date: Any, *, lenient: bool = False) -> bool:
    """Whether a phrase reads as a speaker: actor names, capitalised names and role words only
    ("Linda Tom, spokeswoman for OCHA", "a military source", "the Observatory")."""
    p = clean_speaker(phrase)
    if not p or len(p.split()) > 16:
        return False
    if REFERRING.match(p):
        return True
    matches = d.find(p, date=date)
    rest = p
    for m in reversed(matches):
        rest = rest[: m.start] + " " + rest[m.end :]
    words = [w.strip(",()—–-") for w in rest.split()]
    words = [w for w in words if w]
    unknown = [w for w in words if not (w[:1].isupper() or w.lower() in _SPEAKER_WORDS)]
    if unknown:
        # next to a quotation a verb of saying is strong evidence: allow a few other words in an
        # appositive ("Sheikh Hatem, a religious leader", "the devastated man")
        if not lenient or len(unknown) > 3 or len(words) > 12:
            return False
        if not (matches or any(w.lower() in _ROLE_NOUNS | _PERSON_NOUNS for w in words) or sum(w[:1].isupper() for w in words) >= 2):
            return False
    if words and _DATE_WORD.match(words[0]):
        return False
    if any(w[:1].isupper() and w.lower() in _CONNECTIVES for w in words):
        return False  # "Foaa Meanwhile civil sources": a clause boundary inside the phrase
    nouns = _ROLE_NOUNS | _PERSON_NOUNS if lenient else _ROLE_NOUNS
    return bool(matches) or any(w[:1].isupper() for w in words) or any(w.lower() in nouns for w in words)


def trim_speaker(phrase: str, d: ActorDictionary, date: Any) -> str:
    """The part of ``phrase`` (the words before a closing "said") that is the speaker.

    FA-KES drops the comma before a closing "X said", so the clause before the speaker runs
    into it ("... in Aleppo on Saturday the Syrian Observatory for Human Rights said"). The
    speaker starts at the last article that opens a speaker phrase ("the Syrian Observatory"),
    unless that article sits inside it ("head of the Observatory"); otherwise at the longest
    run of names and role words before the cue.
    """
    words = phrase.split()
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in ("the", "a", "an") and (k == 0 or words[k - 1].lower() not in _INNER):
            tail = " ".join(words[k:])
            if speakerlike(tail, d, date):
                return tail
            break
    for k in range(max(0, len(words) - 12), len(words)):
        tail = " ".join(words[k:])
        first = words[k].lower().strip(",(")
        if words[k][:1].isupper() or first in _SPEAKER_WORDS - _INNER - {",", "-", "(", ")", "'s", "’s", "said", "told"}:
            if speakerlike(tail, d, date):
                return tail
    return ""


_INNER = frozenset("of for in at to on and from with by".split())
_CONNECTIVES = frozenset(
    "meanwhile however moreover also earlier later separately furthermore additionally but and then while when after before since although in on at as thus yesterday today".split()
)
_RELATIVE = re.compile(r"\s+(?:which|who|that)\s+", re.I)


def opening_speaker(prefix: str, d: ActorDictionary, date: Any) -> str:
    """The speaker in the words before a "said" that opens reported speech: the whole prefix
    ("The Observatory"), the noun before a relative clause ("The Observatory, which monitors
    the war,"), or the speaker phrase that ends the prefix ("On 15 Feb Turkish Prime Minister
    Ahmet Davutoglu", "Meanwhile civil sources")."""
    if speakerlike(prefix, d, date):
        return prefix
    rel = _RELATIVE.search(prefix)
    if rel and speakerlike(prefix[: rel.start()], d, date):
        return prefix[: rel.start()]
    words = prefix.split()
    if len(words) > 14:
        return ""
    for k in range(len(words) - 1, 0, -1):
        # "... entering Turkey the Britain-based Observatory": the speaker opens with its article
        if words[k].lower() in ("the", "a", "an") and words[k - 1].lower() not in _INNER:
            tail = " ".join(words[k:])
            if speakerlike(tail, d, date):
                return tail
            break
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if words[k][:1].isupper() or words[k].lower() in ("the", "a", "an") or words[k].lower() in _ROLE_NOUNS or (
            words[k].lower() in _SPEAKER_WORDS and words[k].lower() not in _INNER and k + 1 < len(words)
        ):
            if words[k].lower() in ("it", "they") or _DATE_WORD.match(words[k]):
                continue
            if speakerlike(tail, d, date) and (d.find(tail, date=date) or any(w.lower() in _ROLE_NOUNS for w in words[k:])
                                                 or sum(w[:1].isupper() for w in words[k:]) >= 2):
                return tail
    return ""


def speaker_prefix(text: str, d: ActorDictionary, date: Any) -> str:
    """The speaker phrase at the start of ``text`` (after "according to"): names, actor names
    and role words, up to the first other word ("Konashenkov Russian military intelligence in
    Syria revealed ..." -> "Konashenkov")."""
    covered = bytearray(len(text))
    for m in d.find(text, date=date):
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    end = 0
    n_words = 0
    for w in re.finditer(r"[^\s]+", text):
        word = w.group().strip(",()")
        ok = covered[w.start()] or word[:1].isupper() or word.lower() in _SPEAKER_WORDS
        if not ok or n_words >= 16:
            break
        n_words += 1
        end = w.end()
    phrase = text[:end]
    # do not end on a function word ("the Observatory in")
    while phrase and phrase.split()[-1].lower().strip(",") in _INNER | {"the", "a", "an", ","}:
        phrase = phrase[: phrase.rstrip().rfind(" ")] if " " in phrase.strip() else ""
    return phrase
