"""Regions pane: one row per theatre region with its status, last activity and trend."""

from __future__ import annotations

from typing import Any

from sitdash.query import Filters, Index
from sitdash.summary import RegionRow
from sitdash.tui import rows as R
from sitdash.tui.panes.base import Pane, note_mark
from sitdash.tui.widgets.rowtable import Column


class RegionsPane(Pane):
    TITLE = "Regions"
    KEY = "regions"

    def columns(self) -> list[Column]:
        return [
            Column("note", "✎", 1,
                   lambda r: note_mark(R.region_has_notes(self.index, r.region))),
            Column("region", "Region", 8, lambda r: r.region),
            Column("status", "Status", 14, lambda r: r.status, flex=True),
            Column("last", "Last", 10, lambda r: r.last_date or "-", priority=2),
            Column("claims", "Clm", 4, lambda r: str(r.claims), justify="right"),
            Column("events", "Evt", 4, lambda r: str(r.events), justify="right", priority=3),
            Column("moves", "Mov", 4, lambda r: str(r.movements), justify="right", priority=3),
            Column("trend", "Trend (14d)", 14, lambda r: r.sparkline, priority=1),
        ]

    def rows(self, index: Index, filters: Filters) -> list[Any]:
        return R.region_rows(index, filters)

    def claim_of(self, row: Any) -> str | None:
        if isinstance(row, RegionRow) and self.index is not None:
            return R.region_claim(self.index, row.region, self.filters)
        return None
