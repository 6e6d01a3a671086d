"""--region as people write it: theatres, oblasts in common forms, and what is refused."""

import pytest

from sitdash.region_names import region_error, resolve_region


@pytest.mark.parametrize("written,named", [
    ("north", ("north",)),
    ("NORTH", ("north",)),
    ("belarus", ("Belarus",)),
    ("kyiv", ("Kyiv Oblast",)),
    ("Kyiv Oblast", ("Kyiv Oblast",)),
    ("kyiv oblast", ("Kyiv Oblast",)),
    ("Kiev", ("Kyiv Oblast",)),  # a transliteration the gazetteer knows
    ("Kharkiv region", ("Kharkiv Oblast",)),
    ("Kharkov oblast", ("Kharkiv Oblast",)),
    ("Kursk region", ("Kursk Oblast",)),
    ("Crimea", ("Crimea",)),
    ("Transcarpathia", ("Zakarpattia Oblast",)),
    ("Donbas", ("Donetsk Oblast", "Luhansk Oblast")),
    ("  Zaporizhzhia   Oblast ", ("Zaporizhzhia Oblast",)),
])
def test_a_theatre_or_an_oblast_in_its_common_forms(written, named):
    assert resolve_region(written) == named


@pytest.mark.parametrize("written", ["northwest", "Izium", "Moscow", "Sevastopol", "", "Atlantis"])
def test_a_town_or_an_unknown_name_is_no_region(written):
    # A town is not quietly read as its oblast: "Izium" would filter to all of Kharkiv Oblast.
    assert resolve_region(written) == ()


def test_the_error_is_one_short_line_naming_what_is_accepted():
    line = region_error("--region", "Izium")
    assert "\n" not in line and len(line) < 160
    assert "north" in line and "Russia" in line and "Kharkiv Oblast" in line
