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
    >>> from analysis.extract.text import document_sentences
    >>> s = document_sentences("d", None, "A blast killed six people and wounded 32 on Monday.")
    >>> [(c["category"], c["min"], c["victims"]) for c in extract_claims(s, dictionary=False)]
    [('killed', 6, 'people'), ('injured', 32, 'people')]
"""

from __future__ import annotations

from typing import Any, Iterable

from ..io.tables import CLAIM_COLUMNS
from .actor_lexicon import default_dictionary
from .claim_context import (
    AGGREGATE_TOLL,
    WAR_SUBJECT,
    WAR_TOLL,
    claim_scope,
    perpetrator_of,
    sentence_speaker,
    share_perpetrators,
)
from .claim_grammar import sentence_claims
from .claim_words import ClaimWords, claim_words
from .mentions import extract_mentions
from .text import Sentence

__all__ = ["CLAIM_COLUMNS", "claims_frame", "extract_claims"]


def _mentions_by_sentence(sents: list[Sentence], dictionary: Any, date: Any,
                          rows: Iterable[dict[str, Any]] | None = None) -> dict[int, list[dict[str, Any]]]:
    """Actor mentions (with roles, generic words resolved) per ``sent_id``, offsets local to the sentence."""
    if rows is None:
        rows = extract_mentions(sents, dictionary=dictionary, date=date)
    out: dict[int, list[dict[str, Any]]] = {}
    starts = {s.sent_id: s.start for s in sents}
    for m in rows:
        if m.get("sent_id") not in starts:
            continue
        if not m.get("actor_id") and not m.get("kind"):
            continue
        off = starts[m["sent_id"]]
        # a party without a group (a generic phrase the context did not resolve) takes part as its kind
        party = m["actor_id"] or KIND_MARK + m["kind"]
        out.setdefault(m["sent_id"], []).append(dict(m, start=m["start"] - off, end=m["end"] - off, actor_id=party))
    return out


#: The prefix of a party that has a kind but no group, while sources and perpetrators are found.
KIND_MARK = "kind:"


def _party(value: str | None, dictionary: Any) -> tuple[str | None, str | None]:
    """``(group id, kind)`` of a source or perpetrator (a group, a kind mark, or None)."""
    if value is None:
        return None, None
    if value.startswith(KIND_MARK):
        return None, value[len(KIND_MARK):]
    return value, dictionary.kind(value) if dictionary else None


#: Sentences (relative to a claim's) whose speaker is the source when its own sentence cites none.
_ADJACENT = (1, -1)

#: Vague quantities of a war toll ("hundreds of thousands").
_WAR_VAGUE = frozenset({"tens of thousands", "hundreds of thousands"})


def extract_claims(sentences: Iterable[Sentence], *, dictionary: Any = None, date: Any = None,
                   mentions: Iterable[dict[str, Any]] | None = None, words: ClaimWords | None = None) -> list[dict[str, Any]]:
    """Casualty claims of one document.

    Args:
        sentences: the :class:`~analysis.extract.text.Sentence` list of one document, from
            :func:`analysis.extract.text.document_sentences`.
        dictionary: the actor dictionary for sources and perpetrators (``None``: the
            default one from :mod:`analysis.extract.mentions`; ``False``: no actors).
        date: the report date, passed to the actor matcher (dated aliases).
        mentions: the document's rows from :func:`analysis.extract.mentions.extract_mentions`, when
            already computed (saves a second actor pass); offsets in the part's text.
        words: the casualty lexicon (:func:`~analysis.extract.claim_words.claim_words`); the
            bundled ``casualties.yml`` by default.

    Returns:
        One dict per claim occurrence with the keys :data:`CLAIM_COLUMNS` plus ``quote``.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> s = document_sentences("d", None, "Almost 600 people were killed and over 2,000 injured.")
        >>> [(c["category"], c["min"], c["qualifier"]) for c in extract_claims(s, dictionary=False)]
        [('killed', 600, 'almost'), ('injured', 2000, 'more_than')]
    """
    sents = list(sentences)
    lex = words or claim_words()
    per_sent = [sentence_claims(s, lex) for s in sents]
    if not any(per_sent):
        return []
    if dictionary is None and mentions is None:
        dictionary = default_dictionary()
    use_actors = mentions is not None or bool(dictionary)
    by_sent = _mentions_by_sentence(sents, dictionary, date, mentions) if use_actors else {}
    medical = ((dictionary or default_dictionary()).medical_actor or (None, None))[1] if dictionary is not False else None
    speakers = [sentence_speaker(s.text, by_sent.get(s.sent_id, []), title=s.part == "title", medical=medical) if use_actors
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
        sent_scope = claim_scope(s.text)
        war_subject = bool(WAR_SUBJECT.search(s.text.lower()))
        sent_mentions = by_sent.get(s.sent_id, [])
        perps: list[str | None] = []
        for c in claims:
            scope = sent_scope
            if c["category"] != "injured" and (c["max"] or 0) >= AGGREGATE_TOLL:
                scope = "cumulative"
            war_toll = scope == "cumulative" and ((c["max"] or 0) >= WAR_TOLL or c["vague"] in _WAR_VAGUE)
            source = own if own is not None or war_toll else adjacent
            if not use_actors or (war_toll and war_subject):
                perp = None
            elif c["_parent"] is not None:
                perp = perps[c["_parent"]]
            else:
                perp = perpetrator_of(c, s.text, toks, sent_mentions, sp_span)
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
        share_perpetrators(out[len(out) - len(claims):], claims, s.text)
    kinds_of = dictionary if dictionary else default_dictionary()
    for r in out:
        r["source_actor"], r["source_kind"] = _party(r["source_actor"], kinds_of)
        r["perpetrator_actor"], r["perpetrator_kind"] = _party(r["perpetrator_actor"], kinds_of)
    return out


def claims_frame(records: Iterable[dict[str, Any]]):
    """The claims records as a DataFrame with :data:`CLAIM_COLUMNS` (plus ``quote``)."""
    import pandas as pd

    return pd.DataFrame(list(records), columns=CLAIM_COLUMNS + ["quote"])
