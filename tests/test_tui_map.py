"""Pilot tests for the map screen (m) and for enter on a Regions row: cursor, status lines,
enter filters every pane, escape backs out."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_fixtures import seed_store, small_store
from tui_screen import screen_lines, screen_text

from sitdash.store import Store
from sitdash.tilemap import TILE_OF, label
from sitdash.tui.app import SitdashApp
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.screens.map import MapScreen
from sitdash.tui.widgets.rowtable import RowTable, Section

SMALL, WIDE = (80, 24), (160, 48)
ACTIVE_MARKS = set("█▓▒")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.json"
    small_store(path)
    return path


@pytest.fixture
def seed_path(tmp_path: Path) -> Path:
    path = tmp_path / "seed.json"
    if seed_store(path) is None:
        pytest.skip("ingest pipeline not importable yet")
    return path


def open_app(path: Path) -> SitdashApp:
    return SitdashApp(Store(path), export_dir=Path(path).parent)


def timeline_rows(app) -> list[dict]:
    return [r for r in app.screen.query_one("#table-timeline", RowTable).rows
            if not isinstance(r, Section)]


async def show_map(pilot) -> None:
    """Let the dashboard settle, press m, and let the map draw."""
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()


def fill_under(lines: list[str], text: str) -> str:
    """The characters on the line under a tile label found on the screen, under the label."""
    for y, line in enumerate(lines[:-1]):
        x = line.find(text + " ")
        if x >= 0 and y > 0:
            return lines[y + 1][x:x + 7]
    raise AssertionError(f"no tile labelled {text!r} on screen")


async def test_seed_map_marks_the_north_and_east_active_and_the_west_quiet(seed_path):
    """Done when: on the seed, m shows Kyiv, Chernihiv, Sumy, Kharkiv and Donetsk oblasts
    labelled and marked active, and the western oblasts quiet."""
    app = open_app(seed_path)
    async with app.run_test(size=SMALL) as pilot:
        await show_map(pilot)
        assert isinstance(app.screen, MapScreen)
        lines = screen_lines(app)
        for area in ("Kyiv Oblast", "Chernihiv Oblast", "Sumy Oblast", "Kharkiv Oblast",
                     "Donetsk Oblast"):
            fill = fill_under(lines, label(TILE_OF[area], 7))
            assert len(set(fill)) == 1 and fill[0] in ACTIVE_MARKS, (area, fill)
        # The west: nothing but the Lviv fuel-depot strike of March 26 is reported there.
        for area in ("Volyn Oblast", "Rivne Oblast", "Ternopil Oblast", "Zakarpattia Oblast",
                     "Ivano-Frankivsk Oblast", "Chernivtsi Oblast", "Khmelnytskyi Oblast"):
            fill = fill_under(lines, label(TILE_OF[area], 7))
            assert not set(fill) & ACTIVE_MARKS, (area, fill)
        assert "active: █ fighting" in screen_text(app)


async def test_cursor_moves_with_arrows_and_hjkl_and_the_status_line_follows(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await show_map(pilot)
        view = app.screen.map
        # It opens on the most active tile: the fighting near Mala Rohan, Kharkiv Oblast.
        assert view.cursor == "Kharkiv Oblast"
        assert "Kharkiv Oblast (east): fighting" in screen_text(app)
        await pilot.press("j")
        assert view.cursor == "Donetsk Oblast"
        await pilot.press("k", "h", "h")
        assert view.cursor == "Cherkasy Oblast"
        await pilot.press("right", "up", "left", "down")  # a square: back where it started
        assert view.cursor == "Cherkasy Oblast"
        await pilot.press("l", "up")
        await pilot.pause()
        assert view.cursor == "Sumy Oblast"
        text = screen_text(app)
        assert "Sumy Oblast (north): no reports" in text
        assert "0 claims, 0 events, 0 movements" in text


async def test_enter_filters_every_pane_to_the_tile_and_escape_takes_it_back(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"missiles", "enter")  # a filter that enter must keep
        await pilot.pause()
        before = app.filters
        await pilot.press("x", "m", "h", "h", "h", "h", "h", "h")  # west along row 2 to Lviv
        await pilot.pause()
        assert app.screen.map.cursor == "Lviv Oblast"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.filters.regions == frozenset({"Lviv Oblast"})
        assert "[region: Lviv Oblast]" in screen_text(app)
        assert [e["places"] for e in timeline_rows(app)] == [["Lviv"]]
        await pilot.press("escape")
        await pilot.pause()
        assert app.filters.regions == frozenset() and before.text == "missiles"
        assert len(timeline_rows(app)) == 4


async def test_escape_leaves_the_map_without_filtering_and_m_toggles(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("m", "j", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen) and app.filters.is_empty()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MapScreen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_the_map_follows_the_filters(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await show_map(pilot)
        assert app.screen.map.rows["Lviv Oblast"].active
        await pilot.press("r", *"east", "enter")  # a filter picked on the map applies to it
        await pilot.pause()
        view = app.screen.map
        assert not view.rows["Lviv Oblast"].active and view.rows["Kharkiv Oblast"].active
        assert "[region: east]" in screen_text(app)
        assert not set(fill_under(screen_lines(app), "Lviv")) & ACTIVE_MARKS


async def test_wide_map_lists_the_areas_events_and_movements_beside_it(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await show_map(pilot)
        text = screen_text(app)
        assert "Kharkiv" in text and "Events (2)" in text
        assert "Ukrainian counterattack near Mala Rohan" in text
        assert "Movements (1)" in text and "Ukrainian troops advance" in text
        await pilot.press("l")  # Luhansk: nothing there
        await pilot.pause()
        assert "Events (0)" in screen_text(app)


async def test_a_click_highlights_a_tile_and_a_double_click_filters_to_it(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await show_map(pilot)
        view = app.screen.map
        box = view.layout_now.tile_box(TILE_OF["Odesa Oblast"])
        await pilot.click(view, offset=(box.x + 1, box.y + 1))
        assert view.cursor == "Odesa Oblast"
        await pilot.click(view, offset=(box.x + 1, box.y + 1), times=2)
        await pilot.pause()
        assert app.filters.regions == frozenset({"Odesa Oblast"})


async def test_map_reads_without_colour(store_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await show_map(pilot)
        lines = screen_lines(app)
        assert fill_under(lines, "Kharkiv") == "█" * 7  # fighting: a pattern, not a colour
        assert fill_under(lines, "Lviv") == "▓" * 7
        # The highlighted tile (Kharkiv, the most active) is inverted: an attribute, no colour.
        strips = app.screen._compositor.render_strips()
        y = next(n for n, line in enumerate(lines) if "Kharkiv " in line and n > 0)
        assert any(seg.style and seg.style.reverse and "Kharkiv" in seg.text for seg in strips[y])
        assert not any(seg.style and seg.style.reverse and "Lviv" in seg.text for seg in strips[y])


async def test_enter_on_a_regions_row_filters_to_it_and_escape_goes_back(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("2")
        table = app.screen.query_one("#table-regions", RowTable)
        labels = [r.region for r in table.rows]
        assert labels[:2] == ["north", "Kyiv Oblast"]  # a theatre, then its oblasts
        await pilot.press("enter")  # on the theatre: every oblast of it
        await pilot.pause()
        assert app.filters.regions == frozenset({"north"})
        await pilot.press("j", "enter")  # then one oblast of it
        await pilot.pause()
        assert app.filters.regions == frozenset({"Kyiv Oblast"})
        await pilot.press("escape")
        await pilot.pause()
        assert app.filters.regions == frozenset({"north"})
        await pilot.press("escape")
        await pilot.pause()
        assert app.filters.is_empty()


async def test_article_text_beside_the_map_shows_literally(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await show_map(pilot)
        app.screen.map.cursor = "Mykolaiv Oblast"  # the hostile article's port
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]x[/]" in text and "\x1b" not in text


async def test_region_picker_offers_oblasts_under_their_theatre(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        picker = app.screen
        values = list(picker.table.rows)
        assert values.index("Kharkiv Oblast") == values.index("east") + 1
        assert picker.labels["Kharkiv Oblast"] == "  Kharkiv Oblast"  # shown under its theatre
        await pilot.press(*"kharkiv", "enter")
        await pilot.pause()
        assert app.filters.regions == frozenset({"Kharkiv Oblast"})
        assert {e["places"][0] for e in timeline_rows(app)} == {"Kharkiv", "Mala Rohan"}
