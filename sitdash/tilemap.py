"""A tile map of Ukraine and its neighbours: one tile per oblast-level area, laid out as on a map.

Newspapers draw US states this way: every tile the same size, each where its area roughly lies,
so every oblast gets room for a label and a status pattern at 80x24, and the tiles simply grow on
a bigger terminal. Pure (Rich text only, no textual): the map screen, the Markdown brief and the
tests all draw with it.

A tile shows a label that begins the area's own name (the full name where it fits) and a fill
whose density says how much is going on (summary.LEVEL_MARKS): it reads without colour, and
colour (16-colour safe names) only adds to it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from sitdash.ingest.places import RUSSIA_ELSEWHERE
from sitdash.summary import (
    FIGHTING,
    LEVEL_MARKS,
    LEVEL_WORDS,
    MOVEMENT,
    NO_REPORTS,
    QUIET,
    STRIKES,
    RegionRow,
    area_label,
    plural,
)


@dataclass(frozen=True, slots=True)
class Tile:
    """One area on the grid: its row and column (north-west is 0, 0) and its span."""

    area: str
    row: int
    col: int
    short: str  # the label when the full name does not fit: a prefix of the name
    rows: int = 1
    cols: int = 1
    neighbour: bool = False  # a country or oblast beyond Ukraine's borders (context)

    @property
    def name(self) -> str:
        """The full name a label begins: "Kharkiv" for Kharkiv Oblast."""
        return "Russia" if self.area == RUSSIA_ELSEWHERE else area_label(self.area)


def _ua(area: str, row: int, col: int, short: str) -> Tile:
    return Tile(area, row, col, short)


def _nb(area: str, row: int, col: int, short: str, rows: int = 1, cols: int = 1) -> Tile:
    return Tile(area, row, col, short, rows, cols, neighbour=True)


GRID_ROWS, GRID_COLS = 6, 9
TILES: tuple[Tile, ...] = (
    # Neighbours to the north and east.
    _nb("Belarus", 0, 1, "Belarus", cols=4),
    _nb("Bryansk Oblast", 0, 5, "Bryansk"),
    _nb("Kursk Oblast", 0, 6, "Kursk"),
    _nb(RUSSIA_ELSEWHERE, 0, 7, "Russia", cols=2),
    _nb("Belgorod Oblast", 1, 7, "Belgor"),
    _nb("Voronezh Oblast", 1, 8, "Voronez"),
    _nb("Rostov Oblast", 3, 8, "Rostov"),
    # Ukraine, west to east, north to south.
    _ua("Volyn Oblast", 1, 1, "Volyn"),
    _ua("Rivne Oblast", 1, 2, "Rivne"),
    _ua("Zhytomyr Oblast", 1, 3, "Zhytom"),
    _ua("Kyiv Oblast", 1, 4, "Kyiv"),
    _ua("Chernihiv Oblast", 1, 5, "Chernih"),
    _ua("Sumy Oblast", 1, 6, "Sumy"),
    _ua("Lviv Oblast", 2, 1, "Lviv"),
    _ua("Ternopil Oblast", 2, 2, "Ternop"),
    _ua("Khmelnytskyi Oblast", 2, 3, "Khmeln"),
    _ua("Vinnytsia Oblast", 2, 4, "Vinnyts"),
    _ua("Cherkasy Oblast", 2, 5, "Cherkas"),
    _ua("Poltava Oblast", 2, 6, "Poltava"),
    _ua("Kharkiv Oblast", 2, 7, "Kharkiv"),
    _ua("Luhansk Oblast", 2, 8, "Luhansk"),
    _ua("Zakarpattia Oblast", 3, 1, "Zakarp"),
    _ua("Ivano-Frankivsk Oblast", 3, 2, "Ivano-F"),
    _ua("Chernivtsi Oblast", 3, 3, "Cherniv"),
    _ua("Kirovohrad Oblast", 3, 5, "Kirovoh"),
    _ua("Dnipropetrovsk Oblast", 3, 6, "Dnipro"),
    _ua("Donetsk Oblast", 3, 7, "Donetsk"),
    _ua("Odesa Oblast", 4, 4, "Odesa"),
    _ua("Mykolaiv Oblast", 4, 5, "Mykol"),
    _ua("Kherson Oblast", 4, 6, "Kherson"),
    _ua("Zaporizhzhia Oblast", 4, 7, "Zapor"),
    _ua("Crimea", 5, 6, "Crimea"),
    # Neighbours to the west and south.
    _nb("Poland", 1, 0, "Poland", rows=2),
    _nb("Slovakia", 3, 0, "Slovak"),
    _nb("Hungary", 4, 0, "Hungary"),
    _nb("Romania", 4, 1, "Romania", cols=3),
    _nb("Moldova", 3, 4, "Moldova"),
)
TILE_OF = {tile.area: tile for tile in TILES}
# Seas: words on the map, not places to move to.
SEAS = (("Black Sea", 5, 3, 3), ("Azov", 5, 7, 1))

MIN_CELL_WIDTH = 8  # a 7-column tile and a gap: every label unique (tests check it)
LEVEL_COLOURS = {FIGHTING: "red", STRIKES: "yellow", MOVEMENT: "cyan", QUIET: "green"}
LEGEND = (f"active: {LEVEL_MARKS[FIGHTING]} {LEVEL_WORDS[FIGHTING]} "
          f"{LEVEL_MARKS[STRIKES]} {LEVEL_WORDS[STRIKES]} "
          f"{LEVEL_MARKS[MOVEMENT]} movement, other · {LEVEL_MARKS[QUIET]} quiet · "
          "blank: no reports")


def label(tile: Tile, width: int) -> str:
    """The tile's label in `width` columns: its full name where it fits, else its short form."""
    return tile.name if len(tile.name) <= width else tile.short[:width]


@dataclass(frozen=True, slots=True)
class Box:
    """Where a tile lies on screen, in columns and lines from the map's top left."""

    x: int
    y: int
    width: int
    height: int

    def contains(self, x: int, y: int) -> bool:
        return self.x <= x < self.x + self.width and self.y <= y < self.y + self.height


@dataclass(frozen=True, slots=True)
class Layout:
    """The map's size on screen: each grid cell is `cell_w` x `cell_h`, gaps included."""

    cell_w: int
    cell_h: int

    @property
    def width(self) -> int:
        return GRID_COLS * self.cell_w

    @property
    def height(self) -> int:
        return GRID_ROWS * self.cell_h

    @property
    def gap_h(self) -> int:
        return 1 if self.cell_h >= 3 else 0  # a blank line between tiles when there is room

    def box(self, row: int, col: int, rows: int = 1, cols: int = 1) -> Box:
        return Box(col * self.cell_w, row * self.cell_h, cols * self.cell_w - 1,
                   rows * self.cell_h - self.gap_h)

    def tile_box(self, tile: Tile) -> Box:
        return self.box(tile.row, tile.col, tile.rows, tile.cols)


def fit(width: int, height: int) -> Layout:
    """The largest tiles that fit in `width` x `height` (at least 8x2 a cell, at most 17x8)."""
    return Layout(max(MIN_CELL_WIDTH, min(17, width // GRID_COLS)),
                  max(2, min(8, height // GRID_ROWS)))


def tile_at(layout: Layout, x: int, y: int) -> str | None:
    """The area whose tile covers screen position (x, y), if any."""
    return next((t.area for t in TILES if layout.tile_box(t).contains(x, y)), None)


_DIRECTIONS = {"up": (0, -1), "down": (0, 1), "left": (-1, 0), "right": (1, 0)}


def move(area: str, direction: str) -> str:
    """The tile next to `area` in `direction` (up, down, left, right): the nearest one whose
    centre lies that way, straight lines first; `area` itself at the edge of the map."""
    dx, dy = _DIRECTIONS[direction]
    here = TILE_OF[area]
    hx, hy = here.col + here.cols / 2, here.row + here.rows / 2
    best, best_score = area, None
    for tile in TILES:
        ahead = (tile.col + tile.cols / 2 - hx) * dx + (tile.row + tile.rows / 2 - hy) * dy
        if tile.area == area or ahead <= 0:
            continue
        # How far off the straight line: nothing when the tile spans it (a wide Belarus).
        if dx:
            aside = _outside(hy, tile.row, tile.row + tile.rows)
        else:
            aside = _outside(hx, tile.col, tile.col + tile.cols)
        score = (ahead + 2 * aside, ahead)
        if best_score is None or score < best_score:
            best, best_score = tile.area, score
    return best


def _outside(value: float, low: float, high: float) -> float:
    """How far `value` lies outside [low, high]."""
    return max(0.0, low - value, value - high)


def render(layout: Layout, rows: dict[str, RegionRow], cursor: str | None = None,
           colour: bool = True) -> list[Text]:
    """The map as lines of Rich text: every tile labelled and filled by its area's level."""
    pieces: dict[int, list[tuple[int, Text]]] = defaultdict(list)
    for tile in TILES:
        box = layout.tile_box(tile)
        for k, line in enumerate(_tile_lines(tile, box, rows.get(tile.area), tile.area == cursor,
                                             colour)):
            pieces[box.y + k].append((box.x, line))
    for name, row, col, cols in SEAS:
        box = layout.box(row, col, 1, cols)
        y = box.y + (box.height - 1) // 2
        pieces[y].append((box.x + max(0, (box.width - len(name)) // 2),
                          Text(name[:box.width], style="italic dim")))
    lines = []
    for y in range(layout.height):
        line = Text(no_wrap=True)
        for x, piece in sorted(pieces.get(y, ()), key=lambda p: p[0]):
            line.append(" " * max(0, x - line.cell_len))
            line.append_text(piece)
        lines.append(line)
    return lines


def _tile_lines(tile: Tile, box: Box, row: RegionRow | None, on_cursor: bool,
                colour: bool) -> list[Text]:
    level = row.level if row else NO_REPORTS
    name_style = Style(italic=tile.neighbour, bold=not tile.neighbour,
                       dim=tile.neighbour and level == NO_REPORTS)
    fill_style = Style(color=LEVEL_COLOURS.get(level)) if colour else Style()
    if on_cursor:  # the label only: an inverted fill would turn the pattern into its negative
        name_style += Style(reverse=True)
    out = [Text(label(tile, box.width).ljust(box.width), style=name_style)]
    counts = _counts(row) if row and box.height >= 4 else ""
    if counts:
        out.append(Text(counts[:box.width].ljust(box.width), style=Style(italic=tile.neighbour)))
    while len(out) < box.height:
        out.append(Text(LEVEL_MARKS[level] * box.width, style=fill_style))
    return out


COUNTS_LEGEND = "7c 4e 3m: claims, events, movements"


def _counts(row: RegionRow) -> str:
    """"7c 4e 3m": claims, events and movements, for tiles with room for a second line."""
    if not (row.claims or row.events or row.movements):
        return ""
    return f"{row.claims}c {row.events}e {row.movements}m"


def describe(row: RegionRow) -> tuple[str, str]:
    """Two status lines for the highlighted tile: what is going on, then when and how much."""
    theatre = f" ({row.theatre})" if row.theatre else ""
    what = f"{row.mark} {row.region}{theatre}: {LEVEL_WORDS[row.level]}"
    level = LEVEL_WORDS[row.level]
    rest = [part for part in row.status.split(", ") if part not in ("quiet", level)]
    if rest and row.level > QUIET:  # "fighting — under air attack, reinforcing", no word twice
        what += " — " + ", ".join(rest)
    counts = ", ".join((plural(row.claims, "claim"), plural(row.events, "event"),
                        plural(row.movements, "movement")))
    sure = f"{row.certainty} · " if row.certainty not in (None, "", "no reports") else ""
    return what, f"{sure}last activity {row.last_date or '-'} · {counts}"


def plain_map(rows: dict[str, RegionRow]) -> str:
    """The map as plain text at 80 columns (for the Markdown brief)."""
    layout = Layout(MIN_CELL_WIDTH, 3)
    return "\n".join(line.plain.rstrip() for line in render(layout, rows, colour=False)).rstrip()
