"""Stated figures as ranges, and when two of them disagree."""

import pytest

from sitdash.figures import disagree, parse_figure


@pytest.mark.parametrize("text,low,high,unit", [
    ("about 1,000", 800, 1200, "troops"),
    ("some 3,000 Russian soldiers", 2400, 3600, "troops"),
    ("less than 20%", 0, 20, "percent"),
    ("roughly 60 per cent", 48, 72, "percent"),
    ("more than 10,000", 10000, None, "troops"),
    ("up to 40,000 troops", 0, 40000, "troops"),
    ("about a third", 26.64, 39.96, "percent"),
    ("at least 5 people", 5, None, "people"),
    ("two battalion tactical groups", 1.8, 2.2, "groups"),
])
def test_amounts_become_ranges_of_one_unit(text, low, high, unit):
    figure = parse_figure(text, "troops")
    assert figure.low == pytest.approx(low) and figure.unit == unit
    assert (figure.high is None and high is None) or figure.high == pytest.approx(high)


def test_words_without_a_number_are_no_figure():
    assert parse_figure("several units", "troops") is None
    assert parse_figure("", "troops") is None


@pytest.mark.parametrize("a,b,conflict", [
    ("about 1,000", "some 3,000", True),
    ("about 1,000", "some 2,000", True),
    ("about 1,000", "1,100", False),
    ("about 1,000", "about 1,400", False),  # estimates that overlap within the margin
    ("less than 20%", "roughly 60%", True),
    ("less than 20%", "about 15%", False),
    ("at least 5,000", "12,000", False),  # "at least" never contradicts a larger figure
    ("fewer than 300", "about 1,000", True),
    ("less than 20%", "about 40,000", False),  # percent and troops are different quantities
    ("two battalion tactical groups", "about 1,000", False),
])
def test_figures_disagree_only_about_the_same_quantity(a, b, conflict):
    fa, fb = parse_figure(a, "troops"), parse_figure(b, "troops")
    assert disagree(fa, fb) is conflict and disagree(fb, fa) is conflict
