"""Consolidating movements into developments (pure: movement and claim dicts in, rows out)."""

import random

import pytest

from sitdash.developments import (
    GAP_DAYS,
    SPAN_DAYS,
    build_development,
    consolidate_partition,
    make_report,
    overlap,
    partition_of,
    phase_of,
    progression,
    progression_line,
)

N = iter(range(10**6))


def move(kind, origin=None, destination=None, date="2022-03-30", actor="Russian forces",
         size=None, hedged=False, text="Russian forces moved.", doc="d1"):
    n = next(N)
    claim = {"id": f"c{n:05d}", "doc_id": doc, "text": text, "date": date,
             "source": "the Pentagon", "source_kind": "institution"}
    movement = {"id": f"m{n:05d}", "doc_id": doc, "claim_id": claim["id"], "actor": actor,
                "origin": origin, "destination": destination, "kind": kind, "size": size,
                "date": date, "hedged": hedged}
    return movement, claim


MOVES: dict = {}
CLAIMS: dict = {}


def developments(pairs):
    """Group (movement, claim) pairs as ingest does: by force and direction, then in time."""
    for movement, claim in pairs:
        MOVES[movement["id"]], CLAIMS[claim["id"]] = movement, claim
    parts: dict = {}
    for movement, claim in pairs:
        part = partition_of(movement, "allied")
        parts.setdefault(part, []).append(make_report(movement, claim, part[1]))
    rows = []
    for (force, direction), reports in sorted(parts.items()):
        for group in consolidate_partition(reports):
            rows.append(build_development(force, direction, group, {"d1": {"outlet": "A"}},
                                          lambda c: c["source"], lambda c: c["source"]))
    return rows


def members(rows):
    return sorted(sorted(r["movement_ids"]) for r in rows)


def test_reports_of_one_withdrawal_with_overlapping_ends_consolidate():
    rows = developments([
        move("reposition", "Kyiv", date="2022-03-30"),
        move("withdraw", "Hostomel", "Belarus", date="2022-03-31"),  # inside the Kyiv region
        move("withdraw", "Kyiv Oblast", date="2022-04-01"),
        move("regroup", None, "Irpin", date="2022-04-01"),  # a regrouping where it happens
        move("withdraw", "Kyiv", date="2022-04-06"),
    ])
    assert len(rows) == 1
    (dev,) = rows
    assert dev["direction"] == "back" and dev["actor"] == "Russian forces"
    assert dev["kinds"] == ["withdraw", "regroup", "reposition"]
    assert (dev["first_date"], dev["last_date"]) == ("2022-03-30", "2022-04-06")
    assert dev["destination"] == "Belarus"


def test_an_end_one_report_gives_does_not_rename_what_many_report():
    rows = developments([
        move("withdraw", "Kyiv", "Belarus", date="2022-03-30"),
        move("withdraw", "Chornobyl", date="2022-03-31"),  # one report's site, in Kyiv Oblast
        move("withdraw", "Kyiv", date="2022-03-31"),
        move("withdraw", "Hostomel", date="2022-04-01"),
        move("withdraw", "Hostomel", "Belarus", date="2022-04-01"),
    ])
    (dev,) = rows
    assert dev["origin"] == "Kyiv"  # of equally specific ends (a site is a town's), the most told
    assert dev["origins"][:2] == ["Kyiv", "Hostomel"] and "Chornobyl" in dev["origins"]
    (alone,) = developments([move("withdraw", "Kyiv Oblast", date="2022-05-01"),
                             move("withdraw", "Kyiv Oblast", date="2022-05-01"),
                             move("withdraw", "Irpin", date="2022-05-02")])
    assert alone["origin"] == "Irpin"  # a town is more specific than its oblast


def test_back_and_forward_of_one_force_never_merge():
    rows = developments([move("withdraw", "Bucha"), move("deploy", None, "Bucha"),
                         move("advance", None, "Bucha"), move("regroup", "Bucha")])
    assert sorted(r["direction"] for r in rows) == ["back", "forward"]
    for row in rows:
        kinds = set(row["kinds"])
        assert kinds <= {"withdraw", "retreat", "reposition", "regroup"} or \
            kinds <= {"deploy", "redeploy", "advance"}


def test_different_forces_stay_apart():
    rows = developments([move("withdraw", "Hostomel"),
                         move("withdraw", "Hostomel", actor="Wagner Group"),
                         move("withdraw", "Hostomel", actor="Ukrainian forces"),
                         move("withdraw", "Hostomel", actor="1st Guards Tank Army")])
    assert len(rows) == 4


def test_a_nearby_movement_in_another_oblast_stays_separate():
    rows = developments([move("withdraw", "Kyiv", "Belarus", date="2022-03-30"),
                         move("withdraw", "Chernihiv", "Belarus", date="2022-03-30"),
                         move("withdraw", "Sumy", "Russia", date="2022-03-31"),
                         move("withdraw", "Trostianets", date="2022-04-01")])
    assert sorted(len(r["movement_ids"]) for r in rows) == [1, 1, 2]
    sumy = next(r for r in rows if len(r["movement_ids"]) == 2)
    assert set(sumy["origins"]) == {"Sumy", "Trostianets"}


def test_withdrawals_to_the_same_country_are_not_one_development():
    rows = developments([move("withdraw", "Kyiv", "Belarus"),
                         move("withdraw", "Chernihiv", "Belarus")])
    assert len(rows) == 2


def test_a_report_known_only_by_its_destination_joins_through_a_report_that_ties_them():
    rows = developments([move("withdraw", None, "Belarus", date="2022-03-30"),
                         move("reposition", "Kyiv", date="2022-03-30"),
                         move("withdraw", "Hostomel", "Gomel", date="2022-03-31")])
    assert len(rows) == 1


def test_reports_far_apart_in_time_are_separate_developments():
    gap = developments([move("withdraw", "Kyiv", date="2022-03-01"),
                        move("withdraw", "Kyiv", date=f"2022-03-{1 + GAP_DAYS + 1:02d}")])
    assert len(gap) == 2
    # a report every few days never chains past the span
    days = [f"2022-03-{d:02d}" for d in range(1, 31, 3)] + ["2022-04-02"]
    chained = developments([move("withdraw", "Kyiv", date=d) for d in days])
    assert len(chained) == 2
    for row in chained:
        first, last = row["first_date"], row["last_date"]
        assert (int(last[-2:]) - int(first[-2:])) % 31 <= SPAN_DAYS


def test_places_overlap_when_one_lies_inside_the_other():
    assert overlap("Irpin", "Kyiv") and overlap("Kyiv", "Irpin")  # "Kyiv" stands for its region
    assert overlap("Izium", "Kharkiv Oblast") and overlap("Mariupol", "Donbas")
    assert overlap("Belgorod", "Russia") and overlap("Gomel", "Belarus")
    assert not overlap("Irpin", "Chernihiv") and not overlap("Izium", "Kupiansk")
    assert not overlap("Kyiv", "Ukraine")  # the whole country says nothing about where


def test_ids_and_rows_do_not_depend_on_input_order():
    pairs = [move("withdraw", "Kyiv", date=f"2022-03-{d:02d}") for d in (29, 30, 31)]
    pairs += [move("withdraw", "Sumy", date="2022-03-30"), move("deploy", None, "Donbas"),
              move("withdraw", None, "Belarus", date="2022-03-31"),
              move("withdraw", "Hostomel", "Belarus", date="2022-04-01")]
    expected = developments(pairs)
    for seed in range(20):
        shuffled = pairs[:]
        random.Random(seed).shuffle(shuffled)
        assert developments(shuffled) == expected


def test_sizes_and_progression_keep_who_said_what():
    rows = developments([
        move("reposition", "Kyiv", date="2022-03-30", size="less than 20%", hedged=True,
             text="Russia has begun to reposition less than 20% of its forces near Kyiv."),
        move("withdraw", "Kyiv", date="2022-03-31", size="about 1,000",
             text="About 1,000 Russian troops are withdrawing from Kyiv."),
        move("withdraw", "Kyiv", date="2022-04-06",
             text="Russian forces have completed their withdrawal from Kyiv."),
    ])
    (dev,) = rows
    assert [s["size"] for s in dev["sizes"]] == ["less than 20%", "about 1,000"]
    steps = progression(dev, MOVES, CLAIMS)
    assert [(p["stance"], p["phase"]) for p in steps] == [
        ("assessed", "beginning"), ("asserted", "under way"), ("asserted", "completed")]
    assert progression_line(steps) == (
        "assessed, beginning 2022-03-30 -> asserted, under way 2022-03-31 -> "
        "asserted, completed 2022-04-06")


@pytest.mark.parametrize("text,phase", [
    ("Russia has begun to reposition its forces.", "beginning"),
    ("Russian forces are expected to redeploy to the Donbas.", "expected"),
    ("Russian troops are pulling back from Kyiv.", "under way"),
    ("All Russian troops have left the Kyiv region.", "completed"),
    ("Russian troops withdrew from Irpin.", "reported"),
])
def test_the_phase_comes_from_the_wording(text, phase):
    assert phase_of(text) == phase
