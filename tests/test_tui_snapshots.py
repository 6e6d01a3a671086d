"""SVG snapshots of the dashboard (80x24 tabs, 160x48 grid), the claims screen and the note modal.

Regenerate after a deliberate change with: pytest tests/test_tui_snapshots.py --snapshot-update
"""

from pathlib import Path

import pytest
from tui_fixtures import small_store

from sitdash.store import Store
from sitdash.tui.app import SitdashApp


@pytest.fixture
def app(tmp_path: Path) -> SitdashApp:
    path = tmp_path / "store.json"
    small_store(path)
    return SitdashApp(Store(path))


def test_dashboard_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24))


def test_dashboard_160x48(snap_compare, app):
    assert snap_compare(app, terminal_size=(160, 48), press=["j", "j"])


def test_dashboard_filtered_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["r", *"east", "enter", "3"])


def test_claims_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 30), press=["c", "j"])


def test_note_modal(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["3", "n", *"Check the figure"])


def test_map_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["m"])
