"""The drafter's word lists and string helpers: common English words, titles, heads, kind cues.

"Common" is an English word with a Zipf frequency of at least 3.5 in ``wordfreq`` (or a stop
word): in an upper-case corpus capitals say nothing, and an uncommon word is what marks a name.

Example:
    >>> common("army"), common("Cristiani")
    (True, False)
    >>> expansion_before("THE FARABUNDO MARTI NATIONAL LIBERATION FRONT".split(), "FMLN")
    'FARABUNDO MARTI NATIONAL LIBERATION FRONT'
"""

from __future__ import annotations

import collections
import re
from functools import lru_cache

from ...resources.wordlists import load_stopwords

#: Zipf frequency (``wordfreq``) from which an English word is common.
COMMON_ZIPF = 3.5

GLUE = frozenset({"of", "the", "for", "and", "de", "del", "la", "los", "las", "y", "al", "el", "on", "in"})
GLUE_INSIDE = frozenset({"of", "for", "de", "del", "la", "y", "al", "el", "on", "bin", "ibn", "abu"})
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "across", "toward", "towards", "around",
                      "via", "inside", "between"})
#: Titles before a name, with the kind they suggest (None: no kind).
TITLES = {"president": "state", "minister": "state", "general": "state", "colonel": "state", "major": "state",
          "captain": "state", "lieutenant": "state", "gen": "state", "col": "state", "ambassador": "state",
          "governor": "state", "mayor": "state", "judge": "state", "senator": "political", "deputy": "political",
          "candidate": "political", "commander": "armed_nonstate", "comandante": "armed_nonstate",
          "leader": None, "chief": None, "spokesman": None, "secretary": None,
          "archbishop": "monitor_ngo", "bishop": "monitor_ngo", "father": "monitor_ngo", "msgr": "monitor_ngo",
          "monsignor": "monitor_ngo", "priest": "monitor_ngo", "journalist": "media", "reporter": "media",
          "editor": "media", "director": None, "mr": None, "ms": None, "mrs": None, "dr": None}
#: Nouns after a name that make it a party ("X forces", "X cartel").
HEADS = frozenset("""forces force army troops soldiers military police guard guards government regime authorities
    officials ministry embassy president guerrillas guerrilla rebels rebel insurgents militants fighters militia
    militias commandos cartel front movement party brigade battalion command jets warplanes aircraft navy airforce
    terrorists group groups mafia traffickers""".split())
CHROME = frozenset({"twitter", "facebook", "youtube", "instagram", "whatsapp", "google", "getty", "tweet", "print",
                    "views", "share", "related", "copyright", "click", "subscribe", "newsletter", "photo", "images",
                    "file photo", "rights reserved", "read more", "agencies", "editing", "reporting", "writing"})
#: Words that point to a kind, in a name, after it or around it.
KIND_WORDS = {kind: frozenset(words.split()) for kind, words in {
    "state": "government ministry minister president army police forces troops soldiers military guard brigade "
             "battalion authorities regime officials embassy ambassador court judge mayor governor navy "
             "defense defence interior intelligence security prosecutor attorney airforce jets warplanes",
    "armed_nonstate": "guerrillas guerrilla rebels rebel insurgents insurgent militants fighters liberation "
                      "revolutionary front commandos subversives terrorists terrorist militia jihadist jihadists "
                      "islamist insurgency armed",
    "paramilitary": "paramilitary death squad squads self-defense anticommunist vigilante",
    "criminal": "cartel drug traffickers trafficking mafia narcoterrorists narcotics smugglers gang extraditables",
    "international": "united nations un u.n. council commissioner commission agency envoy secretary-general "
                     "organization community european union unicef unhcr ocha",
    "monitor_ngo": "human rights observatory red cross crescent watch amnesty doctors medical hospital church "
                   "bishop archbishop priest priests jesuit jesuits monitor activists helmets rescue relief",
    "media": "newspaper radio television tv news journalist journalists reporter reporters editor daily network "
             "magazine station broadcast",
    "political": "party union federation candidate alliance coalition democratic convergence electoral "
                 "senator deputy congress workers students association liberal conservative socialist communist",
}.items()}
TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|[A-Za-z](?:[A-Za-z0-9'\-]*[A-Za-z0-9])?|\d+[A-Za-z]*|[^\sA-Za-z0-9]")
ORG_HEADS = frozenset("""front army movement party union committee council federation organization organisation command
    forces alliance coalition commission brigade battalion association confederation cartel guard police
    convergence group office agency ministry church university observatory network coordinator board""".split())
COMMON_SUFFIX = re.compile(r"(IVE|INE|TION|SION|ENCY|ANCY|IST|ERS|ORS|MENT|NESS|ITY|ISM|ANT|ENT|AL|IC|OUS|ING|ED|LY|ORY|URE|IZE)$")
WEAPON_WORDS = frozenset("""rifle rifles gun guns machinegun machineguns grenade grenades caliber calibre ammunition mortar
    mortars rockets rocket launcher launchers missile missiles pistol pistols carbine carbines helicopter helicopters""".split())
WIRE_AGENCIES = frozenset("""afp ap reuters reuter efe dpa ansa xinhua tass upi anadolu apa kyodo notimex acan agencies ria
    interfax itartass prensalatina""".split())
DATE_WORDS = frozenset("""mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday gmt utc""".split())
AGENT_VERBS = frozenset("""said says announced attacked claimed killed denied reported stated accused demanded rejected
    condemned warned released kidnapped urged called launched seized blamed""".split())
PLACE_NOUNS = frozenset("""city town village department province municipality district neighborhood neighbourhood region
    area zone jurisdiction canton hamlet capital country countryside governorate suburb suburbs outskirts road street
    camp enclave besieged northern southern eastern western central border river valley""".split())
NONSTATE_MARKERS = frozenset("""liberation revolutionary guerrilla guerrillas rebels insurgent patriotic popular people's
    peoples jihad islamic mujahideen free protection units jaish jaysh jabhat liwa harakat ahrar faylaq hayat tahrir
    frente ejercito movimiento sendero militia militias""".split())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The bundled stop words (the drafter's, whatever a run's stopwords lexicon is)."""
    return load_stopwords()


@lru_cache(maxsize=200_000)
def common(word: str) -> bool:
    """A common English word: a stop word, or Zipf frequency >= :data:`COMMON_ZIPF` (lower case)."""
    from wordfreq import zipf_frequency

    w = word.lower().strip("'")
    if any(ch.isdigit() for ch in w):
        return False
    return w in stop_words() or zipf_frequency(w, "en") >= COMMON_ZIPF


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    """English Zipf frequency of a word (``wordfreq``)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


def norm(s: str) -> str:
    """Letters and digits only, lower case ("Al-Ahram" -> "alahram")."""
    return re.sub(r"[^a-z0-9]", "", s.lower())


def clean(tok: str) -> str:
    """A token without a possessive ending (CRISTIANI'S -> CRISTIANI)."""
    return re.sub(r"'[sS]?$", "", tok) if len(tok) > 3 else tok


def norm_key(tokens: list[str]) -> str:
    """A candidate key from tokens: upper case, joined by ``_``, without "the"."""
    return "_".join(re.sub(r"[^A-Za-z0-9]", "", t).upper() for t in tokens if t.lower() != "the")


def initials_match(words: list[str], acr: str, *, loose: bool = False) -> bool:
    """Whether the initials of ``words`` (glue words aside) spell ``acr``; ``loose``: the same
    letters in any order, or all but one (translated acronyms: ELN = Army of National Liberation)."""
    ini = "".join(w[0].upper() for w in words if w.lower() not in GLUE)
    letters = re.sub(r"[^A-Z0-9]", "", acr.upper())
    if ini == letters:
        return True
    if not loose:
        return False
    shared = sum((collections.Counter(ini) & collections.Counter(letters)).values())
    return shared >= max(2, len(letters) - 1) and abs(len(ini) - len(letters)) <= 2


def _coverage(words: list[str], acr: str) -> int:
    ini = collections.Counter(w[0].upper() for w in words if w.lower() not in GLUE)
    return sum((ini & collections.Counter(re.sub(r"[^A-Z]", "", acr.upper()))).values())


def _word_run(before: list[str]) -> list[str]:
    run: list[str] = []
    for t in reversed(before):  # the run of words back to a punctuation mark
        if not re.match(r"[A-Za-z0-9]", t):
            break
        run.insert(0, t)
    return run


def expansion_before(before: list[str], acr: str) -> str | None:
    """The words before '(ACR)' that spell it: exactly, then loosely (translated acronyms), then a
    name ending in an organisation head (syllabic acronyms: ARENA = Nationalist Republican Alliance)."""
    run = _word_run(before)
    n_letters = len(re.sub(r"[^A-Z]", "", acr.upper()))
    best: tuple[tuple[int, bool], int] | None = None
    for k in range(1, len(run) + 1):
        words = run[-k:]
        if words[0].lower() in GLUE:
            continue
        if len([w for w in words if w.lower() not in GLUE]) > n_letters + 2:
            break
        if initials_match(words, acr):
            return " ".join(words)
        if k >= 2 and initials_match(words, acr, loose=True):
            content = [w for w in words if w.lower() not in GLUE]
            cov = (_coverage(words, acr), content[0][0].upper() == acr[0].upper())
            if best is None or cov > best[0]:
                best = (cov, k)
    if best:
        k = best[1]
        if k + 2 <= len(run) and run[-k - 1].lower() in GLUE_INSIDE and run[-k - 2].lower() in ORG_HEADS:
            k += 2  # ARMY OF + NATIONAL LIBERATION (ELN)
        return " ".join(run[-k:])
    return _organisation_before(run)


def _organisation_before(run: list[str]) -> str | None:
    if not run or run[-1].lower() not in ORG_HEADS:
        return None
    words: list[str] = []
    for t in reversed(run):
        if t.lower() in stop_words() and t.lower() not in GLUE_INSIDE or len(words) >= 6:
            break
        words.insert(0, t)
    while words and words[0].lower() in GLUE:
        words.pop(0)
    return " ".join(words) if len(words) >= 2 else None
