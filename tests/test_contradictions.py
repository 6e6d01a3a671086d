"""Contradictions on a week of reporting, and claims that must not pair."""

import pytest
from week_articles import write_articles

from sitdash.bundled import seed_paths
from sitdash.contradictions import activity, characterisation, event_figures
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


def test_only_a_dispute_about_a_development_marks_it_contested():
    """An announced de-escalation against strikes is about a side's word: a withdrawal that
    shares a sentence with the strikes is not disputed by it; a size dispute about it is."""
    claims = {
        "c1": {"id": "c1", "doc_id": "d1", "date": "2022-04-01", "start": 0, "source": "",
               "text": "Troops pulled back from Irpin amid heavy fighting, officials said."},
        "c2": {"id": "c2", "doc_id": "d2", "date": "2022-04-01", "start": 0, "source": "",
               "text": "Some 500 troops pulled back from Irpin."},
    }
    dev = {"id": "dev1", "force": "ru", "actor": "Russian forces", "direction": "back",
           "kinds": ["withdraw"], "origin": "Irpin", "destination": None, "origins": ["Irpin"],
           "destinations": [], "movement_ids": [], "claim_ids": ["c1", "c2"],
           "claim_kinds": ["withdraw", "withdraw"], "doc_ids": ["d1", "d2"],
           "outlets": ["A", "B"], "origin_keys": ["x", "y"], "speaker_keys": ["x", "y"],
           "first_date": "2022-04-01", "last_date": "2022-04-01", "first_reported": None,
           "last_reported": None, "sizes": []}
    activity_row = {"id": "k1", "kind": "activity", "claim_ids": ["c0", "c1"],
                    "doc_ids": ["d1"], "development": None, "scope": "activity|ru|Kyiv Oblast"}
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[],
                  developments=[dev], contradictions=[activity_row])
    assert index.contested() == {}
    figures_row = dict(activity_row, id="k2", kind="figures", development="dev1",
                       scope="dev|dev1")
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[],
                  developments=[dev], contradictions=[activity_row, figures_row])
    assert index.contested() == {"dev1": [figures_row]}


def _negation(claim, doc, places, date, alternative="reposition"):
    return {"id": "n" + claim, "claim_id": claim, "doc_id": doc, "kind": "negation",
            "side": "ru", "places": places, "date": date, "detail": "withdraw",
            "alternative": alternative}


def test_denials_of_one_withdrawal_are_one_dispute_even_from_an_article_about_the_alternative():
    """NATO's "not withdrawing but regrouping" ran in a story whose only movement is the
    regrouping in the Donbas: the denial is about the withdrawal others report from Kyiv."""
    kyiv = {"id": "kyiv", "force": "ru", "direction": "back", "origin": "Kyiv",
            "destination": "Belarus", "origins": ["Kyiv"], "destinations": ["Belarus"],
            "doc_ids": ["d1", "d2", "d3"], "claim_ids": ["w1", "w2", "p1"],
            "claim_kinds": ["withdraw", "withdraw", "reposition"],
            "first_date": "2022-03-30", "last_date": "2022-04-01"}
    donbas = {"id": "donbas", "force": "ru", "direction": "back", "origin": "Donbas",
              "destination": None, "origins": ["Donbas"], "destinations": [],
              "doc_ids": ["d4"], "claim_ids": ["r1"], "claim_kinds": ["regroup"],
              "first_date": "2022-03-31", "last_date": "2022-03-31"}
    origins = {"w1": "governor", "w2": "general staff", "p1": "pentagon", "n1": "pentagon",
               "n2": "nato", "r1": "nato"}
    rows = characterisation([kyiv, donbas],
                            [_negation("n1", "d3", ["Kyiv"], "2022-03-30"),
                             _negation("n2", "d4", ["Kyiv", "Moscow"], "2022-03-31")],
                            origins.__getitem__)
    (row,) = rows
    assert row["development"] == "kyiv"
    assert row["claim_ids"] == ["w1", "w2", "n1", "n2"]
    assert [p["claim_id"] for p in row["parts"]] == ["w1", "n1"]
    # the reason names a speaker's own denial before an outlet's paraphrase of one
    origins["n1"] = "o:Capital Tribune"
    (row,) = characterisation([kyiv, donbas],
                              [_negation("n1", "d3", ["Kyiv"], "2022-03-30"),
                               _negation("n2", "d4", ["Kyiv"], "2022-03-31")],
                              origins.__getitem__)
    assert [p["claim_id"] for p in row["parts"]] == ["w1", "n2"] and row["date"] == "2022-03-31"
    # a denial from the origin that itself called it a withdrawal disputes nothing
    origins["w2"] = "nato"
    (row,) = characterisation([kyiv, donbas], [_negation("n2", "d4", ["Kyiv"], "2022-03-31")],
                              origins.__getitem__)
    assert row["claim_ids"] == ["w1", "n2"]
