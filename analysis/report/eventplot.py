"""The same-event chart: one row per incident, its outlets' tolls side by side, every point a link.

Each row is an event of :func:`analysis.aggregate.events.event_table` (most outlets first);
each point is one report's toll (:func:`analysis.aggregate.events.event_points`) in the
outlet's colour of the style, nudged up or down by the outlet's place in the one outlet order
so that two outlets giving the same number stay visible side by side. A grey bar spans each
event's smallest to largest toll, and its n of outlets is printed at the right. The toll axis
is logarithmic when the largest toll is ten times the smallest or more.

Every point carries a link to its sentence on the documents page: :func:`event_dots` sets
``fig.link_points`` (each point's place in the saved image, its claim's anchor and a hover
text) and :meth:`analysis.report.session.Report.show` lays transparent links over the image
(:func:`overlay_svg`), so a reader clicks a dot to read the sentence it comes from.

Example:
    >>> ev = pd.DataFrame({"event_id": ["e1"], "region": ["idlib"], "place": ["Saraqib"],
    ...     "first_date": pd.to_datetime(["2016-05-03"]), "outlets": [2]})
    >>> pts = pd.DataFrame({"event_id": ["e1", "e1"], "rank": [1, 1], "source": ["SANA", "Reuters"],
    ...     "toll": [12, 15], "doc_id": ["a", "b"], "part": ["body", "title"], "start": [0, 4]})
    >>> t = event_dot_table(pts, ev)
    >>> t[["label", "source", "toll", "anchor"]].values.tolist()
    [['Saraqib, 3 May 2016', 'SANA', 12, 'claim-a-b0'], ['Saraqib, 3 May 2016', 'Reuters', 15, 'claim-b-t4']]
"""

from __future__ import annotations

import html

import pandas as pd

from .htmltables import claim_anchor
from .plots import GREY, PLAIN_NUMBERS, WIDTH, empty_figure, plt, style

#: Events drawn at most (the table lists them all).
MAX_EVENTS = 25
#: Radius of a point's link, in points (1/72 inch).
LINK_RADIUS = 5.5


def event_label(event: pd.Series) -> str:
    """``Place, 3 May 2016`` (the region when no town was named)."""
    place = event.get("place") if isinstance(event.get("place"), str) else str(event.get("region") or "").title()
    return f"{place}, {pd.Timestamp(event['first_date']).day} {pd.Timestamp(event['first_date']):%B %Y}"


def event_dot_table(points: pd.DataFrame, events: pd.DataFrame, *, max_events: int = MAX_EVENTS) -> pd.DataFrame:
    """The points to draw: the first ``max_events`` events, each point with its row, its outlet's
    offset in the row, its event's label and the anchor of its claim on the documents page."""
    cols = ["rank", "label", "event_id", "source", "toll", "doc_id", "offset", "anchor"]
    ev = events.head(max_events)
    p = points[points["event_id"].isin(ev["event_id"])]
    if p.empty:
        return pd.DataFrame(columns=cols)
    order = style().outlet_order(p["source"].unique())
    slot = {o: i for i, o in enumerate(order)}
    span = max(1, len(order) - 1)
    labels = {e: event_label(r) for e, r in zip(ev["event_id"], (r for _, r in ev.iterrows()))}
    out = p.assign(label=p["event_id"].map(labels),
                   offset=[(slot[s] / span - 0.5) * 0.6 if len(order) > 1 else 0.0 for s in p["source"]],
                   anchor=[claim_anchor(d, pt, st) for d, pt, st in zip(p["doc_id"], p["part"], p["start"])])
    out = out.assign(_slot=out["source"].map(slot)).sort_values(["rank", "_slot", "toll"], kind="stable")
    return out[cols].reset_index(drop=True)


def event_dots(points: pd.DataFrame, events: pd.DataFrame, *, title: str, xlabel: str = "people killed",
               max_events: int = MAX_EVENTS):
    """The chart (see the module docstring); ``fig.link_points`` and ``fig.link_box`` place the links."""
    t = event_dot_table(points, events, max_events=max_events)
    if t.empty:
        fig = empty_figure(f"{title}: nothing to show for this selection")
        fig.title_text, fig.empty = title, True
        return fig
    st = style()
    n_rows = int(t["rank"].max())
    fig, ax = plt.subplots(figsize=(WIDTH + 2.2, 1.4 + 0.34 * n_rows))
    rows = t.drop_duplicates("rank").set_index("rank")
    spread = t.groupby("rank")["toll"].agg(["min", "max"])
    ax.hlines(spread.index, spread["min"], spread["max"], color=GREY, linewidth=2.2, zorder=1)
    outlets = st.outlet_order(t["source"].unique())
    for o in outlets:
        d = t[t["source"] == o]
        ax.scatter(d["toll"], d["rank"] + d["offset"], s=34, color=st.colour(o, "outlets"), edgecolor="white",
                   linewidth=0.6, zorder=3, label=o)
    n_out = t.groupby("rank")["source"].nunique()
    for r, n in n_out.items():
        ax.annotate(f"{n} outlets", (1.005, r), xycoords=("axes fraction", "data"), va="center", fontsize=7.5,
                    color="#555555")
    ax.set_yticks(rows.index, [rows.loc[r, "label"] for r in rows.index], fontsize=8)
    ax.set_ylim(n_rows + 0.7, 0.3)
    lo, hi = float(t["toll"].min()), float(t["toll"].max())
    if hi >= 10 * max(lo, 1):
        ax.set_xscale("log")
    ax.margins(x=0.06)
    ax.xaxis.set_major_formatter(PLAIN_NUMBERS)
    ax.grid(axis="x", alpha=0.4)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel + (" (logarithmic scale)" if ax.get_xscale() == "log" else ""))
    ax.set_title(title)
    handles, names = ax.get_legend_handles_labels()
    ax.legend(handles, names, loc="upper left", bbox_to_anchor=(1.09, 1), fontsize=7.5, frameon=False,
              title="outlet", title_fontsize=8)
    fig.tight_layout()
    fig.title_text = title
    fig.alt_text = (f"{title}: {n_rows} incidents reported by two outlets or more, one row each, most outlets "
                    "first; each dot is one report's toll in its outlet's colour, the grey bar the spread from "
                    "the smallest to the largest; click a dot to read its sentence.")
    _link_points(fig, ax, t)
    return fig


def _link_points(fig, ax, t: pd.DataFrame) -> None:
    """Each point's centre in the saved image, in inches from its top left corner (the image is
    saved with a tight bounding box and matplotlib's padding), with its anchor and hover text."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.get_tightbbox(renderer).padded(plt.rcParams["savefig.pad_inches"])
    xy = ax.transData.transform(list(zip(t["toll"].astype(float), t["rank"] + t["offset"])))
    inches = xy / fig.dpi
    fig.link_box = (float(box.width), float(box.height))
    fig.link_points = [
        {"x": float(x - box.x0), "y": float(box.y1 - y), "anchor": a,
         "title": f"{src}: {int(toll):,} ({doc})"}
        for (x, y), a, src, toll, doc in zip(inches, t["anchor"], t["source"], t["toll"], t["doc_id"])]


def overlay_svg(points: list[dict], box: tuple[float, float], *, page: str) -> str:
    """Transparent links over a saved figure: an SVG with the image's size in inches, one circle
    per point linking to ``page#anchor`` with its hover text.

    Example:
        >>> svg = overlay_svg([{"x": 1.0, "y": 0.5, "anchor": "claim-a-b0", "title": "SANA: 12"}], (4.0, 2.0),
        ...                   page="documents.html")
        >>> 'href="documents.html#claim-a-b0"' in svg and "<title>SANA: 12</title>" in svg
        True
    """
    r = LINK_RADIUS / 72
    links = "".join(
        f'<a href="{html.escape(page)}#{html.escape(p["anchor"])}"><circle cx="{p["x"]:.4f}" cy="{p["y"]:.4f}" '
        f'r="{r:.4f}"><title>{html.escape(p["title"])}</title></circle></a>' for p in points)
    return (f'<svg class="cc-links-over" viewBox="0 0 {box[0]:.4f} {box[1]:.4f}" preserveAspectRatio="none" '
            f'xmlns="http://www.w3.org/2000/svg">{links}</svg>')
