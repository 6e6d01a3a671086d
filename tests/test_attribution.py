"""Speaker phrases, source kinds and surname resolution (sitdash.ingest.attribution)."""


import pytest

from sitdash.ingest.attribution import (
    SpeakerContext,
    attribute,
    find_attribution,
    mask_quotations,
    nearest_speaker,
    resolve_names,
    source_kind,
    statement_issuer,
    subject_person,
)
from sitdash.model import SOURCE_KINDS, Source

NAMED, ANON, INST, MEDIA, ANALYSTS = (
    "named official",
    "anonymous official",
    "institution",
    "media",
    "analysts",
)

SENTENCES = [
    # subject before the verb, with time phrases and clauses after it
    ("Kirby said that it is possible that some forces have moved to Belarus.", "Kirby", NAMED),
    (
        "The Pentagon said on Thursday that it was not clear the convoy still exists.",
        "the Pentagon",
        INST,
    ),
    (
        "US Defense Secretary Lloyd Austin told reporters in Brussels that NATO was united.",
        "Lloyd Austin",
        NAMED,
    ),
    ("Austin told CNN the alliance had never been stronger.", "Austin", NAMED),
    ("Mayor Vitali Klitschko said the curfew would end on Monday.", "Vitali Klitschko", NAMED),
    ("Regional governor Oleh Syniehubov said two people were killed.", "Oleh Syniehubov", NAMED),
    (
        "Kharkiv Governor Oleh Syniehubov wrote on Telegram that the shelling continued.",
        "Oleh Syniehubov",
        NAMED,
    ),
    (
        "Russian President Vladimir Putin has said in the past that Wagner does not represent the "
        "state, although he says they have the right to operate.",
        "Vladimir Putin",
        NAMED,
    ),
    (
        "Kremlin spokesman Dmitry Peskov said in a statement that talks would resume.",
        "Dmitry Peskov",
        NAMED,
    ),
    (
        "Lt. Gen. Igor Konashenkov, the ministry spokesman, said 300 targets were hit.",
        "Igor Konashenkov",
        NAMED,
    ),
    (
        "Ukraine's General Staff said Russian troops were regrouping near Izium.",
        "Ukraine's General Staff",
        INST,
    ),
    (
        "Russia's Defence Ministry said its forces had destroyed 12 depots.",
        "Russia's Defence Ministry",
        INST,
    ),
    ("The Kremlin said talks would continue.", "the Kremlin", INST),
    ("The UN said 3.9 million people had fled.", "the UN", INST),
    ("Russia said it would reduce military operations around Kyiv.", "Russia", INST),
    ("Moscow has repeatedly said the operation is going according to plan.", "Moscow", INST),
    ("Ukrainian officials say the city is surrounded.", "Ukrainian officials", ANON),
    ("Officials in Kyiv said the city was calm.", "officials in Kyiv", ANON),
    (
        "Military analysts say Russia has reformulated its war objectives.",
        "military analysts",
        ANALYSTS,
    ),
    (
        "The Institute for the Study of War assessed that the offensive had culminated.",
        "the Institute for the Study of War",
        ANALYSTS,
    ),
    ("CNN reported that the convoy had dispersed.", "CNN", MEDIA),
    ("Russian state media reported that the bridge was repaired.", "Russian state media", MEDIA),
    (
        "The UK Ministry of Defence estimated that 15,000 Russian soldiers had died.",
        "the UK Ministry of Defence",
        INST,
    ),
    ("Kirby added that Wagner had deployed about 1,000 people in Donbas.", "Kirby", NAMED),
    ("Ukraine's military warned that a new offensive was imminent.", "Ukraine's military", INST),
    ("Zelensky claimed that 2,500 Ukrainian soldiers had died.", "Zelensky", NAMED),
    ("The governor announced a curfew from 8 p.m.", "the governor", ANON),
    ("Energoatom confirmed that the plant had lost power.", "Energoatom", INST),
    ("Zelenskiy surmised that Moscow was stalling for time.", "Zelenskiy", NAMED),
    # trailing and inverted attributions
    ("Two people were killed, the official said.", "the official", ANON),
    (
        "Russia has begun to reposition less than 20% of its forces, the Pentagon said, but warned "
        "that they would be redeployed.",
        "the Pentagon",
        INST,
    ),
    ("The troops that left included some near Sumy, Kirby said.", "Kirby", NAMED),
    (
        "“They never fulfilled their mission,” said Pentagon spokesman John Kirby.",
        "John Kirby",
        NAMED,
    ),
    ("“We will hold,” said the governor of Luhansk, Serhiy Haidai.", "Serhiy Haidai", NAMED),
    ("The US estimates that 7,000 Russian soldiers have died, Kirby told CNN.", "Kirby", NAMED),
    # parenthetical phrases between subject and verb
    (
        "A US official, speaking on condition of anonymity, said some troops were leaving.",
        "a US official",
        ANON,
    ),
    (
        "Sergey Rudskoy, a senior Russian military commander, said last week that the first phase "
        "was over.",
        "Sergey Rudskoy",
        NAMED,
    ),
    (
        "Ukraine's president, Volodymyr Zelenskiy, said the talks were positive.",
        "Volodymyr Zelenskiy",
        NAMED,
    ),
    (
        "For his part, the head of Russian diplomacy, Sergei Lavrov, affirmed that Moscow would "
        "not stop.",
        "Sergei Lavrov",
        NAMED,
    ),
    (
        "A senior defense official, briefing reporters separately, estimated that Russia had "
        "committed 75% of its forces.",
        "a senior defense official",
        ANON,
    ),
    # "according to": the primary speaker wins when a sentence names both
    (
        "Russian forces are regrouping, according to the Institute for the Study of War.",
        "the Institute for the Study of War",
        ANALYSTS,
    ),
    ("According to the governor, 12 people died.", "the governor", ANON),
    (
        "Russian strikes doubled in 24 hours, a senior US Defense official said on condition of "
        "anonymity, according to several US media outlets such as CNBC.",
        "a senior US Defense official",
        ANON,
    ),
    ("Russian forces are regrouping, according to a report from ISW.", "ISW", ANALYSTS),
    (
        "Commanders allowed the brigade to leave the town, according to a statement by the "
        "Tavria operational-strategic group, part of the army's ground forces.",
        "the Tavria operational-strategic group",
        INST,
    ),
    (
        "A spokesperson for the ministry told Reuters the claims were false.",
        "a spokesperson for the ministry",
        ANON,
    ),
    # anonymous sources described by what they know
    (
        "People familiar with the matter said the talks had stalled.",
        "people familiar with the matter",
        ANON,
    ),
    (
        "Two sources with knowledge of the plans told Reuters the offensive would begin soon.",
        "two sources with knowledge of the plans",
        ANON,
    ),
    (
        "The official, who was not authorized to speak publicly, said the talks had stalled.",
        "the official",
        ANON,
    ),
    (
        "“They shot at us from the tanks,” said a 67-year-old resident of Irpin.",
        "a 67-year-old resident of Irpin",
        "other",
    ),
    ("“We lost everything,” says Olena, 54, a resident of Irpin.", "Olena", "other"),
    # participle hanging on the subject
    (
        "Zelensky addressed the nation on Thursday evening, saying the war would end.",
        "Zelensky",
        NAMED,
    ),
]


@pytest.mark.parametrize("sentence,name,kind", SENTENCES)
def test_attribute_finds_the_speaker(sentence, name, kind):
    assert attribute(sentence) == Source(name, kind)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces bombed the outskirts of Kyiv on Wednesday, a day after Russia said it "
        "would reduce operations, in what the West dismissed as a ploy.",
        "The European Union imposed sanctions on Wagner last year, accusing him of violence.",
        "The attack claimed 20 lives.",
        "An estimated 1,000 fighters have arrived in the region.",
        "Russian claims of victory were dismissed in Kyiv.",
        "The convoy stretched for 60 kilometres north of the capital.",
        "It is said to be the largest deployment since 2014.",
        "Russia is expected to claim victory by May 9.",
        "Talks with Russia are said to be stalled.",
        "The plans of the army said nothing about Kyiv.",
        "People watch as smoke rises, as Russia's attack on Ukraine continues, in Lviv.",
    ],
)
def test_sentences_without_a_source_give_none(sentence):
    assert attribute(sentence) is None


def test_pronouns_resolve_to_the_previous_source():
    kirby = Source("John Kirby", NAMED)
    assert attribute("He added that Kyiv was still under attack.", kirby) == kirby
    assert attribute("She said the city was calm.", previous_speaker=kirby) == kirby
    official = Source("a senior US Defense official", ANON)  # the seed: "It also revealed ..."
    assert attribute("It also revealed that aircraft flew 300 missions.", official) == official
    assert attribute("He added that Kyiv was still under attack.") is None
    assert attribute("“We will not stop,” he continued.", kirby) == kirby
    assert attribute("“We will not stop,” he continued, “not now.”", kirby) == kirby
    pentagon = Source("the Pentagon", INST)
    assert attribute("It added that Kyiv was still under attack.", pentagon) == pentagon
    assert attribute("He added that Kyiv was still under attack.", pentagon) is None
    assert attribute("They added that Kyiv was still under attack.", pentagon) == pentagon


def test_the_official_refers_back_to_an_earlier_official():
    official = Source("a senior US defense official", ANON)
    assert attribute("The official added that morale was low.", official) == official
    kirby = Source("John Kirby", NAMED)
    assert attribute("The official added that morale was low.", kirby) == Source(
        "the official", ANON
    )


def test_a_speech_verb_inside_quotation_marks_is_not_the_attribution():
    found = find_attribution("“He said he would come back,” the witness recalled.")
    assert found is not None and found.name == "the witness"
    assert attribute("The sign read “Kirby said no”.") is None


def test_mask_quotations_keeps_length_and_masks_only_quoted_text():
    text = "“We left,” Kirby said, “and went north.”"
    masked = mask_quotations(text)
    assert len(masked) == len(text)
    assert "Kirby said" in masked and "left" not in masked and "north" not in masked
    assert mask_quotations("reality, they failed,” said Kirby.").endswith("” said Kirby.")


def test_role_words_are_kept_for_named_speakers():
    found = find_attribution("Pentagon spokesman John Kirby said the convoy was stalled.")
    assert found.name == "John Kirby" and "spokesman" in found.role_words
    found = find_attribution("Sergey Rudskoy, a senior Russian military commander, said so.")
    assert found.name == "Sergey Rudskoy" and "commander" in found.role_words


@pytest.mark.parametrize(
    "name,kind",
    [
        ("John Kirby", NAMED),
        ("Pentagon spokesman John Kirby", NAMED),
        ("Kirby", NAMED),
        ("a senior US defense official", ANON),
        ("a US official", ANON),
        ("the official", ANON),
        ("officials", ANON),
        ("a Western intelligence official", ANON),
        ("a source", ANON),
        ("the Pentagon", INST),
        ("the Kremlin", INST),
        ("Ukraine's General Staff", INST),
        ("the Defence Ministry", INST),
        ("the UN", INST),
        ("NATO", INST),
        ("the European Union", INST),
        ("CNN", MEDIA),
        ("Reuters", MEDIA),
        ("the outlet", MEDIA),
        ("local media", MEDIA),
        ("state media", MEDIA),
        ("the Kyiv Independent", MEDIA),
        ("TASS", MEDIA),
        ("the Wall Street Journal", MEDIA),
        ("military analysts", ANALYSTS),
        ("experts", ANALYSTS),
        ("ISW", ANALYSTS),
        ("the Institute for the Study of War", ANALYSTS),
        ("residents", "other"),
        ("", "other"),
    ],
)
def test_source_kind(name, kind):
    assert source_kind(name) == kind
    assert kind in SOURCE_KINDS


def test_resolve_names_maps_surnames_to_full_names_seen_in_the_document():
    names = [
        "the Pentagon",
        "John Kirby",
        "Kirby",
        "a senior US defense official",
        "Peskov",
        "Kirby",
        "Dmitry Peskov",
    ]
    assert resolve_names(names) == {"Kirby": "John Kirby", "Peskov": "Dmitry Peskov"}
    assert resolve_names(["Kirby", "the Pentagon"]) == {}
    # an institution ending in the same word is not a person's full name
    assert resolve_names(["Group", "Wagner Group"]) == {}


# --- patterns met in real copy, each with a sentence written for this test ---------------------


@pytest.mark.parametrize(
    "sentence, name",
    [
        # a role opened by an article after the name, with an ordinal the phrase parser skips
        (
            '"____," Oleksandr Shtupun, a spokesman for the 93rd Mechanized Brigade, said.',
            "Oleksandr Shtupun",
        ),
        ('"____," Denis Pushilin was quoted as saying by the TASS news agency.', "Denis Pushilin"),
        (
            "Denis Pushilin was quoted by RIA Novosti as saying the town had fallen.",
            "Denis Pushilin",
        ),
    ],
)
def test_named_speakers_in_appositions_and_quoted_as_saying(sentence, name):
    found = find_attribution(sentence)
    assert found is not None and found.name == name and found.kind == "named official"


def test_he_was_seen_as_saying_is_no_attribution():
    assert find_attribution("He was seen as saying too much about the plan.") is None


@pytest.mark.parametrize(
    "phrase", ["Russian-backed separatists", "Kremlin-installed officials", "Pro-Russian rebels"]
)
def test_compound_modifiers_are_never_a_person(phrase):
    assert source_kind(phrase) != "named official"
    assert subject_person(f"{phrase} claimed to control the station on Monday.") is None


def test_subject_person_takes_the_name_in_apposition():
    found = subject_person("The Kharkiv mayor, Ihor Terekhov, toured the damaged market.")
    assert found is not None and found.name == "Ihor Terekhov"


@pytest.mark.parametrize(
    "sentence, name, role",
    [
        ("The husband of a nurse held at the camp, Taras Hnatiuk, met the press on Friday.",
         "Taras Hnatiuk", "husband"),
        ("The sister of one of the fighters of the marine brigade, Iryna Stus, spoke on Monday.",
         "Iryna Stus", "sister"),
        ("A resident, Olha Kravets, described the night as follows:", "Olha Kravets", "resident"),
    ],
)
def test_a_relative_or_resident_named_in_apposition_is_a_named_civilian(sentence, name, role):
    found = subject_person(sentence)
    assert found is not None and (found.name, found.kind) == (name, "other")
    assert role in found.role_words


def test_the_complement_is_not_skipped_past_a_speech_verb():
    # the comma after "said" closes a clause, not a complement before a name
    assert subject_person("The mother of the pilot said, Oleh Bondar, that ...") is None


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "Head of the Kharkiv Regional Military Administration Oleh Syniehubov said three "
            "people were hurt.",
            "Oleh Syniehubov",
        ),
        (
            # "Denys" is a name, not a form of "deny"
            "Commander of the Azov Regiment Denys Prokopenko said the order had come.",
            "Denys Prokopenko",
        ),
        (
            "Mayor Ihor Terekhov said this on Telegram, a Suspilne correspondent reports.",
            "Ihor Terekhov",
        ),
    ],
)
def test_titles_before_names_and_the_outlets_own_trailer(sentence, name):
    found = find_attribution(sentence)
    assert found is not None and (found.name, found.kind) == (name, "named official")


def test_the_role_of_a_title_first_speaker_is_remembered():
    found = find_attribution("Head of the Sumy Regional Administration Dmytro Zhyvytskyi said so.")
    assert found is not None and "head" in found.role_words


def test_a_command_with_a_compass_name_is_an_institution():
    found = find_attribution('"____," Ukraine\'s Operational Command South wrote on Telegram.')
    assert found is not None
    assert (found.name, found.kind) == ("Ukraine's Operational Command South", "institution")


def test_an_aside_between_subject_and_verb():
    found = find_attribution("The Ukrainian army, for its part, says the bridge still stands.")
    assert found is not None and found.name == "the Ukrainian army"


def test_an_apposition_after_an_unnamed_role():
    found = find_attribution(
        '"____," the battalion\'s chief of staff, a major who asked not to be named, said.'
    )
    assert found is not None and found.name == "the battalion's chief of staff"


def test_an_anonymous_source_placed_somewhere():
    found = find_attribution('"____," a Ukrainian officer in the area told Reuters.')
    assert found is not None and found.kind == "anonymous official"
    assert found.name == "a Ukrainian officer in the area"


# --------------------------------------------------------------------------- documents and relays


def test_a_possessive_document_speaks_for_the_pronouns_owner():
    found = find_attribution('"The line holds," its statement reads.')
    assert (found.pronoun, found.phrase) == ("it", "its statement")
    assert find_attribution("Their post read that the bridge was down.").pronoun == "they"
    assert find_attribution("He reads the news every morning.") is None


def test_a_definite_document_refers_back_to_its_issuer():
    found = find_attribution('"The troops were moved," the report said.')
    assert found.document and found.definite and found.name == "the report"


def test_an_outlet_passing_on_words_is_a_relay():
    found = find_attribution("The figures were posted on Telegram, Some News Agency reports.")
    assert found.relay and found.kind == MEDIA
    assert not find_attribution("Some News Agency said the post was deleted.").relay


def test_a_bodys_own_document_is_that_body():
    found = find_attribution("The ministry's statement said the group was moved.")
    assert (found.name, found.kind) == ("the ministry", INST)


def test_stated_in_the_message_of_a_body_is_that_body():
    found = find_attribution("This is stated in the message of the Defence Ministry on Telegram.")
    assert (found.name, found.kind) == ("the Defence Ministry", INST)


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ('"We will leave," said the Rybar blog, which has a million subscribers.',
         "the Rybar blog", MEDIA),
        ("The general staff of the Ukrainian armed forces said the enemy was regrouping.",
         "the general staff of the Ukrainian armed forces", INST),
        ("Local chats say the bridge is down.", "local chats", "other"),
    ],
)
def test_blogs_armed_forces_and_chats_as_sources(sentence, name, kind):
    found = find_attribution(sentence)
    assert (found.name, found.kind) == (name, kind)


def test_nearest_speaker_reads_the_closest_speech_verb_in_any_clause():
    found = nearest_speaker("The shelling resumed after Russia said it had agreed to ")
    assert (found.name, found.kind) == ("Russia", INST)
    assert nearest_speaker("The shelling resumed near the bridge ") is None


def test_speaker_context_resolves_pronouns_documents_and_skips_relays():
    context = SpeakerContext()
    ministry = find_attribution("The Defence Ministry said the group was moved.")
    context.remember(ministry, Source(ministry.name, ministry.kind))
    relay = find_attribution("The figures were posted on Telegram, Some News Agency reports.")
    context.remember(relay, Source(relay.name, relay.kind))
    assert context.resolve(find_attribution('"It was moved," the report said.')).name == (
        "the Defence Ministry")
    assert context.resolve(find_attribution('"Many fell," they say.')).name == "the Defence Ministry"


def test_resolve_names_joins_spellings_of_one_person_from_different_transliterations():
    names = ["Dmitry Peskov", "the Kremlin", "Peskow", "Dmitri Peskow", "Oleksiy Danilov"]
    assert resolve_names(names) == {"Peskow": "Dmitry Peskov", "Dmitri Peskow": "Dmitry Peskov"}
    # a different first name is a different person; a different surname stays apart
    assert resolve_names(["Ivan Peskov", "Dmitry Peskov", "Pesko"]) == {}
    assert resolve_names(["Serhiy Haidai", "Gaidai"]) == {"Gaidai": "Serhiy Haidai"}


def test_a_modified_definite_role_is_not_taken_for_an_earlier_differently_described_one():
    context = SpeakerContext()
    for sentence in ("Governor Oleksandr Pavlyuk wrote that columns were leaving.",
                     "A senior US defense official said the columns were thinning."):
        found = find_attribution(sentence)
        context.remember(found, Source(found.name, found.kind))
    local = context.resolve(find_attribution("Forces left the town, the local governor said."))
    assert local.name == "the local governor"
    same = context.resolve(find_attribution("Fighting went on, the senior official said."))
    assert same.name == "a senior US defense official"
    assert context.resolve(find_attribution("It is quiet, the governor said.")).name == (
        "Oleksandr Pavlyuk")


def test_a_role_compound_is_a_role():
    found = find_attribution(
        "After the order, Ivan Examplenko, commander-in-chief of the Armed Forces, said the "
        "offensive went on.")
    assert (found.name, found.kind) == ("Ivan Examplenko", NAMED)
    assert source_kind("the commander-in-chief") == ANON


def test_a_sentence_that_begins_inside_a_quotation_closed_by_a_straight_mark():
    masked = mask_quotations('We thank all who help," the governor said.')
    assert masked == "_" * 22 + '" the governor said.'
    assert find_attribution('We thank all who help," the governor said.').name == "the governor"


def test_a_town_is_never_a_speaker_but_a_country_or_capital_may_be():
    # a town is only flagged: the document context makes it a person of that surname, if any
    assert find_attribution("Kupiansk said the bridge was down.").place
    assert attribute("Kupiansk said the bridge was down.") is None
    assert _context_speakers(["Kupiansk said the bridge was down."]) == [None]
    assert find_attribution("Moscow said the bridge was down.").name == "Moscow"
    assert find_attribution("Russia said the bridge was down.").name == "Russia"


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ('"We are pulling out," said the Telegram channel Zapad.', "Zapad", MEDIA),
        ("The Example monitoring project said the village had fallen.",
         "the Example monitoring project", ANALYSTS),
        ("Press secretary Ann Example said the talks were over.", "Ann Example", NAMED),
    ],
)
def test_channels_and_monitoring_projects_named_as_sources(sentence, name, kind):
    found = find_attribution(sentence)
    assert (found.name, found.kind) == (name, kind)


def test_according_to_a_role_with_a_name_in_apposition_is_the_name():
    found = find_attribution(
        "The port was shelled overnight, according to the regional governor, Vitaliy Example.")
    assert (found.name, found.kind) == ("Vitaliy Example", NAMED)


def test_a_label_in_capitals_and_the_same_name_in_title_case_are_one_spelling():
    assert resolve_names(["JOHN F. KIRBY", "John F. Kirby", "Kirby"]) == {
        "JOHN F. KIRBY": "John F. Kirby", "Kirby": "John F. Kirby"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Residents who fled Vovchansk said checkpoints were everywhere.", "residents"),
        ("Ukrainian commanders inside Azovstal said the enemy had broken in.",
         "Ukrainian commanders inside Azovstal"),
        ("The head of the OVA Dmytro Example said the border areas were dangerous.",
         "Dmytro Example"),
    ],
)
def test_relative_clauses_places_after_the_subject_and_office_acronyms(sentence, name):
    assert find_attribution(sentence).name == name


def test_a_new_full_name_takes_over_the_role_word_from_an_earlier_body():
    context = SpeakerContext()
    for sentence in ("The Belarusian defence ministry announced exercises on Monday.",
                     "Meanwhile, the U.K. Ministry of Defence said the advance had slowed."):
        found = find_attribution(sentence)
        context.remember(found, context.resolve(found))
    later = context.resolve(find_attribution("The ministry said some units had withdrawn."))
    assert later.name == "the U.K. Ministry of Defence"


def test_it_in_translated_copy_may_be_the_unnamed_official_just_quoted():
    context = SpeakerContext()
    found = find_attribution("Air strikes doubled, a senior US defence official said.")
    context.remember(found, context.resolve(found))
    it = context.resolve(find_attribution("It also revealed that 300 sorties were flown."))
    assert it.name == "a senior US defence official"


def test_an_outlet_citing_a_body_gives_the_body():
    found = find_attribution("Two people were killed, Example Agency reports, citing the regional "
                             "administration.")
    assert (found.name, found.kind) == ("the regional administration", INST)


@pytest.mark.parametrize(
    "sentence, name",
    [
        # a body described in plain lower-case words before its noun keeps them all
        ("“The town remains ours,” the strategic communications department of the Ukrainian "
         "army said in a statement.",
         "the strategic communications department of the Ukrainian army"),
        ("The public relations service of the Navy said two boats were sunk.",
         "the public relations service of the Navy"),
        ("Ukraine's main intelligence directorate said the ship was hit by a sea drone.",
         "Ukraine's main intelligence directorate"),
        ("“Fighting goes on,” said the joint press centre of the eastern group of forces.",
         "the joint press centre of the eastern group of forces"),
        # a unit's number is part of its name
        ("The 47th Mechanized Brigade said it destroyed three tanks.",
         "the 47th Mechanized Brigade"),
        # a bracketed short name stays with the body it names
        ("The Institute for the Study of War (ISW) said the ships had left the bay.",
         "the Institute for the Study of War (ISW)"),
        ("“The drones came from the south,” said the Main Intelligence Directorate (HUR).",
         "the Main Intelligence Directorate (HUR)"),
        # an apposition with commas of its own
        ("“The enemy is breaking through,” Storm Channel, a collective of war reporters, "
         "bloggers and volunteers, reported on Telegram.", "Storm Channel"),
        ("Serhiy Examplenko, the spokesman of the Odesa, Mykolaiv and Kherson administrations, "
         "said the river crossing was under fire.", "Serhiy Examplenko"),
        # a passive speech verb names its speaker after "by", the name beside a role
        ("This was stated by the head of the regional police, Ivan Examplenko, Kyivinform "
         "reports.", "Ivan Examplenko"),
        ("This was announced by Defence Minister Petro Examplenko on Telegram.",
         "Petro Examplenko"),
        ("It was reported by the General Staff of the Armed Forces in its morning update.",
         "the General Staff of the Armed Forces"),
        # translated copy puts any speech verb first, or ends the clause with one
        ("“We are holding the line,” informed Examplenko.", "Examplenko"),
        ("“The situation is difficult but under control,” summarized the commander.",
         "the commander"),
        ("“The enemy lost two tanks,” clarified the spokesman of the brigade.",
         "the spokesman of the brigade"),
        ("“People, please leave while the road is open,” he called.", "he"),
        # a speech verb sharing the subject of the verb before it
        ("The General Staff, in its evening report, described the situation as “tense” and said "
         "“the enemy made 23 attempts to advance.”", "the General Staff"),
        ("President Examplenko visited the front on Friday and told soldiers “the whole country "
         "stands behind you.”", "Examplenko"),
    ],
)
def test_described_bodies_brackets_lists_passives_and_translated_verbs(sentence, name):
    assert find_attribution(sentence).name == name


def test_a_plain_word_after_a_clause_is_no_part_of_the_speaker():
    # the words before a speaker's noun are only taken back to a determiner or a possessive
    found = find_attribution("Russia shelled hospitals in the north, the regional police said.")
    assert found is not None and found.name == "the regional police"
    assert find_attribution("Two people were hurt, the police said.").name == "the police"


@pytest.mark.parametrize(
    "sentence, speaker, relay",
    [
        # an outlet named by its web address is one name, and a tag that only passes words on
        ("The head of the police spoke on Monday, Censor.NET reports.", "Censor.NET", True),
        ("The column moved north at dawn, the governor said, Gazeta.ru reported.",
         "the governor", False),
        # "X reports." closing a sentence is an agency's tag; "X reported." is only one when
        # someone else in the sentence speaks
        ("Two villages were shelled overnight, Kyivinform reports.", "Kyivinform", True),
        ("Two villages were shelled overnight, Examplenko reported.", "Examplenko", False),
        ("This was reported by Governor Ivan Examplenko, Kyivinform reported.",
         "Ivan Examplenko", False),
    ],
)
def test_web_named_outlets_and_agency_tags(sentence, speaker, relay):
    found = find_attribution(sentence)
    assert (found.name, found.relay) == (speaker, relay)
    if relay:
        assert found.kind == MEDIA


def test_a_role_compound_is_no_persons_name_and_a_web_address_is_an_outlet():
    found = find_attribution("“We will return,” said the Ukrainian Army Commander-in-Chief.")
    assert found.kind == ANON and found.definite
    assert source_kind("Censor.NET") == MEDIA


def _context_speakers(sentences: list[str]) -> list[str | None]:
    """Feed sentences to one SpeakerContext as the pipeline does; each sentence's speaker."""
    context, out = SpeakerContext(), []
    for sentence in sentences:
        found = find_attribution(sentence)
        if found is None or found.relay:
            context.notice(sentence)
        if found is None:
            out.append(None)
            continue
        said = context.resolve(found)
        if said is not None:
            context.remember(found, said)
            context.notice(sentence, said)
        out.append(said.name if said else None)
    return out


def test_definite_descriptions_find_the_people_a_passive_report_brought_in():
    assert _context_speakers([
        "This was reported by the Chief of the General Staff of the Ukrainian army, General Ivan "
        "Examplenko, and the commander of the Northern Operational and Strategic Group, General "
        "Petro Examplov, Kyivinform reported.",
        "“We will return to the city,” said the Ukrainian army's Chief of the General Staff.",
        # the same proper name with another kind of body ("Brigade" for "Group") is one post
        "“We hold the new line,” said the commander of the Northern Brigade.",
        # a modifier the earlier description did not have is someone else
        "“The bridge is down,” said the local commander.",
    ]) == ["Ivan Examplenko", "Ivan Examplenko", "Petro Examplov", "the local commander"]


def test_a_generic_noun_of_the_same_family_refers_back_to_a_named_unit_or_channel():
    assert _context_speakers([
        "The Dnipro group of troops said in a Telegram post that it had pulled out of the town.",
        "The unit said the risk of being cut off was too great.",
        "The Telegram channel Rybar wrote that armour was massing near the village.",
        "The channel added that counterattacks were expected at dawn.",
        "The 47th Mechanized Brigade said it had destroyed three tanks.",
        "The brigade later wrote that the enemy kept attacking in small groups.",
    ]) == ["the Dnipro group of troops", "the Dnipro group of troops", "Rybar", "Rybar",
           "the 47th Mechanized Brigade", "the 47th Mechanized Brigade"]


def test_a_relaying_outlet_leaves_the_person_the_sentence_opens_with_as_he():
    assert _context_speakers([
        "Kharkiv police chief Ivan Examplenko spoke on Monday, Censor.NET reports.",
        "“Fighting continues on the streets,” he said.",
    ]) == ["Censor.NET", "Ivan Examplenko"]


def test_a_short_first_name_is_the_same_person():
    assert resolve_names(["Pat Examplov", "Patrick Examplov", "Examplov"]) == {
        "Patrick Examplov": "Pat Examplov", "Examplov": "Pat Examplov"}


def test_a_surname_spelled_like_a_town_is_the_person_the_document_named():
    assert _context_speakers([
        "Deputy minister Ivan Nikolaev visited the front on Monday.",
        "The line holds, Nikolaev said.",
        "“We need more shells,” said Nikolaev.",
    ]) == [None, "Ivan Nikolaev", "Ivan Nikolaev"]


@pytest.mark.parametrize(
    "country, following, issuer",
    [
        ("Russia", "The defence ministry's statement came hours after the attack.",
         "Russia's defence ministry"),
        ("Ukraine", "The statement by the General Staff gave no losses.",
         "Ukraine's General Staff"),
        ("Russia", "Russia's defence ministry's statement came late.",
         "Russia's defence ministry"),
        ("Russia", "The ministry said more strikes would follow.", None),  # maybe another one
        ("Russia", "The UN's report said the figures were higher.", None),  # not Russia's own
        ("Russia", "Its statement gave no figures.", None),
        ("the governor", "The ministry's statement came later.", None),  # not a country
    ],
)
def test_a_country_speaks_through_the_office_whose_statement_the_next_sentence_names(
        country, following, issuer):
    kind = "anonymous official" if country == "the governor" else INST
    found = statement_issuer(Source(country, kind), following)
    assert (found.name if found else None) == issuer
