"""Picker modal: a fuzzy search box over a multi-select list (regions, sources, types, days)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sitdash.tui.text import fuzzy_filter
from sitdash.tui.widgets.rowtable import Column, RowTable

SEARCH_HINT = ("type to search · ↓ the list · enter applies · ctrl+a ticks all shown / none · "
               "esc cancels")
LIST_HINT = ("space ticks · ↑ at the top: search · enter applies · ctrl+a ticks all shown / none "
             "· esc cancels")


class PickerSearch(Input):
    """The picker's search box: ctrl+a ticks every choice shown (not "start of line"), so the
    key does the same in the box and in the list."""

    BINDINGS = [Binding("ctrl+a", "screen.toggle_all", "All/none", show=False)]


class PickerScreen(ModalScreen[frozenset[str] | None]):
    """Type to narrow, space toggles, enter applies, escape cancels. Returns the chosen values."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("space", "toggle", "Toggle"),
        Binding("down", "focus_list", "List", show=False),
        Binding("ctrl+a", "toggle_all", "All/none", show=False),
    ]

    def __init__(self, title: str, options: list[tuple[str, int]],
                 selected: frozenset[str] = frozenset(), hint: str = "",
                 labels: dict[str, str] | None = None) -> None:
        super().__init__(classes="picker")
        self.title_text = title
        self.options = options
        self.counts = dict(options)
        self.labels = labels or {}  # how a value is shown, when not as itself
        self.selected = set(selected)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), id="dialog-title")
            yield PickerSearch(placeholder="type to search…", id="picker-search")
            yield RowTable([
                Column("mark", "Sel", 3, lambda v: "[x]" if v in self.selected else "[ ]"),
                Column("value", "Value", 10, lambda v: self.labels.get(v, v), flex=True),
                Column("count", "Claims", 6, lambda v: str(self.counts.get(v, 0)),
                       justify="right"),
            ], empty="Nothing matches the search.", id="picker-list")
            yield Static(Text(self.hint or SEARCH_HINT), id="dialog-hint")

    def on_mount(self) -> None:
        self._filter("")
        self.set_focus(self.query_one("#picker-search", Input))

    @property
    def table(self) -> RowTable:
        return self.query_one("#picker-list", RowTable)

    def _filter(self, query: str) -> None:
        values = [value for value, _ in self.options]
        # searched as shown: "ukr" finds the Ukrainian side and every Ukrainian speaker
        self.table.set_rows(fuzzy_filter(query, values, key=lambda v: self.labels.get(v, v)))
        self.table.move_cursor(0)

    @on(Input.Changed, "#picker-search")
    def _search(self, event: Input.Changed) -> None:
        self._filter(event.value)

    @on(Input.Submitted, "#picker-search")
    def _submitted(self) -> None:
        self.action_apply()

    @on(RowTable.Selected, "#picker-list")
    def _chosen(self) -> None:
        self.action_apply()

    def on_descendant_focus(self) -> None:
        """The hint says what the keys do where the cursor is."""
        if not self.hint:
            in_list = self.focused is self.table
            self.query_one("#dialog-hint", Static).update(Text(LIST_HINT if in_list
                                                               else SEARCH_HINT))

    @on(RowTable.AtTop, "#picker-list")
    def _back_to_search(self) -> None:
        self.set_focus(self.query_one("#picker-search", Input))

    def action_focus_list(self) -> None:
        self.set_focus(self.table)

    def action_toggle(self) -> None:
        value = self.table.current_row
        if value is None:
            return
        self.selected.symmetric_difference_update({value})
        self.table.set_rows(self.table.rows)  # repaint the marks

    def action_toggle_all(self) -> None:
        shown = set(self.table.rows)
        if shown <= self.selected:
            self.selected -= shown
        else:
            self.selected |= shown
        self.table.set_rows(self.table.rows)

    def action_apply(self) -> None:
        """Apply the selection; with nothing ticked, the highlighted choice."""
        if not self.selected and self.table.current_row is not None:
            self.selected.add(self.table.current_row)
        self.dismiss(frozenset(self.selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
