"""Notes screen: every note with its author, time and claim; `/` searches them, enter opens the
claim. A screen rather than a fifth pane: notes need the full width for their text, and the 2x2
grid has no room for a fifth pane without shrinking the other four."""

from __future__ import annotations

from textual import on

from sitdash.notelist import NoteEntry, note_entries
from sitdash.query import Filters
from sitdash.stamps import local_time
from sitdash.tui import rows as R
from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.screens.listscreen import ListScreen
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.rowtable import Column, RowTable

GONE = "(claim gone from the store)"


def _columns() -> list[Column]:
    return [
        Column("when", "Written", 16, lambda e: local_time(e.note.get("time"))),
        Column("author", "By", 8, lambda e: e.note.get("author")),
        Column("note", "Note", 24, lambda e: e.note.get("text"), flex=True),
        Column("status", "St", 3, lambda e: R.status_code(e.status) if e.claim else "-"),
        Column("claim", "On claim", 28, lambda e: e.claim.get("text") if e.claim else GONE,
               priority=1),
    ]


class NotesScreen(ListScreen):
    """Every note in the store (the dashboard's filters narrow claims, not notes)."""

    LEGEND = ("every note (the dashboard's filters do not apply) · / searches notes, authors, "
              "claims · St: the claim's status · enter opens the claim",
              "every note, unfiltered · / searches · St: claim status · enter opens the claim")
    PLACEHOLDER = ("search notes: text, author, claim, source · enter or esc leaves, esc again "
                   "clears")
    EMPTY = "No notes yet: n on a row writes one."

    def __init__(self) -> None:
        super().__init__()
        self.search = ""

    def columns(self) -> list[Column]:
        return _columns()

    def search_text(self) -> str:
        return self.search

    def apply_search(self, value: str) -> None:
        if value != self.search:
            self.search = value
            self.reload()

    def entries(self) -> list[NoteEntry]:
        index = self.app.index
        notes = [note for notes in index.notes.values() for note in notes]
        statuses = {cid: index.facts[cid].status for cid in index.notes if cid in index.facts}
        return note_entries(notes, index.claims, statuses, search=self.search,
                            newest_first=self.app.newest_first)

    def reload(self) -> None:
        app = self.app
        entries = self.entries()
        self.table.empty = "No note matches the search." if self.search else self.EMPTY
        self.table.set_rows(entries)
        total = sum(len(notes) for notes in app.index.notes.values())
        order = "newest first" if app.newest_first else "oldest first"
        self.query_one(ChipsHeader).show(app.title_line() + " · Notes",
                                         f"{len(entries)}/{total} notes, {order}",
                                         Filters(text=self.search), empty="no search")
        self.show_detail()

    def current_entry(self) -> NoteEntry | None:
        return self.table.current_row

    def current_claim_id(self) -> str | None:
        entry = self.current_entry()
        return entry.claim_id if entry and entry.claim else None

    def show_detail(self) -> None:
        entry = self.current_entry()
        ctx = R.claim_context(self.app.index, entry.claim_id) if entry else None
        self.query_one(DetailStrip).show(ctx, note=entry.note if entry else None)

    @on(RowTable.Selected)
    def _selected(self, event: RowTable.Selected) -> None:
        if event.row.claim is None:
            self.notify("That claim is no longer in the store; the note is kept.")
            return
        self.app.open_claim(event.row.claim_id)
