"""The drafter's ranking: merge candidates (acronym and expansion, surname and full name), reject
outlets, chrome, places, boilerplate and common words, and suggest a kind and a display name.
"""

from __future__ import annotations

import collections
import re
from typing import Any

from .scan import Cand, Scanner
from .words import (CHROME, DATE_WORDS, HEADS, KIND_WORDS, NONSTATE_MARKERS, ORG_HEADS, PLACE_NOUNS, TITLES,
                    WEAPON_WORDS, COMMON_SUFFIX, common, zipf)


def finish(sc: Scanner, *, min_docs: int = 3) -> list[Cand]:
    """The kept candidates, most documents first."""
    _merge_pairs(sc)
    merge_persons(sc)
    by_source = collections.Counter(d["source"] or "(none)" for d in sc.docs)
    out = []
    for k in sorted(sc.cands, key=lambda k: -len(k)):
        c = sc.cands[k]
        if len(c.docs) < (2 if "pair" in c.how else min_docs):
            continue
        if reject(sc, c, by_source) is None:
            out.append(c)
    kept: list[Cand] = []
    for c in sorted(out, key=lambda c: (-len(c.docs), -c.mentions, c.key)):
        if not any(_inside(c, o) for o in kept):
            kept.append(c)
    return kept


def _inside(c: Cand, o: Cand) -> bool:
    """Whether every alias of ``c`` is inside an alias of ``o``, a candidate in as many documents."""
    return o.key != c.key and len(o.docs) >= len(c.docs) * 0.8 and all(
        any(f" {a.lower()} " in f" {b.lower()} " for b in list(o.aliases) + [o.expansion or ""]) for a in c.aliases)


def _merge_pairs(sc: Scanner) -> None:
    """An acronym takes its most frequent expansion and absorbs the expansion's own candidate."""
    for acr, exps in sc.pairs.items():
        exp = exps.most_common(1)[0][0]
        c = sc.cands.setdefault(acr.upper(), Cand(acr.upper()))
        c.how.add("pair")
        c.expansion = exp
        inside = [k for k, o in sc.cands.items() if k != c.key and o.aliases and not o.how & {"pair", "acro"}
                  and all(f" {a.lower()} " in f" {exp.lower()} " for a in o.aliases)
                  and len(o.surface.split()) >= 2]
        for ek in inside:
            e = sc.cands.pop(ek)
            c.aliases.update(e.aliases)
            c.docs |= e.docs
            c.mentions += e.mentions
            c.sources.update(e.sources)
            c.context.update(e.context)
            c.heads.update(e.heads)
            c.examples = (c.examples + e.examples)[:3]


def merge_persons(sc: Scanner) -> None:
    """'CRISTIANI', 'ALFREDO CRISTIANI', 'ALFREDO CRISTIANI BURKARD': one candidate per surname,
    named by its most frequent full form (Spanish double surnames count both)."""
    by_source = collections.Counter(d["source"] or "(none)" for d in sc.docs)
    by_last: dict[str, list[str]] = collections.defaultdict(list)
    for k, c in sc.cands.items():
        toks = [re.sub(r"^AL(?=[A-Z]{3})", "", t) for t in k.split("_") if t not in {"AL", "EL"}]
        if not toks or reject(sc, c, by_source) or sum(c.heads.values()) >= 0.2 * c.mentions or c.the >= 0.3 * c.mentions:
            continue
        if c.how & {"name", "single", "head"} and not c.how & {"pair", "acro", "collocation"} \
                and not sc.is_demonym(toks[-1]) and len(toks) <= 4:
            by_last[toks[-1]].append(k)
            if len(toks) >= 3:
                by_last[toks[-2]].append(k)
    for keys in by_last.values():
        keys = [k for k in dict.fromkeys(keys) if k in sc.cands]
        multi = [k for k in keys if "_" in k and "name" in sc.cands[k].how and k.split("_")[0] in sc.first_names]
        if len(keys) < 2 or not multi:
            continue
        main = max(multi, key=lambda k: (len(sc.cands[k].docs), k))
        for k in keys:
            if k != main:
                sc.cands[main].absorb(sc.cands.pop(k))


def reject(sc: Scanner, c: Cand, by_source: collections.Counter) -> str | None:
    """Why a candidate is not a party (None: it may be one)."""
    if not c.aliases:
        return "no mentions"
    surface = c.surface
    low = surface.lower()
    if any(w in CHROME for w in low.split()) or low in sc.outlets.labels or re.search(r"[a-z][A-Z]", surface):
        return "chrome/label"
    if len(surface.split()) >= 2 and low.split()[-1] in PLACE_NOUNS:
        return "place"
    if sc.outlets.is_outlet(surface, len(c.docs)) or sc.outlets.is_outlet(surface.split()[0], len(c.docs)):
        return "outlet"
    if any(w.lower().rstrip("s") in DATE_WORDS or w.lower() in DATE_WORDS for w in surface.split()):
        return "date word"
    if "pair" not in c.how and c.locative / max(1, c.mentions) >= 0.3 and sum(c.heads.values()) < 0.2 * c.mentions:
        return "place"
    return _boilerplate(c, len(sc.docs), by_source) or _word_like(sc, c, surface)


def _boilerplate(c: Cand, n_docs: int, by_source: collections.Counter) -> str | None:
    if len(c.docs) >= 5 and max(len(v) for v in c.sentences.values()) >= 0.5 * len(c.docs):
        return "boilerplate (the same sentence in most of its documents)"
    src, n = c.sources.most_common(1)[0]
    if len(by_source) > 1 and n / c.mentions >= 0.9 and by_source[src] / n_docs < 0.4 and c.edge / c.mentions >= 0.5:
        return "boilerplate"
    if sum(v for w, v in c.context.items() if w in WEAPON_WORDS) >= 0.2 * c.mentions:
        return "weapon"
    return None


def _word_like(sc: Scanner, c: Cand, surface: str) -> str | None:
    """Common words, single words that are neither "the Xs" nor titled, modifiers without heads."""
    if sc.upper and len(surface.split()) == 1 and not (c.how & {"pair", "acro"}) \
            and zipf(surface) >= 2.0 and COMMON_SUFFIX.search(surface.upper()):
        return "common-noun suffix"
    if c.how <= {"single"} and sc.upper:
        group_noun = c.the / c.mentions >= 0.5 and surface.upper().endswith("S")
        titled = sum(c.titles.values()) / c.mentions >= 0.2
        if not (group_noun or titled):
            return "single word, not 'the Xs' nor titled"
    if c.how <= {"head", "single"} and not sc.is_demonym(surface) and sum(c.heads.values()) < 2 \
            and (sc.upper and c.the / c.mentions < 0.5):
        return "modifier without heads"
    if all(common(w) for w in surface.split()) and not (c.how & {"pair", "collocation"}) \
            and not sc.is_demonym(surface) and not re.fullmatch(r"(?:[A-Za-z]\.){2,}", surface):
        return "common words"
    return None


def display(sc: Scanner, c: Cand) -> str:
    """The name a user sees: an acronym's expansion, a person's full name, "X army" for a modifier."""
    if c.expansion:
        return c.expansion
    surface = c.surface
    if "name" in c.how:
        multi = [(v, a) for a, v in c.aliases.items() if len(a.split()) >= 2]
        if multi:
            surface = max(multi)[1]
    if c.heads:
        h, v = c.heads.most_common(1)[0]
        if h in ORG_HEADS and v / c.mentions >= 0.5:
            return f"{surface} {h.upper() if sc.upper else h}"
    return surface


def kind_of(sc: Scanner, c: Cand) -> tuple[str, bool]:
    """The suggested kind (``unknown`` when no cue is strong enough) and whether it is a person."""
    name = display(sc, c)
    own = {w.lower() for w in name.split()} | {w.lower() for a in c.aliases for w in a.split()}
    score: collections.Counter = collections.Counter()
    for kind, words in KIND_WORDS.items():
        score[kind] += 3 * sum(1 for w in own if w in words)
        score[kind] += 6 * sum(v for h, v in c.heads.items() if h in words) / max(1, c.mentions)
        score[kind] += 2 * sum(v for w, v in c.context.items() if w in words) / max(1, c.mentions)
    if own & NONSTATE_MARKERS:
        score["armed_nonstate"] += 5
    for t, v in c.titles.items():
        if TITLES.get(t):
            score[TITLES[t]] += 4 * v / max(1, c.mentions)
    if sc.is_demonym(c.surface):
        score["state"] += 1.0
    vocab = set().union(*KIND_WORDS.values()) | HEADS | ORG_HEADS
    person = ("name" in c.how or "single" in c.how) and not c.expansion and 1 <= len(c.surface.split()) <= 4 \
        and not sc.is_acronym(c.surface) and not sc.is_demonym(c.surface) \
        and not any(w.lower() in vocab for w in name.split()) and c.the / c.mentions < 0.3
    best = score.most_common(1)
    if not best or best[0][1] < 0.5:
        return "unknown", person
    return best[0][0], person


def summary(sc: Scanner, c: Cand) -> dict[str, Any]:
    """What the drafter reports of a candidate (no corpus text)."""
    kind, person = kind_of(sc, c)
    return {"name": display(sc, c), "kind": kind, "person": person, "documents": len(c.docs),
            "mentions": c.mentions, "how": sorted(c.how), "demonym": sc.is_demonym(c.surface)}
