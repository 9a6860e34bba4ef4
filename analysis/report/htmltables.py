"""HTML pieces of a reader's page: complete interactive tables, figures with their data links.

Tables are rendered by `itables <https://mwouts.github.io/itables/>`_ in its offline mode: the
DataTables library is embedded once per page (:func:`page_setup_html`), so a table can be
searched, sorted and paged with no request to another host, and every row is there (no
downsampling). Before a frame is handed to itables, :func:`display_frame` turns every cell into
escaped text: integer counts as integers, blanks for missing values, dates as ``YYYY-MM-DD``,
shares as percentages, doc ids as links to the documents page, and a claim's number marked
in its sentence. Report text is always escaped here; the only markup in a cell is ours.

Example:
    >>> display_frame(pd.DataFrame({"doc_id": ["a<b"], "n": [3.0], "share": [0.456]})).values.tolist()
    [['<a href="documents.html#doc-a%3Cb">a&lt;b</a>', '3', '46%']]
"""

from __future__ import annotations

import base64
import html
import itertools
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pandas as pd

#: Page of the corpus's documents (one anchor per report), beside the reader's pages.
DOCUMENTS_PAGE = "documents.html"
_ids = itertools.count(1)

TABLE_CSS = """
.cc-table{margin:.4rem 0 1.2rem 0;font-size:.85rem}
.cc-table table.dataTable td,.cc-table table.dataTable th{text-align:left!important;white-space:normal;vertical-align:top}
.cc-table table.dataTable td.cc-num,.cc-table table.dataTable th.cc-num{text-align:right!important}
.cc-table div.cc-long{min-width:18rem;max-width:38rem}
.cc-table th{white-space:nowrap}.cc-table table.dataTable td.cc-date{white-space:nowrap}
.cc-table mark{background:#ffe08a;padding:0 1px}
.cc-links{font-size:.85rem;color:#555;margin:.2rem 0 1.4rem 0}
.cc-links a{margin-right:.2rem}
figure.cc-figure{margin:.6rem 0 0 0}figure.cc-figure img{max-width:100%;height:auto}
.cc-over{position:relative;display:inline-block;max-width:100%}.cc-over img{display:block}
.cc-over svg{position:absolute;left:0;top:0;width:100%;height:100%}
.cc-over circle{fill:transparent;stroke:none;cursor:pointer}.cc-over a:hover circle{stroke:#222;stroke-width:.015}
.cc-empty{color:#555;font-style:italic;margin:.3rem 0 1rem 0}
.cc-findings li{margin:.35rem 0}.cc-findings b{background:#fff3c4;padding:0 2px}
details.cc-provenance summary,details.cc-key summary{cursor:pointer;font-weight:600}
"""


def doc_link(doc_id: str, *, page: str = DOCUMENTS_PAGE) -> str:
    """A link to one report on the documents page (the id escaped, the anchor quoted).

    Example:
        >>> doc_link("fakes-3")
        '<a href="documents.html#doc-fakes-3">fakes-3</a>'
    """
    return f'<a href="{html.escape(page)}#{doc_anchor(doc_id)}">{html.escape(str(doc_id))}</a>'


def doc_anchor(doc_id: str) -> str:
    """The anchor of a report on the documents page (``doc-`` + the quoted id)."""
    return "doc-" + quote(str(doc_id), safe="")


def claim_anchor(doc_id: str, part: str, start) -> str:
    """The anchor of a claim on the documents page: the report's id, the part and the offset.

    Example:
        >>> claim_anchor("fakes-3", "body", 120), claim_anchor("a b", "title", 0)
        ('claim-fakes-3-b120', 'claim-a%20b-t0')
    """
    return f"claim-{quote(str(doc_id), safe='')}-{'t' if part == 'title' else 'b'}{int(start)}"


def mark_in(sentence: str, span: str) -> str:
    """The sentence escaped, with the first occurrence of ``span`` marked.

    Example:
        >>> mark_in("At least 12 <b>were</b> killed.", "12 <b>were</b> killed")
        'At least <mark>12 &lt;b&gt;were&lt;/b&gt; killed</mark>.'
    """
    s, sp = str(sentence), str(span or "")
    i = s.find(sp) if sp else -1
    if i < 0:
        return html.escape(s)
    return html.escape(s[:i]) + "<mark>" + html.escape(sp) + "</mark>" + html.escape(s[i + len(sp):])


def _cell(value, col: str, page: str) -> str:
    if value is None or (not isinstance(value, (str, list, dict)) and pd.isna(value)):
        return ""
    if col == "doc_id":
        return doc_link(value, page=page)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if "share" in col:
            return f"{value:.0%}"
        if float(value).is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"
    return html.escape(str(value))


HEADERS = {"actor_id": "actor group", "speaker_actor_id": "speaker's group", "n_words": "words", "doc_id": "report",
           "sent_id": "sentence no.", "source_actor": "source cited", "perpetrator_actor": "perpetrator named"}


def header(col) -> str:
    """A column name as a reader's header: ``source_actor`` -> ``source cited``, else underscores as spaces."""
    return HEADERS.get(str(col), str(col).replace("_", " "))


def display_frame(df: pd.DataFrame, *, page: str = DOCUMENTS_PAGE, html_columns: tuple[str, ...] = (),
                  long_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every cell as escaped display text (see the module docstring); ``html_columns`` are kept as markup.

    Cells of ``long_columns`` are wrapped in a block wide enough to read (the sentence column).
    Headers are written with spaces (:func:`header`).
    """
    out = {}
    for col in df.columns:
        if col in html_columns:
            cells = df[col].fillna("").astype(str).tolist()
        else:
            cells = [_cell(v, str(col), page) for v in df[col].tolist()]
        if col in long_columns:
            cells = [f'<div class="cc-long">{c}</div>' if c else c for c in cells]
        out[header(col)] = cells
    return pd.DataFrame(out, index=range(len(df)), columns=[header(c) for c in df.columns])


def page_setup_html() -> str:
    """The DataTables library (itables offline bundle) and the page's table CSS, once per page."""
    from itables.javascript import generate_init_offline_itables_html
    from itables.utils import find_package_file

    return generate_init_offline_itables_html(find_package_file("html/dt_bundle.js")) + f"<style>{TABLE_CSS}</style>"


def table_html(df: pd.DataFrame, *, name: str, caption: str = "", csv: str | None = None, page: str = DOCUMENTS_PAGE,
               html_columns: tuple[str, ...] = (), long_columns: tuple[str, ...] = ("sentence", "first_sentence", "title", "content"),
               page_length: int = 10) -> str:
    """A complete, searchable, sortable table (every row) with a link to its CSV.

    Args:
        df: the rows (the index is not shown).
        name: the table's anchor (``id="table-<name>"``), for links from figures and findings.
        caption: one line above the table.
        csv: relative link to the table's CSV, shown under it.
        html_columns: columns already holding safe markup (marked sentences).
        long_columns: text columns given room to wrap.
    """
    from itables import to_html_datatable

    shown = display_frame(df, page=page, html_columns=html_columns, long_columns=long_columns)
    numeric = [i for i, c in enumerate(df.columns) if pd.api.types.is_numeric_dtype(df[c]) and c != "doc_id"]
    defs = [{"className": "cc-num", "targets": numeric}] if numeric else []
    dates = [i for i, c in enumerate(df.columns) if c in ("date", "first_date", "last_date", "period")]
    if dates:
        defs.append({"className": "cc-date", "targets": dates})
    inner = to_html_datatable(
        shown, connected=False, maxBytes=0, maxRows=0, maxColumns=0, allow_html=True, showIndex=False,
        classes="display compact", style="table-layout:auto;width:100%;margin:0", pageLength=page_length,
        lengthMenu=[10, 25, 100, -1], columnDefs=defs, scrollX=True, paging=len(df) > page_length,
        display_logo_when_loading=False, table_id=f"itable-{name}-{next(_ids)}", order=[])
    head = f"<p>{html.escape(caption)}</p>" if caption else ""
    foot = (f'<div class="cc-links">All {len(df):,} rows: <a href="{html.escape(csv)}">download (CSV)</a></div>'
            if csv else "")
    return f'<div class="cc-table" id="table-{html.escape(name)}" data-rows="{len(df)}">{head}{inner}{foot}</div>'


def figure_html(png: Path, *, alt: str, links: list[tuple[str, str]], overlay: str = "") -> str:
    """An inline image with its alt text, followed by links (label, relative href) to its data.

    ``overlay`` is markup laid over the image at its size (links on its points: an SVG)."""
    data = base64.b64encode(Path(png).read_bytes()).decode("ascii")
    items = " · ".join(f'<a href="{html.escape(href)}">{html.escape(text)}</a>' for text, href in links)
    img = f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
    if overlay:
        img = f'<span class="cc-over">{img}{overlay}</span>'
    return f'<figure class="cc-figure">{img}</figure><div class="cc-links">{items}</div>'


def empty_html(message: str) -> str:
    """One line saying a section has nothing to show."""
    return f'<p class="cc-empty">{html.escape(message)}</p>'


# --------------------------------------------------------------------------- rows behind the figures


def _part_text(documents: pd.DataFrame) -> dict[tuple[str, str], str]:
    docs = documents.drop_duplicates("doc_id")
    out = {}
    for d, title, text in zip(docs["doc_id"], docs.get("title", pd.Series([""] * len(docs))), docs["text"]):
        out[(d, "title")] = title if isinstance(title, str) else ""
        out[(d, "body")] = text if isinstance(text, str) else ""
    return out


def _spans(rows: pd.DataFrame, documents: pd.DataFrame) -> list[str]:
    texts = _part_text(documents)
    return [texts.get((d, "title" if p == "title" else "body"), "")[int(s):int(e)]
            for d, p, s, e in zip(rows["doc_id"], rows["part"], rows["start"], rows["end"])]


def claim_rows(claims: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Every claim to read: date, group, report, the sentence with the toll marked, then its fields.

    ``claims`` are joined to their documents (:func:`analysis.tolls.claims_with_documents`);
    the ``sentence`` column holds escaped HTML (pass it as an ``html_columns`` of :func:`table_html`).

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["Nine <people> died."]})
        >>> c = pd.DataFrame({"doc_id": ["a"], "source": ["x"], "date": [None], "part": ["body"], "sent_id": [0],
        ...     "start": [0], "end": [18], "category": ["killed"], "min": [9], "max": [9], "vague": [None],
        ...     "qualifier": ["exact"], "victims": ["people"], "scope": ["event"], "source_actor": [None],
        ...     "perpetrator_actor": [None], "sentence": ["Nine <people> died."]})
        >>> claim_rows(c, docs)["sentence"].tolist()
        ['<mark>Nine &lt;people&gt; died</mark>.']
    """
    cols = ["date", by, "doc_id", "sentence", "category", "min", "max", "vague", "qualifier", "victims", "scope",
            "source_actor", "perpetrator_actor", "part", "sent_id"]
    if claims.empty:
        return pd.DataFrame(columns=cols)
    from .plots import style

    c = claims.sort_values([x for x in ("date", "doc_id", "part", "sent_id", "start") if x in claims], kind="stable")
    marked = [mark_in(s, sp) for s, sp in zip(c["sentence"], _spans(c, documents))]
    names = {col: c[col].map(lambda v: style().group_name(v) if isinstance(v, str) else v)
             for col in ("source_actor", "perpetrator_actor") if col in c}
    return c.assign(sentence=marked, **names)[[x for x in cols if x in c]].reset_index(drop=True)


def event_point_rows(points: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The tolls of the same-event chart to read: event, outlet, toll, report, date and the
    sentence with the toll marked (escaped HTML: an ``html_columns`` of :func:`table_html`).

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": ["Jets killed 12 in Homs."]})
        >>> p = pd.DataFrame({"event_id": ["e"], "rank": [1], "source": ["x"], "toll": [12], "doc_id": ["a"],
        ...     "part": ["body"], "sent_id": [0], "start": [5], "end": [14], "date": [None],
        ...     "sentence": ["Jets killed 12 in Homs."]})
        >>> event_point_rows(p, docs)["sentence"].tolist()
        ['Jets <mark>killed 12</mark> in Homs.']
    """
    cols = ["rank", "event_id", "source", "toll", "doc_id", "date", "sentence"]
    if points.empty:
        return pd.DataFrame(columns=cols)
    marked = [mark_in(s, sp) for s, sp in zip(points["sentence"], _spans(points, documents))]
    return points.assign(sentence=marked)[cols].reset_index(drop=True)


def mention_rows(mentions: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source",
                 level: str = "actor_id") -> pd.DataFrame:
    """One row per report and actor: mentions, roles, and the first sentence naming it (name marked).

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a"], "source": ["x"], "date": [None], "title": [""], "text": ["The OAS said."]})
        >>> m = pd.DataFrame({"doc_id": ["a"], "part": ["body"], "sent_id": [0], "start": [4], "end": [7],
        ...     "actor_id": ["INTL"], "role": ["speaker"], "sentence": ["The OAS said."]})
        >>> mention_rows(m, docs)[["actor_id", "mentions", "roles", "first_sentence"]].values.tolist()
        [['INTL', 1, 'speaker 1', 'The <mark>OAS</mark> said.']]
    """
    cols = ["date", by, "doc_id", level, "first_sentence", "mentions", "roles"]
    docs = documents[["doc_id", by, "date"]].drop_duplicates("doc_id")
    m = mentions.merge(docs, on="doc_id", how="inner") if not mentions.empty else mentions
    if m.empty:
        return pd.DataFrame(columns=cols)
    m = m.sort_values(["doc_id", "part", "sent_id", "start"], ascending=[True, False, True, True], kind="stable")
    first = m.drop_duplicates(["doc_id", level])
    marked = {(d, a): mark_in(s, sp) for d, a, s, sp in
              zip(first["doc_id"], first[level], first["sentence"], _spans(first, documents))}
    roles = m.groupby(["doc_id", level, "role"], sort=True).size().rename("n").reset_index()
    role_text = roles.groupby(["doc_id", level])[["role", "n"]].apply(
        lambda g: ", ".join(f"{r} {n}" for r, n in zip(g["role"], g["n"])))
    g = m.groupby(["doc_id", level], sort=True)
    out = pd.DataFrame({by: g[by].first(), "date": g["date"].first(), "mentions": g.size(), "roles": role_text})
    out = out.reset_index()
    out["first_sentence"] = [marked[(d, a)] for d, a in zip(out["doc_id"], out[level])]
    if level == "actor_id":
        from .plots import style

        out[level] = out[level].map(style().group_name)
    return out.sort_values(["date", "doc_id", "mentions"], ascending=[True, True, False], kind="stable")[cols] \
        .reset_index(drop=True)


def pair_rows(edges: pd.DataFrame, *, level: str = "actor_id") -> pd.DataFrame:
    """The co-occurrence pairs to read: each actor group by its display name (ids when ``level`` is
    ``actor``, names already), with its sentences and reports.

    Example:
        >>> e = pd.DataFrame({"a": ["INTL"], "b": ["STATE_B"], "sentences": [4], "reports": [2]})
        >>> pair_rows(e).columns.tolist()
        ['actor a', 'actor b', 'sentences', 'reports']
    """
    out = edges.rename(columns={"a": "actor a", "b": "actor b"})
    if level == "actor_id" and not out.empty:
        from .plots import style

        out = out.assign(**{c: out[c].map(style().group_name) for c in ("actor a", "actor b")})
    return out


def label_rows(labels: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """The labels table with each report's group and date, by date (to search a label's reports)."""
    cols = ["date", by, "doc_id", "referent", "label", "count", "quoted"]
    docs = documents[["doc_id", by, "date"]].drop_duplicates("doc_id")
    out = labels.merge(docs, on="doc_id", how="inner") if not labels.empty else labels
    if out.empty:
        return pd.DataFrame(columns=cols)
    return out.sort_values(["date", "doc_id", "referent", "label"], kind="stable")[cols].reset_index(drop=True)
