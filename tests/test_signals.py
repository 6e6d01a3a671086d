"""What a claim says that a contradiction can rest on."""

import pytest

from sitdash.signals import announcement, attacker_side, claim_signals, denial


@pytest.mark.parametrize("text,voice,expected", [
    ("Russia said it would drastically reduce military activity around Kyiv and Chernihiv.",
     "ru", ("ru", "reduced activity", ["Kyiv", "Chernihiv"])),
    ("Moscow will sharply cut back military activity near Kyiv, Fomin told reporters.", "ru",
     ("ru", "reduced activity", ["Kyiv"])),
    ("Russia announced a ceasefire in Mariupol to let civilians leave.", "allied",
     ("ru", "a ceasefire", ["Mariupol"])),
    ("Moscow ordered the withdrawal of its troops from Kherson, the defence ministry said.",
     "ru", ("ru", "a withdrawal", ["Kherson"])),
    ("We have drastically reduced military activity near Chernihiv", "ru",
     ("ru", "reduced activity", ["Chernihiv"])),
])
def test_announced_de_escalations_name_the_side_and_places(text, voice, expected):
    assert announcement(text, voice) == expected


@pytest.mark.parametrize("text,voice", [
    ("Ukrainian officials dismissed Russia's pledge to reduce military activity near Kyiv.",
     "ua"),
    ("The UN called for a ceasefire around Mariupol.", "other"),
    ("Russia refused a ceasefire in Mariupol.", "ru"),
    ("Nobody here believes these promises of de-escalation near Chernihiv.", "ua"),
    ("Talks on a ceasefire in Mariupol will resume on Monday.", "ua"),
    ("Ukraine urged Russia to halt the offensive near Kyiv.", "ua"),
    ("A senior US official said the ceasefire near Kyiv was possible.", "allied"),  # no side
])
def test_refused_called_for_or_doubted_de_escalations_are_no_announcement(text, voice):
    assert announcement(text, voice) is None


@pytest.mark.parametrize("text,voice,side", [
    ("Chernihiv was shelled all night, the governor said.", "ua", "ru"),
    ("Russian forces shelled Kharkiv 40 times.", "allied", "ru"),
    ("Russian missiles struck a school in Lviv.", "other", "ru"),
    ("Ukrainian artillery hit Donetsk overnight.", "ru", "ua"),
    ("The enemy shelled Sumy throughout the night.", "ua", "ru"),
    ("Ukrainian forces repelled Russian attacks near Izium.", "ua", None),  # both sides named
    ("Explosions were heard in Lviv.", "other", None),  # nobody named, nobody implied
])
def test_the_attacking_side_is_named_or_implied_by_who_reports(text, voice, side):
    assert attacker_side(text, voice) == side


@pytest.mark.parametrize("text,expected", [
    ("It's a repositioning, not a withdrawal, Kirby said.", ("withdraw", "reposition")),
    ("They are not withdrawing, they are regrouping.", ("withdraw", "reposition")),
    ("This is a retreat rather than a regrouping, the governor said.",
     ("reposition", "withdraw")),
    ("The Russian move is not a real withdrawal.", ("withdraw", None)),
    ("Russian forces have not yet redeployed from Kyiv to Donbas.", None),  # not happened yet
    ("There was no sign that the troops leaving Kyiv had been sent home.", None),
    ("Russian troops withdrew from Irpin.", None),
])
def test_denied_characterisations(text, expected):
    assert denial(text) == expected


def test_a_sentence_reporting_strikes_is_not_also_an_announcement():
    claim = {"id": "c1", "doc_id": "d1", "date": "2022-03-31", "places": ["Chernihiv"],
             "text": "Despite the promise to reduce military activity near Chernihiv, Russian "
                     "artillery shelled the city overnight."}
    kinds = [s["kind"] for s in claim_signals(claim, "ua")]
    assert kinds == ["strike"]
