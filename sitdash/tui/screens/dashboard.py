"""The dashboard: Timeline, Regions, Quotes and Movements panes, a detail strip, the filter box.

Wide terminals get a 2x2 grid; narrow ones (under GRID_WIDTH columns) get tabs. The body is
recomposed when the width crosses the line, and the active pane is kept.
"""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Grid
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent, TabPane

from sitdash.tui import keys
from sitdash.tui.panes.base import Pane
from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.panes.movements import MovementsPane
from sitdash.tui.panes.quotes import QuotesPane
from sitdash.tui.panes.regions import RegionsPane
from sitdash.tui.panes.timeline import TimelinePane
from sitdash.tui.rows import claim_context, counts_line
from sitdash.tui.widgets.filterbox import FilterBox, TextFilterHost
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.legend import Legend
from sitdash.tui.widgets.rowtable import RowTable

GRID_WIDTH = 120
PANE_TYPES = (TimelinePane, RegionsPane, QuotesPane, MovementsPane)


def layout_for(width: int) -> str:
    return "grid" if width >= GRID_WIDTH else "tabs"


class PaneTabs(TabbedContent):
    """Tabs that follow focus only while it is still there.

    Textual opens the tab whose pane took focus, by a message that can arrive after a pane key
    has already moved on ("/kirby", enter, "3" in one burst: enter focuses Timeline, 3 opens
    Quotes, then Timeline's late message would reopen Timeline and drop the focus)."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        if not event.tab_pane.has_focus_within:
            event.stop()
            event.prevent_default()  # Textual calls each class's handler unless prevented


class Body(Container):
    """Holds the four panes, as a grid or as tabs."""

    mode: reactive[str] = reactive("tabs", recompose=True)

    def __init__(self, mode: str) -> None:
        super().__init__(id="body")
        self.set_reactive(Body.mode, mode)
        self.active_key = PANE_TYPES[0].KEY  # the tab to open on when (re)composed as tabs

    def compose(self) -> ComposeResult:
        panes = [cls(i) for i, cls in enumerate(PANE_TYPES, 1)]
        if self.mode == "grid":
            with Grid(id="grid"):
                yield from panes
        else:
            with PaneTabs(id="tabs", initial=f"tab-{self.active_key}"):
                for pane in panes:
                    with TabPane(pane.TITLE, id=f"tab-{pane.KEY}"):
                        yield pane


class DashboardScreen(TextFilterHost, Screen):
    BINDINGS = keys.bindings("search", "dashboard")

    active: reactive[int] = reactive(1, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.last_reload = 0.0  # seconds the last reload took (the benchmark reads it)

    def compose(self) -> ComposeResult:
        yield ChipsHeader(id="header")
        yield FilterBox(self.apply_search, lambda: self.focus_pane(self.active),
                        placeholder="filter: type to narrow every pane · enter or esc leaves, "
                                    "esc again clears", value=self.app.filters.text, id="filter")
        yield Body(layout_for(self.app.size.width))
        yield Legend(id="legend")
        yield DetailStrip(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.query_one(Body).mode == "grid", "-wide")
        self.show_header()

    def pane_mounted(self, pane: Pane) -> None:
        """A pane (new, or rebuilt by a reflow) loads its rows if it is on screen; the active
        one takes focus."""
        if self.on_screen(pane):
            pane.load(self.app.index, self.app.filters)
        if pane.number == self.active and not self.filter_box.has_focus:
            self.set_focus(pane.table)
            self.show_detail()

    # -- data -------------------------------------------------------------------------------

    def panes(self) -> list[Pane]:
        return sorted(self.query(Pane), key=lambda p: p.number)

    def pane(self, number: int) -> Pane | None:
        return next((p for p in self.query(Pane) if p.number == number), None)

    def on_screen(self, pane: Pane) -> bool:
        """All four panes show in the grid; with tabs, only the active one."""
        return self.query_one(Body).mode == "grid" or pane.number == self.active

    def reload(self) -> None:
        """Re-ask the panes on screen for their rows under the current filters (and the
        header); panes behind other tabs load when their tab opens."""
        started = time.perf_counter()
        app = self.app
        for pane in self.panes():
            if self.on_screen(pane):
                pane.load(app.index, app.filters)
            else:
                pane.stale = True
        self.show_header()
        self.show_detail()
        self.last_reload = time.perf_counter() - started

    def show_header(self) -> None:
        app = self.app
        shown = len(app.index.claim_ids(app.filters))
        self.query_one(ChipsHeader).show(app.title_line(), counts_line(app.index, shown),
                                         app.filters, app.index.undated_hidden(app.filters),
                                         back=bool(app.narrowed))

    def current_claim_id(self) -> str | None:
        pane = self.pane(self.active)
        return pane.current_claim() if pane else None

    def show_detail(self) -> None:
        pane = self.pane(self.active)
        detail = pane.current_detail() if pane else None
        if detail is not None:  # a region row: the region, not one of its claims
            self.query_one(DetailStrip).show_text(detail)
        else:
            self.query_one(DetailStrip).show(claim_context(self.app.index,
                                                           self.current_claim_id()))
        self.query_one(Legend).show(pane.legend() if pane else "")

    # -- layout -----------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        body = self.query_one(Body)
        mode = layout_for(event.size.width)
        if body.mode != mode:
            body.active_key = PANE_TYPES[self.active - 1].KEY
            body.mode = mode
            self.set_class(mode == "grid", "-wide")

    def focus_pane(self, number: int) -> None:
        pane = self.pane(number)
        if pane is None:
            return
        if pane.stale:
            pane.load(self.app.index, self.app.filters)
        tabs = self.query(TabbedContent)
        if tabs:
            tabs.first().active = f"tab-{pane.KEY}"
        self.set_focus(pane.table)
        self.active = number
        self.show_detail()

    # -- messages ---------------------------------------------------------------------------

    @on(RowTable.Highlighted)
    def _highlighted(self, event: RowTable.Highlighted) -> None:
        pane = self.pane(self.active)
        if pane is not None and event.table is pane.table:
            self.show_detail()

    @on(RowTable.Selected)
    def _selected(self, event: RowTable.Selected) -> None:
        pane = next((p for p in self.panes() if p.table is event.table), None)
        if pane is None:
            return
        narrowed = pane.select_filters(event.row, self.app.filters)
        if narrowed is not None:
            self.app.narrow_filters(narrowed)
        elif not pane.open_row(event.row):
            self.app.open_claim(pane.claim_of(event.row))

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, RowTable) and widget.has_focus:  # not a late one, already left
            for pane in self.panes():
                if pane.table is widget and pane.number != self.active:
                    self.active = pane.number
                    self.show_detail()

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        key = (event.pane.id or "").removeprefix("tab-")
        pane = next((p for p in self.panes() if p.KEY == key), None)
        if pane is not None and pane.stale:
            pane.load(self.app.index, self.app.filters)
        if pane is not None and pane.number != self.active:
            self.active = pane.number
            self.set_focus(pane.table)
            self.show_detail()

    # -- actions ----------------------------------------------------------------------------

    def action_escape(self) -> None:
        """Back out one level (the box itself takes the first escape, leaving it): undo the
        last narrowing made by enter (on a region row or a map tile); then clear the text."""
        if self.app.back_filters():
            return
        if self.app.filters.text:
            self.app.set_filters(self.app.filters.with_(text=""))

    def action_next_pane(self) -> None:
        self.focus_pane(self.active % len(PANE_TYPES) + 1)

    def action_previous_pane(self) -> None:
        self.focus_pane((self.active - 2) % len(PANE_TYPES) + 1)

    def action_pane(self, number: int) -> None:
        self.focus_pane(number)
