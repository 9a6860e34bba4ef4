"""Style: one visual grammar for every figure and table of every report.

Colours, display names and the outlet order come from data (``resources/lexicons/style.yml``, or a
user's own file through the ``lexicons`` parameter ``{"style": "my-style.yml"}``), keyed by
outlet code, actor group id and label key, never from lists in code. Actor groups take their
names and colours from the run's conflict pack (``pack.yml``: ``label``, ``colour``); a style
file's own ``groups:`` entries win over the pack's. A key neither lists gets a colour from the
``fallback`` palette chosen by a hash of the key, so another conflict's group ids still get
stable colours in every figure.

The small-sample rule lives here too: a share computed from fewer than :data:`MIN_N` reports,
claims or labels is marked with its n and drawn greyed (:func:`is_small`).

Example:
    >>> st = load_style(pack=load_pack("muc4"))
    >>> st.group_name("SAL_GOV"), st.colour("SAL_GOV", "groups"), st.outlet_name("sana")
    ('Salvadoran state', '#1f5fbf', 'SANA')
    >>> st.colour("NEW_GROUP", "groups") == st.colour("NEW_GROUP", "groups")
    True
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..resources.files import entry_error, load_yaml
from ..resources.packs import Pack, load_pack
from ..resources.registry import lexicon_path

#: The one small-sample rule: a share based on fewer than this many items is greyed and marked.
MIN_N = 10
#: The group that stands for every other report of the corpus in a one-outlet report.
REST = "rest of corpus"
#: Sections of the style file that map a key to a colour.
KINDS = ("outlets", "groups", "labels", "qualifiers", "victims", "roles", "frames", "special")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_small(n: Any) -> bool:
    """True when ``n`` (reports, claims or labels behind a share) is below :data:`MIN_N`.

    Example:
        >>> is_small(9), is_small(10), is_small(None)
        (True, False, True)
    """
    try:
        return int(n) < MIN_N
    except (TypeError, ValueError):
        return True


#: Two colours closer than this (CIELAB delta E 1976) are one colour to most readers: a figure's
#: legend never holds two such (the style file's own sections keep about 24 apart).
CLOSE_COLOURS = 12.0


@dataclass(frozen=True)
class Style:
    """A loaded style file (see ``resources/lexicons/style.yml`` for the format)."""

    path: Path
    outlets: dict[str, dict[str, str]]
    groups: dict[str, dict[str, str]]
    colours: dict[str, dict[str, str]]
    fallback: tuple[str, ...]
    _by_name: dict[str, str] = field(default_factory=dict)

    def colour(self, key: Any, kind: str | None = None) -> str:
        """The colour of ``key`` in section ``kind`` (then ``special``), else a fallback by hash."""
        k = str(key)
        for section in ((kind,) if kind else ()) + ("special",):
            table = self.colours.get(section, {})
            if k in table:
                return table[k]
            if section == "outlets" and self._by_name.get(k) in table:
                return table[self._by_name[k]]
        digest = int(hashlib.sha1(k.encode("utf-8")).hexdigest()[:8], 16)
        return self.fallback[digest % len(self.fallback)]

    def palette(self, keys: Iterable[Any], kind: str | None = None) -> dict[str, str]:
        """``{key: colour}`` for several keys."""
        return {str(k): self.colour(k, kind) for k in keys}

    def figure_palette(self, keys: Iterable[Any], kind: str | None = None) -> dict[str, str]:
        """``{key: colour}`` for the keys one figure tells apart by colour alone (a legend): each
        key's own colour, except that a key whose colour an earlier key of the figure already has
        (or one closer than :data:`CLOSE_COLOURS` to it) takes the fallback colour farthest from
        those in use. Two packs' labels may share a colour
        ("rebels" and, in another pack, "army" for an armed group) without ever meeting in a
        figure of one pack; when they do meet, they stay apart.

        Example:
            >>> st = Style(Path("x"), {}, {}, {"labels": {"a": "#111111", "b": "#111111"}}, ("#eeeeee", "#000000"))
            >>> st.figure_palette(["a", "b"], "labels")
            {'a': '#111111', 'b': '#eeeeee'}
        """
        keys = list(dict.fromkeys(map(str, keys)))
        kept: dict[str, str] = {}
        for k in keys:
            own = self.colour(k, kind)
            if not any(_delta_e(_lab(own), _lab(c)) < CLOSE_COLOURS for c in kept.values()):
                kept[k] = own
        moved = distinct_colours([k for k in keys if k not in kept], list(kept.values()), self.fallback)
        return {k: kept.get(k) or moved.get(k) or self.colour(k, kind) for k in keys}

    def outlet_name(self, code: Any) -> str:
        """Display name of an outlet code (``sana`` -> ``SANA``); unknown codes as they are."""
        return self.outlets.get(str(code), {}).get("name", str(code))

    def outlet_code(self, name: Any) -> str:
        """The code of a display name (the inverse of :meth:`outlet_name`)."""
        return self._by_name.get(str(name), str(name))

    def group_name(self, group_id: Any) -> str:
        """Display name of an actor group id (the pack's label: ``SAL_GOV`` -> ``Salvadoran state``)."""
        return self.groups.get(str(group_id), {}).get("name", str(group_id))

    def outlet_order(self, values: Iterable[Any]) -> list[str]:
        """Outlets (codes or display names) in the style file's order; others by name, then the rest."""
        rank = {code: i for i, code in enumerate(self.outlets)}
        vals = list(dict.fromkeys(str(v) for v in values))

        def key(v: str) -> tuple:
            return (v == REST, rank.get(v, rank.get(self._by_name.get(v, ""), len(rank))), v.lower())

        return sorted(vals, key=key)


def _check_colour(path: Path, entry: str, value: Any) -> str:
    if not isinstance(value, str) or not _HEX.match(value):
        raise entry_error(path, entry, f"colour {value!r} is not written as #rrggbb")
    return value.lower()


def _named(path: Path, section: str, data: Any) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    if not isinstance(data, dict):
        raise entry_error(path, section, "expected a mapping of key -> {name, colour}")
    out, colours = {}, {}
    for key, spec in data.items():
        where = f"{section}.{key}"
        if not isinstance(spec, dict) or set(spec) - {"name", "about", "colour"}:
            raise entry_error(path, where, "expected a mapping with name, about (outlets), colour")
        out[str(key)] = {k: str(v) for k, v in spec.items() if k != "colour"}
        if "colour" in spec:
            colours[str(key)] = _check_colour(path, where, spec["colour"])
    return out, colours


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> Style:
    p = Path(path)
    data = load_yaml(p)
    unknown = set(data) - set(KINDS) - {"fallback"}
    if unknown:
        raise entry_error(p, ", ".join(sorted(map(str, unknown))), f"unknown section; use {', '.join(KINDS)}, fallback")
    outlets, out_colours = _named(p, "outlets", data.get("outlets") or {})
    groups, group_colours = _named(p, "groups", data.get("groups") or {})
    colours = {"outlets": out_colours, "groups": group_colours}
    for kind in KINDS[2:]:
        section = data.get(kind) or {}
        if not isinstance(section, dict):
            raise entry_error(p, kind, "expected a mapping of key -> #rrggbb")
        colours[kind] = {str(k): _check_colour(p, f"{kind}.{k}", v) for k, v in section.items()}
    fallback = data.get("fallback") or ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#b07aa1"]
    if not isinstance(fallback, list) or not fallback:
        raise entry_error(p, "fallback", "expected a non-empty list of #rrggbb colours")
    fb = tuple(_check_colour(p, "fallback", c) for c in fallback)
    by_name = {spec.get("name", code): code for code, spec in outlets.items()}
    return Style(p, outlets, groups, colours, fb, by_name)


def load_style(path: str | Path | None = None, *, pack: Pack | None = None) -> Style:
    """Read and check a style file (the bundled ``resources/lexicons/style.yml`` by default), with
    the actor groups' names and colours of ``pack`` (default: the Syria pack).

    Raises:
        LexiconError: missing file, unknown section, a colour not written ``#rrggbb``.
    """
    p = Path(path) if path else lexicon_path("style")
    p = p.resolve()
    return _with_pack(_load(str(p), p.stat().st_mtime if p.is_file() else 0.0), pack or load_pack())


#: Styles with a pack's groups, by (style, pack) identity (both are loaded once per file).
_WITH_PACK: dict[tuple[int, int], tuple[Style, Pack, Style]] = {}


def _with_pack(style: Style, pack: Pack) -> Style:
    """The style with the pack's group names and colours under its own ``groups:`` entries."""
    hit = _WITH_PACK.get((id(style), id(pack)))
    if hit is not None:
        return hit[2]
    groups = {g: {"name": pack.label(g)} for g in pack.groups()} | style.groups
    given = dict(pack.colours) | style.colours.get("groups", {})
    colours = dict(style.colours, groups=given | distinct_colours([g for g in pack.groups() if g not in given],
                                                                  list(given.values()), style.fallback))
    out = replace(style, groups=groups, colours=colours)
    if len(_WITH_PACK) > 32:
        _WITH_PACK.clear()
    _WITH_PACK[(id(style), id(pack))] = (style, pack, out)
    return out


def apply_matplotlib_style() -> None:
    """One matplotlib look for every figure: fonts, spines, grid, no mathtext."""
    import matplotlib.pyplot as plt

    plt.rcParams.update({
        "figure.dpi": 100, "savefig.dpi": 110, "font.size": 9, "axes.titlesize": 10.5,
        "axes.titleweight": "bold", "axes.titlelocation": "left", "axes.labelsize": 9,
        "axes.labelcolor": "#333333", "xtick.labelsize": 8.5, "ytick.labelsize": 8.5,
        "xtick.color": "#333333", "ytick.color": "#333333", "axes.edgecolor": "#888888",
        "axes.spines.top": False, "axes.spines.right": False, "axes.grid": False,
        "grid.color": "#e6e6e6", "grid.linewidth": 0.8, "legend.fontsize": 8, "legend.frameon": False,
        "legend.title_fontsize": 8.5, "text.parse_math": False, "svg.hashsalt": "conflict-coverage",
        "figure.autolayout": False,
    })


def distinct_colours(keys: Sequence[str], used: Sequence[str], palette: Sequence[str]) -> dict[str, str]:
    """A colour of ``palette`` for each key, in order: the one farthest (CIELAB, delta E 1976) from
    every colour used so far, so a pack's groups without a colour of their own never share one
    while the palette lasts (a hash could give two groups of one figure the same colour).

    Example:
        >>> distinct_colours(["A", "B"], ["#ff0000"], ["#ff1010", "#0000ff", "#00ff00"])
        {'A': '#0000ff', 'B': '#00ff00'}
    """
    taken = [_lab(c) for c in used]
    out: dict[str, str] = {}
    lower_used = {u.lower() for u in used}
    free = {c: _lab(c) for c in dict.fromkeys(palette) if c.lower() not in lower_used}
    for key in keys:
        if not free:
            break
        best = max(free, key=lambda c: min((_delta_e(free[c], t) for t in taken), default=0.0))
        out[key] = best
        taken.append(free.pop(best))
    return out


def _lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of a ``#rrggbb`` colour."""
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return sum((p - q) ** 2 for p, q in zip(a, b)) ** 0.5
