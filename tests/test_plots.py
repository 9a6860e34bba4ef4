"""Figures and the visual grammar: the data each chart draws (hand-computed frames), one colour
per thing, the small-sample rule, alt texts."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.errors import LexiconError
from analysis.report import plots
from analysis.report.style import MIN_N, REST, is_small, load_style

T = pd.Timestamp


# --------------------------------------------------------------------------- style


def test_one_colour_per_group_label_and_outlet_from_the_style_file():
    st = load_style()
    assert st.colour("SYR_GOV", "groups") == "#c8102e"
    assert st.colour("terrorists", "labels") == "#c8102e"
    assert st.colour("sana", "outlets") == st.colour("SANA", "outlets")  # code or display name
    assert st.colour("(no source)", "groups") == "#dddddd"  # special categories, any figure
    groups = ["SYR_GOV", "SYR_OPP", "JIHADIST", "ISIS", "KURDISH", "RUSSIA", "IRAN", "HEZBOLLAH", "USA", "TURKEY",
              "ISRAEL", "OTHER_STATE", "UN", "MONITOR_NGO", "CIVILIANS"]
    assert len({st.colour(g, "groups") for g in groups}) == 15
    assert len({st.colour(o, "outlets") for o in st.outlets}) == len(st.outlets) == 15


def test_ids_without_a_colour_get_a_stable_fallback(tmp_path):
    st = load_style()
    a = st.colour("PACK_GROUP_A", "groups")
    assert a in st.fallback and a == st.colour("PACK_GROUP_A", "groups")
    own = tmp_path / "style.yml"
    own.write_text("groups:\n  PACK_GROUP_A: {name: Group A, colour: '#123456'}\nfallback: ['#000000']\n")
    mine = load_style(own)
    assert mine.colour("PACK_GROUP_A", "groups") == "#123456" and mine.group_name("PACK_GROUP_A") == "Group A"
    assert mine.colour("UNLISTED_GROUP", "groups") == "#000000"
    assert mine.colour("SYR_GOV", "groups") == st.colour("SYR_GOV", "groups")  # the pack's colour


def test_a_packs_groups_without_a_colour_get_distinct_ones():
    """The MUC-4 pack colours 16 of its 31 groups: the other 15 take the fallback palette's colours
    farthest from those in use, one each, instead of hashed colours that can repeat in one figure."""
    from analysis.resources.packs import load_pack

    pack = load_pack("muc4")
    st = load_style(pack=pack)
    colours = [st.colour(g, "groups") for g in pack.groups()]
    assert len(set(colours)) == len(colours) == 31
    assert {g: st.colour(g, "groups") for g in pack.colours} == dict(pack.colours)  # the pack's own kept
    assert st.colour("(unnamed state)", "groups") not in colours  # a party known by its kind: a tone of its own


def test_no_two_keys_of_one_figure_share_a_colour():
    """MUC-4's labels for insurgents include "army" (an armed group's name), which the style file
    colours like "rebels" (they never meet in a Syrian chart): in one figure they stay apart, and
    the hashed fallbacks "authorities" and "fascists" too. A figure without a clash keeps every
    key's own colour."""
    from analysis.report.style import CLOSE_COLOURS, _delta_e, _lab
    from analysis.resources.packs import load_pack

    st = load_style(pack=load_pack("muc4"))
    for keys in (["guerrillas", "rebels", "terrorists", "murderers", "army"],
                 ["army", "government", "authorities", "fascists", "regime"]):
        got = list(st.figure_palette(keys, "labels").values())
        assert all(_delta_e(_lab(a), _lab(b)) >= CLOSE_COLOURS for i, a in enumerate(got) for b in got[i + 1:]), got
    syria = load_style()
    keys = ["terrorists", "rebels", "insurgents", "militants", "opposition"]
    assert syria.figure_palette(keys, "labels") == {k: syria.colour(k, "labels") for k in keys}


def test_unnamed_parties_have_tones_apart_from_every_named_group():
    from analysis.report.style import CLOSE_COLOURS, _delta_e, _lab
    from analysis.resources.packs import KINDS, load_pack

    st = load_style()
    unnamed = [st.colour(f"(unnamed {k.replace('_', ' ')})", "groups") for k in KINDS]
    named = [*load_pack("syria").colours.values(), *load_pack("muc4").colours.values(), "#dddddd"]
    assert min(_delta_e(_lab(a), _lab(b)) for a in unnamed for b in named) >= CLOSE_COLOURS
    assert min(_delta_e(_lab(a), _lab(b)) for i, a in enumerate(unnamed) for b in unnamed[i + 1:]) >= CLOSE_COLOURS


@pytest.mark.parametrize("text, message", [
    ("groups:\n  X: {name: x, colour: red}\n", "colour 'red' is not written as #rrggbb"),
    ("colours:\n  x: '#000000'\n", "unknown section"),
    ("outlets:\n  x: {name: X, colour: '#000000', url: y}\n", "expected a mapping with name"),
])
def test_a_broken_style_file_names_the_entry(tmp_path, text, message):
    p = tmp_path / "style.yml"
    p.write_text(text)
    with pytest.raises(LexiconError, match=message):
        load_style(p)


def test_one_outlet_order_everywhere():
    st = load_style()
    assert st.outlet_order(["reuters", "zzz", "SANA", REST, "aaa"]) == ["SANA", "reuters", "aaa", "zzz", REST]
    assert st.outlet_name("manar") == "Al-Manar" and st.outlet_code("Al-Manar") == "manar"
    assert st.outlet_name("unknown-outlet") == "unknown-outlet"


@pytest.mark.parametrize("n, small", [(0, True), (MIN_N - 1, True), (MIN_N, False), (250, False), (None, True)])
def test_the_small_sample_rule(n, small):
    assert is_small(n) is small


# --------------------------------------------------------------------------- the data each chart draws


def test_share_table_shares_n_and_small_flags():
    data = pd.DataFrame({"source": ["Reuters", "Reuters", "SANA", "SANA", "TASS"],
                         "q": ["exact", "vague", "exact", "(no source)", "exact"], "claims": [9, 3, 10, 30, 4]})
    got = plots.share_table(data, group="source", hue="q", count="claims")
    expected = pd.DataFrame({
        "group": ["SANA", "SANA", "TASS", "Reuters", "Reuters"],  # the style file's outlet order
        "hue": ["exact", "(no source)", "exact", "exact", "vague"],  # by total, "(...)" last
        "count": [10, 30, 4, 9, 3], "n": [40, 40, 4, 12, 12],
        "share": [0.25, 0.75, 1.0, 0.75, 0.25], "small": [False, False, True, False, False]})
    assert_frame_equal(got, expected)


def test_period_table_fills_empty_periods_with_zero():
    data = pd.DataFrame({"period": [T("2017-01-01"), T("2017-04-01"), T("2017-01-01")], "source": ["a", "a", "b"],
                         "reports": [2, 1, 5]})
    got = plots.period_table(data, period="period", count="reports", facet="source", freq="M")
    months = [T(f"2017-0{m}-01") for m in (1, 2, 3, 4)]
    expected = pd.DataFrame({"source": ["a"] * 4 + ["b"] * 4, "period": months * 2, "reports": [2, 0, 0, 1, 5, 0, 0, 0]})
    assert_frame_equal(got, expected)


def test_share_lines_table_breaks_at_empty_periods():
    data = pd.DataFrame({"period": [T("2016-01-01"), T("2016-01-01"), T("2016-07-01")],
                         "label": ["rebels", "terrorists", "rebels"], "count": [6, 2, 12]})
    got = plots.share_lines_table(data, period="period", hue="label", count="count", freq="Q")
    quarters = [T("2016-01-01"), T("2016-04-01"), T("2016-07-01")]
    expected = pd.DataFrame({"period": quarters * 2, "label": ["rebels"] * 3 + ["terrorists"] * 3,
                             "count": [6, 0, 12, 2, 0, 0], "n": [8, 0, 12, 8, 0, 12],
                             "share": [0.75, float("nan"), 1.0, 0.25, float("nan"), 0.0]})
    assert_frame_equal(got, expected)


def test_faded_colour_is_the_greyed_look():
    assert plots.faded("#c8102e") == "#f1c3cb"  # 0xc8 + 0.75 * (255 - 0xc8) = 241 ...
    assert plots.faded("#c8102e", small=False) == "#c8102e"


def test_labels_and_alt_texts_name_what_is_plotted():
    assert plots.label("MONITOR_NGO", "groups") == "Monitors and NGOs"
    data = pd.DataFrame({"source": ["SANA", "TASS"], "q": ["exact", "exact"], "claims": [12, 3]})
    fig = plots.share_bars(data, group="source", hue="q", count="claims", kind="qualifiers", title="How numbers are put")
    assert fig.alt_text.startswith("How numbers are put. Stacked bars, one per source (2), split by q: exact;")
    assert "1 with fewer than 10 are greyed" in fig.alt_text
    empty = plots.share_bars(data.iloc[0:0], group="source", hue="q", count="claims", kind=None, title="Nothing")
    assert empty.empty and empty.title_text == "Nothing"


def test_heatmap_fades_small_rows_and_columns():
    wide = pd.DataFrame({"SANA": [0.5, 1.0], "TASS": [1.0, 0.0]}, index=["UN", "ISIS"])
    fig = plots.heatmap(wide, title="Salience", n=pd.Series({"SANA": 40, "TASS": 5}), percent=True,
                        col_kind="outlets")
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == ["SANA · n=40", "TASS · n=5"]
    assert "1 columns or rows with n under 10 are faded" in fig.alt_text
