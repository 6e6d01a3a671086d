"""The consolidated tables are the same however the articles arrive, survive a rebuild with the
same ids, are computed for a store from before them, and a new article recomputes only what it
can change."""

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from week_articles import ARTICLES, write_articles

from sitdash.ingest.pipeline import ingest_paths, rebuild_store
from sitdash.ingest.read import read_path
from sitdash.store import Store

NAMES = sorted(ARTICLES)
TABLES = ("developments", "contradictions", "speakers", "events", "signals")


def tables(store):
    """The consolidated tables, each event's origin count, and the signals (sorted: their row
    order, like an event's summary, follows the order articles were stored in)."""
    out = {name: store.rows(name) for name in TABLES}
    out["events"] = {e["id"]: e["origins"] for e in out["events"]}
    out["signals"] = sorted(out["signals"], key=lambda row: row["id"])
    return out


def ingest(tmp, batches):
    """A fresh store fed `batches` (lists of article names), one ingest each."""
    store = Store(tmp / "store.json")
    for n, batch in enumerate(batches):
        paths = write_articles(tmp / f"batch{n}", batch)
        ingest_paths(store, paths)
    return store


def _fresh(tmp_path_factory):
    return tmp_path_factory.mktemp("order")


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.permutations(NAMES), st.lists(st.integers(1, len(NAMES) - 1), max_size=4))
def test_any_order_and_any_batching_gives_the_same_tables(tmp_path_factory, order, cuts):
    expected = tables(ingest(_fresh(tmp_path_factory), [NAMES]))
    bounds = [0, *sorted(set(cuts)), len(order)]
    batches = [list(order[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    assert tables(ingest(_fresh(tmp_path_factory), batches)) == expected


def test_one_by_one_and_reversed_give_the_same_ids(tmp_path):
    at_once = tables(ingest(tmp_path / "a", [NAMES]))
    one_by_one = tables(ingest(tmp_path / "b", [[name] for name in reversed(NAMES)]))
    assert at_once == one_by_one
    assert len(at_once["developments"]) >= 5 and len(at_once["contradictions"]) == 4


def test_a_rebuild_keeps_every_id(tmp_path):
    store = ingest(tmp_path, [NAMES])
    before = tables(store)
    rebuild_store(store)
    assert tables(store) == before


def test_a_store_from_before_consolidation_gets_it_when_opened(tmp_path):
    store = ingest(tmp_path, [NAMES])
    expected = tables(store)
    data = orjson.loads(store.path.read_bytes())
    for name in ("developments", "contradictions", "speakers", "signals"):
        del data[name]
    for event in data["events"].values():
        del event["origins"]
    data["_meta"]["1"]["schema_version"] = 2
    store.path.write_bytes(orjson.dumps(data))
    analyst = orjson.loads(store.analyst_path.read_bytes())
    analyst.pop("speaker_sides", None)
    analyst["_meta"]["1"]["schema_version"] = 2
    store.analyst_path.write_bytes(orjson.dumps(analyst))
    migrated = Store(store.path)
    assert tables(migrated) == expected
    assert migrated.speaker_sides() == {}
    assert store.path.with_name("store.json.bak-v2").exists()


def test_a_new_article_recomputes_only_the_forces_and_directions_it_reports(tmp_path):
    store = ingest(tmp_path, [[n for n in NAMES if n != "a9_easternpost_sumy.md"]])
    report = ingest_paths(store, write_articles(tmp_path / "late", ["a9_easternpost_sumy.md"]))
    stats = report.consolidation
    assert stats["full"] is False
    assert stats["partitions_recomputed"] == 1  # Russian forces, back
    total = len(store.rows("movements"))
    assert stats["movements_recomputed"] < total
    assert {"speakers_ms", "developments_ms", "contradictions_ms", "total_ms"} <= set(stats)


def test_a_generated_year_in_date_order_or_shuffled_gives_what_one_ingest_gives(tmp_path):
    """Months of reporting: late articles recompute only developments that were still open."""
    import random

    from sitdash.corpus import write_corpus

    corpus = tmp_path / "corpus"
    write_corpus(corpus, docs=80, seed=3)
    files = sorted(corpus.iterdir())
    at_once = Store(tmp_path / "once.json")
    ingest_paths(at_once, files)
    expected = tables(at_once)
    assert len(expected["developments"]) > 20 and expected["contradictions"]
    dated = Store(tmp_path / "dated.json")
    published = {p: read_path(p).documents[0].published or "" for p in files}
    by_date = sorted(files, key=lambda p: (published[p], p.name))
    recomputed, stored = [], []
    for start in range(0, len(by_date), 16):
        report = ingest_paths(dated, by_date[start:start + 16])
        recomputed.append(report.consolidation["movements_recomputed"])
        stored.append(len(dated.rows("movements")))
    assert tables(dated) == expected
    # news in date order: the developments that had closed are not consolidated again
    assert recomputed[-1] < stored[-1] / 2
    shuffled = files[:]
    random.Random(5).shuffle(shuffled)
    mixed = Store(tmp_path / "mixed.json")
    for start in range(0, len(shuffled), 7):
        ingest_paths(mixed, shuffled[start:start + 7])
    assert tables(mixed) == expected
