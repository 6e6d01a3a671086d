"""Keys read together are handled one at a time, in order (sitdash/tui/keyorder.py).

Each test queues every key on the App before it handles the first one, as a terminal read that
returns a burst does (a fast typist, keys over SSH, tmux send-keys): faster than anyone types.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input
from tui_fixtures import open_app, small_store

from sitdash.tui.keyorder import KeysInOrder
from sitdash.tui.screens.claims import ClaimsScreen
from sitdash.tui.widgets.rowtable import RowTable, Section

EDIT_BURST = [*"abcdef", *["backspace"] * 6, *"xyz"]


def burst(app: App, keys: list[str]) -> None:
    """Queue `keys` on the App all at once (key names; one character is itself)."""
    names = {"/": "slash", " ": "space", "?": "question_mark"}
    chars = {"enter": "\r", "backspace": "\x7f", "escape": "\x1b", "space": " "}
    for key in keys:
        name = names.get(key, key)
        char = key if len(key) == 1 else chars.get(key)
        app.post_message(events.Key(name, char))


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause(0.2)


class OrderedInputApp(KeysInOrder, App):
    """A bare Textual Input with nothing of sitdash but the key ordering."""

    def compose(self) -> ComposeResult:
        yield Input(id="box")


async def test_a_plain_input_with_keys_in_order_takes_an_editing_burst():
    app = OrderedInputApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, [*EDIT_BURST, "home", "Q", "end", "!"])
        await settle(pilot)
        assert app.query_one(Input).value == "Qxyz!"


async def test_a_paste_after_keys_lands_after_them():
    app = OrderedInputApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, ["a", "b", "backspace"])
        app.post_message(events.Paste("-kyiv"))
        burst(app, ["backspace"])
        await settle(pilot)
        assert app.query_one(Input).value == "a-kyi"




@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_filter_box_takes_the_editing_burst_like_a_plain_input(seed_path, size):
    app = open_app(seed_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        burst(app, ["/", *EDIT_BURST])
        await settle(pilot)
        assert app.screen.query_one("#filter").value == "xyz"
        assert app.filters.text == "xyz"
        burst(app, [*["backspace"] * 3, *"kyiv", "enter", "2"])  # and out of the box to a pane
        await settle(pilot)
        assert app.filters.text == "kyiv"
        assert app.focused.id == "table-regions"


async def test_the_claims_screen_box_takes_a_burst_and_letters_after_enter_move_the_list(
        seed_path):
    app = open_app(seed_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, ["c", "/", *"kirbx", "backspace", "y", "enter", "j", "j"])
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)
        assert app.filters.text == "kirby"
        table = app.screen.query_one(RowTable)
        assert table.cursor == 2 and app.focused is table
        assert all("kirby" in app.index.facts[c["id"]].search_text for c in table.rows)


async def test_pane_keys_in_a_burst_land_on_the_pane_each_one_opened(tmp_path):
    path = tmp_path / "store.json"
    small_store(path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, ["3", "j", "4", "2", "j", "j"])
        await settle(pilot)
        assert app.focused.id == "table-regions"
        assert app.screen.query_one("#table-quotes", RowTable).cursor == 1
        assert app.screen.query_one("#table-regions", RowTable).cursor == 2
        timeline = app.screen.query_one("#table-timeline", RowTable)
        assert not isinstance(timeline.rows[timeline.cursor], Section)


async def test_keys_after_one_that_opens_a_dialog_reach_the_dialog(tmp_path):
    """"v", down and enter in one read: down moves in the status dialog "v" opened (from
    unverified), so enter sets "corroborated"; then "g b 3 enter" grades B3."""
    path = tmp_path / "store.json"
    small_store(path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        claim_id = app.screen.current_claim_id()
        burst(app, ["v", "down", "enter", "g", "b", "3", "enter", "j"])
        await settle(pilot)
        judgement = app.store.judgement(claim_id)
        assert judgement["status"] == "corroborated"
        assert (judgement["reliability"], judgement["credibility"]) == ("B", "3")
        assert app.screen.current_claim_id() != claim_id  # "j" moved the list after the dialogs


async def test_a_burst_of_j_scrolls_help_and_the_claim_screen_all_the_way(tmp_path):
    path = tmp_path / "store.json"
    small_store(path)
    app = open_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, ["?", *"j" * 12])
        await settle(pilot)
        assert app.screen.query_one("#help-body").scroll_y == 12
        burst(app, ["escape", "enter", *"j" * 5, "k"])
        await settle(pilot)
        assert app.screen.query_one("#claim-body").scroll_y == 4
