"""Kill mid-write: a writer killed with SIGKILL at random moments never loses a saved note or
review mark, never loses or duplicates an inbox file, and never leaves a store that will not open.

The writer is forked from this (already imported) process, so a hundred-odd kills cost well under
a minute. It adds notes, marks reviews and ingests small new articles in a loop, and reports on a
pipe each note, review mark and document id only after the call that saved it returned. After
each kill the parent checks: the store opens, every reported note, mark and document is there,
both files parse as JSON, and no temp file survives the open. An inbox writer takes files the
parent drops, and is killed the same way: every file is then in the inbox, in done/ with its
document stored, or in failed/ with its .reason, exactly once. (SITDASH_KILLS=600 makes a longer
local run.)

Then damaged, future and old store files as the command line reports them: one line on stderr,
the derived file moved aside and rebuilt, the analyst file never touched, older ones migrated
after a backup.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from sitdash.ingest.pipeline import ingest_paths
from sitdash.storage import SCHEMA_VERSION, stale_temps
from sitdash.store import Store

KILLS = int(os.environ.get("SITDASH_KILLS", "120"))  # more for a long local run
LIFETIME_MS = (20, 200)  # how long each writer lives before the SIGKILL
TIME_LIMIT_S = 60 * KILLS / 120

CLAIMS = [f"claim{n:02d}" for n in range(8)]
PLACES = ["Kharkiv", "Mykolaiv", "Izium", "Sumy", "Chernihiv", "Zaporizhzhia", "Kherson"]


def _article(tag: str, rng: random.Random) -> str:
    """A short, unique wire-style article (new text each time, so each ingest adds a document)."""
    place, other = rng.sample(PLACES, 2)
    return (
        f"{place.upper()}, Ukraine (Wire) — Russian forces shelled {place} overnight, "
        f"regional governor said on Telegram, in report {tag}.\n\n"
        f"\"We counted {rng.randint(2, 90)} strikes before dawn,\" a spokesman for the "
        f"regional administration told reporters.\n\n"
        f"Ukrainian units were seen moving from {other} toward {place}, a senior U.S. defense "
        f"official said on Friday."
    )


def _writer(path: Path, articles: Path, out_fd: int, seed: int) -> None:
    """Child body: write notes and ingest articles forever, reporting each after it returns."""
    rng = random.Random(seed)
    store = Store(path)
    n = 0
    while True:
        n += 1
        if rng.random() < 0.15:
            article = articles / f"{os.getpid()}-{n}.txt"
            article.write_text(_article(f"{seed}-{n}", rng), encoding="utf-8")
            report = ingest_paths(store, [article])
            for doc_id in report.added:
                os.write(out_fd, f"D {doc_id}\n".encode())
        elif rng.random() < 0.2:
            mark = store.mark_review(f"2022-04-07T10:00:00.{seed:03d}{n:03d}+00:00")
            os.write(out_fd, f"R {mark['id']}\n".encode())
        else:
            text = f"note {seed}-{n}: " + "x" * rng.randint(0, 400)
            note = store.add_note(rng.choice(CLAIMS), text)
            os.write(out_fd, f"N {note['id']}\n".encode())


def _spawn(path: Path, articles: Path, seed: int, body=None) -> tuple[int, int]:
    """Fork a writer; return (pid, read end of its report pipe)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        code = 0
        try:
            os.close(read_fd)
            (body or _writer)(path, articles, write_fd, seed)
        except BaseException as error:  # a writer error is a test failure: report it
            try:
                os.write(write_fd, f"E {type(error).__name__}: {error}\n".encode())
            except OSError:
                pass
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def _drain(fd: int) -> list[str]:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode().splitlines()


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")
def test_sigkill_at_random_moments_loses_no_saved_note(tmp_path):
    path = tmp_path / "store.json"
    articles = tmp_path / "articles"
    articles.mkdir()
    rng = random.Random(20260326)
    saved_notes: set[str] = set()
    saved_marks: set[str] = set()
    saved_docs: set[str] = set()
    temps_left = 0  # kills that landed between a temp file's creation and its rename
    kills = 0
    started = time.monotonic()
    for round_no in range(KILLS):
        pid, fd = _spawn(path, articles, seed=round_no)
        time.sleep(rng.uniform(*LIFETIME_MS) / 1000)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        lines = _drain(fd)
        errors = [line for line in lines if line.startswith("E ")]
        assert not errors, f"writer {round_no} failed: {errors}"
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        kills += 1
        saved_notes |= {line[2:] for line in lines if line.startswith("N ")}
        saved_marks |= {line[2:] for line in lines if line.startswith("R ")}
        saved_docs |= {line[2:] for line in lines if line.startswith("D ")}

        temps = stale_temps(path) + stale_temps(path.with_suffix(".analyst.json"))
        temps_left += bool(temps)
        for file in (path, path.with_suffix(".analyst.json")):
            if file.exists():  # the first writer may die before creating it
                json.loads(file.read_bytes())  # whole, never half-written
        store = Store(path)  # opens without error, and clears a dead writer's temp files
        assert not stale_temps(path) and not stale_temps(path.with_suffix(".analyst.json"))
        found = {note["id"] for note in store.notes()}
        missing = saved_notes - found
        assert not missing, f"after kill {kills}: {len(missing)} saved note(s) lost"
        stored_docs = {doc["id"] for doc in store.documents()}
        assert saved_docs <= stored_docs, f"after kill {kills}: an ingested document was lost"
        assert len(found) == len(store.notes())  # no duplicates
        marks = orjson.loads(store.analyst_path.read_bytes()).get("reviews", {}).values()
        marks_found = [m["id"] for m in marks]
        assert saved_marks <= set(marks_found), f"after kill {kills}: a review mark was lost"
        assert len(marks_found) == len(set(marks_found))
        if time.monotonic() - started > TIME_LIMIT_S:
            break  # bounded in time on a slow machine; the count below still has to be met

    elapsed = time.monotonic() - started
    print(f"\nkill loop: {kills} SIGKILLs survived in {elapsed:.1f} s; {len(saved_notes)} notes "
          f"reported saved, {len(found)} found; {len(saved_marks)} review marks; "
          f"{len(saved_docs)} documents ingested and found; "
          f"{temps_left} kills left a temp file mid-write (cleaned on open)")
    assert kills >= min(100, KILLS)
    assert saved_notes and saved_docs and saved_marks  # the writers really wrote
    assert len(found) >= len(saved_notes)  # a note saved but killed before its report is fine


def _inbox_writer(path: Path, inbox: Path, out_fd: int, seed: int) -> None:
    """Child body: take the inbox again and again (the files the parent dropped)."""
    from sitdash.inbox import Inbox

    store = Store(path)
    watcher = Inbox(inbox)
    while True:
        watcher.scan()
        report = watcher.take(store, watcher.scan())
        if report:
            os.write(out_fd, f"T {len(report.done)} {len(report.failed)}\n".encode())


def _where_is_every_file(inbox: Path) -> dict[bytes, list[Path]]:
    """Content -> the places a file with that content is (the inbox, done/, failed/)."""
    places: dict[bytes, list[Path]] = {}
    for folder in (inbox, inbox / "done", inbox / "failed"):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry.is_file() and not entry.name.startswith(".") and \
                    not entry.name.endswith(".reason"):
                places.setdefault(entry.read_bytes(), []).append(entry)
    return places


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")
def test_sigkill_while_taking_the_inbox_never_loses_or_duplicates_a_file(tmp_path):
    from sitdash.ingest.read import read_path

    path = tmp_path / "store.json"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    Store(path)
    rng = random.Random(20260327)
    dropped: dict[bytes, bool] = {}  # content -> readable
    rounds = max(40, KILLS // 2)
    started = time.monotonic()
    taken = stored_not_moved = 0
    for round_no in range(rounds):
        for k in range(rng.randint(1, 3)):
            good = rng.random() < 0.8
            content = (_article(f"inbox-{round_no}-{k}", rng).encode() if good
                       else b"\x00\x01 not an article " + str((round_no, k)).encode())
            name = f"wire-{k}.txt"  # names used before: clashes in done/ and failed/
            if (inbox / name).exists():  # still waiting in the inbox: never overwrite it here
                name = f"wire-{round_no}-{k}.txt"
            (inbox / name).write_bytes(content)
            dropped[content] = good
        pid, fd = _spawn(path, inbox, round_no, body=_inbox_writer)
        time.sleep(rng.uniform(*LIFETIME_MS) / 1000)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = _drain(fd)
        assert not [line for line in lines if line.startswith("E ")], lines
        taken += len(lines)

        store = Store(path)
        stored = {doc["id"] for doc in store.documents()}
        places = _where_is_every_file(inbox)
        for content, good in dropped.items():
            where = places.get(content, [])
            assert len(where) == 1, f"round {round_no}: a file is in {len(where)} places: {where}"
            spot = where[0]
            if spot.parent.name == "done":
                docs = read_path(spot).documents
                assert good and docs and {d.id for d in docs} <= stored
            elif spot.parent.name == "failed":
                assert not good and spot.with_name(spot.name + ".reason").exists()
            elif good and {d.id for d in read_path(spot).documents} <= stored:
                stored_not_moved += 1  # killed between the store write and the move
        if round_no % 5 == 4:  # sometimes the analyst empties the inbox by hand
            for content, where in places.items():
                if where[0].parent == inbox:
                    where[0].unlink()
                    del dropped[content]
        if time.monotonic() - started > TIME_LIMIT_S:
            break
    in_done = len(list((inbox / "done").glob("*.txt")))
    print(f"\ninbox kill loop: {round_no + 1} SIGKILLs, {len(dropped)} files dropped, "
          f"{in_done} in done/, {len(list((inbox / 'failed').glob('*.txt')))} in failed/; "
          f"{stored_not_moved} times a file was stored but not yet moved (taken again later)")
    assert taken and in_done  # the writer really took files


# -- corrupt, future and old stores, as the command line reports them --------------------------

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _sitdash(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitdash.cli", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "SITDASH_DB": ""})


@pytest.fixture
def noted_store(tmp_path) -> tuple[Path, str]:
    """A store of the seeds with one analyst note; (db path, claim id)."""
    db = tmp_path / "store.json"
    store = Store(db)
    ingest_paths(store, [SEEDS])
    claim_id = store.claims()[0]["id"]
    store.add_note(claim_id, "Kirby's figure matches the ISW map")
    return db, claim_id


def _one_line_error(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def _v(version) -> dict:
    return {"_meta": {"1": {"schema_version": version}}}


@pytest.mark.parametrize("damage, reason", [
    (lambda raw: b"\x89PNG\r\n\x1a\n\x00garbage\xff", "not valid JSON"),
    (lambda raw: raw[: len(raw) // 3], "not valid JSON"),
    (lambda raw: b"", "the file is empty"),
    (lambda raw: b"[1, 2, 3]", "expected a JSON object of tables"),
    (lambda raw: orjson.dumps({**_v(SCHEMA_VERSION),
                               "claims": {"1": {"text": "no id, no source"}}}),
     "lacks"),
    # damaged and from an older sitdash: the migration reports it, it does not fail on it
    (lambda raw: orjson.dumps({**_v(1), "claims": {"1": {"text": "no id, no source"}}}),
     "lacks"),
])
def test_damaged_derived_file_is_named_moved_aside_and_rebuilt(noted_store, damage, reason):
    db, claim_id = noted_store
    bad = damage(db.read_bytes())
    db.write_bytes(bad)
    result = _sitdash("claims", db=db)
    line = _one_line_error(result)
    assert result.returncode == 0
    assert line.startswith(f"sitdash: store file {db} is corrupt: ") and reason in line
    assert "moved it to" in line and "rebuilding from the bundled seeds" in line
    kept = [p for p in db.parent.iterdir() if p.name.startswith("store.json.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes() == bad  # the bad file is kept as found
    assert claim_id in result.stdout  # rebuilt from the seeds
    notes = _sitdash("note", "list", db=db)
    assert notes.returncode == 0 and "Kirby's figure matches the ISW map" in notes.stdout


@pytest.mark.parametrize("damage, reason", [
    (lambda raw: raw[:-7], "not valid JSON"),
    (lambda raw: b"\x00\x00garbage", "not valid JSON"),
    (lambda raw: orjson.dumps({**_v(SCHEMA_VERSION),
                               "notes": {"1": {"id": "n1", "text": "no claim"}}}),
     "lacks 'claim_id'"),
    (lambda raw: orjson.dumps(_v("two")), "not a version number"),
])
def test_damaged_analyst_file_is_refused_and_never_touched(noted_store, damage, reason):
    db, claim_id = noted_store
    analyst = db.with_suffix(".analyst.json")
    bad = damage(analyst.read_bytes())
    analyst.write_bytes(bad)
    derived = db.read_bytes()
    for args in (("claims",), ("note", "list"), ("note", "add", claim_id, "more"), ("export",)):
        result = _sitdash(*args, db=db)
        line = _one_line_error(result)
        assert result.returncode == 1
        assert line.startswith(f"sitdash: error: store file {analyst} is corrupt: ")
        assert reason in line and "analyst data left untouched" in line
    assert analyst.read_bytes() == bad and db.read_bytes() == derived
    assert not [p for p in db.parent.iterdir() if ".corrupt-" in p.name]


@pytest.mark.parametrize("which", ["store.json", "store.analyst.json"])
def test_store_from_a_future_sitdash_is_refused_untouched(noted_store, which):
    db, _ = noted_store
    target = db.with_name(which)
    raw = orjson.dumps({**orjson.loads(target.read_bytes()), **_v(9)})
    target.write_bytes(raw)
    result = _sitdash("claims", db=db)
    line = _one_line_error(result)
    assert result.returncode == 1
    assert line == (f"sitdash: error: store {target} was written by a newer sitdash (schema 9, "
                    f"this one reads up to {SCHEMA_VERSION}); upgrade sitdash")
    assert target.read_bytes() == raw


def test_version_0_files_are_migrated_from_the_command_line_after_a_backup(noted_store):
    db, claim_id = noted_store
    originals = {}
    for name in ("store.json", "store.analyst.json"):
        path = db.with_name(name)
        data = orjson.loads(path.read_bytes())
        del data["_meta"]  # what sitdash wrote before files were versioned
        data["_default"] = {}
        originals[path] = orjson.dumps(data)
        path.write_bytes(originals[path])
    result = _sitdash("note", "list", db=db)
    assert result.returncode == 0 and result.stderr == ""
    assert claim_id in result.stdout and "Kirby's figure" in result.stdout
    for path, raw in originals.items():
        backup = path.with_name(path.name + ".bak-v0")
        assert backup.read_bytes() == raw
        assert os.stat(backup).st_mode & 0o777 == 0o600
        assert orjson.loads(path.read_bytes())["_meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_both_files_damaged_rebuilds_the_derived_one_and_refuses_the_analyst_one(noted_store):
    db, _ = noted_store
    analyst = db.with_suffix(".analyst.json")
    bad_analyst = analyst.read_bytes()[:-3]
    analyst.write_bytes(bad_analyst)
    db.write_bytes(b"{\"claims\": ")
    result = _sitdash("brief", db=db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    moved, refused = result.stderr.splitlines()
    assert "moved it to" in moved and f"store file {analyst} is corrupt" in refused
    assert analyst.read_bytes() == bad_analyst


def test_notes_on_a_users_own_articles_come_back_after_a_rebuild_and_reingest(tmp_path):
    """After a corrupt derived file, re-ingesting the user's folder reattaches their notes."""
    db = tmp_path / "store.json"
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "kherson.txt").write_text(
        "KHERSON, Ukraine (AP) — Ukrainian forces advanced toward Kherson on Friday, the "
        "regional administration said.\n\nResidents reported explosions near the airport.",
        encoding="utf-8")
    assert _sitdash("ingest", str(folder), db=db).returncode == 0
    store = Store(db)
    claim_id = store.claims()[0]["id"]
    store.add_note(claim_id, "Confirmed by drone footage")
    db.write_bytes(b"\x00garbage")
    result = _sitdash("note", "list", db=db)
    assert "run `sitdash ingest` on your article folders again" in _one_line_error(result)
    assert "(claim gone)" in result.stdout  # kept, but its article is not in the store now
    assert _sitdash("ingest", str(folder), db=db).returncode == 0
    relisted = _sitdash("note", "list", db=db).stdout
    assert "Confirmed by drone footage" in relisted and "(claim gone)" not in relisted
    assert Store(db).orphan_notes() == []


def test_rows_lacking_fields_that_have_a_model_default_are_read_with_the_default(tmp_path):
    """An older or hand-made file whose rows lack optional fields (places, hedges, captions...)
    is read, not refused, and never crashes a command."""
    db = tmp_path / "store.json"
    Store(db).add_records(
        documents=[{"id": "d1", "text": "Kyiv was shelled on Monday, the mayor said."}],
        claims=[{"id": "c1", "doc_id": "d1", "text": "Kyiv was shelled on Monday, the mayor said.",
                 "start": 0, "end": 43, "source": "the mayor", "source_kind": "named official"}])
    for args in (("claims",), ("brief",), ("export",), ("export", "--format", "md"),
                 ("export", "--format", "csv"), ("note", "add", "c1", "seen"), ("note", "list")):
        result = _sitdash(*args, db=db)
        assert result.returncode == 0 and result.stderr == "", (args, result.stderr)
    exported = orjson.loads(_sitdash("export", db=db).stdout)
    assert exported["claims"][0]["places"] == [] and exported["claims"][0]["kind"] == "statement"
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_a_damaged_analyst_file_from_an_older_sitdash_is_not_migrated(noted_store):
    db, _ = noted_store
    analyst = db.with_suffix(".analyst.json")
    bad = orjson.dumps({**_v(1), "notes": {"1": {"id": "n1", "text": "no claim"}}})
    analyst.write_bytes(bad)
    result = _sitdash("note", "list", db=db)
    line = _one_line_error(result)
    assert result.returncode == 1 and "lacks 'claim_id'" in line
    assert analyst.read_bytes() == bad
