"""Figures: one visual grammar, honest small samples, and one helper that saves PNG + CSV.

Every chart takes tidy data and draws it with the colours, names and outlet order of
:mod:`analysis.report.style` (``resources/lexicons/style.yml``), so an actor group, a label or an outlet has the
same colour and place in every figure of every report. The small-sample rule of
:func:`analysis.style.is_small` is applied in one place per chart type: a share resting on
fewer than ``MIN_N`` reports, claims or labels is drawn greyed and marked with its n.

Each chart function builds its data with a pure ``*_table`` function (tested with hand-made
frames) and sets ``fig.alt_text``: the title and what the figure plots, for the reader's page.
The backend is non-interactive (Agg) and PNG metadata is fixed, so the same data gives
byte-identical files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullLocator  # noqa: E402

from ..io.documents import group_labels as labels_of  # noqa: E402  (missing values shown as "(unknown)")
from ..io.sanitize import write_csv  # noqa: E402
from ..resources.packs import Pack  # noqa: E402
from .dateaxis import date_axis, date_span, in_span, keep_in_calendar, left_out, month  # noqa: E402
from .style import MIN_N, apply_matplotlib_style, is_small, load_style  # noqa: E402

#: Fixed PNG metadata: no software version or timestamp, so files are reproducible.
PNG_METADATA = {"Software": None}
#: Tick labels as plain numbers with thousands separators (mathtext is off, so no "10^3").
PLAIN_NUMBERS = FuncFormatter(lambda v, _pos: f"{v:,.0f}" if v >= 1 else f"{v:g}")
#: Colour of greyed (small-sample) marks and of "nothing" categories.
GREY = "#c8c8c8"
WIDTH = 7.6

apply_matplotlib_style()
_CURRENT: dict[str, Any] = {"style": None, "pack": None}


def use_style(path: str | None, *, pack: Pack | None = None) -> None:
    """Use another style file (``None``: the bundled one) and the group names and colours of
    ``pack`` (``None``: the Syria pack) for the figures that follow."""
    _CURRENT["style"] = path
    _CURRENT["pack"] = pack
    load_style(path, pack=pack)


def style():
    """The style in use (see :func:`use_style`)."""
    return load_style(_CURRENT["style"], pack=_CURRENT.get("pack"))


def save_figure(fig, data: pd.DataFrame, name: str, out_dir: str | Path) -> tuple[Path, Path]:
    """Save ``fig`` as ``<out_dir>/<name>.png`` and ``data`` as ``<out_dir>/<name>.csv`` (spreadsheet-safe).

    Example:
        >>> fig, ax = plt.subplots(); _ = ax.bar(["a"], [1])
        >>> png, csv = save_figure(fig, pd.DataFrame({"x": ["a"], "y": [1]}), "demo", "/tmp/cc-fig")
        >>> png.name, csv.name
        ('demo.png', 'demo.csv')
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    png, csv = out / f"{name}.png", out / f"{name}.csv"
    fig.savefig(png, metadata=PNG_METADATA, bbox_inches="tight")
    write_csv(data, csv)  # cells that would start a spreadsheet formula get a leading '
    return png, csv


def label(value, kind: str | None = None) -> str:
    """How a category is written in a figure: group ids by name, label keys with spaces.

    Example:
        >>> label("NEW_GROUP", "groups"), label("armed_groups", "labels"), label("at_least", "qualifiers")
        ('NEW_GROUP', 'armed groups', 'at least')
    """
    v = str(value)
    if kind == "groups":
        return style().group_name(v)
    if kind == "outlets":
        return style().outlet_name(v)
    return v.replace("_", " ") if kind in ("labels", "qualifiers", "frames") else v


def order_groups(values, kind: str | None = "outlets") -> list[str]:
    """Categories in their one order: outlets as in the style file; anything else sorted."""
    vals = [str(v) for v in dict.fromkeys(values)]
    return style().outlet_order(vals) if kind == "outlets" else sorted(vals)


def _finish(fig, alt: str):
    fig.alt_text = alt
    fig.title_text = alt.split(". ")[0]
    return fig


def empty_figure(message: str = "Nothing to show for this selection", *, figsize=(6, 1.0)):
    """A small figure that says there is nothing to plot (``report.show`` writes one line instead)."""
    fig, ax = plt.subplots(figsize=figsize)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="0.3")
    return _finish(fig, message)


def _empty(title: str):
    fig = empty_figure(f"{title}: nothing to show for this selection")
    fig.title_text, fig.empty = title, True
    return fig


def faded(colour: str, small: bool = True) -> str:
    """The colour blended three quarters towards white when the sample is small (the greyed look).

    Example:
        >>> faded("#000000"), faded("#000000", small=False)
        ('#bfbfbf', '#000000')
    """
    if not small:
        return colour
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(v + (255 - v) * 0.75):02x}" for v in (r, g, b))


def _n_label(name: str, n: int) -> str:
    return f"{name}  (n={n:,}, too few)" if is_small(n) else f"{name}  (n={n:,})"


def _panels(n: int, cols: int, height: float, **kw):
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(WIDTH, height * rows + 0.7), squeeze=False, **kw)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    total = height * rows + 0.7
    fig.subplots_adjust(left=0.1, right=0.98, top=1 - 0.8 / total, bottom=0.5 / total, hspace=0.55, wspace=0.25)
    fig.cc_title_y = 1 - 0.12 / total
    return fig, axes


# --------------------------------------------------------------------------- counts


def count_bars(data: pd.DataFrame, *, y: str, x: str, title: str, xlabel: str, kind: str | None = "outlets"):
    """Horizontal bars of counts (``x``) per category (``y``), in the one order, counts written.

    Example:
        >>> fig = count_bars(pd.DataFrame({"source": ["Reuters", "SANA"], "reports": [3, 12]}),
        ...                  y="source", x="reports", title="Reports", xlabel="reports")
        >>> fig.alt_text
        'Reports. Horizontal bars: reports for each of 2 categories (SANA 12, Reuters 3).'
    """
    if data.empty:
        return _empty(title)
    d = data.groupby(labels_of(data[y]), sort=False)[x].sum()
    order = order_groups(d.index, kind)
    d = d.loc[order]
    fig, ax = plt.subplots(figsize=(WIDTH, max(1.6, 0.3 * len(d) + 0.9)))
    colours = [style().colour(v, kind) for v in d.index]
    ax.barh(range(len(d)), d.to_numpy(), color=colours, height=0.72)
    ax.set_yticks(range(len(d)), [label(v, kind) for v in d.index])
    ax.invert_yaxis()
    for i, v in enumerate(d.to_numpy()):
        ax.text(v, i, f" {int(v):,}", va="center", fontsize=8, color="#333333")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    listed = ", ".join(f"{label(k, kind)} {int(v):,}" for k, v in d.sort_values(ascending=False, kind="stable").head(6).items())
    return _finish(fig, f"{title}. Horizontal bars: {xlabel} for each of {len(d)} categories ({listed}).")


def full_periods(data: pd.DataFrame, *, period: str, freq: str, count: str | None = None) -> pd.DatetimeIndex:
    """Every period from the first to the last in ``data`` (empty ones included, so gaps show),
    within the span of :func:`analysis.report.dateaxis.date_span` (weighted by ``count``)."""
    span = date_span(data[period], weights=None if count is None else data[count])
    if span is None:
        return pd.DatetimeIndex([])
    return pd.period_range(span[0], span[1], freq=freq).start_time


def period_table(data: pd.DataFrame, *, period: str, count: str, facet: str | None, freq: str) -> pd.DataFrame:
    """Counts per period (and facet), with a zero row for every empty period in the span.

    Example:
        >>> d = pd.DataFrame({"period": pd.to_datetime(["2017-01-01", "2017-03-01"]), "reports": [2, 1]})
        >>> period_table(d, period="period", count="reports", facet=None, freq="M")["reports"].tolist()
        [2, 0, 1]
    """
    periods = full_periods(data, period=period, freq=freq, count=count)
    if facet is None:
        s = data.groupby(pd.to_datetime(data[period]))[count].sum().reindex(periods, fill_value=0)
        return pd.DataFrame({period: periods, count: s.to_numpy().astype(int)})
    facets = order_groups(labels_of(data[facet]).unique())
    idx = pd.MultiIndex.from_product([facets, periods], names=[facet, period])
    s = data.assign(**{facet: labels_of(data[facet]), period: pd.to_datetime(data[period])}) \
        .groupby([facet, period])[count].sum().reindex(idx, fill_value=0)
    return s.astype(int).reset_index()


def period_panels(data: pd.DataFrame, *, period: str, count: str, facet: str, title: str, ylabel: str,
                  freq: str, kind: str | None = "outlets", cols: int = 3):
    """Small multiples: one bar panel of counts per period for each facet (outlet), shared axes."""
    if data.empty:
        return _empty(title)
    t = period_table(data, period=period, count=count, facet=facet, freq=freq)
    outside = left_out(data[period], date_span(data[period], weights=data[count]), weights=data[count], what=ylabel)
    facets = list(dict.fromkeys(t[facet]))
    fig, axes = _panels(len(facets), cols, 1.45, sharex=True, sharey=True)
    width = {"M": 25, "Q": 80, "Y": 300}.get(freq, 25)
    first, last = t[period].min(), t[period].max()
    for ax, name in zip(axes.flat, facets):
        part = t[t[facet] == name]
        ax.bar(part[period], part[count], width=width, color=style().colour(name, kind))
        ax.set_title(f"{label(name, kind)} ({int(part[count].sum()):,})", fontsize=8.5, loc="left")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
        ax.tick_params(axis="x", labelsize=7)
    date_axis(axes.flat[0], first, last)
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel)
    fig.suptitle(title, x=0.01, y=fig.cc_title_y, ha="left", va="top", fontweight="bold", fontsize=10.5)
    return _finish(fig, f"{title}. Small multiples, one bar chart per {facet} ({len(facets)}): {ylabel} per period "
                        f"from {month(first)} to {month(last)}; empty periods show as gaps.{outside}")


# --------------------------------------------------------------------------- shares


def hue_order(table: pd.DataFrame) -> list[str]:
    """Categories by their total ``count``, largest first; "(no source)"-like ones last.

    Example:
        >>> hue_order(pd.DataFrame({"hue": ["(none)", "b", "a", "a"], "count": [9, 2, 1, 1]}))
        ['a', 'b', '(none)']
    """
    totals = table.groupby("hue")["count"].sum()
    return sorted(totals.index, key=lambda h: (str(h).startswith("("), -totals[h], str(h)))


def share_table(data: pd.DataFrame, *, group: str, hue: str, count: str, kind: str | None = None,
                group_kind: str | None = "outlets") -> pd.DataFrame:
    """Shares of each ``hue`` within each ``group``, with the group's n and the small-sample flag.

    Returns:
        Columns group, hue, count, n, share, small; groups in the one order, hues by total.

    Example:
        >>> d = pd.DataFrame({"g": ["a", "a", "b"], "h": ["x", "y", "x"], "c": [3, 1, 20]})
        >>> share_table(d, group="g", hue="h", count="c", group_kind=None).values.tolist()
        [['a', 'x', 3, 4, 0.75, True], ['a', 'y', 1, 4, 0.25, True], ['b', 'x', 20, 20, 1.0, False]]
    """
    cols = ["group", "hue", "count", "n", "share", "small"]
    if data.empty:
        return pd.DataFrame(columns=cols)
    d = data.assign(group=labels_of(data[group]), hue=labels_of(data[hue]))
    d = d.groupby(["group", "hue"], sort=False)[count].sum().rename("count").reset_index()
    d["count"] = d["count"].astype(int)
    d["n"] = d.groupby("group")["count"].transform("sum").astype(int)
    d["share"] = (d["count"] / d["n"].where(d["n"] > 0)).round(4)
    d["small"] = d["n"].map(is_small)
    hues = hue_order(d)
    groups = order_groups(d["group"], group_kind)
    d["_g"] = d["group"].map({g: i for i, g in enumerate(groups)})
    d["_h"] = d["hue"].map({h: i for i, h in enumerate(hues)})
    return d.sort_values(["_g", "_h"], kind="stable")[cols].reset_index(drop=True)


def _legend_below(fig, handles, ncol: int, height: float) -> None:
    """The legend under the x axis label, in a band of the figure kept free for it."""
    rows = -(-len(handles) // max(1, ncol))
    band = 0.62 + 0.19 * rows  # inches: tick labels, axis label, legend rows
    fig.subplots_adjust(bottom=band / height, top=1 - 0.4 / height)
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.12, 0.04 / height), ncol=ncol, fontsize=7.5,
               handlelength=1.2, columnspacing=1.0)


def share_bars(data: pd.DataFrame, *, group: str, hue: str, count: str, kind: str | None, title: str,
               xlabel: str = "share", group_kind: str | None = "outlets", first_hues: list | None = None):
    """100% stacked bars: each group's split by ``hue``, n beside each bar, small n greyed.

    Categories are stacked from the most frequent; ``first_hues`` puts some first (for example
    a lexicon's label order, so that "terrorists" always starts the bar).
    """
    t = share_table(data, group=group, hue=hue, count=count, kind=kind, group_kind=group_kind)
    if t.empty:
        return _empty(title)
    hues = hue_order(t)
    if first_hues:
        first = [h for h in map(str, first_hues) if h in hues]
        hues = first + [h for h in hues if h not in first]
    groups = list(dict.fromkeys(t["group"]))
    wide = t.pivot_table(index="group", columns="hue", values="share", aggfunc="sum", fill_value=0).reindex(
        index=groups, columns=hues, fill_value=0)
    n = t.groupby("group", sort=False)["n"].first().reindex(groups)
    height = 0.34 * len(groups) + 1.0 + 0.19 * -(-len(hues) // 4)
    fig, ax = plt.subplots(figsize=(WIDTH, height))
    left = np.zeros(len(groups))
    small = np.array([is_small(v) for v in n])
    colours = style().figure_palette(hues, kind)
    for h in hues:
        vals = wide[h].to_numpy()
        colour = colours[str(h)]
        ax.barh(range(len(groups)), vals, left=left, height=0.74, color=[faded(colour, s) for s in small],
                edgecolor="white", linewidth=0.4, label=label(h, kind))
        left += vals
    ax.set_yticks(range(len(groups)), [_n_label(label(g, group_kind), int(v)) for g, v in n.items()])
    for tick, s in zip(ax.get_yticklabels(), small):
        tick.set_color("#999999" if s else "#222222")
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0%}"))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[str(h)], label=label(h, kind)) for h in hues]
    _legend_below(fig, handles, ncol=min(4, len(hues)), height=height)
    greyed = int(small.sum())
    note = f" {greyed} with fewer than {MIN_N} are greyed." if greyed else ""
    return _finish(fig, f"{title}. Stacked bars, one per {group} ({len(groups)}), split by {hue}: "
                        f"{', '.join(label(h, kind) for h in hues[:8])}; n is written beside each bar.{note}")


def heatmap(wide: pd.DataFrame, *, title: str, fmt: str = "{:.2f}", n: pd.Series | None = None,
            row_n: pd.Series | None = None, counts: pd.DataFrame | None = None, xlabel: str = "", ylabel: str = "",
            row_kind: str | None = None, col_kind: str | None = None, cmap: str = "Blues", percent: bool = False):
    """A shaded table: colour from ``wide``'s values, the value (and count) written in each cell.

    ``n`` (indexed like the columns) or ``row_n`` (like the rows) fades whole columns or rows
    whose n is small, and writes n in their labels; ``counts`` adds the count under each value.
    Columns that are outlets follow the one order.
    """
    if wide.empty:
        return _empty(title)
    if col_kind == "outlets":
        wide = wide[order_groups(wide.columns)]
    values = wide.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(min(WIDTH + 2, max(4.5, 0.62 * len(wide.columns) + 2.6)),
                                    max(1.8, 0.36 * len(wide) + 1.4)))
    vmax = np.nanmax(values) if np.isfinite(values).any() else 1.0
    ax.imshow(np.ma.masked_invalid(values), cmap=cmap, aspect="auto", vmin=0, vmax=vmax or 1.0)
    small_cols = [is_small(n.get(c)) if n is not None else False for c in wide.columns]
    small_rows = [is_small(row_n.get(r)) if row_n is not None else False for r in wide.index]
    for c, small in enumerate(small_cols):
        if small:
            ax.add_patch(plt.Rectangle((c - 0.5, -0.5), 1, len(wide), color="white", alpha=0.72, zorder=2, lw=0))
    for r, small in enumerate(small_rows):
        if small:
            ax.add_patch(plt.Rectangle((-0.5, r - 0.5), len(wide.columns), 1, color="white", alpha=0.72, zorder=2, lw=0))
    for (r, c), v in np.ndenumerate(values):
        if np.isnan(v):
            continue
        text = f"{v:.0%}" if percent else fmt.format(v)
        if counts is not None:
            text += f"\n{int(counts.iloc[r, c]):,}"
        colour = "#8a8a8a" if small_cols[c] or small_rows[r] else ("white" if v > 0.6 * vmax else "#222222")
        ax.text(c, r, text, ha="center", va="center", fontsize=6.8, color=colour, zorder=3, linespacing=0.9)
    xt = [label(cname, col_kind) + (f" · n={int(n.get(cname)):,}" if n is not None else "") for cname in wide.columns]
    turn = max(len(t) for t in xt) > 10
    ax.set_xticks(range(len(wide.columns)), xt, rotation=45 if turn else 0, ha="right" if turn else "center",
                  rotation_mode="anchor")
    for tick, small in zip(ax.get_xticklabels(), small_cols):
        tick.set_color("#999999" if small else "#222222")
    yt = [label(i, row_kind) + (f" · n={int(row_n.get(i, 0)):,}" if row_n is not None else "") for i in wide.index]
    ax.set_yticks(range(len(wide.index)), yt)
    for tick, small in zip(ax.get_yticklabels(), small_rows):
        tick.set_color("#999999" if small else "#222222")
    ax.tick_params(length=0)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    for spine in ax.spines.values():
        spine.set_visible(False)
    greyed = sum(small_cols) + sum(small_rows)
    note = f" {greyed} columns or rows with n under {MIN_N} are faded." if greyed else ""
    return _finish(fig, f"{title}. Shaded table of {len(wide)} rows ({ylabel or 'rows'}) by {len(wide.columns)} "
                        f"columns ({xlabel or 'columns'}), the value written in each cell.{note}")


# --------------------------------------------------------------------------- over time


def share_lines_table(data: pd.DataFrame, *, period: str, hue: str, count: str, freq: str) -> pd.DataFrame:
    """Per period and hue: count, the period's n and share; empty periods are rows with n = 0.

    The share is the hue's count over the period's total ``count`` (labels), so the lines of one
    period add up to 1. A period without data has ``share`` empty, so a line breaks there.

    Example:
        >>> d = pd.DataFrame({"period": pd.to_datetime(["2017-01-01", "2017-01-01", "2017-03-01"]),
        ...                   "label": ["a", "b", "a"], "count": [3, 1, 2]})
        >>> share_lines_table(d, period="period", hue="label", count="count", freq="M").values.tolist()[:3]
        [[Timestamp('2017-01-01 00:00:00'), 'a', 3, 4, 0.75], [Timestamp('2017-02-01 00:00:00'), 'a', 0, 0, nan], [Timestamp('2017-03-01 00:00:00'), 'a', 2, 2, 1.0]]
    """
    cols = [period, hue, "count", "n", "share"]
    if data.empty:
        return pd.DataFrame(columns=cols)
    periods = full_periods(data, period=period, freq=freq, count=count)
    d = data.assign(**{period: pd.to_datetime(data[period]), hue: labels_of(data[hue])})
    hues = d.groupby(hue)[count].sum().sort_index().sort_values(ascending=False, kind="stable").index
    idx = pd.MultiIndex.from_product([hues, periods], names=[hue, period])
    c = d.groupby([hue, period])[count].sum().reindex(idx, fill_value=0).astype(int).rename("count").reset_index()
    n = d.groupby(period)[count].sum().reindex(periods, fill_value=0).astype(int)
    c["n"] = c[period].map(n).astype(int)
    c["share"] = (c["count"] / c["n"].where(c["n"] > 0)).round(4)
    return c[cols]


def share_lines(data: pd.DataFrame, *, period: str, hue: str, count: str, title: str, ylabel: str, freq: str,
                kind: str | None = None, n_label: str = "reports"):
    """Shares over time, one line per hue, broken where a period is empty; a bar panel shows n.

    ``data`` has a count per (period, hue) and the shares are of the period's total count
    (:func:`reports_share_lines` takes shares of something else, such as reports). Periods
    resting on fewer than ``MIN_N`` are left out (their n still shows in the bars).
    """
    t = share_lines_table(data, period=period, hue=hue, count=count, freq=freq)
    return _lines(t, period=period, hue=hue, title=title, ylabel=ylabel, freq=freq, kind=kind, n_label=n_label)


def _lines(t: pd.DataFrame, *, period: str, hue: str, title: str, ylabel: str, freq: str, kind: str | None,
           n_label: str):
    if t.empty:
        return _empty(title)
    fig, (ax, axn) = plt.subplots(2, 1, figsize=(WIDTH, 4.6), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    width = {"M": 25, "Q": 80, "Y": 300}.get(freq, 25)
    colours = style().figure_palette(dict.fromkeys(t[hue]), kind)
    for h, g in t.groupby(hue, sort=False):
        ok = g["share"].where(~g["n"].map(is_small))  # small periods are left out: the bars below show them
        ax.plot(g[period], ok, color=colours[str(h)], lw=1.6, marker="o", ms=3.5, label=label(h, kind))
    n = t.groupby(period, sort=True)["n"].first()
    axn.bar(n.index, n.to_numpy(), width=width, color=[GREY if is_small(v) else "#7f7f7f" for v in n])
    axn.set_ylabel(n_label)
    axn.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0%}"))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(axis="y")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7.5)
    fig.autofmt_xdate()
    keep_in_calendar(ax, t[period].min(), t[period].max())
    hues = list(dict.fromkeys(t[hue]))
    return _finish(fig, f"{title}. Lines of {ylabel} per period for {len(hues)} categories "
                        f"({', '.join(label(h, kind) for h in hues[:8])}); periods with fewer than {MIN_N} {n_label} "
                        f"are left out and lines break there; bars below give the {n_label} per period.")


def reports_share_lines(data: pd.DataFrame, *, period: str, hue: str, reports: str, n: str, title: str,
                        ylabel: str, freq: str, kind: str | None = None):
    """Like :func:`share_lines` when each period's n is given (``n`` reports in the period)."""
    cols = [period, hue, "count", "n", "share"]
    if data.empty:
        return _empty(title)
    periods = full_periods(data, period=period, freq=freq, count=reports)
    d = data.assign(**{period: pd.to_datetime(data[period])})
    hues = d.groupby(hue)[reports].sum().sort_index().sort_values(ascending=False, kind="stable").index
    idx = pd.MultiIndex.from_product([hues, periods], names=[hue, period])
    t = d.set_index([hue, period])[reports].reindex(idx, fill_value=0).rename("count").reset_index()
    totals = d.groupby(period)[n].first().reindex(periods, fill_value=0).astype(int)
    t["n"] = t[period].map(totals).astype(int)
    t["share"] = (t["count"] / t["n"].where(t["n"] > 0)).round(4)
    return _lines(t[cols], period=period, hue=hue, title=title, ylabel=ylabel, freq=freq, kind=kind,
                  n_label="reports")


def toll_panels(data: pd.DataFrame, *, date: str, toll: str, facet: str, scope: str, title: str, ylabel: str,
                cols: int = 3):
    """Small multiples of headline tolls over time, one panel per outlet (log scale, shared axes).

    Event tolls are filled dots, cumulative tolls hollow squares.
    """
    if data.empty:
        return _empty(title)
    d = data.assign(**{facet: labels_of(data[facet]), date: pd.to_datetime(data[date])})
    d = d[d[date].notna()]
    span = date_span(d[date])
    outside = left_out(d[date], span, what="tolls")
    d = d[in_span(d[date], span)]
    if d.empty:
        return _empty(title)
    facets = order_groups(d[facet].unique())
    fig, axes = _panels(len(facets), cols, 1.6, sharex=True, sharey=True)
    for ax, name in zip(axes.flat, facets):
        part = d[d[facet] == name]
        colour = style().colour(name, "outlets")
        ev, cu = part[part[scope] == "event"], part[part[scope] != "event"]
        ax.scatter(ev[date], ev[toll], s=12, color=colour, alpha=0.85, lw=0)
        ax.scatter(cu[date], cu[toll], s=14, marker="s", facecolors="none", edgecolors=colour, lw=0.9)
        ax.set_title(f"{label(name, 'outlets')} ({len(part):,})", fontsize=8.5, loc="left")
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(axis="y")
    ax0 = axes.flat[0]
    ax0.set_yscale("log")
    ax0.yaxis.set_major_locator(matplotlib.ticker.LogLocator(base=10, numticks=4))
    ax0.yaxis.set_minor_locator(NullLocator())
    ax0.yaxis.set_major_formatter(PLAIN_NUMBERS)
    date_axis(ax0, d[date].min(), d[date].max())
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel)
    fig.suptitle(f"{title}  (dots: one event; squares: cumulative)", x=0.01, y=fig.cc_title_y, ha="left", va="top",
                 fontweight="bold", fontsize=10.5)
    return _finish(fig, f"{title}. Small multiples, one per outlet ({len(facets)}): each report's headline toll "
                        f"({len(d)} points) by report date on a log scale; dots are event tolls, squares cumulative."
                        f"{outside}")


# --------------------------------------------------------------------------- distributions and words


def box_chart(data: pd.DataFrame, *, x: str, y: str, title: str, xlabel: str | None = None,
              ylabel: str | None = None, kind: str | None = "outlets", zero_line: bool = False):
    """Horizontal box plots of ``y`` per ``x`` (one order), n in each label, small n greyed with points."""
    if data.empty:
        return _empty(title)
    d = data.assign(_g=labels_of(data[x]))
    groups = order_groups(d["_g"].unique(), kind)
    vals = [d.loc[d["_g"] == g, y].dropna().to_numpy() for g in groups]
    fig, ax = plt.subplots(figsize=(WIDTH, 0.3 * len(groups) + 1.2))
    small = [is_small(len(v)) for v in vals]
    bp = ax.boxplot(vals, orientation="horizontal", widths=0.6, showfliers=True, patch_artist=True,
                    flierprops={"markersize": 2.5, "markeredgecolor": "#777777"}, medianprops={"color": "#222222"})
    for patch, g, s in zip(bp["boxes"], groups, small):
        patch.set_facecolor(faded(style().colour(g, kind), s))
        patch.set_alpha(0.85)
    ax.set_yticks(range(1, len(groups) + 1), [_n_label(label(g, kind), len(v)) for g, v in zip(groups, vals)])
    for tick, s in zip(ax.get_yticklabels(), small):
        tick.set_color("#999999" if s else "#222222")
    ax.invert_yaxis()
    if zero_line:
        ax.axvline(0, color="0.6", lw=0.8)
    ax.set_xlabel(ylabel or y)
    ax.set_title(title)
    return _finish(fig, f"{title}. Box plots of {ylabel or y}, one per {xlabel or x} ({len(groups)}), with the "
                        f"number of values in each label; boxes with fewer than {MIN_N} values are grey.")


def word_panels(words: pd.DataFrame, *, group: str, term: str, score: str, title: str, top: int = 5, cols: int = 3,
                kind: str | None = "outlets"):
    """Small multiples: each group's ``top`` words as bars of ``score`` (one colour per outlet)."""
    if words.empty:
        return _empty(title)
    groups = order_groups(words[group].unique(), kind)
    fig, axes = _panels(len(groups), cols, 1.25, sharex=True)
    fig.subplots_adjust(left=0.12, wspace=0.7)
    for ax, g in zip(axes.flat, groups):
        part = words[words[group] == g].head(top)
        ax.barh(range(len(part)), part[score], color=style().colour(g, kind), height=0.7)
        ax.set_yticks(range(len(part)), part[term].astype(str), fontsize=7.5)
        ax.invert_yaxis()
        ax.set_title(label(g, kind), fontsize=8.5, loc="left")
        ax.tick_params(axis="x", labelsize=7)
    fig.suptitle(title, x=0.01, y=fig.cc_title_y, ha="left", va="top", fontweight="bold", fontsize=10.5)
    return _finish(fig, f"{title}. Small multiples, one per {group} ({len(groups)}): the {top} words with the "
                        f"highest {score}, as horizontal bars.")


def bar_chart(data: pd.DataFrame, *, x: str, y: str, hue: str | None = None, title: str = "",
              xlabel: str | None = None, ylabel: str | None = None, stacked: bool = False, max_bars: int = 40,
              sort_bars: bool = True, hue_order: list | None = None, kind: str | None = None):
    """Horizontal bars of ``y`` per ``x`` (grouped or stacked by ``hue``, coloured by ``kind``).

    Bars are sorted by total (largest first) unless ``sort_bars`` is False (data order kept).
    """
    if data.empty:
        return _empty(title)
    data = data.assign(**{x: labels_of(data[x])})
    if hue:
        data = data.assign(**{hue: labels_of(data[hue])})
        wide = data.pivot_table(index=x, columns=hue, values=y, aggfunc="sum", fill_value=0, sort=True)
        order = [h for h in map(str, hue_order or []) if h in wide.columns]
        wide = wide[order + sorted(c for c in wide.columns if c not in order)]
    else:
        wide = data.groupby(x, sort=True)[y].sum().to_frame(y)
    if sort_bars:
        wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False, kind="stable").index[:max_bars]]
    else:
        wide = wide.loc[list(dict.fromkeys(data[x]))[:max_bars]]
    fig, ax = plt.subplots(figsize=(WIDTH, max(1.6, 0.3 * len(wide) + 1.0)))
    left = np.zeros(len(wide))
    cols = list(wide.columns)
    for i, c in enumerate(cols):
        colour = style().colour(c, kind) if hue else "#4e79a7"
        if stacked or not hue:
            ax.barh(range(len(wide)), wide[c], left=left, height=0.74, color=colour, label=label(c, kind))
            left += wide[c].to_numpy()
        else:
            h = 0.8 / len(cols)
            ax.barh(np.arange(len(wide)) - 0.4 + h * (i + 0.5), wide[c], height=h, color=colour, label=label(c, kind))
    ax.set_yticks(range(len(wide)), [str(v) for v in wide.index])
    ax.invert_yaxis()
    ax.set_xlabel(ylabel or y)
    ax.set_ylabel(xlabel or x)
    ax.set_title(title)
    if hue:
        ax.legend(title=hue, bbox_to_anchor=(1.01, 1), loc="upper left")
    return _finish(fig, f"{title}. Horizontal bars of {ylabel or y} for {len(wide)} values of {xlabel or x}"
                        + (f", {'stacked' if stacked else 'grouped'} by {hue}." if hue else "."))
