"""The Notes screen: every note with its claim, author and time; `/` searches; enter opens the
claim; notes on claims that are gone are listed, not lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_fixtures import open_app, small_records, small_store
from tui_screen import screen_text

from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.screens.claims import ClaimScreen
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.screens.notes import NotesScreen
from sitdash.tui.widgets.filterbox import FilterBox
from sitdash.tui.widgets.rowtable import RowTable


def claim_id(fragment: str) -> str:
    return next(c["id"] for c in small_records()["claims"] if fragment in c["text"])


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.json"
    store = small_store(path)
    store.add_note(claim_id("four people were killed"), "Toll matches the governor's channel",
                   author="ana")
    store.add_note(claim_id("moving toward Belarus"), "Assessment only; wait for imagery",
                   author="ben")
    store.add_note(claim_id("fuel depot"), "Depot fire confirmed by video", author="ana")
    store.add_note("0000gone00000000", "Written on a claim a rebuild dropped", author="ana")
    return path



def shown_notes(app) -> list[str]:
    return [e.note["text"] for e in app.screen.query_one(RowTable).rows]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_notes_screen_lists_every_note_newest_first(store_path, size):
    app = open_app(store_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("r", *"west", "enter")  # dashboard filters narrow claims, not notes
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert shown_notes(app) == [
            "Written on a claim a rebuild dropped", "Depot fire confirmed by video",
            "Assessment only; wait for imagery", "Toll matches the governor's channel"]
        text = screen_text(app)
        assert "4/4 notes, newest first" in text
        assert "ana" in text and "ben" in text
        assert "(claim gone from the store)" in text or size[0] < 100
        assert "This note's claim is no longer in the store" in str(
            app.screen.query_one(DetailStrip).render())
        await pilot.press("j")  # the depot note: its claim's sentence below, with that note
        strip = str(app.screen.query_one(DetailStrip).render())
        assert "two missiles struck a fuel depot" in strip
        assert "ana" in strip and "Depot fire confirmed by video" in strip


async def test_slash_searches_notes_authors_and_claims_and_enter_opens_the_claim(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("N", "slash", *"imagery")
        await pilot.pause()
        assert shown_notes(app) == ["Assessment only; wait for imagery"]
        assert app.filters.text == ""  # a notes search, not the dashboard's text filter
        await pilot.press("ctrl+u", *"kharkiv")  # the claim's sentence matches too
        await pilot.pause()
        assert shown_notes(app) == ["Toll matches the governor's channel"]
        await pilot.press("ctrl+u", *"ben", "enter")  # the author; enter leaves the box
        await pilot.pause()
        assert shown_notes(app) == ["Assessment only; wait for imagery"]
        assert app.focused is app.screen.query_one(RowTable)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)
        assert app.screen.claim_id == claim_id("moving toward Belarus")
        await pilot.press("escape")  # back to the notes, search kept
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen) and len(shown_notes(app)) == 1
        await pilot.press("escape")  # clears the search
        await pilot.pause()
        assert len(shown_notes(app)) == 4 and not app.screen.query_one(FilterBox).display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_notes_written_from_the_notes_screen_show_up_at_once(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("end")  # the oldest note: the governor's toll
        await pilot.press("n", "ctrl+n", *"Second source: the mayor", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert shown_notes(app)[0] == "Second source: the mayor"
        await pilot.press("home", "v", "2")  # status on the note's claim, shown in St
        await pilot.pause()
        assert app.store.judgement(claim_id("four people were killed"))["status"] == "corroborated"
        assert app.screen.query_one(RowTable).rows[0].status == "corroborated"


async def test_enter_on_a_note_whose_claim_is_gone_says_so(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("N", "home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
