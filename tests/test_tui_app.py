"""Pilot tests: drive every dashboard binding on real stores and check what the panes show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import TabbedContent, TextArea
from tui_fixtures import seed_store, small_store
from tui_screen import screen_text

from sitdash.store import Store
from sitdash.tui.app import SitdashApp
from sitdash.tui.keys import KEYS, palette_entries
from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.screens.claims import ClaimScreen, ClaimsScreen
from sitdash.tui.screens.confirm import ConfirmScreen
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.screens.help import HelpScreen
from sitdash.tui.screens.judge import GradeScreen, StatusScreen
from sitdash.tui.screens.note import NoteScreen
from sitdash.tui.screens.pickers import PickerScreen
from sitdash.tui.screens.sources import SourcesScreen
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.rowtable import RowTable, Section

SMALL, WIDE = (80, 24), (160, 48)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.json"
    small_store(path)
    return path


def open_app(path: Path) -> SitdashApp:
    # Exports ('e') go beside the test's store, never into the folder the tests run from.
    return SitdashApp(Store(path), export_dir=Path(path).parent)


def rows(app, key: str) -> list:
    return [r for r in app.screen.query_one(f"#table-{key}", RowTable).rows
            if not isinstance(r, Section)]


def header(app) -> str:
    return str(app.screen.query_one(ChipsHeader).render())


def detail(app) -> str:
    return str(app.screen.query_one(DetailStrip).render())


# -- layout -----------------------------------------------------------------------------------


async def test_small_terminal_uses_tabs_named_after_the_panes(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.screen.query(TabbedContent)
        text = screen_text(app)
        for name in ("Timeline", "Regions", "Quotes", "Movements"):
            assert name in text.splitlines()[1]
        assert "Shelling of Kharkiv" in text


async def test_wide_terminal_shows_a_grid_of_four_titled_panes_and_reflows(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert not app.screen.query(TabbedContent)
        text = screen_text(app)
        for title in ("1 Timeline", "2 Regions", "3 Quotes", "4 Movements"):
            assert title in text
        await pilot.press("3")
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query(TabbedContent)
        assert app.screen.query_one(TabbedContent).active == "tab-quotes"
        assert app.focused.id == "table-quotes"
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query(TabbedContent)
        assert app.focused.id == "table-quotes"


async def test_panes_show_their_rows(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one("#table-timeline", RowTable).rows
        assert [r.label.split()[0] for r in timeline if isinstance(r, Section)] == [
            "2022-03-27", "2022-03-26", "2022-03-24"]  # newest first
        assert len(rows(app, "timeline")) == 4
        regions = {r.region: r for r in rows(app, "regions")}
        assert regions["east"].claims == 3 and "fighting" in regions["east"].status
        quotes = rows(app, "quotes")
        assert quotes[0]["speaker"] == "Oleh Synehubov"  # the most substantive first
        developments = rows(app, "movements")
        assert {(d.route, d.direction) for d in developments} == {
            ("Kyiv -> ?", "back"), ("? -> Belarus", "back"), ("? -> Mala Rohan", "forward")}
        text = screen_text(app)
        assert "Kyiv -> ?" in text and "reposition" in text and "1 out/1 src" in text
        assert "3 developments: 2 back, 1 forward · 3 reports" in text
        assert "▁" in text  # sparklines


# -- moving around ----------------------------------------------------------------------------


async def test_number_keys_tab_and_shift_tab_move_between_panes(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.focused.id == "table-timeline"
        await pilot.press("2")
        assert app.focused.id == "table-regions"
        assert app.screen.query_one(TabbedContent).active == "tab-regions"
        await pilot.press("tab")
        assert app.focused.id == "table-quotes"
        await pilot.press("tab", "tab")
        assert app.focused.id == "table-timeline"
        await pilot.press("shift+tab")
        assert app.focused.id == "table-movements"
        await pilot.press("1")
        assert app.focused.id == "table-timeline"


async def test_cursor_moves_and_detail_strip_shows_sentence_in_paragraph(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "Doc: Evil Outlet, 2022-03-27" in detail(app)  # the newest event first
        await pilot.press("j")
        assert app.screen.current_claim_id() == rows(app, "timeline")[1]["claim_ids"][0]
        assert "Live: sirens over Lviv" in detail(app)
        strip = app.screen.query_one(DetailStrip).shown
        sentence = "The mayor said two missiles struck a fuel depot on the edge of Lviv"
        spans = [strip.plain[s.start:s.end] for s in strip.spans if "reverse" in str(s.style)]
        assert any(sentence in span for span in spans)  # the matched part is bold reverse
        assert "Status: unverified" in detail(app)
        await pilot.press("j")
        assert "Doc: Wire, 2022-03-24 — Russian shelling hits Kharkiv" in detail(app)
        await pilot.press("k", "down", "up", "up")
        assert "Evil Outlet" in detail(app)


async def test_enter_opens_the_claim_with_context_notes_and_links(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)
        text = screen_text(app)
        assert "Governor Oleh Synehubov said on Telegram" in text
        assert "Linked events (1)" in text or "Linked events" in str(
            app.screen.query_one("#claim-full").render())
        full = str(app.screen.query_one("#claim-full").render())
        assert "Linked quotes (1)" in full and "Shelling of Kharkiv" in full
        # the paragraphs either side are there for context
        assert "shelled the eastern city of Kharkiv" in full and "Mala Rohan" in full
        await pilot.press("j", "j", "k")
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


# -- filters ----------------------------------------------------------------------------------


async def test_slash_filters_every_pane_as_you_type_and_escape_is_layered(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"lviv")
        await pilot.pause()
        assert app.filters.text == "lviv"
        assert len(rows(app, "timeline")) == 1
        assert rows(app, "quotes") == [] and rows(app, "movements") == []
        assert "[/lviv]" in header(app)
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"kyiv")
        await pilot.pause()
        assert len(rows(app, "movements")) == 1
        await pilot.press("escape")  # leaves the box, keeps the filter
        assert app.focused.id == "table-timeline"
        assert app.filters.text == "kyiv"
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert app.filters.text == ""
        assert len(rows(app, "timeline")) == 4
        assert "no filters" in header(app)


@pytest.mark.parametrize("key,field,choice", [
    ("r", "regions", "west"),
    ("s", "sources", "the mayor"),
    ("t", "types", "Armed clash"),
])
async def test_pickers_search_toggle_apply(store_path, key, field, choice):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*choice)
        await pilot.pause()
        picker = app.screen
        assert picker.table.current_row == choice
        await pilot.press("down", "up")  # into the list and back up to the search box
        assert app.focused.id == "picker-search"
        await pilot.press("down", "space")  # into the list; space ticks
        assert choice in picker.selected
        await pilot.press("space")
        assert choice not in picker.selected
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert getattr(app.filters, field) == frozenset({choice})
        assert choice in header(app)
        claim_ids = set(app.index.claim_ids(app.filters))
        assert claim_ids
        for event in rows(app, "timeline"):
            assert claim_ids & set(event["claim_ids"])
        await pilot.press("x")
        await pilot.pause()
        assert app.filters.is_empty()
        assert "no filters" in header(app)


async def test_picker_multi_select_and_escape_cancels(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("r", "down", "space", "j", "space", "enter")
        await pilot.pause()
        assert len(app.filters.regions) == 2
        before = app.filters
        await pilot.press("r", *"south", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.filters == before


async def test_date_range_picker_sets_first_and_last_day(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert [r for r in app.screen.table.rows] == ["2022-03-24", "2022-03-25", "2022-03-26",
                                                      "2022-03-27"]
        await pilot.press("down", "j", "space", "j", "space", "enter")
        await pilot.pause()
        assert (app.filters.date_from, app.filters.date_to) == ("2022-03-25", "2022-03-26")
        assert "date: 2022-03-25..2022-03-26" in header(app)
        assert [e["date"] for e in rows(app, "timeline")] == ["2022-03-26"]


async def test_needs_review_hides_claims_with_a_status(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("v", "2")  # corroborated: the first timeline claim
        await pilot.pause()
        first = rows(app, "timeline")[0]
        assert app.index.judgement(first["claim_ids"][0])["status"] == "corroborated"
        await pilot.press("u")
        await pilot.pause()
        assert "needs review" in header(app)
        shown = set(app.index.claim_ids(app.filters))
        assert first["claim_ids"][0] not in shown and len(shown) == 6
        await pilot.press("u")
        await pilot.pause()
        assert not app.filters.needs_review


async def test_filters_persist_across_restart(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("r", *"east", "enter", "slash", *"shell", "escape")
        await pilot.pause()
    saved = json.loads(store_path.with_suffix(".ui.json").read_text())
    assert saved["filters"]["regions"] == ["east"] and saved["filters"]["text"] == "shell"
    again = open_app(store_path)
    async with again.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert again.filters.regions == frozenset({"east"}) and again.filters.text == "shell"
        assert "[region: east]" in header(again) and "[/shell]" in header(again)
        assert len(rows(again, "timeline")) == 1


# -- notes, status, grade ---------------------------------------------------------------------


async def test_note_is_saved_marked_everywhere_and_survives_restart(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("3")  # the governor's quote
        claim_id = app.screen.current_claim_id()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Check casualty figure", "enter", *"against OCHA.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        marked = [line for line in text.splitlines() if "✎" in line and "Kharkiv" in line]
        assert marked, text  # timeline row of the shelling event
        assert "✎ Oleh Synehubov" in text  # quotes pane
        assert "Notes: 1 ✎" in detail(app) and "Check casualty figure" in detail(app)
    reopened = Store(store_path)
    assert [n["text"] for n in reopened.notes(claim_id)] == ["Check casualty figure\nagainst OCHA."]
    again = open_app(store_path)
    async with again.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert again.index.has_notes(claim_id)
        await pilot.press("3")
        assert "✎ Oleh Synehubov" in screen_text(again)
        await pilot.press("n")
        await pilot.pause()
        editor = again.screen.query_one(TextArea)
        assert editor.text == "Check casualty figure\nagainst OCHA."  # editing the latest note
        assert "Edit note by" in screen_text(again)
        await pilot.press("end", *" Done.", "ctrl+s")
        await pilot.pause()
    notes = Store(store_path).notes(claim_id)
    assert len(notes) == 1 and notes[0]["text"].endswith("against OCHA. Done.")


async def test_escape_asks_before_discarding_an_edited_note(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes straight away
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("n", *"draft")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one(TextArea).text == "draft"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.store.notes() == []


async def test_status_and_grade_are_stored_and_shown(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        claim_id = app.screen.current_claim_id()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, StatusScreen)
        await pilot.press("down", "down", "enter")  # from unverified: disputed
        await pilot.pause()
        assert app.store.judgement(claim_id)["status"] == "disputed"
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GradeScreen)
        text = screen_text(app)
        assert "Usually reliable" in text and "Probably true" in text
        await pilot.press("b", "3", "enter")
        await pilot.pause()
        judgement = app.store.judgement(claim_id)
        assert (judgement["reliability"], judgement["credibility"]) == ("B", "3")
        assert "Grade: B3 (Usually reliable; Possibly true)" in detail(app)
        assert "Status: disputed" in detail(app)


async def test_actions_on_a_row_without_a_claim_warn_instead_of_failing(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("2", "home")  # "north": no claims under a west-only filter below
        await pilot.press("r", *"west", "enter")
        await pilot.pause()
        await pilot.press("2", "home", "n")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


# -- other screens ----------------------------------------------------------------------------


async def test_claims_screen_lists_every_claim_and_opens_one(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        table = app.screen.query_one(RowTable)
        assert table.row_count == 7
        text = screen_text(app)
        assert "Status" in text and "unverified" in text
        await pilot.press("n", *"seen", "ctrl+s")
        await pilot.pause()
        assert "✎ 2022-03-27" in screen_text(app)  # the newest claim first
        await pilot.press("j", "v", "4")
        await pilot.pause()
        assert "Status: false" in screen_text(app)
        assert [line for line in screen_text(app).splitlines() if " fal " in line]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)
        full = str(app.screen.query_one("#claim-full").render())
        assert "Judgement history" in full and "false" in full
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_sources_screen_counts_claims_and_judgements(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("end", "v", "3")  # the oldest event's claim disputed (a Wire claim)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        docs = app.screen.query_one("#documents-table", RowTable).rows
        wire = next(d for d in docs if d.label == "Russian shelling hits Kharkiv")
        assert wire.claims == 3 and wire.statuses["disputed"] == 1
        speakers = app.screen.query_one("#speakers-table", RowTable).rows
        official = next(s for s in speakers if s.label == "a senior U.S. defense official")
        assert official.claims == 2 and official.detail == "anonymous official"
        assert "unv 2 cor 1 dis 0 fal 0" not in screen_text(app)
        assert "unv 2 cor 0 dis 1 fal 0" in screen_text(app)
        await pilot.press("tab")  # to the speakers; enter filters by the one highlighted
        assert app.focused.id == "speakers-table"
        speaker = app.focused.current_row
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        assert app.filters.sources == frozenset({speaker.name})
        shown = app.screen.query_one(RowTable).rows
        assert shown and all(app.index.speaker_key_of(c["id"]) == speaker.key for c in shown)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_help_lists_every_binding_and_escape_closes_it(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(app.screen.query_one("#help-body Static").render()).split())
        for key in KEYS:
            assert " ".join(key.description.split()) in text
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_command_palette_offers_every_action_and_runs_it(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for key in palette_entries():
            if key.scope != "sources":
                assert key.description in titles
        await pilot.press("o")  # a screen's own keys are offered there
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert all(k.description in titles for k in palette_entries() if k.scope == "sources")
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Claims screen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ClaimsScreen)


async def test_export_writes_the_brief_in_a_worker(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("e")  # a letter never writes a file
        await app.workers.wait_for_complete()
        assert app.last_export is None and not list(store_path.parent.glob("sitdash-brief-*"))
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = app.last_export
        assert first.parent == store_path.parent and first.name.startswith("sitdash-brief-")
        assert "Kharkiv" in first.read_text()
        assert first.stat().st_mode & 0o777 == 0o600  # it carries the analyst's notes
        await pilot.press("ctrl+e")  # a second export is a second file, never an overwrite
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.last_export != first and first.exists()


async def test_q_quits(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# -- hostile text -----------------------------------------------------------------------------


async def test_markup_and_escape_codes_in_articles_show_literally(store_path):
    app = open_app(store_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("home")  # the Mykolaiv event from the hostile article (the newest)
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]x[/]" in text
        assert "[link=file:///etc/passwd]y[/link]" in text
        assert "\x1b" not in text
        assert "red smoke rose over Mykolaiv" in detail(app)
        assert "[bold]Mykolaiv[/bold] port" in detail(app)
        await pilot.press("c", "home")
        await pilot.pause()
        assert "[bold red]x[/] rockets fell" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        full = app.screen.query_one("#claim-full").render()
        assert "[link=file:///etc/passwd]y[/link]" in full.plain
        assert not any(span.style and "link" in str(span.style) for span in full.spans)


# -- the seed store (the real pipeline on the bundled article) ---------------------------------


@pytest.fixture
def seed_path(tmp_path: Path) -> Path:
    path = tmp_path / "seed.json"
    store = seed_store(path)
    if store is None:
        pytest.skip("ingest pipeline not importable yet")
    store.mark_review(store.documents()[0]["ingested"])  # reviewed: rows show ✎, not ● new
    return path


async def test_seed_store_fills_every_pane_and_filters(seed_path):
    app = open_app(seed_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        index = app.index
        assert len(rows(app, "timeline")) == len(index.events) > 0
        assert len(rows(app, "quotes")) == len(index.quotes) > 0
        assert len(rows(app, "movements")) == len(index.developments) > 0
        text = screen_text(app)
        assert "Kirby" in text
        assert "Belarus" in text
        await pilot.press("r", *"north", "enter")
        await pilot.pause()
        north = set(index.claim_ids(app.filters))
        assert north and len(north) < len(index.claims)
        for quote in rows(app, "quotes"):
            assert quote["claim_id"] in north
        await pilot.press("3", "n", *"Kirby on the convoy", "ctrl+s")
        await pilot.pause()
    again = open_app(seed_path)
    async with again.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert again.filters.regions == frozenset({"north"})
        assert [n["text"] for n in again.store.notes()] == ["Kirby on the convoy"]


# -- large stores ------------------------------------------------------------------------------


async def test_large_store_stays_responsive():
    from tui_fixtures import MemoryStore, big_records

    app = SitdashApp(MemoryStore(big_records(20_000)))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("end", "pageup", "home", "pagedown")
        assert app.screen.query_one(RowTable).row_count == 20_000
        await pilot.press("escape", "slash")
        await pilot.press(*"kharkiv")
        await pilot.pause()
        assert app.filters.text == "kharkiv"  # speed itself is measured by bench/run.py
        expected = {cid for cid in app.index.claim_ids(app.filters)}
        for event in rows(app, "timeline"):
            assert expected & set(event["claim_ids"])


async def test_grade_with_arrows_and_tab(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        claim_id = app.screen.current_claim_id()
        # An ungraded claim opens with nothing chosen: down goes to the first choice.
        await pilot.press("g", "down", "down", "down", "tab", "down", "down", "down", "down",
                          "enter")
        await pilot.pause()
        judgement = app.store.judgement(claim_id)
        assert (judgement["reliability"], judgement["credibility"]) == ("C", "4")
        await pilot.press("g", "escape")  # cancel keeps the grade
        await pilot.pause()
        assert app.store.judgement(claim_id)["reliability"] == "C"


async def test_meaning_survives_no_color(store_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#table-timeline", RowTable)
        cursor_line = table.render_line(1 + table.cursor)
        assert all(seg.style.reverse for seg in cursor_line if seg.text.strip())
        other_line = table.render_line(3)
        assert not any(seg.style and seg.style.reverse for seg in other_line)
        spans = app.screen.query_one(DetailStrip).shown.spans
        assert any("reverse" in str(s.style) and "bold" in str(s.style) for s in spans)
        await pilot.press("n", *"x", "ctrl+s")
        await pilot.pause()
        assert screen_text(app).splitlines()[5].startswith(" ✎")  # a character, not a colour


async def test_notes_saved_by_another_session_show_up(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        claim_id = app.screen.current_claim_id()
        other = Store(store_path)  # a second session on the same store
        other.add_note(claim_id, "written elsewhere")
        app.poll_store()
        await pilot.pause()
        assert app.index.has_notes(claim_id)
        assert "written elsewhere" in detail(app)
        assert screen_text(app).splitlines()[5].startswith(" ✎")


async def test_very_wide_terminal(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for title in ("1 Timeline", "2 Regions", "3 Quotes", "4 Movements"):
            assert title in text
        assert "Shelling of Kharkiv; four killed" in text  # the summary column gets the room


async def test_seed_store_every_binding(seed_path):
    """A tour of every binding on the store the real pipeline makes from the seed article."""
    app = open_app(seed_path)
    index = app.index
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for number, key in enumerate(("timeline", "regions", "quotes", "movements"), 1):
            await pilot.press(str(number))
            assert app.focused.id == f"table-{key}"
        await pilot.press("tab")
        assert app.focused.id == "table-timeline"
        await pilot.press("shift+tab")
        assert app.focused.id == "table-movements"
        await pilot.press("3", "j", "j", "k")
        assert app.screen.query_one("#table-quotes", RowTable).cursor == 1
        quote = rows(app, "quotes")[1]
        assert app.screen.current_claim_id() == quote["claim_id"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)
        assert quote["text"][:30] in str(app.screen.query_one("#claim-full").render())
        await pilot.press("escape")

        await pilot.press("slash", *"kirby")
        await pilot.pause()
        passing = set(index.claim_ids(app.filters))
        assert passing and all("kirby" in index.facts[c].search_text for c in passing)
        assert all(q["claim_id"] in passing for q in rows(app, "quotes"))
        assert "[/kirby]" in header(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.filters.is_empty()

        await pilot.press("s", *"john kirby", "enter")
        await pilot.pause()
        assert app.filters.sources == frozenset({"John Kirby"})
        assert rows(app, "quotes")
        assert all(index.claims[q["claim_id"]]["source"] == "John Kirby"
                   for q in rows(app, "quotes"))
        await pilot.press("x", "t")
        await pilot.pause()
        first_type = app.screen.table.current_row
        await pilot.press("enter")
        await pilot.pause()
        assert app.filters.types == frozenset({first_type})
        typed = set(index.claim_ids(app.filters))
        await pilot.press("1")  # the timeline tab loads its rows when it opens
        assert rows(app, "timeline")
        assert all(typed & set(e["claim_ids"]) for e in rows(app, "timeline"))
        await pilot.press("x", "d", "down", "end", "space", "enter")
        await pilot.pause()
        last_day = index.dates()[-1]
        assert (app.filters.date_from, app.filters.date_to) == (last_day, last_day)
        assert all(index.claims[c]["date"] == last_day for c in index.claim_ids(app.filters))
        await pilot.press("x", "r", *"east", "enter")
        await pilot.pause()
        assert "[region: east]" in header(app)
        await pilot.press("x")
        await pilot.pause()

        await pilot.press("3", "home")
        claim_id = app.screen.current_claim_id()
        await pilot.press("v", "2")
        await pilot.pause()
        assert app.store.judgement(claim_id)["status"] == "corroborated"
        await pilot.press("u")
        await pilot.pause()
        assert claim_id not in index.claim_ids(app.filters)
        assert all(q["claim_id"] != claim_id for q in rows(app, "quotes"))
        await pilot.press("u", "3", "home", "g", "a", "2", "enter")
        await pilot.pause()
        assert app.store.judgement(claim_id)["reliability"] == "A"
        await pilot.press("n", *"Kirby quote, check transcript", "ctrl+s")
        await pilot.pause()
        assert screen_text(app).splitlines()[4].startswith(" ✎")  # first quote row is marked
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        assert app.last_export and app.last_export.exists()
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one(RowTable).row_count == len(index.claims)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape", "q")
        await pilot.pause()
    assert app.return_code == 0


async def test_tabs_behind_the_active_one_load_when_opened(seed_path):
    """At 80x24 only the visible pane reloads on a filter change; the others catch up on open."""
    app = open_app(seed_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        movements = app.screen.pane(4)
        assert movements.stale
        await pilot.press("slash", *"wagner", "enter")
        await pilot.pause()
        assert movements.stale and not app.screen.pane(1).stale
        await pilot.press("4")
        assert not movements.stale
        assert [d.actor for d in rows(app, "movements")] == ["Wagner Group"]


async def test_keys_typed_in_a_burst_after_slash_reach_the_filter_box(seed_path):
    """Over SSH keys arrive together: '/' and the letters after it in one read."""
    from textual import events

    app = open_app(seed_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for char in "/kyiv":
            key = events.Key("slash" if char == "/" else char, char)
            app.post_message(key)  # all queued before the app handles the first
        await pilot.pause()
        await pilot.pause(0.3)  # past any typing debounce
        assert app.filters.text == "kyiv"
        await pilot.press("X")
        assert app.screen.query_one("#filter").value == "kyivX"  # the cursor stayed at the end


async def test_q_in_help_closes_help_and_j_scrolls_it(store_path):
    app = open_app(store_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.is_running


async def test_a_pane_key_right_after_enter_in_the_filter_box_switches_pane(seed_path):
    """'/wagner', enter and '4' arriving together: the 4 opens Movements, it is not text."""
    from textual import events

    app = open_app(seed_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for key, char in [("slash", "/"), *[(c, c) for c in "wagner"], ("enter", "\r"),
                          ("4", "4")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause(0.2)
        assert app.filters.text == "wagner"
        assert app.focused.id == "table-movements"
        assert [d.actor for d in rows(app, "movements")] == ["Wagner Group"]
        # The detail strip follows the pane the key opened, not the one enter returned to.
        assert app.screen.active == 4
        assert app.screen.query_one(DetailStrip).claim_id == \
            rows(app, "movements")[0].row["claim_ids"][-1]


async def test_late_focus_messages_for_a_pane_already_left_change_nothing(seed_path):
    """Over SSH a pane key can arrive in the same read as enter: Textual's messages about the
    focus enter gave (to Timeline) then arrive after the key moved on, and must not win."""
    from textual import events
    from textual.widgets import TabPane

    app = open_app(seed_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        timeline = app.screen.query_one("#table-timeline", RowTable)
        app.screen.query_one(TabbedContent).post_message(
            TabPane.Focused(app.screen.query_one("#tab-timeline", TabPane)))
        app.screen.post_message(events.DescendantFocus(timeline))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "tab-movements"
        assert app.focused.id == "table-movements"
        assert app.screen.active == 4
        assert app.screen.query_one(DetailStrip).claim_id == \
            rows(app, "movements")[0].row["claim_ids"][-1]
