"""The Contested screen (!) and a contradiction's claims side by side."""

from __future__ import annotations

from tui_fixtures import dispute_grade_and_note, open_app
from tui_screen import screen_lines, screen_text

from sitdash import summary
from sitdash.store import Store
from sitdash.tui.screens.claims import ClaimScreen, ClaimsScreen
from sitdash.tui.screens.contested import ClaimCard, ContestedScreen, ContradictionScreen
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.widgets.rowtable import RowTable

SMALL, WIDE = (80, 24), (120, 30)


def listed(app) -> list:
    return list(app.screen.query_one("#list-table", RowTable).rows)


async def open_dispute(pilot, app, kind: str, place: str | None = None) -> None:
    """The Contested screen, then enter on the first contradiction of `kind` (at `place`)."""
    await pilot.press("exclamation_mark")
    await pilot.pause()
    at = next(i for i, row in enumerate(listed(app))
              if row.kind == kind and place in (None, row.row.get("place")))
    await pilot.press("home", *["j"] * at, "enter")
    await pilot.pause()
    assert isinstance(app.screen, ContradictionScreen)


async def test_bang_lists_the_contradictions_with_why_dates_and_claims(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f", "c", "exclamation_mark")  # oldest first; from any screen
        await pilot.pause()
        assert isinstance(app.screen, ContestedScreen)
        rows = listed(app)
        assert [r.id for r in rows] == [r.id for r in summary.contradiction_rows(app.index)]
        assert sorted(r.kind for r in rows) == ["activity", "activity", "characterisation",
                                                "figures"]
        lines = screen_lines(app)
        assert "4/4 contradictions" in lines[0]
        wording = next(line for line in lines if " wording " in line)
        assert "03-30..04-01" in wording and "   3 Ukraine's General Staff calls" in wording
        # the highlighted one's reason in full below
        text = " ".join(screen_text(app).split())
        assert "of Chernihiv) reports shelling in Chernihiv on 30 Mar (Kyiv Morning) (+2 more " \
            "reports)" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert not isinstance(app.screen, ClaimsScreen)


async def test_f_flips_the_contradictions_like_every_other_list(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        newest = [r.id for r in listed(app)]
        dates = [r.date for r in listed(app)]
        assert app.newest_first and dates == sorted(dates, reverse=True)
        await pilot.press("f")
        await pilot.pause()
        assert [r.id for r in listed(app)] == [r.id for r in summary.contradiction_rows(
            app.index)] != newest


async def test_the_filters_apply_to_the_contradictions(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("exclamation_mark", "slash", *"chaus", "enter")
        await pilot.pause()
        (row,) = listed(app)
        assert row.kind == "activity" and row.row["place"] == "Chernihiv"
        assert "[/chaus]" in screen_lines(app)[0] and "1/4 contradictions" in screen_lines(app)[0]
        await pilot.press("escape")  # clears the text filter, as on the Claims screen
        await pilot.pause()
        assert len(listed(app)) == 4 and app.filters.text == ""


async def test_a_contradiction_stacks_its_two_sides_with_a_divider_at_80_columns(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await open_dispute(pilot, app, "characterisation")
        lines = screen_lines(app)
        assert all(len(line) <= 80 for line in lines)
        text = "\n".join(lines)
        assert "called a withdrawal by some, denied by others: Ukraine's General Staff calls" \
            in text
        assert "A · describes (2 claims)" in text
        divider = next(n for n, line in enumerate(lines) if "versus" in line)
        assert "B · denies (1 claim)" in lines[divider]
        above, below = "\n".join(lines[:divider]), "\n".join(lines[divider:])
        # each claim: speaker and side, outlet, date, status and grade, its sentence in context
        assert "▶ Ukraine's General Staff · Ukrainian" in above
        assert "Kyiv Morning · 2022-03-31 · status: unverified · grade: --" in above
        assert "John Kirby (Pentagon spokesman) · US and allied" in below
        assert "Capital Tribune · 2022-03-30 · status: unverified · grade: --" in below
        assert "It's a repositioning, not a withdrawal" in below
        assert app.screen.query_one("#versus").display


async def test_a_wide_terminal_sets_the_sides_in_two_columns(week_path):
    app = open_app(week_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await open_dispute(pilot, app, "activity", "Chernihiv")
        assert not app.screen.query_one("#versus").display
        a = app.screen.query_one("#side-a")
        b = app.screen.query_one("#side-b")
        assert a.region.y == b.region.y and a.region.right <= b.region.x
        line = next(ln for ln in screen_lines(app) if "A · announced" in ln)
        assert "B · reported (2 claims)" in line  # the two headings on one line
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        assert app.screen.query_one("#versus").display  # narrower: one above the other


async def test_notes_status_and_grade_act_on_the_focused_claim(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await open_dispute(pilot, app, "activity", "Chernihiv")
        cards = app.screen.cards()
        assert [c.entry["part"] for c in cards] == [0, 0, 1, 1]
        await pilot.press("j")  # the second announcement
        assert app.focused is cards[1]
        await pilot.press("l")  # the other side, the same place in it
        assert app.focused is cards[3]
        target = cards[3].claim_id
        assert app.screen.current_claim_id() == target
        await dispute_grade_and_note(pilot, "a2", "Governor's count")
        assert isinstance(app.screen, ContradictionScreen)
        card = next(c for c in app.screen.cards() if c.claim_id == target)
        assert app.focused is card
        shown = str(card.render())
        assert "status: disputed · grade: A2 · ✎ 1 note" in shown and shown.startswith("▶")
        untouched = [str(c.render()) for c in app.screen.cards() if c.claim_id != target]
        assert all("status: unverified · grade: --" in text for text in untouched)
        await pilot.press("enter")  # the claim in full
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen) and app.screen.claim_id == target
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ContestedScreen)
    store = Store(week_path)
    assert store.judgement(target)["status"] == "disputed"
    assert [n["text"] for n in store.notes(target)] == ["Governor's count"]


async def test_k_and_h_move_back_and_never_leave_the_cards(week_path):
    app = open_app(week_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await open_dispute(pilot, app, "figures")
        cards = app.screen.cards()
        assert app.focused is cards[0]
        await pilot.press("k")  # already the first
        assert app.focused is cards[0]
        await pilot.press("j", "j", "j")  # past the last stays on the last
        assert app.focused is cards[-1]
        await pilot.press("h")
        assert app.focused is cards[0]
        assert all(isinstance(c, ClaimCard) for c in cards)
        assert "some 3,000 Russian soldiers" in screen_text(app)
