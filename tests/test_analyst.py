"""Analyst data: notes, statuses, grades, history, two sessions at once, a damaged file."""

import getpass
import multiprocessing
import os
import stat
from datetime import datetime
from pathlib import Path

import orjson
import pytest

from sitdash.analyst import NoteNotFound
from sitdash.store import Store, StoreCorrupt, StoreError, quarantine

CLAIM = "c-kupiansk-0412"
OTHER = "c-kherson-ferry"


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "store.json")
    s.add_records(
        documents=[{"id": "d1", "text": "..."}],
        claims=[
            {
                "id": CLAIM,
                "doc_id": "d1",
                "text": "Ukrainian forces pulled back from two villages "
                "east of Kupiansk, the General Staff said.",
                "start": 0,
                "end": 80,
            },
            {
                "id": OTHER,
                "doc_id": "d1",
                "text": "Russian troops were seen crossing on ferries near "
                "Kherson, according to a regional official on Telegram.",
                "start": 82,
                "end": 190,
            },
        ],
    )
    return s


def test_note_has_author_time_and_id(store):
    note = store.add_note(CLAIM, "Matches the ISW map from the same evening.")
    assert set(note) == {"id", "claim_id", "author", "time", "text"}  # model.Note's fields
    assert note["author"] == getpass.getuser()
    assert len(note["id"]) == 32 and int(note["id"], 16) >= 0
    when = datetime.fromisoformat(note["time"])
    assert when.tzinfo is not None
    assert store.add_note(CLAIM, "second", author="olena")["author"] == "olena"
    assert [n["text"] for n in store.notes(CLAIM)] == [
        "Matches the ISW map from the same evening.",
        "second",
    ]
    assert store.notes(OTHER) == []


def test_notes_are_durable_when_the_call_returns(store):
    store.add_note(OTHER, "Ferry sightings unconfirmed by Ukrainian Navy.", author="mark")
    reopened = Store(store.path)
    assert [(n["author"], n["text"]) for n in reopened.notes()] == [
        ("mark", "Ferry sightings unconfirmed by Ukrainian Navy.")
    ]


def test_edit_keeps_old_text_in_history(store):
    note = store.add_note(CLAIM, "Two villages.", author="ana")
    edited = store.edit_note(note["id"], "Three villages, per the evening update.", author="ben")
    assert edited["text"] == "Three villages, per the evening update."
    assert edited["author"] == "ana"  # the note's author; the editor is in the history
    assert [n["text"] for n in Store(store.path).notes(CLAIM)] == [edited["text"]]
    last = store.history(CLAIM)[-1]
    assert (last["action"], last["author"], last["before"], last["after"]) == (
        "note-edit",
        "ben",
        "Two villages.",
        "Three villages, per the evening update.",
    )
    assert last["note_id"] == note["id"]


def test_delete_is_soft_and_kept_in_history(store):
    keep = store.add_note(CLAIM, "keep me")
    gone = store.add_note(CLAIM, "typo note")
    store.delete_note(gone["id"], author="ana")
    assert [n["id"] for n in store.notes()] == [keep["id"]]
    raw = orjson.loads(store.analyst_path.read_bytes())
    assert any(r["id"] == gone["id"] and r["deleted"] for r in raw["notes"].values())
    assert store.history()[-1]["action"] == "note-delete"
    assert store.history()[-1]["before"] == "typo note"
    with pytest.raises(NoteNotFound):
        store.edit_note(gone["id"], "revive")
    with pytest.raises(NoteNotFound):
        store.delete_note("no-such-note")


def test_empty_note_is_refused(store):
    with pytest.raises(ValueError):
        store.add_note(CLAIM, "   \n")
    assert store.notes() == [] and store.history() == []


def test_status_changes_are_validated_and_recorded(store):
    assert store.judgement(CLAIM) == {
        "status": "unverified",
        "reliability": None,
        "credibility": None,
    }
    store.set_status(CLAIM, "corroborated", author="ana")
    store.set_status(CLAIM, "disputed", author="ben")
    store.set_status(CLAIM, "disputed", author="ben")  # no change, no history entry
    with pytest.raises(ValueError, match="status must be one of"):
        store.set_status(CLAIM, "probably")
    assert store.judgement(CLAIM)["status"] == "disputed"
    changes = [(h["author"], h["before"], h["after"]) for h in store.history(CLAIM)]
    assert changes == [("ana", "unverified", "corroborated"), ("ben", "corroborated", "disputed")]


def test_grades_use_admiralty_scale_and_keep_history(store):
    store.set_grade(OTHER, "c", 3, author="ana")  # lenient about case and type
    store.set_grade(OTHER, "B", "2", author="ana")
    for bad in (("G", "2"), ("B", "7"), ("", "1"), ("AB", "1")):
        with pytest.raises(ValueError):
            store.set_grade(OTHER, *bad)
    assert store.judgement(OTHER) == {
        "status": "unverified",
        "reliability": "B",
        "credibility": "2",
    }
    grades = [(h["before"], h["after"]) for h in store.history(OTHER) if h["action"] == "grade"]
    assert grades == [
        ({"reliability": None, "credibility": None}, {"reliability": "C", "credibility": "3"}),
        ({"reliability": "C", "credibility": "3"}, {"reliability": "B", "credibility": "2"}),
    ]
    store.set_status(OTHER, "false")
    assert Store(store.path).judgements() == {
        OTHER: {"status": "false", "reliability": "B", "credibility": "2"}
    }


def test_history_entries_have_the_documented_keys(store):
    store.add_note(CLAIM, "n")
    store.set_status(CLAIM, "corroborated")
    for entry in store.history():
        assert {"time", "author", "claim_id", "action", "before", "after"} <= set(entry)


def test_orphan_notes_are_kept_and_reported(store):
    kept = store.add_note(CLAIM, "on a claim that will vanish")
    store.add_note(OTHER, "on a claim that stays")
    with store.batch():
        store.clear_derived()
        store.add_records(
            documents=[{"id": "d1", "text": "..."}],
            claims=[{"id": OTHER, "doc_id": "d1", "text": "t", "start": 0, "end": 1}],
        )
    assert [n["id"] for n in store.orphan_notes()] == [kept["id"]]
    assert len(store.notes()) == 2


def test_other_session_notes_are_picked_up_by_refresh(store):
    mine = Store(store.path)
    assert mine.refresh_analyst() is False
    store.add_note(CLAIM, "from the other SSH session", author="ben")
    assert mine.notes() == []  # served from memory until refreshed
    assert mine.refresh_analyst() is True
    assert [n["author"] for n in mine.notes()] == ["ben"]
    assert mine.refresh_analyst() is False


def test_write_rereads_the_file_so_a_stale_cache_loses_nothing(store):
    stale = Store(store.path)
    store.add_note(CLAIM, "first, by ben", author="ben")
    stale.add_note(CLAIM, "second, by ana", author="ana")  # never refreshed, must not clobber
    assert [n["author"] for n in Store(store.path).notes()] == ["ben", "ana"]


def _add_notes(path: str, who: str, start, count: int) -> None:
    store = Store(path)
    start.wait(60)  # both sessions open, then race
    for i in range(count):
        store.add_note(f"claim-{i % 7}", f"{who} note {i}", author=who)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_two_processes_adding_notes_lose_nothing(tmp_path, method):
    path = str(tmp_path / "store.json")
    Store(path)
    ctx = multiprocessing.get_context(method)
    start = ctx.Barrier(2)
    workers = [
        ctx.Process(target=_add_notes, args=(path, who, start, 50)) for who in ("ana", "ben")
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    notes = Store(path).notes()
    assert len(notes) == 100
    assert len({n["id"] for n in notes}) == 100
    for who in ("ana", "ben"):
        mine = [n["text"] for n in notes if n["author"] == who]
        assert mine == [f"{who} note {i}" for i in range(50)]  # each session's order preserved
    assert len(Store(path).history()) == 100


def test_garbage_analyst_file_is_refused_never_overwritten(tmp_path):
    store = Store(tmp_path / "store.json")
    store.add_note("c1", "precious")
    analyst = store.analyst_path
    damaged = analyst.read_bytes()[:-9]  # truncated, as by a full disk under a careless editor
    analyst.write_bytes(damaged)
    with pytest.raises(StoreCorrupt) as info:
        Store(tmp_path / "store.json")
    assert info.value.path == analyst
    assert analyst.read_bytes() == damaged
    with pytest.raises(StoreCorrupt):  # a live session cannot overwrite it either
        store.add_note("c1", "another")
    assert analyst.read_bytes() == damaged
    moved = quarantine(info.value.path)
    assert moved.read_bytes() == damaged and stat.S_IMODE(os.stat(moved).st_mode) == 0o600
    fresh = Store(tmp_path / "store.json")
    assert fresh.notes() == [] and Path(moved).exists()


def test_analyst_file_from_newer_sitdash_is_refused(tmp_path):
    Store(tmp_path / "store.json")
    analyst = tmp_path / "store.analyst.json"
    raw = orjson.dumps({"_meta": {"1": {"schema_version": 9}}, "notes": {}})
    analyst.write_bytes(raw)
    with pytest.raises(StoreError, match=r"newer sitdash \(schema 9, this one reads up to 3\)"):
        Store(tmp_path / "store.json")
    assert analyst.read_bytes() == raw


def test_speaker_sides_are_analyst_data_with_history(store, tmp_path):
    key = "p:aleksandr fomin"
    store.set_speaker_side(key, "Alexander Fomin", "other", author="ana")
    store.set_speaker_side(key, "Alexander Fomin", "ru", author="ana")
    assert Store(tmp_path / "store.json").speaker_sides() == {key: "ru"}  # durable
    changes = [h for h in store.history() if h["action"] == "speaker-side"]
    assert [(h["before"], h["after"], h["speaker"]) for h in changes] == [
        (None, "other", key), ("other", "ru", key)]
    store.set_speaker_side(key, "Alexander Fomin", None, author="ana")  # back to inferred
    assert store.speaker_sides() == {}
    assert [h["after"] for h in store.history() if h["action"] == "speaker-side"][-1] is None
    with pytest.raises(ValueError, match="side must be one of"):
        store.set_speaker_side(key, "Alexander Fomin", "martian")
    store.clear_derived()  # a rebuild never touches them
    store.set_speaker_side(key, "Alexander Fomin", "ua")
    assert store.speaker_sides() == {key: "ua"}
