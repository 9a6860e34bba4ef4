"""Naming labels: which word each report uses for each party, counted per referent.

Driven by a conflict pack's ``labels.yml`` (validated against the pack's group ids): which word
a report uses for each party -- "rebels", "terrorists", "guerrillas" for the insurgents;
"government", "regime", "army" for the state; the names of the groups a pack lists. A generic
label claimed by a name ("Shining Path terrorists", "guerrillas of the FMLN", "Kurdish
militants") counts for that name's referent. An unclaimed generic word ("the militants", "the
extremist group") refers to the one antecedent group its sentence names -- or, when definite
and its sentence names none, the one the last sentence that names a party names (up to three
sentences back, through sentences that name no party) -- unless that sentence also names the
word's own referent in its own words. Each label use is flagged ``quoted`` when it sits inside
quotation marks or inside the content of attributed speech. (Dictionary frames are in
:mod:`analysis.extract.frames`.)

Terms share one syntax with the frames lexicon (documented at the top of each YAML file):
whole words, case-insensitive unless the term is all capitals, spaces match spaces or hyphens,
the last word also matches its regular plural, ``*`` marks a stem. All terms of a lexicon are
compiled into one matcher (built once per lexicon file); at each position the longest term wins.

Example:
    >>> from analysis.extract.text import document_sentences
    >>> from analysis.resources.packs import load_pack
    >>> lexicon = load_labels(pack=load_pack("muc4"))
    >>> sents = document_sentences("d1", "", 'Rebels shelled the town. "Terrorists did it," the army said.')
    >>> [(r["referent"], r["label"], r["quoted"]) for r in extract_labels(sents, lexicon=lexicon)]
    [('government', 'army', False), ('insurgents', 'rebels', False), ('insurgents', 'terrorists', True)]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from ..errors import InputError, brief
from ..resources.files import entry_error, load_yaml
from ..resources.packs import Pack, load_pack
from ..resources.registry import lexicon_path
from .attribution import extract_attributions
from .terms import Matcher, Term, check_keys, check_terms, words_regex
from .text import Sentence, quote_spans


@dataclass
class LabelLexicon:
    """A validated labels lexicon, compiled (see ``labels.yml`` for the format)."""

    path: Path
    referents: dict[str, dict[str, Any]]
    matcher: Matcher
    count_names: dict[str, bool]
    not_preceded: dict[tuple[str, str], re.Pattern]
    not_followed: dict[tuple[str, str], re.Pattern]
    generic: frozenset[tuple[str, str]] = frozenset()
    antecedents: frozenset[str] = frozenset()

    def label_names(self, referent: str) -> list[str]:
        """The label names of a referent in lexicon order (for stable colours across figures).

        Raises:
            InputError: an unknown referent (names the ones the lexicon has).
        """
        if referent not in self.referents:
            raise InputError(f"{self.path}: no referent {referent!r}; the lexicon has {', '.join(self.referents)}")
        return list(self.referents[referent].get("labels") or {})


_GAP_BEFORE = re.compile(
    r"^(?:['’]?s)?\)?\s*(?:[-/]\s*)?(?:and\s+(?:its\s+)?(?:allied|affiliated)\s+|"
    r"(?:linked|affiliated|allied|aligned|led|backed|loyal|inspired)\s+|-)?\s*$",
    re.I,
)

_GAP_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|who|that)\s+(?:are|is|were|was)\s+)?"
    r"(?:of|from|belonging\s+to|affiliated\s+(?:to|with)|linked\s+(?:to|with)|loyal\s+to|"
    r"allied\s+(?:to|with)|tied\s+to|(?:led|headed|commanded)\s+by|in|within|among)\s+(?:the\s+)?(?:Syria['’]?s\s+)?(?:so[\s\-]called\s+)?(?:al[\s\-])?$|"
    r"^\s+(?:(?:group|organi[sz]ation|movement|faction|militia)s?\s+)?(?:the\s+)?(?:so[\s\-]called\s+)?(?:al[\s\-])?$",
    re.I,
)


@dataclass
class _Building:
    """What the loader collects over the referents of one labels file."""

    path: Path
    pack: Pack
    seen: dict[str, str] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    count_names: dict[str, bool] = field(default_factory=dict)
    not_pre: dict[tuple[str, str], re.Pattern] = field(default_factory=dict)
    not_fol: dict[tuple[str, str], re.Pattern] = field(default_factory=dict)
    generic: set[tuple[str, str]] = field(default_factory=set)
    antecedents: set[str] = field(default_factory=set)


_REFERENT_KEYS = {"group", "description", "labels", "names", "count_names", "qualifiers", "generic", "antecedent"}


@lru_cache(maxsize=8)
def _load_labels_cached(path: str, mtime: float, pack: Pack) -> LabelLexicon:
    p = Path(path)
    data = load_yaml(p)
    check_keys(p, "(top level)", data, {"referents"}, {"referents"})
    refs = data["referents"]
    if not isinstance(refs, dict) or not refs:
        raise entry_error(p, "referents", "needs at least one referent")
    b = _Building(p, pack)
    for ref, spec in refs.items():
        _add_referent(b, str(ref), spec)
    return LabelLexicon(p, {str(k): v for k, v in refs.items()}, Matcher(b.terms), b.count_names, b.not_pre, b.not_fol,
                        frozenset(b.generic), frozenset(b.antecedents))


def _flag(p: Path, ref: str, spec: dict, key: str) -> bool:
    value = spec.get(key, False)
    if not isinstance(value, bool):
        raise entry_error(p, ref, f"{key} must be true or false")
    return value


def _add_referent(b: _Building, ref: str, spec: Any) -> None:
    """Validate one referent and add its terms, flags and word filters."""
    p = b.path
    check_keys(p, ref, spec, _REFERENT_KEYS)
    group = spec.get("group")
    if group is not None and (not isinstance(group, str) or group not in b.pack.kinds):
        raise entry_error(p, ref, f"unknown group id {brief(group)}; the pack {b.pack.name!r} has {', '.join(sorted(b.pack.kinds))}")
    labels = spec.get("labels") or {}
    names = spec.get("names") or {}
    if not isinstance(labels, dict) or not isinstance(names, dict):
        raise entry_error(p, ref, "labels and names must be mappings of key -> list of terms")
    if not labels and not names:
        raise entry_error(p, ref, "defines neither labels nor names")
    b.count_names[ref] = _flag(p, ref, spec, "count_names")
    if _flag(p, ref, spec, "antecedent"):
        if not names:
            raise entry_error(p, ref, "antecedent: true needs names (a generic label is resolved to a named group)")
        b.antecedents.add(ref)
    gen = spec.get("generic")
    if gen is not None:
        if not isinstance(gen, list) or not gen:
            raise entry_error(p, ref, "generic needs a non-empty list of label keys")
        for key in gen:
            if str(key) not in labels:
                raise entry_error(p, ref, f"generic: {key!r} is not a label of this referent; use one of {', '.join(map(str, labels))}")
            b.generic.add((ref, str(key)))
    for key, lab in labels.items():
        _add_label(b, ref, str(key), lab)
    for key, tl in names.items():
        for t in check_terms(p, f"{ref}.names.{key}", tl, b.seen):
            b.terms.append(Term("name", ref, str(key), t, t.endswith("*")))
    for t in check_terms(p, f"{ref}.qualifiers", spec["qualifiers"], b.seen) if spec.get("qualifiers") else ():
        b.terms.append(Term("qualifier", ref, t, t, t.endswith("*")))


def _add_label(b: _Building, ref: str, key: str, lab: Any) -> None:
    """One label: its terms, and its not_preceded_by / not_followed_by word filters."""
    entry = f"{ref}.labels.{key}"
    terms = lab
    if isinstance(lab, dict):
        check_keys(b.path, entry, lab, {"terms", "not_preceded_by", "not_followed_by"}, {"terms"})
        terms = lab["terms"]
        for opt, store in (("not_preceded_by", b.not_pre), ("not_followed_by", b.not_fol)):
            ws = lab.get(opt)
            if ws is None:
                continue
            if not isinstance(ws, list) or not ws or any(not str(w).strip() for w in ws):
                raise entry_error(b.path, entry, f"{opt} needs a non-empty list of words")
            alt = words_regex(str(w).strip() for w in ws)
            store[(ref, key)] = re.compile(
                rf"(?<!\w){alt}(?:['’]?s)?[\s\-]+$" if opt == "not_preceded_by" else rf"^[\s\-]+{alt}(?!\w)", re.I)
    for t in check_terms(b.path, entry, terms, b.seen):
        b.terms.append(Term("label", ref, key, t, t.endswith("*")))


def load_labels(path: str | Path | None = None, *, pack: Pack | None = None) -> LabelLexicon:
    """Load and validate a labels lexicon (default: the pack's ``labels.yml``).

    Args:
        path: the labels file; None for the pack's.
        pack: the conflict pack whose group ids ``group:`` may use (default: the Syria pack).

    Raises:
        LexiconError: naming the file and entry (unknown key or group id, empty term,
            duplicate term, a referent with neither labels nor names).

    Example:
        >>> sorted(load_labels(pack=load_pack("muc4")).referents)[:2]
        ['colombian_guerrillas', 'government']
    """
    pack = pack or load_pack()
    p = Path(path or pack.files.get("labels") or lexicon_path("labels")).resolve()
    mtime = p.stat().st_mtime if p.is_file() else 0.0
    return _load_labels_cached(str(p), mtime, pack)


def _part_texts(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Rebuild each part's text from its sentences (gaps are white space)."""
    by_part: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_part[s.part].append(s)
    out = {}
    for part, ss in by_part.items():
        buf = [" "] * max(s.end for s in ss)
        for s in ss:
            buf[s.start : s.end] = s.text
        out[part] = "".join(buf)
    return out


def _speech_spans(sentences: Sequence[Sentence], attributions: Iterable[Mapping] | None) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for part, text in _part_texts(sentences).items():
        spans[part].extend(quote_spans(text))
    if attributions is None:
        attributions = extract_attributions(sentences)
    for rec in attributions or ():
        if rec.get("kind") == "cited":
            continue  # the party a sentence cites for its facts, not a span of reported words
        part = rec.get("part")
        start = rec.get("content_start", rec.get("start"))
        end = rec.get("content_end", rec.get("end"))
        if part is None or start is None or end is None:
            continue
        try:
            spans[str(part)].append((int(start), int(end)))
        except (TypeError, ValueError):
            continue
    return spans


_MODIFIER_GAP = re.compile(r"^[\s\-]+$")

_LAST_WORD = re.compile(r"[\w'’]+$")


def _is_plural(surface: str, term: str) -> bool:
    """True when a match ends in the plural of its term's last word ("terrorists" for
    "terrorist"): a plural is a noun naming the party even before "attack" ("terrorists
    attack", FA-KES's apostrophe-less "terrorists' attack"), so ``not_followed_by`` does not
    apply to it."""
    a, b = _LAST_WORD.search(surface), _LAST_WORD.search(term)
    return a is not None and b is not None and a.group().lower() != b.group().lower()


def _merge_modifiers(text: str, found: list[list]) -> list[list]:
    """One label per noun phrase: in "Takfiri terrorists" the modifier joins the head noun.

    Two labels of the same referent separated only by spaces or a hyphen are one mention,
    counted under the second (head) label, its span widened to cover both.
    """
    out: list[list] = []
    for item in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev[2].kind == "label"
            and item[2].kind == "label"
            and prev[3] == item[3]
            and _MODIFIER_GAP.match(text[prev[1] : item[0]])
        ):
            out[-1] = [prev[0], item[1], item[2], item[3], False]
        else:
            out.append(item)
    return out


#: A definite or possessive determiner before a label, up to two modifiers in between
#: ("the militants", "its fighters", "the so-called extremist group"), no preposition.
_DEFINITE = re.compile(
    r"(?<!\w)(?:the|its|this|these|those)\s+(?:(?!(?:of|from|by|to|with|and|or|in|on|at|for|against|between|than)\b)[\w'’\-]+\s+){0,2}$",
    re.I,
)

#: A label that is the first half of a compound adjective ("the militant-held city"): the
#: determiner belongs to the noun after it, so the label is not definite.
_COMPOUND_MODIFIER = re.compile(r"-(?:held|controlled|run|led|dominated|besieged|occupied|backed|linked)\b", re.I)

#: A sentence that opens on a named place or a scene marker ("In Aleppo, ...", "Meanwhile",
#: "Elsewhere"): a definite generic word in it does not look back past sentences that named
#: no party (the previous sentence still counts).
_NEW_SCENE = re.compile(
    r"\s*(?:(?i:meanwhile|elsewhere|separately|in\s+other\s+developments)\b|"
    r"(?i:in|at|across)\s+(?:the\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z])"
)


def _claim_after(text: str, found: list[list], claimed: list[bool]) -> None:
    """A name just after a label claims it, directly or through "of/from/linked to"
    ("terrorists of Daesh", "the Takfiri group ISIL"); right to left, so a chain passes the
    claim on ("militants of the Takfiri group ISIL")."""
    for i in range(len(found) - 2, -1, -1):
        item, nxt = found[i], found[i + 1]
        if item[2].kind != "label" or claimed[i] or not _GAP_AFTER.match(text[item[1] : nxt[0]]):
            continue
        if nxt[2].kind == "name":
            item[3], nxt[4], claimed[i] = nxt[2].group, True, True
        elif nxt[2].kind == "label" and claimed[i + 1] and nxt[2].group == item[2].group:
            item[3], claimed[i] = nxt[3], True


def _sentence_groups(lex: LabelLexicon, found: list[list], claimed: list[bool]) -> tuple[set[str], set[str]]:
    """The antecedent groups a sentence names, and the referents it names in their own words.

    A group is named by one of its names or qualifiers ("Daesh", "Kurdish"), alone or claiming
    a label. A referent is blocked when the sentence names it by a name or a non-generic label
    of its own ("Free Syrian Army", "rebels"): then a generic word may mean either side.
    """
    named: set[str] = set()
    blocked: set[str] = set()
    for i, (_, _, t, referent, _) in enumerate(found):
        if t.kind == "name":
            (named if t.group in lex.antecedents else blocked).add(t.group)
        elif t.kind == "label" and claimed[i]:
            (named if referent in lex.antecedents else blocked).add(referent)
        elif t.kind == "label" and (referent, t.key) not in lex.generic:
            blocked.add(referent)
    return named, blocked


#: How far back a definite generic word looks for its antecedent, in sentences.
_LOOKBACK = 3


class _Context(NamedTuple):
    """What earlier sentences of a part leave for a definite generic word."""

    groups: frozenset[str]  # the antecedent groups named
    blocked: frozenset[str]  # the referents named in their own words
    age: int  # sentences naming no party since then


_NO_CONTEXT = _Context(frozenset(), frozenset(), 0)


def _context_after(found: list[list], named: set[str], blocked: set[str], before: _Context) -> _Context:
    """The antecedent context a sentence leaves for the next one.

    A sentence that names a group or a referent sets the context; one whose generic words
    were resolved to a group keeps that group as the context; one that names no party at all
    ("The monitor said five were suicide bombers.") passes the previous context on, for up to
    :data:`_LOOKBACK` sentences in all; one that uses a label it cannot resolve ("militants
    attacked...") may be speaking of a new party and clears it.
    """
    if named or blocked:
        return _Context(frozenset(named), frozenset(blocked), 0)
    labels = [item for item in found if item[2].kind == "label"]
    if not labels:
        return before._replace(age=before.age + 1) if before.age + 1 < _LOOKBACK else _NO_CONTEXT
    referents = {item[3] for item in labels}
    if len(referents) == 1 and all(item[3] != item[2].group for item in labels):
        return _Context(frozenset(referents), frozenset(), 0)
    return _NO_CONTEXT


def label_mentions(
    sentences: Sequence[Sentence],
    *,
    lexicon: LabelLexicon | str | Path | None = None,
    attributions: Iterable[Mapping] | None = None,
) -> list[dict]:
    """Every label use in one document, with offsets (columns :data:`LABEL_MENTION_COLUMNS`).

    Args:
        sentences: the sentences of one document (``analysis.extract.text.document_sentences``).
        lexicon: a :class:`LabelLexicon`, a path to a labels YAML, or None for the default pack's.
        attributions: attribution records of the document (``part``, ``start``, ``end`` of
            the speech content); None computes them with :mod:`analysis.extract.attribution`.

    Returns:
        Records in text order; ``start``/``end`` are offsets into the part (title or body).

    A label's referent is, in order: the group of a name or qualifier just before it ("Daesh
    terrorists"); the group of a name just after it, directly or through "of/from/linked
    to" ("militants of Daesh"); for a generic label of the lexicon, the one antecedent group
    the sentence names, or -- for a definite label ("the militants") in a sentence naming
    none -- the one the context of earlier sentences names (see :func:`_context_after`: the
    last sentence of the part that names a party, at most three back, through sentences that
    name none; only the previous sentence when this one opens on a new place, "In Aleppo ..."),
    unless that sentence names the label's own referent in its own words; else
    the label's own referent.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> from analysis.resources.packs import load_pack
        >>> sents = document_sentences("d", "", "Shining Path terrorists fled. The guerrillas left.")
        >>> [(m["surface"], m["referent"]) for m in label_mentions(sents, lexicon=load_labels(pack=load_pack("muc4")))]
        [('terrorists', 'shining_path'), ('guerrillas', 'shining_path')]
    """
    lex = lexicon if isinstance(lexicon, LabelLexicon) else load_labels(lexicon)
    if not sentences:
        return []
    speech = _speech_spans(sentences, attributions)
    out: list[dict] = []
    previous: dict[str, _Context] = {}  # part -> context for the next sentence
    for s in sentences:
        found = _found(lex, s.text)
        claimed = _claim_before(s.text, found)
        _claim_after(s.text, found, claimed)
        # else a generic word ("the militants", "the extremist group") refers to the one group
        # its sentence (or, if definite, the context of earlier sentences) names
        named, blocked = _sentence_groups(lex, found, claimed)
        before = previous.get(s.part, _NO_CONTEXT)
        if lex.generic and _resolve_generic(lex, s.text, found, claimed, named, blocked, before):
            _claim_after(s.text, found, claimed)
        previous[s.part] = _context_after(found, named, blocked, before)
        out.extend(_label_rows(lex, s, found, speech.get(s.part, ())))
    return out


def _found(lex: LabelLexicon, text: str) -> list[list]:
    """The lexicon's terms in a sentence as ``[start, end, term, referent, consumed]``, without
    labels their word filters exclude, modifiers joined to their head ("Takfiri terrorists")."""
    found = []
    for a, b, t in lex.matcher.finditer(text):
        if t.kind == "label":
            pre = lex.not_preceded.get((t.group, t.key))
            if pre is not None and pre.search(text, max(0, a - 60), a):
                continue
            fol = lex.not_followed.get((t.group, t.key))
            if fol is not None and not _is_plural(text[a:b], t.term) and fol.match(text[b : b + 60]):
                continue
        found.append([a, b, t, t.group, False])
    return _merge_modifiers(text, found)


def _claim_before(text: str, found: list[list]) -> list[bool]:
    """A name or qualifier just before a label claims it ("Daesh terrorists"); which labels are claimed."""
    claimed = [False] * len(found)
    for i, item in enumerate(found):
        if item[2].kind != "label" or i == 0:
            continue
        prev = found[i - 1]
        if prev[2].kind in ("name", "qualifier") and _GAP_BEFORE.match(text[prev[1] : item[0]]):
            item[3], prev[4], claimed[i] = prev[2].group, True, True
    return claimed


def _resolve_generic(lex: LabelLexicon, text: str, found: list[list], claimed: list[bool], named: set[str],
                     blocked: set[str], before: _Context) -> bool:
    """Point each unclaimed generic label at the one antecedent group its sentence names, or for
    a definite one in a sentence naming none, the one the context names; whether any was."""
    resolved = False
    for i, item in enumerate(found):
        if claimed[i] or item[2].kind != "label" or (item[3], item[2].key) not in lex.generic or item[3] in blocked:
            continue
        cands = named
        if (
            not named
            and item[3] not in before.blocked
            and _DEFINITE.search(text, max(0, item[0] - 40), item[0])
            and not _COMPOUND_MODIFIER.match(text, item[1])
            and not (before.age and _NEW_SCENE.match(text))
        ):
            cands = before.groups
        if len(cands) == 1:
            item[3], claimed[i], resolved = next(iter(cands)), True, True
    return resolved


def _label_rows(lex: LabelLexicon, s: Sentence, found: list[list], speech: Iterable[tuple[int, int]]) -> list[dict]:
    """The label uses of one sentence (names count only when their referent counts names)."""
    rows = []
    for a, b, t, referent, consumed in found:
        if t.kind == "qualifier" or (t.kind == "name" and (consumed or not lex.count_names.get(t.group))):
            continue
        pa, pb = s.start + a, s.start + b
        rows.append({
            "doc_id": s.doc_id, "part": s.part, "sent_id": s.sent_id, "start": pa, "end": pb,
            "referent": referent, "label": t.key, "surface": s.text[a:b],
            "quoted": any(qa <= pa and pb <= qb for qa, qb in speech),
        })
    return rows


def extract_labels(
    sentences: Sequence[Sentence],
    *,
    lexicon: LabelLexicon | str | Path | None = None,
    attributions: Iterable[Mapping] | None = None,
) -> list[dict]:
    """Which label one document uses for each referent, counted (columns :data:`LABEL_COLUMNS`).

    One row per ``(doc_id, referent, label, quoted)``; ``quoted`` is True for uses inside
    quotation marks or inside attributed speech (see :func:`label_mentions`). Rows are sorted
    by referent, label, quoted.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> from analysis.resources.packs import load_pack
        >>> sents = document_sentences("d", "", "Rebels and more rebels. Shining Path guerrillas.")
        >>> extract_labels(sents, lexicon=load_labels(pack=load_pack("muc4")))
        ... # doctest: +NORMALIZE_WHITESPACE
        [{'doc_id': 'd', 'referent': 'insurgents', 'label': 'rebels', 'count': 2, 'quoted': False},
         {'doc_id': 'd', 'referent': 'shining_path', 'label': 'guerrillas', 'count': 1, 'quoted': False}]
    """
    counts: Counter = Counter()
    for m in label_mentions(sentences, lexicon=lexicon, attributions=attributions):
        counts[(m["doc_id"], m["referent"], m["label"], m["quoted"])] += 1
    return [
        {"doc_id": d, "referent": r, "label": l, "count": c, "quoted": q}
        for (d, r, l, q), c in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][3]))
    ]
