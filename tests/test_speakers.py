"""Speaker identity across documents, sides from the copy, and report origins."""

import pytest

from sitdash.ingest.pipeline import extract
from sitdash.ingest.read import read_text
from sitdash.speakers import (
    add_claims,
    infer_side,
    origin_key,
    parse_side,
    speaker_key,
    wire_of,
)

ANON = "anonymous official"
NAMED = "named official"
BODY = "institution"


@pytest.mark.parametrize("spellings,kind", [
    (["a senior US Defense official", "a senior U.S. defense official",
      "a senior US Defence official", "A senior U.S. Defense official"], ANON),
    (["Alexandr Fomin", "Alexander Fomin"], NAMED),
    (["Dmitry Peskov", "Dmitry Peskow", "Peskov", "Dmitriy Peskov"], NAMED),
    (["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy", "Zelensky"], NAMED),
    (["Oleksandr Hrytsenko", "Oleksander Hrytsenko"], NAMED),  # not a well-known person
    (["John F. Kirby", "John Kirby"], NAMED),
    (["the Russian Defense Ministry", "Russia's Defence Ministry",
      "the Russian Ministry of Defence", "Russian Ministry of Defense"], BODY),
    (["the UK Ministry of Defence", "Britain's Defence Ministry", "the British Defence Ministry"],
     BODY),
    (["Ukraine's General Staff", "the General Staff of the Armed Forces of Ukraine",
      "the Ukrainian General Staff"], BODY),
])
def test_spellings_of_one_speaker_share_one_identity(spellings, kind):
    assert len({speaker_key(name, kind) for name in spellings}) == 1


@pytest.mark.parametrize("a,b,kind", [
    ("Olena Zelenska", "Volodymyr Zelensky", NAMED),
    ("Zelenska", "Zelensky", NAMED),
    ("Vitali Klitschko", "Wladimir Klitschko", NAMED),
    ("Dmitry Peskov", "Dmitry Polyansky", NAMED),
    ("Oleksandr Fomenko", "Alexander Fomin", NAMED),
    ("a senior US defense official", "a senior Russian defense official", ANON),
    ("a US official", "a senior US official", ANON),
    ("the Russian Defence Ministry", "the Ukrainian Defence Ministry", BODY),
])
def test_near_names_stay_apart(a, b, kind):
    assert speaker_key(a, kind) != speaker_key(b, kind)


@pytest.mark.parametrize("name,kind,role,side", [
    ("Vyacheslav Chaus", NAMED, "regional governor of Chernihiv", "ua"),
    ("Ivan Petrenko", NAMED, "Kharkiv regional governor", "ua"),
    ("Alexander Fomin", NAMED, "Russian Deputy Defence Minister", "ru"),
    ("Sergei Ivanov", NAMED, "Russia's deputy defence minister", "ru"),
    ("Vladimir Saldo", NAMED, "Russian-installed head of the Kherson region", "ru"),
    ("Ivan Ivanov", NAMED, "head of the Kremlin-backed administration in Kherson", "ru"),
    ("Vyacheslav Gladkov", NAMED, "governor of the Belgorod region", "ru"),
    ("Jane Roe", NAMED, "US ambassador to Ukraine", "allied"),
    ("Olha Marchuk", NAMED, "Ukraine's ambassador to the United States", "ua"),
    ("a senior US defense official", ANON, "", "allied"),
    ("the Pentagon", BODY, "", "allied"),
    ("the UK Ministry of Defence", BODY, "", "allied"),
    ("NATO", BODY, "", "allied"),
    ("Ukraine's General Staff", BODY, "", "ua"),
    ("a Ukrainian military source", ANON, "", "ua"),
    ("the UN human rights office", BODY, "", "other"),
    ("Ana Lopez", NAMED, "UN human rights spokeswoman", "other"),
    ("two people familiar with the matter", ANON, "", "unknown"),
    ("Maria Novak", NAMED, "", "unknown"),
    ("Peskov", NAMED, "", "ru"),  # a well-known person needs no role
])
def test_side_is_read_from_the_role_and_its_places(name, kind, role, side):
    assert infer_side(name, kind, role) == side


def test_an_unnamed_local_post_speaks_for_the_country_its_claim_is_about():
    assert infer_side("the regional governor", ANON, "", "", ("Sumy",)) == "ua"
    assert infer_side("the local governor", ANON, "", "", ("Kursk",)) == "ru"
    assert infer_side("local officials", ANON, "", "", ("Bucha", "Irpin")) == "ua"
    # no place, places in two countries, or no local post: nothing is decided
    assert infer_side("the regional governor", ANON) == "unknown"
    assert infer_side("the mayor", ANON, "", "", ("Sumy", "Kursk")) == "unknown"
    assert infer_side("two people familiar with the matter", ANON, "", "", ("Sumy",)) == "unknown"
    # a marker in the words still wins over the places
    assert infer_side("the Russian-installed governor", ANON, "", "", ("Kherson",)) == "ru"


def test_a_speakers_side_votes_only_the_places_its_claims_report_on():
    rows: dict[str, dict] = {}
    doc = {"id": "d1", "outlet": "Harbour Daily"}
    # "Russia is pulling back from Sumy, the regional governor said": Russia is the actor
    claims = [
        {"id": "c2", "doc_id": "d1", "source": "the regional governor", "source_kind": ANON,
         "places": ["Russia", "Sumy"], "actor_places": ["Russia"]},
    ]
    add_claims(rows, claims, {"d1": doc})
    (row,) = rows.values()
    assert row["side"] == "ua"


def test_an_outlet_in_its_own_voice_takes_the_outlets_side():
    assert infer_side("TASS", "media", "", "TASS") == "ru"
    assert infer_side("Ukrinform", "media", "", "Ukrinform") == "ua"
    assert infer_side("Harbour Daily", "media", "", "Harbour Daily") == "other"


def test_parse_side_takes_codes_labels_and_common_words():
    assert [parse_side(v) for v in ("ua", "Ukrainian", "RU", "russia", "US and allied", "us",
                                    "allied", "Other", "unknown")] == [
        "ua", "ua", "ru", "ru", "allied", "allied", "allied", "other", "unknown"]
    with pytest.raises(ValueError, match="not one of"):
        parse_side("martian")


def _claim(source, kind, role="", doc="d1"):
    return {"id": f"{source}-{doc}", "doc_id": doc, "source": source, "source_kind": kind,
            "source_role": role}


def test_origins_count_a_body_once_whoever_speaks_for_it():
    doc = {"id": "d1", "outlet": "Capital Tribune", "text": "..."}
    pentagon = {
        origin_key(_claim("John Kirby", NAMED, "Pentagon spokesman"), doc),
        origin_key(_claim("Kirby", NAMED), doc),  # a known spokesman, role or not
        origin_key(_claim("a senior U.S. defense official", ANON), doc),
        origin_key(_claim("the Pentagon", BODY), doc),
    }
    assert pentagon == {"b:pentagon"}
    governor = origin_key(_claim("Vyacheslav Chaus", NAMED, "regional governor of Chernihiv"), doc)
    assert governor not in pentagon


def test_an_outlets_own_voice_is_the_wire_it_reprints_when_the_copy_names_one():
    own = {"id": "d1", "outlet": "Harbour Daily", "text": "Kyiv was quiet."}
    reprint = {"id": "d2", "outlet": "Harbour Daily",
               "text": "Moscow will cut back near Kyiv, Fomin said, Reuters reported."}
    assert wire_of({**reprint, "wire": None}) is None  # stored: not read again
    dateline = {"id": "d3", "outlet": "Northline Wire", "wire": "Reuters", "text": "..."}
    assert wire_of(own) is None and wire_of(reprint) == "Reuters"
    assert wire_of(dateline) == "Reuters"
    voice = {"id": "c", "source": "Harbour Daily", "source_kind": "media"}
    assert origin_key(voice, own) == "o:Harbour Daily"
    assert origin_key(voice, reprint, wire_of(reprint)) == "o:Reuters"
    reuters_says = {"id": "c2", "source": "Reuters", "source_kind": "media"}
    assert origin_key(reuters_says, own) == "o:Reuters"  # one origin with the wire's own copy


def test_speaker_rows_count_claims_documents_spellings_and_sides():
    docs = {"d1": {"id": "d1", "outlet": "A"}, "d2": {"id": "d2", "outlet": "B"}}
    claims = [_claim("Alexander Fomin", NAMED, "Russian Deputy Defence Minister", "d1"),
              _claim("Alexandr Fomin", NAMED, "", "d2"),
              dict(_claim("Alexandr Fomin", NAMED, "", "d2"), id="x")]
    rows: dict = {}
    add_claims(rows, claims, docs)
    (row,) = rows.values()
    assert (row["claims"], row["docs"], row["side"]) == (3, 2, "ru")
    assert row["name"] == "Alexandr Fomin"  # the spelling most claims use
    assert row["names"] == {"Alexander Fomin": 1, "Alexandr Fomin": 2}


def _article(body, **meta):
    return read_text(body, **{"outlet": "Capital Tribune", "published": "2022-03-30", **meta})


def test_the_pentagon_spokesman_is_the_spokesman_the_article_names():
    out = extract(_article(
        "The Pentagon spokesman said some units had pulled back toward Belarus.\n\n"
        "Pentagon spokesman John Kirby said Russian forces were leaving the Kyiv area."))
    assert [c.source for c in out.claims] == ["John Kirby", "John Kirby"]
    assert [c.source_role for c in out.claims] == ["Pentagon spokesman"] * 2


def test_a_description_fitting_two_named_people_is_left_alone():
    out = extract(_article(
        "The Pentagon spokesman said some units had pulled back toward Belarus.\n\n"
        "Pentagon spokesman John Kirby said Russian forces were leaving the Kyiv area.\n\n"
        "Pentagon spokesman Todd Breasseale said the convoy had stalled near the city."))
    assert out.claims[0].source == "the Pentagon spokesman"


def test_an_indefinite_description_stays_anonymous():
    out = extract(_article(
        "Pentagon spokesman John Kirby said Russian forces were leaving the Kyiv area.\n\n"
        "A Pentagon spokesman said some units had pulled back toward Belarus."))
    assert out.claims[-1].source != "John Kirby"
