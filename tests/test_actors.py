"""Tests for analysis.actors: dictionary loading, matching, mentions and roles."""

from __future__ import annotations

import pytest

from analysis.actors import ActorMatch, default_dictionary, load_actor_dictionary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian jets struck the town.", {"RUSSIA"}),
        ("Assads forces advanced overnight.", {"SYR_GOV"}),
        ("The Observatory counted the dead.", {"MONITOR_NGO"}),
    ],
)
def test_find_basic(text, expected):
    assert {m.actor_id for m in default_dictionary().find(text)} == expected


def test_find_returns_matches_with_offsets():
    text = "Moscow said the rebels withdrew."
    ms = default_dictionary().find(text)
    assert all(isinstance(m, ActorMatch) for m in ms)
    assert [(text[m.start : m.end], m.actor_id) for m in ms] == [("Moscow", "RUSSIA"), ("rebels", "SYR_OPP")]


def test_load_default_is_same_as_bundled():
    assert load_actor_dictionary().actor_groups == default_dictionary().actor_groups
