#!/usr/bin/env bash
# Run TinyDB's own test suite against sitdash's storage class (sitdash.storage.OrjsonStorage).
#
#   bash scripts/tinydb_suite.sh        (from the repository root, in the project's virtualenv)
#
# Fetches the sdist of the installed TinyDB version into a temporary folder (nothing of it is kept
# in the repository), swaps only the storage choice in its conftest (the `db` fixture and
# TinyDB's default storage class), and runs every test module. Two tests are left out because
# they check JSONStorage itself, not storage behaviour: test_json_kwargs (json.dumps options such
# as indent=, which orjson does not take) and test_table_repr (expects the class name JSONStorage).
set -euo pipefail
version=$(python -c "import tinydb; print(tinydb.__version__)")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python -m pip download --quiet --no-deps --no-binary :all: "tinydb==$version" -d "$work"
tar -xzf "$work/tinydb-$version.tar.gz" -C "$work"
tests="$work/tinydb-$version/tests"
cat > "$tests/conftest.py" <<'PY'
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import MemoryStorage

from sitdash.storage import FileLock, OrjsonStorage


class ProjectStorage(OrjsonStorage):
    """OrjsonStorage with TinyDB's storage signature: a path (JSONStorage options ignored)."""

    def __init__(self, path, *args, **kwargs):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        super().__init__(path, FileLock(path.with_name(path.name + ".lock")))


@pytest.fixture(autouse=True)
def _project_storage(monkeypatch):
    monkeypatch.setattr(TinyDB, "default_storage_class", ProjectStorage)


@pytest.fixture(params=["memory", "json"])
def db(request, tmp_path: Path):
    if request.param == "json":
        db_ = TinyDB(tmp_path / "test.db", storage=ProjectStorage)
    else:
        db_ = TinyDB(storage=MemoryStorage)
    db_.drop_tables()
    db_.insert_multiple({"int": 1, "char": c} for c in "abc")
    yield db_


@pytest.fixture
def storage():
    return CachingMiddleware(MemoryStorage)()
PY
cd "$tests"
python -m pytest -q -p no:cacheprovider --rootdir "$tests" -c /dev/null \
    --deselect test_storages.py::test_json_kwargs --deselect "test_tables.py::test_table_repr[json]" .
