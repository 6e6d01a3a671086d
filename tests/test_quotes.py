"""Quotations and their speakers (sitdash.ingest.quotes), on articles in several house styles."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitdash.ingest.quotes import QuoteHit, extract_quotes

DATA = Path(__file__).parent / "data" / "quotes"
SEED = Path(__file__).parent.parent / "seeds" / "000_ef4bcab6f89b65ad.txt"

# Per article: (a fragment of each quotation, its speaker), in document order, and nothing else.
ARTICLES = {
    "ap_wire.txt": [  # curly quotes, "Gov." title, "the official" after a described official
        ("deliberately targeting residential", "Oleh Syniehubov"),
        ("no military infrastructure there", "Oleh Syniehubov"),
        ("making incremental progress at best", "a senior U.S. defense official"),
        ("behind schedule", "a senior U.S. defense official"),
        ("have not achieved the objectives", "a senior U.S. defense official"),
        ("All the goals will be achieved", "Dmitry Peskov"),  # "special military operation" skipped
    ],
    "reuters.txt": [  # straight quotes, "he said" after a sentence naming the speaker, colon style
        ("likely to be seeking to reinforce", "the Ministry of Defence"),
        ("highly unlikely", "the Ministry of Defence"),
        ("We know their intentions", "Volodymyr Zelenskiy"),
        ("moving away from some areas", "Volodymyr Zelenskiy"),
        ("no breakthroughs", "Dmitry Peskov"),  # a short quotation inside what Peskov said
        ("not going to artificially adjust", "Dmitry Peskov"),
    ],
    "guardian_live.txt": [  # colon ending the paragraph before, a quotation over two paragraphs
        ("get people out by private transport", "Iryna Vereshchuk"),
        ("did not let the buses through", "Iryna Vereshchuk"),
        ("continue to suffer heavy losses", "the UK’s Ministry of Defence"),
        ("get a great deal worse", "Richard Shirreff"),  # ‘single quotes’
        ("Negotiations are very difficult", "Mykhailo Podolyak"),
    ],
    "kyiv_independent.txt": [  # Telegram posts by governors, "the governor" = the latest governor
        ("Grad rockets and heavy artillery", "Valentyn Reznichenko"),
        ("68-year-old man was wounded", "Valentyn Reznichenko"),
        ("continues to terrorize the civilian", "Oleh Syniehubov"),
        ("Please stay in shelters", "Oleh Syniehubov"),
        ("Do not ignore the air raid alerts", "Oleh Syniehubov"),  # continued paragraph
        ("trying to advance in the direction", "the General Staff of Ukraine's Armed Forces"),
    ],
    "pentagon_briefing.txt": [  # many "he said", "He added:", a question, a one-word sentence
        ("seen some Russian units leave", "John Kirby"),
        ("It is not a withdrawal", "John Kirby"),
        ("prepared to see a major offensive", "John Kirby"),
        ("contested space", "John Kirby"),
        ("struggling with logistics", "a senior defense official"),
        ("no evidence of a ceasefire", "a senior defense official"),
        ("None.", "a senior defense official"),
        ("Are they leaving for good?", "a senior defense official"),
        ("We don't know yet", "a senior defense official"),
    ],
    "spanish_translated.txt": [  # "the president indicated", "pointed out", '"…" – declared X'
        ("give our land to anyone", "Volodymyr Zelensky"),
        ("defend every city and every village", "Volodymyr Zelensky"),
        ("does not intend to stop", "Sergei Lavrov"),
        ("prolong this conflict", "Sergei Lavrov"),
        ("very difficult but under control", "Serhiy Haidai"),
    ],
    "bbc_single.txt": [  # a headline label, a quote within a quote, straight single quotes
        ("rebuild every single city", "Volodymyr Zelensky"),
        ("want to destroy us", "Volodymyr Zelensky"),
        ("my grandfather used to say, 'the land remembers", "Volodymyr Zelensky"),
        ("We're not going to let Ukraine stand alone", "Ben Wallace"),
        ("Not now, not ever", "Ben Wallace"),  # "unwavering" skipped, '90s is no quote mark
    ],
}


def _check_spans(text: str, hits: list[QuoteHit]) -> None:
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
        assert hit.text == hit.text.strip()
        assert hit.text[0] not in "“”\"‘'" and hit.text[-1] not in "“”\"’',"


@pytest.mark.parametrize("filename", sorted(ARTICLES))
def test_article_quotes_and_speakers(filename):
    text = (DATA / filename).read_text(encoding="utf-8")
    hits = extract_quotes(text)
    _check_spans(text, hits)
    expected = ARTICLES[filename]
    got = [(hit.text, hit.speaker) for hit in hits]
    assert len(got) == len(expected), got
    for (quote, speaker), (fragment, expected_speaker) in zip(got, expected, strict=True):
        assert fragment in quote
        assert speaker == expected_speaker, (fragment, speaker)


def test_seed_gold_quotes():
    gold = [
        ("never fulfilled their mission", "Kirby"),
        ("and heading further north", "Kirby"),
        ("longer and longer conflict", "official"),
        ("fighting for it for eight years", "official"),
        ("know the territory very", "official"),
        ("a lot of strength there", "official"),
        ("doesn't mean it will be easy", "official"),
        ("chips for the negotiating table", "official"),
        ("the liberation of donbas", "Rudskoy"),
    ]
    text = SEED.read_text(encoding="utf-8")
    hits = extract_quotes(text)
    _check_spans(text, hits)
    assert len(hits) == len(gold)
    for fragment, speaker in gold:
        hit = next(h for h in hits if fragment in h.text.lower())
        assert speaker in hit.speaker
    kirby = [h for h in hits if "Kirby" in h.speaker]
    assert {h.speaker for h in kirby} == {"John Kirby"}
    assert {h.speaker_kind for h in kirby} == {"named official"}
    official = [h for h in hits if "official" in h.speaker]
    assert {h.speaker for h in official} == {"a senior US defense official"}
    assert {h.speaker_kind for h in official} == {"anonymous official"}


def test_split_quotation_gives_both_fragments_the_speaker():
    text = "“They are leaving Kyiv,” Kirby said, “and heading further north, away from the city.”"
    hits = extract_quotes(text)
    assert [(h.text, h.speaker) for h in hits] == [
        ("They are leaving Kyiv", "Kirby"),
        ("and heading further north, away from the city.", "Kirby"),
    ]


def test_continued_quotation_takes_the_speaker_named_in_a_later_paragraph():
    text = (
        "The mayor spoke at length.\n\n"
        '"We have restored water to most districts. Power is the next task.\n\n'
        '"Heating will take longer," said Mayor Ihor Terekhov.'
    )
    hits = extract_quotes(text)
    _check_spans(text, hits)
    assert [h.speaker for h in hits] == ["Ihor Terekhov", "Ihor Terekhov"]
    assert hits[0].text.endswith("Power is the next task.")
    assert hits[1].text == "Heating will take longer"


@pytest.mark.parametrize(
    "text",
    [
        "Russia calls it a “special military operation” rather than a war.",
        "The so-called 'referendums' were dismissed by Kyiv.",
        'Officials described the situation as "very tense" on Friday.',
    ],
)
def test_scare_quotes_without_a_speech_verb_are_skipped(text):
    assert extract_quotes(text) == []


def test_short_quotation_with_an_attached_verb_is_kept():
    text = "Kirby was asked whether the convoy still exists.\n\n“No,” he said. “It is gone.”"
    hits = extract_quotes(text)
    assert [(h.text, h.speaker) for h in hits] == [("No", "Kirby"), ("It is gone.", "Kirby")]


def test_apostrophes_are_not_quotation_marks():
    text = (
        "Russia's army doesn't hold the soldiers' old positions from the '90s, and Kyiv’s "
        "forces won’t say where they are."
    )
    assert extract_quotes(text) == []


def test_dash_and_colon_styles():
    text = (
        "“We will not surrender the city under any circumstances” – Oleksandr Starukh, head of "
        "the regional administration.\n\n"
        "The governor of Mykolaiv, Vitaliy Kim, wrote on Telegram: “The night was difficult, "
        "but the city held.”\n\n"
        "According to the Ukrainian presidency, “the negotiations have been difficult but "
        "productive.”"
    )
    hits = extract_quotes(text)
    assert [h.speaker for h in hits] == [
        "Oleksandr Starukh",
        "Vitaliy Kim",
        "the Ukrainian presidency",
    ]
    assert [h.speaker_kind for h in hits] == ["named official", "named official", "institution"]


def test_quotation_without_any_speaker_keeps_none():
    text = (
        "Residents of Bucha returned to find the town in ruins.\n\n"
        "A banner on the school read “Glory to Ukraine, glory to the heroes” in red letters."
    )
    hits = extract_quotes(text)
    assert len(hits) == 1
    assert hits[0].speaker is None and hits[0].speaker_kind == "other"


def test_he_refers_to_the_latest_person_not_an_institution():
    text = (
        "Defence Minister Oleksii Reznikov met his counterparts in Brussels.\n\n"
        "The Kremlin said the meeting changed nothing.\n\n"
        "“We need more artillery, and we need it now,” he said."
    )
    hits = extract_quotes(text)
    assert [(h.speaker, h.speaker_kind) for h in hits] == [("Oleksii Reznikov", "named official")]


def test_quotation_attributed_in_the_next_sentence():
    text = "“Are they really leaving for good this time?” Kirby asked. “We cannot tell yet.”"
    hits = extract_quotes(text)
    assert [h.speaker for h in hits] == ["Kirby", "Kirby"]


def test_empty_and_quote_free_text():
    assert extract_quotes("") == []
    assert extract_quotes("Russian forces withdrew from Chernihiv.\n\nKirby said so.") == []


def test_a_quotation_followed_by_an_unread_clause_does_not_inherit_the_last_speaker():
    text = (
        "“We will not give up the city,” Mayor Ihor Terekhov said.\n\n"
        "«La situación es muy difícil, pero está bajo control», declaró el alcalde."
    )
    hits = extract_quotes(text)
    assert [h.speaker for h in hits] == ["Ihor Terekhov", None]


def test_named_civilians_are_not_officials():
    text = (
        '"It\'s a catastrophe, we lost everything," says Olena, 54, a resident of Irpin.\n\n'
        "“They shot at us from the tanks,” said a 67-year-old resident of Bucha."
    )
    hits = extract_quotes(text)
    assert [(h.speaker, h.speaker_kind) for h in hits] == [
        ("Olena", "other"),
        ("a 67-year-old resident of Bucha", "other"),
    ]


def test_guillemets_and_a_comma_outside_the_quote():
    text = (
        "Foreign Minister Dmytro Kuleba spoke after the talks.\n\n"
        '"We are not going to negotiate under fire", he said. '
        "«Russia must be held accountable for these crimes», Kuleba added."
    )
    hits = extract_quotes(text)
    assert [(h.text, h.speaker) for h in hits] == [
        ("We are not going to negotiate under fire", "Dmytro Kuleba"),
        ("Russia must be held accountable for these crimes", "Dmytro Kuleba"),
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                '"',
                "‘",
                "’",
                "'",
                "«",
                "»",
                " ",
                "\n\n",
                ".",
                ",",
                ":",
                " – ",
                "he said",
                "Kirby said",
                "said the official",
                "We will win",
                "Russia's",
                "the '90s",
                "Kyiv",
            ]
        ),
        max_size=40,
    )
)
def test_any_mix_of_quote_marks_gives_valid_spans(pieces):
    text = "".join(pieces)
    for hit in extract_quotes(text):
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.text
        assert "\n\n" not in hit.text


# --- patterns met in real copy: each with a sentence written for this test ----------------------


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(hit.text, hit.speaker) for hit in extract_quotes(text)]


def test_short_quotation_inside_a_reported_clause_is_kept_with_its_speaker():
    text = (
        "The mayor of Sumy, Oleksandr Lysenko, said the bridge was “badly damaged” by the blast."
        "\n\n"
        "Moscow calls the war the “special military operation” and nothing else."
    )
    assert _speakers(text) == [("badly damaged", "Oleksandr Lysenko")]


def test_a_quoted_figure_is_not_a_quote():
    text = "The ministry said the strike had killed “over 300” fighters at the base."
    assert extract_quotes(text) == []


def test_colon_after_a_verbless_clause_hands_over_to_the_quotation():
    text = (
        "A senior NATO official said on Tuesday that the alliance would not be rushed.\n\n"
        "Pressed on the timing, the official was categorical: “Nothing will move before spring.”"
        "\n\n"
        "Some things are simple: “Do not cross the bridge” is painted on the road."
    )
    assert _speakers(text) == [
        ("Nothing will move before spring.", "a senior NATO official"),
        ("Do not cross the bridge", None),  # "Some things" is no source
    ]


def test_a_colon_lead_in_opening_with_a_named_relative_hands_over_to_her():
    text = (
        "The last buses left the factory district at dusk.\n\n"
        "The daughter of one of the drivers of the convoy, Maria Lysenko, talking to "
        "journalists before the crossing, described the journey as follows:\n\n"
        "“We drove without lights. Every hour the shelling came closer to the road.”\n\n"
        "Officials gave no figures."
    )
    hits = extract_quotes(text)
    assert [(h.speaker, h.speaker_kind) for h in hits] == [("Maria Lysenko", "other")]


def test_a_quoted_phrase_according_to_a_statement_by_a_body_is_the_bodys():
    text = (
        "Kyiv said on Tuesday that it had pulled its troops out of the village.\n\n"
        "Army chiefs approved the move to “save the lives of the soldiers and their weapons” "
        "and to dig in further west, according to a statement by the Tavria "
        "operational-strategic group."
    )
    assert _speakers(text) == [
        ("save the lives of the soldiers and their weapons",
         "the Tavria operational-strategic group"),
    ]


def test_in_what_x_called_gives_the_quotation_to_x():
    text = (
        "Moscow says it has pulled its units back from the bridgehead, in what its general staff "
        "termed “a regrouping to more favourable lines”."
    )
    [(quote, speaker)] = _speakers(text)
    assert quote == "a regrouping to more favourable lines"
    assert speaker == "Moscow's general staff"


def test_blockquote_paragraph_after_a_colon_is_the_speakers():
    text = (
        "Oleksiy Danilov, the secretary of the security council, posted on Facebook:\n\n"
        "The bridge is down. Their supply line to the south is cut.\n\n"
        "Here is what we know so far:\n\n"
        "The strike happened at about 3am local time."
    )
    assert _speakers(text) == [
        ("The bridge is down. Their supply line to the south is cut.", "Oleksiy Danilov")
    ]


def test_role_in_apposition_after_the_name_and_quoted_as_saying():
    text = (
        "“We are holding the bridge,” Oleksandr Shtupun, a spokesman for the 93rd Mechanized "
        "Brigade, said on Friday.\n\n"
        "“The corridor stays closed until further notice,” Denis Pushilin was quoted as saying "
        "by the TASS news agency."
    )
    assert _speakers(text) == [
        ("We are holding the bridge", "Oleksandr Shtupun"),
        ("The corridor stays closed until further notice", "Denis Pushilin"),
    ]


def test_she_after_a_sentence_opening_with_a_role_and_a_name():
    text = (
        "Separatist fighters claimed to have taken the railway station.\n\n"
        "The Kharkiv mayor, Ihor Terekhov, toured the damaged market on Tuesday. "
        "“We will rebuild every stall,” he said."
    )
    assert _speakers(text) == [("We will rebuild every stall", "Ihor Terekhov")]


def test_x_called_it_gives_the_quotation_to_x():
    text = (
        "Foreign Minister Dmytro Kuleba called the strike “a deliberate act of terror against "
        "sleeping families” and asked for more air defence."
    )
    assert _speakers(text) == [
        ("a deliberate act of terror against sleeping families", "Dmytro Kuleba")
    ]


def test_the_head_of_the_administration_refers_back_to_a_title_first_speaker():
    text = (
        "Head of the Sumy Regional Military Administration Dmytro Zhyvytskyi said this on "
        "Telegram, a Suspilne correspondent reports.\n\n"
        "“Two villages lost power overnight,” the head of the regional administration added."
    )
    assert _speakers(text) == [("Two villages lost power overnight", "Dmytro Zhyvytskyi")]


def test_quote_from_label_names_the_speaker():
    text = "Quote from the Southern Defence Forces: “The occupiers shelled 30 settlements today.”"
    assert _speakers(text) == [
        ("The occupiers shelled 30 settlements today.", "the Southern Defence Forces")
    ]


def test_called_with_a_long_object_before_the_quotation():
    text = (
        "Prime Minister Denys Shmyhal called the shelling of the market in central Kostiantynivka "
        "“a crime that will be answered”."
    )
    assert _speakers(text) == [("a crime that will be answered", "Denys Shmyhal")]


def test_transcript_turns_are_the_speakers_words_questions_are_not():
    text = (
        "GEN. MILLEY: The Russians have not achieved their aims around the capital.\n\n"
        "Q: Will they try again?\n\n"
        "SECRETARY AUSTIN: We expect them to regroup and try again in the east."
    )
    assert _speakers(text) == [
        ("The Russians have not achieved their aims around the capital.", "Milley"),
        ("We expect them to regroup and try again in the east.", "Austin"),
    ]


def test_said_one_is_one_of_the_officials_just_quoted():
    text = (
        "“It is a war of attrition now,” two European officials told reporters. "
        "“They cannot keep this pace for long,” said one."
    )
    assert [s for _, s in _speakers(text)] == ["two European officials"] * 2


def test_a_section_label_is_no_speaker_and_the_ministry_refers_back():
    text = (
        "The Ukrainian defence ministry said on Monday that the depot had been hit.\n\n"
        "The big picture: The ministry called the strike “a cynical attack on a civilian target”."
    )
    assert _speakers(text) == [
        ("a cynical attack on a civilian target", "the Ukrainian defence ministry")
    ]


def test_a_colon_after_a_verb_phrase_takes_the_sentence_subject():
    text = (
        "Mykhailo Podolyak, an adviser to the presidential office, put it bluntly: "
        "“There will be no ceasefire before the occupiers leave.”"
    )
    assert _speakers(text) == [
        ("There will be no ceasefire before the occupiers leave.", "Mykhailo Podolyak")
    ]


def test_capitalised_place_and_update_labels_are_no_transcript():
    text = (
        "KYIV: Air raid sirens sounded across the capital overnight, officials said.\n\n"
        "MOSCOW: The defence ministry reported strikes on fuel depots near Kharkiv.\n\n"
        "UPDATE: Power was restored to most districts by the morning."
    )
    assert extract_quotes(text) == []


def test_as_x_put_it_in_the_words_of_x_and_his_message():
    text = (
        "As one NATO diplomat put it, “The alliance has run out of patience.”\n\n"
        "In the words of the Kharkiv mayor, Ihor Terekhov, the city “will not be broken by "
        "missiles.”\n\n"
        "Oleksandr Starukh, the Zaporizhzhia governor, visited the shelters on Sunday. "
        "His message was simple: “Stay underground until the sirens stop.”"
    )
    assert _speakers(text) == [
        ("The alliance has run out of patience.", "one NATO diplomat"),
        ("will not be broken by missiles.", "Ihor Terekhov"),
        ("Stay underground until the sirens stop.", "Oleksandr Starukh"),
    ]


def test_a_bare_quote_label_takes_the_source_named_before():
    text = (
        "Details: According to the Southern Defence Forces, two boats were destroyed overnight.\n\n"
        "Quote: “The enemy keeps probing our positions on the islands.”"
    )
    assert _speakers(text) == [
        ("The enemy keeps probing our positions on the islands.", "the Southern Defence Forces")
    ]


# --------------------------------------------------------------------------- issuers and follow-ons


def _speakers(text: str) -> list[tuple[str, str | None]]:
    hits = extract_quotes(text)
    _check_spans(text, hits)
    return [(h.text, h.speaker) for h in hits]


def test_its_statement_reads_is_the_body_named_before_and_so_is_the_next_quotation():
    text = (
        "Marines crossed to the left bank near Krynky on Monday, according to the Navy's press "
        "service.\n\n"
        '"The bridgehead is widening, as our units dig in," its statement reads. "Every enemy '
        'position within reach will be struck."'
    )
    assert [s for _, s in _speakers(text)] == ["the Navy's press service"] * 2


def test_the_report_said_is_its_issuer_and_they_say_is_not_the_agency_passing_it_on():
    text = (
        "The Russian Defence Ministry has announced the pullback of its group near Kupiansk. "
        "This is stated in the ministry's message on Telegram, Some News Agency reports.\n\n"
        '"It was decided to move the units near Kupiansk to reinforce the southern direction," '
        "the report said.\n\n"
        "The ministry gives no figures for its own losses.\n\n"
        '"In two days, more than a thousand enemy fighters were put out of action," they say.'
    )
    assert [s for _, s in _speakers(text)] == ["the Russian Defence Ministry"] * 2


def test_a_blog_quoted_with_its_audience_is_it_in_the_next_sentence():
    text = (
        '"We will probably give up the bridgehead, however bitter it is to admit," said the '
        'Rybar blog, which has more than a million subscribers on Telegram. "Nobody can hold it '
        'with empty hands," it said. "This is a dark day for the army."'
    )
    hits = extract_quotes(text)
    assert [h.speaker for h in hits] == ["the Rybar blog"] * 3
    assert {h.speaker_kind for h in hits} == {"media"}


def test_an_untagged_quotation_after_background_belongs_to_the_last_quotation_not_a_term():
    text = (
        '"Their units are not leaving but regrouping," the alliance chief told reporters.\n\n'
        'Moscow says it is now concentrating on "freeing" the east.\n\n'
        '"Meanwhile, Russia keeps up the pressure on Kharkiv and other cities."'
    )
    assert [s for _, s in _speakers(text)] == ["the alliance chief"] * 2


def test_a_misplaced_opening_mark_does_not_lose_the_quotation():
    # an opening mark before a single word, its closing mark, and the real closing mark later
    text = (
        "The enemy has “partially” pulled back from the Sumy region and is heading toward the "
        "border because of its losses,” the general staff of the Ukrainian armed forces said."
    )
    (hit,) = extract_quotes(text)
    assert "heading toward the border" in hit.text
    assert hit.speaker == "the general staff of the Ukrainian armed forces"


def test_a_quotation_runs_into_the_next_paragraph_without_a_new_opening_mark():
    text = (
        "The mayor said: “We have held the town for a week and\n\n"
        "we will hold it for as long as it takes,” before driving off."
    )
    assert _speakers(text) == [
        ("We have held the town for a week and", "the mayor"),
        ("we will hold it for as long as it takes", "the mayor"),
    ]


def test_a_short_phrase_quoted_in_a_subordinate_speech_clause_is_its_subjects():
    text = 'The shelling resumed after Russia said it had agreed to "scale down operations" there.'
    assert _speakers(text) == [("scale down operations", "Russia")]


@pytest.mark.parametrize(
    "text",
    [
        'Syrskyi expressed confidence that "the enemy will not break through our lines this '
        'winter".',
        'Syrskyi stressed the need to "hold every position until the reserves come up".',
    ],
)
def test_a_quotation_inside_reported_speech_belongs_to_the_subject(text):
    assert [s for _, s in _speakers(text)] == ["Syrskyi"]


def test_residents_messages_after_a_lead_in_are_the_channels_that_carry_them():
    text = (
        "Meanwhile, local chats carry several unconfirmed accounts of the fighting around "
        "Kupiansk, here are some of them:\n\n"
        "“My cousin called from the station – our soldiers are already there.”\n\n"
        "“[Ukrainian troops] are in the centre, the Russians left overnight”\n\n"
        "“They are in Petropavlivka”"
    )
    assert [s for _, s in _speakers(text)] == ["local chats"] * 3


def test_he_after_a_paragraph_that_brings_in_a_new_person_is_that_person():
    text = (
        '"We will hold the bridgehead," Zelensky said on Monday.\n\n'
        "On Tuesday the positions were visited by Defence Minister Oleksii Reznikov, who toured "
        "the trenches near Kupiansk.\n\n"
        '"The counteroffensive will come when we are ready," he said.'
    )
    assert [s for _, s in _speakers(text)] == ["Zelensky", "Oleksii Reznikov"]


def test_the_page_itself_said_is_its_publisher():
    from sitdash.model import Source

    text = (
        "Ukraine's General Staff has confirmed the loss of the village.\n\n"
        '"The enemy is now likely to prioritise the encirclement of the town," the update said.'
    )
    hits = extract_quotes(text, title="Latest intelligence update on the war - 3 May",
                          publisher=Source("Ministry of Defence", "institution"))
    assert [h.speaker for h in hits] == ["Ministry of Defence"]
    # without a title naming the document, "the update" is the issuer named before
    assert [h.speaker for h in extract_quotes(text)] == ["Ukraine's General Staff"]


def test_a_surname_spelled_another_way_later_is_the_same_person():
    text = (
        'Kremlin spokesman Dmitry Peskov said the talks had stalled.\n\n'
        '"There is no progress at all," Peskow said.'
    )
    assert [s for _, s in _speakers(text)] == ["Dmitry Peskov"]


def test_a_speaker_phrase_running_into_the_cut_of_an_excerpt_names_no_one():
    text = (
        '"The line holds," the brigade commander said on Monday.\n\n'
        '"We have pushed them back from the railway," said the chief'
    )
    assert _speakers(text) == [
        ("The line holds", "the brigade commander"),
        ("We have pushed them back from the railway", None),
    ]
    # the same words in a complete text are the chief's
    assert _speakers(text + ".")[-1] == ("We have pushed them back from the railway", "the chief")


def test_a_place_signing_off_a_quotation_is_not_its_speaker():
    assert _speakers('"We are holding the line." — Kupiansk, May 3') == [
        ("We are holding the line.", None)]


def test_an_untagged_quotation_after_an_attributed_sentence_is_that_sources():
    text = ('Residents said the shelling went on until dawn.\n\n'
            '"The windows shook all night and nobody slept."')
    assert _speakers(text) == [("The windows shook all night and nobody slept.", "residents")]


def test_a_body_that_acts_without_speaking_is_the_it_that_speaks_next():
    text = (
        "Russia's Defence Ministry said its forces had taken the village.\n\n"
        "Ukraine's General Staff rejected that. \"Our units hold every position near the "
        'village," it said in its evening update.'
    )
    assert [s for _, s in _speakers(text)] == ["Ukraine's General Staff"]


def test_an_opening_asked_is_no_person():
    text = (
        "Brig. Gen. Ivan Examplenko sits in a small office in Kyiv.\n\n"
        "Asked about the south, he was more upbeat. \"We are within artillery range of the "
        'airport," he said.'
    )
    assert [s for _, s in _speakers(text)] == ["Ivan Examplenko"]


def test_the_groups_chief_after_its_head_was_named_is_that_person():
    text = (
        "Ivan Examplov, the head of the Storm mercenary group, said his men held the station.\n\n"
        '"We are leaving the town on Thursday," the Storm chief said in an audio message.'
    )
    assert [s for _, s in _speakers(text)] == ["Ivan Examplov"]


def test_a_region_heading_ending_in_a_colon_is_no_speaker():
    text = ("The governor went through the regions one by one.\n\nKharkiv Oblast:\n\n"
            "“Two villages were shelled overnight, one man was wounded.”")
    assert [s for _, s in _speakers(text)] != ["Kharkiv Oblast"]


def test_a_sentence_the_reporter_finishes_in_the_last_sources_words_is_that_sources():
    text = (
        "“The enemy is pushing on the southern front,” Storm Channel, a group of war reporters "
        "and volunteers, wrote on Thursday. “Armoured groups are hitting one point.”\n\n"
        "The Ukrainian army “threw up to 30 armoured vehicles into a new assault near the "
        "town.”\n\n"
        "The talks are to resume on “the first day of the new month” in Geneva."
    )
    assert [s for _, s in _speakers(text)] == ["Storm Channel"] * 3 + [None]


def test_a_report_that_brings_in_two_commanders_names_each_for_their_later_quotations():
    text = (
        "This was reported by the Commander-in-Chief of the Ukrainian army, General Ivan "
        "Examplenko, and the Commander of the Northern Operational and Strategic Group of Troops, "
        "General Petro Examplov, Kyivinform reported.\n\n"
        "“We will take the town back,” said the Ukrainian army Commander-in-Chief.\n\n"
        "“Our soldiers took up defence at the new lines,” said the commander of the Northern "
        "Brigade."
    )
    assert [s for _, s in _speakers(text)] == ["Ivan Examplenko", "Petro Examplov"]


def test_a_police_chief_a_relaying_outlet_introduces_is_the_he_of_the_next_quotation():
    text = (
        "This was stated by the head of the police in the Sumy region, Ivan Examplenko, "
        "Censor.NET reports.\n\n"
        "“Fighting continues on the streets of the town,” he said.\n\n"
        "“People, please leave while the road is open,” he called."
    )
    assert [s for _, s in _speakers(text)] == ["Ivan Examplenko"] * 2


def test_the_report_said_after_a_coordinated_speech_verb_is_the_reports_issuer():
    text = (
        "Russia's Defence Ministry said its forces had taken the village.\n\n"
        "The General Staff of Ukraine's army, in an evening report, described the situation as "
        "“tense” and said “heavy fighting” went on near the town.\n\n"
        "“The enemy carried out 23 assaults on our positions,” the report said. “Battles go on "
        "in six places.”"
    )
    assert [s for _, s in _speakers(text)][-2:] == ["the General Staff of Ukraine's army"] * 2


def test_a_named_unit_is_still_the_speaker_when_called_the_unit():
    text = (
        "“Permission was given to pull out of the town,” the Dnipro group of troops said in a "
        "Telegram post.\n\n"
        "The unit said its fighters had inflicted heavy losses but that “the risk of being cut "
        "off was too great.”"
    )
    assert [s for _, s in _speakers(text)] == ["the Dnipro group of troops"] * 2


def test_a_full_name_that_only_introduced_someone_is_their_name_for_a_later_quotation():
    text = (
        "National security spokesman Ivan Examplov told a briefing on Monday, “We see some units "
        "moving north,” but that it “does not mean the offensive has stopped there,” Examplov "
        "said."
    )
    assert {s for _, s in _speakers(text)} == {"Ivan Examplov"}


def test_according_to_him_is_whoever_he_is():
    text = ("Deputy Defence Minister Anna Examplenko said 53 wounded had been taken out. "
            "According to her, “an exchange will be worked out for their return.”")
    assert _speakers(text) == [("an exchange will be worked out for their return.",
                                "Anna Examplenko")]


def test_a_milblogger_and_a_name_spelled_like_a_verb_are_speakers():
    text = ("One prominent milblogger claimed that “Ukrainian forces have taken the northern "
            "part of the village.” Another milblogger, Storm Notes, stated that “the enemy "
            "brought up fresh reserves.”")
    assert [s for _, s in _speakers(text)] == ["one prominent milblogger", "Storm Notes"]


def test_a_statement_quoting_a_body_gives_that_bodys_words():
    text = "“Our units repelled 14 attacks,” the statement said, quoting the Southern Command."
    assert [s for _, s in _speakers(text)] == ["the Southern Command"]


def test_the_general_is_the_commander_in_chief_an_apposition_introduced():
    text = (
        "Oleksandr Examplenko, the Commander-in-Chief of the army, visited the troops in the "
        "east.\n\n"
        "“The situation has worsened,” Examplenko said. The general said that Russian forces "
        "“continue to attack along the entire front.”"
    )
    assert {s for _, s in _speakers(text)} == {"Oleksandr Examplenko"}


def test_the_governor_in_a_sentence_set_in_another_region_is_not_the_earlier_governor():
    text = (
        "Kherson governor Yaroslav Examplenko said the city had been shelled 40 times.\n\n"
        "In Zaporizhzhia, “three people were wounded in the night,” the governor said.\n\n"
        "Back in Kherson, “the situation remains tense,” the governor said.\n\n"
        "“Two houses burned down,” the governor added."
    )
    assert [s for _, s in _speakers(text)] == [
        "the governor", "Yaroslav Examplenko", "Yaroslav Examplenko"]


def test_section_headings_between_a_lead_in_and_its_quotations_are_passed_over():
    text = (
        "Governor Ivan Examplenko listed the night's attacks on Telegram:\n\n"
        "Kupiansk district:\n\n“Two villages were shelled overnight, one man was wounded.”\n\n"
        "Chuhuiv district:\n\n“A school was hit, nobody was hurt.”"
    )
    assert [s for _, s in _speakers(text)] == ["Ivan Examplenko"] * 2
    text = ("Governor Ivan Examplenko said on Telegram that the night was hard.\n\n"
            "Kupiansk district\n\n“Two villages were shelled overnight, one man was wounded.”")
    assert [s for _, s in _speakers(text)] == ["Ivan Examplenko"]


def test_in_his_words_and_an_inverted_reads_name_the_speaker():
    text = ("Ivan Examplenko said the offensive was going well. In his words, “the enemy has lost "
            "400 men in the last day.”\n\n"
            "“Units of the Southern group liberated the settlement,” reads the ministry's "
            "statement.")
    assert [s for _, s in _speakers(text)] == ["Ivan Examplenko", "the ministry"]


def test_what_a_body_describes_as_is_its_words_what_it_calls_a_thing_is_a_label():
    assert _speakers('The ministry described the situation as "difficult but controlled."') == [
        ("difficult but controlled.", "the ministry")]
    assert _speakers('Russia calls its invasion a "special military operation."') == []


def test_low_high_quote_marks_and_an_unknown_he_keep_quotations_apart():
    from sitdash.ingest.pipeline import extract
    from sitdash.ingest.read import read_text

    doc = read_text("„The enemy is retreating from the city,“ the spokesman said.")
    assert [(q.text, q.speaker) for q in extract(doc).quotes] == [
        ("The enemy is retreating from the city", "the spokesman")]
    # "he" with no one before it is unknown, not the next sentence's speaker
    text = '"We do not know where they went," he said. The mayor added: "They cannot stay here."'
    assert [s for _, s in _speakers(text)] == [None, "the mayor"]


def test_a_channel_or_a_collective_named_in_apposition_is_the_it_that_speaks_next():
    text = ("“The line has been broken,” Grey Zone, a Telegram channel close to the army, wrote. "
            "It added that “the enemy brought up fresh reserves.”\n\n"
            "“The enemy is pushing through,” Storm Z, a collective of war reporters, bloggers and "
            "volunteers, reported. It added that “the armoured groups are hitting one point.”")
    hits = extract_quotes(text)
    assert [(h.speaker, h.speaker_kind) for h in hits] == [
        ("Grey Zone", "media"), ("Grey Zone", "media"),
        ("Storm Z", "institution"), ("Storm Z", "institution")]
