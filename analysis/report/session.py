"""Notebook support: validate parameters, load cached tables, select reports, save figures.

Every notebook's second cell calls :func:`open_report` with its parameters. It checks them
(a wrong type, an unreadable date, an unknown ``group_by`` column: an :class:`InputError`
naming the parameter), loads the corpus tables through the Parquet cache, keeps the reports
that match ``sources`` and the date window, and returns a :class:`Report` that knows where its
figures go and what its provenance is. An empty selection is not an error: ``report.empty`` is
True and :meth:`Report.notice` says plainly that no reports match.

Example:
    >>> rep = open_report(corpus="data/demo", sources=["sana"], out_dir="/tmp/r")   # doctest: +SKIP
    >>> rep.tables.claims.head()                                                    # doctest: +SKIP
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from ..errors import InputError
from ..io.corpus import parse_date
from ..io.documents import group_labels
from ..io.provenance import provenance_table
from ..io.tables import TABLE_NAMES, Tables
from ..paths import PROJECT_ROOT, REPORTS_DIR
from ..run.pipeline import load_tables
from .plots import save_figure


def resolve_path(path: str | Path) -> Path:
    """A relative path is taken from the project root, never from the notebook's folder."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p


def _check_str(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"parameter {name}: expected a string, got {type(value).__name__} {value!r}")
    return value.strip()


def _check_date(name: str, value: Any) -> pd.Timestamp | None:
    s = _check_str(name, value)
    if not s:
        return None
    d = parse_date(s)
    if d is None:
        raise InputError(f"parameter {name}: {s!r} is not a date; write YYYY-MM-DD (or leave it empty for no limit)")
    return d


def _check_sources(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise InputError(f"parameter sources: expected a list of outlet names, got {value!r}")
    return [v.strip().lower() for v in value if v.strip()]


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

    def provenance(self) -> pd.DataFrame:
        """The provenance table shown at the top of every report."""
        prov = dict(self.tables.provenance)
        prov["n_documents"] = f"{len(self.documents)} selected of {len(self.all_tables.documents)}"
        prov["n_skipped"] = len(self.tables.skipped)
        return provenance_table(prov, parameters=self.parameters, started=self.started).set_index("item")

    def save(self, fig, data: pd.DataFrame, name: str) -> Path:
        """Save a figure (PNG + CSV of its data) under ``out_dir`` and close it."""
        import matplotlib.pyplot as plt

        png, _ = save_figure(fig, data, name, self.out_dir)
        self.figures.append(png)
        plt.close(fig)
        return png

    def show(self, fig, data: pd.DataFrame, name: str):
        """Save a figure and return an Image to display inline."""
        from IPython.display import Image

        png = self.save(fig, data, name)
        return Image(filename=str(png))


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
        **extra: further notebook parameters, recorded in the provenance.

    Raises:
        InputError: a parameter of the wrong type or value, or a bad corpus/lexicon.
    """
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.max_rows", 80)
    corpus_s = _check_str("corpus", corpus)
    if not corpus_s:
        raise InputError("parameter corpus: empty; give a folder of .txt reports, a .csv or a .jsonl file")
    src = _check_sources(sources)
    d_from, d_to = _check_date("date_from", date_from), _check_date("date_to", date_to)
    if d_from is not None and d_to is not None and d_from > d_to:
        raise InputError(f"parameter date_from: {date_from} is after date_to {date_to}; swap them")
    group_by = _check_str("group_by", group_by) or "source"
    if lexicons is not None and not isinstance(lexicons, Mapping):
        raise InputError(f"parameter lexicons: expected a mapping like {{'actors': 'my-actors.yml'}}, got {lexicons!r}")
    lex = {k: str(resolve_path(v)) for k, v in (lexicons or {}).items()}
    engine = _check_str("engine", engine) or "local"
    if engine not in ("local", "dask"):
        raise InputError(f"parameter engine: {engine!r}; use 'local' or 'dask'")
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        raise InputError(f"parameter workers: expected a whole number >= 0, got {workers!r}")
    scheduler = _check_str("scheduler", scheduler)
    if scheduler and workers:
        raise InputError("parameter workers: give workers or scheduler, not both (an existing scheduler has its own)")
    tables = load_tables(resolve_path(corpus_s), lexicons=lex or None, engine=engine, workers=workers or None,
                         scheduler=scheduler or None)
    docs = tables.documents
    if group_by not in docs.columns:
        raise InputError(
            f"parameter group_by: {group_by!r} is not a documents column; use one of "
            f"{', '.join(c for c in docs.columns if c not in ('text', 'title'))}"
        )
    mask = pd.Series(True, index=docs.index)
    if src:
        mask &= docs["source"].fillna("").str.lower().isin(src)
    if d_from is not None:
        mask &= docs["date"] >= d_from
    if d_to is not None:
        mask &= docs["date"] <= d_to
    selected = select_tables(tables, docs.loc[mask, "doc_id"].tolist())
    sel_docs = selected.documents
    sel_docs[group_by] = group_labels(sel_docs[group_by])
    params = {"corpus": corpus_s, "sources": src, "date_from": date_from or "", "date_to": date_to or "",
              "group_by": group_by, "out_dir": out_dir, "lexicons": dict(lexicons or {}), "engine": engine,
              "workers": workers, "scheduler": scheduler, **extra}
    out = resolve_path(out_dir) if out_dir else REPORTS_DIR / "figures" / notebook
    return Report(notebook=notebook, parameters=params, all_tables=tables, tables=selected, out_dir=out,
                  group_by=group_by)


def with_tables(report: Report, tables: Tables) -> Report:
    """A copy of ``report`` with other tables (for tests and what-if selections)."""
    return replace(report, tables=tables)
