"""Sentence splitting: abbreviations, initials, quotations, paragraphs and exact offsets."""


from hypothesis import given
from hypothesis import strategies as st

from sitdash.ingest.sentences import paragraph_bounds, split_sentences


def texts(text):
    spans = split_sentences(text)
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
    return [span.text for span in spans]


def test_titles_ranks_and_initials_do_not_end_sentences():
    text = (
        "Lt. Col. Anna Smith met Gen. Mark Milley and Dr. Ivanova. "
        "Pentagon spokesman John F. Kirby spoke at 2 p.m. on Tuesday. Mr. Peskov declined."
    )
    assert texts(text) == [
        "Lt. Col. Anna Smith met Gen. Mark Milley and Dr. Ivanova.",
        "Pentagon spokesman John F. Kirby spoke at 2 p.m. on Tuesday.",
        "Mr. Peskov declined.",
    ]


def test_acronyms_months_numbers_and_decimals():
    text = (
        "U.S. officials said the U.N. mission left on Jan. 3 with 2.5 tons of aid. "
        "Building No. 5 on St. Andrew's St. was hit. The strike came at 5 a.m. Moscow denied it."
    )
    assert texts(text) == [
        "U.S. officials said the U.N. mission left on Jan. 3 with 2.5 tons of aid.",
        "Building No. 5 on St. Andrew's St. was hit.",
        "The strike came at 5 a.m.",
        "Moscow denied it.",
    ]


def test_acronym_at_sentence_end_splits_before_a_typical_opener():
    assert texts("Aid arrived from the U.S. The convoy left at noon.") == [
        "Aid arrived from the U.S.",
        "The convoy left at noon.",
    ]
    assert texts("He flew to the U.S. Defense Department.") == [
        "He flew to the U.S. Defense Department."
    ]


def test_ellipsis_inside_a_quotation_keeps_the_quotation_together():
    text = (
        "“I don't even know if it still exists at this time... In reality, they never "
        "fulfilled their mission,” said Pentagon spokesman John Kirby. The convoy stalled."
    )
    assert texts(text) == [
        "“I don't even know if it still exists at this time... In reality, they never "
        "fulfilled their mission,” said Pentagon spokesman John Kirby.",
        "The convoy stalled.",
    ]


def test_multi_sentence_quotations_stay_with_their_attribution():
    text = (
        '"It is a repositioning. It is not a withdrawal," Kirby said. '
        "“Ukrainians know the territory very, very well,” he added. "
        "“Is it over?” Kirby asked. “We will win.” The president left."
    )
    assert texts(text) == [
        '"It is a repositioning. It is not a withdrawal," Kirby said.',
        "“Ukrainians know the territory very, very well,” he added.",
        "“Is it over?” Kirby asked.",
        "“We will win.”",
        "The president left.",
    ]


def test_unclosed_quotation_does_not_swallow_the_paragraph():
    # a quotation continued in the next paragraph has no closing mark here
    assert texts("“We will fight. We will not surrender. Glory to Ukraine.") == [
        "“We will fight.",
        "We will not surrender.",
        "Glory to Ukraine.",
    ]


def test_never_crosses_a_paragraph_break_and_counts_paragraphs():
    text = "Kyiv headline without a full stop\n\nFirst sentence. Second one!\n \nThird?"
    spans = split_sentences(text)
    assert [(s.text, s.paragraph) for s in spans] == [
        ("Kyiv headline without a full stop", 0),
        ("First sentence.", 1),
        ("Second one!", 1),
        ("Third?", 2),
    ]


def test_line_break_before_a_capital_ends_a_sentence_in_raw_text():
    text = (
        "Guardar\nPeople watch as smoke rises\nwhile sirens sound.\nInfobae\n“Go.\nNow,” he said."
    )
    assert texts(text) == [
        "Guardar",
        "People watch as smoke rises\nwhile sirens sound.",
        "Infobae",
        "“Go.\nNow,” he said.",
    ]


def test_lowercase_after_a_stop_is_not_a_new_sentence():
    assert texts("The strike hit the Kyiv reg. office at 3 p.m. local time.") == [
        "The strike hit the Kyiv reg. office at 3 p.m. local time."
    ]


def test_paragraph_bounds_trim_whitespace_and_skip_empty_paragraphs():
    text = "  One.\n\n\n\nTwo\nstill two.\n\n   \n\nThree.  "
    bounds = paragraph_bounds(text)
    assert [text[a:b] for a, b in bounds] == ["One.", "Two\nstill two.", "Three."]
    assert paragraph_bounds("") == []
    assert split_sentences("   \n\n  ") == []


def test_speed():
    paragraph = (
        "Kirby said that it is possible that some of the Russian forces have already moved to "
        "Belarus. “They are leaving Kiev and heading further north, away from the city,” Kirby "
        "said at a press conference. The U.S. official spoke at 5 p.m. on Jan. 3."
    )
    text = "\n\n".join([paragraph] * 200)
    spans = split_sentences(text)
    assert len(spans) == 600


@given(st.text(alphabet=st.sampled_from(list("ab .!?\"“”'\n…AZ3")), max_size=200))
def test_spans_are_exact_ordered_and_within_paragraphs(text):
    bounds = paragraph_bounds(text)
    previous_end = 0
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text and span.text
        assert span.start >= previous_end
        start, end = bounds[span.paragraph]
        assert start <= span.start and span.end <= end
        previous_end = span.end


def test_a_curly_opening_mark_closed_by_a_straight_one_keeps_the_quotation_in_one_sentence():
    text = ('“The aid keeps coming from everywhere! We thank everyone who helps," the governor '
            "said. Then he left.")
    assert [s.text for s in split_sentences(text)] == [
        '“The aid keeps coming from everywhere! We thank everyone who helps," the governor said.',
        "Then he left.",
    ]
