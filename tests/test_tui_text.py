"""The dashboard's pure text helpers: cleaning untrusted text, context spans, fuzzy matching."""

from sitdash.tui.rows import window
from sitdash.tui.text import clean, clean_block, clean_with_span, fuzzy_filter, paragraph_around


def test_clean_removes_escape_sequences_and_controls_but_keeps_markup_literal():
    raw = "a\x1b[31mred\x1b[0m b\x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07 [bold]c[/] \x07d\x00"
    assert clean(raw) == "ared blink [bold]c[/] d"


def test_clean_block_keeps_lines():
    assert clean_block("one\x1b[2J\n\ntwo\tthree") == "one\n\ntwo three"


def test_paragraph_around_finds_the_paragraph_and_offsets():
    text = "First para.\n\nSecond para has the claim here. More.\n\nThird."
    start = text.index("the claim")
    para, s, e = paragraph_around(text, start, start + len("the claim"))
    assert para == "Second para has the claim here. More."
    assert para[s:e] == "the claim"


def test_paragraph_around_clips_bad_offsets():
    para, s, e = paragraph_around("Only.", 50, 80)
    assert (para, s, e) == ("Only.", 5, 5)


def test_clean_with_span_keeps_span_on_same_words_after_removing_escapes():
    text = "Before \x1b[1mbold\x1b[0m the claim itself. after"
    start = text.index("the claim")
    cleaned, s, e = clean_with_span(text, start, start + len("the claim itself."))
    assert cleaned[s:e] == "the claim itself."
    assert "\x1b" not in cleaned


def test_window_keeps_span_visible_in_a_long_paragraph():
    para = "x " * 300 + "THE SPAN" + " y" * 300
    start = para.index("THE SPAN")
    shown, s, e = window(para, start, start + 8, 100)
    assert shown[s:e] == "THE SPAN"
    assert shown.startswith("…") and shown.endswith("…") and len(shown) <= 102


def test_fuzzy_filter_prefers_substring_then_subsequence():
    items = ["Explosions/Remote violence", "Battles", "Violence against civilians", "Protests"]
    assert fuzzy_filter("viol", items)[:2] == ["Violence against civilians",
                                               "Explosions/Remote violence"]
    assert fuzzy_filter("btl", items) == ["Battles"]
    assert fuzzy_filter("", items) == items
    assert fuzzy_filter("zzz", items) == []
