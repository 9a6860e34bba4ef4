"""The drafter's candidate finder: names, acronyms with their expansions, demonyms and heads.

:class:`Scanner` reads a corpus's sentences once and collects :class:`Cand` records:

- ``pair``: "EXPANSION (ACR)", "ACR [EXPANSION]", "ACR (EXPANSION)";
- ``acro``: an acronym with corpus evidence (seen in a pair), a digit or hyphen (M-19), no vowel
  (FMLN); never a weapon (AK-47: weapon words around it);
- ``name``: runs of name tokens with inner glue (of, de, al...), capitalised in mixed case; in
  upper case uncommon words that start with a given name learnt from the corpus (a word seen
  twice right after a title), follow a title, or precede a head noun;
- ``head``: "X forces / X army / X cartel ..." and demonyms (an adjective whose stem is a place
  of the corpus: Salvadoran ~ Salvador);
- ``collocation``: names made of common words (SHINING PATH, WHITE HELMETS) with a strong PMI,
  often followed by a head or acting as a subject.

In an upper-case corpus (under 5% of letters lower case) capitals carry no evidence, and an
uncommon English word stands in for a capitalised one (:func:`~.words.common`); title-case
headlines in mixed-case text are read the same way.
"""

from __future__ import annotations

import collections
import math
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from ...extract.text import sentence_spans
from .outlets import OutletFilter
from .words import (AGENT_VERBS, CHROME, GLUE_INSIDE, HEADS, KIND_WORDS, LOCATIVE, ORG_HEADS, PLACE_NOUNS,
                    TITLES, TOKEN, clean, common, expansion_before, initials_match, norm, norm_key, stop_words)


@dataclass
class Cand:
    """One candidate party: its surfaces, documents and the context it was seen in."""

    key: str
    how: set = field(default_factory=set)
    aliases: collections.Counter = field(default_factory=collections.Counter)
    docs: set = field(default_factory=set)
    sources: collections.Counter = field(default_factory=collections.Counter)
    mentions: int = 0
    heads: collections.Counter = field(default_factory=collections.Counter)
    context: collections.Counter = field(default_factory=collections.Counter)
    titles: collections.Counter = field(default_factory=collections.Counter)
    locative: int = 0
    the: int = 0
    sentences: dict = field(default_factory=lambda: collections.defaultdict(set))
    edge: int = 0
    examples: list = field(default_factory=list)
    expansion: str | None = None

    def absorb(self, other: "Cand") -> None:
        """Add another candidate's counts and evidence to this one."""
        self.aliases.update(other.aliases)
        self.docs |= other.docs
        self.mentions += other.mentions
        self.sources.update(other.sources)
        self.context.update(other.context)
        self.heads.update(other.heads)
        self.titles.update(other.titles)
        self.the += other.the
        self.locative += other.locative
        self.edge += other.edge
        self.how |= other.how
        for h, ds in other.sentences.items():
            self.sentences[h] |= ds
        self.examples = (self.examples + other.examples)[:3]

    @property
    def surface(self) -> str:
        """The most frequent surface."""
        return self.aliases.most_common(1)[0][0]


_HEADER = re.compile(r"^[^\n]{0,200}?\)\s*--\s*")
_LABEL = re.compile(r"\[([^\]]{1,40})\]")


class Scanner:
    """One pass over a corpus collecting candidate parties (see the module docstring)."""

    def __init__(self, docs: Sequence[dict[str, Any]], *, upper: bool, outlets: OutletFilter):
        self.docs = docs
        self.upper = upper
        self.outlets = outlets
        self.cands: dict[str, Cand] = {}
        self.pairs: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.capmid: collections.Counter = collections.Counter()
        self.lowmid: collections.Counter = collections.Counter()
        self.headline = False
        self.sents: list[tuple[dict[str, Any], int, str, list[tuple[int, int, str]]]] = []
        self.places: set[str] = set()
        self._demonyms: dict[str, bool] = {}  # is_demonym's answers for the current places
        self.vocab: collections.Counter = collections.Counter()
        self.first_names: set[str] = set()
        self.acronyms: set[str] = set()
        self._pos = 0

    # ---------------------------------------------------------------- pass 1

    def _strip(self, d: dict[str, Any]) -> str:
        """A document's text without its wire header and format labels (blanked, offsets kept)."""
        text = d["text"]
        m = _HEADER.match(text)
        if m:
            text = " " * m.end() + text[m.end():]
        return _LABEL.sub(lambda m: " " * len(m.group(0)) if m.group(1).strip().lower() in self.outlets.labels
                          else m.group(0), text)

    def prepare(self) -> None:
        """Sentences and tokens per document, acronym pairs, place-like tokens, given names."""
        loc: collections.Counter = collections.Counter()
        tot: collections.Counter = collections.Counter()
        for d in self.docs:
            text = self._strip(d)
            d["_len"] = len(text)
            for s, e in sentence_spans(text):
                sent = text[s:e]
                spans = [(m.start(), m.end(), clean(m.group(0))) for m in TOKEN.finditer(sent)]
                self.sents.append((d, s, sent, spans))
                self._pos = s
                self.scan_pairs(d, sent, spans)
                self._count_tokens([t for _, _, t in spans], tot, loc)
        self.places = {k for k, v in tot.items() if v >= 3 and loc[k] / v >= 0.15}
        self._demonyms.clear()
        self.vocab = tot
        self.first_names = self._given_names()
        self.acronyms = {a.upper() for a in self.pairs}

    def _count_tokens(self, toks: list[str], tot: collections.Counter, loc: collections.Counter) -> None:
        for i, t in enumerate(toks):
            k = t.upper()
            tot[k] += 1
            if i and t[:1].isupper():
                self.capmid[k] += 1
            elif t[:1].islower():
                self.lowmid[k] += 1
            if i and toks[i - 1].lower() in LOCATIVE:
                loc[k] += 1

    def _given_names(self) -> set[str]:
        """Uncommon words seen at least twice right after a title (PRESIDENT ALFREDO ...)."""
        after_title: collections.Counter = collections.Counter()
        for _, _, _, spans in self.sents:
            toks = [t for _, _, t in spans]
            for i in range(1, len(toks)):
                if toks[i - 1].lower().rstrip(".") in TITLES and toks[i][:1].isalpha() and not common(toks[i]):
                    after_title[toks[i].upper()] += 1
        return {k for k, v in after_title.items() if v >= 2}

    # ---------------------------------------------------------------- token tests

    def name_token(self, tok: str, first: bool) -> bool:
        """Whether ``tok`` may be part of a name (``first``: it opens its sentence)."""
        if not tok[:1].isalpha():
            return False
        if not self.upper and re.match(r"(?i)(al|el|ad|as|ash|ar|an)-[A-Z]", tok):
            return True  # Arabic article: Jaish al-Islam, Bashar al-Assad
        if self.upper and (self.is_demonym(tok) or self.is_demonym(tok.rstrip("S"))):
            return False
        low = tok.lower()
        if low in HEADS or low in TITLES or (common(tok) and any(low in ws for ws in KIND_WORDS.values())):
            return False
        if self.upper or self.headline:
            return not common(tok)
        if not tok[0].isupper():
            return False
        if first:  # sentence-initial: a name if seen capitalised inside sentences more than in lower case
            k = tok.upper()
            return not common(tok) and self.capmid[k] >= max(1, self.lowmid[k])
        return low not in stop_words()

    def is_acronym(self, tok: str) -> bool:
        """An acronym: 2-8 letters and digits, with corpus evidence in upper-case text."""
        core = tok.replace("-", "").replace(".", "")
        if not (2 <= len(core) <= 8) or not core.isalnum() or not core[0].isalpha():
            return False
        if tok.upper() in self.acronyms or re.fullmatch(r"(?:[A-Za-z]\.){2,}", tok):
            return True
        if self.upper:  # all capitals: only with corpus evidence, a digit or hyphen, or no vowel at all
            if common(tok):
                return False
            return "-" in tok or any(ch.isdigit() for ch in core) or not re.search(r"[AEIOUY]", core.upper())
        return core.isupper() and not common(tok)

    def is_demonym(self, word: str) -> bool:
        """An adjective whose stem is a place named in the corpus (Salvadoran ~ Salvador, Syrian ~ Syria)."""
        w = word.upper()
        if not self.upper and not word[:1].isupper():
            return False
        if len(w) < 5 or not w.endswith(("AN", "IAN", "ESE", "ISH", "I", "IST")):
            return False
        known = self._demonyms.get(w)
        if known is None:
            known = self._demonyms[w] = any(p != w and len(p) >= 4 and w.startswith(p[:-1]) and len(w) - len(p) <= 4
                                            for p in self.places)
        return known

    # ---------------------------------------------------------------- recording

    def add(self, key: str, surface: str, how: str, doc: dict[str, Any], sent: str, toks: list[str], i: int, j: int,
            pos: int) -> None:
        """Record one occurrence of a candidate (tokens ``toks[i:j]`` of ``sent``)."""
        if self.outlets.is_outlet(surface) or norm(surface) in {norm(c) for c in CHROME}:
            return
        c = self.cands.setdefault(key, Cand(key))
        c.how.add(how)
        c.aliases[surface] += 1
        c.mentions += 1
        c.docs.add(doc["doc_id"])
        c.sources[doc["source"] or "(none)"] += 1
        low = [t.lower() for t in toks]
        if i > 0 and (low[i - 1] in LOCATIVE or low[i - 1] in PLACE_NOUNS) \
                or i > 1 and low[i - 1] == "of" and low[i - 2] in PLACE_NOUNS or j < len(low) and low[j] in PLACE_NOUNS:
            c.locative += 1
        if i > 0 and low[i - 1] == "the":
            c.the += 1
        if i > 0 and low[i - 1].rstrip(".") in TITLES:
            c.titles[low[i - 1].rstrip(".")] += 1
        if j < len(toks) and low[j] in HEADS:
            c.heads[low[j]] += 1
        c.context.update(low[max(0, i - 4):i] + low[j:j + 4])
        c.sentences[hash(sent.strip().lower())].add(doc["doc_id"])
        rel = pos / max(1, doc["_len"])
        if rel < 0.03 or rel > 0.97:
            c.edge += 1
        if len(c.examples) < 3 and doc["doc_id"] not in {e[0] for e in c.examples}:
            c.examples.append((doc["doc_id"], sent.strip()[:220]))

    # ---------------------------------------------------------------- generators

    def scan(self) -> None:
        """Both passes: tokens and pairs, then names, heads and collocations."""
        self.prepare()
        for d, s, sent, spans in self.sents:
            self.scan_names(d, sent, [t for _, _, t in spans], s)
        scan_collocations(self)

    def scan_pairs(self, d: dict[str, Any], sent: str, spans: list[tuple[int, int, str]]) -> None:
        """Acronyms beside their expansions: "EXPANSION (ACR)" and "ACR [EXPANSION]"."""
        for m in re.finditer(r"[(\[]([A-Z][A-Z0-9\-]{1,9})[)\]]", sent):
            acr = m.group(1)
            exp = expansion_before([t for (a, b, t) in spans if b <= m.start()][-12:], acr)
            if exp and common(acr) and not initials_match(exp.split(), acr):
                exp = None
            if exp and not self.outlets.is_outlet(acr):
                self.pairs[acr][exp] += 1
                self.add_pair(d, sent, spans, m.start(1), acr)
        for m in re.finditer(r"\b([A-Z][A-Z0-9\-]{1,9})\s*[\[(]([A-Za-z][^\])]{6,90})[\])]", sent):
            acr, exp = m.group(1), m.group(2).strip()
            words = exp.split()
            if common(acr) and not initials_match(words, acr) and words[-1].lower() not in ORG_HEADS:
                continue
            if len(words) >= 2 and (initials_match(words, acr, loose=True) or words[-1].lower() in ORG_HEADS) \
                    and not self.outlets.is_outlet(acr):
                self.pairs[acr][exp.upper() if self.upper else exp] += 1
                self.add_pair(d, sent, spans, m.start(1), acr)

    def add_pair(self, d: dict[str, Any], sent: str, spans: list[tuple[int, int, str]], start: int, acr: str) -> None:
        """Count an acronym that is also an English word (ARENA, UP) only where its expansion stands beside it."""
        if not common(acr):
            return
        toks = [t for _, _, t in spans]
        i = next((k for k, (a, _, _) in enumerate(spans) if a == start), None)
        if i is not None:
            self.add(acr.upper(), acr, "pair", d, sent, toks, i, i + 1, self._pos)

    def depossess(self, toks: list[str]) -> tuple[list[str], set[int]]:
        """Stripped possessives ('Syrias', 'Assads' -> 'Syria', 'Assad') when the stem is a name seen
        at least 5 times; the name ends there."""
        out, ends = [], set()
        for i, t in enumerate(toks):
            if len(t) > 3 and t.endswith("s") and t[:1].isalpha() and self.vocab.get(t[:-1].upper(), 0) >= 5 \
                    and not common(t) and (t[0].isupper() or t.startswith(("al-", "el-"))):
                out.append(t[:-1])
                ends.add(i)
            else:
                out.append(t)
        return out, ends

    def scan_names(self, d: dict[str, Any], sent: str, toks: list[str], pos: int) -> None:
        """Names, acronyms, demonyms and heads of one sentence."""
        words_ = [t for t in toks if t[:1].isalpha() and t.lower() not in stop_words()]
        # a headline in Title Case: capitals are no evidence there, read it as upper-case text
        self.headline = not self.upper and len(words_) >= 3 and sum(t[0].isupper() for t in words_) / len(words_) >= 0.7
        ends: set[int] = set()
        if not self.upper:
            toks, ends = self.depossess(toks)
        i = 0
        while i < len(toks):
            acro = self.is_acronym(toks[i])
            if self.name_token(toks[i], i == 0) or acro:
                j = self._name_end(toks, i, ends, acro)
                self._add_span(d, sent, toks, i, j, pos, acro)
                i = j
                continue
            if self.is_demonym(toks[i]):
                self.add(toks[i].upper(), toks[i], "head", d, sent, toks, i, i + 1, pos)
            i += 1

    def _name_end(self, toks: list[str], i: int, ends: set[int], acro: bool) -> int:
        j, n = i + 1, len(toks)
        while j < n and (j - 1) not in ends and not acro:
            if self.name_token(toks[j], False) and not self.is_acronym(toks[j]):
                j += 1
            elif toks[j].lower() in GLUE_INSIDE and j + 1 < n and self.name_token(toks[j + 1], False) \
                    and (self.upper and toks[j].lower() != "and" or toks[j].islower()):
                j += 2
            else:
                break
        return j

    def _add_span(self, d: dict[str, Any], sent: str, toks: list[str], i: int, j: int, pos: int, acro: bool) -> None:
        span, t, n = toks[i:j], toks[i], len(toks)
        if len(span) == 1:
            if acro and common(t) and not re.fullmatch(r"(?:[A-Za-z]\.){2,}", t):
                return  # an acronym that is also a word: counted only beside its expansion
            how = "acro" if acro else "head" if self.is_demonym(t) or (j < n and toks[j].lower() in HEADS) else "single"
            self.add(t.upper(), t, how, d, sent, toks, i, j, pos)
        elif len(span) <= 7:
            titled = i > 0 and toks[i - 1].lower().rstrip(".") in TITLES
            if not self.upper or span[0].upper() in self.first_names or titled:
                self.add(norm_key(span), " ".join(span), "name", d, sent, toks, i, j, pos)
            elif j < n and toks[j].lower() in HEADS:
                self.add(norm_key(span), " ".join(span), "head", d, sent, toks, i, j, pos)


def scan_collocations(sc: Scanner) -> None:
    """Names made of common words (SHINING PATH, UNITED NATIONS): a strongly associated bigram or
    trigram (PMI >= 4 per extra word, 8+ uses) followed by a head in >= 15% of uses, or read as
    "the X Y" + an agent verb; in mixed case they must be capitalised."""
    uni: collections.Counter = collections.Counter()
    grams: collections.Counter = collections.Counter()
    stats: dict[str, collections.Counter] = {k: collections.Counter() for k in ("acting", "headed", "the")}
    where: dict[tuple, list] = collections.defaultdict(list)
    for d, s, sent, spans in sc.sents:
        orig = [t for _, _, t in spans]
        toks = [t.upper() for t in orig]
        uni.update(toks)
        for n in (2, 3):
            for i in range(len(toks) - n + 1):
                key = _gram(sc, orig, toks, i, n)
                if key is None:
                    continue
                grams[key] += 1
                nxt = toks[i + n].lower() if i + n < len(toks) else ""
                stats["headed"][key] += nxt in HEADS
                stats["acting"][key] += nxt in AGENT_VERBS
                stats["the"][key] += i > 0 and toks[i - 1].lower() == "the"
                if len(where[key]) < 400:
                    where[key].append((d, s, sent, orig, i, i + n))
    total = sum(uni.values())
    for key, n in grams.items():
        if n < 8 or not (stats["headed"][key] / n >= 0.15 or stats["the"][key] / n >= 0.4 and stats["acting"][key] / n >= 0.1):
            continue
        if math.log(n * total ** (len(key) - 1) / math.prod(uni[t] for t in key)) < 4 * (len(key) - 1):
            continue
        for d, s, sent, toks, i, j in where[key]:
            sc.add("_".join(key), " ".join(toks[i:j]), "collocation", d, sent, toks, i, j, s)


def _gram(sc: Scanner, orig: list[str], toks: list[str], i: int, n: int) -> tuple[str, ...] | None:
    """The n-gram at ``i`` when it is made of common, capitalised-enough content words."""
    g = toks[i:i + n]
    blocked = HEADS | set(TITLES)
    if not all(t[:1].isalpha() and t.lower() not in stop_words() and t.lower() not in blocked for t in g):
        return None
    if not all(common(t) for t in g):
        return None  # runs of uncommon words are names already
    if not sc.upper and not all(t[:1].isupper() for t in orig[i:i + n]):
        return None  # mixed case: a name of common words is capitalised (White Helmets)
    return tuple(g)
