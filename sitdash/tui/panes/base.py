"""The common shape of a dashboard pane: a titled box around one RowTable fed from the index."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical

from sitdash.query import Filters, Index
from sitdash.tui.rows import MARK_WIDTH, NEW_MARK, NOTE_MARK, row_mark
from sitdash.tui.widgets.rowtable import Column, RowTable


def note_mark(has_notes: bool, new: bool = False) -> str:
    """One character for a one-column mark: ● new since the last review, else ✎ noted."""
    return NEW_MARK if new else NOTE_MARK if has_notes else " "


def mark_column(noted: Callable[[Any], bool], new: Callable[[Any], bool]) -> Column:
    """The first column of every list: ● new, ✎ noted (both can show, each in its place)."""

    def marks(row: Any) -> str | Text:
        text = row_mark(noted(row), new(row))
        # Plain cells are whitespace-folded; " ✎" keeps its place as Text (few rows have notes,
        # so nearly every line stays on the table's fast path of plain strings).
        return Text(text) if text[0] == " " and text.strip() else text

    return Column("note", NEW_MARK + NOTE_MARK, MARK_WIDTH, marks)


class Pane(Vertical):
    """A titled pane; subclasses say which columns and which rows."""

    TITLE = "Pane"
    KEY = "pane"
    EMPTY = "Nothing matches the filters."
    # The one-line legend under the pane (its marks and headings), longest wording first.
    LEGEND: str | tuple[str, ...] = "● new since your review ✎ a note on the claim"

    DEFAULT_CSS = """
    Pane { height: 1fr; }
    """

    def __init__(self, number: int) -> None:
        super().__init__(id=f"pane-{self.KEY}", classes="pane")
        self.number = number
        self.border_title = f"{number} {self.TITLE}"
        self.index: Index | None = None
        self.filters = Filters()
        self.stale = True  # rows not loaded for the current index and filters yet

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def rows(self, index: Index, filters: Filters) -> list[Any]:
        raise NotImplementedError

    def claim_of(self, row: Any) -> str | None:
        """The claim a row rests on (for the detail strip, notes, status and grade)."""
        return row.get("claim_id") if isinstance(row, dict) else None

    def detail_of(self, row: Any) -> Text | None:
        """What the detail strip shows for `row` when it is not the row's claim in its
        paragraph (a region row), else None."""
        return None

    def current_detail(self) -> Text | None:
        row = self.table.current_row
        return self.detail_of(row) if row is not None else None

    def legend(self) -> str | tuple[str, ...]:
        return self.LEGEND

    def compose(self) -> ComposeResult:
        yield RowTable(self.columns(), empty=self.EMPTY, id=f"table-{self.KEY}")

    def on_mount(self) -> None:
        pane_mounted = getattr(self.screen, "pane_mounted", None)
        if pane_mounted:
            pane_mounted(self)

    @property
    def table(self) -> RowTable:
        return self.query_one(RowTable)

    def load(self, index: Index, filters: Filters) -> None:
        """Ask the index for this pane's rows under `filters` and show them."""
        self.index, self.filters = index, filters
        self.stale = False
        rows = self.rows(index, filters)
        self.table.set_rows(rows)
        count = len(rows) - self.headings(rows)
        self.border_subtitle = f"{count} row{'s' if count != 1 else ''}"

    def select_filters(self, row: Any, filters: Filters) -> Filters | None:
        """The filters enter on `row` narrows to (escape takes them back), or None when enter
        opens the row's claim instead."""
        return None

    def open_row(self, row: Any) -> bool:
        """Open what enter on `row` shows, when it is not the row's claim (a development);
        False leaves enter to open the claim."""
        return False

    def headings(self, rows: list[Any]) -> int:
        """How many of `rows` are headings, not items (only the timeline has them)."""
        return 0

    def current_claim(self) -> str | None:
        row = self.table.current_row
        return self.claim_of(row) if row is not None else None
