"""The orjson TinyDB storage: atomic replace, crashes, memory reads, deferral, locks, quarantine."""

import multiprocessing
import os
import signal
import stat
import time
from pathlib import Path

import orjson
import pytest
from tinydb.table import Table

from sitdash import storage
from sitdash.storage import (
    FileLock,
    OrjsonStorage,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    atomic_write,
    quarantine,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def make_storage(tmp_path: Path, content: dict | None = None) -> OrjsonStorage:
    path = tmp_path / "store.json"
    if content is not None:
        path.write_bytes(orjson.dumps(content))
    return OrjsonStorage(path, FileLock(tmp_path / "store.lock"))


def test_atomic_write_creates_user_only_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a.json"
    old_umask = os.umask(0o000)  # even a permissive umask must not widen the mode
    try:
        atomic_write(target, b'{"x": 1}')
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b'{"x": 1}'
    assert mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_temp_file_is_user_only_before_it_is_renamed(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append((Path(src).parent, mode(src)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write(tmp_path / "a.json", b"{}")
    assert seen == [(tmp_path, 0o600)]  # same directory, so the rename is atomic


def test_failed_replace_keeps_old_file_intact_and_cleans_temp(tmp_path, monkeypatch):
    st = make_storage(tmp_path, {"claims": {"1": {"id": "c1", "text": "Old sentence."}}})
    before = st.path.read_bytes()

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        Table(st, "claims").insert({"id": "c2", "text": "New sentence."})
    assert st.path.read_bytes() == before
    assert orjson.loads(st.path.read_bytes())["claims"]["1"]["id"] == "c1"
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []
    # memory went back to what is on disk, so reads agree with the file
    assert [r["id"] for r in Table(st, "claims").all()] == ["c1"]


def _slow_writer(path: str, ready) -> None:
    """Child: start rewriting a big store, signal half-way through the write, then hang."""
    st = OrjsonStorage(Path(path), FileLock(Path(path).with_suffix(".lock")))
    real_fsync = os.fsync

    def stall(fd):
        ready.set()
        time.sleep(60)
        real_fsync(fd)

    os.fsync = stall
    rows = {str(i): {"id": f"new{i}", "text": "x" * 400} for i in range(20000)}
    st.write({"claims": rows})


def test_killed_writer_leaves_old_file_parseable(tmp_path):
    path = tmp_path / "store.json"
    old = {"claims": {"1": {"id": "c1", "text": "Kharkiv governor said shelling continued."}}}
    path.write_bytes(orjson.dumps(old))
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Event()
    child = ctx.Process(target=_slow_writer, args=(str(path), ready))
    child.start()
    assert ready.wait(30), "child never reached the write"
    os.kill(child.pid, signal.SIGKILL)
    child.join(10)
    assert orjson.loads(path.read_bytes()) == old
    leftovers = [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
    assert len(leftovers) == 1  # the dead writer's temp file, never the store itself
    storage.remove_stale_temps(path)
    assert [p for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_file_is_parsed_once_and_reads_come_from_memory(tmp_path, monkeypatch):
    st = make_storage(tmp_path, {"claims": {str(i): {"id": f"c{i}"} for i in range(1, 51)}})
    calls = []
    real_loads = orjson.loads
    monkeypatch.setattr(orjson, "loads", lambda raw: calls.append(1) or real_loads(raw))
    table = Table(st, "claims")
    for _ in range(20):
        assert len(table.all()) == 50
    table.insert({"id": "c51"})
    assert len(table) == 51
    assert calls == []


def test_deferred_writes_once_and_nothing_on_error(tmp_path):
    st = make_storage(tmp_path, {})
    with st.deferred():
        for i in range(10):
            Table(st, "quotes").insert({"id": f"q{i}"})
        assert st.writes == 0
    assert st.writes == 1
    assert len(orjson.loads(st.path.read_bytes())["quotes"]) == 10
    before = st.path.read_bytes()
    with pytest.raises(RuntimeError), st.deferred():
        Table(st, "quotes").insert({"id": "q-bad"})
        raise RuntimeError("extractor blew up")
    assert st.writes == 1
    assert st.path.read_bytes() == before
    assert len(Table(st, "quotes")) == 10  # memory rolled back too


def test_refuses_to_overwrite_a_file_another_process_replaced(tmp_path):
    st = make_storage(tmp_path, {"claims": {}})
    other = make_storage(tmp_path)
    Table(other, "claims").insert({"id": "from-other-session"})
    assert st.changed_on_disk()
    with pytest.raises(StoreError, match="changed by another sitdash process"):
        Table(st, "claims").insert({"id": "mine"})
    assert [r["id"] for r in Table(st, "claims").all()] == ["from-other-session"]


def test_refresh_reports_changes_by_stat_only(tmp_path):
    st = make_storage(tmp_path, {"notes": {}})
    assert st.refresh() is False
    other = make_storage(tmp_path)
    Table(other, "notes").insert({"id": "n1"})
    assert st.refresh() is True
    assert st.refresh() is False
    assert len(Table(st, "notes")) == 1


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b'{"claims": {"1": {"id": "c1", "text": "Russian forces withdr', "not valid JSON"),
        (b"\x00\x00\x00\x00", "not valid JSON"),
        (b"", "empty"),
        (b"[1, 2, 3]", "expected a JSON object"),
        (b'{"claims": [1]}', "not an object"),
        (b'{"claims": {"1": "text"}}', "not an object"),
    ],
)
def test_corrupt_file_raises_one_line_and_is_not_modified(tmp_path, raw, reason):
    path = tmp_path / "store.json"
    path.write_bytes(raw)
    with pytest.raises(StoreCorrupt) as info:
        OrjsonStorage(path, FileLock(tmp_path / "store.lock"))
    assert reason in info.value.reason
    assert "\n" not in str(info.value)
    assert info.value.path == path
    assert path.read_bytes() == raw


def test_quarantine_moves_file_aside_and_keeps_it(tmp_path):
    path = tmp_path / "store.json"
    path.write_bytes(b"garbage")
    path.chmod(0o644)
    moved = quarantine(path)
    assert not path.exists()
    assert moved.read_bytes() == b"garbage"
    assert moved.name.startswith("store.json.corrupt-")
    assert mode(moved) == 0o600
    path.write_bytes(b"more garbage")  # a second quarantine in the same second keeps both
    again = quarantine(path)
    assert again != moved and again.read_bytes() == b"more garbage" and moved.exists()


def test_file_lock_is_reentrant_and_user_only(tmp_path):
    lock = FileLock(tmp_path / "x.lock")
    with lock, lock:
        assert lock.held
    assert not lock.held
    assert mode(tmp_path / "x.lock") == 0o600


def _hold_lock(path: str, ready, release) -> None:
    with FileLock(Path(path)):
        ready.set()
        release.wait(30)


def test_file_lock_excludes_other_processes_and_times_out(tmp_path):
    ctx = multiprocessing.get_context("fork")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(tmp_path / "x.lock"), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(StoreLocked, match="held by another sitdash process"):
            with FileLock(tmp_path / "x.lock", timeout=0.2):
                pass
    finally:
        release.set()
        holder.join(10)
    with FileLock(tmp_path / "x.lock", timeout=5):
        pass


# -- values the file cannot keep (found by running TinyDB's own test suite on OrjsonStorage) ----

UNSTORABLE = {
    "nan": ({"score": float("nan")}, "'score': nan is not a finite number"),
    "inf": ({"score": float("inf")}, "'score': inf is not a finite number"),
    "minus-inf": ({"size": -float("inf")}, "'size': -inf is not a finite number"),
    "nan in a list": ({"figures": [1.5, float("nan")]}, "'figures': nan is not a finite number"),
    "int key": ({"counts": {1: "one"}}, "'counts': the key 1 is not text"),
    "nested int key": ({"meta": {"by": {("a", 1): 2}}}, "the key ('a', 1) is not text"),
    "int beyond 64 bits": ({"size": 2**64}, "'size': the integer 18446744073709551616 is beyond"),
    "negative int beyond 64 bits": ({"size": -(2**63) - 1}, "is beyond 64 bits"),
    "a set": ({"tags": {"a"}}, "'tags': a set is not a JSON value"),
    "an object": ({"when": object()}, "'when': a object is not a JSON value"),
}


def on_disk(st: OrjsonStorage) -> dict:
    return orjson.loads(st.path.read_bytes())


@pytest.mark.parametrize("bad", UNSTORABLE.values(), ids=list(UNSTORABLE))
def test_refused_value_leaves_memory_equal_to_disk_and_later_writes_work(tmp_path, bad):
    fields, reason = bad
    st = make_storage(tmp_path)
    claims = Table(st, "claims")
    claims.insert({"id": "c1", "score": 0.5})
    with pytest.raises(storage.UnstorableValue) as refused:
        claims.insert({"id": "c2", **fields})
    message = str(refused.value)
    assert "\n" not in message and reason in message and "table 'claims'" in message
    assert message.endswith("nothing was written")
    assert isinstance(refused.value, StoreError)  # the CLI prints it as one line
    assert st.read() == on_disk(st)  # the rejected row is gone from memory too
    assert [r["id"] for r in Table(st, "claims").all()] == ["c1"]
    Table(st, "claims").insert({"id": "c3", "score": 1.0})  # the next write is not poisoned
    assert [r["id"] for r in Table(st, "claims").all()] == ["c1", "c3"]
    assert st.read() == on_disk(st)


def test_refused_value_is_also_the_type_error_tinydb_callers_expect(tmp_path):
    st = make_storage(tmp_path)
    with pytest.raises(TypeError):
        Table(st, "t").insert({"key": {7: "seven"}})
    with pytest.raises(ValueError):
        Table(st, "t").insert({"value": float("nan")})


def test_refused_value_in_a_deferred_block_rolls_back_the_whole_block(tmp_path):
    st = make_storage(tmp_path)
    Table(st, "quotes").insert({"id": "q0"})
    with pytest.raises(storage.UnstorableValue), st.deferred():
        Table(st, "quotes").insert({"id": "q1"})
        Table(st, "quotes").insert({"id": "q2", "score": float("nan")})
        Table(st, "quotes").insert({"id": "q3"})
    assert [r["id"] for r in Table(st, "quotes").all()] == ["q0"]
    assert st.read() == on_disk(st) and st.writes == 1


def test_finite_floats_and_64_bit_integers_round_trip_exactly(tmp_path):
    row = {"x": 0.1, "big": 2**64 - 1, "small": -(2**63), "neg": -0.0, "tiny": 5e-324,
           "nested": {"list": [1, 2.5, None, True, "s"], "tuple": (1, 2)}}
    st = make_storage(tmp_path)
    Table(st, "t").insert(row)
    again = make_storage(tmp_path)
    assert Table(again, "t").all() == [{**row, "nested": {**row["nested"], "tuple": [1, 2]}}]


def test_unstorable_names_the_table_and_field():
    data = {"claims": {"1": {"id": "c1", "score": 0.5}}, "quotes": {"1": {"score": float("inf")}}}
    assert storage.unstorable(data) == "table 'quotes', field 'score': inf is not a finite number"
    assert storage.unstorable({"claims": {"1": {"id": "c1", "places": ["Kyiv"]}}}) is None
