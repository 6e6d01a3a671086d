"""Contradictions on a week of reporting, and claims that must not pair."""

import pytest
from week_articles import write_articles

from sitdash.bundled import seed_paths
from sitdash.contradictions import activity, event_figures
from sitdash.ingest.pipeline import ingest_paths
from sitdash.query import Index
from sitdash.store import Store
from sitdash.summary import contradiction_rows, contradiction_sides, development_rows


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    folder = tmp_path_factory.mktemp("week")
    write_articles(folder / "articles")
    store = Store(folder / "store.json")
    ingest_paths(store, [folder / "articles"])
    return Index.from_store(store)


def texts(index, row):
    return [index.claims[cid]["text"] for cid in row.claim_ids]


def of_kind(index, kind):
    return [r for r in contradiction_rows(index) if r.kind == kind]


def test_an_announced_de_escalation_is_set_against_the_shelling_that_followed(week):
    rows = {r.row["place"]: r for r in of_kind(week, "activity")}
    assert set(rows) == {"Kyiv", "Chernihiv"}
    chernihiv = rows["Chernihiv"]
    assert chernihiv.why.startswith("Alexander Fomin (Russian Deputy Defence Minister) announced "
                                    "reduced activity near Chernihiv on 29 Mar")
    assert "Vyacheslav Chaus (regional governor of Chernihiv) reports shelling in Chernihiv on "\
           "30 Mar (Kyiv Morning)" in chernihiv.why
    said = " ".join(texts(week, chernihiv))
    assert "reduce military activity" in said and "shelled" in said
    assert "Ukrainian artillery" not in said  # the other side's fire contradicts nothing


def test_shelling_before_the_announcement_and_strikes_elsewhere_do_not_pair(week):
    everything = " ".join(t for r in contradiction_rows(week) for t in texts(week, r))
    assert "Irpin on Monday" not in everything  # the day before the announcement
    assert "Lviv" not in everything and "Mariupol" not in everything


def test_a_characterisation_dispute_names_both_sides(week):
    (row,) = of_kind(week, "characterisation")
    assert row.why == (
        "Ukraine's General Staff calls the Russian forces' move back from Kyiv a withdrawal "
        "(Kyiv Morning, 31 Mar); John Kirby (Pentagon spokesman) says it is a repositioning, "
        "not a withdrawal (Capital Tribune, 30 Mar) (+1 more report)")
    sides = contradiction_sides(week, row.row)
    assert [s["side"] for s in sides[:2]] == ["ua", "allied"]
    assert all(s["outlet"] and s["date"] and s["status"] == "unverified" for s in sides)


def test_sizes_that_disagree_are_a_figures_contradiction(week):
    (row,) = of_kind(week, "figures")
    assert "some 3,000 Russian soldiers (Ukraine's General Staff, Kyiv Morning, 31 Mar)" in row.why
    assert "about 1,000 Russian troops (a senior US Defence official, Eastern Post" in row.why
    assert "less than 20%" not in row.why  # a share is not a head count


def test_contested_developments_are_flagged(week):
    contested = [d for d in development_rows(week) if d.contested]
    assert [d.route for d in contested] == ["Kyiv -> Belarus"]


def test_an_article_with_no_dispute_gives_no_contradiction(tmp_path):
    store = Store(tmp_path / "store.json")
    ingest_paths(store, seed_paths())
    assert store.contradictions() == []


def _signal(kind, side, place, date, claim, detail="shelling"):
    return {"id": claim, "claim_id": claim, "doc_id": "d" + claim, "kind": kind, "side": side,
            "places": [place], "date": date, "detail": detail, "alternative": None}


def test_activity_pairs_only_the_same_side_same_oblast_within_the_days_after():
    signals = [
        _signal("announce", "ru", "Chernihiv", "2022-03-29", "a1", "reduced activity"),
        _signal("strike", "ru", "Nizhyn", "2022-03-30", "s1"),  # inside Chernihiv oblast
        _signal("strike", "ua", "Chernihiv", "2022-03-30", "s2"),  # the other side
        _signal("strike", "ru", "Sumy", "2022-03-30", "s3"),  # another oblast
        _signal("strike", "ru", "Chernihiv", "2022-03-28", "s4"),  # before
        _signal("strike", "ru", "Chernihiv", "2022-05-30", "s5"),  # long after
    ]
    (row,) = activity(signals)
    assert row["claim_ids"] == ["a1", "s1"]


def test_an_ordered_withdrawal_is_contradicted_by_fighting_not_by_strikes():
    announced = _signal("announce", "ru", "Kherson", "2022-11-09", "a1", "a withdrawal")
    shelled = _signal("strike", "ru", "Kherson", "2022-11-12", "s1", "shelling")
    assert activity([announced, shelled]) == []
    fought = _signal("strike", "ru", "Kherson", "2022-11-10", "s2", "fighting")
    assert activity([announced, shelled, fought])[0]["claim_ids"] == ["a1", "s2"]


def _toll_claim(cid, doc, text, quantity):
    return {"id": cid, "doc_id": doc, "text": text, "quantities": [quantity]}


def test_death_tolls_disagree_only_across_sides_about_one_incident():
    claims = {
        "a": _toll_claim("a", "d1", "The strike on the theatre in Mariupol killed 300 people, "
                         "the city council said.", "300 people"),
        "b": _toll_claim("b", "d2", "Only 12 people were killed at the theatre in Mariupol, the "
                         "Russian defence ministry said.", "12 people"),
        "c": _toll_claim("c", "d3", "A later count said 280 people were killed at the theatre.",
                         "280 people"),
        "d": _toll_claim("d", "d4", "Shelling of a market in Mariupol killed 20 people.",
                         "20 people"),
    }
    voices = {"a": "ua", "b": "ru", "c": "ua", "d": "ua"}
    event = {"id": "e1", "claim_ids": list(claims), "sources": ["d1", "d2", "d3", "d4"],
             "places": ["Mariupol"], "date": "2022-03-17"}
    (row,) = event_figures([event], claims, lambda claim: voices[claim["id"]])
    assert set(row["claim_ids"]) == {"a", "b"}
    # a rising count from one side, and another incident the same day, are not disputes
    same_side = {k: claims[k] for k in ("a", "c", "d")}
    event_same = dict(event, claim_ids=list(same_side))
    assert event_figures([event_same], same_side, lambda claim: voices[claim["id"]]) == []
