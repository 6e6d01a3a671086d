"""Reading articles: formats, furniture, captions, datelines, dates and bad files."""

import os
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitdash.ingest.read import document_id, read_path, read_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ef4bcab6f89b65ad.txt"


def paragraphs(doc):
    return doc.text.split("\n\n")


def caption_texts(doc):
    return [doc.text[a:b] for a, b in doc.captions]


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed():
    result = read_path(SEED)
    assert result.errors == []
    (doc,) = result.documents
    return doc


def test_seed_outlet_title_and_body(seed):
    assert seed.outlet == "Infobae"
    assert seed.title.startswith("Despite the promise of de-escalation")
    assert seed.path == str(SEED)
    body = paragraphs(seed)
    assert body[1].startswith("Despite the promise of de-escalation, Russian air strikes")
    assert body[-1].startswith("Sergey Rudskoy, a senior Russian military commander")
    # the standfirst only repeats the body, so it goes (see the module docstring)
    assert "said so on condition of anonymity" not in seed.text


def test_seed_caption_with_lviv_is_kept_and_marked(seed):
    assert caption_texts(seed) == [
        "People watch as smoke rises after an airstrike, as Russia's attack on Ukraine "
        "continues, in Lviv, Ukraine March 26, 2022."
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        "Guardar",
        "Keep reading",
        "REUTERS/Pavlo Palamarchuk",
        "TPX IMAGES OF THE DAY",
        "EFE/Michael Reynolds",
        "US Department of Defense Spokesman John Kirby",
        "Mercenaries, Wagner Group, Russia.",
        "The mercenaries of the Wagner Group",
        "With information from Reuters and AFP",
        "\nInfobae\n",
        "People watch as smoke rises\n",
    ],
)
def test_seed_furniture_is_gone(seed, furniture):
    assert furniture not in seed.text


def test_seed_real_short_quote_paragraphs_are_kept(seed):
    assert "“They have been fighting for it for eight years now,” the official said of the" in (
        seed.text
    )
    assert any(p.startswith("“Ukrainians know the territory") for p in paragraphs(seed))


def test_seed_published_is_inferred_from_the_caption_date_and_reported_weekdays(seed):
    # The caption's photo is from Saturday 26 March; the text reports "on Thursday" -> the 31st.
    assert (seed.published, seed.published_inferred) == ("2022-03-31", True)


def test_seed_text_has_clean_paragraph_structure(seed):
    assert "\n\n\n" not in seed.text and seed.text == seed.text.strip()
    assert all("\n" not in p for p in paragraphs(seed))
    assert seed.id == document_id(seed.text) and len(seed.id) == 16


# --------------------------------------------------------------------------- wire formats


def test_ap_dateline_byline_and_copyright():
    doc = read_text(
        "Russian troops pull back from Kyiv suburbs, officials say\n\n"
        "By JOHN DOE and JANE ROE Associated Press\n\n"
        "KYIV, Ukraine (AP) — Russian troops pulled back from the suburbs of Kyiv on Wednesday, "
        "Ukrainian officials said.\n\n"
        "“We see them leaving Irpin,” Mayor Oleksandr Markushyn told reporters.\n\n"
        "Copyright 2022 The Associated Press. All rights reserved."
    )
    assert doc.title == "Russian troops pull back from Kyiv suburbs, officials say"
    assert (doc.outlet, doc.dateline_place) == ("Associated Press", "Kyiv")
    assert paragraphs(doc) == [
        "Russian troops pulled back from the suburbs of Kyiv on Wednesday, Ukrainian officials "
        "said.",
        "“We see them leaving Irpin,” Mayor Oleksandr Markushyn told reporters.",
    ]
    assert (doc.published, doc.published_inferred) == (None, False)  # nothing says which day


def test_reuters_dateline_without_year_takes_it_from_the_text():
    doc = read_text(
        "LVIV, Ukraine, March 27 (Reuters) - Russian forces are regrouping near Izium, "
        "Ukraine's general staff said on Sunday.\n\n"
        "The military said it had repelled attacks near Mariupol on March 25, 2022.\n\n"
        "(Reporting by Pavel Polityuk; Editing by Tom Hogue)"
    )
    assert (doc.outlet, doc.dateline_place) == ("Reuters", "Lviv")
    assert (doc.published, doc.published_inferred) == ("2022-03-27", True)
    assert doc.text.startswith("Russian forces are regrouping")
    assert "Reporting by" not in doc.text


def test_mixed_case_reuters_dateline_without_a_year_is_dated_by_the_weekday_of_its_lead():
    doc = read_text("Kyiv, March 3 (Reuters) - Russian shelling hit Kharkiv on Thursday.")
    assert (doc.dateline_place, doc.outlet) == ("Kyiv", "Reuters")
    # 3 March fell on a Thursday in 2022, the latest such year up to today.
    assert (doc.published, doc.published_inferred) == ("2022-03-03", True)
    assert doc.text == "Russian shelling hit Kharkiv on Thursday."
    # No year and no weekday: no date is invented.
    bare = read_text("Kyiv, March 3 (Reuters) - Russian shelling hit Kharkiv.")
    assert (bare.published, bare.published_inferred) == (None, False)


def test_upi_and_washington_datelines():
    upi = read_text("March 30 (UPI) -- Russian forces shelled Chernihiv on March 29, 2022.")
    assert (upi.outlet, upi.published, upi.published_inferred) == ("UPI", "2022-03-30", True)
    assert upi.text == "Russian forces shelled Chernihiv on March 29, 2022."
    dc = read_text("WASHINGTON -- The Pentagon said on Thursday that forces were moving.")
    assert dc.dateline_place == "Washington"
    assert dc.text.startswith("The Pentagon said")


def test_sentence_starting_with_a_name_and_a_dash_is_not_a_dateline():
    doc = read_text("Kirby - who spoke on Thursday - said troops were leaving Kyiv.")
    assert doc.dateline_place is None
    assert doc.text.startswith("Kirby - who spoke")


def test_live_blog_entry_with_timestamps():
    doc = read_text(
        "Russia-Ukraine war live: Chernihiv shelled overnight\n"
        "Updated March 30, 2022 2:14 PM ET\n"
        "Published: 29 March 2022\n"
        "Share\nTweet\n"
        "14:32 GMT — Ukrainian officials say Russian artillery shelled Chernihiv overnight.\n"
        "15:05 GMT — The Pentagon says about 20% of Russian forces around Kyiv have moved."
    )
    assert doc.title == "Russia-Ukraine war live: Chernihiv shelled overnight"
    assert (doc.published, doc.published_inferred) == ("2022-03-29", False)  # published > updated
    assert paragraphs(doc) == [
        "Ukrainian officials say Russian artillery shelled Chernihiv overnight.",
        "The Pentagon says about 20% of Russian forces around Kyiv have moved.",
    ]


def test_singapore_style_timestamp_and_colon_dateline():
    doc = read_text(
        "Russia says it will cut back operations near Kyiv\n"
        "30 Mar 2022 03:58PM\n"
        "(Updated: 30 Mar 2022 04:20PM)\n"
        "MOSCOW: Russia said on Tuesday it would scale down military operations around Kyiv."
    )
    assert (doc.published, doc.published_inferred, doc.dateline_place) == (
        "2022-03-30",
        False,
        "Moscow",
    )
    assert doc.text == "Russia said on Tuesday it would scale down military operations around Kyiv."


def test_telegram_post_by_a_regional_governor():
    doc = read_text(
        "Oleh Syniehubov | Kharkiv Regional Military Administration\n"
        "❗️Over the past day, the occupiers shelled Kharkiv 32 times. Two civilians were wounded "
        "in Chuhuiv.\n"
        "Stay in shelters!\n"
        "#Kharkiv #news\n"
        "👉 Subscribe: t.me/synegubov"
    )
    assert doc.title == "Oleh Syniehubov | Kharkiv Regional Military Administration"
    assert paragraphs(doc) == [
        "Over the past day, the occupiers shelled Kharkiv 32 times. Two civilians were wounded "
        "in Chuhuiv.",
        "Stay in shelters!",
    ]


def test_hard_wrapped_paragraphs_are_joined():
    doc = read_text(
        "The Pentagon said on Thursday that Russian forces had begun repositioning\n"
        "troops away from Kyiv, though it warned the move was not a withdrawal and that\n"
        "more attacks were likely.\n"
        "\n"
        '"It is a repositioning, not a real withdrawal," Kirby said.'
    )
    assert paragraphs(doc) == [
        "The Pentagon said on Thursday that Russian forces had begun repositioning troops away "
        "from Kyiv, though it warned the move was not a withdrawal and that more attacks were "
        "likely.",
        '"It is a repositioning, not a real withdrawal," Kirby said.',
    ]


# --------------------------------------------------------------------------- furniture and captions


def test_photo_credits_captions_and_related_headlines():
    doc = read_text(
        "Zelensky urges more weapons\n\n"
        "Ukrainian servicemen walk past a destroyed Russian tank in Bucha, outside Kyiv, on "
        "April 2, 2022. (Photo by Sergei Supinsky / AFP via Getty Images)\n\n"
        "Ukrainian President Volodymyr Zelensky (AP Photo/Efrem Lukatsky)\n\n"
        "President Volodymyr Zelensky urged Western allies on Saturday to send heavy weapons.\n\n"
        "Read more:\nRussia pulls back from Kyiv region\nBucha images prompt outrage\n\n"
        "“No.”\n\n"
        "Logo\nAdvertisement\nShare Tweet Email"
    )
    assert paragraphs(doc) == [
        "Ukrainian servicemen walk past a destroyed Russian tank in Bucha, outside Kyiv, on "
        "April 2, 2022.",
        "President Volodymyr Zelensky urged Western allies on Saturday to send heavy weapons.",
        "“No.”",  # a one-word quote paragraph is real text
    ]
    assert caption_texts(doc) == [paragraphs(doc)[0]]
    assert (doc.published, doc.published_inferred) == ("2022-04-02", True)


def test_caption_with_credit_on_its_own_line_and_a_factless_one():
    doc = read_text(
        "A Ukrainian soldier stands guard at a checkpoint in Mykolaiv on March 28, 2022.\n"
        "REUTERS/Nacho Doce\n\n"
        "Russian Defence Minister Sergei Shoigu\n"
        "Sputnik/Mikhail Klimentyev/Kremlin via REUTERS\n\n"
        "Shelling continued in Mykolaiv on Tuesday, the regional governor said."
    )
    assert caption_texts(doc) == [
        "A Ukrainian soldier stands guard at a checkpoint in Mykolaiv on March 28, 2022."
    ]
    assert "Shoigu" not in doc.text and "REUTERS" not in doc.text
    assert doc.text.endswith(
        "Shelling continued in Mykolaiv on Tuesday, the regional governor said."
    )


def test_guardian_bbc_and_spanish_wire_page_furniture():
    guardian = read_text(
        "Russia pounds Mariupol as talks stall\n\n"
        "Residents walk past a destroyed building in Mariupol on 28 March. "
        "Photograph: Alexander Ermochenko/Reuters\n\n"
        "Russian forces pounded the port city of Mariupol on Monday, officials said.\n\n"
        "Sign up to First Edition, our free daily newsletter"
    )
    assert caption_texts(guardian) == [
        "Residents walk past a destroyed building in Mariupol on 28 March."
    ]
    assert paragraphs(guardian)[1:] == [
        "Russian forces pounded the port city of Mariupol on Monday, officials said."
    ]
    bbc = read_text(
        "War in Ukraine: Kharkiv hit by heavy shelling\n\n"
        "Image source, Getty Images\nImage caption,\n"
        "Firefighters work at a burning building in Kharkiv on 30 March\n\n"
        "Heavy shelling hit Kharkiv overnight, the regional governor said.\n\n"
        "Related Topics\nRussia-Ukraine war"
    )
    assert caption_texts(bbc) == ["Firefighters work at a burning building in Kharkiv on 30 March"]
    assert paragraphs(bbc)[1:] == [
        "Heavy shelling hit Kharkiv overnight, the regional governor said."
    ]
    spanish = read_text(
        "Ucrania denunció nuevos ataques en Chernígov\n\nGuardar\nCompartir\n\n"
        "The Ukrainian army said on Tuesday that Russian troops shelled Chernihiv.\n\n(EFE)\n\n"
        "Seguir leyendo:\nZelensky pidió más armas\nRusia anunció una reducción"
    )
    assert spanish.outlet == "EFE"
    assert (
        spanish.text == "The Ukrainian army said on Tuesday that Russian troops shelled Chernihiv."
    )


def test_byline_with_outlet_and_timestamp():
    doc = read_text(
        "Ukraine war latest: Russian forces leave Kyiv Oblast\n\n"
        "by The Kyiv Independent news desk April 2, 2022 11:47 PM 2 min read\n\n"
        "Russian forces have left Kyiv Oblast, Hanna Maliar said on April 2.\n\n"
        "Photo: Kyiv Independent"
    )
    assert (doc.outlet, doc.published, doc.published_inferred) == (
        "The Kyiv Independent",
        "2022-04-02",
        False,
    )
    assert doc.text == "Russian forces have left Kyiv Oblast, Hanna Maliar said on April 2."


def test_bare_outlet_line_sets_outlet_only_when_none_given():
    text = "Reuters\n\nRussian forces shelled Kharkiv, officials said on Monday."
    assert read_text(text).outlet == "Reuters"
    doc = read_text(text, outlet="Kyiv Independent")
    assert doc.outlet == "Kyiv Independent"
    assert doc.text == "Russian forces shelled Kharkiv, officials said on Monday."


def test_repeated_headline_and_duplicate_paragraph_are_dropped():
    doc = read_text(
        "Explosions rock Lviv as Biden visits Poland\n\n"
        "Explosions rock Lviv as Biden visits Poland\n\n"
        "Two rockets hit a fuel depot in Lviv on Saturday, the regional governor said.\n\n"
        "Two rockets hit a fuel depot in Lviv on Saturday, the regional governor said.\n\n"
        "Five people were wounded."
    )
    assert doc.title == "Explosions rock Lviv as Biden visits Poland"
    assert paragraphs(doc) == [
        "Two rockets hit a fuel depot in Lviv on Saturday, the regional governor said.",
        "Five people were wounded.",
    ]


def test_standfirst_that_adds_information_is_kept():
    doc = read_text(
        "Kyiv braces for new assault\n\n"
        "Officials in the capital are stockpiling food and fuel as the front nears.\n\n"
        "Russian forces shelled Irpin on Monday, the mayor said.\n\n"
        "Residents fled westward by train."
    )
    assert paragraphs(doc)[0] == (
        "Officials in the capital are stockpiling food and fuel as the front nears."
    )


def test_control_characters_escapes_and_bidi_overrides_are_removed():
    doc = read_text(
        "Kyiv\x1b[31m reported\x1b]0;pwned\x07 strikes\x00 on\u202e Monday\u2066.\r\n"
        "Second\x07 line\u00a0here.\tTabbed."
    )
    assert doc.text == "Kyiv reported strikes on Monday.\n\nSecond line here. Tabbed."


def test_document_id_ignores_whitespace_but_not_case():
    a = read_text("Russian forces shelled Kharkiv.\n\nTwo died.")
    b = read_text("Russian  forces shelled Kharkiv.\n\n\n\nTwo died.   ")
    c = read_text("RUSSIAN forces shelled Kharkiv.\n\nTwo died.")
    assert a.id == b.id != c.id


def test_read_text_rejects_unknown_metadata():
    with pytest.raises(TypeError):
        read_text("Some text.", publshed="2022-03-31")


# --------------------------------------------------------------------------- files and formats


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def test_front_matter_gives_metadata(tmp_path):
    write(
        tmp_path / "a.md",
        '---\ntitle: "Kyiv under fire"\noutlet: Kyiv Independent\npublished: 2022-03-31T08:00Z\n'
        "url: https://example.org/a\n---\n# Kyiv under fire\n\n"
        "Russian forces shelled [Kyiv](https://example.org/kyiv) **overnight**, officials said.\n",
    )
    (doc,) = read_path(tmp_path).documents
    assert (doc.title, doc.outlet, doc.published, doc.url) == (
        "Kyiv under fire",
        "Kyiv Independent",
        "2022-03-31",
        "https://example.org/a",
    )
    assert doc.published_inferred is False
    assert doc.text == "Russian forces shelled Kyiv overnight, officials said."


def test_json_and_jsonl_records(tmp_path):
    write(
        tmp_path / "one.json",
        orjson.dumps(
            {"title": "T1", "text": "Kharkiv was shelled on Monday.", "published": "2022-03-28"}
        ),
    )
    write(
        tmp_path / "many.json",
        orjson.dumps([{"text": "Sumy was quiet."}, {"title": "no text"}, "not an object"]),
    )
    write(
        tmp_path / "feed.jsonl",
        '{"text": "Odesa was hit.", "outlet": "Suspilne"}\n\n{bad json\n'
        '{"body": "Mykolaiv too."}\n',
    )
    result = read_path(tmp_path)
    texts = sorted(d.text for d in result.documents)
    assert texts == [
        "Kharkiv was shelled on Monday.",
        "Mykolaiv too.",
        "Odesa was hit.",
        "Sumy was quiet.",
    ]
    reasons = sorted((Path(e.path).name, e.reason) for e in result.errors)
    assert [name for name, _ in reasons] == ["feed.jsonl", "many.json", "many.json"]
    assert reasons[0][1].startswith("line 3: not valid JSON: ")
    assert reasons[1:] == [
        ("many.json", "record 2: JSON record has no 'text'"),
        ("many.json", "record 3: JSON record is not an object"),
    ]
    odesa = next(d for d in result.documents if d.text == "Odesa was hit.")
    assert odesa.outlet == "Suspilne"


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_other_files(tmp_path):
    write(tmp_path / "b.txt", "Second article about Kherson.")
    write(tmp_path / "a" / "z.txt", "First article about Kyiv.")
    write(tmp_path / "c.md", "Third article about Odesa.")
    write(tmp_path / ".hidden.txt", "Hidden article.")
    write(tmp_path / "__init__.py", "print('not an article')")
    write(tmp_path / "notes.csv", "a,b")
    result = read_path(tmp_path)
    assert result.errors == []
    assert [d.text for d in result.documents] == [
        "First article about Kyiv.",
        "Second article about Kherson.",
        "Third article about Odesa.",
    ]


def test_utf8_bom_and_utf16_are_decoded(tmp_path):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbfKyiv was shelled.")
    write(tmp_path / "wide.txt", "Lviv was quiet — «calm».".encode("utf-16"))
    texts = [d.text for d in read_path(tmp_path).documents]
    assert texts == ["Kyiv was shelled.", "Lviv was quiet — «calm»."]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("latin1.txt", b"Kiev \xff bombed", "not UTF-8 text (byte 0xff at offset 5)"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
        ("bad.json", b'{"text": "unterminated', "not valid JSON: "),
        ("notext.json", b'{"title": "only a title"}', "JSON record has no 'text'"),
        ("number.json", b"42", "JSON record is not an object"),
        ("onlyfm.md", b"---\ntitle: x\n---\n\n", "no article text after the front matter"),
        ("furniture.txt", b"Guardar\nShare\nAdvertisement", "no article text left after cleaning"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "",
)
def test_bad_files_give_one_line_reasons(tmp_path, name, content, reason):
    result = read_path(write(tmp_path / name, content))
    assert result.documents == []
    (error,) = result.errors
    assert error.path == str(tmp_path / name)
    assert error.reason.startswith(reason)
    assert "\n" not in error.reason


def test_deeply_nested_json_is_refused_without_crashing(tmp_path):
    deep = b"[" * 200_000 + b"]" * 200_000  # orjson 3.8 segfaults on this without the guard
    write(tmp_path / "deep.json", deep)
    write(tmp_path / "deep_field.json", b'{"text": "Kyiv was shelled.", "extra": ' + deep + b"}")
    write(tmp_path / "deep_line.jsonl", deep + b'\n{"text": "Sumy too.", "note": "[[[[ {{ ]"}')
    write(tmp_path / "brackets.json", b'{"text": "' + b"[" * 5000 + b' Odesa."}')  # in a string
    result = read_path(tmp_path)
    assert [d.text for d in result.documents] == ["[" * 5000 + " Odesa.", "Sumy too."]
    assert sorted((Path(e.path).name, e.reason) for e in result.errors) == [
        ("deep.json", "not valid JSON: nested deeper than 256 levels"),
        ("deep_field.json", "not valid JSON: nested deeper than 256 levels"),
        ("deep_line.jsonl", "line 1: not valid JSON: nested deeper than 256 levels"),
    ]


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(21 * 1024 * 1024)  # sparse: nothing is written or read
    (error,) = read_path(big).errors
    assert error.reason == "file too large (over 20 MB)"


def test_missing_path_and_non_article_file(tmp_path):
    assert read_path(tmp_path / "nope").errors[0].reason == "no such file or folder"
    explicit = write(tmp_path / "data.csv", "a,b")
    assert read_path(explicit).errors[0].reason.startswith("not an article file")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loops_are_not_followed_forever(tmp_path):
    write(tmp_path / "news" / "a.txt", "Kyiv article.")
    os.symlink(tmp_path / "news", tmp_path / "news" / "loop")
    os.symlink(tmp_path / "news" / "self.txt", tmp_path / "news" / "self.txt")  # points to itself
    os.symlink(tmp_path / "gone.txt", tmp_path / "news" / "dangling.txt")
    result = read_path(tmp_path)
    assert [d.text for d in result.documents] == ["Kyiv article."]
    assert sorted(Path(e.path).name for e in result.errors) == ["dangling.txt", "self.txt"]


def test_one_megabyte_line_is_just_text():
    line = "Russian forces shelled Kharkiv on Wednesday. " * 23_000
    doc = read_text(line)
    assert len(doc.text) == len(line.strip()) and doc.captions == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=120),
            st.sampled_from(
                [
                    "Guardar",
                    "REUTERS/Jane Doe",
                    "Kyiv, March 3 (Reuters) - Shelling.",
                    "---",
                    "Mercenaries, Wagner Group.",
                    "\x1b[2J",
                    "\u202e",
                    "Published: 1 May 2022",
                    "“",
                ]
            ),
        ),
        max_size=12,
    )
)
def test_any_text_gives_a_well_formed_document(lines):
    doc = read_text("\n".join(lines))
    assert doc.text == doc.text.strip() and "\n\n\n" not in doc.text
    assert not any(ch in doc.text for ch in "\x00\x1b\u202e")
    for start, end in doc.captions:
        assert 0 <= start < end <= len(doc.text)
        assert doc.text[start:end] == doc.text[start:end].strip()
    assert doc.id == document_id(doc.text)


def test_yearless_dateline_takes_the_latest_year_the_article_names():
    doc = read_text("March 30 (UPI) -- Russian forces shelled Kharkiv on Wednesday, officials "
                    "said, five weeks into the invasion that began in February 2022. Fighting "
                    "in the east has gone on since 2014.")
    assert (doc.published, doc.published_inferred, doc.outlet) == ("2022-03-30", True, "UPI")
    # Nothing in the text gives a year: no date is invented.
    doc = read_text("ODESA, Ukraine, April 3 (Reuters) - Missiles struck the port overnight.")
    assert (doc.published, doc.dateline_place) == (None, "Odesa")


# --------------------------------------------------------------------------- scraped page furniture


def test_leading_date_line_is_the_publication_date_and_not_text():
    doc = read_text(
        " date 2023-02-14 Logo\n"
        "Marines pulled back from the river crossing, brigade says\n\n"
        "The brigade said on Monday its marines had left the crossing near Kherson."
    )
    assert (doc.published, doc.published_inferred) == ("2023-02-14", False)
    assert doc.title == "Marines pulled back from the river crossing, brigade says"
    assert "date 2023" not in doc.text and "Logo" not in doc.text


def test_a_full_date_line_is_never_overruled_by_a_weekday_in_the_text():
    # 2 March 2023 was a Thursday; "on Tuesday" must not move the date to the next Tuesday.
    doc = read_text(
        " date 2023-03-02 ODESA: The port chief said on Tuesday that two cranes were hit."
    )
    assert doc.published == "2023-03-02"
    assert doc.dateline_place == "Odesa"
    assert doc.text.startswith("The port chief said on Tuesday")


def test_a_month_only_date_line_dates_the_page_by_the_latest_day_of_that_month_it_names():
    doc = read_text(
        " date 2023-05 The ministry announced a rotation of its units near Bakhmut. "
        "On May 12 the first companies left, and on Tuesday, May 16, the last ones followed."
    )
    assert (doc.published, doc.published_inferred) == ("2023-05-16", True)
    assert doc.text.startswith("The ministry announced")


@pytest.mark.parametrize(
    "furniture",
    [
        "Reading Time: 3 minutes",
        "This article was originally published by a partner outlet and is reprinted with "
        "permission.",
        "It’s 9 a.m. in Kharkiv. Here’s what you need to know",
        "Here are the latest developments from the front:",
        "— Ministry of Things (@MinThings) June 3, 2023",
        "Anna Lopez, Boris Ivanov, and Carla Mendes",
        "Pages",
        "Support independent journalism",
        "Illustrative photo: Some Agency",
    ],
)
def test_page_furniture_lines_are_dropped(furniture):
    doc = read_text(
        "Drones struck a depot near Poltava, officials say\n\n"
        f"{furniture}\n\n"
        "Drones struck a fuel depot near Poltava overnight, the regional governor said."
    )
    assert doc.text == "Drones struck a fuel depot near Poltava overnight, the regional governor said."
    assert doc.title == "Drones struck a depot near Poltava, officials say"


def test_reading_time_heading_a_page_is_never_its_title():
    doc = read_text("Reading Time: 4 minutes\n\nThe mayor said the bridge in Zatoka was closed again.")
    assert doc.title is None
    assert doc.text == "The mayor said the bridge in Zatoka was closed again."


def test_a_credited_photo_caption_opening_the_page_is_a_caption_not_the_title():
    doc = read_text(
        "Firefighters work at a hit warehouse in Odesa, Ukraine, 3 May 2023. AFP/Some Body\n\n"
        "Missiles hit a warehouse in Odesa overnight, the city council said."
    )
    assert doc.title is None
    assert caption_texts(doc) == ["Firefighters work at a hit warehouse in Odesa, Ukraine, 3 May 2023."]


def test_alt_text_above_a_credited_caption_is_dropped_and_a_repeated_caption_kept_once():
    doc = read_text(
        "Soldiers loading shells into a howitzer near Kupiansk\n"
        "Soldiers load shells into howitzers near Kupiansk, Ukraine, on 4 May 2023 [Ann Other/AP Photo]\n\n"
        "The artillery crews said they had fired all night.\n\n"
        "Soldiers load shells into howitzers near Kupiansk, Ukraine, on 4 May 2023 [Ann Other/AP Photo]"
    )
    assert "loading shells" not in doc.text
    assert caption_texts(doc) == [
        "Soldiers load shells into howitzers near Kupiansk, Ukraine, on 4 May 2023"
    ]


def test_a_wire_tag_closing_a_prose_paragraph_is_cut_and_the_paragraph_stays_prose():
    doc = read_text(
        "The governor said the convoy reached Zaporizhzhia at dawn.\n\n"
        "On May 2, the deputy minister said the shelling of Nikopol had stopped. (Xinhua/ANI)\n\n"
        "On May 3, the deputy minister said the shelling of Nikopol resumed. (ANI/Xinhua)"
    )
    assert doc.captions == []
    assert doc.text.endswith("the shelling of Nikopol resumed.")


def test_timestamp_with_an_updated_part_in_brackets_is_a_stamp():
    doc = read_text(
        "12 Apr 2023 10:15AM (Updated: 12 Apr 2023 11:40AM)\n\n"
        "KHARKIV: Two districts of Kharkiv lost power after a strike, the mayor said."
    )
    assert doc.published == "2023-04-12"
    assert doc.dateline_place == "Kharkiv"
    assert doc.text.startswith("Two districts")


def test_yearless_wire_dateline_dated_by_a_bare_weekday_in_a_caption_or_the_lead():
    # 12 April fell on a Wednesday in 2023; "said Wednesday" carries no "on".
    doc = read_text(
        "The spokesman told reporters Wednesday that the brigades were rotating. File photo by "
        "Some Body/EPA-EFE\n"
        "April 12 (UPI) -- Two brigades left the line near Siversk, the spokesman said "
        "Wednesday at a briefing."
    )
    assert (doc.published, doc.published_inferred) == ("2023-04-12", True)
    # "last Wednesday" names another day: it dates nothing
    other = read_text("April 12 (UPI) -- Two brigades left the line last Wednesday.")
    assert other.published is None


def test_an_author_line_over_its_handle_is_the_outlet_not_text():
    doc = read_text(
        "Latest intelligence update on the war - 3 May 2023\n\n"
        "Ministry of Things\n@ThingsHQ\n\n"
        "Russia has likely moved two brigades towards Vuhledar over the past week."
    )
    assert doc.outlet == "Ministry of Things"
    assert doc.text == "Russia has likely moved two brigades towards Vuhledar over the past week."


@pytest.mark.parametrize(
    "stamp",
    ["Anna Example — Monday, 3 April 2023, 14:05", "3 April, 2023 Monday 11:20"],
)
def test_an_author_line_with_a_date_stamp_or_a_stamp_with_its_weekday_dates_the_page(stamp):
    doc = read_text(f"{stamp}\n\nShelling hit the village of Ivanivske overnight, the brigade said.")
    assert (doc.published, doc.published_inferred) == ("2023-04-03", False)
    assert doc.text == "Shelling hit the village of Ivanivske overnight, the brigade said."


def test_a_list_of_summary_lines_is_not_joined_as_wrapped_prose():
    doc = read_text(
        "Summary\n\n"
        "Russian troops are trying to encircle the defenders of Hirske, the governor says\n"
        "The defence ministry says fourteen battalion groups moved to the Luhansk region\n"
        "Russia says it has taken Lyman, a claim the Ukrainian military disputes\n"
        'The president warns the situation in the east is "very difficult"'
    )
    assert len(paragraphs(doc)) == 5
    assert paragraphs(doc)[-1] == 'The president warns the situation in the east is "very difficult"'


def test_an_updated_stamp_opening_the_first_line_is_page_metadata():
    doc = read_text(" Updated: 01-04-2022 The governor said the columns left Irpin overnight.")
    assert doc.published == "2022-04-01"
    assert doc.text == "The governor said the columns left Irpin overnight."


@pytest.mark.parametrize("text, published", [
    # a source line with its date stamp closing a scraped lead: the page's date, and the lead
    # stays prose (no photo caption)
    ('Leader says the town is taken: "We took it" The leader of the group said today that his '
     "men took the town. Source: Examplewire Monday, May 22, 2023 | 00:34\n\n"
     "He added that they would leave within the next week.", "2023-05-22"),
    ("The ministry said the town was retaken on Friday. Source: Interfax 12.04.2022 14:05\n\n"
     "Fighting went on near the river, officials said.", "2022-04-12"),
])
def test_a_source_line_with_a_date_stamp_dates_the_page_and_leaves_the_lead_prose(
    text, published
):
    doc = read_text(text)
    assert (doc.published, doc.published_inferred, doc.captions) == (published, False, [])
    assert "Source" not in doc.text and doc.text.split()[0] in ("Leader", "The")


def test_a_dated_photo_credit_dates_the_page_only_as_a_last_resort():
    doc = read_text("A burnt tank outside the village. Photo: Examplewire/Jane Doe, 31 March 2022"
                    "\n\nTroops are leaving the area, officials said.")
    assert (doc.published, doc.published_inferred) == ("2022-03-31", True)
    doc = read_text("A burnt tank outside the village. Photo: Examplewire/Jane Doe, 31 March 2022"
                    "\n\nOn April 2, 2022, troops were leaving the area, officials said.")
    assert doc.published == "2022-04-02"


def test_a_date_line_or_a_dateline_with_a_time_of_day_leaves_no_time_in_the_text():
    doc = read_text("Published 17.05.2022 13:45\n\nThe last defenders had left the plant.")
    assert (doc.published, doc.text) == ("2022-05-17", "The last defenders had left the plant.")
    doc = read_text("Kyiv, 17 May 2022, 14:25 - The last defenders had left the plant.")
    assert (doc.published, doc.dateline_place) == ("2022-05-17", "Kyiv")
    assert doc.text == "The last defenders had left the plant."


@pytest.mark.parametrize("text, published, outlet", [
    # a stamp with an ordinal day and a zone beyond Europe's, as Indian and Pakistani sites print
    ("Updated: 7th April, 2022 22:15 IST\n\nThe ministry said the troops had left.",
     "2022-04-07", None),
    ("Army leaves the north\n\nWritten By Jane Doe | Mumbai | Updated: April 7th, 2022 22:15 IST"
     "\n\nThe ministry said the troops had left.", "2022-04-07", None),
    ("Nov 11, 2022 · 3 min read\n\nThe ministry said the troops had left.", "2022-11-11", None),
    # an agency's dateline without a date, a numeric one, and an agency's name on its own line
    ("MOSCOW (Sputnik) - The ministry said the troops had left.\n\n22.02.2024", "2024-02-22",
     "Sputnik"),
    ("22.02.2024 - The ministry said the troops had left.", "2024-02-22", None),
    ("Sputnik International\n\n22.02.2024\n\nThe ministry said the troops had left.",
     "2024-02-22", "Sputnik International"),
])
def test_stamps_bylines_and_datelines_of_more_house_styles_date_the_page_and_are_no_text(
    text, published, outlet
):
    doc = read_text(text)
    assert (doc.published, doc.published_inferred, doc.outlet) == (published, False, outlet)
    assert doc.text == "The ministry said the troops had left."


def test_a_month_date_line_moves_the_latest_day_to_the_weekday_the_lead_reports():
    doc = read_text(" date 2022-05 The army said on Tuesday it had evacuated the last "
                    "defenders. The operation began on May 16.")
    assert doc.published == "2022-05-17"  # May 16 was a Monday: the Tuesday after
    doc = read_text(" date 2022-05 The army said on Monday it had left. It began on May 31.")
    assert doc.published == "2022-05-31"  # the Monday after lies in June: not this month's
