"""The header line: app and store name, what is shown, and the active filters as chips."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from sitdash.query import Filters
from sitdash.tui.text import clean


def header_text(title: str, counts: str, filters: Filters, undated_hidden: int = 0) -> Text:
    """"sitdash · store.json · 12 claims  [region: east] [needs review]" as literal text."""
    out = Text()
    out.append(clean(title), style="bold")
    out.append(" · " + clean(counts))
    chips = filters.chips(undated_hidden)
    out.append(" ")
    if not chips:
        out.append(" ")
        out.append("no filters", style="italic")
    for chip in chips:
        out.append(" ")
        out.append("[" + clean(chip) + "]", style="reverse")
    return out


class ChipsHeader(Static):
    DEFAULT_CSS = """
    ChipsHeader { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def show(self, title: str, counts: str, filters: Filters, undated_hidden: int = 0) -> None:
        self.update(header_text(title, counts, filters, undated_hidden))
