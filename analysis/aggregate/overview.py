"""Corpus overview: reports per outlet and over time, lengths, duplicates, skipped records.

Aggregations behind ``notebooks/01-corpus-overview.ipynb``; each returns a tidy DataFrame and
works on an empty selection (returning an empty frame with the same columns).

Example:
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["sana", "sana"],
    ...     "date": pd.to_datetime(["2017-01-05", "2017-02-01"]), "n_words": [100, 300],
    ...     "duplicate_of": [None, None]})
    >>> reports_per_group(docs)[["source", "reports", "median_words"]].to_dict("records")
    [{'source': 'sana', 'reports': 2, 'median_words': 200.0}]
"""

from __future__ import annotations

import pandas as pd

from ..io.documents import group_labels


def reports_per_group(documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Reports, words, median length, duplicates and date range per group (outlet by default)."""
    cols = [by, "reports", "words", "median_words", "duplicates", "undated", "first_date", "last_date"]
    if documents.empty:
        return pd.DataFrame(columns=cols)
    d = documents.assign(_g=group_labels(documents[by]), _dup=documents["duplicate_of"].notna(),
                         _undated=documents["date"].isna())
    out = d.groupby("_g", sort=True).agg(
        reports=("doc_id", "size"),
        words=("n_words", "sum"),
        median_words=("n_words", "median"),
        duplicates=("_dup", "sum"),
        undated=("_undated", "sum"),
        first_date=("date", "min"),
        last_date=("date", "max"),
    ).reset_index().rename(columns={"_g": by})
    out["median_words"] = out["median_words"].astype(float)
    return out.sort_values(["reports", by], ascending=[False, True], kind="stable").reset_index(drop=True)[cols]


def time_freq(dates: pd.Series) -> str:
    """``"M"`` (months) for dates spanning up to three years, else ``"Q"`` (quarters).

    Example:
        >>> time_freq(pd.Series(pd.to_datetime(["2013-01-01", "2018-01-01"])))
        'Q'
    """
    d = pd.Series(dates).dropna()
    return "M" if d.empty or (d.max() - d.min()).days <= 3 * 366 else "Q"


def reports_over_time(documents: pd.DataFrame, *, by: str = "source", freq: str = "auto") -> pd.DataFrame:
    """Reports per period and group (``period`` is the period's first day).

    ``freq`` is ``"M"`` (month), ``"Q"``, ``"Y"`` or ``"auto"`` (months for spans up to three
    years, else quarters). Undated reports are left out (and counted in the overview table).
    """
    cols = ["period", by, "reports"]
    dated = documents[documents["date"].notna()] if not documents.empty else documents
    if dated.empty:
        return pd.DataFrame(columns=cols)
    if freq == "auto":
        freq = time_freq(dated["date"])
    period = dated["date"].dt.to_period(freq).dt.start_time
    out = (dated.assign(period=period, _g=group_labels(dated[by]))
           .groupby(["period", "_g"], sort=True).size().rename("reports").reset_index()
           .rename(columns={"_g": by}))
    return out[cols]


def length_table(documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Length quantiles (words) per group: min, 25%, median, 75%, max, and reports under 50 words."""
    cols = [by, "min", "q25", "median", "q75", "max", "under_50_words"]
    if documents.empty:
        return pd.DataFrame(columns=cols)
    d = documents.assign(_g=group_labels(documents[by]))
    g = d.groupby("_g", sort=True)["n_words"]
    out = pd.DataFrame({
        "min": g.min(), "q25": g.quantile(0.25), "median": g.median(), "q75": g.quantile(0.75), "max": g.max(),
        "under_50_words": g.apply(lambda s: int((s < 50).sum())),
    }).reset_index().rename(columns={"_g": by})
    return out[cols]


def report_list(documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Every report: id, group, date, title, words, and the report it repeats (if any), by date."""
    cols = ["doc_id", by, "date", "title", "n_words", "duplicate_of"]
    cols = list(dict.fromkeys(c for c in cols if c in documents.columns))
    if documents.empty:
        return pd.DataFrame(columns=cols)
    return documents.sort_values(["date", "doc_id"], kind="stable")[cols].reset_index(drop=True)


def duplicates_table(documents: pd.DataFrame) -> pd.DataFrame:
    """Reports whose title and text repeat an earlier report (kept, flagged, listed here)."""
    cols = ["doc_id", "duplicate_of", "source", "date", "title"]
    if documents.empty:
        return pd.DataFrame(columns=cols)
    return documents.loc[documents["duplicate_of"].notna(), cols].reset_index(drop=True)


def skipped_summary(skipped: pd.DataFrame) -> pd.DataFrame:
    """Skipped input records per reason, most frequent first."""
    if skipped.empty:
        return pd.DataFrame(columns=["reason", "records"])
    return (skipped.groupby("reason").size().rename("records").reset_index()
            .sort_values(["records", "reason"], ascending=[False, True], kind="stable").reset_index(drop=True))


def accounting_table(documents: pd.DataFrame, skipped: pd.DataFrame, *, all_documents: pd.DataFrame | None = None,
                     ) -> pd.DataFrame:
    """Every input record accounted for: documents, skipped, duplicates, undated, selected."""
    all_docs = documents if all_documents is None else all_documents
    rows = [
        ("input records", len(all_docs) + len(skipped)),
        ("documents", len(all_docs)),
        ("skipped records", len(skipped)),
        ("duplicate texts (kept, flagged)", int(all_docs["duplicate_of"].notna().sum()) if len(all_docs) else 0),
        ("documents without a readable date", int(_corpus_dates(all_docs).isna().sum()) if len(all_docs) else 0),
        ("documents in this selection", len(documents)),
    ]
    return pd.DataFrame(rows, columns=["what", "count"])


def _corpus_dates(documents: pd.DataFrame) -> pd.Series:
    """The dates the corpus gives (``corpus_date`` once a date rule has moved ``date``)."""
    return documents["corpus_date"] if "corpus_date" in documents else documents["date"]


def shortest_reports(documents: pd.DataFrame, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` shortest reports (captions, headline-only items, truncated texts) to check by eye."""
    cols = ["doc_id", "source", "date", "n_words", "title"]
    if documents.empty:
        return pd.DataFrame(columns=cols)
    return documents.sort_values(["n_words", "doc_id"], kind="stable").head(n)[cols].reset_index(drop=True)
