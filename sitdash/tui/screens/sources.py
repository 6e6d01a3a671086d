"""Sources screen: documents and speakers, how many claims each made and how they were judged;
each speaker's side, which S corrects."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer

from sitdash.summary import plural
from sitdash.tui import keys
from sitdash.tui import rows as R
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.legend import Legend
from sitdash.tui.widgets.rowtable import Column, RowTable

LEGEND = ("Side: whose account a speaker gives, read from the copy; * set by an analyst · S "
          "corrects it · enter on a speaker filters by it",
          "Side: read from the copy, * set by you · S corrects it · enter: their claims")


def _columns(label: str, detail: str, side: bool = False) -> list[Column]:
    return [
        Column("label", label, 20, lambda r: r.label, flex=True),
        Column("detail", detail, 18, lambda r: r.detail, priority=1),
        *((Column("side", "Side", 15, R.side_cell),) if side else ()),
        Column("claims", "Claims", 6, lambda r: str(r.claims), justify="right"),
        Column("status", "Status (unv/cor/dis/fal)", 27, R.status_counts),
    ]


class SourcesScreen(Screen):
    BINDINGS = keys.bindings("screens", "sources")

    def compose(self) -> ComposeResult:
        yield ChipsHeader(id="header")
        with Vertical(id="sources-documents", classes="pane"):
            yield RowTable(_columns("Document", "Outlet · date"), id="documents-table")
        with Vertical(id="sources-speakers", classes="pane"):
            yield RowTable(_columns("Speaker", "Kind", side=True), id="speakers-table")
        yield Legend(LEGEND, id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sources-documents").border_title = "Documents"
        self.query_one("#sources-speakers").border_title = "Speakers"
        self.reload()
        self.set_focus(self.query_one("#documents-table", RowTable))

    def reload(self) -> None:
        app = self.app
        docs = R.document_rows(app.index, app.filters)
        speakers = R.speaker_rows(app.index, app.filters)
        self.query_one("#documents-table", RowTable).set_rows(docs)
        self.query_one("#speakers-table", RowTable).set_rows(speakers)
        counts = f"{plural(len(docs), 'document')}, {plural(len(speakers), 'speaker')}"
        self.query_one(ChipsHeader).show(app.title_line() + " · Sources", counts, app.filters)

    def current_claim_id(self) -> str | None:
        return None

    def current_document_id(self) -> str | None:
        """The highlighted document, when the documents list has the focus (for D)."""
        table = self.query_one("#documents-table", RowTable)
        row = table.current_row if table.has_focus else None
        return row.key if row is not None else None

    @on(RowTable.Selected, "#speakers-table")
    def _speaker_chosen(self, event: RowTable.Selected) -> None:
        """Enter on a speaker: filter everything to what they said and list those claims."""
        self.app.set_filters(self.app.filters.with_(sources=frozenset({event.row.name})))
        self.app.action_claims()

    def action_correct_side(self) -> None:
        """S: correct the highlighted speaker's side (the speakers list takes the focus)."""
        table = self.query_one("#speakers-table", RowTable)
        row = table.current_row
        if not table.has_focus:
            self.set_focus(table)
            self.notify("Speakers: pick one, then S corrects its side.", timeout=3)
            return
        if row is None or not row.name:
            self.notify("This row has no speaker to correct.", severity="warning")
            return
        self.app.correct_side(row.key, row.name)

    @on(RowTable.Selected, "#documents-table")
    def _document_chosen(self, event: RowTable.Selected) -> None:
        self.notify("Enter on a speaker filters by it; documents are listed for their tallies.")

    def action_back(self) -> None:
        self.dismiss()
