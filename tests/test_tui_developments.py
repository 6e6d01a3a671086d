"""The Movements pane lists developments; enter opens one with every report behind it."""

from __future__ import annotations

from tui_fixtures import dispute_grade_and_note, open_app
from tui_screen import screen_lines, screen_text

from sitdash import summary
from sitdash.store import Store
from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.screens.development import DevelopmentScreen
from sitdash.tui.widgets.rowtable import RowTable

SMALL = (80, 24)


def table_rows(app, selector: str) -> list:
    return list(app.screen.query_one(selector, RowTable).rows)


async def open_kyiv_withdrawal(pilot, app) -> None:
    """The Movements pane, cursor on the withdrawal from Kyiv."""
    await pilot.press("4", "home")
    table = app.screen.query_one("#table-movements", RowTable)
    at = next(i for i, row in enumerate(table.rows) if row.route == "Kyiv -> Belarus")
    await pilot.press(*["j"] * at)
    assert table.current_row.route == "Kyiv -> Belarus"


async def test_movements_run_newest_first_by_last_report_and_f_flips_them(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert app.newest_first  # the default, as the timeline's
        lasts = [d.last_date for d in table_rows(app, "#table-movements") if d.last_date]
        assert lasts == sorted(lasts, reverse=True) and lasts[0] > lasts[-1]
        await pilot.press("f")
        await pilot.pause()
        firsts = [d.first_date for d in table_rows(app, "#table-movements") if d.first_date]
        assert firsts == sorted(firsts) and firsts[0] < firsts[-1]


async def test_the_movements_pane_shows_one_row_per_development(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        shown = table_rows(app, "#table-movements")
        assert [d.id for d in shown] == [
            d.id for d in summary.development_rows(app.index, newest_first=True)]
        assert len(shown) == 6 < len(app.index.movements)  # reports consolidated, not listed
        kyiv = next(line for line in screen_lines(app) if "Kyiv -> Belarus" in line)
        # contested, withdrawal and two other kinds, 4 outlets and 3 independent origins
        assert kyiv.startswith("●  ! Russian forces")
        assert "withdraw +2" in kyiv and "4 out/3 src" in kyiv and "03-30..04-06" in kyiv
        chernihiv = next(line for line in screen_lines(app) if "Chernihiv -> ?" in line)
        assert " ! " not in chernihiv and "2 out/2 src" in chernihiv
        assert "6 developments: 4 back, 2 forward · 1 contested · 12 reports" in screen_text(app)
        # the detail strip shows the latest report behind the highlighted development
        await open_kyiv_withdrawal(pilot, app)
        row = app.screen.query_one("#table-movements", RowTable).current_row
        assert app.screen.query_one(DetailStrip).claim_id == row.row["claim_ids"][-1]
        assert "Capital Tribune, 2022-04-06" in str(app.screen.query_one(DetailStrip).render())


async def test_filters_narrow_the_developments(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"sumy", "enter", "4")
        await pilot.pause()
        assert [d.route for d in table_rows(app, "#table-movements")] == ["Trostianets -> ?"]
        assert "1 development: 1 back, 0 forward · 1 report" in screen_text(app)


async def test_a_note_on_any_report_marks_the_development(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await open_kyiv_withdrawal(pilot, app)
        await pilot.press("n", *"Two counts of troops", "ctrl+s")
        await pilot.pause()
        kyiv = next(line for line in screen_lines(app) if "Kyiv -> Belarus" in line)
        assert kyiv.startswith("●✎ !")


async def test_enter_opens_the_development_with_every_report_in_date_order(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await open_kyiv_withdrawal(pilot, app)
        dev = app.screen.query_one("#table-movements", RowTable).current_row
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DevelopmentScreen)
        reports = table_rows(app, "#list-table")
        assert sorted(r["claim_id"] for r in reports) == sorted(dev.row["claim_ids"])
        dates = [r["date"] for r in reports]
        assert dates == sorted(dates) and dates[0] == "2022-03-30" and dates[-1] == "2022-04-06"
        lines = screen_lines(app)
        assert all(len(line) <= 80 for line in lines)
        text = "\n".join(lines)
        assert "! contested · Russian forces · back · 2022-03-30..04-06" in text
        assert "Withdraw, regroup, reposition: from Kyiv -> to Belarus · also named: Hostomel" \
            in text
        assert "6 reports · outlets (4): Capital Tribune, Kyiv Morning, Eastern Post, TASS" in text
        assert "Independent origins (3): Pentagon" in text
        assert "Sizes: less than 20% (John Kirby, Capital Tribune, 2022-03-30)" in text
        assert "Reporting: asserted, beginning 2022-03-30 -> asserted, under way 2022-03-31" \
            in text
        assert "! Disputed: " in text
        # a report: its date, outlet, speaker and side, stance, the sentence
        first = next(line for line in lines if line.startswith("●  2022-03-30"))
        assert "Capital T…" in first and "John Kirby" in first and "US+" in first
        # the selected report's paragraph below, as on the claim screen
        detail = str(app.screen.query_one(DetailStrip).render())
        assert "Capital Tribune, 2022-03-30 — Pentagon s" in detail
        assert "Russia had begun to reposition less than 20% of the forces" in detail
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen) and app.focused.id == "table-movements"


async def test_notes_status_and_grade_on_a_report_act_on_that_reports_claim(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await open_kyiv_withdrawal(pilot, app)
        await pilot.press("enter", "j", "j")
        await pilot.pause()
        report = app.screen.query_one("#list-table", RowTable).current_row
        claim_id = report["claim_id"]
        assert app.screen.current_claim_id() == claim_id
        await dispute_grade_and_note(pilot, "b2", "Pentagon figure only")
        assert isinstance(app.screen, DevelopmentScreen)
        assert app.screen.query_one("#list-table", RowTable).current_row["claim_id"] == claim_id
        detail = str(app.screen.query_one(DetailStrip).render())
        assert "Status: disputed" in detail and "Grade: B2" in detail
        assert "Pentagon figure only" in detail
        marked = [ln for ln in screen_lines(app) if ln.startswith("●✎ 20")]
        assert len(marked) == 1 and report["text"][:10] in marked[0]
    store = Store(week_path)
    judgement = store.judgement(claim_id)
    assert judgement["status"] == "disputed" and (judgement["reliability"],
                                                  judgement["credibility"]) == ("B", "2")
    assert [n["text"] for n in store.notes(claim_id)] == ["Pentagon figure only"]
