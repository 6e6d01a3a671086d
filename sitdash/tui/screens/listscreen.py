"""A full-width list with the `/` box, a one-line legend and the detail strip: the Claims and
Notes screens are this with their own rows and search."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from sitdash.tui import keys
from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.widgets.filterbox import FilterBox, FilterBoxHost, TextFilterHost
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.legend import Legend
from sitdash.tui.widgets.rowtable import Column, RowTable


class ListScreen(FilterBoxHost, Screen):
    """Subclasses give the columns, what `/` searches and how a row is shown below."""

    BINDINGS = keys.bindings("search")
    LEGEND: str | tuple[str, ...] = ""
    PLACEHOLDER = ""
    EMPTY = "Nothing matches."

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def search_text(self) -> str:
        """What the `/` box searches for now."""
        raise NotImplementedError

    def apply_search(self, value: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def show_detail(self) -> None:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield ChipsHeader(id="header")
        yield FilterBox(self.apply_search, self.focus_list, value=self.search_text(),
                        placeholder=self.PLACEHOLDER, id="filter")
        yield RowTable(self.columns(), empty=self.EMPTY, id="list-table")
        yield Legend(self.LEGEND, id="legend")
        yield DetailStrip(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.focus_list()

    @property
    def table(self) -> RowTable:
        return self.query_one("#list-table", RowTable)

    def focus_list(self) -> None:
        self.set_focus(self.table)

    @on(RowTable.Highlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    def action_escape(self) -> None:
        """Back out one level (the box takes the first escape): clear the search, then back."""
        if self.search_text():
            self.filter_box.show_value("")
            self.apply_search("")
        else:
            self.dismiss()


class FilterTextList(TextFilterHost, ListScreen):
    """A list whose `/` is the dashboard's own text filter (it narrows every pane too)."""

    def search_text(self) -> str:
        return self.app.filters.text
