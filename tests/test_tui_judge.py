"""Status and grade dialogs start on what the claim has (or on nothing), a stray enter changes
nothing, and the claim screen shows the judgement history as readable lines."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList
from tui_fixtures import open_app

from sitdash.store import Store
from sitdash.tui.screens.claims import ClaimScreen
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.screens.judge import GradeScreen, StatusScreen


def highlighted(app, selector: str) -> int | None:
    return app.screen.query_one(selector, OptionList).highlighted


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_an_unjudged_claim_opens_on_unverified_and_no_grade_and_enter_writes_nothing(
        store_path, size):
    app = open_app(store_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        claim_id = app.screen.current_claim_id()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GradeScreen)
        assert highlighted(app, "#reliability") is None and highlighted(app, "#credibility") is None
        choice = str(app.screen.query_one("#grade-choice").render())
        assert "Grade: ??" in choice and "now: not graded" in choice
        await pilot.press("enter")  # nothing chosen: stays open, writes nothing
        await pilot.pause()
        assert isinstance(app.screen, GradeScreen)
        await pilot.press("b", "enter")  # half a grade: still nothing
        await pilot.pause()
        assert isinstance(app.screen, GradeScreen)
        await pilot.press("escape", "v")
        await pilot.pause()
        assert isinstance(app.screen, StatusScreen)
        assert highlighted(app, "#choice-list") == 0  # unverified, what the claim counts as
        await pilot.press("enter")  # on the status it has: closes, nothing written
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("v", "1")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    assert Store(store_path).history(claim_id) == []


async def test_a_judged_claim_opens_on_its_judgement_and_enter_on_it_changes_nothing(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        claim_id = app.screen.current_claim_id()
        await pilot.press("g", "c", "4", "enter", "v", "3")  # C4, disputed
        await pilot.pause()
        history = Store(store_path).history(claim_id)
        assert [h["action"] for h in history] == ["grade", "status"]
        await pilot.press("g")
        await pilot.pause()
        assert highlighted(app, "#reliability") == 2 and highlighted(app, "#credibility") == 3
        assert "now: C4" in str(app.screen.query_one("#grade-choice").render())
        await pilot.press("enter")  # the grade it already has: closes, no change recorded
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("v")
        await pilot.pause()
        assert highlighted(app, "#choice-list") == 2  # disputed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert len(Store(store_path).history(claim_id)) == 2
        await pilot.press("v", "up", "enter")  # a different choice is applied
        await pilot.pause()
        assert app.store.judgement(claim_id)["status"] == "corroborated"


async def test_the_claim_screen_shows_the_history_as_readable_lines(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("v", "3", "g", "b", "2", "enter", "n", *"Check the toll", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)
        full = app.screen.query_one("#claim-full").render().plain
        author = app.store.history()[0]["author"]
        lines = full.split("Judgement history\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert len(lines) == 3
        assert lines[0].endswith(f"  {author}  status  unverified -> disputed")
        assert lines[1].endswith("grade   -- -> B2 (Usually reliable; Probably true)")
        assert lines[2].endswith("note added  “Check the toll”")
        assert all(line[:16].count("-") == 2 and line[13] == ":" for line in lines)  # local time
        assert "{" not in full and "note_id" not in full
