"""Figures: one helper saves every figure as PNG plus the CSV of the data it plots.

The backend is non-interactive (Agg) and PNG metadata is fixed, so the same data gives
byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from ..io.documents import group_labels as labels_of  # noqa: E402  (missing values shown as "(unknown)")

#: Fixed PNG metadata: no software version or timestamp, so files are reproducible.
PNG_METADATA = {"Software": None}

plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 110, "figure.autolayout": False, "svg.hashsalt": "conflict-coverage"})


def save_figure(fig, data: pd.DataFrame, name: str, out_dir: str | Path) -> tuple[Path, Path]:
    """Save ``fig`` as ``<out_dir>/<name>.png`` and ``data`` as ``<out_dir>/<name>.csv``.

    Args:
        fig: a matplotlib figure.
        data: the tidy data the figure plots (written without the index).
        name: file stem, e.g. ``"02-tolls-over-time"``.
        out_dir: folder (created if missing).

    Returns:
        The PNG and CSV paths.

    Example:
        >>> fig, ax = plt.subplots(); _ = ax.bar(["a"], [1])
        >>> png, csv = save_figure(fig, pd.DataFrame({"x": ["a"], "y": [1]}), "demo", "/tmp/cc-fig")
        >>> png.name, csv.name
        ('demo.png', 'demo.csv')
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    png = out / f"{name}.png"
    csv = out / f"{name}.csv"
    fig.savefig(png, metadata=PNG_METADATA, bbox_inches="tight")
    data.to_csv(csv, index=False, lineterminator="\n")
    return png, csv

# Report text (outlet names, words, titles) must never be read as mathtext: "$" is plain.
plt.rcParams["text.parse_math"] = False

#: Tick labels as plain numbers with thousands separators (mathtext is off, so no "10^3").
PLAIN_NUMBERS = FuncFormatter(lambda v, _pos: f"{v:,.0f}" if v >= 1 else f"{v:g}")

#: Colours for up to 20 groups (the ten strong tab10 colours first, then their light twins).
PALETTE = plt.get_cmap("tab10").colors + plt.get_cmap("tab20").colors[1::2]


def empty_figure(message: str = "No data for this selection", *, figsize=(6, 1.6)):
    """A small figure that says there is nothing to plot (used for empty selections)."""
    fig, ax = plt.subplots(figsize=figsize)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="0.3")
    return fig


def bar_chart(data: pd.DataFrame, *, x: str, y: str, hue: str | None = None, title: str = "",
              xlabel: str | None = None, ylabel: str | None = None, horizontal: bool = True,
              stacked: bool = False, max_bars: int = 40, sort_bars: bool = True, hue_order: list | None = None):
    """A bar chart of tidy ``data`` (one bar per ``x``, grouped or stacked by ``hue``).

    Bars are sorted by total (largest at the top) unless ``sort_bars`` is False (data order
    kept). ``hue_order`` fixes the colour of each ``hue`` value across figures (values not in
    it come after, sorted). Returns an empty-data figure when ``data`` is empty.

    Example:
        >>> fig = bar_chart(pd.DataFrame({"source": ["a", "b"], "n": [3, 1]}), x="source", y="n")
    """
    if data.empty:
        return empty_figure()
    data = data.assign(**{x: labels_of(data[x])})
    if hue:
        data = data.assign(**{hue: labels_of(data[hue])})
        wide = data.pivot_table(index=x, columns=hue, values=y, aggfunc="sum", fill_value=0, sort=True)
        order = [h for h in (hue_order or []) if h in wide.columns]
        wide = wide[order + sorted(c for c in wide.columns if c not in order)]
    else:
        wide = data.groupby(x, sort=True)[y].sum().to_frame(y)
    if sort_bars:
        wide = wide.loc[wide.sum(axis=1).sort_values(ascending=True, kind="stable").index[-max_bars:]]
    else:
        wide = wide.loc[list(dict.fromkeys(data[x]))[:max_bars][::-1]]
    height = max(2.0, 0.28 * len(wide) * (1 if stacked or not hue else max(1, min(len(wide.columns), 4)) ** 0.5) + 1.2)
    fig, ax = plt.subplots(figsize=(7.5, height) if horizontal else (max(6.0, 0.45 * len(wide) + 2), 4.2))
    if hue and hue_order:
        index = {h: i for i, h in enumerate(list(hue_order) + sorted(c for c in wide.columns if c not in hue_order))}
        colors = [PALETTE[index[c] % len(PALETTE)] for c in wide.columns]
    else:
        colors = [PALETTE[i % len(PALETTE)] for i in range(len(wide.columns))]
    wide.plot(kind="barh" if horizontal else "bar", ax=ax, stacked=stacked, color=colors, legend=bool(hue), width=0.8)
    ax.set_title(title)
    ax.set_xlabel(ylabel if horizontal else (xlabel or x))
    ax.set_ylabel(xlabel or x if horizontal else (ylabel or y))
    if hue:
        ax.legend(title=hue, fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def line_chart(data: pd.DataFrame, *, x: str, y: str, hue: str | None = None, title: str = "",
               xlabel: str | None = None, ylabel: str | None = None, marker: str = "o", logy: bool = False):
    """Lines of ``y`` over ``x`` (dates or numbers), one line per ``hue`` value."""
    if data.empty:
        return empty_figure()
    fig, ax = plt.subplots(figsize=(8, 4))
    groups = [(None, data)] if not hue else list(data.groupby(hue, sort=True))
    for i, (name, g) in enumerate(groups):
        g = g.sort_values(x)
        ax.plot(g[x], g[y], marker=marker, ms=3, lw=1.2, label=None if name is None else str(name),
                color=PALETTE[i % len(PALETTE)])
    if logy:
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(PLAIN_NUMBERS)
    ax.set_title(title)
    ax.set_xlabel(xlabel or x)
    ax.set_ylabel(ylabel or y)
    if hue:
        ax.legend(title=hue, fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return fig


def heatmap(wide: pd.DataFrame, *, title: str = "", fmt: str = "{:.1f}", cmap: str = "Blues",
            xlabel: str = "", ylabel: str = ""):
    """A labelled heatmap of a wide table (rows x columns), values written in the cells."""
    if wide.empty:
        return empty_figure()
    fig, ax = plt.subplots(figsize=(max(5.0, 0.9 * len(wide.columns) + 2.5), max(2.5, 0.38 * len(wide) + 1.5)))
    values = wide.to_numpy(dtype=float)
    im = ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(wide.columns)), [str(c) for c in wide.columns], rotation=40, ha="right")
    ax.set_yticks(range(len(wide.index)), [str(i) for i in wide.index])
    vmax = values.max() if values.size else 0
    for (r, c), v in pd.DataFrame(values).stack().items():
        ax.text(c, r, fmt.format(v), ha="center", va="center", fontsize=7, color="white" if v > 0.6 * vmax else "black")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.colorbar(im, ax=ax, shrink=0.8)
    return fig


def histogram(values: pd.Series, *, bins: int = 30, title: str = "", xlabel: str = "", ylabel: str = "reports",
              by: pd.Series | None = None):
    """A histogram (stacked by ``by`` when given)."""
    values = pd.Series(values).dropna()
    if values.empty:
        return empty_figure()
    fig, ax = plt.subplots(figsize=(7, 3.5))
    if by is None:
        ax.hist(values, bins=bins, color=PALETTE[0])
    else:
        groups = [(k, values[by.loc[values.index] == k]) for k in sorted(by.loc[values.index].dropna().unique())]
        ax.hist([g for _, g in groups], bins=bins, stacked=True, label=[str(k) for k, _ in groups],
                color=[PALETTE[i % len(PALETTE)] for i in range(len(groups))])
        ax.legend(fontsize=7, bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def scatter_chart(data: pd.DataFrame, *, x: str, y: str, hue: str | None = None, facet: str | None = None,
                  title: str = "", xlabel: str | None = None, ylabel: str | None = None, logy: bool = True):
    """Points of ``y`` over ``x``, coloured by ``hue``, one panel per ``facet`` value (shared axes)."""
    if data.empty:
        return empty_figure()
    panels = [(None, data)] if not facet else list(data.groupby(facet, sort=True))
    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels) + 1.5, 4.2), sharey=True, squeeze=False)
    hues = sorted(labels_of(data[hue]).unique()) if hue else [None]
    colors = {h: PALETTE[i % len(PALETTE)] for i, h in enumerate(hues)}
    for ax, (name, g) in zip(axes[0], panels):
        for h in hues:
            part = g if h is None else g[labels_of(g[hue]) == h]
            if len(part):
                ax.scatter(part[x], part[y], s=14, alpha=0.75, color=colors[h], label=h)
        if logy:
            ax.set_yscale("log")
            ax.yaxis.set_major_formatter(PLAIN_NUMBERS)
        ax.set_title(f"{title} ({name})" if name is not None else title)
        ax.set_xlabel(xlabel or x)
        ax.spines[["top", "right"]].set_visible(False)
        for label in ax.get_xticklabels():
            label.set_rotation(30)
            label.set_ha("right")
    axes[0][0].set_ylabel(ylabel or y)
    if hue:
        handles, labels = [], []
        for ax in axes[0]:
            for hnd, lab in zip(*ax.get_legend_handles_labels()):
                if lab not in labels:
                    handles.append(hnd)
                    labels.append(lab)
        axes[0][-1].legend(handles, labels, title=hue, fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left",
                           frameon=False)
    return fig


def network_figure(graph, *, title: str = "", seed: int = 7, max_nodes: int = 40):
    """Draw a co-occurrence graph: node size ~ ``weight`` attribute, edge width ~ edge ``weight``.

    The layout is seeded, so the same graph gives the same picture.
    """
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return empty_figure()
    graph = graph.subgraph([n for n in graph.nodes if graph.degree(n) > 0])
    if graph.number_of_nodes() == 0:
        return empty_figure("No pair of actors reaches the co-occurrence threshold")
    if graph.number_of_nodes() > max_nodes:
        keep = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("weight", 0), n))[:max_nodes]
        graph = graph.subgraph(keep)
    fig, ax = plt.subplots(figsize=(8, 7))
    pos = nx.spring_layout(graph, seed=seed, weight=None, k=2.2 / max(1, graph.number_of_nodes()) ** 0.5)
    nodes = sorted(graph.nodes)
    weights = [graph.nodes[n].get("weight", 1) for n in nodes]
    wmax = max(weights) or 1
    edges = sorted(graph.edges(data="weight"), key=lambda e: (e[0], e[1]))
    emax = max((w for *_, w in edges), default=1) or 1
    nx.draw_networkx_edges(graph, pos, edgelist=[(a, b) for a, b, _ in edges], ax=ax,
                           width=[0.5 + 5 * w / emax for *_, w in edges], alpha=0.35, edge_color="0.4")
    nx.draw_networkx_nodes(graph, pos, nodelist=nodes, ax=ax, node_size=[80 + 900 * w / wmax for w in weights],
                           node_color=[PALETTE[i % len(PALETTE)] for i in range(len(nodes))], alpha=0.9)
    for n in nodes:
        x, y = pos[n]
        ax.text(x, y, n, fontsize=8, ha="center", va="center")
    ax.set_title(title)
    ax.axis("off")
    return fig


def box_chart(data: pd.DataFrame, *, x: str, y: str, title: str = "", xlabel: str | None = None,
              ylabel: str | None = None):
    """Box plots of ``y`` for each ``x`` value (sorted), with the number of values in each label."""
    if data.empty:
        return empty_figure()
    groups = [(str(k), g[y].dropna().to_numpy()) for k, g in data.groupby(labels_of(data[x]), sort=True)]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.55 * len(groups) + 2), 4.2))
    ax.boxplot([v for _, v in groups], showfliers=True, widths=0.6)
    ax.set_xticks(range(1, len(groups) + 1), [f"{k}\n(n={len(v)})" for k, v in groups], rotation=40, ha="right",
                  fontsize=8)
    ax.axhline(0, color="0.6", lw=0.8)
    ax.set_title(title)
    ax.set_xlabel(xlabel or x)
    ax.set_ylabel(ylabel or y)
    ax.spines[["top", "right"]].set_visible(False)
    return fig
