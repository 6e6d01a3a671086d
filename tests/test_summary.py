"""Region status, key quotes, movements and timeline from a hand-built index."""

from sitdash.query import Filters, Index
from sitdash.summary import (
    area_status,
    development_rows,
    key_quotes,
    movement_rows,
    movement_totals,
    region_status,
    sparkline,
    timeline,
)


def claim(cid, text, places, date, source="AP"):
    return {"id": cid, "doc_id": "d1", "text": text, "source": source, "places": places,
            "date": date, "start": int(cid[1:])}


def make_index(extra_movements=()):
    claims = {c["id"]: c for c in [
        claim("c1", "Missiles hit Odesa port", ["Odesa"], "2022-04-03"),
        claim("c2", "Air strikes on Lviv fuel depot", ["Lviv"], "2022-03-26"),
        claim("c3", "Russian troops withdrew from Chernihiv", ["Chernihiv"], "2022-03-31"),
        claim("c4", "Fighting near Izium continued", ["Izium"], "2022-04-01"),
        claim("c5", "Wagner deployed 1,000 fighters to Donbas", ["Donbas"], "2022-03-31"),
        claim("c6", "The convoy is gone, Kirby said", [], None, source="John Kirby"),
    ]}
    events = [
        {"id": "e1", "date": "2022-04-03", "type": "Explosions/Remote violence",
         "sub_type": "Shelling/artillery/missile attack", "places": ["Odesa"],
         "claim_ids": ["c1"], "summary": "Missiles hit Odesa port", "sources": ["d1"]},
        {"id": "e2", "date": "2022-03-26", "type": "Explosions/Remote violence",
         "sub_type": "Air/drone strike", "places": ["Lviv"], "claim_ids": ["c2"],
         "summary": "Air strikes on Lviv", "sources": ["d1"]},
        {"id": "e3", "date": "2022-04-01", "type": "Battles", "sub_type": "Armed clash",
         "places": ["Izium"], "claim_ids": ["c4"], "summary": "Fighting near Izium",
         "sources": ["d1"]},
        {"id": "e4", "date": None, "type": "Battles", "sub_type": "Armed clash",
         "places": [], "claim_ids": ["c6"], "summary": "undated", "sources": ["d1"]},
    ]
    movements = [
        {"id": "m1", "doc_id": "d1", "claim_id": "c3", "actor": "Russian troops",
         "origin": "Chernihiv", "destination": None, "kind": "withdraw", "size": None,
         "date": "2022-03-31", "hedged": False, "start": 3},
        {"id": "m2", "doc_id": "d1", "claim_id": "c5", "actor": "Wagner Group",
         "origin": None, "destination": "Donbas", "kind": "deploy", "size": "1,000",
         "date": "2022-03-31", "hedged": True, "start": 5},
        *extra_movements,
    ]
    quotes = [
        {"id": "q1", "doc_id": "d1", "claim_id": "c6", "text": "gone", "speaker": None,
         "speaker_kind": "other", "start": 0},
        {"id": "q2", "doc_id": "d1", "claim_id": "c6",
         "text": "The convoy never fulfilled its mission and we think 40 vehicles are gone",
         "speaker": "John Kirby", "speaker_kind": "named official", "start": 10},
        {"id": "q3", "doc_id": "d1", "claim_id": "c4", "text": "It is hard fighting here now",
         "speaker": "a senior US defense official", "speaker_kind": "anonymous official",
         "start": 20},
    ]
    docs = {"d1": {"id": "d1", "outlet": "Test Wire", "published": "2022-04-03"}}
    return Index(documents=docs, claims=claims, quotes=quotes, movements=movements,
                 events=events)


def test_region_status_reads_events_and_movements():
    rows = {r.region: r for r in region_status(make_index())}
    assert list(rows)[:7] == ["north", "east", "south", "central", "west", "Belarus", "Russia"]
    assert rows["south"].status == "shelled"
    assert rows["west"].status == "under air attack"
    assert rows["north"].status == "forces withdrawing"
    assert rows["east"].status == "fighting, reinforcing"
    assert rows["central"].status == "no reports" and rows["central"].claims == 0
    assert rows["central"].certainty == "no reports"
    assert rows["east"].claims == 2 and rows["east"].events == 1 and rows["east"].movements == 1
    assert rows["south"].last_date == "2022-04-03"
    assert len(rows["south"].trend) == 14 and rows["south"].trend[-1] == 1


def test_region_status_follows_filters():
    rows = {r.region: r for r in region_status(make_index(), Filters(text="izium"))}
    assert rows["east"].status == "fighting" and rows["south"].status == "no reports"


def test_sparkline_scales_to_the_largest_count():
    assert sparkline([0, 1, 2, 4]) == "▁▃▅█"
    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([]) == ""


def test_key_quotes_put_substantive_attributed_quotes_first():
    quotes = key_quotes(make_index())
    assert [q["id"] for q in quotes] == ["q2", "q3", "q1"]
    assert quotes[0]["outlet"] == "Test Wire"
    assert quotes[0]["date"] == "2022-04-03"  # undated claim: the document's date


def test_movements_label_asserted_and_assessed():
    rows = movement_rows(make_index())
    assert [(r["actor"], r["stance"]) for r in rows] == [
        ("Russian troops", "asserted"), ("Wagner Group", "assessed")]
    assert movement_totals(rows) == {"withdraw": 1, "deploy": 1}


def test_timeline_groups_events_by_day_undated_last():
    days = timeline(make_index())
    assert [d for d, _ in days] == ["2022-03-26", "2022-04-01", "2022-04-03", "undated"]
    assert [e["id"] for e in days[0][1]] == ["e2"]


def test_broad_filters_count_regions_the_same_as_narrow_ones():
    # A filter passing most claims subtracts the dropped ones from the cached total.
    index = make_index()
    from collections import Counter

    for text in ("", "i", "r", "o", "izium", "zzz"):
        filters = Filters(text=text)
        direct = Counter()
        for cid in index.claim_ids(filters):
            for region in index.facts[cid].regions:
                direct[region] += 1
        rows = {r.region: r.claims for r in region_status(index, filters)}
        assert {k: v for k, v in rows.items() if v} == dict(direct), text


def test_quotes_scored_at_ingest_rank_by_their_stored_score(tmp_path):
    from sitdash.bundled import seed_paths
    from sitdash.ingest.pipeline import ingest_paths
    from sitdash.ranking import quote_score
    from sitdash.store import Store

    store = Store(tmp_path / "s.json")
    ingest_paths(store, seed_paths())
    index = Index.from_store(store)
    stored = index.quotes
    assert all(q["outlet"] == "Infobae" and q["date"] for q in stored)
    for quote in stored:  # the stored score is the ranking function's answer
        assert quote["score"] == quote_score(quote, index.claims.get(quote["claim_id"]))
    ranked = key_quotes(index)
    assert [q["score"] for q in ranked] == sorted((q["score"] for q in stored), reverse=True)


# -- oblast-level areas -----------------------------------------------------------------------


def test_areas_roll_places_up_to_their_oblast_and_keep_every_area():
    from sitdash.summary import AREAS, FIGHTING, MOVEMENT, NO_REPORTS, STRIKES, area_status

    rows = {r.region: r for r in area_status(make_index())}
    assert list(rows) == list(AREAS)  # every area, reported or not (the map needs each one)
    # Izium is in Kharkiv Oblast: the battle near it marks the oblast as fought over.
    assert (rows["Kharkiv Oblast"].claims, rows["Kharkiv Oblast"].events) == (1, 1)
    assert rows["Kharkiv Oblast"].level == FIGHTING and rows["Kharkiv Oblast"].status == "fighting"
    assert rows["Kharkiv Oblast"].theatre == "east" and rows["Kharkiv Oblast"].label == "Kharkiv"
    # Donbas covers two oblasts: the Wagner deployment counts in both.
    for oblast in ("Donetsk Oblast", "Luhansk Oblast"):
        assert (rows[oblast].claims, rows[oblast].movements, rows[oblast].level) == (1, 1, MOVEMENT)
        assert rows[oblast].status == "reinforcing"
    assert rows["Lviv Oblast"].level == STRIKES and rows["Lviv Oblast"].mark == "▓"
    assert rows["Chernihiv Oblast"].status == "forces withdrawing"
    assert rows["Volyn Oblast"].level == NO_REPORTS and rows["Volyn Oblast"].mark == " "
    assert not rows["Volyn Oblast"].active and rows["Odesa Oblast"].active
    assert rows["Odesa Oblast"].last_date == "2022-04-03"
    assert len(rows["Odesa Oblast"].trend) == 14


def test_outline_lists_each_theatre_then_its_reported_areas_most_active_first():
    from sitdash.summary import regions_outline

    outline = regions_outline(make_index())
    names = [(r.region, r.is_area) for r in outline]
    east = names.index(("east", False))
    # Kharkiv (fighting) before Donetsk and Luhansk (movement), then the next theatre.
    assert names[east + 1:east + 5] == [("Kharkiv Oblast", True), ("Donetsk Oblast", True),
                                        ("Luhansk Oblast", True), ("south", False)]
    assert [r.region for r in outline if not r.is_area] == [
        "north", "east", "south", "central", "west", "Belarus", "Russia"]
    assert "Volyn Oblast" not in {r.region for r in outline}  # nothing reported there


def test_area_rows_follow_the_filters_at_both_levels():
    from sitdash.summary import area_status

    index = make_index()
    only_east = {r.region: r for r in area_status(index, Filters(regions=frozenset({"east"})))}
    assert only_east["Kharkiv Oblast"].claims == 1 and only_east["Odesa Oblast"].claims == 0
    one_oblast = {r.region: r for r in area_status(
        index, Filters(regions=frozenset({"Luhansk Oblast"})))}
    # The Donbas claim names both oblasts, so filtering to one of them keeps it whole.
    assert one_oblast["Donetsk Oblast"].claims == 1 and one_oblast["Kharkiv Oblast"].claims == 0


def test_area_activity_lists_an_areas_events_and_movements_latest_first():
    from sitdash.summary import area_activity

    events, moves = area_activity(make_index(), Filters(), "Kharkiv Oblast")
    assert [e["id"] for e in events] == ["e3"] and moves == []
    events, moves = area_activity(make_index(), Filters(), "Donetsk Oblast")
    assert events == [] and [m["id"] for m in moves] == ["m2"]


def test_forces_moving_without_a_direction_is_still_activity():
    from sitdash.summary import MOVEMENT, area_status

    index = make_index([{"id": "m3", "doc_id": "d1", "claim_id": "c5", "actor": "Russian units",
                         "origin": None, "destination": "Belarus", "kind": "reposition",
                         "size": None, "date": "2022-03-31", "hedged": False, "start": 6}])
    belarus = {r.region: r for r in area_status(index)}["Belarus"]
    assert (belarus.status, belarus.level, belarus.movements) == ("forces moving", MOVEMENT, 1)


def test_a_contradiction_contests_the_place_it_is_about_not_every_place_it_names():
    """The Kremlin said it would calm things near Chernihiv; a US official then listed
    Chernihiv and Kharkiv among the cities Russian jets had hit. The dispute is Chernihiv's."""
    claims = {
        "a1": claim("a1", "Moscow said it would reduce attacks near Chernihiv", ["Chernihiv"],
                    "2022-03-29"),
        "s1": claim("s1", "Jets struck Chernihiv and Kharkiv overnight", ["Chernihiv", "Kharkiv"],
                    "2022-03-30"),
    }
    row = {"id": "k1", "kind": "activity", "claim_ids": ["a1", "s1"], "doc_ids": ["d1"],
           "development": None, "scope": "activity|ru|Chernihiv Oblast", "parts": [],
           "place": "Chernihiv", "date": "2022-03-29"}
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[],
                  contradictions=[row])
    areas = {r.region: r for r in area_status(index)}
    assert areas["Chernihiv Oblast"].certainty == "contested"
    assert areas["Kharkiv Oblast"].certainty != "contested"
    regions = {r.region: r for r in region_status(index)}
    assert regions["north"].certainty == "contested"
    assert regions["east"].certainty != "contested"


def test_a_region_with_nothing_reported_under_the_filters_is_sure_of_nothing():
    """The withdrawal from Kyiv to Belarus passes a filter on its Kyiv report alone: Belarus
    then has no reports, and no certainty either."""
    claims = {
        "c1": claim("c1", "Troops left Kyiv, the governor said", ["Kyiv"], "2022-03-31"),
        "c2": claim("c2", "Columns crossed into Belarus", ["Belarus"], "2022-04-01",
                    source="Border Wire"),
    }
    dev = {"id": "dev1", "force": "ru", "actor": "Russian forces", "direction": "back",
           "kinds": ["withdraw"], "origin": "Kyiv", "destination": "Belarus",
           "origins": ["Kyiv"], "destinations": ["Belarus"], "movement_ids": [],
           "claim_ids": ["c1", "c2"], "claim_kinds": ["withdraw", "withdraw"],
           "doc_ids": ["d1"], "outlets": ["A", "B"], "origin_keys": ["x", "y"],
           "speaker_keys": ["x", "y"], "first_date": "2022-03-31", "last_date": "2022-04-01",
           "first_reported": None, "last_reported": None, "sizes": []}
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[],
                  developments=[dev])
    everything = {r.region: r for r in region_status(index)}
    assert everything["Belarus"].certainty == "corroborated"  # two origins behind it
    narrowed = {r.region: r for r in region_status(index, Filters(text="governor"))}
    assert narrowed["north"].certainty == "corroborated"
    assert (narrowed["Belarus"].status, narrowed["Belarus"].certainty) == (
        "no reports", "no reports")


def test_developments_newest_first_go_by_their_last_report_undated_last():
    def dev(dev_id, first, last):
        return {"id": dev_id, "force": "ru", "actor": "Russian forces", "direction": "back",
                "kinds": ["withdraw"], "origin": "Kyiv", "destination": None, "origins": [],
                "destinations": [], "movement_ids": [], "claim_ids": [], "claim_kinds": [],
                "doc_ids": [], "outlets": [], "origin_keys": [], "speaker_keys": [],
                "first_date": first, "last_date": last, "sizes": []}

    # "long" began before "short" but was reported until last: the newest by its last report
    devs = [dev("early", "2022-03-20", "2022-03-22"), dev("short", "2022-03-30", "2022-03-31"),
            dev("undated", None, None), dev("long", "2022-03-25", "2022-04-06")]
    index = Index(documents={}, claims={}, quotes=[], movements=[], events=[],
                  developments=devs)
    assert [d.id for d in development_rows(index)] == ["early", "long", "short", "undated"]
    assert [d.id for d in development_rows(index, newest_first=True)] == [
        "long", "short", "early", "undated"]
