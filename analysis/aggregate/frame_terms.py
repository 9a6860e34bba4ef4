"""Frame drivers: which terms make an outlet's frame score, and how much of it each one makes.

An outlet's frame score in the framing report is the mean, over its reports, of the frame's
hits per 1,000 words (:func:`analysis.profiles.frame_profile`). Each report's ``terms`` column
says which terms of ``frames.yml`` matched and how often, so the score splits exactly into
per-term parts: a term's part is the mean over the outlet's reports of
``count * 1000 / words of the report``. The parts of a frame add up to its score, so a reader
sees that a "humanitarian" score is children and aid, not casualty words (those are the
separate ``casualties`` measure).

Example:
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["x", "x"], "n_words": [100, 200],
    ...                      "duplicate_of": [None, None]})
    >>> fr = pd.DataFrame({"doc_id": ["a", "b"], "frame": ["humanitarian"] * 2, "hits": [3, 2],
    ...                    "per_1k_words": [30.0, 10.0], "terms": ["aid:2; children:1", "aid:2"]})
    >>> frame_drivers(fr, docs)[["term", "count", "per_1k", "share"]].values.tolist()
    [['aid', 4, 15.0, 0.75], ['children', 1, 5.0, 0.25]]
"""

from __future__ import annotations

import pandas as pd

from ..io.documents import original_documents

#: Columns of :func:`frame_drivers`.
DRIVER_COLUMNS = ["group", "frame", "term", "count", "reports", "per_1k", "share", "rank"]
#: Entries of ``frames.yml`` that are measures, not frames (shown apart in the report).
MEASURES = ("casualties",)


def parse_terms(terms: str | None) -> list[tuple[str, int]]:
    """``"aid:2; children:1"`` -> ``[("aid", 2), ("children", 1)]`` (a term may hold a colon).

    Example:
        >>> parse_terms("de Mistura:1; aid:3")
        [('de Mistura', 1), ('aid', 3)]
    """
    out = []
    for item in str(terms or "").split("; "):
        term, _, count = item.rpartition(":")
        if term and count.isdigit():
            out.append((term, int(count)))
    return out


def frame_drivers(frames: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source",
                  top: int | None = 10) -> pd.DataFrame:
    """Per group and frame, the terms behind the score, largest part first.

    Args:
        frames: the ``frames`` table (doc_id, frame, hits, per_1k_words, terms).
        documents: the ``documents`` table (``by`` and ``n_words``); repeated texts are left out.
        by: the grouping column.
        top: keep this many terms per group and frame (None: all).

    Returns:
        Columns :data:`DRIVER_COLUMNS`: ``count`` (matches in the group), ``reports`` (reports
        using the term), ``per_1k`` (the term's part of the group's mean hits per 1,000 words),
        ``share`` (that part over the frame's score), ``rank`` (1 = largest part).
    """
    docs = original_documents(documents)
    if frames.empty or docs.empty:
        return pd.DataFrame(columns=DRIVER_COLUMNS)
    f = frames.merge(docs[["doc_id", by, "n_words"]], on="doc_id", how="inner")
    n_reports = f.drop_duplicates("doc_id").groupby(by).size()
    rows = []
    for group, frame, terms, words, doc in zip(f[by], f["frame"], f["terms"], f["n_words"], f["doc_id"]):
        for term, count in parse_terms(terms):
            rows.append((group, frame, term, count, doc, count * 1000.0 / words if words else 0.0))
    if not rows:
        return pd.DataFrame(columns=DRIVER_COLUMNS)
    t = pd.DataFrame(rows, columns=["group", "frame", "term", "count", "doc_id", "part"])
    g = t.groupby(["group", "frame", "term"], sort=True)
    out = pd.DataFrame({"count": g["count"].sum(), "reports": g["doc_id"].nunique(), "part": g["part"].sum()}).reset_index()
    out["per_1k"] = (out["part"] / out["group"].map(n_reports)).round(3)
    total = out.groupby(["group", "frame"])["per_1k"].transform("sum")
    out["share"] = (out["per_1k"] / total.where(total > 0)).round(3)
    out = out.assign(_measure=out["frame"].isin(MEASURES))  # the frames first, then the measures apart
    out = out.sort_values(["group", "_measure", "frame", "per_1k", "term"], ascending=[True, True, True, False, True],
                          kind="stable")
    out["rank"] = out.groupby(["group", "frame"]).cumcount() + 1
    if top is not None:
        out = out[out["rank"] <= top]
    return out[DRIVER_COLUMNS].reset_index(drop=True)


def frame_scores(frames: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Per group and frame (measures included, flagged): reports and the mean hits per 1,000
    words, the score :func:`frame_drivers` splits into terms."""
    cols = ["group", "frame", "measure", "reports", "mean_per_1k"]
    docs = original_documents(documents)
    f = frames.merge(docs[["doc_id", by]], on="doc_id", how="inner") if not frames.empty else frames
    if f.empty:
        return pd.DataFrame(columns=cols)
    g = f.groupby([by, "frame"], sort=True)
    out = pd.DataFrame({"reports": g["doc_id"].nunique(), "mean_per_1k": g["per_1k_words"].mean().round(3)})
    out = out.reset_index().rename(columns={by: "group"})
    out["measure"] = out["frame"].isin(MEASURES)
    return out[cols]


def split_measures(table: pd.DataFrame, *, column: str = "frame") -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(frames, measures)``: the rows of the seven frames and the rows of the measures apart
    (:data:`MEASURES`, casualty words), so a figure never shows a measure as a frame.

    Example:
        >>> t = pd.DataFrame({"frame": ["military", "casualties", "humanitarian"], "v": [1, 2, 3]})
        >>> [x["frame"].tolist() for x in split_measures(t)]
        [['military', 'humanitarian'], ['casualties']]
    """
    measure = table[column].isin(MEASURES) if column in table else pd.Series(False, index=table.index)
    return table[~measure].reset_index(drop=True), table[measure].reset_index(drop=True)
