"""The date-range picker: days with claims, plus a switch for the claims that have no date
(a date range hides them, and says how many)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from sitdash.summary import plural
from sitdash.tui.screens.pickers import PickerScreen

HINT = "space ticks · enter applies first..last · ctrl+u undated · esc cancels"


class DateRangeScreen(PickerScreen):
    """Returns (days ticked, include undated), or None when cancelled."""

    # ctrl+u would clear the search box; here it is the switch (priority: even while typing).
    BINDINGS = [Binding("ctrl+u", "include_undated", "Undated", priority=True)]

    def __init__(self, options: list[tuple[str, int]], selected: frozenset[str],
                 include_undated: bool, undated: int) -> None:
        super().__init__("Date range: tick the first and last day", options, selected,
                         hint=HINT)
        self.include_undated = include_undated
        self.undated = undated

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#dialog").mount(Static(self.switch_text(), id="undated-switch"),
                                        before="#dialog-hint")

    def switch_text(self) -> Text:
        box = "[x]" if self.include_undated else "[ ]"
        what = "shown with the range" if self.include_undated else "hidden by a date range"
        return Text(f"{box} undated claims too (ctrl+u): {plural(self.undated, 'claim')} {what}")

    def action_include_undated(self) -> None:
        self.include_undated = not self.include_undated
        self.query_one("#undated-switch", Static).update(self.switch_text())

    def action_apply(self) -> None:
        if not self.selected and self.table.current_row is not None:
            self.selected.add(self.table.current_row)
        self.dismiss((frozenset(self.selected), self.include_undated))
