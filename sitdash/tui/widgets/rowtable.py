"""A virtual table: renders only the visible rows through the line API, so 100k rows cost nothing.

Like toolong's LogLines, `RowTable` is a `ScrollView` whose `render_line(y)` builds one `Strip` on
demand (cached per row, width and cursor state). `set_rows` only stores the list: no per-row
measuring. Column widths come from the columns' declared widths, reflowing with the widget's
width: one flexible column takes what is left, and low-priority columns drop when it gets narrow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sitdash.tui.text import clean


@dataclass(frozen=True, slots=True)
class Column:
    """One column: a label, a preferred width and how to get the cell from a row."""

    key: str
    label: str
    width: int
    get: Callable[[Any], str | Text]
    priority: int = 0  # higher numbers are dropped first when the table is narrow; 0 never
    flex: bool = False  # takes the width left over by the others
    justify: str = "left"


@dataclass(frozen=True, slots=True)
class Section:
    """A heading row between groups of rows (a day in the timeline); the cursor skips it."""

    label: str


def layout_columns(columns: Sequence[Column], width: int) -> list[tuple[Column, int]]:
    """Columns that fit in `width` with their widths (one space between columns)."""
    kept = list(columns)

    def needed(cols: list[Column]) -> int:
        return sum(c.width for c in cols) + max(0, len(cols) - 1)

    while needed(kept) > width:
        droppable = [c for c in kept if c.priority > 0]
        if not droppable:
            break
        kept.remove(max(droppable, key=lambda c: (c.priority, kept.index(c))))
    spare = max(0, width - needed(kept))
    flex = next((c for c in kept if c.flex), None)
    out = []
    for column in kept:
        w = column.width + (spare if column is flex else 0)
        out.append((column, w))
    return out


def cell_text(value: str | Text | None) -> Text:
    """A cell as Text: plain strings are cleaned and never parsed as markup."""
    if isinstance(value, Text):
        return value
    return Text(clean(value))


def _fit(text: str, width: int, justify: str) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis, or padded."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if width > 0 else ""
    pad = " " * (width - length)
    return pad + text if justify == "right" else text + pad


def _cell_key(value: str | Text | None) -> object:
    """A hashable stand-in for a cell's value, styling included."""
    if isinstance(value, Text):
        return (value.plain, tuple((span.start, span.end, str(span.style)) for span in value.spans),
                str(value.style))
    return value


class RowTable(ScrollView, can_focus=True):
    """A cursor over a list of rows, one line each, with a fixed header line."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    DEFAULT_CSS = """
    RowTable {
        overflow-x: hidden;
        overflow-y: auto;
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    RowTable > .rowtable--header { text-style: bold underline; }
    RowTable > .rowtable--section { text-style: bold; }
    RowTable > .rowtable--cursor { text-style: reverse bold; }
    RowTable > .rowtable--cursor-blurred { text-style: underline; }
    RowTable > .rowtable--empty { text-style: italic; }
    """

    COMPONENT_CLASSES = {
        "rowtable--header",
        "rowtable--section",
        "rowtable--cursor",
        "rowtable--cursor-blurred",
        "rowtable--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class RowMessage(Message):
        """Something happened on one row of a table."""

        def __init__(self, table: RowTable, index: int, row: Any) -> None:
            super().__init__()
            self.table, self.index, self.row = table, index, row

        @property
        def control(self) -> RowTable:
            return self.table

    class Highlighted(RowMessage):
        """The cursor moved to a row."""

    class Selected(RowMessage):
        """Enter (or a double click) on a row."""

    def __init__(self, columns: Sequence[Column], *, empty: str = "Nothing matches.",
                 name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.empty = empty
        self.rows: Sequence[Any] = []
        self._layout: tuple[int, list[tuple[Column, int]]] | None = None
        self._cache: LRUCache[tuple, Strip] = LRUCache(maxsize=2048)
        self._base_style: Style | None = None
        self._drawn: dict[int, tuple] = {}  # screen line -> what it showed when last drawn

    # -- data -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show `rows` (kept as given, not copied or measured); the cursor stays in range.

        Only the lines whose content changed are repainted, and a new row count updates the
        scrollbar without a relayout of the screen: typing in the filter redraws what changed."""
        top = round(self.scroll_y)
        self.rows = rows  # cached lines stay: they are keyed by what they show
        size = Size(0, len(rows) + 1)
        if size != self.virtual_size:
            self.set_reactive(RowTable.virtual_size, size)
            self._scroll_update(size)
        cursor = self._settle(min(self.cursor, max(0, len(rows) - 1)), 1)
        self.set_reactive(RowTable.cursor, cursor)
        self._scroll_cursor_visible()
        # Compared with what each line last drew, not with the old rows: a note saved since
        # then changes a line whose row is the same.
        keys = self._screen_keys()
        self._repaint(top, None if keys is None else
                      [y for y, key in enumerate(keys, 1) if self._drawn.get(y) != key])
        self.post_message(self.Highlighted(self, cursor, self.current_row))

    def _repaint(self, top: int, lines: list[int] | None) -> None:
        """Repaint screen `lines` (all when None, or when the table scrolled away from `top`)."""
        if lines is None or round(self.scroll_y) != top:
            self.refresh()
            return
        for y in lines:
            self.refresh(Region(0, y, self.size.width, 1))

    def _screen_keys(self) -> list[tuple] | None:
        """What each row line on screen shows (None before the first layout)."""
        height = self.scrollable_content_region.height
        if height <= 1:
            return None
        top, columns = round(self.scroll_y), self.visible_columns()
        return [self._line_key(top + y, columns) for y in range(height - 1)]

    def _line_key(self, index: int, columns: list[tuple[Column, int]]) -> tuple:
        if not self.rows:
            return ("empty", index)
        if index >= len(self.rows):
            return ("blank",)
        row = self.rows[index]
        on_cursor = index == self.cursor
        if isinstance(row, Section):
            content: tuple = ("section", row.label)
        else:
            content = tuple(_cell_key(c.get(row)) for c, _ in columns)
        return (content, on_cursor and self.has_focus, on_cursor)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current_row(self) -> Any | None:
        if 0 <= self.cursor < len(self.rows) and not isinstance(self.rows[self.cursor], Section):
            return self.rows[self.cursor]
        return None

    def _settle(self, index: int, step: int) -> int:
        """The nearest selectable row from `index`, looking in `step` direction first."""
        rows, n = self.rows, len(self.rows)
        if n == 0:
            return 0
        index = max(0, min(index, n - 1))
        for direction in (step, -step):
            i = index
            while 0 <= i < n and isinstance(rows[i], Section):
                i += direction
            if 0 <= i < n:
                return i
        return index

    # -- cursor -----------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        top = round(self.scroll_y)
        self._scroll_cursor_visible()
        # Only the two lines the cursor left and reached (cached lines know the cursor).
        self._repaint(top, [index - top + 1 for index in {old, new}])
        self.post_message(self.Highlighted(self, new, self.current_row))

    def _scroll_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 1:  # hidden (an inactive tab) or not laid out yet: nothing to keep visible
            return
        visible = height - 1
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def move_cursor(self, index: int, step: int = 1) -> None:
        self.cursor = self._settle(index, step)

    class AtTop(Message):
        """Up was pressed on the first row (a picker hands focus back to its search box)."""

        def __init__(self, table: RowTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> RowTable:
            return self.table

    def action_cursor_up(self) -> None:
        target = self._settle(self.cursor - 1, -1) if self.cursor > 0 else self.cursor
        if target < self.cursor:
            self.cursor = target
        else:
            self.post_message(self.AtTop(self))

    def action_cursor_down(self) -> None:
        if self.cursor < len(self.rows) - 1:
            target = self._settle(self.cursor + 1, 1)
            self.cursor = target if target > self.cursor else self.cursor

    def action_page_up(self) -> None:
        page = max(1, self.scrollable_content_region.height - 2)
        self.move_cursor(self.cursor - page, -1)

    def action_page_down(self) -> None:
        page = max(1, self.scrollable_content_region.height - 2)
        self.move_cursor(self.cursor + page, 1)

    def action_first(self) -> None:
        self.move_cursor(0, 1)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1, -1)

    def action_select(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(self, self.cursor, row))

    def on_click(self, event: Click) -> None:
        if event.y < 1:
            return
        index = round(self.scroll_y) + event.y - 1
        if 0 <= index < len(self.rows) and not isinstance(self.rows[index], Section):
            self.cursor = index
            if event.chain >= 2:
                self.action_select()

    def on_resize(self, event: Resize) -> None:
        self._layout = None
        self._cache.clear()
        self._scroll_cursor_visible()

    def on_focus(self) -> None:
        self._base_style = None
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._base_style = None
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._cache.clear()

    # -- rendering --------------------------------------------------------------------------

    def visible_columns(self) -> list[tuple[Column, int]]:
        width = self.scrollable_content_region.width
        if self._layout is None or self._layout[0] != width:
            self._layout = (width, layout_columns(self.columns, width))
        return self._layout[1]

    def _join(self, cells: list[tuple[Text, int, str]]) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        for i, (text, width, justify) in enumerate(cells):
            if i:
                line.append(" ")
            cell = text.copy()
            cell.no_wrap = True
            cell.truncate(width, overflow="ellipsis", pad=False)
            pad = width - cell.cell_len
            if pad > 0:
                if justify == "right":
                    cell = Text(" " * pad) + cell
                else:
                    cell.append(" " * pad)
            line.append_text(cell)
        return line

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        segments = list(text.render(self.app.console))
        strip = Strip(segments).crop_extend(0, width, None).apply_style(style)
        return strip.simplify()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._base_style
        if base is None:  # rich_style walks every ancestor: once per style change, not per line
            base = self._base_style = self.rich_style
        if y == 0:
            return self._header_strip(width, base)
        index = round(self.scroll_y) + y - 1
        key = self._drawn[y] = self._line_key(index, self.visible_columns())
        if not self.rows:
            if y == 1:
                style = base + self.get_component_rich_style("rowtable--empty")
                return self._strip(Text(self.empty), width, style)
            return Strip.blank(width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        # Keyed by what the line shows, not by its position: after a filter the rows that stay
        # on screen are drawn from the cache (a line costs ~1 ms to build, a screen ~50).
        key = (key, width)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        strip = self._row_strip(index, width, base, index == self.cursor)
        self._cache[key] = strip
        return strip

    def _header_strip(self, width: int, base: Style) -> Strip:
        cells = [(Text(c.label), w, c.justify) for c, w in self.visible_columns()]
        style = base + self.get_component_rich_style("rowtable--header")
        return self._strip(self._join(cells), width, style)

    def _row_strip(self, index: int, width: int, base: Style, on_cursor: bool) -> Strip:
        row = self.rows[index]
        if isinstance(row, Section):
            style = base + self.get_component_rich_style("rowtable--section")
            return self._strip(Text("── " + clean(row.label) + " " + "─" * width), width, style)
        values = [(c.get(row), w, c.justify) for c, w in self.visible_columns()]
        style = base
        if on_cursor:
            name = "rowtable--cursor" if self.has_focus else "rowtable--cursor-blurred"
            style = base + self.get_component_rich_style(name)
        if not any(isinstance(value, Text) for value, _, _ in values):
            # Plain cells (nearly all): one string, one segment, no Text machinery.
            line = " ".join(_fit(clean(value), w, justify) for value, w, justify in values)
            return Strip([Segment(set_cell_size(line, width), style)], width)
        cells = [(cell_text(value), w, justify) for value, w, justify in values]
        text = self._join(cells)
        segments = [Segment(s.text, style + s.style if s.style else style)
                    for s in text.render(self.app.console)]
        return Strip(segments).crop_extend(0, width, style).simplify()
