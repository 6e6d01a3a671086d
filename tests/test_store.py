"""The Store: derived tables, batching, replacement, versions, corruption, analyst data apart."""

import os
import stat

import orjson
import pytest

from sitdash import storage
from sitdash.model import Claim, Document, Movement, Quote, to_dict
from sitdash.store import Store, StoreCorrupt, StoreError, quarantine

ARTICLES = {
    "wire": "KYIV, March 3 (Reuters) - Ukrainian forces withdrew from the village of Robotyne, "
    "the military said on Sunday.",
    "briefing": "A senior U.S. defense official, speaking on condition of anonymity, said about "
    "3,000 Russian troops had repositioned toward Belgorod.",
    "liveblog": "10:42 BST - Kharkiv governor Oleh Syniehubov says two people were wounded in "
    "overnight shelling of the city.",
    "telegram": "Governor of Zaporizhzhia Oblast: enemy drones struck energy infrastructure in "
    "the district tonight. No casualties.",
    "translated": "Las tropas rusas se retiraron, según fuentes militares: Russian troops "
    "withdrew from positions near Kherson, according to military sources cited by the daily.",
}


def records(doc_id: str, style: str = "wire", n_claims: int = 2) -> dict:
    """One document's rows, shaped exactly as the ingest writes them (model dataclasses)."""
    text = ARTICLES[style]
    doc = Document(
        id=doc_id, text=text, title=f"{style} {doc_id}", outlet=style, published="2024-03-03"
    )
    claims = [
        Claim(
            id=f"{doc_id}-c{i}",
            doc_id=doc_id,
            text=text,
            start=0,
            end=len(text),
            source=style,
            source_kind="media",
            places=["Kherson"],
            date="2024-03-03",
            date_precision="day",
            date_text="on Sunday",
        )
        for i in range(n_claims)
    ]
    quote = Quote(
        id=f"{doc_id}-q0",
        doc_id=doc_id,
        claim_id=claims[0].id,
        text="withdrew",
        speaker="the military",
        speaker_kind="institution",
        start=5,
        end=13,
    )
    move = Movement(
        id=f"{doc_id}-m0",
        doc_id=doc_id,
        claim_id=claims[0].id,
        actor="Ukrainian forces",
        origin="Robotyne",
        destination=None,
        kind="withdraw",
        size=None,
        date="2024-03-03",
        hedged=False,
        start=0,
        end=20,
    )
    return {
        "documents": [to_dict(doc)],
        "claims": [to_dict(c) for c in claims],
        "quotes": [to_dict(quote)],
        "movements": [to_dict(move)],
    }


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "data" / "sitdash" / "store.json"


@pytest.fixture
def writes(monkeypatch):
    """Every atomic write as (file name, bytes)."""
    log = []
    real = storage.atomic_write

    def spy(path, payload):
        log.append((path.name, len(payload)))
        real(path, payload)

    monkeypatch.setattr(storage, "atomic_write", spy)
    return log


def test_new_store_creates_dirs_and_user_only_files(db):
    store = Store(db)
    assert store.path == db and store.analyst_path == db.parent / "store.analyst.json"
    assert db.exists() and store.analyst_path.exists()
    for path in (db, store.analyst_path, db.parent / "store.lock"):
        assert mode(path) == 0o600, path
    assert store.counts() == {
        "documents": 0,
        "claims": 0,
        "quotes": 0,
        "events": 0,
        "movements": 0,
        "signals": 0,
        "speakers": 0,
        "developments": 0,
        "contradictions": 0,
        "notes": 0,
    }
    assert orjson.loads(db.read_bytes())["_meta"]["1"]["schema_version"] == storage.SCHEMA_VERSION


def test_open_removes_temp_files_left_by_a_crashed_writer(db):
    Store(db).add_records(**records("d1"))
    leftover = db.with_name(".store.json.tmp-4242-0")
    leftover.write_bytes(b'{"claims": {"1": {"id": "half-writ')
    store = Store(db)
    assert not leftover.exists() and store.has_document("d1")


def test_records_round_trip_with_provenance(db):
    store = Store(db)
    store.add_records(**records("d-wire", "wire"))
    store.add_records(**records("d-tg", "telegram", n_claims=3))
    reopened = Store(db)
    assert reopened.counts()["claims"] == 5
    claim = next(c for c in reopened.claims() if c["id"] == "d-tg-c2")
    assert (claim["doc_id"], claim["start"], claim["end"]) == ("d-tg", 0, len(ARTICLES["telegram"]))
    assert claim["text"] == ARTICLES["telegram"]
    assert Document(**reopened.documents()[0]).outlet == "wire"  # rows rebuild the records
    assert Movement(**reopened.movements()[0]).kind == "withdraw"
    assert reopened.has_document("d-tg") and not reopened.has_document("d-other")


def test_returned_rows_are_copies(db):
    store = Store(db)
    store.add_records(**records("d1"))
    store.claims()[0]["text"] = "tampered"
    assert store.claims()[0]["text"] == ARTICLES["wire"]


def test_adding_a_stored_document_again_replaces_its_rows(db):
    store = Store(db)
    store.add_records(**records("d1", "wire", n_claims=3))
    store.add_records(**records("d2", "liveblog"))
    store.add_records(**records("d1", "wire", n_claims=1))  # re-extracted with fewer claims
    counts = store.counts()
    assert (counts["documents"], counts["claims"], counts["quotes"], counts["movements"]) == (
        2,
        3,
        2,
        2,
    )
    assert sorted(c["id"] for c in Store(db).claims()) == ["d1-c0", "d2-c0", "d2-c1"]


def test_same_document_twice_in_one_batch_is_not_duplicated(db):
    store = Store(db)
    with store.batch():
        store.add_records(**records("d1", n_claims=2))
        assert store.has_document("d1")
        store.add_records(**records("d1", n_claims=2))
    assert store.counts()["claims"] == 2 and store.counts()["documents"] == 1


def test_remove_document_takes_its_rows_only(db):
    store = Store(db)
    store.add_records(**records("d1", "briefing"))
    store.add_records(**records("d2", "translated"))
    store.remove_document("d1")
    reopened = Store(db)
    assert {r["doc_id"] for r in reopened.claims() + reopened.quotes() + reopened.movements()} == {
        "d2"
    }
    assert [d["id"] for d in reopened.documents()] == ["d2"]
    assert not reopened.has_document("d1")


def test_replace_events_swaps_the_whole_table(db):
    store = Store(db)
    store.replace_events([{"id": "e1", "claim_ids": ["a"]}, {"id": "e2", "claim_ids": ["b"]}])
    store.replace_events([{"id": "e3", "claim_ids": ["a", "b"]}])
    assert [e["id"] for e in Store(db).events()] == ["e3"]


def test_batch_is_one_atomic_write(db, writes):
    store = Store(db)
    writes.clear()
    with store.batch():
        for i, style in enumerate(ARTICLES):
            if not store.has_document(f"d{i}"):
                store.add_records(**records(f"d{i}", style))
        store.replace_events([{"id": "e1", "claim_ids": [c["id"] for c in store.claims()]}])
        store.remove_document("d4")
    assert [name for name, _ in writes] == ["store.json"]
    assert Store(db).counts()["claims"] == 8


def test_exception_inside_batch_writes_nothing_and_rolls_back(db, writes):
    store = Store(db)
    store.add_records(**records("d1"))
    before = db.read_bytes()
    writes.clear()
    with pytest.raises(RuntimeError), store.batch():
        store.add_records(**records("d2"))
        store.remove_document("d1")
        store.claims()  # forces the queued rows into memory
        store.replace_events([{"id": "e"}])
        raise RuntimeError("extractor crashed half-way")
    assert writes == [] and db.read_bytes() == before
    assert store.has_document("d1") and not store.has_document("d2")
    assert [c["doc_id"] for c in store.claims()] == ["d1", "d1"] and store.events() == []


def test_note_save_writes_only_the_analyst_file(tmp_path, writes):
    sizes = []
    for n_docs in (1, 400):
        db = tmp_path / f"s{n_docs}" / "store.json"
        store = Store(db)
        with store.batch():
            for i in range(n_docs):
                store.add_records(**records(f"d{i}", "liveblog", n_claims=5))
        before = os.stat(db)
        writes.clear()
        store.add_note("d0-c0", "Cross-checked against the governor's Telegram post.", author="ana")
        after = os.stat(db)
        assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
            before.st_ino,
            before.st_mtime_ns,
            before.st_size,
        )
        assert [name for name, _ in writes] == ["store.analyst.json"]
        sizes.append(writes[0][1])
    assert sizes[0] == sizes[1]  # bytes per note save do not grow with the claims (5 vs 2000)


def test_clear_derived_never_touches_analyst_data(db):
    store = Store(db)
    store.add_records(**records("d1"))
    store.add_note("d1-c0", "keep")
    store.set_grade("d1-c0", "B", "2")
    analyst_bytes = store.analyst_path.read_bytes()
    store.clear_derived()
    assert store.counts()["claims"] == 0 and store.analyst_path.read_bytes() == analyst_bytes
    assert Store(db).judgement("d1-c0")["reliability"] == "B"


def test_derived_reads_are_served_from_memory(db, monkeypatch):
    Store(db).add_records(**records("d1"))
    store = Store(db)
    parsed = []
    real = orjson.loads
    monkeypatch.setattr(orjson, "loads", lambda raw: parsed.append(1) or real(raw))
    for _ in range(10):
        store.claims(), store.documents(), store.counts(), store.has_document("d1")
    with store.batch():
        store.add_records(**records("d2"))
    assert parsed == []


def test_refresh_derived_sees_another_sessions_ingest(db):
    viewer = Store(db)
    Store(db).add_records(**records("d9", "telegram"))
    assert not viewer.has_document("d9")
    assert viewer.refresh_derived() is True and viewer.has_document("d9")
    assert viewer.refresh_derived() is False


def test_concurrent_ingest_is_refused_not_lost(db):
    first, second = Store(db), Store(db)
    first.add_records(**records("d1"))
    with pytest.raises(StoreError, match="changed by another sitdash process"):
        second.add_records(**records("d2"))
    assert [d["id"] for d in Store(db).documents()] == ["d1"]
    assert not second.has_document("d2")  # rolled back to what is on disk


def test_future_version_is_refused_untouched(db):
    db.parent.mkdir(parents=True)
    raw = orjson.dumps({"_meta": {"1": {"schema_version": 9}}, "claims": {}, "sightings": {}})
    db.write_bytes(raw)
    with pytest.raises(StoreError) as info:
        Store(db)
    assert str(info.value) == (
        f"store {db} was written by a newer sitdash (schema 9, this one reads up to 3); "
        "upgrade sitdash"
    )
    assert db.read_bytes() == raw


def test_version_0_store_is_migrated_after_a_backup(db, writes):
    db.parent.mkdir(parents=True)
    v0 = {
        "_default": {},
        "claims": {"1": {"id": "c1", "doc_id": "d1", "text": "t"}},
        "documents": {"1": {"id": "d1", "text": "t"}},
    }
    raw = orjson.dumps(v0)
    db.write_bytes(raw)
    db.chmod(0o644)
    store = Store(db)
    backup = db.with_name("store.json.bak-v0")
    assert backup.read_bytes() == raw and mode(backup) == 0o600
    assert mode(db) == 0o600
    on_disk = orjson.loads(db.read_bytes())
    assert on_disk["_meta"]["1"]["schema_version"] == storage.SCHEMA_VERSION
    assert "_default" not in on_disk
    assert store.claims() == [{"id": "c1", "doc_id": "d1", "text": "t"}] and store.has_document(
        "d1"
    )
    writes.clear()
    Store(db)  # already current: nothing rewritten
    assert writes == []


def test_migrations_run_in_order_up_to_the_current_version(db, monkeypatch):
    from sitdash import store as store_mod

    Store(db).add_records(**records("d1"))
    monkeypatch.setattr(storage, "SCHEMA_VERSION", 4)

    def v3_to_v4(data):  # e.g. a renamed field
        for row in data["claims"].values():
            row["sentence"] = row.pop("text")
        return data

    monkeypatch.setattr(store_mod, "DERIVED_MIGRATIONS",
                        [*store_mod.DERIVED_MIGRATIONS, v3_to_v4])
    monkeypatch.setattr("sitdash.analyst.ANALYST_MIGRATIONS", [lambda d: d] * 4)
    store = Store(db)
    assert all("sentence" in c and "text" not in c for c in store.claims())
    assert db.with_name("store.json.bak-v3").exists()
    assert db.with_name("store.analyst.json.bak-v3").exists()
    assert orjson.loads(db.read_bytes())["_meta"]["1"]["schema_version"] == 4


def test_version_1_store_gets_ingest_times_and_review_tables_after_a_backup(db):
    """Stores from before ingest times: their documents are never "new"; analyst data kept."""
    db.parent.mkdir(parents=True)
    v1 = {"_meta": {"1": {"schema_version": 1}},
          "documents": {"1": {"id": "d1", "text": "t"}}, "claims": {}, "quotes": {},
          "events": {}, "movements": {}}
    analyst_v1 = {"_meta": {"1": {"schema_version": 1}}, "judgements": {}, "history": {},
                  "notes": {"1": {"id": "n1", "claim_id": "c1", "author": "ana",
                                  "time": "2022-04-07T09:00:00+00:00", "text": "kept"}}}
    db.write_bytes(orjson.dumps(v1))
    db.with_suffix(".analyst.json").write_bytes(orjson.dumps(analyst_v1))
    store = Store(db)
    assert store.documents()[0]["ingested"] is None
    assert [n["text"] for n in store.notes()] == ["kept"]
    assert store.review_marks() == {} and store.corrections() == {}
    on_disk = orjson.loads(db.with_suffix(".analyst.json").read_bytes())
    assert on_disk["_meta"]["1"]["schema_version"] == storage.SCHEMA_VERSION
    assert on_disk["reviews"] == {} and on_disk["corrections"] == {}
    assert orjson.loads(db.with_name("store.json.bak-v1").read_bytes()) == v1
    assert orjson.loads(db.with_name("store.analyst.json.bak-v1").read_bytes()) == analyst_v1


def test_truncated_derived_file_is_reported_and_quarantined(db):
    store = Store(db)
    store.add_records(**records("d1"))
    store.add_note("d1-c0", "analyst work survives a bad derived file")
    damaged = db.read_bytes()[: len(db.read_bytes()) // 2]
    db.write_bytes(damaged)
    with pytest.raises(StoreCorrupt) as info:
        Store(db)
    assert info.value.path == db and "\n" not in str(info.value)
    assert db.read_bytes() == damaged
    moved = quarantine(info.value.path)
    assert moved.name.startswith("store.json.corrupt-") and moved.read_bytes() == damaged
    rebuilt = Store(db)
    rebuilt.add_records(**records("d1"))
    assert [n["text"] for n in rebuilt.notes()] == ["analyst work survives a bad derived file"]
    assert rebuilt.orphan_notes() == []


def test_refused_record_in_a_batch_leaves_the_store_as_it_was(db, writes):
    store = Store(db)
    store.add_records(**records("d1"))
    store.add_note("d1-c0", "checked")
    before, analyst_before = db.read_bytes(), store.analyst_path.read_bytes()
    good, bad = records("d2"), records("d3")
    bad["claims"][1]["quantities"] = [float("nan")]  # a value JSON cannot keep
    writes.clear()
    with pytest.raises(StoreError, match=r"table 'claims', field 'quantities': nan"):
        with store.batch():
            store.add_records(**good)
            store.remove_document("d1")
            store.add_records(**bad)
            store.replace_events([{"id": "e1", "claim_ids": ["d2-c0", "d3-c1"]}])
    assert writes == [] and db.read_bytes() == before
    assert store.analyst_path.read_bytes() == analyst_before
    # Memory matches the file: nothing of d2/d3, d1 still there, and no half-applied removal.
    assert store.has_document("d1") and not store.has_document("d2")
    assert not store.has_document("d3")
    assert [c["doc_id"] for c in store.claims()] == ["d1", "d1"] and store.events() == []
    assert store.counts() == Store(db).counts()
    store.add_records(**good)  # the store still takes good records afterwards
    assert sorted({c["doc_id"] for c in Store(db).claims()}) == ["d1", "d2"]
