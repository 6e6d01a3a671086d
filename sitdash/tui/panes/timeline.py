"""Timeline pane: events in date order, grouped under day headings."""

from __future__ import annotations

from typing import Any

from sitdash.query import Filters, Index
from sitdash.tui import rows as R
from sitdash.tui.panes.base import Pane, mark_column
from sitdash.tui.widgets.rowtable import Column, Section


class TimelinePane(Pane):
    TITLE = "Timeline"
    KEY = "timeline"
    EMPTY = "No events match the filters."

    def columns(self) -> list[Column]:
        return [
            mark_column(lambda e: R.event_has_notes(self.index, e),
                        lambda e: R.event_is_new(self.index, e)),
            Column("when", "When", 13,
                   lambda e: R.when_short(e.get("date"), e.get("precision"))),
            Column("type", "Type", 11, lambda e: R.short_type(e.get("sub_type") or e.get("type")),
                   priority=2),
            Column("places", "Places", 12, lambda e: ", ".join(e.get("places") or []),
                   priority=1),
            Column("summary", "Summary", 30, lambda e: e.get("summary"), flex=True),
            Column("sources", "Src", 3, lambda e: str(len(e.get("sources") or [])),
                   justify="right", priority=3),
        ]

    def legend(self) -> tuple[str, ...]:
        order = "newest" if self.app.newest_first else "oldest"
        return (f"● new ✎ note · ~y/~m/~w: only the year/month/week is known · Src: documents "
                f"reporting it · {order} first (f flips)",
                f"● new ✎ note · ~y ~m ~w: year/month/week only · Src: docs · {order} first (f)")

    def rows(self, index: Index, filters: Filters) -> list[Any]:
        return R.timeline_rows(index, filters, heading=Section,
                               newest_first=self.app.newest_first)

    def headings(self, rows: list[Any]) -> int:
        return sum(1 for r in rows if isinstance(r, Section))

    def claim_of(self, row: Any) -> str | None:
        return R.event_claim(row) if isinstance(row, dict) else None
