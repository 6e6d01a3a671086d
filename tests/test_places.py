"""Gazetteer: spellings, roll-ups, clashes, precision on capitalised non-places, the seed, speed."""

from importlib import resources
from pathlib import Path

import orjson
import pytest

from sitdash.ingest.places import (
    REGIONS,
    Gazetteer,
    find_places,
    in_a_name,
    lookup,
    oblasts_of,
    region_of,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ef4bcab6f89b65ad.txt"


def names(text: str) -> list[str]:
    return [m.name for m in find_places(text)]


# --- spellings -> canonical names ------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling, canonical",
    [
        ("Kiev", "Kyiv"),
        ("Kharkov", "Kharkiv"),
        ("Chernigov", "Chernihiv"),
        ("Izyum", "Izium"),
        ("Lugansk", "Luhansk"),
        ("Chernobyl", "Chornobyl"),
        ("Odessa", "Odesa"),
        ("Nikolaev", "Mykolaiv"),
        ("Mykolayiv", "Mykolaiv"),
        ("Zaporozhye", "Zaporizhzhia"),
        ("Dnepr", "Dnipro"),
        ("Dnipropetrovsk", "Dnipro"),
        ("Lvov", "Lviv"),
        ("Severodonetsk", "Sievierodonetsk"),
        ("Artemivsk", "Bakhmut"),
        ("Artyomovsk", "Bakhmut"),
        ("Gostomel", "Hostomel"),
        ("Slavyansk", "Sloviansk"),
        ("Lisichansk", "Lysychansk"),
        ("Kupyansk", "Kupiansk"),
        ("Avdeyevka", "Avdiivka"),
        ("Ugledar", "Vuhledar"),
        ("Gorlovka", "Horlivka"),
        ("Makeyevka", "Makiivka"),
        ("Berdyansk", "Berdiansk"),
        ("Energodar", "Enerhodar"),
        ("Krivoy Rog", "Kryvyi Rih"),
        ("Kremenchug", "Kremenchuk"),
        ("Vinnitsa", "Vinnytsia"),
        ("Rovno", "Rivne"),
        ("Uzhgorod", "Uzhhorod"),
        ("Donbass", "Donbas"),
        ("Zhitomir", "Zhytomyr"),
        ("Akhtyrka", "Okhtyrka"),
        ("Trostyanets", "Trostianets"),
        ("Nezhin", "Nizhyn"),
        ("Borodyanka", "Borodianka"),
        ("Vyshgorod", "Vyshhorod"),
        ("Irpen", "Irpin"),
        ("Byelorussia", "Belarus"),
        ("Russian Federation", "Russia"),
        ("Pridnestrovie", "Transnistria"),
        ("Rostov", "Rostov-on-Don"),
        ("Homyel", "Gomel"),
    ],
)
def test_common_spellings_resolve_to_the_ukrainian_transliteration(spelling, canonical):
    assert lookup(spelling).name == canonical
    assert names(f"Shelling was reported in {spelling} on Tuesday.") == [canonical]


def test_geonames_towns_fill_in_beyond_the_curated_table():
    # Neither is curated: both come from GeoNames, named by the national transliteration.
    assert lookup("Truskavets").oblast == "Lviv Oblast"
    assert lookup("Zolotonosha").region == "central"
    assert names("A drone hit an oil depot near Merefa, south of Kharkiv.") == ["Merefa", "Kharkiv"]
    assert lookup("Lipetsk").country == "RU"  # Russian towns >= 50k are in too


def test_lookup_is_none_for_unknown_and_for_blocked_phrases():
    assert lookup("Atlantis") is None
    assert lookup("Kremlin") is None
    assert lookup("Kyiv Independent") is None


# --- possessives, adjectives, word boundaries ---------------------------------------------------


def test_possessives_name_the_place():
    text = "Russia's attack on Kiev's suburbs and Ukraine’s capital; Kharkiv's mayor spoke."
    mentions = find_places(text)
    assert [m.name for m in mentions] == ["Russia", "Kyiv", "Ukraine", "Kharkiv"]
    assert [m.surface for m in mentions] == ["Russia", "Kiev", "Ukraine", "Kharkiv"]


def test_adjectives_are_not_place_mentions():
    text = (
        "Russian forces and Ukrainian troops clashed as Belarusian units watched; Crimean "
        "Tatars and Soviet-era tanks, a Ukrainian region and the Russian state."
    )
    assert names(text) == []


def test_hyphenated_compounds_keep_word_boundaries():
    assert names("A Kiev-based analyst on the Russia-Ukraine war.") == ["Kyiv", "Russia", "Ukraine"]
    assert names("Kyivstar and Odesan chefs met Kharkivites.") == []


def test_lower_case_words_never_fire():
    assert names("we drove from kyiv to odessa past the bar and the sumy sign") == []


def test_offsets_point_at_the_surface_and_never_overlap():
    text = "Troops left Nova Kakhovka, not Kakhovka, for Stanytsia Luhanska and Kryvyi Rih."
    mentions = find_places(text)
    assert [m.name for m in mentions] == ["Nova Kakhovka", "Kakhovka", "Stanytsia Luhanska",
                                          "Kryvyi Rih"]
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    ends = [m.end for m in mentions]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    assert ends == sorted(ends)


# --- oblasts, regions, Donbas, republics ------------------------------------------------------


def test_cities_roll_up_to_their_oblast_and_theatre_region():
    expect = {
        "Kyiv": ("Kyiv Oblast", "north"),
        "Bucha": ("Kyiv Oblast", "north"),
        "Chernihiv": ("Chernihiv Oblast", "north"),
        "Okhtyrka": ("Sumy Oblast", "north"),
        "Izium": ("Kharkiv Oblast", "east"),
        "Bakhmut": ("Donetsk Oblast", "east"),
        "Sievierodonetsk": ("Luhansk Oblast", "east"),
        "Kherson": ("Kherson Oblast", "south"),
        "Melitopol": ("Zaporizhzhia Oblast", "south"),
        "Sevastopol": ("Crimea", "south"),
        "Kryvyi Rih": ("Dnipropetrovsk Oblast", "central"),
        "Uman": ("Cherkasy Oblast", "central"),
        "Lviv": ("Lviv Oblast", "west"),
        "Lutsk": ("Volyn Oblast", "west"),
        "Chornobyl": ("Kyiv Oblast", "north"),
    }
    for name, (oblast, region) in expect.items():
        info = lookup(name)
        assert (info.oblast, info.region) == (oblast, region), name
        assert oblasts_of(name) == [oblast]
        assert region_of(name) == region


def test_neighbours_and_countries():
    assert (lookup("Belarus").country, lookup("Belarus").region) == ("BY", "Belarus")
    assert (lookup("Russia").kind, lookup("Russia").region) == ("country", "Russia")
    for city in ("Moscow", "Belgorod", "Kursk", "Bryansk", "Rostov-on-Don"):
        assert (lookup(city).country, lookup(city).region) == ("RU", "Russia"), city
    assert lookup("Mozyr").region == "Belarus"
    ukraine = lookup("Ukraine")
    assert (ukraine.country, ukraine.kind, ukraine.region) == ("UA", "country", None)
    assert lookup("Transnistria").country == "MD"
    assert lookup("Poland").kind == "country"
    assert oblasts_of("Ukraine") == []
    assert set(REGIONS) >= {lookup(n).region for n in ("Kyiv", "Lviv", "Moscow", "Gomel")}


def test_donbas_is_an_eastern_area_over_two_oblasts():
    info = lookup("Donbas")
    assert (info.kind, info.oblast, info.region, info.country) == ("area", None, "east", "UA")
    assert oblasts_of("Donbass") == ["Donetsk Oblast", "Luhansk Oblast"]
    text = (
        "Forces regrouped in the Donbas region, then in Donbass, then in the Ukrainian "
        "region of Donbas."
    )
    assert names(text) == ["Donbas", "Donbas", "Donbas"]
    assert find_places(text)[0].surface == "Donbas region"


def test_oblast_phrases_use_the_bare_name_when_the_oblast_is_named_after_its_capital():
    text = "Shelling in the Donetsk region, Kharkiv Oblast and the Zaporizhzhia province."
    assert names(text) == ["Donetsk", "Kharkiv", "Zaporizhzhia"]
    assert find_places(text)[1].surface == "Kharkiv Oblast"
    assert lookup("Kharkiv Oblast").kind == "oblast"  # the oblast entry is still there
    assert lookup("Kharkiv Oblast").region == "east"


def test_oblasts_with_names_of_their_own_give_the_oblast_entry():
    assert names("Missiles hit the Dnipropetrovsk region and Volyn.") == [
        "Dnipropetrovsk Oblast",
        "Volyn Oblast",
    ]
    # A list ending in "regions" reads every member as a region.
    assert names("the Dnipropetrovsk and Sumy regions") == ["Dnipropetrovsk Oblast", "Sumy"]
    assert lookup("Transcarpathia").name == "Zakarpattia Oblast"


def test_separatist_republics_map_to_donetsk_and_luhansk():
    assert names("where the Donetsk and Lugansk republics proclaimed themselves") == [
        "Donetsk",
        "Luhansk",
    ]
    assert names("leaders of the Donetsk People's Republic and the LPR") == ["Donetsk", "Luhansk"]
    assert names("DPR militia shelled the front") == ["Donetsk"]


def test_chornobyl_is_a_northern_site():
    info = lookup("Chernobyl power station")
    assert (info.name, info.kind, info.oblast, info.region) == (
        "Chornobyl", "site", "Kyiv Oblast", "north")
    mentions = find_places("troops were leaving near the Chernobyl power station.")
    assert [(m.name, m.surface) for m in mentions] == [("Chornobyl", "Chernobyl power station")]


# --- clashes -----------------------------------------------------------------------------------


def test_theatre_places_win_clashes_with_the_rest_of_the_world():
    assert lookup("Odessa").country == "UA"  # not Odessa, Texas
    assert lookup("Moscow").country == "RU"  # not Moscow, Idaho
    assert lookup("Donetsk").country == "UA"  # not Donetsk in Rostov Oblast
    assert lookup("Donetsk").kind == "city" and lookup("Donetsk").oblast == "Donetsk Oblast"
    assert lookup("Zolochiv").oblast == "Kharkiv Oblast"  # curated over the Lviv Oblast town
    assert lookup("Lyman").oblast == "Donetsk Oblast"  # the biggest of several Lymans


# --- precision on capitalised non-places -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Pentagon briefing write-up
        "Pentagon press secretary John Kirby told reporters on Monday that Secretary Lloyd "
        "Austin spoke with NATO Secretary General Jens Stoltenberg, CNN and CNBC reported.",
        # Kremlin wire copy
        "Russian President Vladimir Putin met Defence Minister Sergei Shoigu in the Kremlin, "
        "Kremlin spokesman Dmitry Peskov told TASS and RIA Novosti on Wednesday.",
        # outlets, institutions, months, weekdays
        "The European Union, the United Nations, Reuters, AFP, EFE, Infobae and The New York "
        "Times said in March, May and August that the Wagner Group was active.",
        # surnames that are also Russian-spelled village names in GeoNames
        "Kozlov, Zhukov and Romanov were sentenced; Serov and Korolev said nothing. Artem "
        "and Nikita waved.",
        # first names that are towns, glued to surnames
        "Anna Malyar, Stepan Bandera, Bohdan Khmelnytsky and Vladimir Zhirinovsky were named.",
        # English words spelled like towns, and outlets named after cities
        "Bar owners were Sad. Marine units felt Lazy. The Kyiv Independent and the Moscow "
        "Times quoted the Azov Regiment.",
        "Sergey Rudskoy, Victory Day, the Minsk agreements and the Sea of Azov were discussed.",
        "The Dnipro-1 regiment and the Aidar battalion rotated.",
    ],
)
def test_capitalised_non_places_do_not_fire(text):
    assert names(text) == []


def test_a_town_glued_to_a_name_is_a_name_but_alone_is_a_town():
    assert names("Sergei Kirov was shot in 1934.") == []
    assert names("Drones hit a plant in Kirov, east of Moscow.") == ["Kirov", "Moscow"]
    assert names("Friedrich Engels wrote.") == []  # curated, but named after a person
    assert names("Bombers took off from Engels in the Saratov region.") == ["Engels", "Saratov"]


def test_towns_spelled_like_english_words_fire_only_inside_a_sentence():
    assert names("Bar owners said so.") == []
    assert names("A missile hit Bar in the Vinnytsia region.") == ["Bar", "Vinnytsia"]
    assert lookup("Bar").oblast == "Vinnytsia Oblast"


def test_rivers_named_like_cities():
    assert names("Troops crossed the Dnipro near Kherson.") == ["Kherson"]
    assert names("The Dnipro River rose. Missiles hit Dnipro.") == ["Dnipro"]


def test_all_caps_datelines_count_for_known_places_only():
    assert names("KYIV, Ukraine (AP) — Sirens sounded.") == ["Kyiv", "Ukraine"]
    assert names("MOSCOW (Reuters) - The ministry said") == ["Moscow"]
    assert names("REUTERS/Pavlo Palamarchuk TPX IMAGES OF THE DAY") == []


# --- articles in several house styles -------------------------------------------------------


def test_live_blog_entry():
    text = (
        "10:42 — Explosions were heard in Zaporizhzhia and Nikopol overnight, regional "
        "governor Ivan Fedorov said on Telegram. Russian troops also shelled Huliaipole and "
        "Orikhiv, and the IAEA said the Zaporizhzhia nuclear power plant in Enerhodar lost power."
    )
    assert names(text) == ["Zaporizhzhia", "Nikopol", "Huliaipole", "Orikhiv", "Zaporizhzhia",
                           "Enerhodar"]


def test_regional_governor_on_telegram():
    text = (
        "Belgorod governor Vyacheslav Gladkov wrote that shells hit Shebekino and Graivoron "
        "overnight; in the Kursk region, drones targeted Sudzha, the governor of the Bryansk "
        "region reported from Klintsy."
    )
    assert names(text) == ["Belgorod", "Shebekino", "Graivoron", "Kursk", "Sudzha", "Bryansk",
                           "Klintsy"]


def test_wire_copy_with_belarus_and_moldova():
    text = (
        "MINSK, Belarus — Belarusian President Alexander Lukashenko said troops in Gomel and "
        "Mozyr were on alert, while Moldova's breakaway Transnistria region and its capital "
        "Tiraspol stayed calm. Poland's Rzeszow airport remained a hub."
    )
    assert names(text) == ["Minsk", "Belarus", "Gomel", "Mozyr", "Moldova", "Transnistria",
                           "Tiraspol", "Poland", "Rzeszow"]


def test_translated_spanish_outlet_copy():
    text = (
        "Las fuerzas rusas bombardearon Jarkov? No: the Russian army bombed the outskirts of "
        "Kharkov and the city of Mariupol, besieged since March, according to the "
        "Ukrainian General Staff, while in Kherson the occupation authorities announced a "
        "'referendum'."
    )
    assert names(text) == ["Kharkiv", "Mariupol", "Kherson"]


def test_seed_article_places_are_exactly_the_gold():
    mentions = find_places(SEED.read_text(encoding="utf-8"))
    found = {m.name for m in mentions}
    gold = {"Lviv", "Kyiv", "Chernihiv", "Izium", "Kharkiv", "Donbas", "Russia", "Belarus",
            "Sumy", "Chornobyl", "Moscow", "Donetsk", "Luhansk"}
    assert found - {"Ukraine"} == gold


# --- data and speed ----------------------------------------------------------------------------


def _raw_gazetteer() -> bytes:
    return resources.files("sitdash.data").joinpath("gazetteer.json").read_bytes()


def test_gazetteer_file_is_compact():
    raw = _raw_gazetteer()
    assert len(raw) < 1_500_000
    gaz = Gazetteer(orjson.loads(raw))
    assert len(gaz.rows) > 3000


def test_small_villages_named_in_2022_reporting_are_found():
    text = (
        "A missile hit a training ground near the village of Desna overnight, and fighting went on "
        "around Dovhenke, south of Izium, and near Posad-Pokrovske."
    )
    assert [p.name for p in find_places(text)] == ["Desna", "Dovhenke", "Izium", "Posad-Pokrovske"]
    assert lookup("Dovgenkoye").name == "Dovhenke"
    assert lookup("Desna").oblast == "Chernihiv Oblast"


def test_the_desna_river_is_not_the_village():
    text = "Engineers blew the bridge over the Desna River; boats patrol the Desna near Chernihiv."
    assert [p.name for p in find_places(text)] == ["Chernihiv"]


def test_typed_mentions_say_which_place_the_town_or_the_city_is():
    from sitdash.ingest.places import typed_mentions

    assert typed_mentions("Ukrainian troops entered the village of Husarivka at dawn.") == {
        "village": "Husarivka"
    }
    assert typed_mentions("Shells fell on Bakhmut, a city of 70,000 before the war.") == {
        "city": "Bakhmut"
    }
    assert typed_mentions("Officials in Kyiv said Bakhmut was calm.") == {}


def test_the_antonivskyi_bridge_is_a_site_of_its_own():
    found = find_places("Ukrainian rockets struck the Antonovsky Bridge outside Kherson again.")
    assert [p.name for p in found] == ["Antonivskyi Bridge", "Kherson"]
    assert lookup("Antonivskyi Bridge").kind == "site"


def test_the_southern_bug_is_a_river_not_a_village():
    assert find_places("In the Pivdennyi Buh direction the enemy holds its lines.") == []


def test_hyphenated_compounds_with_an_unknown_head_are_not_their_tail():
    assert [p.name for p in find_places("Russian troops took Rai-Oleksandrivka on Tuesday.")] == [
        "Rai-Oleksandrivka"
    ]
    assert find_places("Pro-Kyiv activists rallied in the square.") == []
    assert [p.name for p in find_places("traffic on the Kharkiv-Belgorod road")] == [
        "Kharkiv",
        "Belgorod",
    ]


def test_bachivsk_border_village():
    assert lookup("Bachevsk").name == "Bachivsk"


def test_villages_liberated_north_of_kharkiv_in_may_2022():
    assert [p.name for p in find_places("Troops entered Borshchova and Koropove.")] == [
        "Borshchova",
        "Koropove",
    ]


def test_places_roll_up_to_oblast_level_areas():
    from sitdash.ingest.places import AREA_REGION, areas_of

    assert areas_of("Izium") == ("Kharkiv Oblast",)
    assert areas_of("Kiev") == ("Kyiv Oblast",)  # the gazetteer keeps Kyiv city in its oblast
    assert areas_of("Sevastopol") == ("Crimea",)
    assert areas_of("Donbas") == ("Donetsk Oblast", "Luhansk Oblast")
    assert areas_of("Sudzha") == ("Kursk Oblast",)  # Russia's border oblasts stand alone
    assert areas_of("Moscow") == areas_of("Russia") == ("Russia (other)",)
    assert areas_of("Gomel") == areas_of("Belarus") == ("Belarus",)
    assert areas_of("Transnistria") == ("Moldova",)
    assert areas_of("Ukraine") == areas_of("Atlantis") == ()
    # 24 oblasts and Crimea, Belarus, five Russian border oblasts, the rest of Russia, and
    # the other neighbours; each theatre area sits in the theatre of its places.
    assert len([a for a, r in AREA_REGION.items() if r not in (None, "Belarus", "Russia")]) == 25
    for place in ("Kharkiv", "Lviv", "Mariupol", "Kherson", "Gomel", "Belgorod"):
        assert {AREA_REGION[a] for a in areas_of(place)} == {lookup(place).region}, place


# --- transliteration hybrids (variants generated by scripts/make_gazetteer.py) --------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # Russian g with the Ukrainian i; the oblast phrase follows the city's variant.
        ("Air defence was busy over Chernigiv and Sumi overnight.", ["Chernihiv", "Sumy"]),
        ("The governor of the Chernigiv region said power was back.", ["Chernihiv"]),
        # -itskyi / -itsky / -itskiy endings, with either vowel before them.
        ("A drone struck an airfield outside Khmelnitskiy on Saturday.", ["Khmelnytskyi"]),
        ("Sirens sounded in Kropivnitsky and in Mykolaev after midnight.",
         ["Kropyvnytskyi", "Mykolaiv"]),
        ("Columns moved between Vugledar and Velika Novosilka.", ["Vuhledar", "Velyka Novosilka"]),
        ("Evacuation trains left Lysichansk and Syeverodonetsk.",
         ["Lysychansk", "Sievierodonetsk"]),
        ("Fighting was reported near Kurahove and Selidove.", ["Kurakhove", "Selydove"]),
        ("Grain ships waited off Bilgorod-Dnistrovskyi.", ["Bilhorod-Dnistrovskyi"]),
        ("Shells landed in Orihiv, Zaporizhzhya region.", ["Orikhiv", "Zaporizhzhia"]),
        ("A tanker was hit at Novorossiisk.", ["Novorossiysk"]),
    ],
)
def test_hybrid_transliterations_find_the_canonical_place(text, expected):
    assert names(text) == expected


def test_a_person_named_like_a_variant_is_not_made_a_place():
    # "Bohdan Khmelnitsky" the hetman, not the city; "Viktoria" no village's variant.
    assert names("A statue of Bohdan Khmelnitsky stands in the square.") == []
    assert lookup("Viktoria") is None


def _gazetteer_script():
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / "make_gazetteer.py"
    spec = importlib.util.spec_from_file_location("make_gazetteer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_transliteration_rules_keep_digraphs_whole():
    script = _gazetteer_script()
    assert {"chernigiv", "chernyhiv"} <= script.spelling_variants("chernihiv", 1)
    kharkiv = script.spelling_variants("kharkiv", 1)
    assert "harkiv" in kharkiv and not any("kg" in v or "kgh" in v for v in kharkiv)
    assert "zaporizhia" in script.spelling_variants("zaporizhzhia", 1)  # a doubled zh
    assert {"khmelnitsky", "khmelnitskiy"} <= script.spelling_variants("khmelnytskyi", 2)
    assert "khmelnitsky" not in script.spelling_variants("khmelnytskyi", 1)  # two changes


def test_variants_that_clash_are_dropped_for_every_place(monkeypatch):
    script = _gazetteer_script()
    monkeypatch.setattr(script, "english_words", lambda: {"hat"})
    b = script.Builder()
    rows = {}
    for name in ("Vyshneve", "Vishneve", "Hrabove", "Grabovie", "Khat", "Hlyboke"):
        rows[name] = b.add(name, "UA", "Donetsk Oblast", "city", 48.0, 37.0, 1000, True)
        b.claim(name, rows[name], 0)
    counts = script.add_variants(b, [(row, [name], 1) for name, row in rows.items()])
    aliases = b.aliases()
    assert aliases["vishneve"] == rows["Vishneve"]  # another place's own name: never taken over
    assert "grabove" not in aliases  # a variant of Hrabove (h/g) and of Grabovie (ie/e): dropped
    assert "hat" not in aliases  # an English word
    assert aliases["glyboke"] == rows["Hlyboke"] and aliases["hliboke"] == rows["Hlyboke"]
    assert counts["collisions"] >= 3 and counts["english"] == 1


def test_the_russian_ivka_suffix_is_a_second_pass_that_takes_no_spelling_from_another_place(
        monkeypatch):
    script = _gazetteer_script()
    monkeypatch.setattr(script, "english_words", lambda: set())  # a dev-only package
    assert {"sosnovka", "sosnevka"} <= script.spelling_variants("sosnivka", 1, script._SUFFIX)
    assert "sosnovka" not in script.spelling_variants("sosnivka", 1)  # not a first-pass rule
    b = script.Builder()
    big = b.add("Sosnivka", "UA", "Donetsk Oblast", "city", 48.0, 37.0, 5000, False)
    b.claim("Sosnivka", big, 1)
    border = b.add("Sosnovka", "RU", "Kursk Oblast", "city", 51.0, 35.0, 900, False)
    b.claim("Sosnovka", border, 1)
    script.add_variants(b, [(big, ["Sosnivka"], 1)], script._SUFFIX)
    aliases = b.aliases()
    assert aliases["sosnevka"] == big  # free: taken
    assert aliases["sosnovka"] == border  # a Russian town's own name: never taken over


@pytest.mark.parametrize("russian_named_population, taken", [(900, True), (9000, False)])
def test_a_smaller_namesake_named_only_in_russian_gives_its_name_to_the_ukrainian_form(
        monkeypatch, russian_named_population, taken):
    # GeoNames names some Ukrainian villages (often in Crimea) only in Russian: "Sosnevka" there
    # is Sosnivka in Ukrainian, a namesake of the bigger Sosnivka, whom a shared name goes to.
    script = _gazetteer_script()
    monkeypatch.setattr(script, "english_words", lambda: set())
    b = script.Builder()
    ukrainian = b.add("Sosnivka", "UA", "Donetsk Oblast", "city", 48.0, 37.0, 5000, False)
    b.claim("Sosnivka", ukrainian, 1)
    russian_named = b.add("Sosnevka", "UA", "Crimea", "city", 45.0, 34.0,
                          russian_named_population, False)
    b.claim("Sosnevka", russian_named, 1)
    counts = script.add_variants(b, [(ukrainian, ["Sosnivka"], 1)], script._SUFFIX)
    assert (b.aliases()["sosnevka"] == ukrainian) is taken
    assert counts["russian forms"] == int(taken)
    assert b.aliases()["sosnivka"] == ukrainian


def test_a_russian_form_of_the_ivka_suffix_finds_the_ukrainian_place():
    text = "The wounded were taken by bus to Olenevka and to Novoazovsk."
    found = find_places(text)
    assert [m.name for m in found] == ["Olenivka", "Novoazovsk"]
    assert lookup("Olenevka").oblast == lookup("Olenivka").oblast == "Donetsk Oblast"


REPORTED_2022_2024 = {
    "Bakhmut": "Donetsk Oblast", "Soledar": "Donetsk Oblast", "Robotyne": "Zaporizhzhia Oblast",
    "Orikhiv": "Zaporizhzhia Oblast", "Avdiivka": "Donetsk Oblast", "Pokrovsk": "Donetsk Oblast",
    "Vuhledar": "Donetsk Oblast", "Vovchansk": "Kharkiv Oblast", "Kupiansk": "Kharkiv Oblast",
    "Lyman": "Donetsk Oblast", "Siversk": "Donetsk Oblast", "Chasiv Yar": "Donetsk Oblast",
    "Toretsk": "Donetsk Oblast", "Myrnohrad": "Donetsk Oblast", "Selydove": "Donetsk Oblast",
    "Kurakhove": "Donetsk Oblast", "Velyka Novosilka": "Donetsk Oblast",
    "Krynky": "Kherson Oblast", "Nova Kakhovka": "Kherson Oblast",
    "Enerhodar": "Zaporizhzhia Oblast", "Sudzha": "Kursk Oblast", "Korenevo": "Kursk Oblast",
    "Glushkovo": "Kursk Oblast", "Belgorod": "Belgorod Oblast", "Kursk": "Kursk Oblast",
    "Bryansk": "Bryansk Oblast", "Novorossiysk": "Krasnodar Krai", "Sevastopol": "Crimea",
    "Snake Island": "Odesa Oblast", "Prohres": "Donetsk Oblast", "Makarivka": "Donetsk Oblast",
    "Staromlynivka": "Donetsk Oblast", "Synkivka": "Kharkiv Oblast", "Crimean Bridge": "Crimea",
    "Belbek": "Crimea", "Kinburn Spit": "Mykolaiv Oblast",
}


@pytest.mark.parametrize("name, oblast", REPORTED_2022_2024.items())
def test_places_reported_in_2022_to_2024_have_oblast_and_coordinates(name, oblast):
    info = lookup(name)
    assert info is not None and info.name == name and info.oblast == oblast
    assert info.lat is not None and info.lon is not None
    assert 44 < info.lat < 54 and 29 < info.lon < 41  # the theatre, not a namesake far away


@pytest.mark.parametrize("name, oblast", [
    ("Tonenke", "Donetsk Oblast"), ("Berkhivka", "Donetsk Oblast"),
    ("Novoprokopivka", "Zaporizhzhia Oblast"), ("Kyslivka", "Kharkiv Oblast"),
    ("Malaya Loknya", "Kursk Oblast"), ("Korsunka", "Kherson Oblast"),
])
def test_frontline_villages_without_known_coordinates_still_roll_up(name, oblast):
    info = lookup(name)
    assert info.name == name and info.oblast == oblast and info.lat is None  # never a guess


def test_the_kerch_bridge_is_the_bridge_and_a_poima_is_now_zaplava():
    assert names("Drones struck the Kerch Bridge and Belbek airbase.") == [
        "Crimean Bridge", "Belbek"]
    assert lookup("Poima").name == "Zaplava" and lookup("Kerch").name == "Kerch"


def test_repeated_lookups_of_one_sentence_give_fresh_lists():
    text = "Shelling hit Kharkiv and Izium overnight."
    first, second = find_places(text), find_places(text)
    assert first == second and first is not second
    first.clear()
    assert names(text) == ["Kharkiv", "Izium"]


@pytest.mark.parametrize("name, oblast", [
    ("Teteriv", "Kyiv Oblast"), ("Lukianske", "Kharkiv Oblast"), ("Lebedevka", "Kursk Oblast"),
    ("Netailove", "Donetsk Oblast"), ("Vozdvyzhenka", "Donetsk Oblast"),
    ("Ohirtseve", "Kharkiv Oblast"), ("Kazachya Loknya", "Kursk Oblast"),
])
def test_villages_of_the_real_article_set_roll_up_without_a_guessed_point(name, oblast):
    info = lookup(name)
    assert info.name == name and info.oblast == oblast and info.lat is None


@pytest.mark.parametrize("spelling, name, lat", [
    ("Lastochkyne", "Lastochkyne", 48.1483), ("Lastochkino", "Lastochkyne", 48.1483),
    ("Pobeda", "Pobeda", 47.9147), ("Pobieda", "Pobeda", 47.9147),
])
def test_villages_with_an_encyclopedia_position_have_it(spelling, name, lat):
    info = lookup(spelling)
    assert (info.name, info.oblast, info.lat) == (name, "Donetsk Oblast", lat)


@pytest.mark.parametrize("text, kept", [
    # a formation, a ship or a person named after a place is no place
    ('A spokesman of the operational-strategic group "Seversk" said units left Avdiivka.',
     ["Avdiivka"]),
    ("The Kharkiv Operational and Strategic Group of Troops said it left Marinka.", ["Marinka"]),
    ("“We hold,” said the commander of the Kharkiv Brigade near Vovchansk.", ["Vovchansk"]),
    ("The Izium-Balakliia group of troops was moved to Donetsk.", ["Donetsk"]),
    ("The Kherson and Zaporizhzhia groups of forces were merged.", []),
    ("Russia moved the Admiral Makarov and the frigate Admiral Essen to Novorossiysk.",
     ["Russia", "Novorossiysk"]),
    ("The landing ship “Minsk” was hit in dry dock in Sevastopol.", ["Sevastopol"]),
    # places that stay places: a front, a direction, a formation somewhere, a title before it
    ("Fighting goes on on the Kharkiv front and in the Donetsk direction.",
     ["Kharkiv", "Donetsk"]),
    ("Brigades near Bakhmut held; a group of soldiers left Kupiansk.", ["Bakhmut", "Kupiansk"]),
    ("General Staff reports say Russian units left Makariv.", ["Makariv"]),
])
def test_a_place_inside_a_units_ships_or_persons_name_is_no_place(text, kept):
    assert [m.name for m in find_places(text) if not in_a_name(text, m)] == kept
