"""Claim-level rules: stable ids, hedging words, stated quantities."""

import pytest

from sitdash.ingest.claims import (
    actor_places,
    boilerplate,
    claim_id,
    cut_off,
    hedges,
    is_heading,
    is_substantive,
    quantities,
)


def test_claim_id_depends_only_on_document_and_sentence_words():
    a = claim_id("doc1", "Russian forces shelled Kharkiv overnight.")
    assert a == claim_id("doc1", "Russian  forces shelled\nKharkiv overnight.")
    assert a != claim_id("doc2", "Russian forces shelled Kharkiv overnight.")
    assert a != claim_id("doc1", "Russian forces shelled Kharkiv overnight.", occurrence=1)
    assert len(a) == 16


def test_hedges_found_in_order_once_each():
    sentence = ("It is possible that troops could move, though it was not clear whether they "
                "would; officials said it was possible.")
    assert hedges(sentence) == ["possible", "could", "not clear", "would"]
    assert hedges("Russian troops withdrew from Bucha on Wednesday.") == []


def test_quantities_keep_their_qualifier_and_what_they_count():
    assert quantities("Yesterday there were 300 attack missions over the country") == [
        "300 attack missions"]
    assert quantities("It has begun to reposition less than 20% of its forces") == [
        "less than 20%"]
    assert quantities("The group deployed about 1,000 people in the east") == [
        "about 1,000 people"]
    assert quantities("They have fought for eight years now") == ["eight years"]
    assert quantities("Strikes doubled in the past 24 hours, killing 12 civilians") == [
        "24 hours", "12 civilians"]
    assert quantities("Up to 15 percent of the battalions were rotated") == ["Up to 15 percent"]


def test_dates_alone_are_not_quantities():
    assert quantities("On March 26, 2022 the mayor spoke in Lviv") == []


def test_a_day_before_its_month_is_a_date_not_a_force_size():
    # day-first dates, as British and European copy writes them, run into the noun after them
    assert quantities("On 09 May Russian troops were seen near the bridge") == []
    assert quantities("Since 3 March soldiers have held the crossing") == []
    # a real size beside a day-first date is still a size
    assert quantities("On 09 May some 300 troops crossed the river") == ["some 300 troops"]


def test_substantive_sentences():
    assert is_substantive("Russian forces bombed the outskirts of the capital.")
    assert is_substantive("Casualties: 14 dead")
    assert not is_substantive("Keep reading")
    assert not is_substantive("Photo gallery")


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Konotop district", True),
        ("Donetsk direction", True),
        ("Kharkiv Oblast:", True),
        ("Bakhmut", True),
        ("The area is calm.", False),
        ("Shelling continued in the district", False),
    ],
)
def test_section_headings(line, heading):
    assert is_heading(line) is heading


def test_cut_off_texts():
    assert cut_off("The troops left. The spokesman said the next village had not yet been")
    assert not cut_off("The troops left.\n")
    assert not cut_off('"We are leaving," he said.”')


def _actors(sentence):
    from sitdash.ingest.places import find_places

    return actor_places(sentence, find_places(sentence))


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("Russia says the operation is going to plan.", ["Russia"]),
        ("The rebels Russia has backed since 2014 hold Horlivka.", ["Russia"]),
        ("Kherson was captured by Russia in the first week.", ["Russia"]),
        ("Moscow's troops left the right bank, and Kyiv said the city was free.",
         ["Moscow", "Kyiv"]),
        ("The Ministry of Defence of the Russian Federation gave no figures.", ["Russia"]),
        ("Drones struck an airfield in Russia overnight.", []),
        ("Kyiv residents sheltered as Kyiv's suburbs were shelled.", []),
        ("Sumy lies 30 miles from the border with Russia.", []),
        ("Russian troops withdrew from Ukraine to Belarus.", []),
        ("Kharkiv says the power is back.", []),  # a city not standing for a government
        ("He added that Kyiv was still under attack from the air.", []),
        ("Officials said Russia was shelled from across the border.", []),
    ],
)
def test_places_named_as_actors(sentence, actors):
    assert _actors(sentence) == actors


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Example Wire was unable to verify the information.", "unverified"),
        ("The Example Times could not independently verify the claims of fighting.",
         "unverified"),
        ("The claims could not be independently verified.", "unverified"),
        ("The BBC has contacted the Russian defence ministry for comment.", "comment"),
        ("The ministry did not immediately respond to a request for comment.", "comment"),
        ("Ukraine could not confirm the loss of the village, the ministry said.", None),
        ("Troops pushed on, though ISW cannot independently confirm these reports.", None),
    ],
)
def test_newsroom_boilerplate(sentence, kind):
    assert boilerplate(sentence) == kind


def test_an_unverifiable_report_is_hedged():
    assert "cannot independently confirm" in hedges(
        "Troops pushed on, though ISW cannot independently confirm these reports.")


def test_a_date_is_not_a_force_size():
    assert quantities("On April 07 Russian troops entered the village.") == []
    assert quantities("On April 7, 300 Russian troops entered the village.") == [
        "300 Russian troops"]
