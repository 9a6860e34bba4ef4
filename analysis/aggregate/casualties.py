"""Casualty tolls across reports and outlets: the aggregations of the casualties report.

Input is the ``claims`` table joined to ``documents`` (:func:`claims_with_documents`). Each
function returns a tidy DataFrame and works on an empty selection. Conventions, stated in the
notebook too:

* A report often states the same toll twice (title and body). Counts of claims use
  :func:`distinct_claims`: one claim per report and (category, min, max, vague), the set
  semantics of the gold guidelines.
* A report's **headline toll** for a category and scope is the largest numeric count it states
  (subgroups such as "including 12 children" are smaller than the total they belong to).
* Reports whose text repeats an earlier report (``duplicate_of``) are left out of aggregates.
* Event and cumulative tolls are never mixed.

Example:
    >>> docs = pd.DataFrame({"doc_id": ["a"], "source": ["sana"], "date": pd.to_datetime(["2017-01-02"]),
    ...                      "duplicate_of": [None]})
    >>> claims = pd.DataFrame({"doc_id": ["a", "a"], "category": ["killed", "killed"], "min": [12, 5],
    ...     "max": [12, 5], "vague": [None, None], "qualifier": ["at_least", "exact"], "scope": ["event"] * 2,
    ...     "victims": ["people", "children"], "source_actor": [None, None], "perpetrator_actor": [None, None],
    ...     "sentence": ["s", "s"], "part": ["body"] * 2, "sent_id": [1, 1]})
    >>> headline_tolls(claims_with_documents(claims, docs))[["doc_id", "toll"]].to_dict("records")
    [{'doc_id': 'a', 'toll': 12}]
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..io.documents import group_labels, original_documents
from ..resources.wordlists import victim_classes

NO_SOURCE = "(no source)"
NO_PERPETRATOR = "(not stated)"
DOC_FIELDS = ["source", "date", "location", "label", "title", "duplicate_of"]


def claims_with_documents(claims: pd.DataFrame, documents: pd.DataFrame, *, keep_duplicates: bool = False) -> pd.DataFrame:
    """Claims with their report's outlet, date, location, credibility label and title.

    Args:
        claims: the claims table.
        documents: the documents table.
        keep_duplicates: keep claims of reports flagged as repeated texts.
    """
    fields = ["doc_id"] + [c for c in DOC_FIELDS if c in documents.columns]
    out = claims.merge(documents[fields], on="doc_id", how="inner", validate="many_to_one")
    if not keep_duplicates and "duplicate_of" in out:
        out = out[out["duplicate_of"].isna()]
    for col in ("min", "max"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("Int64")
    return out.reset_index(drop=True)


def distinct_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """One claim per report and (category, min, max, vague): the first statement of each."""
    if claims.empty:
        return claims
    key = claims[["doc_id", "category", "min", "max", "vague"]].astype("string").fillna("")
    return claims[~key.duplicated()].reset_index(drop=True)


def claim_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims to read, one row per statement, ordered by date, report and position."""
    cols = [c for c in ["date", "source", "doc_id", "category", "min", "max", "qualifier", "vague", "victims",
                        "scope", "source_actor", "perpetrator_actor", "part", "sent_id", "sentence"] if c in claims]
    if claims.empty:
        return pd.DataFrame(columns=cols)
    order = [c for c in ("date", "doc_id", "sent_id", "start") if c in claims]
    return claims.sort_values(order, kind="stable")[cols].reset_index(drop=True)


def headline_tolls(claims: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Each report's largest numeric toll per category and scope.

    Returns:
        Columns doc_id, ``by``, date, location, category, scope, toll, qualifier, sentence.
    """
    cols = ["doc_id", by, "date", "location", "category", "scope", "toll", "qualifier", "sentence"]
    num = claims[claims["max"].notna()] if not claims.empty else claims
    if num.empty:
        return pd.DataFrame(columns=cols)
    num = num.assign(toll=num["max"].astype("int64"))
    if "location" not in num:
        num = num.assign(location=None)
    idx = num.sort_values(["toll", "sent_id"], ascending=[False, True], kind="stable") \
             .groupby(["doc_id", "category", "scope"], sort=False).head(1).index
    out = num.loc[idx, cols]
    return out.sort_values(["date", "doc_id", "category", "scope"], kind="stable").reset_index(drop=True)


def tolls_over_time(tolls: pd.DataFrame, *, by: str = "source", freq: str = "M") -> pd.DataFrame:
    """Per period, group, category and scope: reports with a toll, median and largest toll."""
    cols = ["period", by, "category", "scope", "reports", "median_toll", "max_toll"]
    dated = tolls[tolls["date"].notna()] if not tolls.empty else tolls
    if dated.empty:
        return pd.DataFrame(columns=cols)
    period = pd.to_datetime(dated["date"]).dt.to_period(freq).dt.start_time
    g = dated.assign(period=period, **{by: group_labels(dated[by])}).groupby(["period", by, "category", "scope"], sort=True)["toll"]
    out = pd.DataFrame({"reports": g.size(), "median_toll": g.median(), "max_toll": g.max()}).reset_index()
    return out[cols]


def same_event_groups(tolls: pd.DataFrame, *, by: str = "source", window_days: int = 3, category: str = "killed",
                      min_groups: int = 2) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The same event as reported by different outlets, with the spread of their numbers.

    Superseded by :func:`analysis.events.event_groups` and :func:`analysis.events.event_table`
    (issue 14), which compare like with like: incident tolls only (never prison, war or
    background tolls), matched by what happened as well as where and when, with event ids that
    do not change between variants. Kept until notebook 02 uses them.

    Reports' headline event tolls of one ``category`` are grouped by location and date: sorted by
    date within a location, a report joins the current event while it is within ``window_days``
    of the event's first report. Events reported by at least ``min_groups`` outlets are kept.

    Returns:
        ``(events, detail)``: one row per event (event, location, first_date, last_date, reports,
        outlets, min_toll, max_toll, ratio) and one row per event and outlet (event, ``by``,
        reports, min_toll, max_toll, doc_ids).
    """
    ev_cols = ["event", "location", "first_date", "last_date", "reports", "outlets", "min_toll", "max_toll", "ratio"]
    de_cols = ["event", by, "reports", "min_toll", "max_toll", "doc_ids"]
    t = tolls[(tolls["scope"] == "event") & (tolls["category"] == category) & tolls["date"].notna()] \
        if not tolls.empty else tolls
    if t.empty:
        return pd.DataFrame(columns=ev_cols), pd.DataFrame(columns=de_cols)
    t = t.assign(location=t["location"].fillna("(unknown)").astype(str), date=pd.to_datetime(t["date"]))
    t = t.sort_values(["location", "date", "doc_id"], kind="stable")
    event_ids, current, start, loc_prev = [], -1, None, None
    for loc, date in zip(t["location"], t["date"]):
        if loc != loc_prev or (date - start).days > window_days:
            current += 1
            start, loc_prev = date, loc
        event_ids.append(current)
    t = t.assign(event=event_ids)
    n_out = t.groupby("event")[by].nunique()
    t = t[t["event"].isin(n_out[n_out >= min_groups].index)]
    if t.empty:
        return pd.DataFrame(columns=ev_cols), pd.DataFrame(columns=de_cols)
    g = t.groupby("event", sort=True)
    events = pd.DataFrame({
        "location": g["location"].first(), "first_date": g["date"].min(), "last_date": g["date"].max(),
        "reports": g.size(), "outlets": g[by].agg(lambda s: ", ".join(sorted(set(map(str, s))))),
        "min_toll": g["toll"].min(), "max_toll": g["toll"].max(),
    }).reset_index()
    events["ratio"] = (events["max_toll"] / events["min_toll"].clip(lower=1)).round(2)
    events = events.sort_values(["ratio", "reports", "first_date"], ascending=[False, False, True], kind="stable")
    renumber = {old: f"E{i + 1}" for i, old in enumerate(events["event"])}
    events["event"] = events["event"].map(renumber)
    d = t.assign(event=t["event"].map(renumber)).groupby(["event", by], sort=True)
    detail = pd.DataFrame({"reports": d.size(), "min_toll": d["toll"].min(), "max_toll": d["toll"].max(),
                           "doc_ids": d["doc_id"].agg(lambda s: ", ".join(s))}).reset_index()
    order = {e: i for i, e in enumerate(events["event"])}
    detail = detail.sort_values(["event", by], key=lambda s: s.map(order) if s.name == "event" else s, kind="stable")
    return events[ev_cols].reset_index(drop=True), detail[de_cols].reset_index(drop=True)


def victims_by_group(claims: pd.DataFrame, *, by: str = "source", category: str = "killed",
                     lexicon: str | None = None) -> pd.DataFrame:
    """Distinct claims per group and victim class (children, women, civilians, combatants, people, other).

    ``lexicon`` is the victims file of the run (``report.lexicon_paths["victims"]``); default:
    the bundled ``victims.yml``.
    """
    cols = [by, "victim_class", "claims", "share"]
    c = distinct_claims(claims)
    c = c[c["category"] == category] if not c.empty else c
    if c.empty:
        return pd.DataFrame(columns=cols)
    c = c.assign(**{by: group_labels(c[by])})
    classes = victim_classes(lexicon)
    cls = c["victims"].fillna("").str.lower().map(lambda v: classes.get(v, classes.get(v.rstrip("s"), "other")))
    out = c.assign(victim_class=cls).groupby([by, "victim_class"], sort=True).size().rename("claims").reset_index()
    out["share"] = (out["claims"] / out.groupby(by)["claims"].transform("sum")).round(3)
    return out[cols]


def _shares(claims: pd.DataFrame, by: str, column: str, fill: str) -> pd.DataFrame:
    cols = [by, column, "claims", "share"]
    c = distinct_claims(claims)
    if c.empty:
        return pd.DataFrame(columns=cols)
    c = c.assign(**{column: c[column].astype("object").where(c[column].notna(), fill),
                    by: group_labels(c[by])})
    out = c.groupby([by, column], sort=True).size().rename("claims").reset_index()
    out["share"] = (out["claims"] / out.groupby(by)["claims"].transform("sum")).round(3)
    return out[cols]


def hedging_by_group(claims: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Distinct claims per group and qualifier (exact, at_least, more_than, about, ..., vague)."""
    return _shares(claims, by, "qualifier", "exact")


def sources_by_group(claims: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Distinct claims per group and cited source group id ("(no source)" when none is cited; a
    source known only by its kind, such as "officials said", as "(unnamed state)")."""
    return _shares(_with_unnamed(claims, "source_actor", "source_kind"), by, "source_actor", NO_SOURCE)


def blame_by_group(claims: pd.DataFrame, *, by: str = "source", category: str = "killed") -> pd.DataFrame:
    """Distinct claims of ``category`` per group and perpetrator ("(not stated)" when none)."""
    c = claims[claims["category"] == category] if not claims.empty else claims
    return _shares(_with_unnamed(c, "perpetrator_actor", "perpetrator_kind"), by, "perpetrator_actor", NO_PERPETRATOR)


def _with_unnamed(claims: pd.DataFrame, column: str, kind: str) -> pd.DataFrame:
    """``column`` filled, where it is empty but the party's kind is known, with "(unnamed KIND)".

    Example:
        >>> c = pd.DataFrame({"source_actor": ["UN", None, None], "source_kind": ["international", "state", None]})
        >>> _with_unnamed(c, "source_actor", "source_kind")["source_actor"].tolist()
        ['UN', '(unnamed state)', nan]
    """
    if claims.empty or kind not in claims.columns:
        return claims
    unnamed = "(unnamed " + claims[kind].astype("object").str.replace("_", " ") + ")"
    return claims.assign(**{column: claims[column].astype("object").where(claims[column].notna(), unnamed)})


#: What FA-KES's credibility codes mean; a report without a label sorts last, as "(unknown)".
_CREDIBILITY = {"0": "not credible (0)", "1": "credible (1)", "\uffff": "(unknown)"}


def _credibility_code(value: Any) -> str:
    """FA-KES's label as a code, whether read as text or as numbers (``1``, ``1.0``, ``"1"``).

    Example:
        >>> [_credibility_code(v) for v in ("1", 0.0, None, "x")]
        ['1', '0', '\uffff', 'x']
    """
    if value is None or (isinstance(value, float) and value != value):
        return "\uffff"
    text = str(value).strip()
    text = text[:-2] if text.endswith(".0") else text
    return text or "\uffff"


def credibility_table(claims: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Claims in credible vs non-credible reports (FA-KES ``label``: 1 credible, 0 not).

    Returns an empty frame when the corpus has no ``label`` column.
    """
    cols = ["label", "reports", "reports_with_claims", "claims_per_report", "share_hedged", "share_vague",
            "share_with_source", "share_with_perpetrator", "median_killed_toll"]
    if "label" not in documents.columns or documents["label"].isna().all():
        return pd.DataFrame(columns=cols)
    docs = original_documents(documents)
    c = distinct_claims(claims)
    rows = []
    for code, dgroup in docs.groupby(docs["label"].map(_credibility_code), sort=True):
        cl = c[c["doc_id"].isin(dgroup["doc_id"])] if not c.empty else c
        n = len(cl)
        tolls = headline_tolls(cl) if n else pd.DataFrame(columns=["category", "scope", "toll"])
        killed = tolls[(tolls["category"] == "killed") & (tolls["scope"] == "event")]["toll"] if len(tolls) else []
        rows.append({
            "label": _CREDIBILITY.get(code, code),
            "reports": len(dgroup),
            "reports_with_claims": cl["doc_id"].nunique() if n else 0,
            "claims_per_report": round(n / len(dgroup), 2) if len(dgroup) else 0.0,
            "share_hedged": round(float((~cl["qualifier"].fillna("exact").isin(["exact", "vague"])).mean()), 3) if n else None,
            "share_vague": round(float((cl["qualifier"] == "vague").mean()), 3) if n else None,
            "share_with_source": round(float(cl["source_actor"].notna().mean()), 3) if n else None,
            "share_with_perpetrator": round(float(cl["perpetrator_actor"].notna().mean()), 3) if n else None,
            "median_killed_toll": float(pd.Series(killed).median()) if len(killed) else None,
        })
    return pd.DataFrame(rows, columns=cols)
