"""The durable store: derived tables (re-creatable from seeds) in TinyDB, analyst data kept apart.

`<db>` holds documents, claims, quotes, events and movements; `<db stem>.analyst.json` holds
notes, statuses, grades, review marks, document corrections and their history, so a rebuild or a
bad ingest never touches them and a note save never rewrites the claims. Both files are written
atomically under `<db stem>.lock`. A Store works for one analyst (`analyst`, by default the login
name): their name signs every change, and their review mark is the one `review_mark()` returns.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

from tinydb.table import Table

from sitdash import model
from sitdash.analyst import AnalystData, NoteNotFound
from sitdash.storage import (
    Data,
    FileLock,
    OrjsonStorage,
    RecordInvalid,
    StoreChanged,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    lacking,
    open_versioned,
    quarantine,
)

DOCUMENTS, CLAIMS, QUOTES, EVENTS, MOVEMENTS = (
    "documents",
    "claims",
    "quotes",
    "events",
    "movements",
)
SIGNALS, SPEAKERS, DEVELOPMENTS, CONTRADICTIONS = (
    "signals", "speakers", "developments", "contradictions")
# Consolidated across documents, recomputed at every write (sitdash/consolidate.py).
CONSOLIDATED = (SPEAKERS, DEVELOPMENTS, CONTRADICTIONS)
DERIVED_TABLES = (DOCUMENTS, CLAIMS, QUOTES, EVENTS, MOVEMENTS, SIGNALS) + CONSOLIDATED
# Rows that belong to one document.
PER_DOCUMENT = (DOCUMENTS, CLAIMS, QUOTES, MOVEMENTS, SIGNALS)


RECORDS = {
    DOCUMENTS: model.Document,
    CLAIMS: model.Claim,
    QUOTES: model.Quote,
    EVENTS: model.Event,
    MOVEMENTS: model.Movement,
    SIGNALS: model.Signal,
    SPEAKERS: model.Speaker,
    DEVELOPMENTS: model.Development,
    CONTRADICTIONS: model.Contradiction,
}


def _required_fields(record: type) -> frozenset[str]:
    """The fields of a model record that have no default: every reader may rely on them."""
    return frozenset(
        f.name for f in fields(record) if f.default is MISSING and f.default_factory is MISSING
    )


def _default_makers(record: type) -> dict[str, Callable[[], Any]]:
    """Field name -> a function giving its default, for the fields that have one."""
    makers: dict[str, Callable[[], Any]] = {}
    for f in fields(record):
        if f.default_factory is not MISSING:
            makers[f.name] = f.default_factory
        elif f.default is not MISSING:
            makers[f.name] = lambda value=f.default: value
    return makers


REQUIRED_FIELDS = {name: _required_fields(record) for name, record in RECORDS.items()}
DEFAULTS = {name: _default_makers(record) for name, record in RECORDS.items()}
ALL_FIELDS = {name: frozenset(f.name for f in fields(record)) for name, record in RECORDS.items()}


def _v0_to_v1(data: Data) -> Data:
    """Version 0 was TinyDB's default layout without a _meta table."""
    if not data.get("_default"):
        data.pop("_default", None)
    for name in DERIVED_TABLES:
        data.setdefault(name, {})
    return data


def _v1_to_v2(data: Data) -> Data:
    """Version 2 stamps documents with their ingest time; older ones have none (never "new")."""
    for row in data.get(DOCUMENTS, {}).values():
        row.setdefault("ingested", None)
    return data


# The fields the version 3 migration reads, by table.
_MIGRATION_READS = {
    DOCUMENTS: frozenset({"id"}),
    CLAIMS: frozenset({"id", "doc_id"}),
    MOVEMENTS: frozenset({"id", "doc_id", "claim_id", "kind"}),
    EVENTS: frozenset({"id", "type"}),
}


def _v2_to_v3(data: Data) -> Data:
    """Version 3 adds per-claim signals and the consolidated tables (speakers, developments,
    contradictions), computed here from the stored records so an existing store has them."""
    from sitdash.consolidate import event_types_of, signals_of, update
    from sitdash.speakers import find_wire

    def rows(name: str) -> list[dict]:
        found = list(data.get(name, {}).values())
        for row in found:  # what this step reads must be there (in check_records' words)
            problem = lacking(name, row, _MIGRATION_READS[name])
            if problem:
                raise RecordInvalid(problem)
        return found

    documents = {doc["id"]: doc for doc in rows(DOCUMENTS)}
    for doc in documents.values():
        doc["wire"] = find_wire(doc)
    signals = signals_of(rows(CLAIMS), documents, event_types_of(rows(EVENTS)))
    data[SIGNALS] = _tinydb_table(signals)
    tables = update({name: rows(name) for name in (DOCUMENTS, CLAIMS, MOVEMENTS, EVENTS)}
                    | {SIGNALS: signals})
    for name, table in tables.items():
        data[name] = _tinydb_table(table)
    return data


def _tinydb_table(rows: list[dict]) -> dict[str, dict]:
    """Rows in TinyDB's layout: {"1": row, "2": row, ...}."""
    return {str(n): row for n, row in enumerate(rows, 1)}


DERIVED_MIGRATIONS = [_v0_to_v1, _v1_to_v2, _v2_to_v3]


def _doc_key(table: str, row: dict) -> str | None:
    """The document a row belongs to: its own id for documents, doc_id for the rest."""
    return row.get("id") if table == DOCUMENTS else row.get("doc_id")


class Store:
    """TinyDB store of one corpus: derived tables in `path`, analyst data beside it."""

    def __init__(self, path: str | os.PathLike, analyst: str | None = None):
        self.path = Path(path).expanduser()
        self.analyst_path = self.path.with_suffix(".analyst.json")
        self.lock_path = self.path.with_suffix(".lock")
        if self.analyst_path == self.path:
            raise StoreError(f"store {self.path} would share a file with its analyst data")
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._lock = FileLock(self.lock_path)
        self._derived = OrjsonStorage(self.path, self._lock)
        open_versioned(self._derived, DERIVED_MIGRATIONS)
        self._analyst = AnalystData(self.analyst_path, self._lock, analyst)
        self.analyst = self._analyst.analyst
        self._batch_depth = 0
        self._pending: dict[str, list[dict]] = {name: [] for name in PER_DOCUMENT}
        self._pending_ids: set[str] = set()  # documents added in this batch, not yet in the tables
        self._removals: set[str] = set()  # documents whose stored rows go at the end of the batch
        self._doc_ids: set[str] = set()
        self._index_documents()

    # -- batching ----------------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[Store]:
        """Defer derived-table writes to one atomic write at the end; an error writes nothing."""
        self._batch_depth += 1
        try:
            with self._derived.deferred():
                yield self
                if self._batch_depth == 1:
                    self._apply_pending()
        except BaseException:
            if self._batch_depth == 1:
                self._discard_pending()
            raise
        finally:
            self._batch_depth -= 1

    # -- derived data: writing ---------------------------------------------------------------------
    def add_records(
        self,
        documents: Iterable[dict] = (),
        claims: Iterable[dict] = (),
        quotes: Iterable[dict] = (),
        movements: Iterable[dict] = (),
        signals: Iterable[dict] = (),
    ) -> None:
        """Insert rows; a document already stored is replaced, with all its rows, not duplicated."""
        rows = {DOCUMENTS: list(documents), CLAIMS: list(claims), QUOTES: list(quotes)}
        rows[MOVEMENTS] = list(movements)
        rows[SIGNALS] = list(signals)
        with self.batch():
            for doc in rows[DOCUMENTS]:
                if doc.get("id") in self._doc_ids:
                    self._forget_document(doc["id"])
            for name, new in rows.items():
                self._pending[name].extend(new)
            added = {doc.get("id") for doc in rows[DOCUMENTS]}
            self._pending_ids |= added
            self._doc_ids |= added

    def remove_document(self, doc_id: str) -> None:
        """Remove a document with its claims, quotes and movements (events are recomputed apart)."""
        with self.batch():
            self._forget_document(doc_id)

    def replace_events(self, events: Iterable[dict]) -> None:
        """Events are recomputed over all claims, so they are replaced wholesale."""
        self.replace_table(EVENTS, events)

    def replace_table(self, name: str, rows: Iterable[dict]) -> None:
        """Replace a table computed over the whole store (events, the consolidated tables)."""
        if name not in (EVENTS, *CONSOLIDATED):
            raise ValueError(f"table {name!r} is not replaced wholesale")
        rows = list(rows)
        with self.batch():
            table = self._table(name)
            table.truncate()
            table.insert_multiple(rows)

    def clear_derived(self) -> None:
        """Empty every derived table, for a rebuild; analyst data is never touched."""
        with self.batch():
            self._discard_pending()
            for name in DERIVED_TABLES:
                self._table(name).truncate()
            self._doc_ids.clear()

    # -- derived data: reading (from memory) -------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return doc_id in self._doc_ids

    def rows(self, name: str) -> list[dict]:
        """The stored rows of a derived table without copying them: for readers that build
        their own indexes (query.Index) and never modify a row. Use documents() etc. otherwise."""
        if name not in DERIVED_TABLES:
            raise ValueError(f"no derived table {name!r}")
        self._apply_pending()
        return list((self._derived.read() or {}).get(name, {}).values())

    def documents(self) -> list[dict]:
        return self._all(DOCUMENTS)

    def claims(self) -> list[dict]:
        return self._all(CLAIMS)

    def quotes(self) -> list[dict]:
        return self._all(QUOTES)

    def movements(self) -> list[dict]:
        return self._all(MOVEMENTS)

    def developments(self) -> list[dict]:
        return self._all(DEVELOPMENTS)

    def contradictions(self) -> list[dict]:
        return self._all(CONTRADICTIONS)

    def speakers(self) -> list[dict]:
        return self._all(SPEAKERS)

    def events(self) -> list[dict]:
        return self._all(EVENTS)

    def counts(self) -> dict[str, int]:
        self._apply_pending()
        data = self._derived.read() or {}
        counts = {name: len(data.get(name, {})) for name in DERIVED_TABLES}
        counts["notes"] = len(self._analyst.notes())
        return counts

    def refresh_derived(self) -> bool:
        """Re-read the derived file if another process (an ingest) replaced it; True if it did."""
        if self._batch_depth:
            return False
        changed = self._derived.refresh()
        if changed:
            self._index_documents()
        return changed

    # -- analyst data: every call is durable when it returns ---------------------------------------
    def add_note(self, claim_id: str, text: str, author: str | None = None) -> dict:
        return self._analyst.add_note(claim_id, text, author)

    def edit_note(self, note_id: str, text: str, author: str | None = None) -> dict:
        return self._analyst.edit_note(note_id, text, author)

    def delete_note(self, note_id: str, author: str | None = None) -> None:
        self._analyst.delete_note(note_id, author)

    def notes(self, claim_id: str | None = None) -> list[dict]:
        return self._analyst.notes(claim_id)

    def set_status(self, claim_id: str, status: str, author: str | None = None) -> dict:
        return self._analyst.set_status(claim_id, status, author)

    def set_grade(
        self, claim_id: str, reliability: str, credibility: str, author: str | None = None
    ) -> dict:
        return self._analyst.set_grade(claim_id, reliability, credibility, author)

    def judgement(self, claim_id: str) -> dict:
        return self._analyst.judgement(claim_id)

    def judgements(self) -> dict[str, dict]:
        return self._analyst.judgements()

    def set_speaker_side(self, key: str, name: str, side: str | None,
                         author: str | None = None) -> dict:
        """The analyst's side for a speaker (None: back to the inferred side)."""
        return self._analyst.set_speaker_side(key, name, side, author)

    def speaker_sides(self) -> dict[str, str]:
        """speaker key -> side, as the analyst corrected them."""
        return self._analyst.speaker_sides()

    def history(self, claim_id: str | None = None) -> list[dict]:
        return self._analyst.history(claim_id)

    def mark_review(self, upto: str | None, analyst: str | None = None) -> dict:
        return self._analyst.mark_review(upto, analyst)

    def review_mark(self, analyst: str | None = None) -> dict | None:
        return self._analyst.review_mark(analyst)

    def review_marks(self) -> dict[str, dict]:
        return self._analyst.review_marks()

    def correct_document(self, doc_id: str, changes: dict, before: dict | None = None,
                         author: str | None = None) -> dict:
        return self._analyst.correct_document(doc_id, changes, before, author)

    def corrections(self) -> dict[str, dict]:
        return self._analyst.corrections()

    def orphan_notes(self) -> list[dict]:
        """Notes on claims the derived store no longer has: kept, reported."""
        self._apply_pending()
        claim_ids = {row.get("id") for row in (self._derived.read() or {}).get(CLAIMS, {}).values()}
        return [note for note in self._analyst.notes() if note["claim_id"] not in claim_ids]

    def check_records(self) -> None:
        """Raise StoreCorrupt naming a record that lacks a field readers rely on (either file);
        fields with a model default that a row lacks (an older or hand-made file) get it, in
        memory only."""
        data = self._derived.read() or {}
        for name, required in REQUIRED_FIELDS.items():
            every = ALL_FIELDS[name]
            for row in data.get(name, {}).values():
                if row.keys() >= every:
                    continue
                problem = lacking(name, row, required)
                if problem:
                    raise StoreCorrupt(self.path, problem)
                for key, make in DEFAULTS[name].items():
                    if key not in row:
                        row[key] = make()
        self._analyst.check_records()

    def refresh_analyst(self) -> bool:
        """Pick up notes another session saved; True if the analyst file changed."""
        return self._analyst.refresh()

    # -- internals ---------------------------------------------------------------------------------
    def _table(self, name: str) -> Table:
        # Fresh Table objects: TinyDB caches the next id per Table, stale after a reload.
        return Table(self._derived, name)

    def _all(self, name: str) -> list[dict]:
        self._apply_pending()
        return [dict(row) for row in (self._derived.read() or {}).get(name, {}).values()]

    def _forget_document(self, doc_id: str) -> None:
        self._removals.add(doc_id)
        self._doc_ids.discard(doc_id)
        if doc_id in self._pending_ids:  # added earlier in this batch: drop those rows too
            self._pending_ids.discard(doc_id)
            for name, rows in self._pending.items():
                rows[:] = [row for row in rows if _doc_key(name, row) != doc_id]

    def _apply_pending(self) -> None:
        """Move queued removals and inserts into the in-memory tables (one pass per table)."""
        if not self._removals and not any(self._pending.values()):
            return
        with self._derived.deferred():
            if self._removals:
                gone = self._removals
                for name in PER_DOCUMENT:
                    self._table(name).remove(lambda row, name=name: _doc_key(name, row) in gone)
            for name, rows in self._pending.items():
                if rows:
                    self._table(name).insert_multiple(rows)
        self._pending = {name: [] for name in PER_DOCUMENT}
        self._pending_ids = set()
        self._removals = set()

    def _discard_pending(self) -> None:
        self._pending = {name: [] for name in PER_DOCUMENT}
        self._pending_ids = set()
        self._removals = set()
        self._index_documents()

    def _index_documents(self) -> None:
        data = self._derived.read() or {}
        self._doc_ids = {row.get("id") for row in data.get(DOCUMENTS, {}).values()}


__all__ = [
    "DERIVED_TABLES",
    "NoteNotFound",
    "Store",
    "StoreChanged",
    "StoreCorrupt",
    "StoreError",
    "StoreLocked",
    "quarantine",
]
