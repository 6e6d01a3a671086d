"""Quotes pane: who said what, when and where it ran; the most substantive first."""

from __future__ import annotations

from typing import Any

from sitdash.query import Filters, Index
from sitdash.tui import rows as R
from sitdash.tui.panes.base import Pane, mark_column
from sitdash.tui.widgets.rowtable import Column


class QuotesPane(Pane):
    TITLE = "Quotes"
    KEY = "quotes"
    EMPTY = "No quotes match the filters."
    LEGEND = ("● new ✎ note on the claim · the most substantive quotes first · enter opens the "
              "claim",
              "● new ✎ note · the most substantive quotes first · enter opens the claim")

    def columns(self) -> list[Column]:
        return [
            mark_column(lambda q: self.index.has_notes(q.get("claim_id")),
                        lambda q: self.index.is_new(q.get("claim_id"))),
            Column("speaker", "Speaker", 16, lambda q: q.get("speaker") or "(unattributed)"),
            Column("text", "Quotation", 20, lambda q: "“" + (q.get("text") or "") + "”",
                   flex=True),
            Column("date", "Date", 13, lambda q: R.claim_when(self.index.claims, q.get("claim_id"),
                                                              q.get("date")), priority=1),
            Column("outlet", "Outlet", 12, lambda q: q.get("outlet") or "", priority=2),
        ]

    def rows(self, index: Index, filters: Filters) -> list[Any]:
        return R.quote_rows(index, filters)
