"""Events: ACLED types from claim wording, merged across documents."""

import pytest

from sitdash.ingest.events import build_events, event_type, reports_event, stored_types


def claim(cid, doc, text, date="2022-03-30", places=("Kharkiv",)):
    return {"id": cid, "doc_id": doc, "text": text, "date": date, "date_precision": "day",
            "places": list(places)}


def test_event_types_follow_the_acled_taxonomy():
    assert event_type("Russian aircraft flew 300 attack missions over Kyiv") == (
        "Explosions/Remote violence", "Air/drone strike")
    assert event_type("Artillery shelled residential blocks in Kharkiv overnight") == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert event_type("Ukrainian troops repelled a ground assault near Izium") == (
        "Battles", "Armed clash")
    assert event_type("Russian units captured the village of Kamyanka") == (
        "Battles", "Non-state actor overtakes territory")
    assert event_type("The EU imposed sanctions on the Wagner Group") == (
        "Strategic developments", "Agreement")
    assert event_type("The mayor praised the volunteers") is None


def test_speculation_is_not_an_event_that_happened():
    assert reports_event(claim("a", "d", "Russia could launch missile strikes on Odesa")) is None
    assert reports_event(claim("a", "d", "Missiles hit an oil depot in Odesa")) is not None


def test_same_event_from_two_documents_is_one_event_with_two_sources():
    claims = [
        claim("c1", "doc1", "Russian shelling hit Kharkiv on Wednesday"),
        claim("c2", "doc2", "Kharkiv came under heavy artillery fire on Wednesday"),
        claim("c3", "doc2", "Air strikes hit Chernihiv", places=("Chernihiv",)),
        claim("c4", "doc3", "Russian shelling hit Kharkiv again", date="2022-03-31"),
    ]
    events = build_events(claims)
    assert len(events) == 3
    kharkiv = events[0]
    assert kharkiv["claim_ids"] == ["c1", "c2"]
    assert kharkiv["sources"] == ["doc1", "doc2"]
    assert kharkiv["type"] == "Explosions/Remote violence"
    assert {e["date"] for e in events} == {"2022-03-30", "2022-03-31"}
    # Ids depend on what the event is, so a rebuild gives the same ids.
    assert [e["id"] for e in build_events(claims)] == [e["id"] for e in events]


def test_long_summaries_are_cut_at_a_word():
    text = "Russian forces shelled " + "the outskirts of the city " * 10 + "in Kharkiv"
    event = build_events([claim("c", "d", text)])[0]
    assert len(event["summary"]) <= 101 and event["summary"].endswith("…")


def test_countries_named_as_actors_are_not_where_the_event_happened():
    event = build_events([claim("c", "d", "Russia's missiles hit Lviv and Kyiv",
                                places=("Russia", "Lviv", "Kyiv"))])[0]
    assert event["places"] == ["Kyiv", "Lviv"]
    event = build_events([claim("c", "d", "Russian air strikes on Ukraine doubled",
                                places=("Ukraine",))])[0]
    assert event["places"] == []
    event = build_events([claim("c", "d", "Shelling was reported in Belarus",
                                places=("Belarus", "Ukraine"))])[0]
    assert event["places"] == ["Belarus"]


def test_uncertain_movements_are_not_events_but_announcements_are():
    assert reports_event(claim("a", "d", "It was unclear whether troops left Bucha")) is None
    assert reports_event(claim("a", "d", "Some units may have redeployed to Belarus")) is None
    assert reports_event(claim("a", "d", "Russian troops withdrew from Bucha")) is not None
    assert reports_event(claim("a", "d", "Moscow said it would reduce military operations "
                                         "near Kyiv")) is not None


def test_stored_typing_is_read_back_from_the_events_built_over_the_claims():
    claims = [claim("a", "d1", "Missiles hit an oil depot in Odesa", places=("Odesa",)),
              claim("b", "d1", "The mayor thanked the volunteers"),
              claim("c", "d2", "Artillery shelled the outskirts of Kharkiv overnight")]
    events = build_events(claims)
    known = stored_types(events, [c["id"] for c in claims])
    assert known == {"a": reports_event(claims[0]), "b": None, "c": reports_event(claims[2])}
    assert build_events(claims, known) == events


def test_known_typing_is_used_instead_of_the_wording():
    # A claim typed before keeps that typing (the store's events were built with it); a claim
    # that is not known is typed from its wording as usual.
    shelled = claim("a", "d1", "Artillery shelled the outskirts of Kharkiv overnight")
    fresh = claim("b", "d2", "Artillery shelled the outskirts of Kharkiv overnight")
    assert [e["claim_ids"] for e in build_events([shelled, fresh], {"a": None})] == [["b"]]


@pytest.mark.parametrize(
    "text",
    [
        "The regional centre itself had not been shelled, the governor said.",
        "There was no fighting in the village overnight.",
        "Analysts told readers to watch for a major offensive in the south.",
        "Officials say they expect the main assault to come from the north.",
        "The stalled column became a symbol of the failed assault on the capital.",
        "The 95th Air Assault Brigade rotated to the rear.",
        "Daily Offensive Campaign Assessment, May 3",
        "Some troops moved north-west of the besieged city overnight.",
        "The ministry announced the results of the review on Monday.",
    ],
)
def test_denied_foreseen_figurative_and_named_triggers_are_no_events(text):
    assert reports_event(claim("a", "d", text)) is None


def test_a_denied_trigger_leaves_the_next_one_counting():
    assert event_type("There was no fighting in the town, but shelling resumed at dawn.") == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_a_stated_reduction_of_activity_is_a_change_of_activity_not_a_clash():
    text = "Russia said it had agreed to reduce military activity near the capital, where fighting goes on."
    assert event_type(text) == ("Strategic developments", "Change to group/activity")


def test_captions_and_year_dated_background_make_no_events():
    caption = dict(claim("a", "d", "Artillery shelled the outskirts of Kharkiv"), kind="caption")
    year = dict(claim("b", "d", "Artillery shelled Kharkiv last year"), date="2021-01-01",
                date_precision="year")
    assert build_events([caption, year]) == []


def test_places_named_only_as_actors_are_not_where_an_event_happened():
    c = dict(claim("a", "d", "Moscow's artillery shelled Kupiansk", places=("Moscow", "Kupiansk")),
             actor_places=["Moscow"])
    assert build_events([c])[0]["places"] == ["Kupiansk"]


def test_a_foreseen_offensive_does_not_count_but_what_happened_in_the_sentence_does():
    text = "Russia redeployed fighters to Mariupol as Moscow prepares for a new offensive."
    assert event_type(text) == ("Battles", "Armed clash")  # the words alone
    assert reports_event(claim("a", "d", text)) == (
        "Strategic developments", "Change to group/activity")


def test_a_capitalised_trigger_opening_a_quotation_still_counts():
    assert event_type('"Artillery, massed troops, a narrower front," he said.') == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_what_a_place_has_been_through_is_no_event_but_the_news_beside_it_is():
    text = ("The mayor said enemy troops had pulled out of Dymer, a village that had seen heavy "
            "fighting for weeks.")
    assert event_type(text) == ("Strategic developments", "Change to group/activity")
    assert event_type("The town, which has already witnessed fierce battles, is calm.") is None
    # fighting the sentence itself reports still counts
    assert event_type("Fighting raged in the suburb that the army had held for weeks.") == (
        "Battles", "Armed clash")
