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


@pytest.fixture(scope="session")
def _week_built(tmp_path_factory):
    """The week of reporting (tests/week_articles.py) ingested once per test run."""
    from tui_fixtures import week_store

    path = tmp_path_factory.mktemp("week") / "week.json"
    week_store(path)
    return path


@pytest.fixture
def week_path(_week_built, tmp_path):
    """A fresh copy of the week store for one test (its notes and judgements are its own)."""
    import shutil

    path = tmp_path / "week.json"
    for built in _week_built.parent.glob(_week_built.stem + ".*"):
        if built.is_file() and built.suffix != ".lock":
            shutil.copy(built, tmp_path / built.name)
    return path
