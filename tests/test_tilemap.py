"""The tile map: every area has a tile, labels begin their names and never clash, the cursor
reaches every tile, and the drawing fits 80x24 and reads without colour."""

import pytest

from sitdash import tilemap
from sitdash.ingest.places import AREA_REGION
from sitdash.summary import FIGHTING, NO_REPORTS, QUIET, STRIKES, RegionRow
from sitdash.tilemap import TILE_OF, TILES, Layout, fit, label, move, render, tile_at


def row(area, level, claims=1, events=0, movements=0, status="quiet"):
    return RegionRow(area, status, "2022-03-31" if claims else None, claims, events, movements,
                     level=level, theatre=AREA_REGION.get(area), is_area=True)


def test_every_theatre_area_has_a_tile_and_tiles_never_overlap():
    mapped = {a for a, theatre in AREA_REGION.items() if theatre is not None}
    assert mapped <= set(TILE_OF)
    cells = [(t.row + r, t.col + c) for t in TILES for r in range(t.rows) for c in range(t.cols)]
    assert len(cells) == len(set(cells))
    assert all(0 <= r < tilemap.GRID_ROWS and 0 <= c < tilemap.GRID_COLS for r, c in cells)


@pytest.mark.parametrize("width", range(7, 17))
def test_labels_begin_their_names_and_are_unique_at_every_tile_width(width):
    labels = [label(t, width) for t in TILES]
    for tile, text in zip(TILES, labels, strict=True):
        assert tile.name.startswith(text) and len(text) <= width, tile.area
        assert len(text) >= min(4, len(tile.name))
    assert len({text.lower() for text in labels}) == len(labels)
    # The three oblasts that start alike stay apart at the narrowest tiles.
    chernihiv, chernivtsi, cherkasy = (label(TILE_OF[a], 7) for a in (
        "Chernihiv Oblast", "Chernivtsi Oblast", "Cherkasy Oblast"))
    assert len({chernihiv, chernivtsi, cherkasy}) == 3


def test_tiles_sit_where_their_areas_lie():
    def at(area):
        tile = TILE_OF[area]
        return tile.row, tile.col

    assert at("Volyn Oblast")[1] < at("Kyiv Oblast")[1] < at("Kharkiv Oblast")[1]  # west to east
    assert at("Chernihiv Oblast")[0] < at("Poltava Oblast")[0] < at("Kherson Oblast")[0]
    assert at("Crimea")[0] > at("Kherson Oblast")[0] and at("Belarus")[0] == 0


def test_arrows_go_to_the_neighbouring_tile_and_reach_every_tile():
    assert move("Kyiv Oblast", "right") == "Chernihiv Oblast"
    assert move("Kyiv Oblast", "left") == "Zhytomyr Oblast"
    assert move("Kyiv Oblast", "down") == "Vinnytsia Oblast"
    assert move("Kyiv Oblast", "up") == "Belarus"
    assert move("Kharkiv Oblast", "down") == "Donetsk Oblast"
    assert move("Kherson Oblast", "down") == "Crimea"
    assert move("Crimea", "down") == "Crimea"  # the edge of the map
    seen, todo = {"Kyiv Oblast"}, ["Kyiv Oblast"]
    while todo:
        area = todo.pop()
        for direction in ("up", "down", "left", "right"):
            nxt = move(area, direction)
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(TILE_OF)


def test_the_map_fits_80x24_and_grows_at_160x48():
    small = fit(80, 19)
    assert (small.width, small.height) <= (80, 19) and small.cell_w == 8
    big = fit(116, 43)
    assert big.cell_w > small.cell_w and big.cell_h > small.cell_h
    lines = render(small, {})
    assert len(lines) == small.height and max(line.cell_len for line in lines) <= 80


def test_tiles_read_without_colour_and_the_cursor_is_reversed():
    layout = Layout(8, 3)
    rows = {"Kharkiv Oblast": row("Kharkiv Oblast", FIGHTING, events=2),
            "Lviv Oblast": row("Lviv Oblast", STRIKES, events=1),
            "Rivne Oblast": row("Rivne Oblast", QUIET),
            "Volyn Oblast": row("Volyn Oblast", NO_REPORTS, claims=0)}
    lines = render(layout, rows, cursor="Kharkiv Oblast", colour=False)

    def fill_under(area):
        box = layout.tile_box(TILE_OF[area])
        assert lines[box.y].plain[box.x:box.x + box.width].strip() == label(TILE_OF[area], 7)
        return lines[box.y + 1].plain[box.x:box.x + box.width]

    assert fill_under("Kharkiv Oblast") == "█" * 7
    assert fill_under("Lviv Oblast") == "▓" * 7
    assert fill_under("Rivne Oblast") == "░" * 7
    assert fill_under("Volyn Oblast") == " " * 7
    assert not any(span.style.color for line in lines for span in line.spans
                   if hasattr(span.style, "color") and span.style.color)
    box = layout.tile_box(TILE_OF["Kharkiv Oblast"])
    styles = [span.style for span in lines[box.y].spans if span.start <= box.x < span.end]
    assert any(style.reverse for style in styles)


def test_tile_at_finds_the_tile_under_a_click():
    layout = Layout(8, 3)
    box = layout.tile_box(TILE_OF["Odesa Oblast"])
    assert tile_at(layout, box.x + 2, box.y + 1) == "Odesa Oblast"
    assert tile_at(layout, box.x + box.width, box.y) is None  # the gap between tiles


def test_status_lines_say_what_when_and_how_much():
    what, when = tilemap.describe(row("Kharkiv Oblast", FIGHTING, claims=3, events=2,
                                      status="shelled, fighting, reinforcing"))
    assert what == "█ Kharkiv Oblast (east): fighting — shelled, reinforcing"  # no word twice
    assert when == "last activity 2022-03-31 · 3 claims, 2 events, 0 movements"
    what, when = tilemap.describe(row("Volyn Oblast", NO_REPORTS, claims=0))
    assert what.endswith("Volyn Oblast (west): no reports") and "last activity -" in when


def test_the_status_lines_say_how_sure_the_status_is():
    sure = row("Kyiv Oblast", FIGHTING, claims=4, events=2)
    sure.certainty = "corroborated"
    assert tilemap.describe(sure)[1].startswith("corroborated · last activity 2022-03-31")
    sure.certainty = "contested"
    assert tilemap.describe(sure)[1].startswith("contested · ")


def test_plain_map_for_the_brief_has_every_label_and_no_styles():
    text = tilemap.plain_map({"Kyiv Oblast": row("Kyiv Oblast", FIGHTING)})
    assert "Kyiv" in text and "Crimea" in text and "Black Sea" in text
    assert max(len(line) for line in text.splitlines()) <= 72
    assert "█" * 7 in text
