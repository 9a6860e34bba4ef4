"""Key findings: a few plain sentences computed from the tables, each linked to its section.

Each report opens with its findings. Every sentence is computed here from the same
aggregations that the report's figures show (never written by hand), and names the heading of
the section that shows the evidence; :func:`findings_html` turns that heading into the link
JupyterLab and nbconvert give it. Comparisons between outlets only use outlets whose share
rests on at least ``MIN_N`` reports, claims or labels (:func:`analysis.style.is_small`).

Example:
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["SANA", "SANA"], "title": ["t", "u"],
    ...     "date": pd.to_datetime(["2017-01-05", "2017-02-01"]), "n_words": [100, 30], "duplicate_of": [None, None]})
    >>> [plain(f.text) for f in overview_findings(docs, pd.DataFrame(columns=["record", "doc_id", "reason"]))][0]
    '2 reports from 1 outlet, dated 5 January 2017 to 1 February 2017.'
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple, Sequence
from urllib.parse import quote

import pandas as pd

from .plots import style as current_style
from .style import MIN_N, is_small


class Finding(NamedTuple):
    """One sentence (HTML, numbers in ``<b>``) and the heading of the section that shows it."""

    text: str
    section: str


def anchor(heading: str) -> str:
    """The id JupyterLab and nbconvert give a Markdown heading (spaces become hyphens)."""
    return quote(heading.replace(" ", "-"), safe="?/:@!$&'()*+,;=")


def plain(text: str) -> str:
    """A finding without its markup (for tests and alt texts)."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def findings_html(items: Sequence[Finding | tuple[str, str]]) -> str:
    """The findings as a list, each followed by a link to its section."""
    if not items:
        return '<p class="cc-empty">No findings: nothing in this selection to compute them from.</p>'
    lis = "".join(f'<li>{text} <a href="#{anchor(section)}">→&nbsp;{html.escape(section)}</a></li>'
                  for text, section in items)
    return f'<ul class="cc-findings">{lis}</ul>'


def _b(value) -> str:
    return f"<b>{html.escape(str(value))}</b>"


def _e(value) -> str:
    return html.escape(str(value))


def _pct(x: float) -> str:
    return f"{x:.0%}" if x >= 0.01 or x == 0 else "under 1%"


def _n(x: int) -> str:
    return f"{int(x):,}"


def _date(d) -> str:
    return f"{pd.Timestamp(d).day} {pd.Timestamp(d):%B %Y}"


def _names(items: Sequence[str]) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _cap(text) -> str:
    """A group name starting a sentence: ``rest of corpus`` -> ``Rest of corpus`` (names kept as they are)."""
    t = str(text)
    return t[:1].upper() + t[1:]


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{_n(n)} {word if n == 1 else (many or word + 's')}"


def contrast(table: pd.DataFrame, *, group: str, value: str, n: str) -> tuple[pd.Series, pd.Series] | None:
    """The groups with the highest and lowest ``value`` among those whose ``n`` is not small.

    Returns None when fewer than two groups qualify or they do not differ. Ties go to the first
    in group order.

    Example:
        >>> t = pd.DataFrame({"g": ["a", "b", "c"], "v": [0.9, 0.1, 0.5], "n": [20, 12, 3]})
        >>> hi, lo = contrast(t, group="g", value="v", n="n"); (hi["g"], lo["g"])
        ('a', 'b')
    """
    ok = table[~table[n].map(is_small)]
    if ok[group].nunique() < 2:
        return None
    ok = ok.sort_values(value, ascending=False, kind="stable")
    if ok[value].iloc[0] == ok[value].iloc[-1]:
        return None
    return ok.iloc[0], ok.iloc[-1]


# --------------------------------------------------------------------------- 01 overview


def overview_findings(documents: pd.DataFrame, skipped: pd.DataFrame, *, by: str = "source",
                      date_rule: str = "dateline") -> list[Finding]:
    """Findings of the corpus overview: size and span, the largest group, dates that contradict
    the reports (and where the date rule places them), repeats, skipped records."""
    from ..aggregate.overview import reports_over_time, reports_per_group

    if documents.empty:
        return []
    unit = "outlet" if by == "source" else f"{by} group"
    out = []
    per = reports_per_group(documents, by=by)
    dated = documents["date"].dropna()
    span = f", dated {_date(dated.min())} to {_date(dated.max())}" if len(dated) else ""
    undated = int((documents["corpus_date"] if "corpus_date" in documents else documents["date"]).isna().sum())
    tail = f"; {_plural(undated, 'report')} {'has' if undated == 1 else 'have'} no readable date" if undated else ""
    out.append(Finding(f"{_b(_plural(len(documents), 'report'))} from {_b(_plural(len(per), unit))}{_e(span)}"
                       f"{_e(tail)}.", "Reports per outlet"))
    if len(per) > 1:
        top = per.iloc[0]
        small = per[per["reports"].map(is_small)][by].tolist()
        text = (f"{_e(_cap(top[by]))} contributes the most reports: {_b(_n(top['reports']))} "
                f"({_b(_pct(top['reports'] / len(documents)))}).")
        if small:
            text += (f" {_b(_plural(len(small), unit))} {'has' if len(small) == 1 else 'have'} fewer than {MIN_N} "
                     f"reports ({_e(_names(small))}): too few for their shares to be compared, they are greyed in "
                     "the figures.")
        out.append(Finding(text, "Reports per outlet"))
    over = reports_over_time(documents, by=by)
    if not over.empty:
        per_period = over.groupby("period")["reports"].sum()
        best = per_period.idxmax()
        span_days = (dated.max() - dated.min()).days if len(dated) else 0
        word = "month" if span_days <= 3 * 366 else "quarter"
        end = best + pd.DateOffset(months=2)
        when = f"{best:%B %Y}" if word == "month" else f"{best:%B}–{end:%B %Y}"
        out.append(Finding(f"The busiest {word} is {_b(when)}, with {_b(_plural(int(per_period.max()), 'report'))}.",
                           "Reports over time"))
    out += _date_finding(documents, date_rule)
    dups = int(documents["duplicate_of"].notna().sum())
    if dups:
        out.append(Finding(f"{_b(_plural(dups, 'report'))} repeat an earlier report word for word: kept and flagged, "
                           "and left out of the counts in the other reports.", "Repeated texts"))
    if len(skipped):
        reason = skipped["reason"].value_counts().index[0]
        out.append(Finding(f"{_b(_plural(len(skipped), 'input record'))} could not be read (most often: "
                           f"{_e(reason)}).", "Skipped records"))
    return out


def _date_finding(documents: pd.DataFrame, date_rule: str) -> list[Finding]:
    """How many reports contradict their own dateline, the largest gap, and what the rule does."""
    from ..io.datelines import CONFLICT_DAYS, date_conflicts

    listed = date_conflicts(documents)
    if listed.empty:
        return []
    worst = listed.iloc[0]
    n = len(listed)
    them, they, are = ("it", "it", "is") if n == 1 else ("them", "they", "are")
    then = {"dateline": f"figures over time place {them} at the date {they} state{'s' if n == 1 else ''}",
            "drop": f"{they} {are} left out of figures over time",
            "corpus": "figures over time keep the corpus date nevertheless"}[date_rule]
    return [Finding(f"{_b(_plural(n, 'report'))} state{'s' if n == 1 else ''} a date in {'its' if n == 1 else 'their'} "
                    f"own opening more than {CONFLICT_DAYS} days away from the date the corpus gives "
                    f"{'it' if n == 1 else 'them'} (the largest gap: {_e(worst['doc_id'])}, dated "
                    f"{_b(_date(worst['corpus_date']))} in the corpus and {_b(_date(worst['dateline_date']))} in its "
                    f"opening); {_e(then)}.", "Dates that contradict the report")]


# --------------------------------------------------------------------------- 02 casualties


def casualty_findings(claims: pd.DataFrame, documents: pd.DataFrame, *, compared: pd.DataFrame | None = None,
                      by: str = "source", events: pd.DataFrame | None = None) -> list[Finding]:
    """Findings of the casualties report.

    Args:
        claims: claims joined to their documents (:func:`analysis.tolls.claims_with_documents`).
        documents: the selected documents.
        compared: claims (joined) to compare groups with (the selection plus the rest of the
            corpus in a one-outlet report); default ``claims``.
        by: the grouping column.
        events: the same-event table (:func:`analysis.aggregate.events.event_table`), if any.
    """
    from ..aggregate.casualties import (
        blame_by_group,
        distinct_claims,
        headline_tolls,
        hedging_by_group,
        sources_by_group,
    )

    out: list[Finding] = []
    docs = documents[documents["duplicate_of"].isna()] if "duplicate_of" in documents else documents
    if claims.empty:
        return [Finding(f"No casualty claim in the {_b(_plural(len(docs), 'report'))} of this selection.",
                        "Every claim, with its sentence")] if len(docs) else []
    cmp_ = claims if compared is None else compared
    dc = distinct_claims(claims)
    n_docs = dc["doc_id"].nunique()
    cats = dc["category"].value_counts()
    repeats = len(documents) - len(docs)
    also = " (repeated texts left out)" if repeats else ""
    out.append(Finding(
        f"{_b(_plural(len(dc), 'distinct casualty claim'))} in {_b(_n(n_docs))} of {_plural(len(docs), 'report')}{also} "
        f"({_b(_pct(n_docs / max(1, len(docs))))}): {_n(cats.get('killed', 0))} state how many were killed, "
        f"{_n(cats.get('injured', 0))} how many were injured, {_n(cats.get('casualties', 0))} a number of "
        "casualties (killed and injured together).",
        "Every claim, with its sentence"))
    heads = headline_tolls(claims, by=by)
    event = heads[(heads["category"] == "killed") & (heads["scope"] == "event")]
    if len(event):
        median = int(event["toll"].median())
        big = int((event["toll"] >= 100).sum())
        out.append(Finding(f"Of the {_b(_plural(len(event), 'report'))} that state a death toll for one event, half "
                           f"give {_b(_n(median))} killed or fewer; {_b(_n(big))} give 100 or more "
                           f"({_b(_pct(big / len(event)))}).", "Reported tolls over time"))
    out += _share_finding(sources_by_group(claims, by=by), sources_by_group(cmp_, by=by), by=by,
                          column="source_actor", none="(no source)",
                          what=("cites a source for", "for"), unit="claims", section="Who is cited for the numbers",
                          lead="the source cited most often is", nobody="cite no source")
    out += _share_finding(blame_by_group(claims, by=by), blame_by_group(cmp_, by=by), by=by,
                          column="perpetrator_actor", none="(not stated)",
                          what=("names a perpetrator in", "in"), unit="killed claims", section="Who is blamed for deaths",
                          lead="the perpetrator named most often is", nobody="name no perpetrator")
    # a one-outlet report: its outlet against the others ("rest of corpus" in ``compared``)
    one_outlet = docs[by].iloc[0] if len(docs) and docs[by].nunique() == 1 and cmp_[by].nunique() > 1 else None
    out += event_finding(events, outlet=one_outlet)
    hedge = hedging_by_group(cmp_, by=by)
    if not hedge.empty:
        exact = _share_of(hedge, by=by, column="qualifier", value="exact")
        overall = (dc["qualifier"] == "exact").mean()
        text = (f"{_b(_pct(overall))} of claims state an exact number; the others hedge ('at least', 'more than', "
                "'about') or stay vague.")
        pair = contrast(exact, group=by, value="share", n="n")
        if pair:
            hi, lo = pair
            text += (f" {_e(_cap(hi[by]))} states an exact number in {_b(_pct(hi['share']))} of its claims, {_e(lo[by])} in "
                     f"{_b(_pct(lo['share']))}.")
        out.append(Finding(text, "Hedging"))
    return out


def event_finding(events: pd.DataFrame | None, *, outlet: str | None = None) -> list[Finding]:
    """How many incidents two outlets or more report, how many agree, and the most covered one,
    with the caveat that a spread is often a toll that rose (never "outlet X inflates"). In a
    one-outlet report (``outlet``) the incidents are that outlet's, as the same-event section shows.

    Example:
        >>> ev = pd.DataFrame({"event_id": ["e1", "e2"], "place": ["Saraqib", None], "region": ["idlib", "homs"],
        ...     "first_date": pd.to_datetime(["2016-05-03", "2016-05-04"]), "outlets": [3, 2],
        ...     "min_toll": [12, 5], "max_toll": [15, 5]})
        >>> plain(event_finding(ev)[0].text)[:124]
        '2 incidents are reported by two outlets or more (matched by place, date and what the reports say); in 1 of them every outlet'
        >>> plain(event_finding(ev, outlet="Wire A")[0].text)[:56]
        'Wire A reports 2 incidents that other outlets report too'
    """
    if events is None or events.empty:
        return []
    top = events.iloc[0]
    place = top["place"] if isinstance(top["place"], str) else str(top["region"]).title()
    same = int((events["min_toll"] == events["max_toll"]).sum())
    if outlet is None:
        lead = f"{_b(_plural(len(events), 'incident'))} {'is' if len(events) == 1 else 'are'} reported by two outlets or more"
    else:
        lead = f"{_e(outlet)} reports {_b(_plural(len(events), 'incident'))} that other outlets report too"
    text = (f"{lead} (matched by place, date and what the reports say); in {_b(_n(same))} of them every outlet gives the "
            f"same toll. The one most covered, in {_e(place)} on {_e(_date(top['first_date']))}, is reported by "
            f"{_b(_n(top['outlets']))} outlets with tolls from {_b(_n(top['min_toll']))} to {_b(_n(top['max_toll']))}: "
            "a toll often rises over a day or two, so read the sentences before concluding that outlets disagree.")
    return [Finding(text, "The same event in different outlets")]


def _share_of(table: pd.DataFrame, *, by: str, column: str, value: str) -> pd.DataFrame:
    """Per group: the share of rows whose ``column`` is ``value`` (0 when absent), with the group's n."""
    n = table.groupby(by)["claims"].sum()
    hit = table[table[column] == value].groupby(by)["claims"].sum().reindex(n.index, fill_value=0)
    return pd.DataFrame({by: n.index, "share": (hit / n).to_numpy(), "n": n.to_numpy()})


def _share_finding(table: pd.DataFrame, compared: pd.DataFrame, *, by: str, column: str, none: str,
                   what: tuple[str, str], unit: str, section: str, lead: str, nobody: str) -> list[Finding]:
    """Shares in the selection (``table``), then the contrast between the groups of ``compared``."""
    if table.empty:
        return []
    st = current_style()
    total = table["claims"].sum()
    named = table[table[column] != none].groupby(column)["claims"].sum().sort_values(ascending=False, kind="stable")
    share_none = table.loc[table[column] == none, "claims"].sum() / total
    text = f"{_b(_pct(share_none))} of {_e(unit)} {_e(nobody)}"
    if len(named):
        text += f"; {_e(lead)} {_b(st.group_name(named.index[0]))} ({_b(_pct(named.iloc[0] / total))})"
    text += "."
    named_share = _share_of(compared, by=by, column=column, value=none).assign(share=lambda d: 1 - d["share"])
    pair = contrast(named_share, group=by, value="share", n="n")
    if pair:
        hi, lo = pair
        text += (f" {_e(_cap(hi[by]))} {_e(what[0])} {_b(_pct(hi['share']))} of its {_e(unit)}, {_e(lo[by])} "
                 f"{_e(what[1])} {_b(_pct(lo['share']))}.")
    return [Finding(text, section)]


# --------------------------------------------------------------------------- 03 actors


def actor_findings(tables, compared=None, *, by: str = "source", level: str = "actor_id",
                   min_sentences: int = 3) -> list[Finding]:
    """Findings of the actors report: who is most present, where outlets differ, who is quoted, roles, pairs.

    Args:
        tables: the selection's tables (``mentions``, ``attributions``, ``documents``).
        compared: the tables whose groups are compared (default ``tables``).
    """
    from ..aggregate.actors import (
        cooccurrence,
        quoted_by_group,
        roles_by_group,
        salience_by_group,
    )

    st = current_style()
    name = st.group_name if level == "actor_id" else str
    out: list[Finding] = []
    documents = tables.documents
    cmp_ = compared if compared is not None else tables
    docs = documents[documents["duplicate_of"].isna()] if "duplicate_of" in documents else documents
    m = tables.mentions[tables.mentions["doc_id"].isin(docs["doc_id"])]
    if m.empty:
        return []
    per_doc = m.drop_duplicates(["doc_id", level])[level].value_counts()
    top = per_doc.sort_index().sort_values(ascending=False, kind="stable").index[0]
    out.append(Finding(f"{_b(name(top))} is the most present: named in {_b(_pct(per_doc[top] / len(docs)))} of "
                       f"reports ({_n(per_doc[top])} of {_n(len(docs))}).", "Salience per outlet"))
    cdocs = cmp_.documents[cmp_.documents["duplicate_of"].isna()] if "duplicate_of" in cmp_.documents \
        else cmp_.documents
    sal = salience_by_group(cmp_.mentions, cmp_.documents, by=by, level=level)
    n_docs = cdocs.groupby(by).size()
    best = None
    for actor, g in sal.groupby(level, sort=True):
        g = g.set_index(by)["share_of_reports"].reindex(n_docs.index, fill_value=0)
        pair = contrast(pd.DataFrame({by: g.index, "share": g.to_numpy(), "n": n_docs.to_numpy()}),
                        group=by, value="share", n="n")
        if pair and (best is None or pair[0]["share"] - pair[1]["share"] > best[0]):
            best = (pair[0]["share"] - pair[1]["share"], actor, pair)
    if best:
        _, actor, (hi, lo) = best
        out.append(Finding(f"The outlets differ most on {_b(name(actor))}: {_e(_cap(hi[by]))} names it in "
                           f"{_b(_pct(hi['share']))} of its reports, {_e(lo[by])} in {_b(_pct(lo['share']))}.",
                           "Salience per outlet"))
    roles = roles_by_group(m, documents, by=by, level=level)
    if not roles.empty:
        r = roles.groupby([level, "role"])["mentions"].sum().unstack(fill_value=0)
        r = r[r.sum(axis=1) >= MIN_N]
        parts = []
        for role, word in (("agent", "the one acting (agent)"), ("target", "the one suffering (target)")):
            if role in r and len(r):
                share = (r[role] / r.sum(axis=1)).sort_index().sort_values(ascending=False, kind="stable")
                parts.append(f"{_b(name(share.index[0]))} is most often {word}: {_b(_pct(share.iloc[0]))} of its "
                             "mentions")
        if parts:
            out.append(Finding("; ".join(parts) + ".", "Who speaks, who acts, who suffers"))
    quoted = quoted_by_group(tables.attributions, documents, by=by)
    if not quoted.empty:
        q = quoted.groupby("speaker_actor_id")["attributions"].sum()
        total = q.sum()
        named = q.drop("(unresolved)", errors="ignore").sort_index().sort_values(ascending=False, kind="stable")
        if len(named):
            out.append(Finding(f"The most quoted are {_b(st.group_name(named.index[0]))}: "
                               f"{_b(_pct(named.iloc[0] / total))} of {_n(total)} quotes and citations; "
                               f"{_b(_pct(q.get('(unresolved)', 0) / total))} have a speaker the dictionary cannot "
                               "name.", "Who gets quoted"))
    edges = cooccurrence(m, level=level, min_sentences=min_sentences)
    if not edges.empty:
        e = edges.iloc[0]
        out.append(Finding(f"Named together most often: {_b(name(e['a']))} and {_b(name(e['b']))}, in "
                           f"{_b(_plural(int(e['sentences']), 'sentence'))} of {_plural(int(e['reports']), 'report')}.",
                           "Who appears with whom"))
    return out


# --------------------------------------------------------------------------- 04 framing


def label_finding(labels: pd.DataFrame, documents: pd.DataFrame, *, referent: str, by: str = "source",
                  quoted: bool | None = False, section: str = "What outlets call the parties",
                  state: bool = False) -> list[Finding]:
    """The label whose share differs most between outlets, for one referent, in narration.

    Example sentence: "In its own narration SANA calls the armed opposition 'terrorists' in 99%
    of its labels; Reuters in 3%." With one eligible outlet: its most used label.
    """
    from ..aggregate.framing import label_shares

    docs = documents[documents["duplicate_of"].isna()] if "duplicate_of" in documents else documents
    sh = label_shares(labels, docs, referent=referent, by=by, quoted=quoted)
    if sh.empty:
        return []
    n = sh.groupby("group")["count"].sum()
    who = "the government side" if state else "the " + referent.replace("_", " ")
    voice = "In its own narration" if quoted is False else "Counting quotes too,"
    best = None
    by_use = sh.groupby("label")["count"].sum().sort_index().sort_values(ascending=False, kind="stable").index
    for lab in by_use:  # on a tie, the label used most in the whole selection
        s = sh[sh["label"] == lab].set_index("group")["share"].reindex(n.index, fill_value=0)
        pair = contrast(pd.DataFrame({"group": s.index, "share": s.to_numpy(), "n": n.to_numpy()}),
                        group="group", value="share", n="n")
        if pair and (best is None or pair[0]["share"] - pair[1]["share"] > best[0]):
            best = (pair[0]["share"] - pair[1]["share"], lab, pair)
    if best:
        _, lab, (hi, lo) = best
        return [Finding(f"{voice} {_e(hi['group'])} calls {_e(who)} {_b(repr_label(lab))} in {_b(_pct(hi['share']))} "
                        f"of its {_n(hi['n'])} labels for them; {_e(lo['group'])} in {_b(_pct(lo['share']))} "
                        f"(of {_n(lo['n'])}).", section)]
    ok = n[~n.map(is_small)]
    if ok.empty:
        return []
    g = sh[sh["group"] == ok.index[0]].iloc[0]
    return [Finding(f"{voice} {_e(g['group'])} calls {_e(who)} {_b(repr_label(g['label']))} in "
                    f"{_b(_pct(g['share']))} of its {_n(ok.iloc[0])} labels for them.", section)]


def repr_label(key: str) -> str:
    """A label key as words in quotes: ``assad_forces`` -> ``'assad forces'``."""
    return "'" + str(key).replace("_", " ") + "'"


def tone_finding(tone: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source") -> list[Finding]:
    """The outlets with the most and least negative mean tone (outlets with enough reports)."""
    from ..aggregate.framing import tone_by_group

    t = tone_by_group(tone, documents, by=by)
    pair = contrast(t, group=by, value="mean_compound", n="reports") if not t.empty else None
    if not pair:
        return []
    hi, lo = pair
    return [Finding(f"The most negative tone on average: {_e(lo[by])} ({_b(f'{lo.mean_compound:+.2f}')}); the least "
                    f"negative: {_e(hi[by])} ({_b(f'{hi.mean_compound:+.2f}')}), on a scale from -1 to +1 where "
                    "war reports are nearly all negative.", "Tone")]


def framing_findings(labels: pd.DataFrame, tone: pd.DataFrame, documents: pd.DataFrame, *, referent: str,
                     state_referent: str | None = None, by: str = "source") -> list[Finding]:
    """Findings of the framing report: naming of the chosen referent and of the state (the pack's
    ``state_referent``), tone."""
    out = label_finding(labels, documents, referent=referent, by=by)
    if state_referent and referent != state_referent:
        out += label_finding(labels, documents, referent=state_referent, by=by, state=True)
    return out + tone_finding(tone, documents, by=by)
