"""The `/` box on the Claims screen, and keys typed by mistake: no letter ever writes a file."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from tui_fixtures import open_app
from tui_screen import screen_text

from sitdash.store import Store
from sitdash.tui.screens.claims import ClaimsScreen
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.widgets.filterbox import FilterBox
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.rowtable import RowTable


def header(app) -> str:
    return str(app.screen.query_one(ChipsHeader).render())


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_slash_on_the_claims_screen_filters_as_you_type(store_path, size):
    app = open_app(store_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        assert table.row_count == 7
        await pilot.press("slash")
        box = app.screen.query_one(FilterBox)
        assert box.display and app.focused is box
        await pilot.press(*"bela")  # "e" types, it does not export; "b"..."a" run nothing
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        assert app.filters.text == "bela" and box.value == "bela"
        assert [c["places"] for c in table.rows] == [["Belarus"]]
        assert "[/bela]" in header(app) and "1/7 claims" in header(app)
        assert "We assess that they are moving toward Belarus" in screen_text(app)
        await pilot.press("escape")  # leaves the box, keeps the filter
        assert app.focused is table and app.filters.text == "bela"
        await pilot.press("escape")  # clears it
        await pilot.pause()
        assert app.filters.text == "" and table.row_count == 7 and not box.display
        await pilot.press("slash", *"kharkiv", "enter", "j")  # enter leaves; j moves the list
        await pilot.pause()
        assert app.focused is table and table.cursor == 1 and table.row_count == 2
        await pilot.press("escape", "escape")  # clear, then back to the dashboard
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.filters.text == ""


async def test_the_claims_search_is_the_dashboards_text_filter(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"lviv", "enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        box = app.screen.query_one(FilterBox)
        assert box.display and box.value == "lviv"  # the same filter, shown where it applies
        assert app.screen.query_one(RowTable).row_count == 1


def _files(folder: Path) -> dict[str, bytes]:
    """Every file the app could write, with its bytes (the saved filters are state, not data)."""
    return {p.name: p.read_bytes() for p in folder.iterdir()
            if p.is_file() and not p.name.endswith(".ui.json")}


async def _reset(app, pilot, screen: str) -> None:
    """Back to a fresh Claims screen (or the dashboard), whatever the last key opened."""
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    await pilot.pause()
    app.narrowed.clear()
    app.set_filters(app.filters.with_(text=""))
    app.screen.focus_pane(1)
    if screen == "claims":
        app.action_claims()
    await pilot.pause()


@pytest.mark.parametrize("screen", ["claims", "dashboard"])
async def test_no_key_typed_by_mistake_writes_a_file(store_path, screen):
    """Every printable key, one at a time from a clean screen with no text box open, then every
    letter as one stream (a word typed with the box closed): no export, no note, no status."""
    folder = store_path.parent
    before = _files(folder)
    assert before  # the store is there to compare
    app = open_app(store_path)
    keys = [c for c in string.printable if not c.isspace() and c != "q"]  # q quits (below)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys:
            await _reset(app, pilot, screen)
            assert app.focused is not None and not isinstance(app.focused, FilterBox), key
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            assert _files(folder) == before, f"key {key!r} wrote a file"
        await _reset(app, pilot, screen)
        await pilot.press(*[c for c in string.ascii_letters if c != "q"], "q")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert _files(folder) == before
    assert app.last_export is None
    assert Store(store_path).notes() == [] and Store(store_path).history() == []
