"""The synthetic corpus: deterministic, the size asked for, readable, and varied like real copy."""

import re
from pathlib import Path

import pytest

from sitdash.corpus import article_text, iter_corpus, write_corpus

N = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    assert write_corpus(out, docs=N, seed=7) == N
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_identical_bytes(corpus, tmp_path):
    write_corpus(tmp_path, docs=N, seed=7)
    assert _files(tmp_path) == _files(corpus)


def test_different_seed_gives_different_articles(corpus, tmp_path):
    write_corpus(tmp_path, docs=N, seed=8)
    other = set(_files(tmp_path).values())
    assert not other & set(_files(corpus).values())


def test_writes_the_requested_count_of_distinct_articles(corpus, tmp_path):
    texts = list(_files(corpus).values())
    assert len(texts) == N and len(set(texts)) == N
    assert write_corpus(tmp_path / "none", docs=0, seed=1) == 0
    assert write_corpus(tmp_path / "one", docs=1, seed=1) == 1


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one():
    small = [text for _, text in iter_corpus(5, seed=3)]
    large = [text for _, text in iter_corpus(12, seed=3)]
    assert large[:5] == small


def test_bodies_differ_even_without_their_headers():
    bodies = set()
    for _, text in iter_corpus(200, seed=0):
        body = text.split("---", 2)[-1] if text.startswith("---") else text
        bodies.add(" ".join(body.split()[5:]))  # beyond the title/dateline
    assert len(bodies) == 200


def test_styles_vary_across_the_corpus():
    texts = [text for _, text in iter_corpus(300, seed=0)]
    joined = "\n".join(texts)
    with_front_matter = sum(t.startswith("---\ntitle:") for t in texts)
    assert 0.15 * len(texts) < with_front_matter < 0.7 * len(texts)
    # datelines of several agencies, a bare timestamp line, furniture and captions
    for pattern in (r"^[A-Z]+, Ukraine \(AP\) —", r"^\w+\.? \d+ \(UPI\) --",
                    r"^[A-Z]+, Ukraine, \w+ \d+ \(Reuters\) - ",
                    r"^\d\d \w{3} 2022 \d\d:\d\d[AP]M$",
                    r"^Guardar$", r"^Keep reading:$", r"^Advertisement$", r"REUTERS/\w+",
                    r"\(AP Photo/"):
        assert re.search(pattern, joined, re.M), pattern
    # several spellings of the same places, and the attribution styles
    for spelling in ("Kyiv", "Kiev", "Kharkiv", "Kharkov", "Odesa", "Odessa", "Izium", "Izyum"):
        assert re.search(rf"\b{spelling}\b", joined), spelling
    for pattern in (r"wrote on Telegram: [“\"]", r"[”\"] \w+ (?:said|added), [“\"][a-z]",
                    r"according to ", r"a senior US defense official", r"John Kirby",
                    r"have not yet redeployed", r"expected to redeploy", r"less than 20%"):
        assert re.search(pattern, joined), pattern
    # a quotation that runs on into the next paragraph has no closing mark in the first
    assert re.search(r": “[^”\n]+\.\n\n“", joined)


def test_dates_fall_in_the_war_year():
    dates = re.findall(r"^published: (\S+)$", "\n".join(t for _, t in iter_corpus(200, seed=0)),
                       re.M)
    assert dates and all("2022-02-24" <= d <= "2022-12-31" for d in dates)


def test_article_text_depends_only_on_seed_and_index():
    assert article_text(5, 17) == article_text(5, 17)
    assert article_text(5, 17) != article_text(5, 18)


def test_negative_count_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_corpus(tmp_path, docs=-1, seed=0)


# -- through the real reader and extractor -------------------------------------------------------

def test_every_article_reads_and_yields_claims_quotes_and_places(corpus):
    read = pytest.importorskip("sitdash.ingest.read")
    pipeline = pytest.importorskip("sitdash.ingest.pipeline")
    result = read.read_path(corpus)
    assert result.errors == []
    assert len(result.documents) == N
    assert len({d.id for d in result.documents}) == N
    claims_total = 0
    for doc in result.documents:
        out = pipeline.extract(doc)
        assert len(out.claims) >= 5, doc.path
        assert any(c.places for c in out.claims), doc.path
        claims_total += len(out.claims)
    assert 8 * N <= claims_total <= 14 * N  # about ten claims an article, as the benchmark assumes
    with_quotes = sum(bool(pipeline.extract(d).quotes) for d in result.documents)
    assert with_quotes >= 0.9 * N


def test_furniture_does_not_survive_reading(corpus):
    read = pytest.importorskip("sitdash.ingest.read")
    for doc in read.read_path(corpus).documents:
        lines = set(doc.text.split("\n\n"))
        assert not lines & {"Share", "Guardar", "Advertisement", "Keep reading:"}, doc.path
