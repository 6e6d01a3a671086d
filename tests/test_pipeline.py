"""The whole extraction of a document, and ingest into a store."""

from sitdash.bundled import seed_paths
from sitdash.ingest.events import build_events
from sitdash.ingest.pipeline import extract, ingest_paths, rebuild_store
from sitdash.ingest.read import read_text, split_front_matter
from sitdash.store import Store

WIRE = """---
title: Strikes on Kharkiv
outlet: Example Wire
published: 2022-04-07
---
Russian artillery shelled residential districts of Kharkiv on Wednesday, killing four \
people, regional governor Oleh Syniehubov said.

"The enemy keeps hitting civilian areas," Syniehubov wrote on Telegram. "There are no \
military targets there."

A senior US Defense official said Russian forces had withdrawn from the area around Sumy.
"""

BRIEFING = """---
title: Pentagon briefing
outlet: Other Wire
published: 2022-04-08
---
A senior US defense official said on Friday that about 1,000 Wagner fighters had moved \
into the Donbas region.
"""


def doc_of(article: str):
    meta, body = split_front_matter(article)
    return read_text(body, path="wire.md", **meta)


def test_every_record_points_into_its_document():
    doc = doc_of(WIRE)
    out = extract(doc)
    assert out.claims and out.quotes and out.movements
    for claim in out.claims:
        assert doc.text[claim.start:claim.end] == claim.text
    for quote in out.quotes:
        assert doc.text[quote.start:quote.end] == quote.text
        assert quote.claim_id in {c.id for c in out.claims}
    for move in out.movements:
        assert 0 <= move.start < move.end <= len(doc.text)


def test_claims_carry_source_date_places_and_numbers():
    out = extract(doc_of(WIRE))
    shelling = out.claims[0]
    assert shelling.source == "Oleh Syniehubov"
    assert shelling.source_kind == "named official"
    assert (shelling.date, shelling.date_precision, shelling.date_text) == (
        "2022-04-06", "day", "on Wednesday")
    assert shelling.places == ["Kharkiv"]
    assert "four people" in shelling.quantities
    quote = out.quotes[0]
    assert (quote.speaker, quote.outlet, quote.date) == ("Oleh Syniehubov", "Example Wire",
                                                         "2022-04-07")


def test_the_seed_caption_is_a_caption_claim():
    store_doc = read_text(seed_paths()[0].read_text(encoding="utf-8"), path="seed.txt")
    captions = [c for c in extract(store_doc).claims if c.kind == "caption"]
    assert len(captions) == 1 and "Lviv" in captions[0].places


def test_one_speaker_keeps_one_spelling_across_documents(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(WIRE, encoding="utf-8")
    (folder / "b.md").write_text(BRIEFING, encoding="utf-8")
    store = Store(tmp_path / "s.json")
    ingest_paths(store, [folder / "a.md"])
    ingest_paths(store, [folder / "b.md"])
    sources = {c["source"] for c in store.claims()}
    assert "a senior US Defense official" in sources
    assert "a senior US defense official" not in sources


def test_rebuild_keeps_ids_and_replaces_records(tmp_path):
    store = Store(tmp_path / "s.json")
    ingest_paths(store, seed_paths())
    before = sorted(c["id"] for c in store.claims())
    events = len(store.events())
    assert rebuild_store(store) == (1, len(before))
    assert sorted(c["id"] for c in store.claims()) == before
    assert len(store.events()) == events


def test_a_second_ingest_types_only_new_claims_and_builds_the_same_events(tmp_path, monkeypatch):
    from sitdash.ingest import events

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "wire.md").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b" / "briefing.md").write_text(BRIEFING, encoding="utf-8")
    store = Store(tmp_path / "store.json")
    ingest_paths(store, [tmp_path / "a"])
    typed = []
    real = events.reports_event
    monkeypatch.setattr(events, "reports_event", lambda c: typed.append(c["id"]) or real(c))
    ingest_paths(store, [tmp_path / "b"])
    new_ids = {c["id"] for c in store.claims() if c["doc_id"] != store.documents()[0]["id"]}
    assert set(typed) == new_ids  # the stored claims were not typed again
    monkeypatch.setattr(events, "reports_event", real)
    stored = [{k: v for k, v in e.items() if k != "origins"} for e in store.events()]
    assert stored == build_events(store.claims())  # as if every claim were typed afresh
    assert all(e["origins"] >= 1 for e in store.events())  # consolidation counts origins
    assert any(len(e["sources"]) == 1 for e in store.events())


def test_claim_sources_follow_the_documents_speakers():
    doc = read_text(
        "The Navy's press service said marines had crossed near Krynky on Monday.\n\n"
        '"The bridgehead is widening," its statement reads.\n\n'
        "The figures were posted on Telegram, Example News Agency reports.\n\n"
        '"More than a hundred enemy soldiers were put out of action," the statement said.',
        published="2023-11-14",
    )
    sources = [c.source for c in extract(doc).claims]
    assert sources == ["the Navy's press service", "the Navy's press service",
                       "Example News Agency", "the Navy's press service"]


def test_a_country_that_speaks_through_a_ministry_named_next_is_that_ministry():
    doc = read_text(
        "Ukraine said on Monday that its units had moved “to stronger lines” west of the river. "
        "The general staff's statement was the first word from Kyiv on the retreat.\n\n"
        "Russia said the village was now under its control. Its troops had fought there for "
        "weeks.",
        published="2023-02-06",
    )
    out = extract(doc)
    assert [c.source for c in out.claims[:1]] == ["Ukraine's general staff"]
    assert out.claims[2].source == "Russia"  # no statement named after it: the country
    assert [(q.text, q.speaker) for q in out.quotes] == [
        ("to stronger lines", "Ukraine's general staff")]


def test_a_caption_is_read_but_no_later_he_refers_to_its_speaker():
    doc = read_text(
        "The defence minister Ivan Example told reporters in Odesa on 3 May 2023 that the "
        "port was reopened. Some Body/Reuters\n\n"
        "Port officials described a quiet night in the city of Odesa.\n\n"
        "He said the first ship would dock on Friday.",
        published="2023-05-03",
    )
    out = extract(doc)
    assert out.claims[0].kind == "caption"
    assert out.claims[-1].source != "Ivan Example"


def test_a_district_heading_places_the_placeless_sentences_under_it():
    doc = read_text(
        "The governor reviewed the districts one by one on Tuesday.\n\n"
        "Okhtyrka district\n\n"
        "Two bodies were found at a former enemy camp.\n\n"
        "Romny district\n\n"
        "The northern part is being cleared. As for Romny itself, the city works as normal.",
        published="2022-04-05",
    )
    places = [c.places for c in extract(doc).claims]
    assert places == [[], ["Okhtyrka"], ["Romny"], ["Romny"]]
    assert not any(c.text.endswith("district") for c in extract(doc).claims)


def test_a_sentence_cut_off_at_the_end_of_an_excerpt_is_no_claim():
    doc = read_text(
        "Russian forces left the village of Zarichne overnight, the brigade said.\n\n"
        "The brigade spokesman, speaking on television, said the next village had not yet been",
        published="2022-10-01",
    )
    out = extract(doc)
    assert [c.text for c in out.claims] == [
        "Russian forces left the village of Zarichne overnight, the brigade said."]


def test_newsroom_boilerplate_is_no_claim_and_hedges_the_claim_before_it():
    doc = read_text(
        "The governor said Russian units had left the village of Hrakove on Friday. "
        "Example Wire was unable to verify the information.\n\n"
        "Example Wire has contacted the Russian defence ministry for comment.",
        published="2022-09-10",
    )
    claims = extract(doc).claims
    assert [c.text for c in claims] == [
        "The governor said Russian units had left the village of Hrakove on Friday."]
    assert "not independently verified" in claims[0].hedges


def test_claims_keep_actor_places_apart_from_where_things_happen():
    doc = read_text("Moscow says its forces shelled Kupiansk overnight.", published="2023-01-05")
    (claim,) = extract(doc).claims
    assert claim.places == ["Moscow", "Kupiansk"]
    assert claim.actor_places == ["Moscow"]


def test_a_headline_and_a_cut_off_last_sentence_name_places_that_are_no_claims():
    doc = read_text(
        "Army Leaves Village Near Avdiivka, Russia Claims Control\n\n"
        "The army pulled out of the village of Tonenke on Monday, its spokesman said.\n\n"
        "The positions of Russia’s forces near Marinka and Kurakhove were shelled as Izium",
    )
    out = extract(doc)
    assert doc.title is not None and "Russia" not in {p for c in out.claims for p in c.places}
    # the headline's places and the fragment's, not the word cut short at the very end
    assert out.document.unclaimed_places == ["Avdiivka", "Russia", "Marinka", "Kurakhove"]
    assert doc.unclaimed_places == []  # the document read is not changed


def test_a_units_name_gives_its_claim_no_place():
    out = extract(read_text(
        'A spokesman of the operational-strategic group "Tavria" said the army left Tonenke.'))
    assert out.claims[0].places == ["Tonenke"]


def test_claims_and_movements_agree_that_a_name_is_no_place():
    # one check (places.in_a_name) for both: a unit's, ship's or person's name names no place
    text = ("---\ntitle: t\noutlet: Test Wire\npublished: 2022-05-02\n---\n"
            "The Chernihiv Brigade withdrew from Lyman to Sviatohirsk on Monday.\n\n"
            "Governor Kherson, a local official, said troops left Izium for Kupiansk.\n")
    out = extract(doc_of(text))
    for claim in out.claims:
        moved = [m for m in out.movements if m.claim_id == claim.id]
        ends = {end for m in moved for end in (m.origin, m.destination) if end}
        assert moved and ends <= set(claim.places), (claim.text, ends, claim.places)
    assert "Chernihiv" not in {p for c in out.claims for p in c.places}
    assert "Kherson" not in {p for c in out.claims for p in c.places}
