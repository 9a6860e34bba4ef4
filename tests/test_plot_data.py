"""What the figures draw, computed by hand: orders, periods, shares, the small-sample rule.

Complements ``tests/test_plots.py`` (style, share_table's order, period_table with facets,
share_lines_table's gaps, faded colours, heatmap fading): here the orders (``order_groups``,
``hue_order``), the periods (``full_periods``, ``period_table`` without facets,
``period_panels``), missing values as "(unknown)", the ``MIN_N`` boundary, and the marks a few
charts put on their axes (bar lengths, line values, tick labels).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.report import plots
from analysis.report.style import MIN_N, REST

T = pd.Timestamp
N = None


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --------------------------------------------------------------------------- orders


def test_order_groups_outlets_in_the_style_files_order_rest_last():
    values = ["reuters", "SANA", "zzz", REST, "Al-Manar", "aaa", "reuters", "(unknown)"]
    # sana, manar, ..., reuters are listed in style.yml (codes or display names); others by name; REST last
    assert plots.order_groups(values) == ["SANA", "Al-Manar", "reuters", "(unknown)", "aaa", "zzz", REST]


def test_order_groups_of_other_kinds_sorted_as_text():
    assert plots.order_groups(["b", "B", "a", 3, "a"], kind=None) == ["3", "B", "a", "b"]
    assert plots.order_groups(["UN", "ISIS"], kind="groups") == ["ISIS", "UN"]
    assert plots.order_groups([]) == []


def test_hue_order_by_total_then_name_none_categories_last():
    table = pd.DataFrame({"hue": ["exact", "at_least", "(no source)", "about", "exact", "(unknown)"],
                          "count": [5, 3, 20, 3, 1, 2]})
    # totals: exact 6, about 3, at_least 3 (tie: by name), then "(...)" ones by total: 20, 2
    assert plots.hue_order(table) == ["exact", "about", "at_least", "(no source)", "(unknown)"]


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize("dates, freq, expected", [
    (["2017-03-01", "2016-11-01", "2017-01-01"], "M",
     ["2016-11-01", "2016-12-01", "2017-01-01", "2017-02-01", "2017-03-01"]),
    (["2016-11-15", "2017-05-02"], "Q", ["2016-10-01", "2017-01-01", "2017-04-01"]),
    (["2015-06-01", "2017-02-01"], "Y", ["2015-01-01", "2016-01-01", "2017-01-01"]),
    (["2017-02-01", "2017-02-01"], "M", ["2017-02-01"]),
])
def test_full_periods_every_period_in_the_span(dates, freq, expected):
    got = plots.full_periods(pd.DataFrame({"period": pd.to_datetime(dates)}), period="period", freq=freq)
    assert list(got) == [T(d) for d in expected]


def test_period_table_without_facets_sums_and_fills_gaps():
    data = pd.DataFrame({"period": pd.to_datetime(["2017-01-01", "2017-03-01", "2017-01-01"]), "reports": [2, 1, 4]})
    got = plots.period_table(data, period="period", count="reports", facet=None, freq="M")
    assert got["period"].tolist() == [T("2017-01-01"), T("2017-02-01"), T("2017-03-01")]
    assert got["reports"].tolist() == [6, 0, 1]  # 2 + 4 in January, none in February


def _per_month() -> pd.DataFrame:
    return pd.DataFrame({"period": pd.to_datetime(["2017-01-01", "2017-02-01", "2017-02-01"]),
                         "source": ["reuters", "sana", N], "reports": [1, 2, 3]})


def test_period_table_facets_in_the_one_order_missing_as_unknown():
    got = plots.period_table(_per_month(), period="period", count="reports", facet="source", freq="M")
    months = [T("2017-01-01"), T("2017-02-01")]
    expected = pd.DataFrame({"source": ["sana"] * 2 + ["reuters"] * 2 + ["(unknown)"] * 2, "period": months * 3,
                             "reports": [0, 2, 1, 0, 0, 3]})
    assert_frame_equal(got, expected, check_dtype=False)


def test_period_panels_one_panel_per_outlet_with_its_total():
    fig = plots.period_panels(_per_month(), period="period", count="reports", facet="source", title="Reports",
                              ylabel="reports", freq="M")
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.patches]
    assert [ax.get_title(loc="left") for ax in panels] == ["SANA (2)", "Reuters (1)", "(unknown) (3)"]
    assert [[p.get_height() for p in ax.patches] for ax in panels] == [[0, 2], [1, 0], [0, 3]]
    assert fig.alt_text == ("Reports. Small multiples, one bar chart per source (3): reports per period from 2017-01 "
                            "to 2017-02; empty periods show as gaps.")
    empty = plots.period_panels(_per_month().iloc[0:0], period="period", count="reports", facet="source",
                                title="Reports", ylabel="reports", freq="M")
    assert empty.empty and empty.title_text == "Reports"


# --------------------------------------------------------------------------- shares and the small-sample rule


def test_share_table_missing_values_zero_totals_and_the_min_n_boundary():
    assert MIN_N == 10  # the numbers below sit on either side of it
    data = pd.DataFrame({"source": ["SANA", "SANA", N, "TASS", "TASS", "Reuters"],
                         "q": ["exact", N, "exact", "vague", "exact", "exact"], "claims": [6, 3, 10, 1, 9, 0]})
    got = plots.share_table(data, group="source", hue="q", count="claims")
    expected = pd.DataFrame({
        "group": ["SANA", "SANA", "TASS", "TASS", "Reuters", "(unknown)"],  # style order, unknown outlets after
        "hue": ["exact", "(unknown)", "exact", "vague", "exact", "exact"],  # totals: exact 25, vague 1, "(...)" last
        "count": [6, 3, 9, 1, 0, 10],
        "n": [9, 9, 10, 10, 0, 10],
        "share": [0.6667, 0.3333, 0.9, 0.1, np.nan, 1.0],  # 6 / 9, 3 / 9; Reuters has nothing to share
        "small": [True, True, False, False, True, False],  # 9 < MIN_N <= 10
    })
    assert_frame_equal(got, expected, check_dtype=False)
    assert got["small"].dtype == bool and got["count"].dtype == "int64"


def test_share_tables_of_nothing():
    empty = pd.DataFrame({"source": [], "q": [], "claims": []})
    got = plots.share_table(empty, group="source", hue="q", count="claims")
    assert got.empty and list(got.columns) == ["group", "hue", "count", "n", "share", "small"]
    got = plots.share_lines_table(pd.DataFrame({"period": [], "label": [], "count": []}), period="period",
                                  hue="label", count="count", freq="M")
    assert got.empty and list(got.columns) == ["period", "label", "count", "n", "share"]


def test_share_lines_table_names_a_missing_hue_unknown():
    data = pd.DataFrame({"period": pd.to_datetime(["2017-01-01", "2017-01-01"]), "label": ["rebels", N],
                         "count": [1, 3]})
    got = plots.share_lines_table(data, period="period", hue="label", count="count", freq="M")
    assert got[["label", "count", "n", "share"]].values.tolist() == [["(unknown)", 3, 4, 0.75], ["rebels", 1, 4, 0.25]]


def test_reports_share_lines_leave_small_periods_out_of_the_lines():
    data = pd.DataFrame({"period": pd.to_datetime(["2017-01-01", "2017-01-01", "2017-04-01", "2017-10-01"]),
                         "actor": ["UN", "RUSSIA", "UN", "UN"], "reports": [5, 12, 3, 10], "n": [20, 20, 4, 10]})
    fig = plots.reports_share_lines(data, period="period", hue="actor", reports="reports", n="n", title="Presence",
                                    ylabel="share of reports", freq="Q")
    ax, axn = fig.axes[:2]
    lines = {line.get_label(): np.asarray(line.get_ydata(), dtype=float) for line in ax.lines}
    # Q1 n=20: UN 5/20, RUSSIA 12/20; Q2 n=4 (< MIN_N) and Q3 (no reports) are left out; Q4 n=10: UN 10/10
    np.testing.assert_array_equal(lines["UN"], [0.25, np.nan, np.nan, 1.0])
    np.testing.assert_array_equal(lines["RUSSIA"], [0.6, np.nan, np.nan, 0.0])
    assert [p.get_height() for p in axn.patches] == [20, 4, 0, 10]  # the n of every period, small ones too
    assert [p.get_facecolor()[:3] == plt.matplotlib.colors.to_rgb(plots.GREY) for p in axn.patches] == \
        [False, True, True, False]


# --------------------------------------------------------------------------- bars, boxes and panels


def test_count_bars_sum_per_category_in_the_one_order():
    data = pd.DataFrame({"source": ["SANA", "reuters", N, "SANA"], "reports": [3, 5, 2, 4]})
    fig = plots.count_bars(data, y="source", x="reports", title="Reports", xlabel="reports")
    ax = fig.axes[0]
    assert [p.get_width() for p in ax.patches] == [7, 5, 2]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["SANA", "Reuters", "(unknown)"]
    assert fig.alt_text == "Reports. Horizontal bars: reports for each of 3 categories (SANA 7, Reuters 5, (unknown) 2)."


def test_box_chart_writes_n_and_marks_too_few():
    data = pd.DataFrame({"source": ["TASS"] * 4 + ["SANA"] * MIN_N,
                         "compound": [0.1, -0.2, np.nan, 0.3] + [-0.5] * MIN_N})
    fig = plots.box_chart(data, x="source", y="compound", title="Tone")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == [f"SANA  (n={MIN_N})", "TASS  (n=3, too few)"]  # the missing score is not counted


def test_toll_panels_count_dated_tolls_only():
    data = pd.DataFrame({"source": ["SANA", "SANA", "TASS", "TASS"],
                         "date": pd.to_datetime(["2017-01-02", "2017-02-03", "2017-01-05", None]),
                         "toll": [4, 12, 200, 7], "scope": ["event", "cumulative", "event", "event"]})
    fig = plots.toll_panels(data, date="date", toll="toll", facet="source", scope="scope", title="Tolls", ylabel="killed")
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.collections]
    assert titles == ["SANA (2)", "TASS (1)"]
    assert "each report's headline toll (3 points)" in fig.alt_text
    undated = plots.toll_panels(data.iloc[[3]], date="date", toll="toll", facet="source", scope="scope",
                                title="Tolls", ylabel="killed")
    assert undated.empty


def test_bar_chart_largest_first_and_at_most_max_bars():
    data = pd.DataFrame({"actor": ["UN", "ISIS", "UN", "USA", N], "n": [2, 5, 4, 1, 3]})
    fig = plots.bar_chart(data, x="actor", y="n", title="Mentions", max_bars=3)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["UN", "ISIS", "(unknown)"]  # 6, 5, 3; USA (1) cut
    assert [p.get_width() for p in ax.patches] == [6, 5, 3]
    kept = plots.bar_chart(data, x="actor", y="n", title="Mentions", sort_bars=False)
    assert [t.get_text() for t in kept.axes[0].get_yticklabels()] == ["UN", "ISIS", "USA", "(unknown)"]


@pytest.mark.parametrize("value, kind, text", [
    ("tass", "outlets", "TASS"), ("humanitarian_aid", "frames", "humanitarian aid"), ("SYR_GOV", N, "SYR_GOV"),
    ("NEW_GROUP", "groups", "NEW_GROUP"), ("more_than", "qualifiers", "more than"), ("(no source)", "groups", "(no source)"),
])
def test_label_writes_categories_for_readers(value, kind, text):
    assert plots.label(value, kind) == text
