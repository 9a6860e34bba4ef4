"""The index of the reports: a guide first, the run log after.

``index.html`` says what each report answers (read from each notebook's opening paragraph,
"What this report answers"), lists the outlets with their display names, what they are and
how many reports each has in the corpus, lists the variants and what each selects, links the
documents page, and then gives the run log (each run's status, time and files) and the
corpus provenance.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from ..io.provenance import corpus_rows
from ..paths import NOTEBOOK_DIR
from ..resources.packs import pack_of
from .style import Style, load_style

_ANSWERS = re.compile(r"\*\*What this report answers:\*\*\s*(.+?)(?:\n\s*\n|$)", re.S)

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;max-width:66rem;
  padding:0 1.2rem;color:#222;line-height:1.5}
h1{font-size:1.7rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;font-size:.9rem;width:100%}
th,td{border-bottom:1px solid #e4e4e4;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.num{text-align:right}.ok{color:#17692f;font-weight:600}
.failed{color:#b00020;font-weight:600}code{font-size:.85rem}.err{color:#b00020;font-size:.85rem;white-space:pre-wrap}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:middle;margin-right:.4rem}
details summary{cursor:pointer;font-weight:600}.lead{font-size:1.05rem}
@media (max-width:860px){td,th{padding:.3rem .3rem}}
"""


def _rel(path: Path, base: Path) -> str:
    return os.path.relpath(path, base).replace(os.sep, "/")


def what_it_answers(notebook: str) -> tuple[str, str]:
    """(title, question) of a notebook, from its first heading and "What this report answers" paragraph."""
    import nbformat

    nb = nbformat.read(NOTEBOOK_DIR / f"{notebook}.ipynb", as_version=4)
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    title = next((line[2:].strip() for line in first.splitlines() if line.startswith("# ")), notebook)
    m = _ANSWERS.search(first)
    return title, " ".join(m.group(1).split()) if m else ""


def selection_words(parameters: Mapping[str, Any], style: Style) -> str:
    """A variant's parameters in words: ``outlets SANA, Al-Manar; 2017-01-01 to 2017-12-31``.

    Example:
        >>> selection_words({"sources": ["sana"], "date_from": "2017-01-01"}, load_style())
        'outlets SANA; from 2017-01-01'
    """
    parts = []
    if parameters.get("sources"):
        parts.append("outlets " + ", ".join(style.outlet_name(s) for s in parameters["sources"]))
    a, b = parameters.get("date_from"), parameters.get("date_to")
    if a and b:
        parts.append(f"{a} to {b}")
    elif a or b:
        parts.append(f"from {a}" if a else f"until {b}")
    rest = {k: v for k, v in parameters.items() if k not in {"sources", "date_from", "date_to", "corpus", "out_dir"}}
    if rest:
        parts.append(json.dumps(rest, ensure_ascii=False))
    return "; ".join(parts) or "the whole corpus"


def _links(runs: Sequence, out: Path) -> str:
    return " · ".join(f'<a href="{html.escape(_rel(r.reader_html, out))}">{html.escape(_short(r.notebook))}</a>'
                      for r in runs if r.reader_html.is_file())


def _short(notebook: str) -> str:
    """``02-casualties`` -> ``casualties``; ``01-corpus-overview`` -> ``overview``."""
    return notebook.split("-")[-1]


def _guide(out: Path, runs: Sequence, documents: pd.DataFrame, style: Style) -> str:
    esc = html.escape
    notebooks = list(dict.fromkeys(r.notebook for r in runs))
    by_variant: dict[str, list] = {}
    for r in runs:
        by_variant.setdefault(r.variant.name, []).append(r)
    rows = []
    for nb in notebooks:
        title, question = what_it_answers(nb)
        main = next((r for r in runs if r.notebook == nb and r.variant.name == "all"), None)
        link = (f'<a href="{esc(_rel(main.reader_html, out))}">{esc(title)}</a>'
                if main is not None and main.reader_html.is_file() else esc(title))
        rows.append(f"<tr><td>{link}</td><td>{esc(question)}</td></tr>")
    reports = "<table><tr><th>report</th><th>what it answers</th></tr>" + "".join(rows) + "</table>"
    counts = documents.groupby(documents["source"].fillna("(unknown)")).size() if "source" in documents else pd.Series()
    out_rows, own = [], {}
    for code in style.outlet_order(counts.index):
        var = next((v for v, rs in by_variant.items() if rs[0].variant.parameters.get("sources") == [code]), None)
        own[code] = _links(by_variant[var], out) if var else ""
    extra = any(own.values())  # a column for one-outlet reports only when the config made them
    for code in style.outlet_order(counts.index):
        about = style.outlets.get(code, {}).get("about", "")
        out_rows.append(f'<tr><td><span class="swatch" style="background:{style.colour(code, "outlets")}"></span>'
                        f"{esc(style.outlet_name(code))}</td><td><code>{esc(code)}</code></td><td>{esc(about)}</td>"
                        f'<td class="num">{int(counts[code]):,}</td>' + (f"<td>{own[code]}</td>" if extra else "")
                        + "</tr>")
    outlets = ("<table><tr><th>outlet</th><th>code</th><th>what it is</th><th>reports</th>"
               + ("<th>its own reports</th>" if extra else "") + "</tr>" + "".join(out_rows) + "</table>")
    var_rows = []
    for name, rs in by_variant.items():
        words = "the whole corpus" if name == "all" else selection_words(rs[0].variant.parameters, style)
        var_rows.append(f"<tr><td>{esc('whole corpus' if name == 'all' else name)}</td><td>{esc(words)}</td>"
                        f"<td>{_links(rs, out)}</td></tr>")
    variants = ("<table><tr><th>variant</th><th>what it selects</th><th>its reports</th></tr>"
                + "".join(var_rows) + "</table>")
    return (f"<h2>What each report answers</h2>{reports}<h2>The outlets</h2><p>Names, colours and order are the same in "
            f"every figure of every report (<code>analysis/resources/lexicons/style.yml</code>).</p>{outlets}"
            f"<h2>The variants</h2><p>Every report is run for the whole corpus and for each variant below.</p>{variants}")


def _run_log(out: Path, runs: Sequence) -> str:
    esc = html.escape
    rows = []
    for r in runs:
        links = []
        if r.reader_html.is_file():
            links.append(f'<a href="{esc(_rel(r.reader_html, out))}">report</a>')
        if r.full_html.is_file():
            links.append(f'<a href="{esc(_rel(r.full_html, out))}">with code</a>')
        if r.executed.is_file():
            links.append(f'<a href="{esc(_rel(r.executed, out))}">notebook</a>')
        params = {k: v for k, v in r.parameters.items() if k not in {"corpus", "out_dir"}}
        err = f'<div class="err">{esc(r.error)}</div>' if r.error else ""
        rows.append(
            f"<tr><td>{esc(r.notebook)}</td><td>{esc(r.variant.name)}</td>"
            f"<td><code>{esc(json.dumps(params, ensure_ascii=False)) if params else '(whole corpus)'}</code></td>"
            f'<td class="{esc(r.status)}">{esc(r.status)}{err}</td><td>{r.seconds:.1f} s</td>'
            f"<td>{' · '.join(links) or '-'}</td></tr>")
    return ("<table><thead><tr><th>notebook</th><th>variant</th><th>parameters</th><th>status</th><th>time</th>"
            f"<th>links</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def write_index(out: Path, runs: Sequence, prov: Mapping[str, Any], *, documents: pd.DataFrame | None = None,
                style: Style | None = None) -> Path:
    """Write ``index.html``: the guide (reports, outlets, variants, documents), then the run log."""
    esc = html.escape
    style = style or load_style(pack=pack_of(prov))
    docs = documents if documents is not None else pd.DataFrame(columns=["doc_id", "source", "date"])
    prov_rows = corpus_rows(prov, sha_chars=64) + [
        ("extraction", f"{prov['extraction']['seconds']} s (cache {prov['extraction']['cache']})"),
        ("report config", prov.get("config") or "none"),
        ("run date (UTC)", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")),
        ("total time", f"{prov.get('total_seconds')} s"),
    ]
    prov_html = "\n".join(f"<tr><th>{esc(str(k))}</th><td><code>{esc(str(v))}</code></td></tr>" for k, v in prov_rows)
    n_ok = sum(r.status == "ok" for r in runs)
    corpus = Path(str(prov.get("corpus") or "corpus")).name
    dates = docs["date"].dropna() if "date" in docs else pd.Series(dtype="datetime64[ns]")
    span = f", dated {dates.min().day} {dates.min():%B %Y} to {dates.max().day} {dates.max():%B %Y}" if len(dates) else ""
    n_out = docs["source"].nunique() if "source" in docs else 0
    failed = f' <b class="err">{len(runs) - n_ok} failed: see the run log.</b>' if n_ok < len(runs) else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Reports on {esc(corpus)} — conflict-coverage</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>
<body>
<h1>How outlets covered the war: reports on {esc(corpus)}</h1>
<p class="lead">{len(docs):,} reports from {n_out} outlets{esc(span)}. Each report opens with its key findings,
computed from the tables below them; every number links to the sentence it comes from, and every report id
to <a href="documents.html">the report's text with what was read in it marked</a>.{failed}</p>
{_guide(out, runs, docs, style)}
<h2>Run log</h2>
<p>{n_ok} of {len(runs)} runs succeeded. The <em>with code</em> version of a report shows how every table and
figure was made; the notebook is the executed file.</p>
{_run_log(out, runs)}
<details><summary>Corpus and run provenance</summary><table>{prov_html}</table></details>
</body></html>
"""
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index
