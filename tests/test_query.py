"""The query layer: indexes return exactly what a plain scan with `matches` returns."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitdash import query
from sitdash.query import Filters, Index, matches

PLACES = ["Kyiv", "Kharkiv", "Chernihiv", "Donbas", "Odesa", "Lviv", "Belarus", "Mariupol",
          "Moscow"]
SOURCES = ["John Kirby", "the Pentagon", "a senior US defense official", "Reuters",
           "a senior U.S. Defence official"]
TYPES = ["Battles", "Explosions/Remote violence", "Strategic developments"]
WORDS = ["shelling", "convoy", "troops", "Kharkiv", "strike", "withdrew", "ka", "ŁÓDŹ", "",
         "İstanbul", "a-b", "x_y", "٣٤"]
DATES = [None, "2022-03-01", "2022-03-15", "2022-03-30", "2022-04-02"]
STAMPS = [None, "2022-04-01T09:00:00.000000+00:00", "2022-04-02T09:00:00+03:00", "garbage"]
MARKS = [None, {"upto": "2022-04-01T12:00:00+00:00"}, {"upto": None}]


@st.composite
def stores(draw):
    n = draw(st.integers(0, 40))
    claims = {}
    for i in range(n):
        cid = f"c{i:03d}"
        claims[cid] = {
            "id": cid, "doc_id": f"d{draw(st.integers(0, 3))}",
            "text": " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=6))),
            "source": draw(st.sampled_from(SOURCES)),
            "places": draw(st.lists(st.sampled_from(PLACES), max_size=3, unique=True)),
            "date": draw(st.sampled_from(DATES)), "start": i,
        }
    events = []
    for j in range(draw(st.integers(0, 8))):
        linked = draw(st.lists(st.sampled_from(sorted(claims) or ["none"]), max_size=4))
        events.append({"id": f"e{j}", "type": draw(st.sampled_from(TYPES)),
                       "claim_ids": linked, "date": None, "places": []})
    judgements = {cid: {"status": draw(st.sampled_from(["unverified", "corroborated", "false"]))}
                  for cid in draw(st.lists(st.sampled_from(sorted(claims) or ["none"]),
                                           max_size=10))}
    documents = {f"d{k}": {"id": f"d{k}", "outlet": ["AP", "Infobae", None][k % 3],
                           "ingested": draw(st.sampled_from(STAMPS))}
                 for k in range(4)}
    ids = sorted(claims) or ["none"]
    quotes = [{"id": f"q{k}", "claim_id": draw(st.sampled_from(ids)), "text": "q"}
              for k in range(draw(st.integers(0, 30)))]
    movements = [{"id": f"m{k}", "claim_id": draw(st.sampled_from(ids)), "kind": "withdraw"}
                 for k in range(draw(st.integers(0, 30)))]
    return Index(documents=documents, claims=claims, quotes=quotes, movements=movements,
                 events=events, judgements=judgements, review=draw(st.sampled_from(MARKS)))


filters_strategy = st.builds(
    Filters,
    text=st.sampled_from(WORDS + ["KHAR", "infobae", "kirby"]),
    # theatres and oblast-level areas, mixed (a theatre takes in every area of it)
    regions=st.frozensets(st.sampled_from(["north", "east", "south", "west", "Belarus",
                                           "Kharkiv Oblast", "Kyiv Oblast", "Donetsk Oblast",
                                           "Russia (other)", "Lviv Oblast"]), max_size=2),
    sources=st.frozensets(st.sampled_from(SOURCES), max_size=2),
    types=st.frozensets(st.sampled_from(TYPES), max_size=2),
    date_from=st.sampled_from(DATES),
    date_to=st.sampled_from(DATES),
    needs_review=st.booleans(),
    new_only=st.booleans(),
    include_undated=st.booleans(),
    sides=st.frozensets(st.sampled_from(["ua", "ru", "allied", "other", "unknown"]), max_size=2),
    statuses=st.frozensets(st.sampled_from(["unverified", "corroborated", "disputed", "false"]),
                           max_size=2),
)


def scan(index: Index, filters: Filters) -> list[str]:
    return [cid for cid in index.order if matches(index.facts[cid], filters)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stores(), st.lists(filters_strategy, min_size=1, max_size=4))
def test_indexed_filters_equal_a_plain_scan(index, sequence):
    # A sequence of filters also exercises the text cache (typing narrows the last result).
    for filters in sequence:
        assert index.claim_ids(filters) == scan(index, filters)
    index.warm()  # the word index answers text filters from here on
    index._text_cache = None
    index._memo.clear()
    for filters in sequence:
        assert index.claim_ids(filters) == scan(index, filters)


@settings(max_examples=200, deadline=None)
@given(stores(), st.text(max_size=4))
def test_word_index_equals_a_scan_for_any_text(index, typed):
    index.warm()
    filters = Filters(text=typed)
    assert index.claim_ids(filters) == scan(index, filters)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stores(), filters_strategy)
def test_rows_resting_on_passing_claims_equal_a_plain_scan(index, filters):
    # Narrow filters go claim -> rows, broad ones scan the rows: both must give this.
    passing = set(scan(index, filters))
    everything = filters.is_empty()
    for got, rows in ((index.quote_rows(filters), index.quotes),
                      (index.movement_rows(filters), index.movements)):
        assert got == [r for r in rows if everything or r["claim_id"] in passing]
    assert index.event_rows(filters) == [
        e for e in index.events_in_order if everything or passing & set(e["claim_ids"])]


@settings(max_examples=100, deadline=None)
@given(stores(), st.text(alphabet="kharivKHARIV ", max_size=7))
def test_typing_letter_by_letter_equals_a_fresh_query(index, typed):
    for n in range(len(typed) + 1):
        filters = Filters(text=typed[:n])
        assert index.claim_ids(filters) == scan(index, filters)


def test_regions_come_from_the_gazetteer_and_filters_combine():
    claims = {
        "a": {"id": "a", "doc_id": "d", "text": "Shelling in Kharkiv", "source": "AP",
              "places": ["Kharkiv"], "date": "2022-03-02", "start": 0},
        "b": {"id": "b", "doc_id": "d", "text": "Convoy near Kyiv", "source": "AP",
              "places": ["Kyiv"], "date": "2022-03-01", "start": 1},
        "c": {"id": "c", "doc_id": "d", "text": "Troops in Belarus", "source": "Kirby",
              "places": ["Belarus"], "date": None, "start": 2},
    }
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[],
                  judgements={"b": {"status": "corroborated"}})
    assert index.order == ["b", "a", "c"]  # dated first, by date
    assert index.claim_ids(Filters(regions=frozenset({"east"}))) == ["a"]
    assert index.claim_ids(Filters(regions=frozenset({"north", "Belarus"}))) == ["b", "c"]
    assert index.claim_ids(Filters(needs_review=True)) == ["a", "c"]
    assert index.claim_ids(Filters(text="CONVOY", sources=frozenset({"AP"}))) == ["b"]
    assert index.claim_ids(Filters(date_from="2022-03-02")) == ["a"]
    assert index.claim_ids(Filters(regions=frozenset({"Kharkiv Oblast"}))) == ["a"]
    assert index.claim_ids(Filters(regions=frozenset({"Kyiv Oblast", "east"}))) == ["b", "a"]
    # The picker lists each theatre followed by its areas.
    assert index.options("region") == [("Belarus", 1), ("east", 1), ("Kharkiv Oblast", 1),
                                       ("north", 1), ("Kyiv Oblast", 1)]


def test_analyst_updates_change_needs_review_without_rebuilding():
    claims = {"a": {"id": "a", "doc_id": "d", "text": "x", "source": "s", "places": [],
                    "date": None, "start": 0}}
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[])
    assert index.claim_ids(Filters(needs_review=True)) == ["a"]
    index.update_analyst({"a": {"status": "disputed"}}, [{"claim_id": "a", "text": "n"}])
    assert index.claim_ids(Filters(needs_review=True)) == []
    assert index.has_notes("a") and not index.has_notes("b")


def test_filters_round_trip_and_survive_garbage():
    f = Filters(text="kyiv", regions=frozenset({"north"}), needs_review=True,
                date_from="2022-03-01")
    assert Filters.from_dict(f.to_dict()) == f
    assert Filters.from_dict({"regions": "north", "text": 5, "needs_review": "yes"}) == Filters()
    assert Filters.from_dict(None) == Filters()
    assert f.chips() == ["/kyiv", "region: north", "date: 2022-03-01..…", "needs review"]


def test_a_claim_belongs_to_the_regions_of_the_specific_places_it_names():
    claims = {
        "a": {"id": "a", "doc_id": "d", "text": "Russia's missiles hit Lviv", "source": "AP",
              "places": ["Russia", "Ukraine", "Lviv"], "date": None, "start": 0},
        "b": {"id": "b", "doc_id": "d", "text": "Russia mobilises", "source": "AP",
              "places": ["Russia"], "date": None, "start": 1},
    }
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[])
    assert index.facts["a"].regions == frozenset({"west"})
    assert index.facts["a"].areas == frozenset({"Lviv Oblast"})
    assert index.facts["b"].areas == frozenset({"Russia (other)"})
    assert index.claim_ids(Filters(regions=frozenset({"Russia"}))) == ["b"]
    assert index.claim_ids(Filters(regions=frozenset({"Russia (other)"}))) == ["b"]


@pytest.mark.parametrize("scan_limit", [0, 10_000])
def test_typing_with_the_word_index_equals_a_fresh_query(scan_limit):
    """Each letter either rescans the last answer or asks the word index (by its size)."""

    @settings(max_examples=100, deadline=None)
    @given(stores(), st.text(alphabet="kharivKHARIV ", max_size=7))
    def typing(index, typed):
        index.warm()
        for n in range(len(typed) + 1):
            filters = Filters(text=typed[:n])
            assert index.claim_ids(filters) == scan(index, filters)

    saved, query.NARROW_SCAN_LIMIT = query.NARROW_SCAN_LIMIT, scan_limit
    try:
        typing()
    finally:
        query.NARROW_SCAN_LIMIT = saved


def test_the_memo_forgets_the_oldest_answers_but_not_the_derived_tables():
    claims = {f"c{i}": {"id": f"c{i}", "doc_id": "d", "text": f"word{i}", "source": "AP",
                        "places": [], "date": None, "start": i} for i in range(3)}
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[])
    table = index.derived("table", lambda: object())
    first = index.memo("first", lambda: object())
    for n in range(query.MEMO_SIZE):
        index.memo(("answer", n), lambda: object())
        assert index.memo("first", lambda: None) is first  # used again: kept
    index.memo(("answer", "one more"), lambda: object())
    assert index.memo(("answer", 0), lambda: "recomputed") == "recomputed"  # the oldest went
    index.update_analyst({}, [])  # analyst data changed: answers go, derived tables stay
    assert index.memo("first", lambda: "recomputed") == "recomputed"
    assert index.derived("table", lambda: None) is table


def test_a_country_named_only_as_an_actor_gives_the_claim_no_region():
    claims = {
        "a": {"id": "a", "doc_id": "d", "text": "Moscow says it is pressing on", "source": "AP",
              "places": ["Moscow"], "actor_places": ["Moscow"], "date": None, "start": 0},
        "b": {"id": "b", "doc_id": "d", "text": "Drones hit a depot in Russia", "source": "AP",
              "places": ["Russia"], "actor_places": [], "date": None, "start": 1},
    }
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[])
    assert index.facts["a"].regions == frozenset()
    assert index.claim_ids(Filters(regions=frozenset({"Russia"}))) == ["b"]


def test_sides_and_statuses_filter_and_persist():
    claims = {
        "a": {"id": "a", "doc_id": "d", "text": "Chernihiv was shelled all night",
              "source": "Vyacheslav Chaus", "source_kind": "named official",
              "source_role": "regional governor of Chernihiv", "places": ["Chernihiv"],
              "date": "2022-03-30", "start": 0},
        "b": {"id": "b", "doc_id": "d", "text": "Moscow will cut back near Kyiv",
              "source": "Alexandr Fomin", "source_kind": "named official", "places": ["Kyiv"],
              "date": "2022-03-29", "start": 1},
        "c": {"id": "c", "doc_id": "d", "text": "Forces are leaving Kyiv",
              "source": "Alexander Fomin", "source_kind": "named official", "places": ["Kyiv"],
              "date": "2022-03-30", "start": 2},
    }
    index = Index(documents={"d": {"id": "d", "outlet": "AP"}}, claims=claims, quotes=[],
                  movements=[], events=[], judgements={"a": {"status": "disputed"}})
    assert index.claim_ids(Filters(sides=frozenset({"ua"}))) == ["a"]
    assert index.claim_ids(Filters(sides=frozenset({"ru"}))) == ["b", "c"]
    assert index.claim_ids(Filters(sources=frozenset({"Alexandr Fomin"}))) == ["b", "c"]
    assert index.claim_ids(Filters(statuses=frozenset({"disputed"}))) == ["a"]
    assert dict(index.options("side")) == {"ua": 1, "ru": 2}
    assert [name for name, _ in index.options("source")] == ["Alexander Fomin",
                                                             "Vyacheslav Chaus"]
    filters = Filters(sides=frozenset({"ua", "allied"}), statuses=frozenset({"false"}))
    assert Filters.from_dict(filters.to_dict()) == filters
    assert "side: Ukrainian, US and allied" in filters.chips()
    assert Filters.from_dict({"sides": ["ua", "martian", 3]}).sides == frozenset({"ua"})
    # the analyst's correction wins, without rebuilding the index
    key = index.speaker_of("Alexander Fomin")["key"]
    index.update_analyst({}, [], speaker_sides={key: "other"})
    assert index.claim_ids(Filters(sides=frozenset({"ru"}))) == []
    assert index.side_of("Alexandr Fomin") == "other"


def test_one_spelling_used_for_two_kinds_of_source_filters_like_the_scan():
    claims = {cid: {"id": cid, "doc_id": "d", "text": "t", "source": "Reuters",
                    "source_kind": kind, "places": [], "date": None, "start": n}
              for n, (cid, kind) in enumerate([("a", "media"), ("b", "institution"),
                                                 ("c", "media"), ("d", "media")])}
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[])
    filters = Filters(sources=frozenset({"Reuters"}))
    assert index.claim_ids(filters) == [c for c in index.order if matches(index.facts[c], filters)]
