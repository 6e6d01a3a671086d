"""Notes screen: every note with its author, time and claim; `/` searches them, enter opens the
claim. A screen rather than a fifth pane: notes need the full width for their text, and the 2x2
grid has no room for a fifth pane without shrinking the other four."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from sitdash.history import local_time
from sitdash.notelist import NoteEntry, note_entries
from sitdash.query import Filters
from sitdash.tui import keys
from sitdash.tui import rows as R
from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.widgets.filterbox import FilterBox, FilterBoxHost
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.legend import Legend
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


class NotesScreen(FilterBoxHost, Screen):
    """Every note in the store (the dashboard's filters narrow claims, not notes)."""

    BINDINGS = keys.bindings("search")
    LEGEND = ("every note (the dashboard's filters do not apply) · / searches notes, authors, "
              "claims · St: the claim's status · enter opens the claim",
              "every note, unfiltered · / searches · St: claim status · enter opens the claim")

    def __init__(self) -> None:
        super().__init__()
        self.search = ""

    def compose(self) -> ComposeResult:
        yield ChipsHeader(id="header")
        yield FilterBox(self._apply_search, self._focus_list, id="filter",
                        placeholder="search notes: text, author, claim, source · enter or esc "
                                    "leaves, esc again clears")
        yield RowTable(_columns(), empty="No notes yet: n on a row writes one.",
                       id="notes-table")
        yield Legend(self.LEGEND, id="legend")
        yield DetailStrip(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self._focus_list()

    @property
    def table(self) -> RowTable:
        return self.query_one("#notes-table", RowTable)

    def _focus_list(self) -> None:
        self.set_focus(self.table)

    def entries(self) -> list[NoteEntry]:
        index = self.app.index
        notes = [note for notes in index.notes.values() for note in notes]
        statuses = {cid: facts.status for cid, facts in index.facts.items()}
        return note_entries(notes, index.claims, statuses, search=self.search,
                            newest_first=self.app.newest_first)

    def reload(self) -> None:
        app = self.app
        entries = self.entries()
        if not entries and self.search:
            self.table.empty = "No note matches the search."
        self.table.set_rows(entries)
        total = sum(len(notes) for notes in app.index.notes.values())
        order = "newest first" if app.newest_first else "oldest first"
        self.query_one(ChipsHeader).show(app.title_line() + " · Notes",
                                         f"{len(entries)}/{total} notes, {order}",
                                         Filters(text=self.search), empty="no search")
        self.show_detail()

    def _apply_search(self, value: str) -> None:
        if value != self.search:
            self.search = value
            self.reload()

    def current_entry(self) -> NoteEntry | None:
        return self.table.current_row

    def current_claim_id(self) -> str | None:
        entry = self.current_entry()
        return entry.claim_id if entry and entry.claim else None

    def show_detail(self) -> None:
        entry = self.current_entry()
        ctx = R.claim_context(self.app.index, entry.claim_id) if entry else None
        self.query_one(DetailStrip).show(ctx, note=entry.note if entry else None)

    @on(RowTable.Highlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    @on(RowTable.Selected)
    def _selected(self, event: RowTable.Selected) -> None:
        if event.row.claim is None:
            self.notify("That claim is no longer in the store; the note is kept.")
            return
        self.app.open_claim(event.row.claim_id)

    def action_escape(self) -> None:
        """Back out one level (the box takes the first escape): clear the search, then back."""
        if self.search:
            self.filter_box.show_value("")
            self._apply_search("")
        else:
            self.dismiss()
