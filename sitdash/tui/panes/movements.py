"""Movements pane: who moved from where to where, how many, and whether asserted or assessed."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from sitdash.query import Filters, Index
from sitdash.tui import rows as R
from sitdash.tui.panes.base import Pane, mark_column
from sitdash.tui.widgets.rowtable import Column, RowTable


class MovementsPane(Pane):
    TITLE = "Movements"
    KEY = "movements"
    EMPTY = "No movements match the filters."
    LEGEND = ("● new ✎ note · Stance: asserted (reported as fact) or assessed (hedged, an "
              "estimate) · ? place not given",
              "● new ✎ note · asserted: as fact, assessed: hedged · ? place not given")

    def columns(self) -> list[Column]:
        return [
            mark_column(lambda m: self.index.has_notes(m.get("claim_id")),
                        lambda m: self.index.is_new(m.get("claim_id"))),
            Column("actor", "Actor", 14, lambda m: m.get("actor"), flex=True),
            Column("route", "From -> To", 18, R.route),
            Column("kind", "Kind", 10, lambda m: m.get("kind")),
            Column("size", "Size", 8, lambda m: m.get("size") or "-", priority=2),
            Column("date", "Date", 10, lambda m: m.get("date") or "undated", priority=1),
            Column("stance", "Stance", 8, lambda m: m.get("stance")),
        ]

    def compose(self) -> ComposeResult:
        yield RowTable(self.columns(), empty=self.EMPTY, id=f"table-{self.KEY}")
        yield Static("", classes="totals")

    def rows(self, index: Index, filters: Filters) -> list[Any]:
        return R.movement_rows(index, filters)

    def load(self, index: Index, filters: Filters) -> None:
        super().load(index, filters)
        rows = self.query_one(RowTable).rows
        self.query_one(".totals", Static).update(Text(R.movement_totals_line(list(rows))))
