"""Analyst data (notes, statuses, Admiralty grades, review marks, document corrections and
their history) in a file of its own, each change signed with the analyst's name."""

from __future__ import annotations

import getpass
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb.table import Table

from sitdash.model import CORRECTABLE, CREDIBILITY, RELIABILITY, SIDES, STATUSES
from sitdash.stamps import later_stamp
from sitdash.storage import (
    Data,
    FileLock,
    OrjsonStorage,
    RecordInvalid,
    StoreCorrupt,
    StoreError,
    lacking,
    open_versioned,
)

NOTES, JUDGEMENTS, HISTORY = "notes", "judgements", "history"
REVIEWS, CORRECTIONS = "reviews", "corrections"
SPEAKER_SIDES = "speaker_sides"  # the analyst's side for a speaker, by speaker key
NOTE_FIELDS = ("id", "claim_id", "author", "time", "text")  # the shape of model.Note
REQUIRED_FIELDS = {
    NOTES: frozenset({"id", "claim_id", "text"}),
    JUDGEMENTS: frozenset({"claim_id"}),
    REVIEWS: frozenset({"analyst", "time"}),
    CORRECTIONS: frozenset({"doc_id"}),
    SPEAKER_SIDES: frozenset({"speaker", "side"}),
}
DEFAULT_STATUS = STATUSES[0]
MAX_NAME = 64


def _v0_to_v1(data: Data) -> Data:
    """Version 0 had no _meta table; make sure the three tables exist."""
    for name in (NOTES, JUDGEMENTS, HISTORY):
        data.setdefault(name, {})
    data.pop("_default", None)
    return data


def _v1_to_v2(data: Data) -> Data:
    """Version 2 adds review marks and document corrections."""
    for name in (REVIEWS, CORRECTIONS):
        data.setdefault(name, {})
    return data


def _v2_to_v3(data: Data) -> Data:
    """Version 3 adds the analyst's sides for speakers. A damaged file is not rewritten: the
    analyst decides what to do with it."""
    for name, required in REQUIRED_FIELDS.items():
        for row in data.get(name, {}).values():
            problem = lacking(name, row, required)
            if problem:
                raise RecordInvalid(problem)
    data.setdefault(SPEAKER_SIDES, {})
    return data


ANALYST_MIGRATIONS = [_v0_to_v1, _v1_to_v2, _v2_to_v3]


class NoteNotFound(StoreError, KeyError):
    """No current note has that id."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


def analyst_name(value: object) -> str:
    """An analyst's name, checked: one line of printable text, at most MAX_NAME characters.
    Raises ValueError with a message for the user."""
    name = value.strip() if isinstance(value, str) else ""
    if not name:
        raise ValueError("the analyst name is empty")
    if len(name) > MAX_NAME:
        raise ValueError(f"the analyst name is longer than {MAX_NAME} characters")
    if not name.isprintable():  # newlines, escapes, bidi controls: it is shown on screens
        raise ValueError(f"the analyst name {name!r} holds control characters")
    return name


def default_author() -> str:
    """The login name, which is who an analyst is unless they say otherwise."""
    try:
        return analyst_name(getpass.getuser())
    except Exception:  # no passwd entry and no LOGNAME/USER (some containers), or a strange one
        return f"uid-{os.getuid()}"  # still one name per account, so review marks stay apart


def now_iso() -> str:
    """Local time now, ISO 8601 with its UTC offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def empty_judgement() -> dict[str, str | None]:
    return {"status": DEFAULT_STATUS, "reliability": None, "credibility": None}


def as_note(row: dict) -> dict:
    """A stored note row in model.Note's shape."""
    return {key: row.get(key) for key in NOTE_FIELDS}


class AnalystData:
    """Notes and judgements, kept in `path` beside the derived store.

    Reads come from memory (`refresh()` picks up other processes' changes). Every change re-reads
    the file under the store lock, applies itself, and writes once before returning.
    """

    def __init__(self, path: Path, lock: FileLock, analyst: str | None = None):
        self.path = path
        self.lock = lock
        self.analyst = analyst_name(analyst) if analyst else default_author()  # signs changes
        self.storage = OrjsonStorage(path, lock)
        open_versioned(self.storage, ANALYST_MIGRATIONS)
        self._indexed_generation = -1
        self._notes: list[dict] = []
        self._judgements: dict[str, dict] = {}
        self._sides: dict[str, str] = {}

    # -- reading -----------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Re-read the file if another process changed it; True if it did."""
        return self.storage.refresh()

    def notes(self, claim_id: str | None = None) -> list[dict]:
        """Current (not deleted) notes, oldest first, optionally for one claim."""
        self._index()
        return [
            as_note(row) for row in self._notes if claim_id is None or row["claim_id"] == claim_id
        ]

    def judgement(self, claim_id: str) -> dict[str, str | None]:
        self._index()
        return dict(self._judgements.get(claim_id) or empty_judgement())

    def judgements(self) -> dict[str, dict[str, str | None]]:
        self._index()
        return {claim_id: dict(j) for claim_id, j in self._judgements.items()}

    def speaker_sides(self) -> dict[str, str]:
        """speaker key -> the side the analyst gave it."""
        self._index()
        return dict(self._sides)

    def history(self, claim_id: str | None = None) -> list[dict]:
        """Every analyst change in the order it was made."""
        rows = self._rows(HISTORY)
        return [dict(r) for r in rows if claim_id is None or r.get("claim_id") == claim_id]

    def check_records(self) -> None:
        """Raise StoreCorrupt naming a note or judgement that lacks a field readers rely on."""
        data = self.storage.read() or {}
        for name, required in REQUIRED_FIELDS.items():
            for row in data.get(name, {}).values():
                problem = lacking(name, row, required)
                if problem:
                    raise StoreCorrupt(self.path, problem)

    # -- changing ----------------------------------------------------------------------------------
    def add_note(self, claim_id: str, text: str, author: str | None = None) -> dict:
        text = _note_text(text)
        if not claim_id:
            raise ValueError("a note needs the id of the claim it is about")
        author = author or self.analyst
        with self._change():
            row = {
                "id": uuid.uuid4().hex,
                "claim_id": claim_id,
                "author": author,
                "time": now_iso(),
                "text": text,
                "deleted": False,
            }
            self._table(NOTES).insert(row)
            self._record(row["author"], claim_id, "note-add", None, text, row["time"], row["id"])
        return as_note(row)

    def edit_note(self, note_id: str, text: str, author: str | None = None) -> dict:
        text = _note_text(text)
        author = author or self.analyst
        with self._change():
            table = self._table(NOTES)
            doc_id, row = self._find_note(table, note_id)
            if row["text"] != text:
                when = now_iso()
                self._record(author, row["claim_id"], "note-edit", row["text"], text, when, note_id)
                row = {**row, "text": text, "edited": when, "edited_by": author}
                table.update(row, doc_ids=[doc_id])
        return as_note(row)

    def delete_note(self, note_id: str, author: str | None = None) -> None:
        """Soft delete: the note stops being current but stays in the file and its history."""
        author = author or self.analyst
        with self._change():
            table = self._table(NOTES)
            doc_id, row = self._find_note(table, note_id)
            when = now_iso()
            table.update(
                {"deleted": True, "deleted_at": when, "deleted_by": author}, doc_ids=[doc_id]
            )
            self._record(author, row["claim_id"], "note-delete", row["text"], None, when, note_id)

    def set_status(self, claim_id: str, status: str, author: str | None = None) -> dict:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        return self._judge(claim_id, {"status": status}, "status", author)

    def set_grade(
        self, claim_id: str, reliability: str, credibility: str, author: str | None = None
    ) -> dict:
        """Admiralty grade: source reliability A-F and information credibility 1-6."""
        rel, cred = str(reliability).strip().upper(), str(credibility).strip()
        if rel not in RELIABILITY:
            raise ValueError(
                f"reliability must be one of {', '.join(RELIABILITY)}, not {reliability!r}"
            )
        if cred not in CREDIBILITY:
            raise ValueError(
                f"credibility must be one of {', '.join(CREDIBILITY)}, not {credibility!r}"
            )
        return self._judge(claim_id, {"reliability": rel, "credibility": cred}, "grade", author)

    # -- review marks ------------------------------------------------------------------------------
    def mark_review(self, upto: str | None, analyst: str | None = None) -> dict:
        """Record that `analyst` finished a review of everything ingested up to `upto` (a stamp;
        None when nothing they saw had an ingest time). A mark never moves back: a review done
        on an older view keeps the later cut-off of an earlier mark."""
        analyst = analyst or self.analyst
        with self._change():
            previous = self._latest_review(analyst)
            if previous is not None:
                upto = later_stamp(previous.get("upto"), upto)
            row = {"id": uuid.uuid4().hex, "analyst": analyst, "time": now_iso(), "upto": upto}
            self._table(REVIEWS).insert(row)
        return dict(row)

    def review_mark(self, analyst: str | None = None) -> dict | None:
        """The last review mark of `analyst` (this session's analyst by default), or None."""
        found = self._latest_review(analyst or self.analyst)
        return dict(found) if found else None

    def review_marks(self) -> dict[str, dict]:
        """Every analyst's last review mark, by name."""
        latest: dict[str, tuple[int, dict]] = {}
        for key, row in self._keyed_rows(REVIEWS):
            name = row.get("analyst")
            if name and (name not in latest or key > latest[name][0]):
                latest[name] = (key, row)
        return {name: dict(row) for name, (_, row) in latest.items()}

    def _latest_review(self, analyst: str) -> dict | None:
        best: tuple[int, dict] | None = None
        for key, row in self._keyed_rows(REVIEWS):
            if row.get("analyst") == analyst and (best is None or key > best[0]):
                best = (key, row)
        return best[1] if best else None

    # -- document corrections ----------------------------------------------------------------------
    def correct_document(self, doc_id: str, changes: dict[str, str | None],
                         before: dict[str, str | None] | None = None,
                         author: str | None = None) -> dict[str, str | None]:
        """Keep the analyst's corrections of a document's title, outlet, date or URL (re-applied
        whenever the document is extracted again); `before` is what the document said."""
        unknown = set(changes) - set(CORRECTABLE)
        if unknown or not changes:
            raise ValueError(f"a correction changes some of {', '.join(CORRECTABLE)}")
        if not doc_id:
            raise ValueError("a correction needs the id of the document it is about")
        author = author or self.analyst
        with self._change():
            table = self._table(CORRECTIONS)
            found = [doc for doc in table if doc.get("doc_id") == doc_id]
            when = now_iso()
            row = {**(dict(found[0]) if found else {"doc_id": doc_id}), **changes,
                   "author": author, "time": when}
            if found:
                table.update(row, doc_ids=[found[0].doc_id])
            else:
                table.insert(row)
            self._record(author, None, "doc-correct", dict(before or {}), dict(changes), when,
                         None, doc_id=doc_id)
        return self.corrections().get(doc_id, {})

    def corrections(self) -> dict[str, dict[str, str | None]]:
        """Document id -> the fields the analysts corrected, with their values."""
        return {row["doc_id"]: {key: row[key] for key in CORRECTABLE if key in row}
                for row in self._rows(CORRECTIONS) if row.get("doc_id")}

    def set_speaker_side(self, key: str, name: str, side: str | None,
                         author: str | None = None) -> dict:
        """Give a speaker (by speaker key) a side, or None to go back to the inferred one; the
        change is kept in the history like a status change."""
        if side is not None and side not in SIDES:
            raise ValueError(f"side must be one of {', '.join(SIDES)}, not {side!r}")
        if not key:
            raise ValueError("a side needs the speaker it is about")
        author = author or self.analyst
        with self._change():
            table = self._table(SPEAKER_SIDES)
            found = [doc for doc in table if doc.get("speaker") == key]
            before = found[0].get("side") if found else None
            if before != side:
                if found and side is None:
                    table.remove(doc_ids=[found[0].doc_id])
                elif found:
                    table.update({"side": side, "name": name}, doc_ids=[found[0].doc_id])
                else:
                    table.insert({"speaker": key, "name": name, "side": side})
                self._record(author, None, "speaker-side", before, side, now_iso(), None,
                             speaker=key, name=name)
        return {"speaker": key, "name": name, "side": side}

    # -- internals ---------------------------------------------------------------------------------
    @contextmanager
    def _change(self) -> Iterator[None]:
        """Lock, re-read the file (never trust the cache for a write), apply, write once."""
        with self.lock:
            self.storage.reload()
            with self.storage.deferred():
                yield

    def _table(self, name: str) -> Table:
        # A fresh Table each time: TinyDB caches the next id per Table object, which would be
        # stale after another process added rows.
        return Table(self.storage, name)

    def _rows(self, name: str) -> list[dict]:
        data = self.storage.read() or {}
        return list(data.get(name, {}).values())

    def _keyed_rows(self, name: str) -> list[tuple[int, dict]]:
        """Rows with their TinyDB ids (which grow with every insert: the later, the larger)."""
        data = self.storage.read() or {}
        out = []
        for key, row in list(data.get(name, {}).items()):
            try:
                out.append((int(key), row))
            except ValueError:
                continue
        return out

    def _find_note(self, table: Table, note_id: str) -> tuple[int, dict]:
        for doc in table:
            if doc.get("id") == note_id and not doc.get("deleted"):
                return doc.doc_id, dict(doc)
        raise NoteNotFound(f"no current note with id {note_id}")

    def _judge(self, claim_id: str, change: dict, action: str, author: str | None) -> dict:
        if not claim_id:
            raise ValueError("a judgement needs the id of the claim it is about")
        author = author or self.analyst
        with self._change():
            table = self._table(JUDGEMENTS)
            found = [doc for doc in table if doc.get("claim_id") == claim_id]
            current = {**empty_judgement(), **(dict(found[0]) if found else {})}
            current.pop("claim_id", None)
            after = {**current, **change}
            if after != current:
                old, new = {key: current[key] for key in change}, dict(change)
                if action == "status":  # plain strings read better in the history than dicts
                    old, new = old["status"], new["status"]
                row = {"claim_id": claim_id, **after}
                if found:
                    table.update(row, doc_ids=[found[0].doc_id])
                else:
                    table.insert(row)
                self._record(author, claim_id, action, old, new, now_iso(), None)
        return self.judgement(claim_id)

    def _record(
        self, author: str, claim_id: str | None, action: str, before: Any, after: Any, when: str,
        note_id, doc_id: str | None = None, **about: str,
    ) -> None:
        entry = {
            "time": when,
            "author": author,
            "claim_id": claim_id,
            "action": action,
            "before": before,
            "after": after,
            "note_id": note_id,
        }
        if doc_id is not None:
            entry["doc_id"] = doc_id
        entry.update(about)  # a speaker-side change: the speaker key and name
        self._table(HISTORY).insert(entry)

    def _index(self) -> None:
        """Rebuild the read indexes when the data changed since they were built."""
        if self._indexed_generation == self.storage.generation:
            return
        self._notes = [row for row in self._rows(NOTES) if not row.get("deleted")]
        self._judgements = {}
        for row in self._rows(JUDGEMENTS):
            self._judgements[row["claim_id"]] = {key: row.get(key) for key in empty_judgement()}
        self._sides = {row["speaker"]: row["side"] for row in self._rows(SPEAKER_SIDES)
                       if row.get("side") in SIDES}
        self._indexed_generation = self.storage.generation


def _note_text(text: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ValueError("a note needs some text")
    return text
