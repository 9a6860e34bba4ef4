"""The documents page: every report of the corpus, with what was read in it marked.

``documents.html`` (written beside the reports by ``python -m analysis report``) has one
anchor per report (``#doc-<id>``, see :func:`analysis.htmltables.doc_anchor`), which every doc
id in the reports links to. Each report shows its title, outlet, date, place, link (when the
corpus has an ``http(s)`` url) and text, with its casualty claims marked, actors underlined in
their group's colour and the labels for the parties boxed; hovering a mark says what was read
(category and count, actor and role, label and referent). All text is escaped.

Labels are located again with :func:`analysis.framing.label_mentions` (the labels table keeps
counts, not offsets), with the run's labels lexicon and attributions.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..resources.packs import Pack, pack_of
from .htmltables import doc_anchor
from .style import Style, load_style

PAGE = "documents.html"

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0}
main{max-width:52rem;margin:0 auto;padding:0 1.2rem 4rem 1.2rem;line-height:1.55}
nav{font-size:.9rem;padding:.7rem 0;border-bottom:1px solid #eee}
h1{font-size:1.6rem}article{border-top:1px solid #ddd;padding:.6rem 0 1rem 0}
article:target{background:#fffbea;outline:3px solid #f2c400;outline-offset:6px}
article h2{font-size:1.15rem;margin:.4rem 0}.meta{color:#555;font-size:.85rem;margin:.2rem 0 .6rem 0}
.text{white-space:pre-wrap;font-size:.95rem}
.claim{background:#ffe08a}.actor{border-bottom:2px solid var(--c);padding-bottom:1px}
.label{outline:1px solid #7b4fa8;border-radius:2px}
.key span{margin-right:1rem;white-space:nowrap}.key i{display:inline-block;width:1.4rem;height:.25rem;
  vertical-align:middle;margin-right:.3rem}
details summary{cursor:pointer;font-weight:600}ol.list{font-size:.85rem;columns:2}
@media (max-width:860px){ol.list{columns:1}}
"""


def _count(lo, hi, vague) -> str:
    """A claim's number as written for a reader: ``12``, ``500-1,300`` or the vague word."""
    if isinstance(vague, str) and vague:
        return vague
    if pd.isna(hi):
        return ""
    return f"{int(hi):,}" if lo == hi else f"{int(lo):,}-{int(hi):,}"


def _spans_of(doc_id: str, claims: pd.DataFrame, mentions: pd.DataFrame, labels: Iterable[dict],
              style: Style) -> dict[str, list[tuple[int, int, str, str, str]]]:
    """(start, end, kind, title, colour) per part of one report."""
    out: dict[str, list] = {"title": [], "body": []}
    for r in claims.itertuples(index=False):
        count = _count(r.min, r.max, r.vague)
        out.setdefault(r.part, []).append((int(r.start), int(r.end), "claim",
                                           f"claim: {r.category} {count} ({r.qualifier})", ""))
    for r in mentions.itertuples(index=False):
        out.setdefault(r.part, []).append((int(r.start), int(r.end), "actor",
                                           f"actor: {r.actor} ({style.group_name(r.actor_id)}), {r.role}",
                                           style.colour(r.actor_id, "groups")))
    for m in labels:
        voice = "quoted" if m["quoted"] else "narration"
        out.setdefault(m["part"], []).append((int(m["start"]), int(m["end"]), "label",
                                              f"label '{m['label']}' for {m['referent']} ({voice})", ""))
    return out


def marked_text(text: str, spans: list[tuple[int, int, str, str, str]]) -> str:
    """``text`` escaped, each stretch covered by spans wrapped once with all their classes and titles.

    Example:
        >>> marked_text("A <b> killed 5", [(2, 14, "claim", "claim: killed 5", ""), (2, 5, "actor", "actor: X", "#000000")])
        'A <span class="claim actor" style="--c:#000000" title="claim: killed 5; actor: X">&lt;b&gt;</span><span class="claim" title="claim: killed 5"> killed 5</span>'
    """
    if not spans:
        return html.escape(text)
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        cover = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        if not cover or not piece:
            out.append(piece)
            continue
        kinds = " ".join(dict.fromkeys(k for _, _, k, _, _ in cover))
        colour = next((c for *_, c in cover if c), "")
        style = f' style="--c:{html.escape(colour)}"' if colour else ""
        title = html.escape("; ".join(dict.fromkeys(t for _, _, _, t, _ in cover)))
        out.append(f'<span class="{kinds}"{style} title="{title}">{piece}</span>')
    return "".join(out)


def _label_mentions(documents: pd.DataFrame, attributions: pd.DataFrame, labels_path: str | None,
                    pack: Pack) -> dict[str, list]:
    from ..extract.labels import label_mentions, load_labels
    from ..extract.text import document_sentences

    lex = load_labels(labels_path, pack=pack)
    by_doc = {d: g.to_dict("records") for d, g in attributions.groupby("doc_id", sort=False)} if len(attributions) else {}
    out = {}
    for d, title, text in zip(documents["doc_id"], documents["title"], documents["text"]):
        sents = document_sentences(d, title if isinstance(title, str) else None, text if isinstance(text, str) else "")
        out[d] = label_mentions(sents, lexicon=lex, attributions=by_doc.get(d, []))
    return out


def _meta(row, style: Style) -> str:
    bits = [style.outlet_name(row.get("source")) if pd.notna(row.get("source")) else "(unknown outlet)"]
    if pd.notna(row.get("date")):
        bits.append(pd.Timestamp(row["date"]).strftime("%d %B %Y"))
    if isinstance(row.get("location"), str) and row["location"]:
        bits.append(row["location"])
    if pd.notna(row.get("label")) and str(row.get("label")) in ("0", "1"):
        bits.append("FA-KES label: " + ("credible (1)" if str(row["label"]) == "1" else "not credible (0)"))
    if isinstance(row.get("duplicate_of"), str) and row["duplicate_of"]:
        bits.append(f"repeats {row['duplicate_of']}")
    meta = " · ".join(html.escape(str(b)) for b in bits) + f" · id <code>{html.escape(str(row['doc_id']))}</code>"
    url = row.get("url")
    if isinstance(url, str) and url.strip().lower().startswith(("http://", "https://")):
        meta += f' · <a href="{html.escape(url.strip())}" rel="noopener noreferrer">original</a>'
    return meta


def documents_html(tables, *, style: Style | None = None, index_href: str = "index.html") -> str:
    """The documents page of a corpus's tables (see the module docstring)."""
    pack = pack_of(tables.provenance)
    style = style or load_style(pack=pack)
    docs = tables.documents
    lex = (tables.provenance.get("lexicons") or {}).get("labels", {}).get("path")
    labels = _label_mentions(docs, tables.attributions, lex, pack)
    claims = {d: g for d, g in tables.claims.groupby("doc_id", sort=False)}
    mentions = {d: g for d, g in tables.mentions.groupby("doc_id", sort=False)}
    empty_c, empty_m = tables.claims.iloc[0:0], tables.mentions.iloc[0:0]
    arts, items = [], []
    for row in docs.to_dict("records"):
        d = row["doc_id"]
        spans = _spans_of(d, claims.get(d, empty_c), mentions.get(d, empty_m), labels.get(d, []), style)
        title = row.get("title") if isinstance(row.get("title"), str) else ""
        anchor = doc_anchor(d)
        heading = marked_text(title, spans.get("title", [])) if title else html.escape(str(d))
        arts.append(f'<article id="{anchor}"><h2>{heading}</h2><p class="meta">{_meta(row, style)}</p>'
                    f'<div class="text">{marked_text(row.get("text") or "", spans.get("body", []))}</div></article>')
        items.append(f'<li><a href="#{anchor}">{html.escape(title or str(d))}</a> '
                     f'<small>({html.escape(style.outlet_name(row.get("source")))})</small></li>')
    groups = sorted(set(tables.mentions["actor_id"].dropna())) if len(tables.mentions) else []
    key = "".join(f'<span><i style="background:{style.colour(g, "groups")}"></i>{html.escape(style.group_name(g))}</span>'
                  for g in groups)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The reports, with what was read in them — conflict-coverage</title><style>{CSS}</style></head>
<body><main>
<nav><a href="{html.escape(index_href)}">&larr; All reports</a></nav>
<h1>The reports, with what was read in them</h1>
<p>{len(docs):,} reports. In each, <span class="claim">casualty claims are marked</span>, actors are
underlined in the colour of their group, and <span class="label">labels for the parties</span> are boxed.
Hover over a mark to see what was read there. Report ids in every table link here.</p>
<details><summary>Colours of the actor groups</summary><p class="key">{key}</p></details>
<details><summary>List of the {len(docs):,} reports</summary><ol class="list">{"".join(items)}</ol></details>
{"".join(arts)}
</main></body></html>
"""


def write_documents_page(tables, out_dir: str | Path, *, style: Style | None = None) -> Path:
    """Write ``documents.html`` into ``out_dir`` and return its path."""
    out = Path(out_dir) / PAGE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(documents_html(tables, style=style), encoding="utf-8")
    return out
