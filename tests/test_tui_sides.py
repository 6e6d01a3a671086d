"""Sources by side: the s picker offers each side as one choice, the Sources screen shows each
speaker's side and S corrects it; the dashboard's index keeps the analyst's corrections."""

from __future__ import annotations

from tui_fixtures import open_app
from tui_screen import screen_lines, screen_text

from sitdash.model import SIDES
from sitdash.store import Store
from sitdash.tui import rows as R
from sitdash.tui.screens.judge import SideScreen
from sitdash.tui.screens.pickers import PickerScreen
from sitdash.tui.screens.sources import SourcesScreen
from sitdash.tui.widgets.rowtable import RowTable

SMALL = (80, 24)
GOVERNOR = "d:regional governor"  # "the regional governor" of Lviv: Ukrainian, by the place


async def test_the_sources_picker_offers_each_side_first_with_its_claims(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        shown = list(app.screen.table.rows)
        counts = dict(app.index.options("side"))
        assert [app.screen.labels[v] for v in shown[:5]] == [
            f"{label} side: all its speakers" for label in SIDES.values()]
        assert [app.screen.counts[v] for v in shown[:5]] == [counts.get(s, 0) for s in SIDES]
        assert "  Vyacheslav Chaus · Ukrainian" in [app.screen.labels[v] for v in shown[5:]]
        await pilot.press(*"ukrain")  # searched as shown: the side, then Ukrainian speakers
        await pilot.pause()
        found = [app.screen.labels[v] for v in app.screen.table.rows]
        assert found[0] == "Ukrainian side: all its speakers"
        assert any("Chaus" in label for label in found)
        await pilot.press("enter")  # the highlighted choice: the whole side
        await pilot.pause()
        assert app.filters.sides == frozenset({"ua"}) and not app.filters.sources
        assert "[side: Ukrainian]" in screen_lines(app)[0]
        passing = app.index.claim_ids(app.filters)
        assert passing and all(app.index.claim_side(c) == "ua" for c in passing)
        assert len(passing) == counts["ua"]
        await pilot.press("s")  # the picker opens on what is chosen
        await pilot.pause()
        assert app.screen.selected == {"\0side:ua"}
        await pilot.press("escape", "x")
        await pilot.pause()
        assert not app.filters.sides


async def test_a_side_and_a_speaker_can_be_ticked_together(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("s", "down", "j", "space")  # Side: Russian
        rows = list(app.screen.table.rows)
        kirby = next(i for i, v in enumerate(rows) if v == "John Kirby")
        await pilot.press(*["j"] * (kirby - 1), "space", "enter")
        await pilot.pause()
        assert app.filters.sides == frozenset({"ru"})
        assert app.filters.sources == frozenset({"John Kirby"})
        header = screen_lines(app)[0]
        assert "[source: John Kirby]" in header and "[side: Russian]" in header


async def test_the_sources_screen_shows_sides_and_s_corrects_one(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        table = app.screen.query_one("#speakers-table", RowTable)
        at = next(i for i, row in enumerate(table.rows) if row.key == GOVERNOR)
        await pilot.press("tab", "home", *["j"] * at)
        assert table.current_row.key == GOVERNOR and table.current_row.side == "ua"
        chaus = next(row for row in table.rows if row.name == "Vyacheslav Chaus")
        assert R.side_cell(chaus) == "Ukrainian"
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SideScreen)
        assert "● 6 as read from the copy (Ukrainian)" in screen_text(app)
        await pilot.press("2")  # Russian: the analyst overrides what the copy suggests
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        row = table.current_row
        assert (row.key, row.side, row.side_set) == (GOVERNOR, "ru", True)
        assert "Russian *" in next(ln for ln in screen_lines(app) if "regional governor" in ln)
        # the dashboard's index took it: the side filter now holds the governor's claims
        claims = app.index.by_source[GOVERNOR]
        assert claims and all(app.index.claim_side(c) == "ru" for c in claims)
        assert claims <= set(app.index.claim_ids(app.filters.with_(sides=frozenset({"ru"}))))
        assert Store(week_path).speaker_sides() == {GOVERNOR: "ru"}
        await pilot.press("S", "6")  # back to what the copy says
        await pilot.pause()
        assert table.current_row.side == "ua" and not table.current_row.side_set
        assert Store(week_path).speaker_sides() == {}
        history = [h for h in Store(week_path).history() if h.get("action") == "speaker-side"]
        assert len(history) == 2


async def test_escape_or_the_same_side_changes_nothing(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("o", "tab", "S", "escape")
        await pilot.pause()
        await pilot.press("S", "6")  # as inferred already
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
    assert Store(week_path).speaker_sides() == {}


async def test_an_index_built_in_a_worker_keeps_the_analysts_sides(week_path):
    """Ingest (paste, inbox, another session) rebuilds the index without analyst data; the
    analyst's side corrections come back with it."""
    Store(week_path).set_speaker_side(GOVERNOR, "the regional governor", "ru")
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.index.speaker_side(GOVERNOR) == "ru"
        fresh = app.index_in_worker()
        assert fresh.speaker_side(GOVERNOR) == "ua"  # no analyst data in a worker: as read
        app.install_index(fresh)
        await pilot.pause()
        assert app.index is fresh and fresh.speaker_side(GOVERNOR) == "ru"
        claims = fresh.by_source[GOVERNOR]
        assert claims <= set(fresh.claim_ids(app.filters.with_(sides=frozenset({"ru"}))))
