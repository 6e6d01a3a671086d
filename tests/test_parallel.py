"""A large ingest extracts on every core and stores exactly what one process would."""

from __future__ import annotations

import threading

import pytest

from sitdash.corpus import write_corpus
from sitdash.ingest import parallel
from sitdash.ingest.parallel import PARALLEL_FROM, workers_for
from sitdash.ingest.pipeline import ingest_paths
from sitdash.store import Store

TABLES = ("documents", "claims", "quotes", "movements", "events", "developments",
          "contradictions", "speakers")


def test_small_batches_threads_and_the_setting_keep_extraction_in_process(monkeypatch):
    monkeypatch.setenv("SITDASH_WORKERS", "2")
    assert workers_for(PARALLEL_FROM - 1) == 1  # starting workers would cost more
    monkeypatch.setenv("SITDASH_WORKERS", "1")
    assert workers_for(10 * PARALLEL_FROM) == 1  # asked for one process
    monkeypatch.setenv("SITDASH_WORKERS", "2")
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    assert workers_for(10 * PARALLEL_FROM) == 1  # forking beside another thread is unsafe


def _rows(db) -> dict:
    store = Store(db)
    rows = {}
    for table in TABLES:
        found = [{k: v for k, v in row.items() if k != "ingested"} for row in store.rows(table)]
        rows[table] = sorted(found, key=lambda r: str(r.get("id")))
    return rows


def test_a_large_ingest_on_two_cores_stores_what_one_process_stores(tmp_path, monkeypatch):
    if threading.active_count() > 1:
        pytest.skip("another thread runs in this test process: ingest would not fork")
    corpus = tmp_path / "corpus"
    write_corpus(corpus, docs=PARALLEL_FROM + 20, seed=11)
    monkeypatch.setenv("SITDASH_WORKERS", "2")
    assert workers_for(PARALLEL_FROM + 20) == 2
    calls = []
    real_map = parallel.map_in_order
    monkeypatch.setattr("sitdash.ingest.pipeline.map_in_order",
                        lambda work, items: calls.append(len(items)) or real_map(work, items))
    two = ingest_paths(Store(tmp_path / "two.json"), [corpus])
    monkeypatch.setenv("SITDASH_WORKERS", "1")
    one = ingest_paths(Store(tmp_path / "one.json"), [corpus])
    assert calls == [PARALLEL_FROM + 20] * 2
    assert two.added == one.added and two.claims == one.claims > 0
    assert _rows(tmp_path / "two.json") == _rows(tmp_path / "one.json")
