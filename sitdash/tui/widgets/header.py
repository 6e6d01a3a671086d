"""The header line: app and store name, what is shown, and the active filters as chips."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

from sitdash.query import Filters
from sitdash.tui.text import clean

BACK_HINT = "esc: back"


def chips_width(chips: list[str]) -> int:
    return sum(cell_len(c) + 3 for c in chips)  # " [" + chip + "]"


def fit_chips(parts: list[tuple[str, tuple[str, ...]]], room: int,
              singles: bool = True) -> list[str]:
    """Chips in at most `room` cells if they can be: a chip listing several values becomes
    "source: 6 selected" (longest first), then (with `singles`) a chip of one value drops its
    label ("John Kirby"): the value itself always shows. A name is never cut in the middle."""
    chips = [f"{label}: {', '.join(clean(v) for v in values)}" if label else clean(values[0])
             for label, values in parts]
    short: set[int] = set()

    def width() -> int:
        return chips_width(chips)

    for several in (True, False) if singles else (True,):
        while width() > room:
            open_ = [i for i, (label, values) in enumerate(parts)
                     if label and (len(values) > 1) == several and i not in short]
            if not open_:
                break
            i = max(open_, key=lambda j: cell_len(chips[j]))
            label, values = parts[i]
            chips[i] = f"{label}: {len(values)} selected" if several else clean(values[0])
            short.add(i)
    return chips


def compact_title(title: str) -> str:
    """The title without the app and store names: "sitdash · store.json · Claims" -> "Claims",
    "sitdash · store.json" -> ""."""
    return title.rsplit(" · ", 1)[-1] if title.count(" · ") > 1 else ""


def header_text(title: str, counts: str, filters: Filters, width: int = 0,
                back: bool = False, empty: str = "no filters", undated_hidden: int = 0) -> Text:
    """"sitdash · store.json · 12/40 claims  [region: east] [needs review]" as literal text,
    fitted to `width` cells (0: no limit). Long lists of values are summarised first; then the
    title drops the app and store names; then single values are summarised too. A name is
    never cut in the middle."""
    title, counts = clean(title), clean(counts)
    parts = filters.chip_parts(undated_hidden)
    tail = cell_len("  " + BACK_HINT) if back else 0

    def lead(title: str) -> str:
        return f"{title} · {counts}" if title else counts

    def room(title: str) -> int:
        return width - cell_len(lead(title) + " ") - tail if width else 10**6

    short = compact_title(title)
    for title_, singles in ((title, False), (short, False), (short, True)):
        chips = fit_chips(parts, room(title_), singles=singles)
        if (chips_width(chips) if chips else cell_len(empty) + 1) <= room(title_):
            break
    out = Text()
    if title_:
        out.append(title_, style="bold")
        out.append(" · ")
    out.append(counts + " ")
    if not chips:
        out.append(" ")
        out.append(empty, style="italic")
    for chip in chips:
        out.append(" ")
        out.append("[" + chip + "]", style="reverse")
    if back:
        out.append("  " + BACK_HINT, style="italic")
    return out


class ChipsHeader(Static):
    DEFAULT_CSS = """
    ChipsHeader { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    _shown: tuple[str, str, Filters, int, bool, str] | None = None

    def show(self, title: str, counts: str, filters: Filters, undated_hidden: int = 0, *,
             back: bool = False, empty: str = "no filters") -> None:
        self._shown = (title, counts, filters, undated_hidden, back, empty)
        self._draw()

    def _draw(self) -> None:
        if self._shown is None:
            return
        title, counts, filters, undated_hidden, back, empty = self._shown
        width = self.content_size.width or max(0, self.app.size.width - 2)
        self.update(header_text(title, counts, filters, width, back, empty, undated_hidden))

    def on_resize(self, event: Resize) -> None:
        self._draw()
