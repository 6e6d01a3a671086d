"""Regions pane: each theatre region, then its oblast-level areas, with status, last activity,
counts and the 14-day trend. Enter filters every pane to the row's theatre or area."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from sitdash.query import Filters, Index
from sitdash.summary import RegionRow
from sitdash.tui import rows as R
from sitdash.tui.panes.base import Pane, mark_column
from sitdash.tui.text import clean
from sitdash.tui.widgets.rowtable import Column


def region_cell(row: RegionRow, last_in_group: bool) -> str | Text:
    """A theatre in bold like a heading; its areas under it as the branches of a tree."""
    if not row.is_area:
        return Text(row.region, style="bold")
    return ("└ " if last_in_group else "├ ") + row.label


class RegionsPane(Pane):
    TITLE = "Regions"
    KEY = "regions"
    LEGEND = ("█ fighting ▓ strikes ▒ moving/other ░ quiet · ● new ✎ note · Clm claims, Evt "
              "events, Mov movements · Trend: claims a day, 14 days · Sure: corroborated = two "
              "origins or more · enter: only this, esc back",
              "█ fighting ▓ strikes ▒ moving/other ░ quiet · ● new ✎ note · Clm claims, Evt "
              "events, Mov movements · Trend: claims a day, 14 days · enter: only this, esc back",
              "█ fighting ▓ strikes ▒ moving ░ quiet · ● new ✎ note · Clm/Evt/Mov · Trend 14 "
              "days · enter filters",
              "█ fight ▓ strike ▒ moving ░ quiet · ● new ✎ note · Clm/Evt/Mov · Trend 14 days")

    def columns(self) -> list[Column]:
        return [
            Column("mark", " ", 1, lambda r: r.mark),
            mark_column(lambda r: R.region_has_notes(self.index, r.region),
                        lambda r: R.region_has_new(self.index, r.region)),
            Column("region", "Region", 16,
                   lambda r: region_cell(r, id(r) in self.last_in_group)),
            Column("status", "Status", 12, lambda r: r.status, flex=True),
            Column("last", "Last", 10, lambda r: r.last_date or "-", priority=4),
            Column("claims", "Clm", 4, lambda r: str(r.claims), justify="right"),
            Column("events", "Evt", 4, lambda r: str(r.events), justify="right", priority=3),
            Column("moves", "Mov", 4, lambda r: str(r.movements), justify="right", priority=3),
            Column("trend", "Trend (14d)", 14, lambda r: r.sparkline, priority=2),
            # How sure the status is: one source, corroborated (two origins or more), contested
            Column("certainty", "Sure", 12, lambda r: R.sure_cell(r.certainty), priority=1),
        ]

    last_in_group: frozenset[int] = frozenset()  # ids of the rows that end a theatre's areas

    def rows(self, index: Index, filters: Filters) -> list[Any]:
        rows = R.region_rows(index, filters)
        self.last_in_group = frozenset(
            id(row) for row, after in zip(rows, [*rows[1:], None], strict=True)
            if row.is_area and (after is None or not after.is_area))
        return rows

    def claim_of(self, row: Any) -> str | None:
        if isinstance(row, RegionRow) and self.index is not None:
            return R.region_claim(self.index, row.region, self.filters)
        return None

    def detail_of(self, row: Any) -> Text | None:
        if not isinstance(row, RegionRow) or self.index is None:
            return None
        lines = R.region_summary(self.index, row, self.filters)
        out = Text(clean(lines[0]), style="bold")
        for line in lines[1:]:
            out.append("\n" + clean(line))
        return out

    def select_filters(self, row: Any, filters: Filters) -> Filters | None:
        if isinstance(row, RegionRow):
            return filters.with_(regions=frozenset({row.region}))
        return None
