"""How lists read at 80 and 100 columns: column widths, short labels, chips, legends, the time
order; and the pickers' ctrl+a."""

from __future__ import annotations

import json

import pytest
from tui_fixtures import open_app
from tui_screen import screen_lines, screen_text

from sitdash.model import SIDES
from sitdash.query import Filters
from sitdash.tui.rows import short_type, when_short
from sitdash.tui.screens.help import HelpScreen
from sitdash.tui.screens.pickers import LIST_HINT, SEARCH_HINT, PickerScreen
from sitdash.tui.widgets.header import ChipsHeader, header_text
from sitdash.tui.widgets.legend import Legend, fitting
from sitdash.tui.widgets.rowtable import RowTable, Section

SIZES = [(80, 24), (100, 30)]





def header(app) -> str:
    return str(app.screen.query_one(ChipsHeader).render())


def widths(table: RowTable) -> dict[str, int]:
    return {column.key: width for column, width in table.visible_columns()}


# -- columns --------------------------------------------------------------------------------------


@pytest.mark.parametrize("size,text,outlet", [((80, 24), 40, False), ((100, 30), 48, True),
                                              ((160, 48), 60, True)])
async def test_the_claims_text_gets_the_room_and_the_outlet_shows_when_it_fits(
        seed_path, size, text, outlet):
    app = open_app(seed_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        cols = widths(app.screen.query_one(RowTable))
        assert cols["text"] >= text
        assert ("outlet" in cols) is outlet
        assert cols["status"] == 3 and cols["grade"] == 3
        if outlet:
            assert "Infobae" in screen_lines(app)[2]  # the seed's outlet, in the first row


@pytest.mark.parametrize("size", SIZES)
async def test_the_timeline_shows_short_types_whole(seed_path, size):
    app = open_app(seed_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Force move" in text and "Change to grou" not in text
        assert "Air strike" in text and "Air/drone stri" not in text
        assert widths(app.screen.query_one("#table-timeline", RowTable))["summary"] >= 32


def test_short_labels_and_dates_say_no_more_than_is_known():
    assert short_type("Change to group/activity") == "Force move"
    assert short_type("Shelling/artillery/missile attack") == "Shelling"
    assert short_type("Armed clash") == "Armed clash"
    assert short_type("Some/new type") == "Some"  # an unknown type up to its first "/"
    assert all(len(short_type(t)) <= 11 for t in (
        "Air/drone strike", "Remote explosive/landmine/IED", "Attack",
        "Non-state actor overtakes territory", "Change to group/activity"))
    assert when_short("2021-01-01", "year") == "2021 ~y"
    assert when_short("2022-03-01", "month") == "2022-03 ~m"
    assert when_short("2022-03-21", "week") == "2022-03-21 ~w"
    assert when_short("2022-03-24", "day") == "2022-03-24"


# -- chips ----------------------------------------------------------------------------------------


SIX = frozenset({"John Kirby", "a senior US Defense official", "Infobae", "the Pentagon",
                 "Sergey Rudskoy", "Vladimir Putin"})


@pytest.mark.parametrize("width", [80, 100])
def test_long_chips_are_summarised_never_cut_mid_name(width):
    filters = Filters(sources=SIX, regions=frozenset({"north"}), text="convoy")
    line = header_text("sitdash · store.json", "7/25 claims", filters, width - 2,
                       back=True).plain
    assert len(line) <= width - 2
    assert "[source: 6 selected]" in line and "[region: north]" in line and "[/convoy]" in line
    assert "esc: back" in line


def test_short_chips_keep_their_names_and_a_wide_header_keeps_everything():
    filters = Filters(sources=frozenset({"John Kirby", "the Pentagon"}))
    assert "[source: John Kirby, the Pentagon]" in header_text("sitdash · store.json",
                                                               "3/25 claims", filters, 98).plain
    wide = header_text("sitdash · store.json", "7/25 claims", Filters(sources=SIX), 200).plain
    assert "a senior US Defense official" in wide and "sitdash · store.json" in wide


def test_when_even_summaries_do_not_fit_the_store_name_goes_first():
    filters = Filters(sources=SIX, regions=frozenset({"north", "east"}),
                      types=frozenset({"Armed clash", "Air/drone strike"}), text="kyiv",
                      date_from="2022-03-24", date_to="2022-03-31", needs_review=True)
    line = header_text("sitdash · store.json · Claims", "7/25 claims", filters, 118).plain
    assert line.startswith("Claims · 7/25 claims")
    for chip in ("[source: 6 selected]", "[region: 2 selected]", "[type: 2 selected]",
                 "[/kyiv]", "[date: 2022-03-24..2022-03-31]", "[needs review]"):
        assert chip in line


async def test_the_header_summarises_in_the_app(seed_path):
    app = open_app(seed_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # past the sides (each one choice, at the top) to six speakers
        await pilot.press("s", "down", *["j"] * len(SIDES), *["space", "j"] * 6, "enter")
        await pilot.pause()
        assert len(app.filters.sources) == 6 and not app.filters.sides
        assert "[source: 6 selected]" in screen_lines(app)[0]


# -- legends and help -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_every_list_has_a_one_line_legend_that_fits(seed_path, size):
    app = open_app(seed_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        seen = {}
        for key in ("1", "2", "3", "4", "c", "N"):
            await pilot.press(key)
            await pilot.pause()
            legend = app.screen.query_one(Legend)
            shown = str(legend.render())
            assert shown and len(shown) <= size[0] - 2 and "…" not in shown, (key, shown)
            seen[key] = shown
            if key == "c":
                await pilot.press("escape")
        assert "~y" in seen["1"] and "Src" in seen["1"] and "✎" in seen["1"]
        assert "Clm" in seen["2"] and "Trend" in seen["2"] and "●" in seen["2"]
        assert "! contested" in seen["4"] and "out/src" in seen["4"]
        assert "St" in seen["c"] and "unv" in seen["c"] and "Grd" in seen["c"]
        assert "every note" in seen["N"]


def test_a_legend_takes_its_longest_wording_that_fits():
    forms = ("a long way of saying it", "short form")
    assert fitting(forms, 40) == "a long way of saying it"
    assert fitting(forms, 12) == "short form"
    assert fitting(forms, 3) == "short form"
    assert fitting("only one", 3) == "only one"


async def test_help_explains_every_mark(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(app.screen.query_one("#help-body Static").render()).split())
        for mark in ("✎", "~y ~m ~w", "Src", "St", "Grd", "unv unverified", "Stance",
                     "6 selected", "esc: back", "ctrl+e", "Force move"):
            assert mark in text, mark


# -- time order -----------------------------------------------------------------------------------


async def test_f_flips_the_time_order_everywhere_and_the_choice_is_kept(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        days = [r.label[:10] for r in app.screen.query_one("#table-timeline", RowTable).rows
                if isinstance(r, Section)]
        assert days == ["2022-03-27", "2022-03-26", "2022-03-24"]  # newest first by default
        await pilot.press("f")
        await pilot.pause()
        days = [r.label[:10] for r in app.screen.query_one("#table-timeline", RowTable).rows
                if isinstance(r, Section)]
        assert days == ["2022-03-24", "2022-03-26", "2022-03-27"]
        assert "oldest first" in str(app.screen.query_one(Legend).render())
        await pilot.press("c")
        await pilot.pause()
        dates = [c["date"] for c in app.screen.query_one(RowTable).rows]
        assert dates == sorted(dates) and "oldest first" in header(app)
        await pilot.press("f")
        await pilot.pause()
        dates = [c["date"] for c in app.screen.query_one(RowTable).rows]
        assert dates == sorted(dates, reverse=True) and "newest first" in header(app)
        await pilot.press("f")
    assert json.loads(store_path.with_suffix(".ui.json").read_text())["newest_first"] is False
    again = open_app(store_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not again.newest_first
        first = next(r for r in again.screen.query_one("#table-timeline", RowTable).rows
                     if not isinstance(r, Section))
        assert first["date"] == "2022-03-24"


# -- pickers --------------------------------------------------------------------------------------


async def test_ctrl_a_ticks_all_shown_in_the_search_box_and_in_the_list(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert str(picker.query_one("#dialog-hint").render()) == SEARCH_HINT
        await pilot.press(*"official")
        await pilot.pause()
        shown = set(picker.table.rows)
        assert len(shown) >= 2
        await pilot.press("ctrl+a")  # in the search box: ticks, does not jump to the start
        await pilot.pause()
        assert picker.selected == shown
        await pilot.press("s")
        search = picker.query_one("#picker-search")
        assert search.value == "officials"  # the cursor stayed at the end of the text
        await pilot.press("backspace", "down")
        await pilot.pause()
        assert app.focused is picker.table
        assert str(picker.query_one("#dialog-hint").render()) == LIST_HINT
        await pilot.press("ctrl+a")  # in the list: all shown were ticked, so none
        assert picker.selected == set()
        await pilot.press("ctrl+a", "enter")
        await pilot.pause()
        assert app.filters.sources == frozenset(shown)


def test_a_long_count_line_drops_the_store_name_before_the_no_filters_note():
    line = header_text("sitdash · store.json · Claims", "25/25 claims · 25 new, newest first",
                       Filters(), 78).plain
    assert line == "Claims · 25/25 claims · 25 new, newest first  no filters"


# -- date precision marks -------------------------------------------------------------------------


@pytest.fixture
def week_dated_path(tmp_path, monkeypatch):
    """The small store with the briefing's assessment dated only to its week ("last week")."""
    import tui_fixtures

    plain = tui_fixtures.small_records

    def records():
        out = plain()
        for claim in out["claims"]:
            if claim["text"].startswith('"We assess'):
                claim["date_precision"] = "week"
        return out

    monkeypatch.setattr(tui_fixtures, "small_records", records)
    tui_fixtures.small_store(tmp_path / "store.json")
    return tmp_path / "store.json"


async def test_dates_known_to_the_week_are_marked_in_quotes_and_a_developments_reports(
        week_dated_path):
    app = open_app(week_dated_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        quote = next(line for line in screen_lines(app) if "We assess" in line)
        assert "2022-03-25 ~w" in quote
        assert "2022-03-24 ~" not in screen_text(app)  # days stay days
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one("#table-movements", RowTable)
        await pilot.press("home", *["j"] * next(
            i for i, row in enumerate(table.rows) if row.destination == "Belarus"), "enter")
        await pilot.pause()
        report = next(line for line in screen_lines(app) if "We assess" in line)
        assert "2022-03-25 ~w" in report


def test_a_chip_of_one_value_shows_the_value_even_when_room_is_short():
    filters = Filters(sources=frozenset({"a senior US Defense official"}),
                      regions=frozenset({"north"}), date_from="2022-03-24",
                      date_to="2022-03-31", text="convoy")
    for width in (78, 98):
        line = header_text("sitdash · week_store.json · Claims", "12/103 claims", filters,
                           width).plain
        assert "selected" not in line and "a senior US Defense official" in line
        assert "north" in line and "[/convoy]" in line
