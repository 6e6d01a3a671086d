"""An unnamed local post ("the regional governor", "the mayor") is the one person the same
article names in that post for that place; anything ambiguous stays unnamed."""

import pytest

from sitdash.ingest.local_posts import LocalPost, local_post
from sitdash.ingest.pipeline import extract
from sitdash.ingest.read import read_text
from sitdash.model import to_dict
from sitdash.speakers import origin_key


def sources(text: str) -> list[tuple[str, str]]:
    out = extract(read_text(text, published="2022-04-03"))
    return [(c.source, c.source_kind) for c in out.claims]


@pytest.mark.parametrize("phrase, post", [
    ("the regional governor", LocalPost("governor", ())),
    ("the head of the regional military administration", LocalPost("governor", ())),
    ("head of the regional administration in the Sumy region", LocalPost("governor", ("Sumy",))),
    ("Kharkiv Regional Military Administration Head", LocalPost("governor", ("Kharkiv",))),
    ("governor of the Luhansk region", LocalPost("governor", ("Luhansk",))),
    ("the city mayor", LocalPost("mayor", ())),
    ("Okhtyrka Mayor", LocalPost("mayor", ("Okhtyrka",))),
    ("the Russian-installed governor", LocalPost("governor", (), occupation=True)),
    ("the deputy governor", None),
    ("the former mayor", None),
    ("adviser to the Sumy governor", None),
    ("spokesman for the Odesa regional military administration", None),
    ("mayor's adviser", None),
    ("the governor's office", None),
])
def test_the_post_a_description_or_role_names(phrase, post):
    assert local_post(phrase) == post


def test_the_regional_governor_in_the_lead_is_the_governor_named_further_down():
    text = ('Russian forces are "pulling out of the region in long columns," according to the '
            "regional governor, and are taking their armour with them from the Sumy region.\n\n"
            "Russian troops had shelled villages near Okhtyrka for weeks, said Mykola "
            "Prykladenko, head of the Sumy regional military administration, on Telegram.\n\n"
            '"They are leaving in a hurry," Prykladenko said.')
    out = extract(read_text(text, published="2022-04-03"))
    lead = out.claims[0]
    assert (lead.source, lead.source_kind) == ("Mykola Prykladenko", "named official")
    assert lead.source_role == "head of the Sumy regional military administration"
    # the quote in the lead and the lead's claim name the same speaker
    quote = next(q for q in out.quotes if q.start < lead.end)
    assert (quote.speaker, quote.speaker_kind) == (lead.source, lead.source_kind)
    # one person, one origin: the lead counts with the rest of his claims
    origins = {origin_key(to_dict(c), to_dict(out.document)) for c in out.claims}
    assert len(origins) == 1


def test_the_city_mayor_is_the_mayor_of_that_town_named_later():
    text = ("Shelling hit the centre of Okhtyrka overnight, the city mayor said on Monday.\n\n"
            "Okhtyrka Mayor Olena Zrazok told reporters the water supply had been restored.")
    assert sources(text)[0] == ("Olena Zrazok", "named official")


def test_a_governor_or_mayor_of_another_place_is_someone_else():
    governor = ("Russian troops shelled Chuhuiv overnight, the governor said.\n\n"
                "Sumy governor Mykola Prykladenko said the border villages were quiet.")
    assert sources(governor)[0] == ("the governor", "anonymous official")
    mayor = ("Shelling hit the centre of Trostianets overnight, the mayor said.\n\n"
             "Okhtyrka Mayor Olena Zrazok said her town had a quiet night.")
    assert sources(mayor)[0] == ("the mayor", "anonymous official")


def test_two_governors_that_fit_leave_the_post_unnamed():
    both = ("Russian forces are leaving the Kyiv and Chernihiv regions, the regional governor "
            "said.\n\n"
            "Kyiv regional governor Mykola Prykladenko said columns were moving north.\n\n"
            "Chernihiv regional governor Olena Zrazok said the roads were mined.")
    assert sources(both)[0] == ("the regional governor", "anonymous official")


def test_of_two_governors_named_the_place_picks_the_one():
    text = ("Russian columns left Hostomel on Friday, the regional governor said.\n\n"
            "Kyiv regional governor Mykola Prykladenko said columns were moving north.\n\n"
            "Chernihiv regional governor Olena Zrazok said the roads were mined.")
    assert sources(text)[0] == ("Mykola Prykladenko", "named official")


def test_an_indefinite_official_is_nobody_named():
    text = ("Russian forces shelled Okhtyrka overnight, a regional official said.\n\n"
            "Sumy governor Mykola Prykladenko said the town was without power.")
    assert sources(text)[0] == ("a regional official", "anonymous official")


def test_the_governor_speaking_again_without_a_place_is_the_same_person():
    text = ("Russian troops left Trostianets on Saturday, the regional governor said.\n\n"
            "The governor added that the roads out of the town were still mined.\n\n"
            "Sumy governor Mykola Prykladenko later posted photos from the square.")
    assert [s for s, _ in sources(text)[:2]] == ["Mykola Prykladenko"] * 2
