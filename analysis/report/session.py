"""Notebook support: validate parameters, load cached tables, select reports, save figures.

Every notebook's second cell calls :func:`open_report` with its parameters. It checks them
(a wrong type, an unreadable date, an unknown ``group_by`` column: an :class:`InputError`
naming the parameter), loads the corpus tables through the Parquet cache, keeps the reports
that match ``sources`` and the date window, and returns a :class:`Report` that knows where its
figures go and what its provenance is. An empty selection is not an error: ``report.empty`` is
True and :meth:`Report.notice` says plainly that no reports match.

Outlets are shown by their display names (``resources/lexicons/style.yml``). When the selection holds a
single outlet, :attr:`Report.compared` adds the rest of the corpus (same dates) as one group,
``rest of corpus``, so that figures compare the outlet with the others instead of drawing
single bars. What the reader sees goes through :meth:`Report.show` (a figure with its alt text
and links to its data), :meth:`Report.table` (a complete interactive table) and
:meth:`Report.findings`; an empty figure or table becomes one line saying so.

Example:
    >>> rep = open_report(corpus="data/demo", sources=["sana"], out_dir="/tmp/r")   # doctest: +SKIP
    >>> rep.tables.claims.head()                                                    # doctest: +SKIP
"""

from __future__ import annotations

import html
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from ..errors import InputError, LexiconError, brief, printable
from ..io.corpus import parse_date
from ..io.datelines import CONFLICT_DAYS, DATE_RULES, time_dates
from ..io.documents import group_labels
from ..io.provenance import provenance_table
from ..io.sanitize import clean_label, write_csv
from ..io.tables import TABLE_NAMES, Tables
from ..paths import PACK_DIR, PROJECT_ROOT, REPORTS_DIR
from ..resources.packs import Pack, load_pack
from ..run.pipeline import load_tables
from .plots import save_figure
from .style import REST, Style, load_style


def resolve_path(path: str | Path) -> Path:
    """A relative path is taken from the project root, never from the notebook's folder."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p


def _check_str(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"parameter {name}: expected a string, got {type(value).__name__} {brief(value)}")
    return value.strip()


def _check_path(name: str, value: Any) -> str:
    """A path parameter as text: no NUL or other control character (no file name has one)."""
    s = _check_str(name, value)
    if any(ord(c) < 32 or c == "\x7f" for c in s):
        raise InputError(f"parameter {name}: {brief(s)} holds a control character; give a plain path")
    return s


def _check_pack(value: Any) -> Pack:
    """The ``pack`` parameter: a bundled pack's name, or a folder (relative to the project root)."""
    name = _check_path("pack", value)
    try:
        if name and not (PACK_DIR / name / "pack.yml").is_file() and resolve_path(name).exists():
            name = str(resolve_path(name))
        return load_pack(name or None)
    except LexiconError as exc:
        raise InputError(f"parameter pack: {exc}") from None
    except OSError as exc:  # a name the system refuses (too long)
        raise InputError(f"parameter pack: {printable(name, limit=120)}: {exc.strerror or exc}; give a bundled pack's "
                         "name or a folder") from None


def _check_engine(engine: Any, workers: Any, scheduler: Any) -> tuple[str, str]:
    """The ``engine``, ``workers`` and ``scheduler`` parameters: ``(engine, scheduler)``."""
    engine = _check_str("engine", engine) or "local"
    if engine not in ("local", "dask"):
        raise InputError(f"parameter engine: {brief(engine)}; use 'local' or 'dask'")
    workers = _check_whole("workers", workers, 0, 1024)
    scheduler = _check_str("scheduler", scheduler)
    if scheduler and workers:
        raise InputError("parameter workers: give workers or scheduler, not both (an existing scheduler has its own)")
    return engine, scheduler


def _check_referent(value: Any, role: str, labels_path: str | None, pack: Pack) -> str:
    """A naming referent parameter: empty gives the pack's default (``defaults.referent``)."""
    from ..extract.labels import load_labels

    ref = _check_str("referent", value) or pack.referent(role) or ""
    referents = list(load_labels(labels_path, pack=pack).referents)
    if ref not in referents:
        raise InputError(f"parameter referent: {brief(ref)} is not a referent of the labels lexicon; use one of "
                         f"{', '.join(referents)} (empty: the pack's default)")
    return ref


def _check_date(name: str, value: Any) -> pd.Timestamp | None:
    s = _check_str(name, value)
    if not s:
        return None
    d = parse_date(s)
    if d is None:
        raise InputError(f"parameter {name}: {brief(s)} is not a date; write YYYY-MM-DD (or leave it empty for no limit)")
    return d


def _check_sources(value: Any) -> list[str]:
    """Outlet names as the corpus stores them (invisible characters removed, one space), lower case."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise InputError(f"parameter sources: expected a list of outlet names, got {brief(value)}")
    return [clean_label(v).lower() for v in value if clean_label(v)]


def _check_whole(name: str, value: Any, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InputError(f"parameter {name}: expected a whole number from {low} to {high:,}, got {brief(value)}")
    return value


def _check_lexicons(value: Any) -> dict[str, str]:
    """Lexicon overrides: ``{name: path}``, names and paths as text (names checked by the registry)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, (str, Path))
                                                 for k, v in value.items()):
        raise InputError(f"parameter lexicons: expected a mapping like {{'actors': 'my-actors.yml'}}, got {brief(value)}")
    return {k: str(resolve_path(_check_path(f"lexicons[{brief(k)}]", str(v)))) for k, v in value.items()}


#: The notebooks' own whole-number parameters and their ranges.
WHOLE_PARAMETERS = {"event_window_days": (0, 3650), "min_cooccurrence": (1, 1_000_000), "top_words": (1, 1000)}
#: Values of 03's ``level`` (columns of the mentions table).
LEVELS = ("actor_id", "actor")


def _check_extra(extra: Mapping[str, Any]) -> None:
    """The notebooks' own parameters (``event_window_days``, ``level``, ...; ``referent`` is checked
    against the pack's labels once the pack is known)."""
    for name, (low, high) in WHOLE_PARAMETERS.items():
        if name in extra:
            _check_whole(name, extra[name], low, high)
    if "level" in extra and (not isinstance(extra["level"], str) or extra["level"] not in LEVELS):
        raise InputError(f"parameter level: {brief(extra['level'])}; use 'actor_id' (groups) or 'actor' (actors)")


def select_tables(tables: Tables, doc_ids: Sequence[str]) -> Tables:
    """Keep only the rows of the given documents in every table (skipped is kept whole)."""
    keep = set(doc_ids)
    out = {}
    for name in TABLE_NAMES:
        df = tables[name]
        out[name] = df if name == "skipped" else df[df["doc_id"].isin(keep)].reset_index(drop=True)
    return Tables(**out, provenance=dict(tables.provenance))


@dataclass
class Report:
    """One notebook run: parameters, the selected tables and where its figures go."""

    notebook: str
    parameters: dict[str, Any]
    all_tables: Tables
    tables: Tables
    out_dir: Path
    group_by: str
    started: float = field(default_factory=time.time)
    figures: list[Path] = field(default_factory=list)
    compared: Tables | None = None
    style: Style = field(default_factory=load_style)
    pack: Pack = field(default_factory=load_pack)
    date_rule: str = "dateline"

    def __post_init__(self):
        if self.compared is None:
            self.compared = self.tables

    @property
    def documents(self) -> pd.DataFrame:
        """The selected documents."""
        return self.tables.documents

    @property
    def lexicon_paths(self) -> dict[str, str]:
        """The lexicon files this run used, by registry name (``actors``, ``victims``, ``stopwords``...)."""
        return {k: v["path"] for k, v in (self.tables.provenance.get("lexicons") or {}).items()}

    @property
    def empty(self) -> bool:
        """True when no report matches the selection."""
        return self.tables.documents.empty

    @property
    def group_word(self) -> str:
        """What a group is called in titles: ``outlet`` for sources, else the column's name."""
        return "outlet" if self.group_by == "source" else self.group_by.replace("_", " ")

    @property
    def versus_rest(self) -> bool:
        """True when figures compare the selection's one outlet with the rest of the corpus."""
        return self.compared is not self.tables

    @property
    def page_dir(self) -> Path:
        """Where the reader's page lives: figures go to ``<page_dir>/figures/<run>/``."""
        return self.out_dir.parent.parent if self.out_dir.parent.name == "figures" else self.out_dir

    def link(self, path: Path) -> str:
        """A relative link from the reader's page to a file written by this run."""
        return os.path.relpath(path, self.page_dir).replace(os.sep, "/")

    def selection_text(self) -> str:
        """The selection in words, e.g. ``outlets sana, manar; 2017-01-01 to 2017-12-31``."""
        p = self.parameters
        parts = [f"outlets {', '.join(p['sources'])}" if p.get("sources") else "all outlets"]
        if p.get("date_from") or p.get("date_to"):
            parts.append(f"{p.get('date_from') or 'start'} to {p.get('date_to') or 'end'}")
        else:
            parts.append("all dates")
        return "; ".join(parts)

    def notice(self):
        """The selection in one sentence (a clear notice when nothing matches), as HTML.

        Outlet names and dates come from the corpus and the config, so the sentence is HTML
        with every name escaped, never Markdown (where ``[x](javascript:...)`` would become a
        link), inside an element MathJax is told to skip (``$...$`` in a name is not maths).
        """
        from IPython.display import HTML

        n, total = len(self.documents), len(self.all_tables.documents)
        sel = html.escape(self.selection_text(), quote=True)
        if self.empty:
            return HTML(
                f'<blockquote class="tex2jax_ignore"><p><strong>No reports match this selection</strong> ({sel}). '
                f"The corpus has {total} reports; the tables and figures below are empty. Widen the outlets or "
                "the date window.</p></blockquote>"
            )
        return HTML(f'<p class="tex2jax_ignore">Selection: {sel}: <strong>{n}</strong> of {total} reports.</p>')

    def start(self):
        """Set up the page (the offline table library, once) and show the selection notice.

        Returns the line that says a one-outlet report is compared with the rest of the
        corpus, or None.
        """
        from IPython.display import HTML, display

        from .htmltables import page_setup_html

        display(HTML(page_setup_html()))
        display(self.notice())
        if not self.versus_rest:
            return None
        docs = self.compared.documents
        name = str(self.documents[self.group_by].iloc[0])
        rest = docs.loc[docs[self.group_by] == REST, "doc_id"]
        original = self.all_tables.documents
        groups = original.loc[original["doc_id"].isin(rest), self.group_by].nunique()
        return HTML(f"<p>This report covers one {html.escape(self.group_word)}, <b>{html.escape(name)}</b>. Figures "
                    f"compare it with the <b>rest of the corpus</b> over the same dates: {len(rest):,} reports "
                    f"from {groups} other {html.escape(self.group_word)}{'s' if groups != 1 else ''}.</p>")

    def event_documents(self) -> pd.DataFrame:
        """The documents the same-event section compares: the selection's; in a one-outlet report
        (compared with the rest of the corpus) also every other report of the same dates, each under
        its own outlet, since an incident's tolls are compared outlet by outlet, not with a pool."""
        docs = self.compared.documents
        rest = docs[self.group_by] == REST
        if not rest.any():
            return docs
        own = group_labels(docs["doc_id"].map(self.all_tables.documents.set_index("doc_id")[self.group_by]))
        if self.group_by == "source":
            own = own.map(self.style.outlet_name)
        return docs.assign(**{self.group_by: docs[self.group_by].where(~rest, own)})

    def dates_note(self):
        """One paragraph stating the date rule of every figure over time, with its count here."""
        from IPython.display import HTML

        return HTML(f'<p class="cc-dates tex2jax_ignore">{html.escape(dates_sentence(self.documents, self.date_rule))}</p>')

    def provenance(self):
        """The provenance table, in a collapsed section (it closes the report)."""
        from IPython.display import HTML

        prov = dict(self.tables.provenance)
        prov["n_documents"] = f"{len(self.documents)} selected of {len(self.all_tables.documents)}"
        prov["n_skipped"] = len(self.tables.skipped)
        table = provenance_table(prov, parameters=self.parameters, started=self.started)
        rows = "".join(f"<tr><th>{html.escape(str(k))}</th><td><code>{html.escape(str(v))}</code></td></tr>"
                       for k, v in zip(table["item"], table["value"]))
        return HTML('<details class="cc-provenance"><summary>Provenance: corpus, code, lexicons and parameters of '
                    f'this run</summary><table class="cc-prov">{rows}</table></details>')

    def outlets_key(self):
        """A collapsed key of the outlets in this report: name, code, what it is, reports."""
        from IPython.display import HTML

        docs = self.documents
        if "source" not in docs or docs.empty:
            return HTML("")
        counts = docs.groupby("source").size()
        rows = []
        for name in self.style.outlet_order(counts.index):
            code = self.style.outlet_code(name)
            about = self.style.outlets.get(code, {}).get("about", "")
            rows.append(f"<tr><td>{html.escape(name)}</td><td><code>{html.escape(code)}</code></td>"
                        f"<td>{html.escape(about)}</td><td class='cc-num'>{int(counts[name]):,}</td></tr>")
        return HTML(f'<details class="cc-key"><summary>Outlets in this report ({len(counts)})</summary><table>'
                    "<tr><th>outlet</th><th>code in the corpus</th><th>what it is</th><th>reports</th></tr>"
                    f"{''.join(rows)}</table></details>")

    def save(self, fig, data: pd.DataFrame, name: str) -> Path:
        """Save a figure (PNG + CSV of its data) under ``out_dir`` and close it."""
        import matplotlib.pyplot as plt


        png, _ = save_figure(fig, data, name, self.out_dir)
        self.figures.append(png)
        plt.close(fig)
        return png

    def show(self, fig, data: pd.DataFrame, name: str, *, rows: pd.DataFrame | None = None, table: str = "",
             rows_what: str = "rows", alt: str = ""):
        """Save a figure and show it with its alt text and links to its data.

        Args:
            fig: the figure (``fig.alt_text``, set by :mod:`analysis.plots`, is its alt text).
            data: the data it plots, saved as ``<name>.csv``.
            name: file stem.
            rows: the rows behind it (claims, mentions...), saved as ``<name>-rows.csv``.
            table: the anchor name of the table on this page that lists those rows.
            rows_what: what the rows are, for the link ("claims", "mentions").
            alt: alt text overriding the figure's own.

        An empty ``data`` shows one line instead of an empty figure (its CSV is still written).
        """
        import matplotlib.pyplot as plt
        from IPython.display import HTML

        from .htmltables import DOCUMENTS_PAGE, empty_html, figure_html

        title = getattr(fig, "title_text", "") or name
        if data.empty or getattr(fig, "empty", False):
            plt.close(fig)
            self.out_dir.mkdir(parents=True, exist_ok=True)
            write_csv(data, self.out_dir / f"{name}.csv")
            return HTML(empty_html(f"{title}: nothing to show for this selection."))
        png = self.save(fig, data, name)
        links = [(f"figure data (CSV, {len(data):,} rows)", self.link(png.with_suffix(".csv")))]
        if rows is not None:
            rows_csv = self.out_dir / f"{name}-rows.csv"
            write_csv(rows, rows_csv)
            links.append((f"the {len(rows):,} {rows_what} behind it (CSV)", self.link(rows_csv)))
        if table:
            links.append((f"the table of {rows_what}", f"#table-{table}"))
        overlay = ""
        if getattr(fig, "link_points", None):  # points that link to their sentences (the same-event chart)
            from .eventplot import overlay_svg

            overlay = overlay_svg(fig.link_points, fig.link_box, page=self.link(self.page_dir / DOCUMENTS_PAGE))
        return HTML(figure_html(png, alt=alt or getattr(fig, "alt_text", "") or title, links=links, overlay=overlay))

    def table(self, df: pd.DataFrame, name: str, *, caption: str = "", empty: str | None = None,
              html_columns: tuple[str, ...] = ()):
        """A complete interactive table (search, sort, pages) with its CSV, or one line when empty.

        ``empty`` is the line shown for an empty table ("" shows nothing: another line said it).
        """
        from IPython.display import HTML

        from .htmltables import DOCUMENTS_PAGE, empty_html, table_html

        if df.empty:
            return HTML(empty_html(empty) if empty != "" else "") if empty is not None \
                else HTML(empty_html("No rows for this selection."))
        self.out_dir.mkdir(parents=True, exist_ok=True)
        csv = self.out_dir / f"table-{name}.csv"
        write_csv(df.drop(columns=list(html_columns)), csv)
        return HTML(table_html(df, name=name, caption=caption, csv=self.link(csv), html_columns=html_columns,
                               page=self.link(self.page_dir / DOCUMENTS_PAGE)))

    def findings(self, items: Sequence[tuple[str, str]]):
        """Key findings as a list: each an HTML sentence and the section heading it links to."""
        from IPython.display import HTML

        from .findings import findings_html

        return HTML(findings_html(items))


def open_report(
    *,
    notebook: str,
    corpus: str,
    sources: Sequence[str] | str | None = None,
    date_from: str = "",
    date_to: str = "",
    group_by: str = "source",
    out_dir: str = "",
    lexicons: Mapping[str, str] | None = None,
    engine: str = "local",
    workers: int = 0,
    scheduler: str = "",
    pack: str = "",
    date_rule: str = "dateline",
    **extra: Any,
) -> Report:
    """Validate a notebook's parameters, load the tables and select the reports.

    Args:
        notebook: the notebook's name (for the default figure folder).
        corpus: corpus path (relative to the project root, or absolute).
        sources: outlets to keep (empty keeps all).
        date_from, date_to: inclusive date window as YYYY-MM-DD (empty: no limit).
        group_by: the documents column reports are compared by (``source`` by default).
        out_dir: figure folder (default ``reports/figures/<notebook>``).
        lexicons: optional lexicon overrides, ``{"actors": path, ...}``.
        engine: ``"local"`` or ``"dask"``: how to extract when the tables are not cached.
        workers: Dask workers (0: one per core).
        scheduler: address of an existing Dask scheduler (empty: a local cluster).
        pack: the conflict pack, a bundled name (``syria``, ``muc4``) or a folder (empty: syria).
        date_rule: where a report whose corpus date contradicts its own dateline counts
            (:func:`analysis.io.datelines.time_dates`): ``"dateline"``, ``"drop"`` or
            ``"corpus"``. The selection's dates and every figure over time follow it; the
            corpus date stays in ``documents.corpus_date``.
        **extra: further notebook parameters, recorded in the provenance; ``referent`` (empty:
            the pack's default referent) is checked against the labels lexicon.

    Raises:
        InputError: a parameter of the wrong type or value, or a bad corpus/lexicon.
    """
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 80)
    corpus_s = _check_path("corpus", corpus)
    if not corpus_s:
        raise InputError("parameter corpus: empty; give a folder of .txt reports, a .csv or a .jsonl file")
    src = _check_sources(sources)
    d_from, d_to = _check_date("date_from", date_from), _check_date("date_to", date_to)
    if d_from is not None and d_to is not None and d_from > d_to:
        raise InputError(f"parameter date_from: {brief(date_from)} is after date_to {brief(date_to)}; swap them")
    group_by = _check_str("group_by", group_by) or "source"
    out_dir, date_rule = _check_path("out_dir", out_dir), _check_date_rule(date_rule)
    lex = _check_lexicons(lexicons)
    style_path = lex.pop("style", None)
    pack_obj = _check_pack(pack)
    style = load_style(style_path, pack=pack_obj)
    engine, scheduler = _check_engine(engine, workers, scheduler)
    _check_extra(extra)
    tables = _load(corpus_s, lexicons=lex, engine=engine, workers=workers, scheduler=scheduler, pack=pack_obj.folder)
    if "referent" in extra:
        extra["referent"] = _check_referent(extra["referent"], "referent", lex.get("labels"), pack_obj)
    tables = with_date_rule(tables, date_rule)
    docs = tables.documents
    _check_group_by(group_by, docs)
    mask = pd.Series(True, index=docs.index)
    if src:
        mask &= docs["source"].fillna("").str.lower().isin(src)
    in_dates = _date_mask(docs, d_from, d_to)
    selected = _grouped(select_tables(tables, docs.loc[mask & in_dates, "doc_id"].tolist()), group_by, style)
    compared = _versus_rest(tables, selected, docs.loc[in_dates, "doc_id"], group_by, style)
    params = {"corpus": corpus_s, "sources": src, "date_from": date_from or "", "date_to": date_to or "",
              "group_by": group_by, "out_dir": out_dir, "lexicons": dict(lexicons or {}), "engine": engine,
              "workers": workers, "scheduler": scheduler, "pack": pack_obj.name, "date_rule": date_rule, **extra}
    out = resolve_path(out_dir) if out_dir else REPORTS_DIR / "figures" / notebook
    from .plots import use_style

    use_style(style_path, pack=pack_obj)
    return Report(notebook=notebook, parameters=params, all_tables=tables, tables=selected, out_dir=out,
                  group_by=group_by, compared=compared, style=style, pack=pack_obj, date_rule=date_rule)


def with_date_rule(tables: Tables, rule: str) -> Tables:
    """The tables with ``documents.date`` by the date rule (:func:`analysis.io.datelines.time_dates`)
    and the corpus's own date kept in ``corpus_date``; the other tables are shared, not copied."""
    docs = tables.documents.copy()
    if "corpus_date" not in docs:
        docs["corpus_date"] = docs["date"]
    docs["date"] = time_dates(docs.assign(date=docs["corpus_date"]), rule=rule)
    return replace(tables, documents=docs)


def dates_sentence(documents: pd.DataFrame, rule: str) -> str:
    """The date rule in one sentence, with how many reports of ``documents`` it moves.

    Example:
        >>> docs = pd.DataFrame({"date": pd.to_datetime(["2017-01-02", None, "2017-01-05"]),
        ...                      "date_conflict": [True, None, False]})
        >>> dates_sentence(docs, "drop")[-91:]
        'The overview report lists it. 1 report without a date is left out of the figures over time.'
    """
    has_date = documents["date"].notna() if "date" in documents else pd.Series(True, index=documents.index)
    if "corpus_date" in documents:  # a report the rule 'drop' leaves out of time figures still has a date
        has_date |= documents["corpus_date"].notna()
    dated = int(has_date.sum())
    if len(documents) and not dated:
        return ("Dates: no report of this selection has a date (the corpus gives none and no report states one in "
                "its opening), so nothing can be placed in time and the figures over time are empty.")
    undated = "" if dated == len(documents) else (
        f" {len(documents) - dated:,} report{'s' if len(documents) - dated != 1 else ''} without a date "
        f"{'are' if len(documents) - dated != 1 else 'is'} left out of the figures over time.")
    n = int(documents["date_conflict"].fillna(False).astype(bool).sum()) if "date_conflict" in documents else 0
    head = "Dates: each report is placed in time at the date the corpus gives it"
    if not n:
        return head + "; no report in this selection states a date in its opening that contradicts it." + undated
    which = (f"{n:,} report{'s' if n != 1 else ''} of this selection state{'s' if n == 1 else ''} a date in "
             f"{'its' if n == 1 else 'their'} own opening (dateline or publication stamp) more than "
             f"{CONFLICT_DAYS} days away from it")
    they, are = ("it", "is") if n == 1 else ("they", "are")
    then = {"dateline": f"{they} {are} placed at that date instead (rule 'dateline': a report says when it was "
                        "written)",
            "drop": f"{they} {are} left out of every figure over time (rule 'drop')",
            "corpus": f"{they} stay{'s' if n == 1 else ''} at the corpus date nevertheless (rule 'corpus')"}[rule]
    return f"{head}, except that {which}: {then}. The overview report lists {'it' if n == 1 else 'them'}.{undated}"


def _check_group_by(group_by: str, docs: pd.DataFrame) -> None:
    """``group_by`` must be a documents column (the error lists them)."""
    if group_by not in docs.columns:
        raise InputError(
            f"parameter group_by: {brief(group_by)} is not a documents column; use one of "
            f"{', '.join(c for c in docs.columns if c not in ('text', 'title'))}"
        )


def _check_date_rule(date_rule: Any) -> str:
    """The ``date_rule`` parameter, checked (an :class:`InputError` lists the rules)."""
    date_rule = _check_str("date_rule", date_rule) or "dateline"
    if date_rule not in DATE_RULES:
        raise InputError(f"parameter date_rule: {brief(date_rule)}; use one of {', '.join(map(repr, DATE_RULES))}")
    return date_rule


def _load(corpus: str, *, lexicons: dict[str, str], engine: str, workers: int, scheduler: str,
          pack: Path | None) -> Tables:
    """The corpus tables (cached); a path the system refuses (too long, no permission), a full disk:
    one :class:`InputError` naming the file."""
    try:
        return load_tables(resolve_path(corpus), lexicons=lexicons or None, engine=engine, workers=workers or None,
                           scheduler=scheduler or None, pack=pack)
    except OSError as exc:
        name = printable(exc.filename if exc.filename is not None else corpus, limit=120)
        raise InputError(f"parameter corpus: {name}: {exc.strerror or exc}; check the path, its permissions and "
                         "the free space") from None


def _date_mask(docs: pd.DataFrame, d_from: pd.Timestamp | None, d_to: pd.Timestamp | None) -> pd.Series:
    mask = pd.Series(True, index=docs.index)
    if d_from is not None:
        mask &= docs["date"] >= d_from
    if d_to is not None:
        mask &= docs["date"] <= d_to
    return mask


def _grouped(tables: Tables, group_by: str, style: Style) -> Tables:
    """The tables with the group column readable: missing values named, outlets by display name."""
    docs = tables.documents
    docs[group_by] = group_labels(docs[group_by])
    if group_by == "source":
        docs["source"] = docs["source"].map(style.outlet_name)
    return tables


def _versus_rest(tables: Tables, selected: Tables, in_dates: pd.Series, group_by: str, style: Style) -> Tables:
    """For a one-group selection: the selection plus the rest of the corpus (same dates) as ``REST``.

    Any other selection is compared within itself (returned as is).
    """
    sel_ids = set(selected.documents["doc_id"])
    rest_ids = [d for d in in_dates if d not in sel_ids]
    if selected.documents[group_by].nunique() != 1 or not rest_ids:
        return selected
    both = _grouped(select_tables(tables, [*selected.documents["doc_id"], *rest_ids]), group_by, style)
    docs = both.documents
    docs[group_by] = docs[group_by].where(docs["doc_id"].isin(sel_ids), REST)
    return both


def with_tables(report: Report, tables: Tables) -> Report:
    """A copy of ``report`` with other tables (for tests and what-if selections)."""
    return replace(report, tables=tables, compared=tables)
