"""The reader's HTML: an executed notebook rendered as a self-contained page.

:func:`render_html` uses nbconvert with the project's ``reader`` template (JupyterLab's ``lab``
template without its CDN scripts: no require.js, MathJax or Mermaid, so opening a page makes no
request to another host and "$" in report text is never typeset). Before rendering,
:func:`reader_notebook` prepares the reader's version: it drops the cells tagged ``developer``
(how to run the notebook), puts a table of contents after the cell tagged ``findings``, and
titles the page with the report and its variant.
"""

from __future__ import annotations

import copy
import html
import re
import threading
from pathlib import Path

from .findings import anchor

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.M)
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.M)
_local = threading.local()

READER_CSS = """
main{max-width:66rem;margin:0 auto;padding:0 1.2rem 3rem 1.2rem}
body.jp-Notebook{padding:0}
.jp-Cell{padding:0}.jp-OutputArea-output{overflow-x:auto}
.jp-RenderedHTMLCommon{font-size:15px;line-height:1.5}
.jp-RenderedHTMLCommon h1{font-size:1.8rem;margin-top:.6rem}
.jp-RenderedHTMLCommon h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.jp-RenderedHTMLCommon table:not(.dataTable){border-collapse:collapse;font-size:.85rem;margin:.4rem 0;
  table-layout:auto;width:auto}
.jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th{text-align:left;vertical-align:top;padding:.25rem .5rem}
.jp-RenderedHTMLCommon td.cc-num,.jp-RenderedHTMLCommon th.cc-num{text-align:right}
.jp-RenderedHTMLCommon tr:nth-child(even){background:transparent}
.jp-RenderedHTMLCommon img{max-width:100%;height:auto}
.cc-nav{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:.9rem;padding:.7rem 0;border-bottom:1px solid #eee;margin-bottom:.6rem}
.cc-toc ol{columns:2;column-gap:2rem;margin:.3rem 0 0 0}.cc-toc li{margin:.15rem 0}
@media (max-width:860px){.cc-toc ol{columns:1}main{padding:0 .6rem 2rem .6rem}}
details{margin:1rem 0}details table{margin-top:.5rem}
"""


def page_title(nb, variant: str) -> str:
    """``"02 · Casualties — all reports"``: the notebook's first heading and the variant."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = _TITLE.search(cell.source)
            if m:
                return f"{m.group(1)} — {variant}"
    return f"Report — {variant}"


def contents_html(nb) -> str:
    """A table of contents of the notebook's ``##`` headings (those after the findings)."""
    items = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for h in _HEADING.findall(cell.source):
                if h.strip().lower() != "key findings":
                    items.append(f'<li><a href="#{html.escape(anchor(h))}">{html.escape(h)}</a></li>')
    return f'<nav class="cc-toc"><b>Contents</b><ol>{"".join(items)}</ol></nav>' if items else ""


def reader_notebook(nb, *, title: str, reader: bool = True):
    """A copy of ``nb`` for the page: titled; for readers without ``developer`` cells, with contents."""
    import nbformat

    out = copy.deepcopy(nb)
    out.metadata["title"] = title
    if not reader:
        return out
    out.cells = [c for c in out.cells if "developer" not in c.metadata.get("tags", [])]
    toc = contents_html(out)
    at = next((i for i, c in enumerate(out.cells) if "findings" in c.metadata.get("tags", [])), None)
    if toc and at is not None:
        out.cells.insert(at + 1, nbformat.v4.new_markdown_cell(toc))
    return out


def _exporter(hide_code: bool):
    """One nbconvert exporter per thread and kind (building one costs about a second)."""
    key = f"exporter_{hide_code}"
    if not hasattr(_local, key):
        from nbconvert import HTMLExporter

        ex = HTMLExporter(template_name="reader", extra_template_basedirs=[str(TEMPLATE_DIR)])
        ex.exclude_input = ex.exclude_input_prompt = ex.exclude_output_prompt = hide_code
        setattr(_local, key, ex)
    return getattr(_local, key)


def render_html(executed: Path, target: Path, *, hide_code: bool, title: str = "Report", index_href: str = "index.html",
                documents_href: str = "documents.html", other: tuple[str, str] | None = None) -> None:
    """Render an executed notebook to a self-contained HTML page.

    Args:
        executed: the executed ``.ipynb``.
        target: the HTML file to write.
        hide_code: the reader's version (no code, no prompts, no developer cells, contents).
        title: the page title (report and variant).
        index_href, documents_href: links in the page's top bar.
        other: (label, href) of the other version of the page (with or without code).
    """
    import nbformat

    nb = reader_notebook(nbformat.read(executed, as_version=4), title=title, reader=hide_code)
    resources = {"cc_css": READER_CSS, "cc_index": index_href, "cc_documents": documents_href, "cc_other": other,
                 "metadata": {"name": title}}
    body, _ = _exporter(hide_code).from_notebook_node(nb, resources=resources)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
