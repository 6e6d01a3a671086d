"""One line under a list that says what its marks and short headings mean."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

Legend_ = str | tuple[str, ...]  # one legend, or the same said longer and shorter


def fitting(legend: Legend_, width: int) -> str:
    """The longest wording of `legend` that fits `width` cells (the shortest when none does)."""
    forms = (legend,) if isinstance(legend, str) else legend
    if not forms:
        return ""
    return next((form for form in forms if cell_len(form) <= width), forms[-1])


class Legend(Static):
    DEFAULT_CSS = """
    Legend { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
             text-style: italic; }
    """

    def __init__(self, legend: Legend_ = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.legend = legend

    def on_mount(self) -> None:
        self._draw()

    def show(self, legend: Legend_) -> None:
        if legend != self.legend:
            self.legend = legend
            self._draw()

    def _draw(self) -> None:
        width = self.content_size.width or max(0, self.app.size.width - 2)
        self.update(Text(fitting(self.legend, width)))  # Text: never read as markup

    def on_resize(self, event: Resize) -> None:
        self._draw()
