"""Pilot tests for the daily review: ● marks on what is new, `w` (new only), ctrl+r (review
done), the paste screen (p), the document form (D) and the date picker's undated switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea
from tui_fixtures import small_store
from tui_screen import screen_text

from sitdash.ingest.pipeline import ingest_paths, rebuild_store
from sitdash.store import Store
from sitdash.tui.app import SitdashApp
from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.screens.claims import ClaimsScreen
from sitdash.tui.screens.confirm import ConfirmScreen
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.screens.dates import DateRangeScreen
from sitdash.tui.screens.document import DocumentScreen
from sitdash.tui.screens.paste import PasteScreen
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.rowtable import RowTable, Section

SMALL = (80, 24)

# Written for these tests in the style of a wire story that arrives after yesterday's review.
OVERNIGHT = (
    "---\ntitle: Strikes hit Mykolaiv port overnight\noutlet: Test Wire\npublished: 2022-03-28\n"
    "---\n"
    "MYKOLAIV, Ukraine, March 28 (Wire) - Russian missiles struck the port of Mykolaiv "
    "overnight, the regional governor Vitaliy Kim said on Monday.\n\n"
    "\"Two warehouses are burning,\" Kim wrote on Telegram.\n\n"
    "Russian troops withdrew from Bashtanka toward Kherson, a senior U.S. defense official "
    "said."
)
# An undated article: "on Wednesday" can only be placed once the analyst gives it a date.
UNDATED = (
    "Ukrainian forces shelled Russian positions near Izium on Wednesday, the general staff "
    "said.\n\n"
    "Residents of Izium reported heavy fighting on the southern edge of the town."
)


def header(app) -> str:
    return str(app.screen.query_one(ChipsHeader).render())


def table_rows(app, key: str) -> list:
    return [r for r in app.screen.query_one(f"#table-{key}", RowTable).rows
            if not isinstance(r, Section)]


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, set[str]]:
    """The small store, reviewed by the analyst, then one more article ingested: (db, its
    claim ids)."""
    db = tmp_path / "store.json"
    store = small_store(db)
    store.mark_review(None)
    folder = tmp_path / "overnight"
    folder.mkdir()
    (folder / "mykolaiv.md").write_text(OVERNIGHT, encoding="utf-8")
    report = ingest_paths(store, [folder])
    new = {c["id"] for c in store.claims() if c["doc_id"] in report.added}
    assert new
    return db, new


def mark_of(table: RowTable, row) -> str:
    """What a row shows in the ●✎ mark column."""
    return str(next(c for c in table.columns if c.key == "note").get(row))


def open_app(db: Path, **kwargs) -> SitdashApp:
    return SitdashApp(Store(db), export_dir=db.parent, ui_path=db.parent / "ui.json", **kwargs)


async def test_new_rows_are_marked_in_every_pane_and_counted_in_the_header(reviewed):
    db, new = reviewed
    app = open_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.index.new_claims == new
        assert f"· {len(new)} new" in header(app)
        timeline = app.screen.query_one("#table-timeline", RowTable)
        marks = {e["id"]: mark_of(timeline, e) for e in table_rows(app, "timeline")}
        assert {mark for mark in marks.values()} == {"● ", "  "}
        for event in table_rows(app, "timeline"):
            assert (marks[event["id"]] == "● ") == bool(set(event["claim_ids"]) & new)
        assert any(line.startswith("● ") for line in screen_text(app).splitlines())
        for number, key in ((3, "quotes"), (4, "movements")):
            await pilot.press(str(number))
            await pilot.pause()
            table = app.screen.query_one(f"#table-{key}", RowTable)
            for row in table_rows(app, key):
                mark = mark_of(table, row)
                claims = set(row.row["claim_ids"]) if key == "movements" else {row["claim_id"]}
                assert mark == ("● " if claims & new else "  ")
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#table-regions", RowTable)
        regions = {r.region: mark_of(table, r) for r in table_rows(app, "regions")}
        assert regions["south"] == "● " and regions["west"] == "  "
        await pilot.press("3", "home")
        await pilot.pause()
        detail = str(app.screen.query_one(DetailStrip).render())
        assert ("● new ·" in detail) == (app.screen.current_claim_id() in new)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        assert f"{len(new)} new" in header(app)
        claims_table = app.screen.query_one(RowTable)
        assert {r["id"] for r in claims_table.rows
                if mark_of(claims_table, r).startswith("●")} == new
        # a note on a new claim: both marks, each in its place
        await pilot.press("home")
        while app.screen.current_claim_id() not in new:
            await pilot.press("j")
        await pilot.press("n", *"seen first", "ctrl+s")
        await pilot.pause()
        row = claims_table.current_row
        assert mark_of(claims_table, row) == "●✎"


async def test_w_shows_only_what_is_new_as_a_chip_kept_across_runs(reviewed):
    db, new = reviewed
    app = open_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        everything = len(app.index.claims)
        await pilot.press("w")
        await pilot.pause()
        assert app.filters.new_only and "[new only]" in header(app)
        assert set(app.index.claim_ids(app.filters)) == new
        assert f"{len(new)}/{everything} claims" in header(app)
        timeline = table_rows(app, "timeline")
        assert timeline and all(set(e["claim_ids"]) & new for e in timeline)
    again = open_app(db)
    async with again.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert again.filters.new_only and "[new only]" in header(again)
        await pilot.press("w")
        await pilot.pause()
        assert not again.filters.new_only and "new only" not in header(again)


async def test_ctrl_r_asks_then_marks_the_review_done_for_this_analyst(reviewed):
    db, new = reviewed
    app = SitdashApp(Store(db, analyst="olena"), ui_path=db.parent / "ui.json")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        # olena never marked a review: all that has an ingest time is new (the small store's
        # articles were stored before ingest times, so they never are)
        assert app.index.new_claims == new
        await pilot.press("ctrl+r")
        await pilot.pause(0.1)
        assert isinstance(app.screen, ConfirmScreen)
        assert f"for olena? {len(new)} new claims stop being marked new" in app.screen.question
        assert "olena?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.index.new_claims == new and Store(db).review_mark("olena") is None
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.index.new_claims == set() and " new" not in header(app)
        rows_on_screen = [line for line in screen_text(app).splitlines() if "When" not in line]
        assert not any(line.startswith("●") for line in rows_on_screen)
    mark = Store(db).review_mark("olena")
    assert mark["analyst"] == "olena" and mark["upto"] is not None
    assert Store(db, analyst="olena").review_mark() == mark
    reopened = open_app(db)  # the login-name analyst still has the earlier mark
    async with reopened.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert reopened.index.new_claims == new


async def test_a_review_another_session_marks_for_the_same_analyst_shows_up(reviewed):
    db, new = reviewed
    app = open_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.index.new_claims == new
        other = Store(db)
        other.mark_review(other.documents()[-1]["ingested"])
        for _ in range(40):  # the 2 s store poll picks it up
            await pilot.pause(0.1)
            if not app.index.new_claims:
                break
        assert app.index.new_claims == set() and " new" not in header(app)


async def test_paste_screen_ingests_in_a_worker_and_escape_asks_first(tmp_path):
    db = tmp_path / "store.json"
    small_store(db).mark_review(None)
    app = open_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        before = set(app.index.documents)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PasteScreen)
        assert app.focused.id == "paste-title"  # the first field
        app.screen.query_one(TextArea).insert(
            "Russian artillery shelled [bold]Chernihiv[/bold] on Tuesday, the regional "
            "governor said.\x1b[2J\n\nThe bridge over the Desna was damaged.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert isinstance(app.screen, PasteScreen)
        app.screen.query_one("#paste-outlet", Input).value = "Republic World"
        app.screen.query_one("#paste-title", Input).value = "Chernihiv shelled"
        app.screen.query_one("#paste-date", Input).value = "someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PasteScreen)  # a bad date keeps the form open
        assert app.focused.id == "paste-date"
        assert "✗ Date: 'someday' is not a date" in screen_text(app)
        app.screen.query_one("#paste-date", Input).value = "2022-03-30"
        app.screen.query_one("#paste-url", Input).value = "republic world, chernihiv"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PasteScreen) and app.focused.id == "paste-url"
        assert "✗ URL: 'republic world, chernihiv' is not a web address" in screen_text(app)
        app.screen.query_one("#paste-url", Input).value = "https://example.org/chernihiv"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        added = set(app.index.documents) - before
        assert len(added) == 1
        doc = app.index.documents[added.pop()]
        assert (doc["title"], doc["outlet"], doc["published"], doc["url"]) == (
            "Chernihiv shelled", "Republic World", "2022-03-30", "https://example.org/chernihiv")
        assert "\x1b" not in doc["text"] and doc["path"] is None and doc["ingested"]
        claims = [c for c in app.index.claims.values() if c["doc_id"] == doc["id"]]
        assert claims and all(app.index.is_new(c["id"]) for c in claims)
        shelled = next(c for c in claims if "Chernihiv" in c["text"])
        assert shelled["date"] == "2022-03-29"  # "on Tuesday" counted from the date given
        assert f"{len(claims)} new" in header(app)
        assert "[bold]Chernihiv[/bold]" not in str(app.screen.query_one(ChipsHeader).render())
        # the same text again is already in the store: said, nothing duplicated
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one(TextArea).insert(doc["text"])
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert len(Store(db).documents()) == len(before) + 1
        # an empty paste is refused, and escape on an untouched form closes at once
        await pilot.press("p", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PasteScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_document_form_redates_claims_keeps_ids_and_notes(tmp_path):
    db = tmp_path / "store.json"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "izium.txt").write_text(UNDATED, encoding="utf-8")
    store = Store(db)
    ingest_paths(store, [folder])
    store.mark_review(store.documents()[0]["ingested"])
    shelled = next(c for c in store.claims() if "Wednesday" in c["text"])
    assert shelled["date"] is None
    store.add_note(shelled["id"], "Check against the general staff's evening update.")
    app = open_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        table.move_cursor(next(i for i, r in enumerate(table.rows) if r["id"] == shelled["id"]))
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DocumentScreen)
        assert app.focused.id == "doc-title"  # the first field
        await pilot.press("tab", "tab", *"7 April 2022")
        app.screen.query_one("#doc-outlet", Input).value = "Republic World"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        claim = app.index.claims[shelled["id"]]  # the same id: the note stays attached
        assert claim["date"] == "2022-04-06"  # the Wednesday before Thursday 7 April
        assert app.index.notes[shelled["id"]][0]["text"].startswith("Check against")
        doc = app.index.documents[claim["doc_id"]]
        assert (doc["published"], doc["outlet"]) == ("2022-04-07", "Republic World")
        assert not app.index.new_claims  # a correction is not an arrival
        # escape with an edit asks first; "y" discards it
        await pilot.press("D")
        await pilot.pause()
        app.screen.query_one("#doc-title", Input).value = "Fighting near Izium"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        assert app.index.documents[claim["doc_id"]]["title"] != "Fighting near Izium"
    history = [h for h in Store(db).history() if h["action"] == "doc-correct"]
    assert history[0]["after"] == {"published": "2022-04-07", "outlet": "Republic World"}
    assert history[0]["before"]["published"] is None
    store = Store(db)
    rebuild_store(store)  # the correction is re-applied, not lost
    assert next(c for c in store.claims() if c["id"] == shelled["id"])["date"] == "2022-04-06"


async def test_a_bad_date_in_the_document_form_is_refused(tmp_path):
    db = tmp_path / "store.json"
    small_store(db)
    app = open_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DocumentScreen)
        form.query_one("#doc-published", Input).value = "[/bold] 31/31/2022"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, nothing kept; the typing shown literally
        assert "✗ Date: '[/bold] 31/31/2022' is not a date" in screen_text(app)
        assert app.focused.id == "doc-published"
    assert Store(db).corrections() == {}


async def test_the_document_form_refuses_a_url_that_is_none_in_the_form_not_a_toast(tmp_path):
    db = tmp_path / "store.json"
    small_store(db)
    app = open_app(db)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DocumentScreen) and app.focused.id == "doc-title"
        await pilot.press("tab", "tab", "tab", *"kyivindependent story", "ctrl+s")
        await pilot.pause()
        assert app.screen is form and app.focused.id == "doc-url"
        text = screen_text(app)
        assert "✗ URL: 'kyivindependent story' is not a web address (give it whole" in text
        assert not form.query("Toast")  # nothing covers the form's fields or its hint
        assert not app._notifications  # nor will once it closes: the form said it
        await pilot.press("backspace")  # fixing it brings the hint back
        await pilot.pause()
        assert "ctrl+s saves" in screen_text(app)
    assert Store(db).corrections() == {}


async def test_a_notice_waits_while_a_dialog_is_open_and_shows_when_it_closes(tmp_path):
    db = tmp_path / "store.json"
    small_store(db)
    app = open_app(db)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        app.notify("2 articles arrived from the inbox")  # as the inbox watcher does
        await pilot.pause()
        assert not app.screen.query("Toast") and not app._notifications
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.pause()
        assert [str(n.message) for n in app._notifications] == [
            "2 articles arrived from the inbox"]
        assert len(app.screen.query("Toast")) == 1


async def test_a_toast_already_showing_gives_way_to_a_dialog_and_comes_back(tmp_path):
    db = tmp_path / "store.json"
    small_store(db)
    app = open_app(db)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f")  # says the new time order in a toast
        await pilot.pause()
        assert len(app._notifications) == 1
        await pilot.press("p")
        await pilot.pause()
        assert not app.screen.query("Toast") and not app._notifications  # the form is whole
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.pause()
        assert len(app._notifications) == 1 and len(app.screen.query("Toast")) == 1


async def test_d_on_the_sources_screen_corrects_the_highlighted_document(tmp_path):
    db = tmp_path / "store.json"
    small_store(db)
    app = open_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        row = app.screen.query_one("#documents-table", RowTable).current_row
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DocumentScreen) and app.screen.document["id"] == row.key


async def test_date_picker_counts_undated_claims_and_can_include_them(tmp_path):
    db = tmp_path / "store.json"
    store = small_store(db)
    store.add_records(documents=[{"id": "nodate", "text": "Kharkiv was shelled again."}],
                      claims=[{"id": "undated1", "doc_id": "nodate", "start": 0, "end": 26,
                               "text": "Kharkiv was shelled again.", "source": "the article",
                               "source_kind": "media", "places": ["Kharkiv"], "date": None}])
    app = open_app(db)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DateRangeScreen)
        assert "[ ] undated claims too (ctrl+u): 1 claim hidden by a date range" in screen_text(
            app)
        await pilot.press("down", "space", "enter")
        await pilot.pause()
        assert app.filters.date_from == "2022-03-24" and not app.filters.include_undated
        assert "undated1" not in app.index.claim_ids(app.filters)
        assert "[date: 2022-03-24..2022-03-24, 1 undated hidden]" in header(app)
        assert any("The date range hides 1 undated claim (d, then ctrl+u" in str(n.message)
                   for n in app._notifications)
        await pilot.press("d", "ctrl+u")
        await pilot.pause()
        assert "[x] undated claims too (ctrl+u): 1 claim shown with the range" in screen_text(
            app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.filters.include_undated
        assert "undated1" in app.index.claim_ids(app.filters)
        assert "+undated]" in header(app)


async def test_help_says_who_you_are_where_the_inbox_is_and_what_the_marks_mean(tmp_path):
    db = tmp_path / "store.json"
    small_store(db)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    app = SitdashApp(Store(db, analyst="olena"), ui_path=tmp_path / "ui.json", inbox=inbox)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        whoami = str(app.screen.query_one("#help-whoami").render())
        assert whoami == f"You are olena · inbox: {inbox}"
        assert "● marks rows new since your last review" in str(
            app.screen.query_one("#help-body Static").render())


async def test_analysts_sharing_an_account_keep_their_own_filters(tmp_path):
    db = tmp_path / "store.json"
    small_store(db)
    ben = SitdashApp(Store(db, analyst="ben / night shift"))
    async with ben.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
    assert ben.ui_path == tmp_path / "store.ui.ben%20%2f%20night%20shift.json"
    mine = SitdashApp(Store(db))  # the account's own analyst: store.ui.json, no filters yet
    assert mine.ui_path == tmp_path / "store.ui.json" and not mine.filters.needs_review
    assert SitdashApp(Store(db, analyst="ben / night shift")).filters.needs_review
