"""What is new since an analyst's last review: ingest times, review marks, the new-only and
include-undated filters, and review marks kept apart per analyst (and across processes)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import orjson
import pytest

from sitdash.ingest.pipeline import ingest_paths, rebuild_store
from sitdash.query import Filters, Index
from sitdash.stamps import later_stamp, parse_stamp
from sitdash.store import Store

MORNING = (
    "KHARKIV, Ukraine, April 6 (Wire) - Russian artillery shelled the northern districts of "
    "Kharkiv overnight, regional governor Oleh Syniehubov said on Wednesday.\n\n"
    "\"Two people were wounded in Saltivka,\" Syniehubov wrote on Telegram."
)
EVENING = (
    "ZAPORIZHZHIA, Ukraine, April 7 (Wire) - A missile struck an industrial site on the edge "
    "of Zaporizhzhia on Thursday, the city council said.\n\n"
    "Ukrainian troops repelled an assault near Huliaipole, the general staff said."
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store.json"


def test_ingest_stamps_documents_and_a_rebuild_keeps_the_stamp(db, tmp_path):
    store = Store(db, analyst="ana")
    ingest_paths(store, [write(tmp_path / "in", "a.txt", MORNING)])
    stamp = store.documents()[0]["ingested"]
    assert parse_stamp(stamp) is not None and parse_stamp(stamp).utcoffset().total_seconds() == 0
    rebuild_store(store)
    assert Store(db).documents()[0]["ingested"] == stamp


def test_without_a_mark_everything_stamped_is_new_and_a_mark_clears_it(db, tmp_path):
    store = Store(db, analyst="ana")
    ingest_paths(store, [write(tmp_path / "in", "a.txt", MORNING)])
    index = Index.from_store(store)
    assert index.new_claims == set(index.claims) and index.new_claims
    mark = store.mark_review(index.latest_ingest())
    assert mark["analyst"] == "ana" and mark["upto"] == store.documents()[0]["ingested"]
    index = Index.from_store(store)
    assert index.new_claims == set()
    ingest_paths(store, [write(tmp_path / "in2", "b.txt", EVENING)])
    index = Index.from_store(store)
    evening = {c["id"] for c in store.claims() if "Zaporizhzhia" in c["text"]
               or "Huliaipole" in c["text"]}
    assert index.new_claims == evening
    assert index.claim_ids(Filters(new_only=True)) == [c for c in index.order if c in evening]
    assert Filters(new_only=True).chips() == ["new only"]


def test_documents_without_an_ingest_time_are_never_new(db):
    store = Store(db)
    store.add_records(documents=[{"id": "old", "text": "t"}],
                      claims=[{"id": "c1", "doc_id": "old", "text": "t", "start": 0, "end": 1,
                               "source": "s", "source_kind": "media", "places": [],
                               "date": None}])
    assert Index.from_store(store).new_claims == set()


def test_review_marks_are_per_analyst_and_never_move_back(db, tmp_path):
    ana, ben = Store(db, analyst="ana"), Store(db, analyst="ben")
    ingest_paths(ana, [write(tmp_path / "in", "a.txt", MORNING)])
    first = ana.documents()[0]["ingested"]
    ana.mark_review(first)
    ben.refresh_derived()
    assert Index.from_store(ben).new_claims  # ben has not reviewed
    assert Index.from_store(Store(db, analyst="ana")).new_claims == set()
    # a review done on a view loaded before the first mark keeps the later cut-off
    assert ana.mark_review(None)["upto"] == first
    assert ana.mark_review("2000-01-01T00:00:00+00:00")["upto"] == first
    assert set(Store(db).review_marks()) == {"ana"}
    ben.mark_review(None)
    marks = Store(db).review_marks()
    assert set(marks) == {"ana", "ben"} and marks["ben"]["upto"] is None
    raw = orjson.loads(db.with_suffix(".analyst.json").read_bytes())
    assert len(raw["reviews"]) == 4  # every mark kept, the last one counts


def test_later_stamp_compares_times_not_strings():
    utc = "2022-04-07T10:00:00+00:00"
    kyiv = "2022-04-07T12:30:00+03:00"  # 09:30 UTC: earlier, though the string sorts later
    assert later_stamp(utc, kyiv) == utc and later_stamp(kyiv, utc) == utc
    assert later_stamp(None, kyiv) == kyiv and later_stamp("garbage", None) is None


def test_include_undated_lets_undated_claims_through_a_date_range():
    claims = {
        "a": {"id": "a", "doc_id": "d", "text": "x", "source": "s", "places": [],
              "date": "2022-04-07", "start": 0},
        "b": {"id": "b", "doc_id": "d", "text": "y", "source": "s", "places": [],
              "date": None, "start": 1},
        "c": {"id": "c", "doc_id": "d", "text": "z", "source": "s", "places": [],
              "date": "2022-03-01", "start": 2},
    }
    index = Index(documents={}, claims=claims, quotes=[], movements=[], events=[])
    ranged = Filters(date_from="2022-04-01")
    assert index.claim_ids(ranged) == ["a"]
    assert index.undated_hidden(ranged) == 1
    assert index.claim_ids(ranged.with_(include_undated=True)) == ["a", "b"]
    assert index.undated_hidden(ranged.with_(include_undated=True)) == 0
    assert index.undated_hidden(Filters()) == 0
    assert ranged.with_(include_undated=True).chips() == ["date: 2022-04-01..… +undated"]
    assert ranged.chips(undated_hidden=1) == ["date: 2022-04-01..…, 1 undated hidden"]
    saved = ranged.with_(include_undated=True, new_only=True)
    assert Filters.from_dict(saved.to_dict()) == saved
    assert Filters(include_undated=True).is_empty()


def _mark_many(path: str, who: str, start, count: int) -> None:
    store = Store(path, analyst=who)
    start.wait(60)
    for i in range(count):
        store.mark_review(f"2022-04-07T10:{i:02d}:00+00:00")
        store.add_note("c1", f"{who} note {i}")


def test_two_analysts_marking_reviews_in_two_processes_lose_nothing(tmp_path):
    path = str(tmp_path / "store.json")
    Store(path)
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    workers = [ctx.Process(target=_mark_many, args=(path, who, start, 25))
               for who in ("ana", "ben")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    store = Store(path)
    raw = orjson.loads(store.analyst_path.read_bytes())
    rows = list(raw["reviews"].values())
    for who in ("ana", "ben"):
        assert [r["upto"] for r in rows if r["analyst"] == who] == [
            f"2022-04-07T10:{i:02d}:00+00:00" for i in range(25)]
        assert store.review_mark(who)["upto"] == "2022-04-07T10:24:00+00:00"
        assert [n["author"] for n in store.notes() if n["text"].startswith(who)] == [who] * 25
