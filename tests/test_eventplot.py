"""The same-event chart: one row per incident, outlets side by side, and links that land on the dots.

The events and tolls are made up for these tests.
"""

from __future__ import annotations

import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pytest

from analysis.report.eventplot import event_dot_table, event_dots, overlay_svg
from analysis.report.plots import save_figure, style

EVENTS = pd.DataFrame({"event_id": ["e1", "e2", "e3"], "region": ["idlib", "aleppo", "homs"],
                       "place": ["Saraqib", None, "Homs"],
                       "first_date": pd.to_datetime(["2016-05-03", "2017-04-15", "2014-10-01"]), "outlets": [3, 2, 2]})
POINTS = pd.DataFrame({
    "event_id": ["e1", "e1", "e1", "e2", "e2", "e3", "e3"], "rank": [1, 1, 1, 2, 2, 3, 3],
    "source": ["SANA", "Reuters", "Al-Ahram", "SANA", "Reuters", "TASS", "Reuters"],
    "toll": [12, 12, 15, 43, 126, 18, 2000], "doc_id": ["a", "b", "c", "d", "e", "f", "g"],
    "part": ["body", "title", "body", "body", "body", "title", "body"], "start": [0, 4, 10, 3, 7, 0, 20]})


def test_each_event_is_one_row_with_its_outlets_side_by_side():
    t = event_dot_table(POINTS, EVENTS)
    assert t.groupby("rank")["label"].unique().map(list).tolist() == [
        ["Saraqib, 3 May 2016"], ["Aleppo, 15 April 2017"], ["Homs, 1 October 2014"]]  # region when no town
    first = t[t["rank"] == 1].set_index("source")
    assert first.loc["SANA", "offset"] != first.loc["Reuters", "offset"]  # the same toll, side by side
    assert t.groupby("source")["offset"].nunique().eq(1).all()  # an outlet keeps its place in every row
    assert t["anchor"].tolist()[:3] == ["claim-a-b0", "claim-b-t4", "claim-c-b10"]  # in the style's outlet order
    assert event_dot_table(POINTS, EVENTS, max_events=1)["rank"].unique().tolist() == [1]


def test_the_scale_is_logarithmic_when_tolls_differ_tenfold():
    fig = event_dots(POINTS, EVENTS, title="t")
    assert fig.axes[0].get_xscale() == "log" and "logarithmic" in fig.axes[0].get_xlabel()
    fig = event_dots(POINTS[POINTS["rank"] == 1], EVENTS, title="t")
    assert fig.axes[0].get_xscale() == "linear"
    assert "click a dot to read its sentence" in fig.alt_text


def test_links_land_on_their_dots(tmp_path):
    """Each link's place in the saved image is the dot's: the pixel there has the outlet's colour."""
    fig = event_dots(POINTS, EVENTS, title="The same incident in different outlets")
    png, _ = save_figure(fig, POINTS, "dots", tmp_path)
    img = mpimg.imread(png)[:, :, :3]
    h, w = img.shape[:2]
    box_w, box_h = fig.link_box
    assert abs((w / h) / (box_w / box_h) - 1) < 0.01  # the links' box is the image's
    st = style()
    for p, src in zip(fig.link_points, event_dot_table(POINTS, EVENTS)["source"]):
        x, y = int(round(p["x"] / box_w * w)), int(round(p["y"] / box_h * h))
        want = np.array([int(st.colour(src, "outlets")[i:i + 2], 16) / 255 for i in (1, 3, 5)])
        patch = img[max(0, y - 1):y + 2, max(0, x - 1):x + 2].reshape(-1, 3)
        assert np.abs(patch - want).sum(axis=1).min() < 0.12, (src, p)


def test_overlay_links_each_dot_to_its_claim_and_escapes():
    svg = overlay_svg([{"x": 1.0, "y": 0.5, "anchor": "claim-a%3Cb-b0", "title": "<SANA>: 12 (a<b)"}], (4.0, 2.0),
                      page="documents.html")
    assert svg.startswith('<svg class="cc-links-over" viewBox="0 0 4.0000 2.0000"')
    assert 'href="documents.html#claim-a%3Cb-b0"' in svg and "<title>&lt;SANA&gt;: 12 (a&lt;b)</title>" in svg


@pytest.mark.parametrize("points", [POINTS.iloc[0:0], POINTS[POINTS["event_id"] == "none"]])
def test_nothing_to_draw_is_an_empty_figure(points):
    fig = event_dots(points, EVENTS, title="t")
    assert fig.empty and not getattr(fig, "link_points", None)
