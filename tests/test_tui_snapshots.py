"""SVG snapshots of the dashboard (80x24 and 100x30 tabs, 160x48 grid), the Claims and Notes
screens, the note modal and the grade dialog; on a week of reporting, the Movements pane's
developments, a development's screen, the Contested screen and a contradiction side by side.

Regenerate after a deliberate change with: pytest tests/test_tui_snapshots.py --snapshot-update
"""

from pathlib import Path

import pytest
from tui_fixtures import small_records, small_store

from sitdash import analyst
from sitdash.store import Store
from sitdash.tui.app import SitdashApp


@pytest.fixture
def app(tmp_path: Path) -> SitdashApp:
    path = tmp_path / "store.json"
    small_store(path)
    return SitdashApp(Store(path))


@pytest.fixture
def noted_app(tmp_path: Path, monkeypatch) -> SitdashApp:
    """The small store with two notes written at fixed times (conftest pins the zone)."""
    stamps = iter(["2026-12-06T09:12:00+00:00", "2026-12-06T14:02:00+00:00"])
    monkeypatch.setattr(analyst, "now_iso", lambda: next(stamps))
    path = tmp_path / "store.json"
    store = small_store(path)
    claims = {c["text"][:24]: c["id"] for c in small_records()["claims"]}
    store.add_note(claims["Governor Oleh Synehubov "], "Toll matches the governor's channel",
                   author="ana")
    store.add_note(claims['"We assess that they are'], "Assessment only; wait for imagery",
                   author="ben")
    return SitdashApp(Store(path))


def test_dashboard_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24))


def test_dashboard_100x30(snap_compare, app):
    assert snap_compare(app, terminal_size=(100, 30))


def test_dashboard_160x48(snap_compare, app):
    assert snap_compare(app, terminal_size=(160, 48), press=["j", "j"])


def test_dashboard_filtered_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["r", *"east", "enter", "3"])


def test_region_opened_from_the_regions_pane_100x30(snap_compare, app):
    assert snap_compare(app, terminal_size=(100, 30), press=["2", "home", "j", "enter"])


def test_claims_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 30), press=["c", "j"])


def test_claims_screen_search_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["c", "slash", *"shell"])


def test_claims_screen_100x30(snap_compare, app):
    assert snap_compare(app, terminal_size=(100, 30), press=["c"])


def test_notes_screen_100x30(snap_compare, noted_app):
    assert snap_compare(noted_app, terminal_size=(100, 30), press=["N"])


def test_note_modal(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["3", "n", *"Check the figure"])


def test_map_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["m"])


def test_grade_dialog_on_an_ungraded_claim(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["g"])


@pytest.fixture
def week_app(week_path: Path) -> SitdashApp:
    return SitdashApp(Store(week_path), export_dir=week_path.parent)


def test_movements_pane_developments_80x24(snap_compare, week_app):
    assert snap_compare(week_app, terminal_size=(80, 24), press=["4", "j", "j"])


def test_development_screen_80x24(snap_compare, week_app):
    assert snap_compare(week_app, terminal_size=(80, 24), press=["4", "j", "j", "enter", "j"])


def test_contested_screen_80x24(snap_compare, week_app):
    assert snap_compare(week_app, terminal_size=(80, 24), press=["exclamation_mark"])


def test_contradiction_side_by_side_80x24(snap_compare, week_app):
    assert snap_compare(week_app, terminal_size=(80, 24),
                        press=["exclamation_mark", "j", "j", "enter"])


def test_contradiction_side_by_side_120x30(snap_compare, week_app):
    assert snap_compare(week_app, terminal_size=(120, 30), press=["exclamation_mark", "enter"])
