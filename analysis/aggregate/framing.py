"""Framing across outlets: the aggregations of the framing report.

Naming labels over time, frame profiles and tone per group. Label shares per group and
distinctive words are in :mod:`analysis.extract.labels` and :mod:`analysis.aggregate.distinctive`. Reports that
repeat an earlier text (``duplicate_of``) are left out; each function works on an empty selection.

Example:
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["x", "y"], "duplicate_of": [None, None]})
    >>> fr = pd.DataFrame({"doc_id": ["a", "b"], "frame": ["military", "military"], "hits": [2, 0],
    ...                    "per_1k_words": [10.0, 0.0], "terms": ["shelling:2", ""]})
    >>> frame_profile(fr, docs)[["source", "frame", "mean_per_1k", "share_of_reports"]].values.tolist()
    [['x', 'military', 10.0, 1.0], ['y', 'military', 0.0, 0.0]]
"""

from __future__ import annotations

import pandas as pd

from ..errors import InputError
from ..extract.labels import load_labels
from ..io.documents import grouped_documents, original_documents
from ..io.tables import LABEL_COLUMNS
from ..resources.packs import load_pack


def labels_over_time(labels: pd.DataFrame, documents: pd.DataFrame, *, referent: str | None = None,
                     freq: str = "Q", top: int = 6, quoted: bool | None = False) -> pd.DataFrame:
    """Per period: uses of each of the ``top`` labels for ``referent`` (a referent of the run's
    labels lexicon; None: the default pack's ``defaults.referent``) and their share of the
    period's uses."""
    referent = referent or load_pack().referent() or ""
    cols = ["period", "label", "count", "share"]
    docs = original_documents(documents)
    docs = docs[docs["date"].notna()]
    sel = labels[(labels["referent"] == referent) & labels["doc_id"].isin(docs["doc_id"])] if not labels.empty else labels
    if quoted is not None and not sel.empty:
        sel = sel[sel["quoted"].astype(bool) == bool(quoted)]
    if sel.empty:
        return pd.DataFrame(columns=cols)
    period = pd.to_datetime(docs.set_index("doc_id")["date"]).dt.to_period(freq).dt.start_time
    sel = sel.assign(period=sel["doc_id"].map(period))
    totals = sel.groupby("label")["count"].sum().sort_index().sort_values(ascending=False, kind="stable")
    sel = sel.assign(label=sel["label"].where(sel["label"].isin(totals.index[:top]), "(other labels)"))
    out = sel.groupby(["period", "label"], sort=True)["count"].sum().reset_index()
    out["share"] = (out["count"] / out.groupby("period")["count"].transform("sum")).round(3)
    return out[cols]


def frame_profile(frames: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per group and frame: mean hits per 1,000 words over the group's reports, share of reports with a hit."""
    cols = [by, "frame", "reports", "mean_per_1k", "share_of_reports", "hits"]
    docs = original_documents(documents)
    f = frames.merge(docs[["doc_id", by]], on="doc_id", how="inner") if not frames.empty else frames
    if f.empty:
        return pd.DataFrame(columns=cols)
    g = f.groupby([by, "frame"], sort=True)
    out = pd.DataFrame({
        "reports": g["doc_id"].nunique(),
        "mean_per_1k": g["per_1k_words"].mean().round(2),
        "share_of_reports": g["hits"].apply(lambda s: float((s > 0).mean())).round(3),
        "hits": g["hits"].sum(),
    }).reset_index()
    return out[cols]


def top_frame_terms(frames: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source", n: int = 8) -> pd.DataFrame:
    """Per group and frame, the matched terms that contributed most (from the ``terms`` column)."""
    cols = [by, "frame", "term", "count"]
    docs = original_documents(documents)
    f = frames.merge(docs[["doc_id", by]], on="doc_id", how="inner") if not frames.empty else frames
    f = f[f["hits"] > 0] if not f.empty else f
    if f.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for grp, frame, terms in zip(f[by], f["frame"], f["terms"].fillna("")):
        for item in str(terms).split("; "):
            term, _, count = item.rpartition(":")
            if term and count.isdigit():
                rows.append((grp, frame, term, int(count)))
    out = pd.DataFrame(rows, columns=cols).groupby([by, "frame", "term"], sort=True)["count"].sum().reset_index()
    out = out.sort_values([by, "frame", "count", "term"], ascending=[True, True, False, True], kind="stable")
    return out.groupby([by, "frame"], sort=False).head(n).reset_index(drop=True)


def tone_by_group(tone: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per group: reports, mean and quartiles of the document compound score, mean pos/neg."""
    cols = [by, "reports", "mean_compound", "q25", "median", "q75", "mean_pos", "mean_neg"]
    docs = original_documents(documents)
    t = tone.merge(docs[["doc_id", by]], on="doc_id", how="inner") if not tone.empty else tone
    if t.empty:
        return pd.DataFrame(columns=cols)
    g = t.groupby(by, sort=True)
    out = pd.DataFrame({
        "reports": g.size(), "mean_compound": g["compound"].mean(), "q25": g["compound"].quantile(0.25),
        "median": g["compound"].median(), "q75": g["compound"].quantile(0.75),
        "mean_pos": g["pos"].mean(), "mean_neg": g["neg"].mean(),
    }).round(3).reset_index()
    return out[cols]


def tone_extremes(sentence_tone: pd.DataFrame, documents: pd.DataFrame, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` most negative and most positive sentences, with their text, to see what VADER reads."""
    cols = ["doc_id", "part", "sent_id", "compound", "sentence"]
    docs = original_documents(documents)
    st = sentence_tone[sentence_tone["doc_id"].isin(docs["doc_id"])] if not sentence_tone.empty else sentence_tone
    if st.empty:
        return pd.DataFrame(columns=cols)
    st = st.sort_values(["compound", "doc_id", "sent_id"], kind="stable")
    pick = pd.concat([st.head(n), st.tail(n)])
    pick = pick[~pick.index.duplicated()]  # fewer than 2n sentences: each once
    text = docs.set_index("doc_id")
    sentences = [
        str(text.loc[d, "title" if p == "title" else "text"])[s:e]
        for d, p, s, e in zip(pick["doc_id"], pick["part"], pick["start"], pick["end"])
    ]
    return pick.assign(sentence=sentences)[cols].reset_index(drop=True)

#: Columns returned by :func:`label_shares`.
SHARE_COLUMNS = ["group", "label", "count", "share", "n_docs"]


def label_shares(
    labels: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    referent: str,
    by: str = "source",
    quoted: bool | None = None,
) -> pd.DataFrame:
    """Share of each label among all labels for one referent, per group of documents.

    Args:
        labels: the ``labels`` table (:data:`LABEL_COLUMNS`).
        documents: the ``documents`` table (needs ``doc_id`` and the ``by`` column).
        referent: a referent of the run's labels lexicon (``Pack.referent()`` gives the pack's default).
        by: the documents column that defines groups (``"source"``, ``"label"``...).
        quoted: False for narration only, True for quoted speech only, None for both.

    Returns:
        Columns :data:`SHARE_COLUMNS`: ``count`` label uses, ``share`` of the group's uses
        for this referent (sums to 1 per group), ``n_docs`` documents of the group that use
        the label. Sorted by group, then count (descending), then label.

    Raises:
        InputError: a missing column.

    Example:
        >>> labs = pd.DataFrame([["a", "insurgents", "rebels", 3, False]], columns=LABEL_COLUMNS)
        >>> docs = pd.DataFrame({"doc_id": ["a"], "source": ["x"]})
        >>> label_shares(labs, docs, referent="insurgents").to_dict("records")
        [{'group': 'x', 'label': 'rebels', 'count': 3, 'share': 1.0, 'n_docs': 1}]
    """
    for col in LABEL_COLUMNS:
        if col not in labels.columns:
            raise InputError(f"labels table: missing column {col!r}; expected {LABEL_COLUMNS}")
    for col in ("doc_id", by):
        if col not in documents.columns:
            raise InputError(f"documents table: missing column {col!r} (group_by={by!r})")
    sel = labels[labels["referent"] == referent]
    if quoted is not None:
        sel = sel[sel["quoted"].astype(bool) == bool(quoted)]
    docs = grouped_documents(documents, by)  # repeated texts left out, a missing group "(unknown)"
    groups = pd.DataFrame({"doc_id": docs["doc_id"], "group": docs[by]}).drop_duplicates("doc_id")
    merged = sel[["doc_id", "label", "count"]].merge(groups, on="doc_id", how="inner")
    if merged.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(SHARE_COLUMNS, ["object", "object", "int64", "float64", "int64"])})
    g = merged.groupby(["group", "label"], sort=True).agg(count=("count", "sum"), n_docs=("doc_id", "nunique")).reset_index()
    g["share"] = g["count"] / g.groupby("group")["count"].transform("sum")
    g = g.sort_values(["group", "count", "label"], ascending=[True, False, True], kind="mergesort")
    return g[SHARE_COLUMNS].reset_index(drop=True)


def label_names(lexicon: str | None, referent: str, *, pack: str | None = None) -> list[str]:
    """The label names of ``referent`` in the labels lexicon's order (for stable colours).

    Args:
        lexicon: the labels lexicon file the run used (``None``: the pack's).
        referent: a referent of that lexicon (the pack's ``defaults.referent`` or ``state_referent``).
        pack: the run's conflict pack, by name or folder (default: the Syria pack).

    Example:
        >>> p = load_pack("muc4")
        >>> label_names(None, p.referent("state_referent"), pack="muc4")[2:5]
        ['army', 'authorities', 'fascists']
    """
    return load_labels(lexicon, pack=load_pack(pack)).label_names(referent)
