"""Sentence and paragraph spans over a document's text (offsets into that text).

A paragraph is a run of text between blank lines. A sentence ends at . ! ? or an ellipsis (plus
any closing quotes or brackets) followed by a capital, a digit or an opening quote, except:
- after a title or initial ("Lt. Col.", "Mr.", "John F. Kirby", "No. 5", "Jan. 3");
- after a dotted acronym or "Inc."/"Jr." ("U.S.", "a.m.") unless a typical sentence opener follows;
- inside a quotation that closes later in the same paragraph ("at this time... In reality," he
  said): the quotation stays in one sentence so its speaker stays with it;
- when a quotation ends the sentence and a short attribution follows ('"Is it over?" Kirby asked.').
A single line break before a capital also ends a sentence (raw text: "Guardar\nPeople watch ...");
Document.text has none, its paragraphs being one line each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Span:
    """One sentence: text == document_text[start:end]; `paragraph` is its paragraph index."""

    start: int
    end: int
    text: str
    paragraph: int


_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_END_RE = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"”’»')\]]*|[ \t]*\n")
_WORD_BEFORE_RE = re.compile(r"[\w.'’-]+$")
_NEXT_WORD_RE = re.compile(r"[\"“‘«(\[]*([\w'’-]+)")
_OPENERS = '"“‘«([' + "'"

# Never end a sentence: titles, ranks and the like always precede a name or number.
_HARD_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt cpt sgt cpl pvt adm cmdr brig gov sen rep rev prof pres "
    "st mt ft fr sr no nos vol art para fig approx dept gens lt-gen maj-gen brig-gen vs v "
    "e.g i.e cf al".split()
)
# End a sentence only when a typical sentence opener follows ("... in the U.S. The next day").
_SOFT_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp jr bros est etc".split()
)
_OPENER_WORDS = frozenset(
    "the a an he she it they we i in on at but and this that these those there his her their its "
    "our as after before while when if meanwhile however yet so then since during some many".split()
)
_SPEECH_VERBS = frozenset(
    "said says asked asks added adds told wrote writes stated noted explained replied continued "
    "insisted warned tweeted posted according".split()
)
_TIME_ZONE_RE = re.compile(r"(?:[A-Z]{2,4}\b|[A-Z][a-z]+\s+time\b)")
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, surrounding whitespace excluded, empty ones skipped."""
    bounds = []
    start = 0
    for brk in _PARAGRAPH_BREAK_RE.finditer(text):
        _append_trimmed(text, start, brk.start(), bounds)
        start = brk.end()
    _append_trimmed(text, start, len(text), bounds)
    return bounds


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of quotations that open and close inside text[start:end]."""
    regions = []
    curly_open = straight_open = guillemet_open = None
    for i in range(start, end):
        ch = text[i]
        if ch == "“" and curly_open is None:
            curly_open = i
        elif ch == "”" and curly_open is not None:
            regions.append((curly_open, i))
            curly_open = None
        elif ch == "«" and guillemet_open is None:
            guillemet_open = i
        elif ch == "»" and guillemet_open is not None:
            regions.append((guillemet_open, i))
            guillemet_open = None
        elif ch == '"':
            if curly_open is not None and straight_open is None and _closing_shape(text, i, end):
                regions.append((curly_open, i))  # “… possible," he said: mixed marks, one quote
                curly_open = None
            elif straight_open is None:
                straight_open = i
            else:
                regions.append((straight_open, i))
                straight_open = None
    return regions


def _closing_shape(text: str, i: int, end: int) -> bool:
    """A straight mark after a word or punctuation and before a space or the end: it closes."""
    return i > 0 and not text[i - 1].isspace() and (i + 1 >= end or not text[i + 1].isalnum())


def _inside(regions: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for region in regions:
        if region[0] < pos < region[1]:
            return region
    return None


def _next_word(text: str, pos: int, end: int) -> str:
    m = _NEXT_WORD_RE.match(text, pos, end)
    return m.group(1) if m else ""


def _abbreviation_blocks(text: str, dot: int, next_pos: int, end: int) -> bool:
    """True when the period at `dot` belongs to an abbreviation, not a sentence end."""
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    token = m.group(0).lstrip("'’-")
    lower = token.lower()
    nxt = _next_word(text, next_pos, end)
    opener_follows = nxt.lower() in _OPENER_WORDS
    if lower in _HARD_ABBREVIATIONS:
        return not (lower == "no" and not nxt[:1].isdigit())  # "No." is only one before a number
    if len(token) == 1 and token.isupper():
        return True  # an initial: "John F. Kirby"
    if lower in ("a.m", "p.m"):  # "5 a.m. Kyiv time" goes on, "5 a.m. Moscow denied it" ends
        return opener_follows is False and _TIME_ZONE_RE.match(text, next_pos, end) is not None
    if lower in _SOFT_ABBREVIATIONS or _DOTTED_ACRONYM_RE.match(token):
        return not opener_follows
    return False


def _attribution_follows(text: str, pos: int, end: int) -> bool:
    """True for a short tail like 'Kirby said.' or 'said the official.' after a quotation."""
    stop = _END_RE.search(text, pos, end)
    tail = text[pos : stop.start() if stop else end]
    words = [w.strip(",;:").lower() for w in tail.split()]
    return 0 < len(words) <= 8 and any(w in _SPEECH_VERBS for w in words)


def _is_boundary(text: str, m: re.Match, next_pos: int, end: int, regions) -> bool:
    next_char = text[next_pos]
    if not (next_char.isupper() or next_char.isdigit() or next_char in _OPENERS):
        return False
    region = _inside(regions, m.start())
    if m.group(0).endswith("\n"):
        return region is None  # a line break before a capital, outside quotes
    punct_end = m.start() + len(m.group(0).rstrip("\"”’»')]"))
    if region is not None:
        if m.end() <= region[1]:
            return False  # the quotation goes on after this stop
        if _attribution_follows(text, next_pos, end):
            return False
    if text[punct_end - 1] == "." and punct_end - m.start() == 1:
        return not _abbreviation_blocks(text, m.start(), next_pos, end)
    return True


def _split_paragraph(text: str, start: int, end: int, index: int, out: list[Span]) -> None:
    regions = _quote_regions(text, start, end)
    sentence_start = start
    for m in _END_RE.finditer(text, start, end):
        if m.start() < sentence_start:
            continue  # the line break right after a sentence already ended
        next_pos = m.end()
        while next_pos < end and text[next_pos].isspace():
            next_pos += 1
        line_break = m.group(0).endswith("\n")
        if (next_pos == m.end() and not line_break) or next_pos >= end:
            continue  # no space after it ("3.5", "U.S.-led") or the paragraph's own end
        if _is_boundary(text, m, next_pos, end, regions):
            stop = m.start() if line_break else m.end()
            out.append(Span(sentence_start, stop, text[sentence_start:stop], index))
            sentence_start = next_pos
    out.append(Span(sentence_start, end, text[sentence_start:end], index))


def split_sentences(text: str) -> list[Span]:
    """Sentences of `text`, in order, trimmed, never crossing a paragraph break."""
    spans: list[Span] = []
    for index, (start, end) in enumerate(paragraph_bounds(text)):
        _split_paragraph(text, start, end, index, spans)
    return spans
