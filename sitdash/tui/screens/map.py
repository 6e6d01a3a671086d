"""The map screen: a tile map of the oblasts and neighbours, each marked by what is going on there.

Arrows or h/j/k/l move over the tiles; the status lines describe the highlighted area; enter
filters every pane to it and goes back to the dashboard; escape goes back without filtering. The
map follows the current filters. At 120 columns and more the area's latest events and movements
are listed beside the map.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from sitdash import summary, tilemap
from sitdash.summary import RegionRow
from sitdash.tui import keys
from sitdash.tui import rows as R
from sitdash.tui.text import clean, shorten
from sitdash.tui.widgets.header import ChipsHeader

SIDE_WIDTH = 120  # from this width on, the highlighted area's events and movements show beside
SIDE_ITEMS = 8


class MapView(Widget, can_focus=True):
    """The tile map itself; `cursor` is the highlighted area."""

    DEFAULT_CSS = """
    MapView { width: 1fr; height: 1fr; }
    """

    cursor: reactive[str] = reactive("Kyiv Oblast")

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: dict[str, RegionRow] = {}

    @property
    def layout_now(self) -> tilemap.Layout:
        return tilemap.fit(self.size.width, self.size.height)

    def show(self, rows: dict[str, RegionRow]) -> None:
        self.rows = rows
        self.refresh()

    def render(self) -> RenderableType:
        colour = self.app.console.color_system is not None
        return Group(*tilemap.render(self.layout_now, self.rows, self.cursor, colour=colour))

    def watch_cursor(self) -> None:
        self.refresh()
        describe = getattr(self.screen, "describe", None)
        if describe is not None:
            describe()

    def on_resize(self, event: Resize) -> None:
        self.refresh()

    def on_click(self, event: Click) -> None:
        area = tilemap.tile_at(self.layout_now, event.x, event.y)
        if area is None:
            return
        self.cursor = area
        if event.chain >= 2:
            self.screen.action_filter_area()


class MapScreen(Screen):
    """The map under the current filters; the highlighted area is described below it."""

    BINDINGS = keys.bindings("map")

    def compose(self) -> ComposeResult:
        yield ChipsHeader(id="header")
        with Horizontal(id="map-body"):
            yield MapView(id="map")
            yield Static(id="map-side")
        yield Static(id="map-status")
        yield Static(Text(tilemap.LEGEND), id="map-legend")
        yield Footer()

    @property
    def map(self) -> MapView:
        return self.query_one(MapView)

    def on_mount(self) -> None:
        self._fit_to(self.app.size.width)
        self.reload()
        self.map.cursor = self._first_area()
        self.set_focus(self.map)

    def _first_area(self) -> str:
        """The area filtered to, if one is; else the most active tile (Kyiv when all is quiet)."""
        for area in sorted(self.app.filters.regions):
            if area in tilemap.TILE_OF:
                return area
        shown = [self.map.rows[t.area] for t in tilemap.TILES if t.area in self.map.rows]
        best = max(shown, key=lambda r: (r.level, r.claims), default=None)
        return best.region if best and best.level > summary.NO_REPORTS else "Kyiv Oblast"

    def reload(self) -> None:
        """Redraw for the current index and filters (the app calls this on every change)."""
        app = self.app
        rows = {row.region: row for row in summary.area_status(app.index, app.filters)}
        self.map.show(rows)
        shown = len(app.index.claim_ids(app.filters))
        self.query_one(ChipsHeader).show(app.title_line() + " · Map",
                                         f"{shown}/{len(app.index.claims)} claims", app.filters)
        self.describe()

    def on_resize(self, event: Resize) -> None:
        self._fit_to(event.size.width)
        self.describe()

    def _fit_to(self, width: int) -> None:
        """The side list, and the legend of the tiles' counts, where there is room for them."""
        wide = width >= SIDE_WIDTH
        self.query_one("#map-side").display = wide
        legend = tilemap.LEGEND + (" · " + tilemap.COUNTS_LEGEND if wide else "")
        self.query_one("#map-legend", Static).update(Text(legend))

    def describe(self) -> None:
        """The status lines (and the side list) for the highlighted area."""
        view = self.map
        row = view.rows.get(view.cursor)
        status = self.query_one("#map-status", Static)
        if row is None:
            status.update(Text(view.cursor))
            return
        what, when = tilemap.describe(row)
        status.update(Text(f"{what}\n{when} · enter: filter to it · esc: back"))
        side = self.query_one("#map-side", Static)
        if side.display:
            side.update(self._side_text(row))

    def _side_text(self, row: RegionRow) -> Text:
        events, moves = summary.area_activity(self.app.index, self.app.filters, row.region)
        width = 40
        out = Text()
        out.append(row.region + "\n", style="bold")
        out.append(f"Events ({len(events)})\n", style="bold underline")
        for event in events[:SIDE_ITEMS]:
            when = R.when_short(event.get("date"), event.get("precision"))
            kind = event.get("sub_type") or event.get("type") or ""
            out.append(f"{when} {shorten(kind, width - 14)}\n", style="bold")
            out.append(shorten(clean(event.get("summary")), width) + "\n")
        if not events:
            out.append("none\n", style="italic")
        out.append(f"\nMovements ({len(moves)})\n", style="bold underline")
        for move in moves[:SIDE_ITEMS]:
            when = R.claim_when(self.app.index.claims, move.get("claim_id"), move.get("date"))
            line = f"{when} {clean(move.get('actor'))} {move['kind']}"
            out.append(shorten(line, width) + "\n", style="bold")
            out.append(shorten(R.route(move), width) + "\n")
        if not moves:
            out.append("none\n", style="italic")
        return out

    def current_claim_id(self) -> str | None:
        """The latest claim about the highlighted area (what n, v and g act on)."""
        return R.region_claim(self.app.index, self.map.cursor, self.app.filters)

    # -- actions ----------------------------------------------------------------------------

    def action_move(self, direction: str) -> None:
        self.map.cursor = tilemap.move(self.map.cursor, direction)

    def action_filter_area(self) -> None:
        """Filter every pane to the highlighted area and go back to the dashboard."""
        area = self.map.cursor
        self.dismiss()
        self.app.narrow_filters(self.app.filters.with_(regions=frozenset({area})))

    def action_back(self) -> None:
        self.dismiss()
