"""Casualty claims: who says how many people were killed or injured, hedged how, by whom.

Reads the sentences of one report and returns one record per casualty claim, following
``../shared/gold/GUIDELINES.md``: category (killed/injured/casualties), min/max, qualifier,
vague quantifier, victims (head noun), scope (event/cumulative), the actor cited as source
and the actor said to have caused the casualties. Every occurrence is returned (a toll
repeated in title and body gives two records), each traceable to its sentence by
``doc_id``, ``part``, ``sent_id`` and the character offsets of the claim in its part.

The rules are clause patterns over tokens, not a statistical model, and read any conflict's
English: a count is a claim when a casualty predicate or nominalisation governs its noun phrase,
whatever the phrase's head (:mod:`~analysis.extract.claim_phrases`,
:mod:`~analysis.extract.claim_predicates`, :mod:`~analysis.extract.claim_grammar`):

* a number governed by a casualty verb or noun before it ("killing six", "the death toll
  rose to 45", "claimed the lives of 80", "the murder of two engineers", "gunmen shot three boys");
* a number whose noun phrase is followed by a casualty predicate ("600 killed", "six Jesuit
  priests were murdered", "four policemen were shot dead", "five bodies", "left 12 people dead");
* subgroups that inherit the category of the claim they belong to ("including 21
  children", "seven of them children", "six priests -- five Spaniards and one Salvadoran --",
  lists "1733 children 969 women and 3110 men", "along with two of his guards");
* counts listed by place ("150 bodies in Hama 100 in Homs and 40 in Idlib"), relative
  clauses and asides before the predicate ("20 fighters who guarded the buses were killed",
  "25 people, most of them civilians, died");
* exclusions: negated, hypothetical, future, threatened or denied casualties, the agent of an
  active casualty verb ("three gunmen killed a policeman"), partitive wholes, numbers that
  are dates, ages, durations, ordinals, percentages, money, share counts ("Get short URL
  124") or counts of things.

A count a report gives as casualties (victims, shot) takes the category the same report gives
that count, when there is one (:func:`resolve_casualties`).

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
from .attribution import extract_attributions
from .claim_context import AGGREGATE_TOLL, WAR_SUBJECT, WAR_TOLL, claim_scope, perpetrator_of, share_perpetrators
from .claim_grammar import sentence_claims
from .claim_words import ClaimWords, claim_words
from .mentions import extract_mentions
from .sources import DocumentSources, sentence_mentions, split_party
from .text import Sentence

__all__ = ["CLAIM_COLUMNS", "claims_frame", "extract_claims"]


#: Vague quantities of a war toll ("hundreds of thousands").
_WAR_VAGUE = frozenset({"tens of thousands", "hundreds of thousands"})


def extract_claims(sentences: Iterable[Sentence], *, dictionary: Any = None, date: Any = None,
                   mentions: Iterable[dict[str, Any]] | None = None, words: ClaimWords | None = None,
                   attributions: Iterable[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
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
        attributions: the document's records from
            :func:`analysis.extract.attribution.extract_attributions` (with their internal
            keys), when already computed: the claims' sources come from them
            (:class:`~analysis.extract.sources.DocumentSources`).

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
    if dictionary is None and (mentions is None or attributions is None):
        dictionary = default_dictionary()
    use_actors = mentions is not None or bool(dictionary)
    if use_actors and mentions is None:
        mentions = extract_mentions(sents, dictionary=dictionary, date=date)
    if use_actors and attributions is None:
        attributions = extract_attributions(sents, dictionary=dictionary, date=date, mentions=mentions)
    by_sent = sentence_mentions(sents, mentions) if use_actors else {}
    sources = DocumentSources(sents, attributions if use_actors else ())
    out: list[dict[str, Any]] = []
    for idx, s in enumerate(sents):
        if per_sent[idx]:
            out.extend(_sentence_records(s, per_sent[idx], sources, by_sent.get(s.sent_id, []), use_actors))
    resolve_casualties(out)
    kind_of = (dictionary or default_dictionary()).kind
    for r in out:
        r["source_actor"], r["source_kind"] = split_party(r["source_actor"], kind_of)
        r["perpetrator_actor"], r["perpetrator_kind"] = split_party(r["perpetrator_actor"], kind_of)
    return out


def _sentence_records(s: Sentence, claims: list[dict[str, Any]], sources: DocumentSources,
                      sent_mentions: list[dict[str, Any]], use_actors: bool) -> list[dict[str, Any]]:
    """The records of one sentence's claims: scope, source (from the attributions) and perpetrator added."""
    sp_span = sources.span.get(s.sent_id)
    toks = claims[0]["_toks"]
    sent_scope = claim_scope(s.text)
    war_subject = bool(WAR_SUBJECT.search(s.text.lower()))
    out: list[dict[str, Any]] = []
    for c in claims:
        scope = "cumulative" if c["category"] != "injured" and (c["max"] or 0) >= AGGREGATE_TOLL else sent_scope
        war_toll = scope == "cumulative" and ((c["max"] or 0) >= WAR_TOLL or c["vague"] in _WAR_VAGUE)
        source = sources.of_claim(s.sent_id, s.start + c["start"], s.start + c["end"], war_toll=war_toll)
        if not use_actors or (war_toll and war_subject):
            perp = None
        elif c["_parent"] is not None:
            perp = out[c["_parent"]]["perpetrator_actor"]
        else:
            perp = perpetrator_of(c, s.text, toks, sent_mentions, sp_span)
        out.append(_record(s, c, scope, source, perp))
    share_perpetrators(out, claims, s.text)
    return out


def _record(s: Sentence, c: dict[str, Any], scope: str, source: str | None, perp: str | None) -> dict[str, Any]:
    """One row of the claims table (offsets in the part's text)."""
    return {
        "doc_id": s.doc_id, "part": s.part, "sent_id": s.sent_id,
        "start": s.start + c["start"], "end": s.start + c["end"],
        "category": c["category"], "min": c["min"], "max": c["max"], "qualifier": c["qualifier"],
        "vague": c["vague"], "victims": c["victims"], "scope": scope,
        "source_actor": source, "perpetrator_actor": perp,
        "sentence": s.text, "quote": s.text[c["start"]:c["end"]],
    }


def resolve_casualties(records: list[dict[str, Any]]) -> None:
    """A count the text gives as casualties takes the category the same report gives that count.

    "the victims were two women" (casualties) after "stabbed the two women, causing deep
    wounds" (injured 2) is the same claim: the report does say whether they were killed or
    injured. Only when exactly one of killed/injured has that count; in place.

    Example:
        >>> rs = [{"category": "injured", "min": 2, "max": 2}, {"category": "casualties", "min": 2, "max": 2}]
        >>> resolve_casualties(rs); [r["category"] for r in rs]
        ['injured', 'injured']
    """
    known: dict[tuple[int, int], set[str]] = {}
    for r in records:
        if r["category"] in ("killed", "injured") and r["min"] is not None:
            known.setdefault((r["min"], r["max"]), set()).add(r["category"])
    for r in records:
        cats = known.get((r["min"], r["max"])) if r["category"] == "casualties" and r["min"] is not None else None
        if cats is not None and len(cats) == 1:
            r["category"] = next(iter(cats))


def claims_frame(records: Iterable[dict[str, Any]]):
    """The claims records as a DataFrame with :data:`CLAIM_COLUMNS` (plus ``quote``)."""
    import pandas as pd

    return pd.DataFrame(list(records), columns=CLAIM_COLUMNS + ["quote"])
