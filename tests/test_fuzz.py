"""Fuzzing: random and mutated article text through read_text + extract and through the whole
ingest. No exception escapes, and every extracted span points inside its document at the very
text it claims to hold.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitdash.ingest.pipeline import extract, ingest_paths
from sitdash.ingest.read import read_path, read_text
from sitdash.store import Store

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_ef4bcab6f89b65ad.txt").read_text(
    encoding="utf-8")
# A few more styles to mutate, written for these tests.
ARTICLES = [
    SEED,
    "KYIV, Ukraine (AP) — Russian forces pulled back from the outskirts of Chernihiv on "
    "Thursday, a senior U.S. defense official said, calling it a repositioning rather than a "
    "retreat.\n\n\"We believe some of them are headed to Belarus,\" the official told "
    "reporters. About 1,000 troops were seen moving north.\n\nThe claim could not be "
    "independently verified.",
    "14:32 GMT — The governor of Kharkiv, Oleh Syniehubov, wrote on Telegram that the city was "
    "shelled 48 times overnight.\n\n14:50 GMT — Ukrainian units advanced toward Izium, the "
    "general staff said, while Russian forces regrouped near Belgorod.",
    "Según fuentes del Pentágono, las tropas rusas se retiraron de Kiev. «Es una retirada "
    "táctica», dijo el portavoz John Kirby el martes.\n\nMercenarios del Grupo Wagner fueron "
    "desplegados en el Donbás, añadió.",
]
QUOTES = "\"'“”‘’«»„‹›「」"
CONTROLS = [chr(c) for c in (*range(0, 32), 0x7F, 0x85, 0x9B, 0x202E, 0x2066, 0xFEFF, 0x2028)]
ESCAPES = ["\x1b[31m", "\x1b]0;pwned\x07", "\x1b]52;c;eA==\x07", "\x1b]8;;http://x\x1b\\",
           "[bold red]", "[/]", "[link=file:///etc/passwd]"]
# Any code point but surrogates, astral planes included.
CHARS = st.characters(blacklist_categories=("Cs",), max_codepoint=0x10FFFF)


@st.composite
def mutated_article(draw) -> str:
    """One of the articles with a handful of edits an odd source or a bad scrape could make."""
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(1, 8))):
        pos = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(
            ["quote", "delete", "duplicate", "unicode", "control", "escape", "newline", "swap"]))
        if kind == "quote":
            text = text[:pos] + draw(st.sampled_from(QUOTES)) + text[pos:]
        elif kind == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 200)):]
        elif kind == "duplicate":
            paragraphs = text.split("\n\n")
            i = draw(st.integers(0, len(paragraphs) - 1))
            paragraphs.insert(i, paragraphs[i])
            text = "\n\n".join(paragraphs)
        elif kind == "unicode":
            text = text[:pos] + draw(st.text(CHARS, min_size=1, max_size=12)) + text[pos:]
        elif kind == "control":
            text = text[:pos] + draw(st.sampled_from(CONTROLS)) + text[pos:]
        elif kind == "escape":
            text = text[:pos] + draw(st.sampled_from(ESCAPES)) + text[pos:]
        elif kind == "newline":
            text = text[:pos] + draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r"])) + text[pos:]
        else:
            paragraphs = text.split("\n\n")
            draw(st.randoms(use_true_random=False)).shuffle(paragraphs)
            text = "\n\n".join(paragraphs)
    return text


ANY_TEXT = st.one_of(
    mutated_article(),
    st.text(CHARS, max_size=600),
    st.lists(st.sampled_from(["Russian forces", "said", "Kyiv", "\"", "“", "”", ".", "\n\n",
                              "on Tuesday", "moved toward", "Kharkiv", "withdrew from", "’", "U.S.",
                              " ", "Kirby", "(AP) —", "KYIV,"]), max_size=80).map("".join),
)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def check_spans(doc, out) -> None:
    """Every span inside the document and equal to the text it carries."""
    n = len(doc.text)
    assert UNSAFE.search(doc.text) is None
    for start, end in doc.captions:
        assert 0 <= start <= end <= n
    ids = [claim.id for claim in out.claims]
    assert len(ids) == len(set(ids)), "two claims share an id"
    claims = {claim.id: claim for claim in out.claims}
    for claim in out.claims:
        assert 0 <= claim.start < claim.end <= n
        assert doc.text[claim.start:claim.end] == claim.text
        assert claim.doc_id == doc.id
    for quote in out.quotes:
        assert 0 <= quote.start <= quote.end <= n
        assert doc.text[quote.start:quote.end] == quote.text
        if quote.claim_id is not None:
            owner = claims[quote.claim_id]
            assert owner.start <= quote.start < owner.end
    for move in out.movements:
        assert 0 <= move.start <= move.end <= n
        owner = claims[move.claim_id]
        assert owner.start <= move.start <= move.end <= owner.end


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_read_and_extract_never_raise_and_spans_point_inside(text):
    doc = read_text(text)
    out = extract(doc)
    check_spans(doc, out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_TEXT, min_size=1, max_size=3), st.sampled_from([".txt", ".md"]))
def test_ingest_of_mutated_files_never_raises_and_stores_consistent_spans(texts, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i}{suffix}").write_text(text, encoding="utf-8", errors="strict")
        store = Store(Path(tmp) / "store.json")
        report = ingest_paths(store, [folder])
        stored = Store(Path(tmp) / "store.json")  # what is on disk, read back
        docs = {doc["id"]: doc["text"] for doc in stored.documents()}
        assert set(report.added) == set(docs)
        for claim in stored.claims():
            assert docs[claim["doc_id"]][claim["start"]:claim["end"]] == claim["text"]
        for quote in stored.quotes():
            assert docs[quote["doc_id"]][quote["start"]:quote["end"]] == quote["text"]
        for move in stored.movements():
            assert 0 <= move["start"] <= move["end"] <= len(docs[move["doc_id"]])
        for error in report.errors:
            assert "\n" not in error.reason and error.reason


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".json", ".jsonl"]))
def test_random_bytes_are_read_or_refused_never_raised(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        result = read_path(path)
        for doc in result.documents:
            assert doc.text and UNSAFE.search(doc.text) is None
        for error in result.errors:
            assert error.reason and "\n" not in error.reason
        assert result.documents or result.errors
