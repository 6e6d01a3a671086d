"""Movements pane: developments, one row each: which force went which way between which places,
how many outlets and independent origins report it, over which days, and whether it is disputed.
Enter opens the development with every report behind it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from sitdash.query import Filters, Index
from sitdash.summary import DevelopmentRow
from sitdash.tui import rows as R
from sitdash.tui.panes.base import Pane, mark_column
from sitdash.tui.widgets.rowtable import Column, RowTable


class MovementsPane(Pane):
    TITLE = "Movements"
    KEY = "movements"
    EMPTY = "No developments match the filters."
    LEGEND = ("● new ✎ note · ! contested · Out/src: outlets, independent origins · ? place not "
              "given · enter: every report",
              "● new ✎ note · ! contested · out/src: outlets, origins · enter: its reports",
              "●new ✎note · ! contested · out/src: outlets, origins · enter: reports")

    def columns(self) -> list[Column]:
        return [
            mark_column(lambda d: R.development_noted(self.index, d),
                        lambda d: R.development_new(self.index, d)),
            Column("contested", R.CONTESTED_MARK, 1,
                   lambda d: R.CONTESTED_MARK if d.contested else " "),
            Column("force", "Force", 14, lambda d: d.actor, flex=True),
            Column("kinds", "Kinds", 11, lambda d: R.kinds_cell(d.kinds), priority=2),
            Column("route", "From -> To", 18, lambda d: d.route),
            Column("sources", "Sources", 11, lambda d: R.sources_cell(d.outlets, d.origins)),
            Column("span", "When", 12, lambda d: R.span_cell(d.first_date, d.last_date),
                   priority=1),
        ]

    def compose(self) -> ComposeResult:
        yield RowTable(self.columns(), empty=self.EMPTY, id=f"table-{self.KEY}")
        yield Static("", classes="totals")

    def rows(self, index: Index, filters: Filters) -> Any:
        return R.development_rows(index, filters, newest_first=self.app.newest_first)

    def claim_of(self, row: Any) -> str | None:
        return R.development_claim(row) if isinstance(row, DevelopmentRow) else None

    def open_row(self, row: Any) -> bool:
        if isinstance(row, DevelopmentRow):
            self.app.open_development(row.id)
            return True
        return False

    def load(self, index: Index, filters: Filters) -> None:
        super().load(index, filters)
        self.query_one(".totals", Static).update(Text(R.development_totals_line(index, filters)))
