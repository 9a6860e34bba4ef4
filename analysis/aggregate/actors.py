"""Actors across reports and outlets: the aggregations of the actors report.

Inputs are the ``mentions`` and ``attributions`` tables and ``documents``. Salience is counted
per report (an actor mentioned ten times in one report counts once), so a long report does not
outweigh many short ones; shares are within each group's reports. Reports that repeat an
earlier text (``duplicate_of``) are left out. Each function works on an empty selection.

Example:
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["sana", "sana"],
    ...     "date": pd.to_datetime(["2017-01-01", "2017-01-02"]), "duplicate_of": [None, None]})
    >>> m = pd.DataFrame({"doc_id": ["a", "a", "b"], "actor_id": ["INTL", "INTL", "REBELS"],
    ...     "actor": ["United Nations"] * 2 + ["Islamic State"], "role": ["speaker", "other", "agent"], "sent_id": [0, 1, 0]})
    >>> salience_by_group(m, docs)[["source", "actor_id", "reports", "share_of_reports"]].values.tolist()
    [['sana', 'INTL', 1, 0.5], ['sana', 'REBELS', 1, 0.5]]
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

import pandas as pd

from ..io.documents import grouped_documents, original_documents

UNRESOLVED = "(unresolved)"


def with_documents(table: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Rows of ``table`` joined to their report's ``by`` value and date (repeated texts dropped; a
    report without a ``by`` value counts as ``(unknown)``)."""
    docs = grouped_documents(documents, by)
    cols = ["doc_id", by] + (["date"] if by != "date" and "date" in docs else [])
    return table.merge(docs[cols], on="doc_id", how="inner", validate="many_to_one")


def original_rows(table: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Rows of reports that do not repeat an earlier text, as every aggregation counts them.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "duplicate_of": [None, "a"]})
        >>> original_rows(pd.DataFrame({"doc_id": ["a", "b", "a"], "actor_id": ["INTL", "INTL", "STATE_B"]}), docs)["actor_id"].tolist()
        ['INTL', 'STATE_B']
    """
    return table[table["doc_id"].isin(original_documents(documents)["doc_id"])]


def salience_by_group(mentions: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source",
                      level: str = "actor_id") -> pd.DataFrame:
    """Per group and actor: reports mentioning it, their share of the group's reports, mentions per report.

    Args:
        level: ``"actor_id"`` (the 15 groups) or ``"actor"`` (canonical actors).
    """
    cols = [by, level, "reports", "share_of_reports", "mentions", "mentions_per_report"]
    docs = grouped_documents(documents, by)
    m = with_documents(mentions, docs, by=by) if not mentions.empty else mentions
    if m.empty:
        return pd.DataFrame(columns=cols)
    n_docs = docs.groupby(by).size()
    g = m.groupby([by, level], sort=True)
    out = pd.DataFrame({"reports": g["doc_id"].nunique(), "mentions": g.size()}).reset_index()
    total = out[by].map(n_docs)
    out["share_of_reports"] = (out["reports"] / total).round(3)
    out["mentions_per_report"] = (out["mentions"] / total).round(3)
    return out[cols]


def salience_over_time(mentions: pd.DataFrame, documents: pd.DataFrame, *, level: str = "actor_id",
                       freq: str = "Q", top: int = 8) -> pd.DataFrame:
    """Per period and actor: share of the period's reports that mention it (the ``top`` actors)."""
    cols = ["period", level, "reports", "period_reports", "share_of_reports"]
    docs = original_documents(documents)
    docs = docs[docs["date"].notna()] if "date" in docs else docs.iloc[0:0]
    m = mentions[mentions["doc_id"].isin(docs["doc_id"])] if not mentions.empty else mentions
    if m.empty or docs.empty:
        return pd.DataFrame(columns=cols)
    period = pd.to_datetime(docs.set_index("doc_id")["date"]).dt.to_period(freq).dt.start_time
    per_doc = m[["doc_id", level]].drop_duplicates().assign(period=lambda d: d["doc_id"].map(period))
    keep = per_doc[level].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:top]
    per_doc = per_doc[per_doc[level].isin(keep)]
    out = per_doc.groupby(["period", level], sort=True).size().rename("reports").reset_index()
    n = period.value_counts()
    out["period_reports"] = out["period"].map(n).astype(int)
    out["share_of_reports"] = (out["reports"] / out["period_reports"]).round(3)
    return out[cols]


def salience_matrix(salience: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source",
                    level: str = "actor_id") -> tuple[pd.DataFrame, pd.Series]:
    """Shares of reports (actors x groups), actors by overall presence, and each group's reports (n).

    Args:
        salience: :func:`salience_by_group` output.
        documents: the documents it was computed on (repeated texts are left out of n).

    Example:
        >>> sal = pd.DataFrame({"source": ["x", "y", "y"], "actor_id": ["INTL", "INTL", "REBELS"], "reports": [1, 2, 3],
        ...     "share_of_reports": [0.5, 0.4, 0.6], "mentions": [1, 2, 3], "mentions_per_report": [1, 1, 1]})
        >>> docs = pd.DataFrame({"doc_id": list("abcdefg"), "source": ["x"] * 2 + ["y"] * 5, "duplicate_of": [None] * 7})
        >>> wide, n = salience_matrix(sal, docs)
        >>> wide.index.tolist(), wide.loc["REBELS"].tolist(), n.tolist()
        (['INTL', 'REBELS'], [0.0, 0.6], [2, 5])
    """
    n = grouped_documents(documents, by).groupby(by).size()
    if salience.empty:
        return pd.DataFrame(), n
    wide = salience.pivot_table(index=level, columns=by, values="share_of_reports", fill_value=0.0)
    order = salience.groupby(level)["reports"].sum().sort_index().sort_values(ascending=False, kind="stable").index
    wide = wide.reindex(index=order, columns=n.index, fill_value=0.0)
    return wide.astype(float), n


def cooccurrence_matrix(edges: pd.DataFrame, mentions: pd.DataFrame, *, level: str = "actor_id") -> pd.DataFrame:
    """The co-occurrence counts as a symmetric actors x actors table (actors by reports naming them).

    Pairs under the threshold of :func:`cooccurrence` are empty (NaN), the diagonal too.

    Example:
        >>> e = pd.DataFrame({"a": ["INTL"], "b": ["STATE_B"], "sentences": [4], "reports": [2]})
        >>> m = pd.DataFrame({"doc_id": ["d", "d", "e"], "actor_id": ["INTL", "STATE_B", "STATE_B"]})
        >>> cooccurrence_matrix(e, m).fillna(0).astype(int).values.tolist()
        [[0, 4], [4, 0]]
    """
    if edges.empty:
        return pd.DataFrame()
    names = sorted(set(edges["a"]) | set(edges["b"]))
    presence = mentions.groupby(level)["doc_id"].nunique() if not mentions.empty else pd.Series(dtype=int)
    order = sorted(names, key=lambda a: (-int(presence.get(a, 0)), a))
    wide = pd.DataFrame(float("nan"), index=order, columns=order)
    for a, b, n in zip(edges["a"], edges["b"], edges["sentences"]):
        wide.loc[a, b] = wide.loc[b, a] = float(n)
    return wide


def cooccurrence(mentions: pd.DataFrame, *, level: str = "actor_id", min_sentences: int = 2) -> pd.DataFrame:
    """Pairs of actors named in the same sentence, with the number of such sentences.

    Returns:
        Columns a, b (sorted pair), sentences, reports.
    """
    cols = ["a", "b", "sentences", "reports"]
    if mentions.empty:
        return pd.DataFrame(columns=cols)
    # a generic party no pack names and the context gives no group ("gunmen") has no actor: no pair
    per_sent = mentions.loc[mentions[level].notna(), ["doc_id", "sent_id", level]].drop_duplicates()
    pairs: dict[tuple[str, str], list] = {}
    for (doc, _sid), g in per_sent.groupby(["doc_id", "sent_id"], sort=False):
        names = sorted(set(map(str, g[level])))
        for a, b in combinations(names, 2):
            rec = pairs.setdefault((a, b), [0, set()])
            rec[0] += 1
            rec[1].add(doc)
    rows = [(a, b, n, len(docs)) for (a, b), (n, docs) in pairs.items() if n >= min_sentences]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["sentences", "a", "b"], ascending=[False, True, True], kind="stable").reset_index(drop=True)


def cooccurrence_graph(edges: pd.DataFrame, mentions: pd.DataFrame | None = None, *, level: str = "actor_id"):
    """A networkx graph: nodes are actors (``weight`` = reports mentioning them), edges co-occurrences."""
    import networkx as nx

    g = nx.Graph()
    if mentions is not None and not mentions.empty:
        for name, n in mentions.groupby(level)["doc_id"].nunique().sort_index().items():
            g.add_node(str(name), weight=int(n))
    for r in edges.itertuples(index=False):
        g.add_edge(r.a, r.b, weight=int(r.sentences))
    return g


def roles_by_group(mentions: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source",
                   level: str = "actor_id") -> pd.DataFrame:
    """Per group, actor and role (speaker, agent, target, other): mentions and share of the actor's mentions."""
    cols = [by, level, "role", "mentions", "share"]
    m = with_documents(mentions, documents, by=by) if not mentions.empty else mentions
    if m.empty:
        return pd.DataFrame(columns=cols)
    out = m.groupby([by, level, "role"], sort=True).size().rename("mentions").reset_index()
    out["share"] = (out["mentions"] / out.groupby([by, level])["mentions"].transform("sum")).round(3)
    return out[cols]


def role_profile(mentions: pd.DataFrame, *, level: str = "actor_id", top: int = 15) -> pd.DataFrame:
    """Corpus-wide: for the ``top`` actors, how often each is speaker, agent, target or other (wide)."""
    if mentions.empty:
        return pd.DataFrame(columns=["speaker", "agent", "target", "other"], index=pd.Index([], name=level))
    keep = mentions[level].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:top]
    m = mentions[mentions[level].isin(keep)]
    wide = m.pivot_table(index=level, columns="role", values="doc_id", aggfunc="size", fill_value=0)
    for role in ("speaker", "agent", "target", "other"):
        if role not in wide:
            wide[role] = 0
    return wide[["speaker", "agent", "target", "other"]].loc[keep]


def role_shares(profile: pd.DataFrame) -> pd.DataFrame:
    """Each actor's role counts (:func:`role_profile`) as shares of its mentions.

    Example:
        >>> role_shares(pd.DataFrame({"speaker": [1], "agent": [3]}, index=["INTL"])).values.tolist()
        [[0.25, 0.75]]
    """
    return profile.div(profile.sum(axis=1).where(lambda s: s > 0), axis=0).fillna(0.0)


def quoted_by_group(attributions: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source",
                    level: str = "speaker_actor_id") -> pd.DataFrame:
    """Per group: who is quoted or cited (direct, indirect, according to), counts and shares.

    Speakers the dictionary cannot resolve ("a witness", "he") are counted as ``(unresolved)``.
    """
    cols = [by, level, "attributions", "share", "direct", "indirect", "according_to"]
    a = with_documents(attributions, documents, by=by) if not attributions.empty else attributions
    if a.empty:
        return pd.DataFrame(columns=cols)
    a = a.assign(**{level: a[level].astype(object).where(a[level].notna(), UNRESOLVED)})
    wide = a.pivot_table(index=[by, level], columns="kind", values="doc_id", aggfunc="size", fill_value=0)
    for kind in ("direct", "indirect", "according_to"):
        if kind not in wide:
            wide[kind] = 0
    out = wide.reset_index()
    out["attributions"] = out[["direct", "indirect", "according_to"]].sum(axis=1)
    out["share"] = (out["attributions"] / out.groupby(by)["attributions"].transform("sum")).round(3)
    out = out.sort_values([by, "attributions", level], ascending=[True, False, True], kind="stable")
    return out[cols].reset_index(drop=True)


def top_speakers(attributions: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source", n: int = 5) -> pd.DataFrame:
    """Per group, the ``n`` most cited canonical speakers (resolved ones only)."""
    cols = [by, "speaker_actor", "speaker_actor_id", "attributions"]
    a = with_documents(attributions, documents, by=by) if not attributions.empty else attributions
    a = a[a["speaker_actor"].notna()] if not a.empty else a
    if a.empty:
        return pd.DataFrame(columns=cols)
    out = a.groupby([by, "speaker_actor", "speaker_actor_id"], sort=True).size().rename("attributions").reset_index()
    out = out.sort_values([by, "attributions", "speaker_actor"], ascending=[True, False, True], kind="stable")
    return out.groupby(by, sort=True).head(n)[cols].reset_index(drop=True)


@lru_cache(maxsize=16384)
def _sentences(doc_id: str, title: str | None, text: str) -> tuple:
    """A report's sentences, remembered (report batches split the same reports again and again)."""
    from ..extract.text import document_sentences

    return tuple(document_sentences(doc_id, title, text))


def candidates(documents: pd.DataFrame, *, dictionary=None, min_count: int = 3, top: int = 40) -> pd.DataFrame:
    """Frequent capitalised names the actor dictionary does not cover (to extend it).

    Splits the selected reports into sentences again and calls
    :func:`analysis.extract.actor_candidates.actor_candidates`, leaving out the corpus's own location names.
    """
    from ..extract.actor_candidates import actor_candidates

    docs = original_documents(documents)
    lists = [_sentences(d, t if isinstance(t, str) else None, x if isinstance(x, str) else "")
             for d, t, x in zip(docs["doc_id"], docs["title"], docs["text"])]
    places = sorted(set(docs["location"].dropna().astype(str))) if "location" in docs else []
    out = actor_candidates(lists, dictionary=dictionary, min_count=min_count, places=places)
    return out.head(top).reset_index(drop=True)
