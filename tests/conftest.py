"""Test-wide settings: the dashboard shows times in the local zone, so the tests pin the zone
(UTC) and a snapshot reads the same on every machine."""

import os
import time

os.environ["TZ"] = "UTC"
time.tzset()


import pytest  # noqa: E402
from tui_fixtures import seed_store, small_store  # noqa: E402


@pytest.fixture
def store_path(tmp_path):
    """The small hand-written store (tui_fixtures.small_records) in a file."""
    path = tmp_path / "store.json"
    small_store(path)
    return path


@pytest.fixture
def seed_path(tmp_path):
    """The bundled seed articles through the real pipeline."""
    path = tmp_path / "seed.json"
    if seed_store(path) is None:
        pytest.skip("ingest pipeline not importable yet")
    return path
