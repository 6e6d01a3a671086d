"""The inbox while the dashboard runs: files dropped in arrive by themselves within a few polls,
marked new, with a notice; a file still being written waits; an unreadable one goes to failed/."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from tui_fixtures import small_store

from sitdash.store import Store
from sitdash.tui import app as app_module
from sitdash.tui.app import SitdashApp

SMALL = (80, 24)
POLL = 0.25  # the test's store poll (the app's is 2 s)

# Written for these tests: two wire stories that arrive after the morning review.
ODESA = (
    "ODESA, Ukraine, April 2 (Wire) - A Russian missile struck a fuel depot near Odesa on "
    "Saturday, the regional administration said.\n\n"
    "\"Air defence shot down two more missiles over the sea,\" the military command said.")
SUMY = (
    "SUMY, Ukraine, April 4 (Wire) - Russian troops withdrew from the Sumy region toward the "
    "border, governor Dmytro Zhyvytskyi said on Monday.\n\n"
    "Residents returned to Trostianets after a month of occupation, the governor said.")


@pytest.fixture
def setup(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    monkeypatch.setattr(app_module, "POLL_SECONDS", POLL)
    db = tmp_path / "store.json"
    small_store(db).mark_review(None)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    return db, inbox


async def wait_for(pilot, condition, seconds: float = 8.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        if condition():
            return True
    return False


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_files_dropped_in_arrive_marked_new_with_a_notice(setup):
    db, inbox = setup
    app = SitdashApp(Store(db), ui_path=db.parent / "ui.json", inbox=inbox)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        documents = len(app.index.documents)
        (inbox / "odesa.txt").write_text(ODESA, encoding="utf-8")
        (inbox / "sumy.md").write_text(SUMY, encoding="utf-8")
        (inbox / "draft.txt.part").write_text(SUMY + " more", encoding="utf-8")
        (inbox / ".hidden.txt").write_text(ODESA + " hidden", encoding="utf-8")
        started = time.monotonic()
        assert await wait_for(pilot, lambda: len(app.index.documents) == documents + 2)
        took = time.monotonic() - started
        await pilot.pause()
        assert took < 3 * POLL + 2  # two scans, then the worker
        new = app.index.new_claims
        arrived = {doc_id for doc_id, d in app.index.documents.items() if d.get("ingested")}
        assert len(arrived) == 2 and {app.index.claims[c]["doc_id"] for c in new} == arrived
        assert any(n.startswith("2 articles arrived from the inbox: ") for n in notices(app))
        assert f"· {len(new)} new" in str(app.screen.query_one("#header").render())
        assert sorted(p.name for p in (inbox / "done").iterdir()) == ["odesa.txt", "sumy.md"]
        assert (inbox / "draft.txt.part").exists() and (inbox / ".hidden.txt").exists()
        assert not (inbox / "odesa.txt").exists()
        await pilot.press("w")
        await pilot.pause()
        assert set(app.index.claim_ids(app.filters)) == new


async def test_a_file_written_slowly_waits_until_it_stops_changing(setup):
    db, inbox = setup
    app = SitdashApp(Store(db), ui_path=db.parent / "ui.json", inbox=inbox)
    paragraphs = SUMY.split("\n\n") + [
        f"Officials counted {n} destroyed vehicles on the road to Okhtyrka." for n in range(3, 9)]
    done = threading.Event()

    def slow_writer() -> None:  # a paragraph every 0.1 s, well inside one poll
        with open(inbox / "slow.txt", "w", encoding="utf-8") as handle:
            for paragraph in paragraphs:
                handle.write(paragraph + "\n\n")
                handle.flush()
                time.sleep(0.1)
        done.set()

    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        documents = len(app.index.documents)
        writer = threading.Thread(target=slow_writer)
        writer.start()
        while not done.is_set():
            await pilot.pause(0.05)
            assert (inbox / "slow.txt").exists(), "taken while still being written"
        writer.join()
        assert await wait_for(pilot, lambda: len(app.index.documents) == documents + 1)
        stored = [d for d in Store(db).documents() if d.get("path", "").endswith("slow.txt")]
        assert len(stored) == 1 and "Officials counted 8 destroyed" in stored[0]["text"]
        assert (inbox / "done" / "slow.txt").read_text(encoding="utf-8").count("Officials") == 6


async def test_an_unreadable_file_goes_to_failed_with_its_reason(setup):
    db, inbox = setup
    app = SitdashApp(Store(db), ui_path=db.parent / "ui.json", inbox=inbox)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        documents = len(app.index.documents)
        (inbox / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00IHDR")
        (inbox / "latin.txt").write_bytes("Kyiv, caf\xe9 au lait".encode("latin-1"))
        (inbox / "odesa.txt").write_text(ODESA, encoding="utf-8")
        assert await wait_for(pilot, lambda: (inbox / "failed" / "latin.txt").exists()
                              and app.last_inbox is not None)
        await pilot.pause()
        assert len(app.index.documents) == documents + 1
        failed = inbox / "failed"
        assert (failed / "scan.txt.reason").read_text() == "binary file (contains NUL bytes)\n"
        assert "not UTF-8 text" in (failed / "latin.txt.reason").read_text()
        assert (failed / "scan.txt").read_bytes().startswith(b"\x89PNG")  # kept as it was
        assert any("2 files could not be read: moved to failed/" in n for n in notices(app))
        assert any("1 article arrived from the inbox" in n for n in notices(app))
