"""Which force an actor phrase names: differently worded reports of one force are one force."""

import pytest

from sitdash.forces import force_key, force_label, force_of, split_force


@pytest.mark.parametrize("actor,voice,force", [
    ("Russian forces", None, ("ru", None)),
    ("Russian troops", None, ("ru", None)),
    ("Moscow's forces", None, ("ru", None)),
    ("the Russians", None, ("ru", None)),
    ("the occupiers", None, ("ru", None)),
    ("Russian paratroopers", None, ("ru", None)),  # a branch, not a unit
    ("Russian military convoy", None, ("ru", None)),
    ("the enemy", "ua", ("ru", None)),  # in a Ukrainian source
    ("the enemy", "ru", ("ua", None)),  # in a Russian one
    ("the enemy", "allied", ("?", None)),
    ("Wagner Group", None, ("ru", "Wagner Group")),
    ("Wagner mercenaries", None, ("ru", "Wagner Group")),
    ("Chechen fighters", None, ("ru", "Chechen forces")),
    ("Kadyrov's men", None, ("ru", "Chechen forces")),
    ("1st Guards Tank Army", None, ("ru", "1st Guards Tank Army")),
    ("the 64th Motorized Rifle Brigade of Russia", None, ("ru", "64th Motorized Rifle Brigade")),
    ("Ukraine's 93rd Brigade", None, ("ua", "93rd Brigade")),
    ("Ukrainian forces", None, ("ua", None)),
    ("the Armed Forces of Ukraine", None, ("ua", None)),
    ("Belarusian troops", None, ("by", None)),
    ("NATO forces", None, ("allied", None)),
    ("military convoy", None, ("?", None)),
    ("unknown", None, ("?", None)),
])
def test_actor_phrases_name_a_side_and_unit(actor, voice, force):
    assert force_of(actor, voice) == force


def test_a_group_is_never_its_sides_regular_forces():
    assert force_of("Wagner Group") != force_of("Russian forces")
    assert force_of("1st Guards Tank Army") != force_of("Russian forces")


def test_force_keys_read_back_and_label():
    key = force_key("ua", "93rd Brigade")
    assert split_force(key) == ("ua", "93rd Brigade")
    assert force_label(key) == "Ukrainian 93rd Brigade"
    assert force_label(force_key("ru", None)) == "Russian forces"
    assert force_label(force_key("ru", "Wagner Group")) == "Wagner Group"
    assert force_label(force_key("?", None)) == "unidentified forces"
