"""A movement's stated strength: counted forces, not a unit's designation or the dead."""

from sitdash.ingest.movements import extract_movements


def size_of(sentence: str) -> str | None:
    (hit,) = extract_movements(sentence, None)
    return hit.size


def test_a_units_number_and_name_is_no_strength():
    assert size_of("Russia continued to withdraw elements of the 58 Combined Arms Army and "
                   "98 Airborne Division from their positions near Irpin.") is None
    assert size_of("Kyiv moved units of the 5 Separate Assault Brigade to Toretsk.") is None


def test_counted_units_and_troops_stay_strengths():
    assert size_of("Moscow has sent two Russian battalions to Belgorod.") == \
        "two Russian battalions"
    assert size_of("Russia moved three BTGs to Izium.") == "three BTGs"
    assert size_of("Ukraine sent about 400 fighters to Chasiv Yar.") == "about 400 fighters"
    assert size_of("Russia moved about 2,000 people to Horlivka.") == "about 2,000"


def test_the_dead_counted_beside_a_movement_are_no_strength():
    assert size_of("Photos show the bodies of at least 15 men along a road in Borodianka, "
                   "which Ukrainian forces retook on Saturday.") is None
    assert size_of("Russian troops pulled out of Trostianets after 30 people were killed "
                   "there.") is None
