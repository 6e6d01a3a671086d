"""Enter on a region filters every pane to it; escape goes back to the filters before (a small
stack, kept between runs like the filters)."""

from __future__ import annotations

import json

import pytest
from tui_fixtures import open_app, seed_store

from sitdash.query import Filters
from sitdash.tui.screens.claims import ClaimScreen
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.rowtable import RowTable, Section


def header(app) -> str:
    return str(app.screen.query_one(ChipsHeader).render())


def rows(app, key: str) -> list:
    return [r for r in app.screen.query_one(f"#table-{key}", RowTable).rows
            if not isinstance(r, Section)]


async def go_to_region(pilot, app, name: str) -> None:
    """The Regions pane, cursor on the row of `name` (a theatre or an oblast)."""
    await pilot.press("2", "home")
    table = app.screen.query_one("#table-regions", RowTable)
    index = next(i for i, row in enumerate(table.rows) if row.region == name)
    await pilot.press(*["j"] * index)
    assert table.current_row.region == name


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 48)])
async def test_enter_on_a_region_filters_every_pane_and_escape_goes_back(store_path, size):
    app = open_app(store_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await go_to_region(pilot, app, "east")  # Kharkiv and Mala Rohan
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ClaimScreen)  # no longer opens one unrelated claim
        assert app.filters.regions == frozenset({"east"})
        assert "[region: east]" in header(app) and "esc: back" in header(app)
        assert app.focused.id == "table-regions"  # an oblast of it is one enter further
        await pilot.press("1")  # the region's events
        east = set(app.index.claim_ids(app.filters))
        assert east and all(set(e["claim_ids"]) & east for e in rows(app, "timeline"))
        assert {e["summary"] for e in rows(app, "timeline")} == {
            "Shelling of Kharkiv; four killed", "Ukrainian counterattack near Mala Rohan"}
        await pilot.press("escape")
        await pilot.pause()
        assert app.filters == Filters()
        assert "esc: back" not in header(app) and "no filters" in header(app)
        assert len(rows(app, "timeline")) == 4


async def test_escape_takes_back_the_region_and_keeps_what_was_typed_since(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"kharkiv", "enter")  # a text filter before the region
        await go_to_region(pilot, app, "east")
        await pilot.press("enter")
        await pilot.pause()
        assert app.filters == Filters(text="kharkiv", regions=frozenset({"east"}))
        await pilot.press("slash", *" shelled", "enter")  # typed inside the region
        await pilot.pause()
        assert app.filters.text == "kharkiv shelled"
        await pilot.press("escape")  # takes back what enter changed, nothing else
        await pilot.pause()
        assert app.filters == Filters(text="kharkiv shelled")
        await pilot.press("escape")  # then the text filter, as always
        await pilot.pause()
        assert app.filters == Filters()


async def test_clearing_every_filter_forgets_the_way_back(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r", *"west", "enter")
        await go_to_region(pilot, app, "west")
        await pilot.press("j", "enter")  # Lviv Oblast, under west
        await pilot.pause()
        assert app.filters.regions == frozenset({"Lviv Oblast"}) and app.narrowed
        await pilot.press("x")
        await pilot.pause()
        assert app.filters == Filters() and app.narrowed == []
        await pilot.press("escape")
        await pilot.pause()
        assert app.filters == Filters()


async def test_the_way_back_is_kept_for_the_next_run(store_path):
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await go_to_region(pilot, app, "east")
        await pilot.press("enter")
        await pilot.pause()
    saved = json.loads(store_path.with_suffix(".ui.json").read_text())
    assert saved["filters"]["regions"] == ["east"] and saved["filters"]["needs_review"] is True
    assert saved["narrowed"] == [{"regions": []}]
    again = open_app(store_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "esc: back" in header(again)
        await pilot.press("escape")
        await pilot.pause()
        assert again.filters == Filters(needs_review=True)


async def test_a_damaged_ui_file_means_no_filters_not_a_crash(store_path):
    store_path.with_suffix(".ui.json").write_text(
        '{"filters": {"regions": 5}, "narrowed": ["x", {"nonsense": 1}], "newest_first": "yes"}')
    app = open_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.filters == Filters() and app.narrowed == [] and app.newest_first


async def test_on_the_seed_enter_on_north_narrows_quotes_and_movements_too(tmp_path):
    path = tmp_path / "seed.json"
    if seed_store(path) is None:
        pytest.skip("ingest pipeline not importable yet")
    app = open_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2", "home", "enter", "3")
        await pilot.pause()
        north = set(app.index.claim_ids(app.filters))
        assert app.filters.regions == frozenset({"north"}) and north
        assert rows(app, "quotes") and all(q["claim_id"] in north for q in rows(app, "quotes"))
        await pilot.press("4")
        assert rows(app, "movements")
        assert all(set(d.row["claim_ids"]) & north for d in rows(app, "movements"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.filters == Filters()


async def test_the_detail_strip_of_a_region_row_speaks_of_the_region(week_path):
    from sitdash.tui.panes.detail import DetailStrip
    from sitdash.tui.rows import region_claim

    app = open_app(week_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await go_to_region(pilot, app, "Kyiv Oblast")
        await pilot.pause()
        strip = app.screen.query_one(DetailStrip)
        text = str(strip.shown)
        lines = text.splitlines()
        assert lines[0][1:].startswith(" Kyiv Oblast (north): ")  # its mark, then its status
        assert "last activity 2022-" in text and "claims" in text
        assert "Developments: Russian forces back Kyiv -> Belarus" in text
        latest = region_claim(app.index, "Kyiv Oblast", app.filters)
        claim = app.index.claims[latest]
        assert f"Latest claim ({claim['date']}, " in text and claim["text"][:40] in text
        # the latest dated claim about the oblast: none about it is later
        about = app.index.by_region["Kyiv Oblast"]
        assert claim["date"] == max(app.index.claims[c]["date"] or "" for c in about)
        assert app.screen.current_claim_id() == latest  # what n, v and g act on
