"""Force movements: triggers, places, actors, hedges, negation, sizes, and the seed as a whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitdash.ingest.movement_clauses import places_in_play
from sitdash.ingest.movements import (
    DocumentMovements,
    MovementHit,
    actor_family,
    actor_in,
    extract_movements,
    kind_family,
)
from sitdash.ingest.scene import Scene
from sitdash.ingest.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ef4bcab6f89b65ad.txt"
GOLD = Path("/work/shared/gold_seed.json")


def moves(sentence: str, previous_actor: str | None = None) -> list[tuple]:
    """(kind, origin, destination, hedged) of each movement, in order."""
    return [(h.kind, h.origin, h.destination, h.hedged)
            for h in extract_movements(sentence, previous_actor)]


def only(sentence: str, previous_actor: str | None = None) -> MovementHit:
    hits = extract_movements(sentence, previous_actor)
    assert len(hits) == 1, hits
    return hits[0]


# --- positive: varied outlets and styles -------------------------------------------------------
POSITIVE = [
    # wire copy
    ("Russian troops withdrew from the northern city of Chernihiv on Sunday, the regional "
     "governor said.", [("withdraw", "Chernihiv", None, False)]),
    ("Kadyrov's fighters have pulled out of Rubizhne, a Ukrainian official claimed.",
     [("withdraw", "Rubizhne", None, False)]),
    ("Russian forces fell back from positions around Izium on Tuesday.",
     [("retreat", "Izium", None, False)]),
    ("Russian forces are retreating from Kherson city, Ukrainian officials say.",
     [("retreat", "Kherson", None, False)]),
    ("Ukrainian troops entered Kherson on Friday, the defence ministry said.",
     [("advance", None, "Kherson", False)]),
    ("Ukrainian forces pushed toward Kherson overnight, Ukraine's southern command said.",
     [("advance", None, "Kherson", False)]),
    # Pentagon briefing write-ups
    ("Moscow has sent two battalion tactical groups to Belgorod, a senior US defense official "
     "told reporters.", [("deploy", None, "Belgorod", False)]),
    ("The official said Russian forces have begun to pull back from Hostomel airport toward "
     "Belarus.", [("withdraw", "Hostomel", "Belarus", False)]),
    ("It is possible that some of the battalions have moved to Belgorod to refit, the official "
     "said.", [("reposition", None, "Belgorod", True)]),
    # ISW-style assessments
    ("ISW assesses that Russian forces will likely redeploy elements of the 1st Guards Tank Army "
     "to Izium in the coming days.", [("redeploy", None, "Izium", True)]),
    ("Russian forces are expected to attempt to advance on Sloviansk from Izium.",
     [("advance", "Izium", "Sloviansk", True)]),
    ("Satellite imagery appears to show that Russian forces have relocated several units to "
     "Belgorod.", [("reposition", None, "Belgorod", True)]),
    ("Russian troops may regroup in Belarus, analysts said.", [("regroup", None, "Belarus", True)]),
    # Ukrainian General Staff / regional governors on Telegram
    ("The enemy continues to regroup its units in the Belgorod region.",
     [("regroup", None, "Belgorod", False)]),
    ("In the Kupiansk direction, the enemy is regrouping and replenishing its units.",
     [("regroup", None, "Kupiansk", False)]),
    ("The occupiers have abandoned their positions near Lyman, governor Pavlo Kyrylenko wrote "
     "on Telegram.", [("withdraw", "Lyman", None, False)]),
    ("Russia is massing troops near Kupiansk, Ukraine's military intelligence warned.",
     [("deploy", None, "Kupiansk", False)]),
    # live-blog entries
    ("10:42: A 40-mile Russian convoy heading toward Kyiv has stalled, satellite images show.",
     [("advance", None, "Kyiv", False)]),
    ("Chechen fighters were dispatched to Mariupol last week.",
     [("deploy", None, "Mariupol", False)]),
    ("Belarusian troops have been deployed along the border with Ukraine's Volyn region, Kyiv "
     "said.",
     [("deploy", None, "Volyn Oblast", False)]),
    # translated Spanish-outlet copy
    ("The Russian army has withdrawn its troops from the Kiev region to concentrate them in the "
     "east, according to the Ukrainian Ministry of Defense.", [("withdraw", "Kyiv", None, False)]),
    ("The withdrawal of Russian troops from the Kiev region was completed by early April, the "
     "Pentagon said.", [("withdraw", "Kyiv", None, False)]),
    # one trigger, two origins; two triggers, two movements
    ("Russian troops pulled back from Bucha and Irpin overnight.",
     [("withdraw", "Bucha", None, False), ("withdraw", "Irpin", None, False)]),
    ("Russian forces fell back from Lyman while Ukrainian troops advanced on Kreminna.",
     [("retreat", "Lyman", None, False), ("advance", None, "Kreminna", False)]),
    # leaving X and heading toward Y is one movement; so is a pull-back "to regroup in" Y
    ("Russian troops are leaving Kiev and heading toward Belarus, the official said.",
     [("withdraw", "Kyiv", "Belarus", False)]),
    ("Russian forces withdrew from Izyum on Saturday and were moving toward Belgorod, the "
     "governor said.", [("withdraw", "Izium", "Belgorod", False)]),
    ("Russian forces withdrew from Kyiv, Chernihiv and Sumy to regroup in Belarus.",
     [("withdraw", "Kyiv", "Belarus", False), ("withdraw", "Chernihiv", "Belarus", False),
      ("withdraw", "Sumy", "Belarus", False)]),
    ("Thousands of Russian troops have been moved from the Zaporizhzhia front to reinforce "
     "positions near Bakhmut.", [("reposition", "Zaporizhzhia", "Bakhmut", False)]),
    # the pushed-back side is the one that moves
    ("Ukrainian forces pushed Russian troops back from Bakhmut toward Popasna on Thursday night, "
     "Ukraine's State Emergency Service said.", [("retreat", "Bakhmut", "Popasna", False)]),
    # lists of directions, orders, arrivals, shifts of focus, fleets
    ("The enemy is trying to advance in the Bakhmut and Avdiivka directions.",
     [("advance", None, "Bakhmut", False), ("advance", None, "Avdiivka", False)]),
    ("Putin ordered troops into the Donetsk and Luhansk regions on Monday.",
     [("deploy", None, "Donetsk", False), ("deploy", None, "Luhansk", False)]),
    ("Several thousand Russian servicemen have arrived in Belarus, the Belarusian defence ministry "
     "said.", [("deploy", None, "Belarus", False)]),
    ("Convoy near Kharkiv stalls as Russia shifts focus to Donbas",
     [("redeploy", None, "Donbas", False)]),
    ("Black Sea Fleet warships have moved from Sevastopol to Novorossiysk, satellite images show.",
     [("reposition", "Sevastopol", "Novorossiysk", False)]),
    ("A convoy of about 40 military vehicles was seen moving from Izium toward Sloviansk.",
     [("advance", "Izium", "Sloviansk", False)]),
    # assessed rather than asserted
    ("It remained unclear whether Russian troops had left the Chernobyl exclusion zone.",
     [("withdraw", "Chornobyl", None, True)]),
    ("Russian troops have left the Zaporizhzhia nuclear power plant, according to unconfirmed "
     "reports.", [("withdraw", "Zaporizhzhia", None, True)]),
]


@pytest.mark.parametrize("sentence,expected", POSITIVE, ids=[s[:40] for s, _ in POSITIVE])
def test_movements_are_found(sentence, expected):
    assert moves(sentence) == expected


# --- negative: no movement, or a movement denied --------------------------------------------------
NEGATIVE = [
    "Russian forces have not yet redeployed from Kyiv, the official said.",
    "There is no evidence that troops left Kherson, the mayor said.",
    "Moscow denied moving troops to the border with Finland.",
    "Russia did not withdraw its troops from Belarus after the drills.",
    "Russia said it would reduce military operations around Kyiv and Chernihiv.",
    "The United States has sent advanced weapons to Ukraine.",
    "Residents left Mariupol in buses organised by the Red Cross.",
    "A humanitarian convoy left Zaporizhzhia for Mariupol on Friday.",
    "The invasion of Ukraine began on February 24.",
    "Shelling left three people dead in Kharkiv overnight.",
    "Ukrainian troops still hold the left bank near Kherson.",
    "In what Kyiv called a ploy to regroup, Russia announced a pause around Chernihiv.",
    "Russia moved to annex four regions including Kherson and Zaporizhzhia.",
    "A column of smoke rose over Lviv after the strike.",
    "The Russian forces deployed around Kyiv have suffered heavy losses.",
    "Wheat prices advanced in Odesa as ships resumed sailing.",
    "Zelensky met the commanders who planned the defence of Kyiv.",
    "Kyiv's troops are holding the line around Bakhmut.",
    "Russia's foreign minister left Moscow for talks in Ankara.",
    "Ukraine's air force said Russian jets had left the airspace over Kyiv.",
    "Russian troops remain stationed in Transnistria, Moldova's government said.",
    "Russian forces are unlikely to withdraw from Kherson before winter, analysts said.",
    "Russia has no plans to withdraw from Zaporizhzhia, Peskov said.",
    "Ukraine's military said it had not seen any Russian forces moving toward Kyiv.",
    "The talks moved from Belarus to Istanbul in late March.",
    "Families are leaving Bakhmut as shelling intensifies.",
    "Buses carrying women and children left Kherson for Zaporizhzhia yesterday.",
    "Russia had lost about 19% of the combat power it massed before the war.",
    "The Kremlin denied that any troops had been withdrawn from Kherson.",
    "Ukrainian troops are holding their positions near Bakhmut and have not retreated.",
    "The IAEA sent a team of inspectors to the Zaporizhzhia nuclear plant.",
]


@pytest.mark.parametrize("sentence", NEGATIVE, ids=[s[:40] for s in NEGATIVE])
def test_no_movement(sentence):
    assert extract_movements(sentence) == []


# --- details: actor, size, offsets ---------------------------------------------------------------
def test_wagner_deploy_actor_size_and_place():
    hit = only("Kirby added that Russian contractor Wagner Group had deployed about 1,000 people "
               "in the Ukrainian region of Donbas, which Moscow has declared a priority.")
    assert (hit.actor, hit.kind, hit.destination, hit.size, hit.hedged) == (
        "Wagner Group", "deploy", "Donbas", "about 1,000", False)


def test_reposition_of_forces_deployed_around_capital_is_one_movement():
    sentence = ("Russia has begun to reposition less than 20% of the forces deployed around "
                "Ukraine's capital Kiev, the Pentagon said.")
    hit = only(sentence)
    assert (hit.kind, hit.origin, hit.destination, hit.size, hit.hedged) == (
        "reposition", "Kyiv", None, "less than 20%", False)
    assert hit.actor == "Russian forces"
    assert sentence[hit.start:hit.end].startswith("Russia has begun")
    assert sentence[hit.start:hit.end].endswith("Kiev")


def test_expected_redeploy_is_hedged_and_bring_home_is_negated():
    hits = extract_movements("Russia is expected to recondition and resupply them to redeploy them "
                             "in Ukraine, and not bring the force home.")
    assert [(h.kind, h.origin, h.destination, h.hedged) for h in hits] == [
        ("redeploy", None, None, True)]
    assert hits[0].places == ("Ukraine",)  # named, but the whole country is no destination


def test_sizes_as_stated():
    assert only("Up to 10,000 troops are expected to be deployed to Mariupol, according to "
                "British intelligence.").size == "up to 10,000 troops"
    assert only("Moscow has sent two battalion tactical groups to Belgorod.").size == \
        "two battalion tactical groups"
    assert only("Some Russian troops were leaving Hostomel.").size is None


def test_speaker_speaking_of_itself_is_the_actor():
    assert only("Moscow said its troops had completed their withdrawal from the right bank of the "
                "Dnipro near Kherson.").actor == "Russian forces"
    assert only("Ukraine said it had sent reinforcements to Bakhmut.").actor == "Ukrainian forces"
    hit = only("Ukrainian forces pushed Russian troops back from Bakhmut toward Popasna.")
    assert hit.actor == "Russian troops"


def test_fraction_size():
    hit = only("A senior US defense official said that about two-thirds of the Russian forces "
               "around Kyiv have left.")
    assert (hit.kind, hit.origin, hit.size, hit.actor) == (
        "withdraw", "Kyiv", "about two-thirds", "Russian forces")


def test_actor_names():
    assert only("Russian troops withdrew from Chernihiv.").actor == "Russian troops"
    assert only("Ukrainian forces pushed toward Kherson.").actor == "Ukrainian forces"
    assert only("The enemy is regrouping near Kupiansk.").actor == "Russian forces"
    assert only("Chechen fighters were dispatched to Mariupol.").actor == "Chechen forces"
    assert only("A 40-mile Russian convoy heading toward Kyiv has stalled.").actor == \
        "Russian military convoy"


def test_convoy_from_to_is_an_advance():
    hit = only("The Pentagon said it was not clear that the convoy of military vehicles from "
               "Russia to Kiev still exists.")
    assert (hit.actor, hit.kind, hit.origin, hit.destination, hit.hedged) == (
        "Russian military convoy", "advance", "Russia", "Kyiv", False)


def test_pronoun_resolves_to_previous_actor_else_unknown():
    sentence = "They are leaving Kiev and heading further north, away from the city."
    assert only(sentence, "Russian forces").actor == "Russian forces"
    assert (only(sentence).actor, only(sentence).origin) == ("unknown", "Kyiv")
    generic = "The troops that left the area included some of the surroundings of Chernihiv " \
              "along with those fighting near the city of Sumy."
    hits = extract_movements(generic, "Russian forces")
    assert [(h.actor, h.kind, h.origin) for h in hits] == [
        ("Russian forces", "withdraw", "Chernihiv"), ("Russian forces", "withdraw", "Sumy")]


def test_possible_move_to_belarus_is_hedged():
    hit = only("Kirby said that it is possible that some of the Russian forces have already moved "
               "to Belarus, unlike their local garrisons.")
    assert (hit.actor, hit.kind, hit.destination, hit.hedged) == (
        "Russian forces", "reposition", "Belarus", True)


def test_reorientation_in_donbas_is_an_assessed_redeploy():
    hit = only("The reorientation of Russia's military efforts in the Donbas could portend a "
               "longer conflict, a senior US defense official said.")
    assert (hit.actor, hit.kind, hit.destination, hit.hedged) == (
        "Russian forces", "redeploy", "Donbas", True)


def test_actor_in_sentence():
    assert actor_in("Some Russian troops were also leaving near the Chernobyl power station.") == \
        "Russian troops"
    assert actor_in("Russia has begun to reposition its forces.") == "Russian forces"
    assert actor_in("Kirby added that the Wagner Group is active.") == "Wagner Group"
    assert actor_in("The weather was cold in Kyiv.") is None


def test_families():
    assert actor_family("Russian military convoy") == actor_family("Russian troops") == "ru"
    assert actor_family("Wagner Group") == "wagner" != actor_family("Russian forces")
    assert kind_family("withdraw") == kind_family("reposition") == kind_family("regroup") == "back"
    assert kind_family("deploy") == kind_family("redeploy") != kind_family("advance")


def document(*sentences: str) -> list[tuple]:
    """(kind, origin, destination, hedged, size) of each movement a document of `sentences`
    reports, in the order first told."""
    reader = DocumentMovements()
    for sentence in sentences:
        reader.read(sentence)
    return [(h.kind, h.origin, h.destination, h.hedged, h.size) for _, h in reader.movements()]


def test_retellings_fold_into_the_first_telling():
    assert document(
        "Russia has begun to reposition less than 20% of the forces around Kyiv, officials said.",
        "Russian forces are withdrawing from Kyiv.",  # the same pull-back, told again
        "Some Russian troops were also leaving, he added.",  # no place at all: the same again
        "The Wagner Group has withdrawn from Kyiv as well.",  # another force
        "Russian forces are also withdrawing from Sumy.",  # another place
    ) == [("reposition", "Kyiv", None, False, "less than 20%"),
          ("withdraw", "Kyiv", None, False, None),
          ("withdraw", "Sumy", None, False, None)]


def test_a_regroup_with_no_place_is_not_a_withdrawal_told_again():
    assert document("Russian troops withdrew from Izium on Friday.",
                    "The enemy is regrouping, the General Staff said.") == [
        ("withdraw", "Izium", None, False, None), ("regroup", None, None, False, None)]


# --- the seed article as one document -----------------------------------------------------------
def seed_movements() -> list[MovementHit]:
    reader = DocumentMovements()
    for span in split_sentences(SEED.read_text(encoding="utf-8")):
        reader.read(span.text)
    return [hit for _, hit in reader.movements()]


def _matches(hit: MovementHit, gold: dict) -> bool:
    kinds = {gold["kind"], *gold.get("alt_kinds", [])}
    return (hit.kind in kinds and actor_family(hit.actor) == actor_family(gold["who"])
            and (gold["from"] is None or hit.origin == gold["from"])
            and (gold["to"] is None or hit.destination == gold["to"]))


def test_seed_gold_movements_all_found_without_extras():
    gold = json.loads(GOLD.read_text())["000_ef4bcab6f89b65ad.txt"]["movements"]
    hits = seed_movements()
    for g in gold:
        assert any(_matches(h, g) for h in hits), g
    extras = [h for h in hits if not any(_matches(h, g) for g in gold)]
    assert extras == []
    assert len(hits) == len(gold)


def test_seed_hedges_match_gold():
    gold = json.loads(GOLD.read_text())["000_ef4bcab6f89b65ad.txt"]["movements"]
    hits = seed_movements()
    for g in gold:
        hit = next(h for h in hits if _matches(h, g))
        assert hit.hedged == g["hedged"], (g, hit)


# --- patterns met in real copy, each with a sentence written for this test ---------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Russian troops seized the village of Bilohorivka after a week of shelling.",
         [("advance", None, "Bilohorivka", False)]),
        ("Ukrainian units regained control of Kupiansk on Saturday.",
         [("advance", None, "Kupiansk", False)]),
        ("Russian forces made small gains near Avdiivka, the ministry said.",
         [("advance", None, "Avdiivka", False)]),
        ("Ukrainian troops liberated Balakliia in the Kharkiv region.",  # the region only locates
         [("advance", None, "Balakliia", False)]),
        ("Ukrainian forces captured two Russian tanks near Kupiansk.", []),  # things, not ground
        ("Russia failed to capture Vuhledar in the winter.", []),
    ],
)
def test_taking_a_place_is_an_advance_into_it(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Moscow is pouring reservists into the Kherson region.",
         [("deploy", None, "Kherson", False)]),
        ("Russia keeps bringing fresh units into Melitopol.",
         [("deploy", None, "Melitopol", False)]),
        ("Russia moved two airborne regiments into the Kherson region.",
         [("deploy", None, "Kherson", False)]),
        ("Russia moved 3,000 troops from Crimea to Melitopol.",
         [("redeploy", "Crimea", "Melitopol", False)]),
        ("Russian troops moved to Belarus.", [("reposition", None, "Belarus", False)]),
        ("Fresh Russian units came across the border from Kursk overnight.",
         [("advance", "Kursk", None, False)]),
        ("Russian forces from Kreminna advanced toward Lyman.",
         [("advance", "Kreminna", "Lyman", False)]),
        ("Russia pulled most of its remaining troops out of Kherson.",
         [("withdraw", "Kherson", None, False)]),
    ],
)
def test_forces_sent_brought_and_moved(sentence, expected):
    assert moves(sentence) == expected


def test_evacuating_soldiers_is_a_withdrawal_evacuating_civilians_is_not():
    assert moves("Kyiv ordered the evacuation of its soldiers from Pisky.") == [
        ("withdraw", "Pisky", None, False)
    ]
    assert moves("Buses began the evacuation of civilians from Lysychansk.") == []


def test_pushed_them_back_moves_the_other_side():
    [hit] = extract_movements("Ukrainian troops pushed them back from the outskirts of Kharkiv.")
    assert (hit.kind, hit.origin, hit.actor) == ("retreat", "Kharkiv", "Russian forces")


def test_generic_forces_as_the_object_of_a_strong_verb():
    assert moves("We see them reposition forces toward the south.") == [
        ("reposition", None, None, False)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kyiv dismissed claims that its troops had retreated from Soledar.",
        "Russia may send more troops from Belarus to the Volyn direction, though officials have "
        "seen no sign of such a move.",
    ],
)
def test_dismissed_and_unseen_movements_are_dropped(sentence):
    assert moves(sentence) == []


def test_a_speakers_title_is_no_destination():
    assert moves("Russian troops withdrew from Kreminna, Luhansk Governor Serhiy Haidai said.") == [
        ("withdraw", "Kreminna", None, False)
    ]


def test_a_modal_ends_the_places_of_a_pullback():
    hits = extract_movements(
        "A pullback to the river could make it easier for Russia to press its advance "
        "westwards towards Kryvyi Rih."
    )
    assert all(h.kind not in ("retreat", "withdraw") for h in hits)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Russian troops are advancing from Izium toward Barvinkove.",
         [("advance", "Izium", "Barvinkove", False)]),
        # the place that locates the clause is not also the origin of a push toward it
        ("Fighting in the Izium district went on as Ukrainian troops pushed Russian forces back "
         "towards Izium.", [("retreat", None, "Izium", False)]),
        ("Our units beat off an attack near Bilohorivka, after which the occupiers retreated.",
         [("retreat", "Bilohorivka", None, False)]),
        ("The paratroopers were pushed back from Hostomel after two days of fighting.",
         [("retreat", "Hostomel", None, False)]),
        ("The occupiers keep bringing up fresh reserves.", [("deploy", None, None, False)]),
        ("Once refitted, those battalions will be sent to the Zaporizhzhia front.",
         [("deploy", None, "Zaporizhzhia", True)]),
        ("Moscow moved several battalions from Belgorod to reinforce its troops near Bakhmut.",
         [("redeploy", "Belgorod", "Bakhmut", False)]),
        ("Kupiansk and Balakliia were liberated last week.",
         [("advance", None, "Kupiansk", False), ("advance", None, "Balakliia", False)]),
        ("Ukraine said Belarusian battalions had moved to the border near Mozyr, a claim Minsk "
         "denied.", []),
        ("The town was captured in March, and residents fled to Kharkiv.", []),
    ],
)
def test_passives_purposes_and_clauses_around_a_movement(sentence, expected):
    assert moves(sentence) == expected


def test_the_town_means_the_place_an_earlier_sentence_called_a_town():
    sentence = "The Russian battalion that had held the town since March withdrew on Sunday."
    [hit] = extract_movements(sentence, None, Scene(typed={"town": "Husarivka"}))
    assert (hit.kind, hit.origin) == ("withdraw", "Husarivka")
    assert extract_movements(sentence, None, Scene(typed={"city": "Izium"}))[0].origin is None


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a subject that opens the sentence, and no finite verb after: "entered" is the main verb
        ("The Russian paratroopers entered Hostomel before dawn.",
         [("advance", None, "Hostomel", False)]),
        ("The forces deployed around Kharkiv have not moved.", []),
        # "to positions near X" is where they went, not where they left
        ("The brigade withdrew to positions near Siversk.", [("withdraw", None, "Siversk", False)]),
        ("From Melitopol, Russian columns pushed east towards Berdiansk.",
         [("advance", "Melitopol", "Berdiansk", False)]),
        ("The village of Bohorodychne was retaken by Ukrainian marines.",
         [("advance", None, "Bohorodychne", False)]),
        ("Russia will probably launch an offensive towards Kramatorsk in the coming weeks.",
         [("advance", None, "Kramatorsk", True)]),
        ("There will be no offensive towards Kramatorsk this year, the minister said.", []),
    ],
)
def test_subjects_directions_and_offensives(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The occupiers tried to break through towards Siversk, without success.", []),
        ("Russian units attacked towards Avdiivka but were repelled.", []),
        # a semicolon closes the failure to the movement before it
        ("Russian troops advanced on Marinka; Ukrainian attacks near Izium were repelled.",
         [("advance", None, "Marinka", False)]),
        ("Our units have pulled back to new lines.", [("withdraw", None, None, False)]),
        ("Some 5,000 fresh troops have been trained and will likely be sent to the front.",
         [("deploy", None, None, True)]),
        ("Moscow is moving several of these battalions towards Vuhledar.",
         [("deploy", None, "Vuhledar", False)]),
    ],
)
def test_failed_attempts_our_units_and_forces_sent_or_moved(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Several battalion tactical groups have moved back into Russia for refitting.",
         [("reposition", None, "Russia", False)]),
        # the apposition only says where Kreminna lies
        ("Russian units pushed west from Kreminna, a town north of Sievierodonetsk, towards Lyman.",
         [("advance", "Kreminna", "Lyman", False)]),
        # a spaced hyphen is a dash: Moscow is no destination of the pull-back
        ("Having failed near Kyiv - its units pulled back into Belarus - Moscow turned east.",
         [("withdraw", None, "Belarus", False)]),
        ("Moscow abandoned its plan to encircle Kharkiv.", []),
        ("Russian forces are trying to seize Bakhmut.", []),
        ("Russia has assembled some 20 battalion tactical groups near Belgorod.",
         [("deploy", None, "Belgorod", False)]),
        ("Russian forces made no gains near Izium.", []),
        ("Ukrainian forces did not make any confirmed advances near Kharkiv.", []),
    ],
)
def test_appositions_dashes_attempts_and_assemblies(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Moscow said its units would concentrate on the “liberation” of the Zaporizhzhia region.",
         [("redeploy", None, "Zaporizhzhia", True)]),
        ("Ukrainian forces foiled an attempt by Russian troops to advance towards Kupiansk.", []),
    ],
)
def test_concentrating_on_a_place_and_foiled_attempts(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The marines expelled the occupiers from two villages near Kherson.",
         [("retreat", "Kherson", None, False)]),
        ("Ukrainian troops have advanced between three and five kilometres towards Izium.",
         [("advance", None, "Izium", False)]),
        ("The Chernihiv region has been completely liberated, the governor said.",
         [("advance", None, "Chernihiv", False)]),
    ],
)
def test_expelled_distances_and_completely_liberated(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Marines were clearing the villages of Kyselivka and Posad-Pokrovske.",
         [("advance", None, "Kyselivka", False), ("advance", None, "Posad-Pokrovske", False)]),
        ("Ukrainian units re-established control over the road linking Izium to Sloviansk.", []),
        ("The occupiers keep bringing in fresh equipment from Crimea.",
         [("deploy", "Crimea", None, False)]),
        # the antecedent of a relative clause
        ("Shelling went on in Balakliia, a town east of Kharkiv, which they had retreated from.",
         [("retreat", "Balakliia", None, False)]),
        ("They seized the Zaporizhzhia plant, taking the staff with them toward Enerhodar.",
         [("advance", None, "Zaporizhzhia", False)]),
        # "X in the Y region" only locates X, even when the gazetteer's X lies elsewhere
        ("Ukrainian troops retook Andriivka in the Kherson region.",
         [("advance", None, "Andriivka", False)]),
    ],
)
def test_clearing_routes_relatives_and_locating_regions(sentence, expected):
    assert moves(sentence, "Russian forces") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Kadyrov's units arrived in Melitopol from Grozny last week.",
         [("deploy", "Grozny", "Melitopol", False)]),
        ("Units pulled out of the north have been sent to Valuyki for refitting.",
         [("deploy", None, "Valuyki", False)]),
        ("Russia has committed about 15 battalion tactical groups to the fight for Bakhmut.",
         [("deploy", None, "Bakhmut", False)]),
        ("There is almost nothing left of Marinka after months of shelling.", []),
    ],
)
def test_kadyrov_units_sent_committed_and_nothing_left(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("At the same time, the occupiers moved three battalions from Kursk Oblast to Vovchansk.",
         [("redeploy", "Kursk", "Vovchansk", False)]),
        ("Under fire, the invaders fled from these settlements.", [("retreat", None, None, False)]),
        ("Sappers blew up the bridge near Kupiansk to halt the Russian advance.", []),
        ("The soldiers loaded the wheat and moved it to Melitopol.", []),
    ],
)
def test_opening_adverbials_fled_settlements_opposed_advances_and_things_moved(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Russian units inched closer to Avdiivka over the weekend.",
         [("advance", None, "Avdiivka", False)]),
        ("After taking Lyman, the Russians turned south.", [("advance", None, "Lyman", False)]),
        ("The soldiers took part in an exercise near Brest.", []),
        ("The offensive towards Vuhledar has stalled after heavy losses.", []),
    ],
)
def test_inching_closer_taking_a_town_and_a_stalled_offensive(sentence, expected):
    assert moves(sentence) == expected


def test_an_attempt_followed_by_but_is_no_movement():
    assert moves("The enemy is trying to advance from Vasylivka towards Orikhiv, but our "
                 "defenders are holding.") == []
    assert moves("The enemy is trying to advance from Vasylivka towards Orikhiv.") == [
        ("advance", "Vasylivka", "Orikhiv", False)
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("They brought their artillery back closer to Kharkiv.",
         [("deploy", None, "Kharkiv", False)]),
        ("Russia has made incremental progress around Marinka.",
         [("advance", None, "Marinka", False)]),
        ("Russia has made almost no progress around Marinka.", []),
        # the agent after "seized by" is no place taken: the outpost named before is
        ("They struck Zmiinyi Island, the outpost seized by Russia in February.",
         [("advance", None, "Snake Island", False)]),
    ],
)
def test_brought_closer_progress_and_seized_by(sentence, expected):
    assert moves(sentence, "Russian forces") == expected


def test_a_run_on_sentence_is_read_in_pieces_with_offsets_kept():
    from sitdash.ingest.movement_clauses import _LONGEST_SCAN, _pieces

    unit = "Russian troops withdrew from Bucha, "
    sentence = (unit * (3 * _LONGEST_SCAN // len(unit))).rstrip(", ") + "."
    pieces = _pieces(sentence)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(sentence)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))  # no gaps
    assert all(end - start <= _LONGEST_SCAN for start, end in pieces)
    hits = extract_movements(sentence)
    assert hits and all(h.kind == "withdraw" and h.origin == "Bucha" for h in hits)
    assert all(sentence[h.start:h.end].lower().count("withdrew") >= 1 for h in hits)


# --- shapes met in real reporting (issue 8), each in a sentence written for this test ---------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an oblast or the country after a place only says where it lies: one origin, not three
        ("Ukrainian units were ordered to pull out of Rubizhne, Luhansk oblast, on Monday.",
         [("withdraw", "Rubizhne", None, False)]),
        ("The occupiers are withdrawing from the Zhytomyr region of northern Ukraine.",
         [("withdraw", "Zhytomyr", None, False)]),
        ("Ukraine's defenders left Popasna, the largest town in the west of the Luhansk region.",
         [("withdraw", "Popasna", None, False)]),
        # the whole theatre is no end on either side
        ("Russian troops are pulling back from Sumy in north-eastern Ukraine.",
         [("withdraw", "Sumy", None, False)]),
    ],
)
def test_a_containing_area_or_the_country_is_no_second_end(sentence, expected):
    assert moves(sentence) == expected


def scene_after(*sentences: str) -> Scene:
    """The scene once `sentences` have been read."""
    scene = Scene()
    for sentence in sentences:
        scene.observe(sentence, places_in_play(sentence), actor_in(sentence))
    return scene


@pytest.mark.parametrize(
    "earlier, sentence, expected",
    [
        # "the besieged city", "the capital", "the region": what earlier sentences named
        ("Shelling went on around Chernihiv overnight.",
         "Some Russian units began to pull back from the besieged city on Tuesday.",
         [("withdraw", "Chernihiv", None, False)]),
        ("Kyiv was calm on Sunday.",
         "Russian battalions pulled out of villages west of the capital.",
         [("withdraw", "Kyiv", None, False)]),
        ("Fighting went on in the Kharkiv region.",
         "The occupiers are now leaving the region in columns.",
         [("withdraw", "Kharkiv", None, False)]),
        # "the cities": the last towns named together, one movement each
        ("Bucha and Irpin were shelled for weeks.",
         "Russian troops have pulled back from the cities, the mayor said.",
         [("withdraw", "Bucha", None, False), ("withdraw", "Irpin", None, False)]),
        # a place in an official's title is not in play
        ("Lysychansk, the last city the Ukrainians hold in the east, was shelled.",
         "The governor of Luhansk said Russian forces had reached the city.",
         [("advance", None, "Lysychansk", False)]),
        # a town named in the same clause is not "the city": another one is
        ("Russian troops reached the outskirts of Kupiansk.",
         "A convoy of launchers left Svatove in the direction of the city.",
         [("withdraw", "Svatove", "Kupiansk", False)]),
    ],
)
def test_references_resolve_to_the_places_in_play(earlier, sentence, expected):
    assert [(h.kind, h.origin, h.destination, h.hedged)
            for h in extract_movements(sentence, None, scene_after(earlier))] == expected


def test_a_force_is_placed_by_what_it_holds_or_where_it_is_located():
    assert moves("Russian troops who had occupied Trostianets for a month left on Friday.") == [
        ("withdraw", "Trostianets", None, False)]
    assert moves("Moscow decided to regroup the units stationed in the areas of Kupiansk and "
                 "Svatove to step up pressure in the Donetsk direction.") == [
        ("regroup", "Kupiansk", "Donetsk", False), ("regroup", "Svatove", "Donetsk", False)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # pushed away, chased out: the side pushed is the one that retreats
        ("Our units are pushing the invaders away from Mykolaiv, the adviser said.",
         [("retreat", "Mykolaiv", None, False)]),
        ("The marines were chasing them out of the Kherson and Mykolaiv regions.",
         [("retreat", "Kherson", None, False), ("retreat", "Mykolaiv", None, False)]),
        # a participle clause after a comma is a movement of its own; "X north of Y" only
        # says where X lies
        ("Ukrainian units took back Tsyrkuny and Cherkaska Lozova north of Kharkiv, driving the "
         "occupiers back towards the border.",
         [("advance", None, "Tsyrkuny", False), ("advance", None, "Cherkaska Lozova", False),
          ("retreat", None, None, False)]),
        # "amid" opens a phrase of its own: Moscow there is no destination
        ("It was another retreat for the Russian army amid setbacks for Moscow in the east.",
         []),
    ],
)
def test_pushed_away_participle_clauses_and_amid(sentence, expected):
    assert moves(sentence) == expected


def test_a_later_sentence_completes_a_pull_back_instead_of_starting_another():
    # where it left, then (a sentence on, of a force only referred to) where it went
    assert document(
        "Russian units have pulled back from Irpin and Bucha, the mayor said.",
        "The units that surrounded the towns have returned to Belarus.",
    ) == [("withdraw", "Irpin", "Belarus", False, None),
          ("withdraw", "Bucha", "Belarus", False, None)]
    assert document(
        "Russian battalions around Chernihiv have begun to move away from the city.",
        "Some of them are repositioning into Russia, the official added.",
    ) == [("reposition", "Chernihiv", "Russia", False, None)]


def test_a_force_named_anew_in_a_later_sentence_starts_its_own_movement():
    assert document(
        "Russian units have pulled back from Irpin.",
        "Russian paratroopers have also moved to Belarus for refitting.",
    ) == [("withdraw", "Irpin", None, False, None), ("reposition", None, "Belarus", False, None)]


def test_the_kind_comes_from_what_the_force_does_not_the_last_verb():
    # a withdrawal that is heading somewhere is still a withdrawal, and is told once
    assert document("Moscow keeps pulling some of its units out of the Zhytomyr region and they "
                    "are heading towards Belarus, the governor said.") == [
        ("withdraw", "Zhytomyr", "Belarus", False, None)]
    # pulled back from one front and moving on to another: a redeployment
    assert document("The battalions that left the Kharkiv area are already moving into the "
                    "Donbas, he said.") == [("redeploy", "Kharkiv", "Donbas", False, None)]


def test_an_area_beside_the_towns_it_holds_is_no_movement_of_its_own():
    assert document(
        "Moscow announced the transfer of its troops from the Kharkiv region to Donetsk.",
        "The units stationed near Kupiansk and Balakliia were regrouped to Donetsk, it said.",
        "Russian soldiers left Kupiansk on Saturday, a local official confirmed.",
    ) == [("regroup", "Kupiansk", "Donetsk", False, None),
          ("regroup", "Balakliia", "Donetsk", False, None)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an order to pull back is a withdrawal, not a deployment of the troops ordered
        ("The defence minister ordered Russian troops to pull back from Nova Kakhovka.",
         [("withdraw", "Nova Kakhovka", None, False)]),
        # things left behind are not ground given up
        ("The occupiers were abandoning their dead in the fields near Izium.", []),
        # an aim is not a movement: "the goals of ... to liberate", "measures to transfer"
        ("To reach the stated goals of the operation to liberate the Donbas, Moscow changed "
         "commanders.", []),
        ("The general told them to take every measure to transfer forces across the river.", []),
        # what a place is ("located in a region that Russia annexed") is no end of the movement
        ("Ukrainian units are entering Kupiansk, located in a region that Russia annexed.",
         [("advance", None, "Kupiansk", False)]),
        # a ship's or a unit's name is not a place
        ("The landing ship Minsk was moved from Sevastopol to Novorossiysk last week.",
         [("reposition", "Sevastopol", "Novorossiysk", False)]),
        ("Moscow announced the transfer of the Kupiansk-Svatove group of troops to Donetsk.",
         [("redeploy", None, "Donetsk", False)]),
    ],
)
def test_orders_things_left_aims_and_names_are_read_for_what_they_are(sentence, expected):
    assert moves(sentence) == expected


def test_a_sides_ministry_is_the_mover_it_speaks_for():
    assert only("Ukraine's defence ministry said its forces had entered Lyman.").actor == \
        "Ukrainian forces"
    assert only("Russia's defence ministry said it had withdrawn troops from Lyman.").actor == \
        "Russian forces"
    assert only("Limited Russian withdrawals from Brovary went on.").actor == "Russian forces"


def test_a_capital_that_speaks_is_not_a_place_in_play():
    assert document(
        "Kherson was the first city taken in what Moscow calls a special operation.",
        "Ukrainian forces have been advancing toward the city for weeks.",
    ) == [("advance", None, "Kherson", False, None)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # verbs in one list share what follows the last of them
        ("Moscow is trying to regroup, rearm and reinforce its units in the Zaporizhzhia region.",
         [("regroup", None, "Zaporizhzhia", False), ("deploy", None, "Zaporizhzhia", False)]),
        # a relative clause about a place, even past a country that only locates it
        ("Shelling went on in Vuhledar in eastern Ukraine, which Russian units have been "
         "advancing on for months.", [("advance", None, "Vuhledar", False)]),
        # the taking told as a noun; but not the taking named as a goal
        ("Zelensky confirmed the liberation of the town of Kupiansk by Ukrainian forces.",
         [("advance", None, "Kupiansk", False)]),
        ("Moscow said its troops would concentrate on the liberation of the Luhansk region.",
         [("redeploy", None, "Luhansk", True)]),
        # an influx of troops is a deployment, also when it lies between two towns
        ("An influx of Russian troops between Svatove and Kreminna was reported last week.",
         [("deploy", None, None, False)]),
        # a fronted destination
        ("For the Donbas, the Pentagon believes Russia has sent about 1,000 mercenaries.",
         [("deploy", None, "Donbas", False)]),
        # "that were deployed around X" says where they were, and they left it
        ("Fewer than half of the Russian units that were deployed around the capital have left.",
         [("withdraw", "Kyiv", None, False)]),
    ],
)
def test_lists_relatives_nouns_and_fronted_places(sentence, expected):
    assert moves(sentence) == expected


def test_a_town_liberated_from_one_side_was_taken_by_the_other():
    hit = only("Residents returned to Irpin, which officials say had just been liberated from "
               "Russian forces.")
    assert (hit.kind, hit.destination, hit.actor) == ("advance", "Irpin", "Ukrainian forces")


def test_a_ministry_announcing_a_transfer_speaks_of_its_own_forces():
    hit = only("The Russian defence ministry has announced the transfer of the group of troops "
               "from the Kupiansk area to Donetsk.")
    assert (hit.actor, hit.kind, hit.origin, hit.destination) == (
        "Russian forces", "redeploy", "Kupiansk", "Donetsk")


def test_leaving_toward_a_town_ones_side_advances_on_is_moving_up():
    assert document(
        "The Russians are advancing on Siversk, the governor said.",
        "At least four Russian launchers left the occupied Svatove in the direction of the town.",
    ) == [("advance", None, "Siversk", False, None),
          ("advance", "Svatove", "Siversk", False, None)]


def test_where_the_subject_came_from_and_where_most_of_them_went():
    # a participle or relative clause on the subject says where it came from
    assert document("Officials said Russian units withdrawn from the Sumy direction are being "
                    "sent to the Donbas.") == [("redeploy", "Sumy", "Donbas", False, None)]
    # a verbless tail names where the pull-back went
    assert document('About half of the Russian troops around Chernihiv have left, "most of them '
                    'into Russia," the official said.') == [
        ("withdraw", "Chernihiv", "Russia", False, None)]


def test_unnamed_settlements_taken_lie_in_the_region_in_play():
    assert document(
        "The occupiers are pulling out of the Kharkiv region, the governor said.",
        "Ukrainian units were entering and securing villages the occupiers had held.",
    ) == [("withdraw", "Kharkiv", None, False, None), ("advance", None, "Kharkiv", False, None)]
    # with no region in play there is no place to give them
    assert moves("Ukrainian units were entering and securing villages the occupiers had held.") \
        == []


def test_forces_sent_to_other_fronts_leave_from_where_their_side_left():
    assert document(
        "The commander ordered Russian troops to pull out of Nova Kakhovka.",
        "Some of them could be used on other fronts, he said.",
    ) == [("withdraw", "Nova Kakhovka", None, False, None),
          ("redeploy", "Nova Kakhovka", None, True, None)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # two verbs, one object
        ("Ukrainian forces entered and secured Sudzha, the commander said.",
         [("advance", None, "Sudzha", False)]),
        # a part of a town is the town; chased out, passive, is a retreat
        ("The occupiers have been chased out of Vovchansk's northern districts.",
         [("retreat", "Vovchansk", None, False)]),
        # "from it": the place named just before
        ("Russian troops seized Bilohorivka after Ukrainian units pulled out of it.",
         [("advance", None, "Bilohorivka", False), ("withdraw", "Bilohorivka", None, False)]),
        # where a pull-back's partner verb happened is not where the pull-back left
        ("Russian troops withdrew and regrouped near Izium.",
         [("withdraw", None, None, False), ("regroup", None, "Izium", False)]),
    ],
)
def test_shared_objects_parts_of_towns_and_it(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # wounded soldiers taken out of a besieged plant to a town: moved out
        ("Wounded marines were taken from the Azovstal plant to Novoazovsk overnight.",
         [("withdraw", "Azovstal", "Novoazovsk", False)]),
        # a distance from a town is no end
        ("Russian units are pushing towards Toretsk and are some 8 km from Pokrovsk.",
         [("advance", None, "Toretsk", False)]),
        # a foothold or bridgehead is ground taken; crossing a border into a region an advance
        ("Ukrainian marines gained a foothold near Krynky on the left bank.",
         [("advance", None, "Krynky", False)]),
        ("Russian troops crossed the border into the Kharkiv region at dawn.",
         [("advance", None, "Kharkiv", False)]),
    ],
)
def test_taken_out_distances_footholds_and_crossings(sentence, expected):
    assert moves(sentence) == expected


def test_a_commanders_men_are_his_sides_force():
    assert only("Prigozhin said his fighters would start leaving Bakhmut on Thursday.").actor == \
        "Wagner Group"
    assert only("Zelensky said his troops had entered Kherson.").actor == "Ukrainian forces"


def test_a_pull_back_ends_where_the_force_now_is():
    assert moves("Most units that were pulled back from around Chernihiv are now in Belarus.",
                 "Russian forces") == [("withdraw", "Chernihiv", "Belarus", False)]


# --- round 2: classes seen on unseen real copy (sentences of our own, one shape per style) -----
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a capture as a bare infinitive, or a movement noun in prospect, is an aim
        ("Russian troops are advancing west in an attempt to take the whole of Donbas.",
         [("advance", None, None, False)]),
        ("The Kremlin launched its winter offensive to seize the rest of Donetsk oblast.", []),
        ("Moscow's forces press on with the aim of taking all of Zaporizhzhia oblast.", []),
        ("Ukraine's army fought on, seeking to recapture Bakhmut before the spring.", []),
        ("Its fall would clear the way for further Russian advances in the region of Donetsk.",
         []),
        ("Washington repeated its calls for the withdrawal of Russian troops from Kherson.", []),
        ("Ukrainian troops managed to retake Klishchiivka after a week of fighting.",
         [("advance", None, "Klishchiivka", False)]),
        ("The brigade exploited the Russian retreat to retake villages around Izium.",
         [("advance", None, "Izium", False)]),
        # a movement noun that is opposed is no movement
        ("Ukrainian units are holding back the enemy's offensive towards Kupiansk.", []),
        ("The brigade fended off the Russian push on Chasiv Yar overnight.", []),
        ("Our defenders are containing the Russian advance towards Pokrovsk.", []),
    ],
)
def test_aims_prospects_and_opposed_pushes_are_no_movements(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # ground gained, in the idioms of General Staff, Russian MoD and wire copy
        ("Ukrainian troops gained ground near Staromaiorske and are consolidating their "
         "positions, the General Staff said.", [("advance", None, "Staromaiorske", False)]),
        ("The Ukrainian army made headway near Verbove, according to the military.",
         [("advance", None, "Verbove", False)]),
        ("According to the General Staff, the enemy had partial success in the area of Synkivka "
         "on Monday.", [("advance", None, "Synkivka", False)]),
        ("Russian units improved their tactical position near Tonenke, the Russian defence "
         "ministry said.", [("advance", None, "Tonenke", False)]),
        ("Russian troops took up more advantageous positions near Kupiansk.",
         [("advance", None, "Kupiansk", False)]),
        ("The occupiers are taking positions on the streets of Vovchansk, the police chief "
         "said.", [("advance", None, "Vovchansk", False)]),
        ("Ukrainian forces moved forward two kilometres near Robotyne.",
         [("advance", None, "Robotyne", False)]),
        ("The enemy has broken into Krasnohorivka, the brigade said.",
         [("advance", None, "Krasnohorivka", False)]),
        ("Russian sabotage groups infiltrated Vovchansk overnight.",
         [("advance", None, "Vovchansk", False)]),
        ("The invaders have occupied Ocheretyne, the regional governor said.",
         [("advance", None, "Ocheretyne", False)]),
        ("The success of the operation near Kupiansk surprised analysts.", []),
        # a place that changed hands, told with the place as subject
        ("Pervomaiske fell to Russian forces after weeks of fighting.",
         [("advance", None, "Pervomaiske", False)]),
        ("The village of Krasnohorivka, home to a few hundred people, has fallen under the "
         "control of Moscow-backed forces, the ministry said.",
         [("advance", None, "Krasnohorivka", False)]),
        ("Robotyne came under Ukrainian control on Monday.", [("advance", None, "Robotyne", False)]),
        ("Russian forces fell back from positions near Izium.", [("retreat", "Izium", None, False)]),
        # a place after the one taken only says where it lies
        ("Our defenders liberated Andriivka near Bakhmut on Friday.",
         [("advance", None, "Andriivka", False)]),
        # "moved to camps in X" is a destination, "moved to annex X" an infinitive
        ("After the fall of Bakhmut, Wagner fighters moved to camps in Belarus.",
         [("advance", None, "Bakhmut", False), ("reposition", None, "Belarus", False)]),
    ],
)
def test_ground_gained_and_places_that_changed_hands(sentence, expected):
    assert moves(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Ukraine's incursion into the Kursk region entered its third week on Tuesday.",
         [("advance", None, "Kursk", False)]),
        ("Military bloggers said the Belgorod incursion had caught the garrison off guard.",
         [("advance", None, "Belgorod", False)]),
        ("Avdiivka's recent fall to Russian forces shook the front.",
         [("advance", None, "Avdiivka", False)]),
        ("Ukraine's surprise cross-border raid into the Belgorod region caught Moscow off guard.",
         [("advance", None, "Belgorod", False)]),
        ("The enemy continues its offensive in the Pokrovsk direction.",
         [("advance", None, "Pokrovsk", False)]),
        # a side's capital in the possessive is the side, and a noun's ends take a preposition
        ("Kyiv's cross-border incursion has forced Moscow to rethink.", []),
        ("The invasion of Ukraine began on February 24.", []),
        ("Russian forces conducted offensive operations in Donbas.", []),
    ],
)
def test_incursions_and_falls_told_as_nouns(sentence, expected):
    assert moves(sentence) == expected


def doc_moves(text: str, speaker: str | None = None) -> list[tuple]:
    """(kind, origin, destination, actor) of a document's movements; `speaker` speaks every
    sentence (as a quotation's speaker would)."""
    document = DocumentMovements()
    for span in split_sentences(text):
        document.read(span.text, speaker=speaker)
    return [(h.kind, h.origin, h.destination, h.actor) for _, h in document.movements()]


@pytest.mark.parametrize(
    "text, speaker, expected",
    [
        # the document's own words tell whose "our units" and "the enemy" are
        ("The occupiers shelled Kupiansk overnight. Our units withdrew from Synkivka to new "
         "positions, the brigade said.", None,
         [("withdraw", "Synkivka", None, "Ukrainian forces")]),
        ("The Kyiv regime lost up to 40 servicemen. The enemy retreated from Synkivka, the "
         "ministry said.", None, [("retreat", "Synkivka", None, "Ukrainian forces")]),
        # a quotation's speaker is its "we"
        ("Prigozhin said his fighters had taken Bakhmut. \"On May 25 we are leaving the conflict "
         "zone,\" he said.", "Prigozhin",
         [("advance", None, "Bakhmut", "Wagner Group"),
          ("withdraw", "Bakhmut", None, "Wagner Group")]),
        ("\"I decided to withdraw our units from Avdiivka to avoid encirclement,\" Syrskyi said.",
         "Syrskyi", [("withdraw", "Avdiivka", None, "Ukrainian forces")]),
        # "we" who saw, said or think is not the mover
        ("Russian troops are leaving Hostomel. \"We have seen them reposition,\" he said.",
         None, [("withdraw", "Hostomel", None, "Russian troops")]),
        # a liberation told in the passive is the speaking side's
        ("The Defence Forces continue their offensive in the south. Robotyne has been liberated, "
         "and our troops are moving southeast of Robotyne.", None,
         [("advance", None, "Robotyne", "Ukrainian forces"),
          ("advance", "Robotyne", None, "Ukrainian forces")]),
        # a force moving on to a named place keeps the verb's kind
        ("Wagner took Bakhmut in May. Wagner fighters then moved to camps in Belarus.", None,
         [("advance", None, "Bakhmut", "Wagner Group"),
          ("reposition", None, "Belarus", "Wagner Group")]),
        # "from there" after positions named is those positions, no place in play
        ("Ukrainian troops were ordered out of Sievierodonetsk. Our defenders will move to new "
         "positions and fight from there, the governor said.", None,
         [("withdraw", "Sievierodonetsk", None, "Ukrainian troops")]),
        # "leave the conflict zone in that area": the place in play
        ("Wagner fighters took Bakhmut. They will leave the combat zone in that area next week.",
         None, [("advance", None, "Bakhmut", "Wagner Group"),
                ("withdraw", "Bakhmut", None, "Wagner Group")]),
    ],
)
def test_our_units_the_enemy_and_we_are_named_by_the_side_that_speaks(text, speaker, expected):
    assert doc_moves(text, speaker) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a fleet's ships moved between ports: both ends, told over several sentences
        ("Moscow has been relocating warships from Sevastopol. Satellite pictures show many "
         "of them moored far to the east. Analysts said Russian forces moved two frigates and "
         "three submarines \u201cto Novorossiysk.\u201d At least one other ship has been moved to "
         "the port of Feodosia in eastern Crimea.",
         [("reposition", "Sevastopol", "Novorossiysk", "Russian forces"),
          ("reposition", "Sevastopol", "Feodosia", "Russian forces")]),
        # a ship's name after a title is no town (Admiral Makarov is not Makariv)
        ("The Admiral Makarov frigate sailed from Sevastopol to Novorossiysk last week.",
         [("reposition", "Sevastopol", "Novorossiysk", "naval vessels")]),
        ("Black Sea Fleet commanders moved the landing ship Yamal from Sevastopol to "
         "Novorossiysk.", [("redeploy", "Sevastopol", "Novorossiysk", "Black Sea Fleet")]),
        ("Wheat prices advanced in Odesa as grain ships resumed sailing.", []),
    ],
)
def test_ships_moved_between_ports(text, expected):
    assert doc_moves(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a village the gazetteer does not know, named by its kind, is a place all the same,
        # and stays one when named again bare; "near X" after it only locates it
        ("Ukrainian troops have withdrawn from the village of Zhovtianka, near the town of "
         "Avdiivka. The ministry in Moscow said Zhovtianka had fallen to Russian forces.",
         [("withdraw", "Zhovtianka", None, "Ukrainian troops"),
          ("advance", None, "Zhovtianka", "Russian forces")]),
        ("The enemy had partial success in the area of Bilokamianka, the General Staff said.",
         [("advance", None, "Bilokamianka", "Russian forces")]),
        ("Russian officials moved to the outskirts of Russian-held Melitopol.", []),
        # the border with a country is no country; how far from it is no end
        ("Russian troops withdrew to positions 5 km from the border with Russia.",
         [("withdraw", None, None, "Russian troops")]),
        ("Belarusian units pulled back towards the border with Belarus.",
         [("withdraw", None, "Belarus", "Belarusian forces")]),
        # a plan, however many verbs it runs over, is no movement
        ("The occupiers reportedly planned to create a buffer zone and push the defenders back "
         "from Vovchansk.", []),
        ("Moscow intends to withdraw its troops from Kherson, the officials said.", []),
    ],
)
def test_unknown_villages_borders_and_plans(text, expected):
    assert doc_moves(text) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a Russian MoD statement: the ministry that says so speaks of its own units; a
        # republic named after its capital only locates the village
        ("Units of the Battlegroup Centre liberated the settlement of Novoselivka in the Donetsk "
         "People's Republic, the Russian Defence Ministry said.",
         [("advance", None, "Novoselivka", "Russian forces")]),
        # defenders moved under another's hand (an evacuation told in the passive)
        ("The wounded defenders were taken to Novoazovsk, the deputy minister said.",
         [("withdraw", None, "Novoazovsk", "unknown")]),
        ("The wounded were taken to hospital in Zaporizhzhia.", []),
    ],
)
def test_ministry_statements_and_defenders_taken_away(sentence, expected):
    assert [(h.kind, h.origin, h.destination, h.actor) for h in extract_movements(sentence)] == \
        expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # driven out of positions: the side that drove them took the positions
        ("Ukrainian troops drove out Russian forces from positions in the Klishchiivka area of "
         "the Donetsk region on Wednesday.",
         [("advance", None, "Klishchiivka", "Ukrainian troops")]),
        ("The Defence Forces knocked the occupiers out of positions near Andriivka.",
         [("advance", None, "Andriivka", "Ukrainian forces")]),
        # pushed out of a town or a region: the side pushed retreats
        ("Ukraine's military said Russian forces had been pushed out of Kupiansk.",
         [("retreat", "Kupiansk", None, "Russian forces")]),
        # cleared of the enemy, regained
        ("Our soldiers cleared Robotyne of Russian troops, the brigade said.",
         [("advance", None, "Robotyne", "unknown")]),
        ("Sappers cleared Robotyne of mines.", []),
        ("Ukrainian forces recently regained positions west of Bakhmut.",
         [("advance", None, "Bakhmut", "Ukrainian forces")]),
    ],
)
def test_driven_out_cleared_and_regained(sentence, expected):
    assert [(h.kind, h.origin, h.destination, h.actor) for h in extract_movements(sentence)] == \
        expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a movement noun that names no mover tells again the movement already told
        ("Ukraine's forces withdrew from the village of Zhovtianka on Monday. Russian forces "
         "took Avdiivka last week. The withdrawal from Zhovtianka was ordered to save lives.",
         [("withdraw", "Zhovtianka", None, "Ukrainian forces"),
          ("advance", None, "Avdiivka", "Russian forces")]),
        # "moved in": into the place just named
        ("After Russian forces left Kherson, Ukrainian troops moved in and raised the flag.",
         [("withdraw", "Kherson", None, "Russian forces"),
          ("advance", None, "Kherson", "Ukrainian troops")]),
    ],
)
def test_a_movement_noun_retold_and_moving_in(text, expected):
    assert doc_moves(text) == expected


def test_a_date_is_no_strength():
    hit = only("Prigozhin announced on March 8 that Russian forces captured all of eastern "
               "Bakhmut.")
    assert (hit.kind, hit.destination, hit.size) == ("advance", "Bakhmut", None)
    hit = only("Two battalions of Russian troops advanced on Vovchansk on 12 May.")
    assert hit.size == "two battalions"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a force only referred to completes what its side did last, however many sentences
        # of other matters come between
        ("Russian troops are pulling back from Chernihiv. The city's mayor counted the damage. "
         "Power was restored in some districts. Schools stay closed. Some of them are "
         "repositioning into Belarus, the official said.",
         [("withdraw", "Chernihiv", "Belarus", "Russian troops")]),
        # a movement of its side told since ends the open one
        ("Russian troops are pulling back from Chernihiv. Russian forces shelled Kharkiv and "
         "advanced on Izium. Some of them are repositioning into Belarus, the official said.",
         [("withdraw", "Chernihiv", None, "Russian troops"),
          ("advance", None, "Izium", "Russian forces"),
          ("reposition", None, "Belarus", "Russian forces")]),
        # a force named anew that says only that some forces moved is not the same move
        ("Russia has begun to reposition forces from around Kyiv. It is possible that some of "
         "the Russian forces have already moved to Belarus, Kirby said.",
         [("reposition", "Kyiv", None, "Russian forces"),
          ("reposition", None, "Belarus", "Russian forces")]),
    ],
)
def test_what_a_side_did_last_is_what_goes_on(text, expected):
    assert doc_moves(text) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a side that claims to have done it speaks of itself
        ("The Russians claimed to have taken Krynky, which the Ukrainian navy denied.",
         [("advance", None, "Krynky", "Russian forces")]),
        # progress made towards a place goes to it
        ("Ukrainian troops have made slow progress towards Melitopol, the general said.",
         [("advance", None, "Melitopol", "Ukrainian troops")]),
    ],
)
def test_claims_of_ones_own_and_progress_towards(sentence, expected):
    assert [(h.kind, h.origin, h.destination, h.actor) for h in extract_movements(sentence)] == \
        expected


def test_a_towns_flank_is_the_town():
    assert moves("Prigozhin said Ukrainian troops had retaken several positions on Bakhmut's "
                 "northern flank.") == [("advance", None, "Bakhmut", False)]


def test_an_incursion_with_no_place_goes_into_the_region_in_play():
    text = ("Sudzha is the largest town in Russia's Belgorod region that Kyiv's troops hold. "
            "The surprise Ukrainian incursion began on Tuesday, officials said.")
    assert doc_moves(text) == [("advance", None, "Belgorod", "Ukrainian forces")]
    assert moves("The surprise Ukrainian incursion began on Tuesday.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # pushed back from positions: the side pushed retreats (driven out: the drivers advance)
        ("Ukrainian troops have pushed Russian forces back from some positions east of Kyiv.",
         [("retreat", "Kyiv", None, "Russian forces")]),
        # forced to pull out is a pull-out, not a push
        ("Russian troops had been forced to pull out of positions near Davydiv Brid.",
         [("withdraw", "Davydiv Brid", None, "Russian troops")]),
        # a list of regions after a movement noun are all its ends
        ("The regrouping follows the withdrawal of Russian troops from the Kyiv, Chernihiv and "
         "Sumy regions.",
         [("withdraw", "Kyiv", None, "Russian troops"),
          ("withdraw", "Chernihiv", None, "Russian troops"),
          ("withdraw", "Sumy", None, "Russian troops")]),
        # "we are regrouping" after its side's withdrawal is that withdrawal told again
        ("Ukrainian forces have been ordered to withdraw from Sievierodonetsk. \"We are not giving "
         "up Sievierodonetsk, we are regrouping,\" the deputy minister said.",
         [("withdraw", "Sievierodonetsk", None, "Ukrainian forces")]),
        # concentrating forces elsewhere does not say where an earlier pull-back went
        ("Russian forces are repositioning units from the Chernihiv region. They continued to "
         "withdraw from Sumy while concentrating forces near Izium.",
         [("reposition", "Chernihiv", None, "Russian forces"),
          ("withdraw", "Sumy", None, "Russian forces"),
          ("deploy", None, "Izium", "Russian forces")]),
    ],
)
def test_pushed_back_forced_out_lists_and_regrouping_told_again(text, expected):
    assert doc_moves(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # in neutral copy, a quoted "we" of no known side names no force, and "our forces" are
        # not a mere reference back to the force in play (they complete none of its movements)
        ("Russian units retreated from positions near Kherson. \"Our forces are carrying out a "
         "regrouping in the Nova Kakhovka direction,\" the officer said.",
         [("retreat", "Kherson", None, "Russian forces"),
          ("regroup", None, "Nova Kakhovka", "Russian forces")]),
        ("Russian forces shelled Kharkiv. \"We have liberated 20 settlements in the Kharkiv "
         "region,\" the officer said.", []),
        # moving away from a place is no advance on from it, whatever its side did before
        ("Russian forces took Izium in April. Now the troops are moving away from Izium.",
         [("advance", None, "Izium", "Russian forces"),
          ("reposition", "Izium", None, "Russian forces")]),
    ],
)
def test_a_quoted_we_of_no_known_side_and_moving_away(text, expected):
    assert doc_moves(text) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "X in the Y area" only says where X lies
        ("Russian troops have taken the village of Staromaiorske in the Zaporizhzhia area, the "
         "ministry said.", [("advance", None, "Staromaiorske", False)]),
        # a site named with the town it lies in is one end
        ("Ukrainian marines pulled out of the besieged Azovstal plant in Mariupol overnight.",
         [("withdraw", "Azovstal", None, False)]),
        # the passive subject keeps its place, not the republic that locates it
        ("The settlement of Staromaiorske of the Zaporizhzhia region has been liberated, the "
         "ministry said.", [("advance", None, "Staromaiorske", False)]),
    ],
)
def test_a_place_that_only_locates_another_is_no_end(sentence, expected):
    assert moves(sentence) == expected


def test_a_quoted_fragment_inside_a_clause_does_not_end_its_places():
    hit = only('Moscow said some of its units fell back "to better defensive lines" near a lake '
               "west of Izium.")
    assert (hit.kind, hit.origin, hit.actor) == ("retreat", "Izium", "Russian forces")
    # a quoted sentence after the movement still ends it
    assert moves('Russian troops withdrew from Kyiv, "We will be back in Izium," the general '
                 "said.") == [("withdraw", "Kyiv", None, False)]


def test_a_capital_or_country_that_admits_or_tries_is_no_place():
    # "the area" is the town named before, not the capital that admitted it
    text = ("Ukrainian gunners fire near Izium. Moscow has admitted Kyiv's troops have retaken "
            "ground in the area.")
    assert doc_moves(text) == [("advance", None, "Izium", "Ukrainian troops")]
    assert moves("Ukrainian units are retaking ground around the ruined city Russia has been "
                 "trying to take for months.") == []
    # after a preposition it is the place again
    assert moves("The battalions returned to Russia, the ministry said.") == [
        ("withdraw", None, "Russia", False)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # holding all of a place is news of its taking
        ("Russian troops have taken complete control of the strategic town of Kreminna.",
         [("advance", None, "Kreminna", "Russian troops")]),
        ("By Sunday, Ukraine has almost complete control of Kharkiv Oblast east of the river.",
         [("advance", None, "Kharkiv", "Ukrainian forces")]),
        # told with the place as subject, a relative clause between it and its verb
        ("Today Kreminna, which became a byword for endurance and was nearly flattened after "
         "weeks of shelling, is completely under the control of the Russian army.",
         [("advance", None, "Kreminna", "Russian forces")]),
        ("Kreminna is fully under Ukrainian control, the governor said.",
         [("advance", None, "Kreminna", "Ukrainian forces")]),
        # full control of no place, or not yet
        ("Russia has full control of the skies over the front.", []),
        ("The town of Kreminna is not yet under full control of the Russian army.", []),
    ],
)
def test_full_control_of_a_place_is_its_capture(sentence, expected):
    assert [(h.kind, h.origin, h.destination, h.actor) for h in extract_movements(sentence)] == \
        expected


def test_a_state_that_speaks_on_a_day_of_its_own_troops():
    hit = only("Ukraine on Tuesday said it ordered the withdrawal of its troops from Kreminna.")
    assert (hit.kind, hit.origin, hit.actor) == ("withdraw", "Kreminna", "Ukrainian forces")
    hit = only("Russia on Tuesday said Ukrainian troops withdrew from Kreminna.")
    assert hit.actor == "Ukrainian troops"


@pytest.mark.parametrize(
    "sentence",
    [
        # an attack given up or failed is no movement
        "Analysts believe the Russian army has given up its stalled push towards Kyiv.",
        "The failed offensive on Vuhledar cost the brigade dozens of tanks.",
        # the whole theatre is no end, nor evidence of one
        "The Russian army has perhaps shifted its aggression to eastern Ukraine.",
        # evacuating the wounded is no force movement
        "Medics evacuated wounded soldiers from Bakhmut overnight.",
    ],
)
def test_failed_attacks_the_whole_theatre_and_the_wounded_are_no_movements(sentence):
    assert moves(sentence) == []


# --- the side of a taking: who took a place, not who lost it ------------------------------------
def _document(*sentences: str, speakers: tuple = ()) -> list[tuple]:
    """(kind, origin, destination, actor) of each movement of a document read in order."""
    reader = DocumentMovements()
    for k, sentence in enumerate(sentences):
        reader.read(sentence, k, speaker=speakers[k] if k < len(speakers) else None)
    return [(h.kind, h.origin, h.destination, h.actor) for _, h in reader.movements()]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a state, its capital or its authorities as the subject of a taking
        ("Ukraine retook Kherson in November.", ("advance", None, "Kherson", "Ukrainian forces")),
        ("Kyiv recaptured the town of Izium last week.",
         ("advance", None, "Izium", "Ukrainian forces")),
        ("Ukrainian authorities regained several villages west of Chernihiv on Sunday.",
         ("advance", None, "Chernihiv", "Ukrainian forces")),
        # the taking told as a noun or a passive, with its taker after "by"
        ("The president confirmed the liberation of the town of Izium by the Armed Forces of "
         "Ukraine.", ("advance", None, "Izium", "Ukrainian forces")),
        ("Russian troops shelled the outskirts, but Kupiansk was liberated by Ukrainian units.",
         ("advance", None, "Kupiansk", "Ukrainian forces")),
        # a side's incursion, its possessive a few words before the noun
        ("Officials in Washington declined to comment on Kyiv's recent cross-border incursion "
         "into the Belgorod region.", ("advance", None, "Belgorod", "Ukrainian forces")),
    ],
)
def test_the_taking_side_named_as_a_state_an_agent_or_a_possessive(sentence, expected):
    hits = [(h.kind, h.origin, h.destination, h.actor) for h in extract_movements(sentence)]
    assert expected in hits
    assert all(hit[3] == expected[3] for hit in hits if hit[0] == "advance"), hits


def test_the_pushed_side_is_not_who_takes_ground_after_the_comma():
    """"X pushed back the other side's forces ..., retaking ...": the pushers retake."""
    hits = [(h.kind, h.origin, h.destination, h.actor) for h in extract_movements(
        "Ukraine pushed back Russian forces around Kharkiv on Monday, retaking control of "
        "several villages near the city.")]
    assert ("advance", None, "Kharkiv", "Ukrainian forces") in hits
    assert all(actor == "Russian forces" for kind, *_, actor in hits if kind == "retreat")
    assert not [h for h in hits if h[0] == "advance" and h[3] != "Ukrainian forces"], hits
    (hit,) = extract_movements("The brigade drove Russian troops out of the forest near Kreminna "
                               "and then took the village of Torske.", "Ukrainian forces")[-1:]
    assert (hit.destination, hit.actor) == ("Torske", "Ukrainian forces")


def test_a_passive_liberation_is_by_the_side_that_tells_it():
    """Liberated, with no taker named, in a quotation of one side's spokesman: that side took
    it, whatever force the quotation named in its sentence before (the one surrounded), and
    the surrounded force's area is no place liberated."""
    told = _document(
        "The spokesman added that Ukrainian forces had liberated three villages near Kupiansk.",
        "\u201cThe Russian group in the Kupiansk area is encircled. The villages of Tabaivka "
        "and Kurylivka have been liberated,\u201d he said.",
    )
    taken = [m for m in told if m[0] == "advance"]
    assert ("advance", None, "Tabaivka", "Ukrainian forces") in taken
    assert ("advance", None, "Kurylivka", "Ukrainian forces") in taken
    assert all(m[3] == "Ukrainian forces" for m in taken), told
    voiced = _document(
        "Russian troops shelled the village for a week.",
        "\u201cThe settlement of Synkivka has been liberated,\u201d a Ukrainian commander said.",
        speakers=(None, "a Ukrainian commander"),
    )
    assert ("advance", None, "Synkivka", "Ukrainian forces") in voiced


def test_the_enemy_in_a_quotation_whose_attribution_names_the_side():
    """"The enemy", quoted from a source the attribution calls Russian, is the Ukrainian side."""
    told = _document(
        "\u201cThe enemy is breaking through our line near Robotyne,\u201d Sever Group, a "
        "channel of Russian war correspondents, wrote on Telegram.",
        speakers=("Sever Group",),
    )
    assert told == [("advance", None, "Robotyne", "Ukrainian forces")]


def test_taking_soldiers_prisoner_is_no_taking_of_ground():
    """Nor are the captives the force of an incursion told after them."""
    assert extract_movements(
        "The raid caused chaos in the Belgorod region, leading to the capture of at least 50 "
        "Russian soldiers.") == []
    told = _document(
        "Ukrainian units crossed the border into the Belgorod region on Tuesday.",
        "The raid caused chaos there, leading to the capture of at least 50 Russian soldiers, "
        "and officials said the aim of the incursion was to draw reserves away from the front.")
    assert told and {m[3] for m in told} == {"Ukrainian forces"}, told


def test_a_force_of_an_earlier_clause_is_not_the_mover_of_an_unsided_noun():
    """Copy whose sentences lost their spaces ("...villages.The incursion ...") still breaks
    clauses there; "the incursion" with no side in its clause is the incursion in play."""
    told = _document(
        "Ukrainian units crossed the border into the Belgorod region on Tuesday.",
        "The governor said Russian forces had repelled attacks on two villages.Officials said "
        "the incursion would go on.",
    )
    assert told == [("advance", None, "Belgorod", "Ukrainian forces")]
