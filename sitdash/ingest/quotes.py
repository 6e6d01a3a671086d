"""Quotations in an article's text and who said them.

Finds double-quoted passages (curly, straight, guillemets) and single-quoted ones (‘…’, '…' when
they cannot be apostrophes), follows a quotation continued into the next paragraph (the
paragraph left open, the next one opening with a quote mark), and gives each its speaker:
the attribution in its own sentence ('…,” Kirby said', 'said X', 'X said: “…”', '“…” – X'),
else the speaker of the rest of a split or continued quotation, an attribution ending the
sentence or paragraph before with a colon, the next sentence's attribution, or the speaker of
the quotation just before it. "he"/"she"/"they"/"it" and "the official"/"the governor" refer
back to the latest matching speaker; surnames become the full names used earlier ("John Kirby").
Also: a clause handing over with a colon and no verb ('…, the official was blunt: “…”'),
'in what X called “…”' (X, whatever the sentence's main source), and a blockquote: a paragraph
without quote marks right after one ending 'X wrote on Twitter:' (live blogs quote posts so).

Scare quotes: a quotation under four words is kept only when a speech verb attaches directly to
it ('“Never,” he said'), it is a sentence of its own with a known speaker ('“None.”' after a
quotation by the same speaker), or it is two or three words inside what the sentence's source
says ('Peskov said Moscow had made “no breakthroughs”'). A term the reporter quotes
('the “special military operation”', 'so-called “referendums”') or a quoted figure is skipped,
so a term of art never becomes a key quote with a wrong speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitdash.ingest.attribution import (
    Attribution,
    SpeakerContext,
    find_attribution,
    nearest_speaker,
    resolve_names,
    speaker_from_phrase,
    statement_issuer,
    subject_person,
)
from sitdash.ingest.claims import cut_off, is_heading
from sitdash.model import Source

MIN_WORDS = 4  # shorter quotations need a speech verb right beside them
_PHRASE_WORDS = 2  # a phrase quoted inside what a source says ('had made “no breakthroughs”')
_DESCRIBED_WORDS = 3  # what a body describes as (“difficult but controlled”), shorter: a label
_ATTACH_GAP = 3  # characters allowed between a quote mark and its attached attribution
# An untagged quotation belongs to the speaker of a quotation at most this many paragraphs before
# (a paragraph of background between two quotations of one speaker is common).
_FOLLOW_ON = 2
# A quoted span this short followed by a closing mark that closes nothing was opened too early.
_STRAY_WORDS = 3

_PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
_DOUBLE_MARK_RE = re.compile(r"[“”\"«»]")
_SINGLE_MARK_RE = re.compile(r"[‘’']")
_SENTENCE_END_RE = re.compile(r"(?:[.!?…]+)[”\"’»)\]]*\s+(?=[“\"‘«(\[]?[A-Z0-9_])")
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Gov|Sen|Rep|Prof|St|No|Jr|Sr|vs|Jan|"
    r"Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)
_DASH_RE = re.compile(r"^\s*[,.]?\s*(?:[–—]|--?)\s*")
_LABEL_RE = re.compile(r"^\s*([A-Z][^:]{0,60}?)\s*:\s*$")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LAST_CLAUSE_RE = re.compile(r"[^.!?]*:$")
# "Driving the news: ...", "Why it matters: ...": a section label opening a paragraph
_LEAD_LABEL_RE = re.compile(r"^\s*[A-Z][\w'’ ]{0,30}:\s+(?=[A-Z])")
_CALLED_ANYWHERE_RE = re.compile(
    r"\b(?:call(?:s|ed)|describe[sd]|term(?:s|ed)|dub(?:s|bed)|brand(?:s|ed)|label(?:s|l?ed))\b"
)
# A transcript turn: "MR. KIRBY: We have seen ...", "PRESS SECRETARY JOHN F. KIRBY: Good ..."
_TURN_RE = re.compile(r"(?P<label>(?:[A-Z][A-Z.'’-]*\s+){0,6}[A-Z][A-Z.'’-]+):\s+(?=\S)")
_BARE_QUOTE_LABEL_RE = re.compile(r"(?:direct\s+)?(?:quote|quotation)", re.I)
_QUOTE_FROM_RE = re.compile(r"^(?:direct\s+)?(?:quote|statement|words)\s+(?:from|by|of)\s+", re.I)
# "X called it “…”", "X described the strike as “…”": X's words, with no speech verb
_CALLED_RE = re.compile(
    r"\b(?:call(?:s|ed)|describe[sd]|term(?:s|ed)|dub(?:s|bed)|brand(?:s|ed)|label(?:s|l?ed))"
    r"(?:\s+[\w'’-]+){0,8}?(?:\s+as)?\s*$"
)
_DESCRIBED_AS_RE = re.compile(r"describe[sd]?\b.*\bas\s*$", re.S)
_DIGIT_RE = re.compile(r"\d")
_OWNER_WORDS_RE = re.compile(
    r"(his|her|their|its)\s+(?:\w+\s+)?(?:message|words|answer|reply|response|verdict|advice|"
    r"warning|point|conclusion|assessment|view)\b", re.I)
_OWNER_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}
_COLON_QUOTE_RE = re.compile(r":\s*[“\"«]")
# Words before a quoted term that make it a name for something, not the speaker's own words.
_TERM_BEFORE_RE = re.compile(r"(?:\bthe|so-called|\bdubbed|\bnamed|\bcodenamed)\s*$", re.I)
# "in what X called/described as “…”": X's words, whatever the sentence's main source is.
_WHAT_CALLED_RE = re.compile(
    r"\b(?:what|which)\s+(?P<who>[^,;:.“”\"_]{2,60}?)\s+(?:has\s+|had\s+)?"
    r"(?:call(?:s|ed)|describe[sd]?\s+as|term(?:s|ed)|dub(?:s|bed)|label(?:s|l?ed)|"
    r"brand(?:s|ed)|characteri[sz]e[sd]?\s+as)\s*$"
)
_OPENING_CONTEXT = " \t\n([{“\"'‘—–-/:"
_CONNECTIVE_RE = re.compile(
    r"^\s*(?:meanwhile|however|separately|elsewhere|also|and|but|in addition|at the same time)"
    r"\s*,?\s*",
    re.I,
)


@dataclass(slots=True)
class QuoteHit:
    """A quotation: its text (without quote marks), span in the document, and speaker."""

    text: str
    speaker: str | None
    speaker_kind: str  # one of model.SOURCE_KINDS; "other" when the speaker is unknown
    start: int
    end: int


@dataclass(slots=True)
class _Quote:
    open_mark: int  # offset of the opening quote mark
    start: int
    end: int
    close_mark: int | None  # None when the quotation runs on to the paragraph's end
    paragraph: int
    chain: int  # quotations continued across paragraphs share a chain number
    sentence: int = -1
    speaker: Source | None = None
    attached: bool = False  # a speech verb sits right beside the quote marks
    whole_sentence: bool = False  # the quotation is a sentence of its own ('“None.”')
    words: int = 0
    reported: bool = False  # its speaker is the subject of the clause it is embedded in


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    paragraph: int
    attribution: Attribution | None = None
    source: Source | None = None  # the attribution resolved against earlier speakers
    text: str = ""  # the masked sentence
    subject: Source | None = None  # a named person the sentence opens with, when no attribution


def extract_quotes(
    doc_text: str, *, title: str | None = None, publisher: Source | None = None
) -> list[QuoteHit]:
    """Every quotation in `doc_text` with its speaker, in document order. With the page's
    `title` and `publisher`, "the update said" in a page titled "... update ..." is the
    publisher's."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH_RE.finditer(doc_text)]
    quotes = _find_quotations(doc_text, paragraphs)
    quotes = _add_block_quotations(doc_text, paragraphs, quotes)
    turns = _transcript_turns(doc_text, paragraphs, quotes)
    if not quotes:
        return []
    for quote in quotes:
        quote.words = len(_WORD_RE.findall(doc_text, quote.start, quote.end))
    masked = _mask(doc_text, quotes)
    sentences = _split_sentences(masked, paragraphs)
    _place_quotes(quotes, sentences)
    for sentence in sentences:
        sentence.text = masked[sentence.start : sentence.end]
        sentence.attribution = find_attribution(sentence.text)
    _drop_cut_attribution(doc_text, sentences)
    context = SpeakerContext(publisher, title)
    _resolve_sentence_sources(sentences, context)
    _assign_direct_speakers(quotes, sentences, masked)
    _assign_fallback_speakers(quotes, sentences, masked)
    for quote in quotes:
        if quote.chain in turns:
            quote.speaker, quote.attached = turns[quote.chain], True
    named = [s.source or s.subject for s in sentences if s.source or s.subject]
    named += [q.speaker for q in quotes if q.speaker]
    named += [Source(name, "named official") for name in context.people()]
    full_names = resolve_names([s.name for s in named if s.kind == "named official"])
    hits = []
    for quote in quotes:
        text = doc_text[quote.start : quote.end]
        words = quote.words
        if words < MIN_WORDS and not (
            quote.attached
            or (quote.whole_sentence and quote.speaker)
            or (words >= _PHRASE_WORDS and _reported_phrase(quote, text, sentences, masked))
        ):
            continue
        speaker = quote.speaker
        name = full_names.get(speaker.name, speaker.name) if speaker else None
        kind = speaker.kind if speaker else "other"
        hits.append(QuoteHit(text, name, kind, quote.start, quote.end))
    return hits


# --- finding quotations ----------------------------------------------------------------------


def _find_quotations(text: str, paragraphs: list[tuple[int, int]]) -> list[_Quote]:
    """Quoted spans per paragraph, continued quotations chained across paragraphs."""
    quotes: list[_Quote] = []
    chain = 0
    open_chain: int | None = None  # chain of a quotation left open at the previous paragraph's end
    for index, (p_start, p_end) in enumerate(paragraphs):
        doubles = _double_quoted(text, p_start, p_end)
        singles = _single_quoted(text, p_start, p_end, doubles)
        spans = sorted(doubles + singles)
        continues = (
            open_chain is not None and spans and spans[0][0] == _first_visible(text, p_start)
        )
        open_chain_next = None
        for k, (mark, start, end, close) in enumerate(spans):
            if k == 0 and continues:
                this_chain = open_chain
            else:
                chain += 1
                this_chain = chain
            while end > start and text[end - 1] in ",;: ":
                end -= (
                    1  # the comma before a closing mark is the paper's punctuation, not the quote's
                )
            if start < end:
                quotes.append(_Quote(mark, start, end, close, index, this_chain))
            if close is None:
                open_chain_next = this_chain
        open_chain = open_chain_next
    return quotes


def _add_block_quotations(
    text: str, paragraphs: list[tuple[int, int]], quotes: list[_Quote]
) -> list[_Quote]:
    """A paragraph without quote marks after 'X wrote on Twitter:' is X's words (a blockquote)."""
    blocks = []
    for index in range(1, len(paragraphs)):
        p_start, p_end = paragraphs[index]
        lead_start, lead_end = paragraphs[index - 1]
        lead = text[lead_start:lead_end].rstrip()
        body = text[p_start:p_end].strip()
        if not lead.endswith(":") or len(body) < 20 or body[-1] not in ".!?…":
            continue
        if _DOUBLE_MARK_RE.search(body) or _DOUBLE_MARK_RE.search(lead):
            continue
        last_clause = _LAST_CLAUSE_RE.search(lead)
        if last_clause is None or find_attribution(last_clause.group()) is None:
            continue
        start = _first_visible(text, p_start)
        end = start + len(body)
        blocks.append(_Quote(start, start, end, None, index, -index - 1))
    if not blocks:
        return quotes
    return sorted(quotes + blocks, key=lambda q: q.open_mark)


def _transcript_turns(
    text: str, paragraphs: list[tuple[int, int]], quotes: list[_Quote]
) -> dict[int, Source]:
    """A briefing transcript's answers ("MR. KIRBY: We have seen ...") as quotations of their
    speaker, when two or more paragraphs open with a capitalised speaker label; questions ("Q:")
    are not quotes. Adds the quotations to `quotes`; returns their speaker by chain number."""
    openings = [(i, _TURN_RE.match(text, a, b)) for i, (a, b) in enumerate(paragraphs)]
    openings = [(i, m) for i, m in openings if m and len(m["label"]) > 2]
    if len(openings) < 2:
        return {}
    speakers: dict[int, Source] = {}
    for index, m in openings:
        p_start, p_end = paragraphs[index]
        if any(p_start <= q.open_mark < p_end for q in quotes):
            continue  # quotation marks inside: those quotations stand on their own
        found = speaker_from_phrase(_label_words(m["label"]))
        if found is None or found.kind not in ("named official", "anonymous official"):
            continue  # "KYIV: ..." or "UPDATE: ..." open a paragraph, no one speaks
        chain = -10_000 - index
        end = p_end
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        quotes.append(_Quote(m.end(), m.end(), end, None, index, chain))
        speakers[chain] = Source(found.name, found.kind)
    quotes.sort(key=lambda q: q.open_mark)
    return speakers


def _label_words(label: str) -> str:
    """ "PRESS SECRETARY JOHN F. KIRBY" -> "Press Secretary John F. Kirby"."""
    return " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in label.split())


def _first_visible(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _double_quoted(text: str, p_start: int, p_end: int) -> list[tuple[int, int, int, int | None]]:
    """(open mark, start, end, close mark or None) of double-quoted spans in one paragraph."""
    spans: list[tuple[int, int, int, int | None]] = []
    opened: int | None = None
    for match in _DOUBLE_MARK_RE.finditer(text, p_start, p_end):
        mark, pos = match.group(), match.start()
        if opened is None:
            if mark in "“«" or (mark == '"' and _opens(text, pos, p_start)):
                opened = pos
            else:
                _close_orphan(text, p_start, pos, spans)
        elif mark in "”»" or mark == '"':
            spans.append((opened, opened + 1, pos, pos))
            opened = None
    if opened is not None:
        end = p_end
        while end > opened + 1 and text[end - 1].isspace():
            end -= 1
        spans.append((opened, opened + 1, end, None))
    return spans


def _close_orphan(
    text: str, p_start: int, pos: int, spans: list[tuple[int, int, int, int | None]]
) -> None:
    """A closing mark that closes nothing: a misplaced opening mark ('has “partially” withdrawn
    ... the capital,” the staff said': one quotation from the first mark), or a quotation
    continued from the paragraph before without a new opening mark (it runs from the start)."""
    if spans:
        first, start, end, _close = spans[-1]
        if len(_WORD_RE.findall(text, start, end)) <= _STRAY_WORDS:
            spans[-1] = (first, start, pos, pos)
        return
    begin = _first_visible(text, p_start)
    if begin < pos:
        spans.append((begin, begin, pos, pos))


def _opens(text: str, pos: int, p_start: int) -> bool:
    """A straight quote mark opens when it starts the paragraph or follows a space or bracket."""
    return pos == p_start or text[pos - 1] in _OPENING_CONTEXT


def _single_quoted(
    text: str, p_start: int, p_end: int, doubles: list[tuple[int, int, int, int | None]]
) -> list[tuple[int, int, int, int | None]]:
    """Single-quoted spans outside double quotes; apostrophes (don't, Russia's, '90s) skipped."""
    inside = [(d[0], d[3] if d[3] is not None else p_end) for d in doubles]
    spans = []
    opened: int | None = None
    for match in _SINGLE_MARK_RE.finditer(text, p_start, p_end):
        pos, mark = match.start(), match.group()
        if any(a <= pos <= b for a, b in inside):
            continue
        after = text[pos + 1] if pos + 1 < p_end else " "
        before = text[pos - 1] if pos > p_start else " "
        if opened is None:
            if mark in "‘'" and before in _OPENING_CONTEXT and after.isalpha():
                opened = pos
            continue
        if (text[opened] == "'") != (mark == "'"):
            continue  # ‘ closes with ’ and ' with '
        if before.isspace() or after.isalnum():
            continue  # an apostrophe inside a word: don’t, Russia’s
        if before in "sS" and after == " " and pos + 2 < p_end and text[pos + 2].islower():
            continue  # a plural possessive: the soldiers’ families
        spans.append((opened, opened + 1, pos, pos))
        opened = None
    return spans


def _mask(text: str, quotes: list[_Quote]) -> str:
    """`text` with each quotation's inside blanked to one underscore run, keeping its final
    punctuation (so '…mission,” said X' still reads as one sentence and '…mission.” He' as two)."""
    pieces = []
    done = 0
    for quote in quotes:
        last = quote.end - 1 if text[quote.end - 1] in ",.!?…" else quote.end
        if last <= done:
            continue
        pieces.append(text[done : quote.start])
        pieces.append(_blank_keeping_breaks(text[quote.start : last]))
        done = last
    pieces.append(text[done:])
    return "".join(pieces)


def _blank_keeping_breaks(chunk: str) -> str:
    """Underscores for `chunk`, but line breaks kept so paragraphs stay where they are."""
    if "\n" not in chunk:
        return "_" * len(chunk)
    return "".join("\n" if ch == "\n" else "_" for ch in chunk)


# --- sentences -------------------------------------------------------------------------------


def _split_sentences(masked: str, paragraphs: list[tuple[int, int]]) -> list[_Sentence]:
    """Sentences of the masked text (quotations cannot split a sentence once masked)."""
    sentences = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        start = p_start
        for match in _SENTENCE_END_RE.finditer(masked, p_start, p_end):
            head = masked[max(start, match.start() - 12) : match.start() + 1]
            if _ABBREVIATION_RE.search(head):
                continue
            sentences.append(_Sentence(start, match.end(), index))
            start = match.end()
        if start < p_end:
            sentences.append(_Sentence(start, p_end, index))
    return sentences


def _drop_cut_attribution(doc_text: str, sentences: list[_Sentence]) -> None:
    """An excerpt cut mid-attribution ('“…,” said the chief') names no one: the speaker
    phrase that runs into the cut is incomplete ("the chief" of what?)."""
    last = sentences[-1] if sentences else None
    if last is None or last.attribution is None or not cut_off(doc_text):
        return
    found = last.attribution
    if last.start + found.end >= len(doc_text.rstrip()):
        last.attribution = None


def _reported_phrase(
    quote: _Quote, quote_text: str, sentences: list[_Sentence], masked: str
) -> bool:
    """A short quotation inside what a named source says ('X said the city was “cut off”'),
    not a term quoted by the reporter ('the “special military operation”')."""
    sentence = sentences[quote.sentence]
    if not quote.reported and (sentence.source is None or quote.speaker is not sentence.source):
        return False
    if _DIGIT_RE.search(quote_text):
        return False  # a quoted figure ('“more than 200”') is a claim to check, not a quote
    return not _TERM_BEFORE_RE.search(masked[sentence.start : quote.open_mark])


def _place_quotes(quotes: list[_Quote], sentences: list[_Sentence]) -> None:
    """Give each quotation the index of the sentence holding its opening mark."""
    k = 0
    for quote in quotes:
        while k + 1 < len(sentences) and sentences[k].end <= quote.open_mark:
            k += 1
        quote.sentence = k


# --- speakers --------------------------------------------------------------------------------


def _resolve_sentence_sources(sentences: list[_Sentence], recent: SpeakerContext) -> None:
    """Resolve each sentence's attribution against the speakers before it, in order."""
    for sentence in sentences:
        found = sentence.attribution
        if found is None:
            found = sentence.attribution = _colon_clause_attribution(sentence.text)
        if found is None or found.relay:
            opening = _LEAD_LABEL_RE.sub("", sentence.text, count=1)
            # "Minister X arrived ...", "This was reported by the head of X, Y, and ...": who
            # a later "he" or "the commander" is
            sentence.subject = recent.notice(opening)
            if found is None and sentence.subject is None and _CALLED_ANYWHERE_RE.search(opening):
                body = speaker_from_phrase(opening)  # "The ministry called the pullback “…”"
                if body is not None and body.kind in ("institution", "anonymous official"):
                    sentence.subject = recent.resolve(body)
            if found is None:
                continue
        sentence.source = recent.resolve(found, sentence.text)
        if sentence.source is not None:
            recent.remember(found, sentence.source, sentence.text)
            recent.notice(sentence.text, sentence.source)
    for sentence, following in zip(sentences, sentences[1:], strict=False):
        # "Russia said ... “…” The defence ministry's statement ...": the ministry's words
        if sentence.source is not None and following.paragraph == sentence.paragraph:
            sentence.source = statement_issuer(sentence.source, following.text) or sentence.source


def _colon_clause_attribution(text: str) -> Attribution | None:
    """The subject of a clause that hands over to a quotation with a colon, verb or not:
    'Asked about Belarus, the official was blunt: “…”'."""
    colon = _COLON_QUOTE_RE.search(text)
    if colon is None:
        return None
    clause_start = text.rfind(",", 0, colon.start()) + 1
    clause_start += len(text[clause_start:]) - len(text[clause_start:].lstrip())
    lead = _QUOTE_FROM_RE.match(text, clause_start)  # "Quote from the General Staff: “…”"
    clause_start = lead.end() if lead else clause_start
    clause = text[clause_start : colon.start()]
    if _BARE_QUOTE_LABEL_RE.fullmatch(clause.strip()):
        return None  # "Quote: “…”": the source is the one named before
    offset = clause_start
    owner = _OWNER_WORDS_RE.match(clause.strip())
    if owner:  # "His message was blunt: “…”" is what "he" said
        pronoun = _OWNER_PRONOUN[owner.group(1).lower()]
        return Attribution(pronoun, "other", pronoun, offset, offset + len(owner.group(1)),
                           colon.start(), colon.start() + 1, pronoun=pronoun, head=pronoun)
    found = speaker_from_phrase(clause.strip())
    if found is None or (found.kind == "other" and not found.pronoun):
        # "Oleksiy Arestovych, an adviser to the president, put it simply: “…”"
        subject = subject_person(text)
        if subject is None:
            return None
        return replace(subject, verb_start=colon.start(), verb_end=colon.start() + 1)
    return replace(
        found,
        start=found.start + offset,
        end=found.end + offset,
        verb_start=colon.start(),
        verb_end=colon.start() + 1,
    )


def _assign_direct_speakers(quotes: list[_Quote], sentences: list[_Sentence], masked: str) -> None:
    """The speaker named in the quotation's own sentence, or after a dash ('“…” – X')."""
    for quote in quotes:
        sentence = sentences[quote.sentence]
        called = _what_called_speaker(masked[sentence.start : quote.open_mark], sentence.source)
        if called is not None:
            quote.speaker, quote.attached = called, True
            continue
        found = sentence.attribution
        if found is not None and sentence.source is not None:
            quote.speaker = sentence.source
            quote.attached = _attached(quote, found, sentence.start)
            continue
        before_quote = masked[sentence.start : quote.open_mark]
        if sentence.subject is not None and (called := _CALLED_RE.search(before_quote)):
            # 'Reznikov called it “…”', 'the ministry described it as “…”'; a body's short
            # name for a thing ('Russia calls it a “…”') stays out
            quote.speaker = sentence.subject
            quote.attached = sentence.subject.kind == "named official" or (
                quote.words >= _DESCRIBED_WORDS and _DESCRIBED_AS_RE.match(called.group()))
            continue
        before = masked[sentence.start : quote.open_mark]
        label = _LABEL_RE.match(before)
        if label and _BARE_QUOTE_LABEL_RE.fullmatch(label.group(1)):
            # "Quote: “…”" under a paragraph that named its source ("According to the General
            # Staff, ..."): that source
            quote.speaker = _latest_source(sentences, quote.sentence, quote.paragraph)
            quote.attached = quote.speaker is not None
            continue
        if label and not label.group(1).isupper():
            # a headline "Zelensky: ‘We will win’", or "Quote from the General Staff: “…”"
            named = speaker_from_phrase(_QUOTE_FROM_RE.sub("", label.group(1)))
            if named is not None and not named.pronoun:
                quote.speaker = Source(named.name, named.kind)
                quote.attached = True
                continue
        if quote.close_mark is not None:
            after = masked[quote.close_mark + 1 : sentence.end]
            dash = _DASH_RE.match(after)
            if dash:
                named = speaker_from_phrase(after[dash.end() :])
                if named is not None and not named.pronoun:
                    quote.speaker = Source(named.name, named.kind)
                    quote.attached = True
                    continue
        if before.strip() and found is None:
            # 'The shelling came after Russia said it had agreed to “scale down operations”':
            # the quotation is what the subject of its own clause said
            clause = nearest_speaker(before)
            if clause is not None and not clause.pronoun and not clause.document:
                quote.speaker, quote.reported = Source(clause.name, clause.kind), True


def _what_called_speaker(before: str, subject: Source | None) -> Source | None:
    """X in 'in what X called “…”'; "its ministry" becomes the sentence source's ministry."""
    called = _WHAT_CALLED_RE.search(before)
    if called is None:
        return None
    who = called["who"].strip()
    owner, _, rest = who.partition(" ")
    if owner.lower() in ("its", "their") and rest:
        who = rest
    named = speaker_from_phrase(who)
    if named is None or named.pronoun:
        return None
    if who != called["who"].strip() and subject is not None and subject.kind != "named official":
        return Source(f"{subject.name}'s {named.name}", named.kind)
    return Source(named.name, named.kind)


def _latest_source(sentences: list[_Sentence], index: int, paragraph: int) -> Source | None:
    """The source of the latest sentence before `index` that names one, within two paragraphs."""
    for sentence in reversed(sentences[:index]):
        if paragraph - sentence.paragraph > 2:
            return None
        if sentence.source is not None:
            return sentence.source
    return None


def _attached(quote: _Quote, found: Attribution, offset: int) -> bool:
    """Whether the attribution sits right beside the quote marks ('“No,” he said', 'said: “No”')."""
    if quote.close_mark is not None:
        after = quote.close_mark + 1
        first = min(found.start, found.verb_start) + offset
        if 0 <= first - after <= _ATTACH_GAP:
            return True
    return 0 <= quote.open_mark - (found.verb_end + offset) <= _ATTACH_GAP


def _assign_fallback_speakers(
    quotes: list[_Quote], sentences: list[_Sentence], masked: str
) -> None:
    """Speakers for quotations whose sentence names none: chain, colon, next sentence, last."""
    chain_speaker: dict[int, Source] = {}
    for quote in quotes:
        if quote.speaker is not None:
            chain_speaker.setdefault(quote.chain, quote.speaker)
    last: tuple[Source, int] | None = None
    for quote in quotes:
        if quote.speaker is None:
            quote.speaker = chain_speaker.get(quote.chain)
        alone = _stands_alone(quote, sentences, masked)
        if alone:
            rest = (
                masked[quote.close_mark + 1 : sentences[quote.sentence].end]
                if (quote.close_mark is not None)
                else ""
            )
            quote.whole_sentence = not rest.strip().strip(".,!?;:")
        named = sentences[quote.sentence].attribution
        if quote.speaker is None and alone and not (named is not None and named.pronoun):
            # ('“…,” he said.' with no one "he" could be stays unknown: nobody else said it)
            quote.speaker = (
                _colon_before(quote, sentences, masked)
                or _next_sentence_source(quote, sentences)
                or (
                    last[0]
                    if last and quote.whole_sentence and quote.paragraph - last[1] <= _FOLLOW_ON
                    else None
                )
                or (_previous_source(quote, sentences) if quote.whole_sentence else None)
            )
        elif quote.speaker is None and last and quote.paragraph - last[1] <= _FOLLOW_ON and \
                _finishes_unsourced_sentence(quote, sentences, masked):
            # 'Ukraine's army “threw 30 armoured vehicles into the assault.”' after a source's
            # quotations: the reporter finishes the sentence in that source's words
            quote.speaker = last[0]
        if quote.speaker is not None and (quote.words >= MIN_WORDS or quote.attached):
            # a term in scare quotes ('focusing on “liberating” the east') is no one's turn
            last = (quote.speaker, quote.paragraph)


def _finishes_unsourced_sentence(
    quote: _Quote, sentences: list[_Sentence], masked: str
) -> bool:
    """A quotation of MIN_WORDS or more that ends a sentence naming no source of its own."""
    sentence = sentences[quote.sentence]
    if quote.words < MIN_WORDS or sentence.source is not None or sentence.subject is not None:
        return False
    rest = masked[quote.close_mark + 1 : sentence.end] if quote.close_mark is not None else ""
    return not rest.strip().strip(".,!?;:")


def _stands_alone(quote: _Quote, sentences: list[_Sentence], masked: str) -> bool:
    """A quotation that opens its sentence (not a phrase quoted inside a reporter's sentence)."""
    sentence = sentences[quote.sentence]
    return not masked[sentence.start : quote.open_mark].strip()


def _sentence_before(quote: _Quote, sentences: list[_Sentence]) -> tuple[_Sentence, int] | None:
    """The sentence before a quotation, past any section heading between them ("Kupiansk
    district:"), and how many paragraphs of text lie between them."""
    k, headings = quote.sentence - 1, 0
    while k >= 0 and sentences[k].paragraph != quote.paragraph and is_heading(
            sentences[k].text.strip()):
        k, headings = k - 1, headings + 1
    if k < 0:
        return None
    return sentences[k], quote.paragraph - sentences[k].paragraph - headings


def _colon_before(quote: _Quote, sentences: list[_Sentence], masked: str) -> Source | None:
    """The source of a sentence ending in a colon right before the quotation (or before the
    section headings under it: 'X listed the attacks on Telegram:', 'Y district:', '“…”')."""
    before = _sentence_before(quote, sentences)
    if before is None:
        return None
    previous = before[0]
    lead = masked[previous.start : previous.end].rstrip()
    if lead.endswith(":"):
        # 'A resident, Name, ..., described the night as follows:': the person it opens with
        return previous.source or previous.subject or _lead_in_subject(lead)
    return None


def _lead_in_subject(lead: str) -> Source | None:
    """Who a lead-in without a speech verb hands the floor to: 'Meanwhile, local chats carry
    several accounts of the fighting, here are some of them:' -> local chats."""
    opening = _CONNECTIVE_RE.sub("", lead, count=1)
    found = speaker_from_phrase(opening)
    if found is None or found.pronoun or found.document:
        return None
    return Source(found.name, found.kind)


def _previous_source(quote: _Quote, sentences: list[_Sentence]) -> Source | None:
    """The source of the sentence right before an untagged quotation, in its paragraph or the
    one before ('Residents said the shelling lasted until dawn. “Nobody slept.”')."""
    before = _sentence_before(quote, sentences)
    return before[0].source if before is not None and before[1] <= 1 else None


def _next_sentence_source(quote: _Quote, sentences: list[_Sentence]) -> Source | None:
    """The source of the next sentence in the same paragraph ('“…?” Kirby asked.')."""
    k = quote.sentence + 1
    if k < len(sentences) and sentences[k].paragraph == quote.paragraph:
        return sentences[k].source
    return None
