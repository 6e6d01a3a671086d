"""Durable TinyDB storage: orjson, atomic replace, fsync, 0600 files, a cross-process lock."""

from __future__ import annotations

import errno
import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from sitdash.errors import SitdashError
from sitdash.gcpause import gc_paused

# The layout version this sitdash writes; files record theirs in a `_meta` table.
SCHEMA_VERSION = 3
META = "_meta"
FILE_MODE = 0o600  # analyst notes are nobody else's business: user-only, temp files and backups too
TMP_INFIX = ".tmp-"  # temp files are ".<name>.tmp-<pid>-<n>" beside their target

Data = dict[str, dict[str, Any]]
Migration = Callable[[Data], Data]


class StoreError(SitdashError):
    """A problem with the store that the user can act on; the message says what to do."""


class StoreCorrupt(StoreError):
    """A store file that cannot be parsed; it is left exactly as found."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = Path(path)
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"store file {self.path} is corrupt: {self.reason}")


class RecordInvalid(ValueError):
    """A migration met a record it cannot read; open_versioned reports the file as corrupt."""


def lacking(table: str, row: dict, required: frozenset[str]) -> str | None:
    """ "a record in table 'claims' lacks 'id', 'text'" when `row` lacks required fields."""
    missing = required - row.keys()
    if not missing:
        return None
    listed = ", ".join(f"'{key}'" for key in sorted(missing))
    return f"a record in table {table!r} lacks {listed}"


class StoreChanged(StoreError):
    """Another process replaced the file since we read it; nothing was written."""


class StoreWriteError(StoreError, OSError):
    """The disk refused a write (full, read-only); the file on disk is the old one, intact."""


class StoreLocked(StoreError):
    """Another process held the store lock for longer than we were willing to wait."""


class UnstorableValue(StoreError, TypeError, ValueError):
    """A record holds a value the JSON file cannot keep as it is (NaN, a non-string key, ...);
    nothing was written. Also a TypeError/ValueError, as json and TinyDB's callers expect."""


def fsync_dir(directory: Path) -> None:
    """Make a rename or unlink in `directory` durable."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_tmp_counter = iter(range(1 << 62))


def atomic_write(path: Path, payload: bytes, durable: bool = True) -> None:
    """Replace `path` with `payload`: a crash leaves the old or the new file, never half.
    `durable` also survives a power cut (fsync of the file and its folder)."""
    tmp = path.with_name(f".{path.name}{TMP_INFIX}{os.getpid()}-{next(_tmp_counter)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # whatever the umask says
        with os.fdopen(fd, "wb", closefd=True) as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        fsync_dir(path.parent)


def stale_temps(path: Path) -> list[Path]:
    """Temp files beside `path`: a writer's in flight, or a crashed writer's leftovers."""
    return list(path.parent.glob(f".{path.name}{TMP_INFIX}*"))


def remove_stale_temps(path: Path) -> int:
    """Delete temp files a crashed writer left beside `path`; call only while holding the lock."""
    removed = 0
    for stale in stale_temps(path):
        try:
            stale.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """(inode, mtime_ns, size) of `path`, or None when it does not exist: a cheap change check."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def quarantine(path: str | os.PathLike) -> Path:
    """Move a bad store file aside to `<path>.corrupt-<timestamp>` (kept); return the new path."""
    path = Path(path)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while True:
        try:
            os.link(path, target)  # fails rather than overwrite an earlier quarantined file
            break
        except FileExistsError:
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
            n += 1
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EMLINK):
                raise
            if target.exists():  # no hard links on this filesystem: fall back to a checked rename
                target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
                n += 1
                continue
            os.rename(path, target)
            break
    if path.exists():
        os.unlink(path)
    os.chmod(target, FILE_MODE)
    fsync_dir(path.parent)
    return target


class FileLock:
    """An exclusive `fcntl.flock` on a lock file, re-entrant within a process and thread-safe."""

    def __init__(self, path: Path, timeout: float = 60.0):
        self.path = path
        self.timeout = timeout
        self._mutex = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    def __enter__(self) -> FileLock:
        self._mutex.acquire()
        try:
            if self._depth == 0:
                self._fd = self._acquire()
            self._depth += 1
        except BaseException:
            self._mutex.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None
        self._mutex.release()

    @property
    def held(self) -> bool:
        return self._depth > 0

    def _acquire(self) -> int:
        try:  # never through a symlink: fchmod below would change the mode of its target
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW,
                         FILE_MODE)
        except OSError as exc:
            if exc.errno != errno.ELOOP:
                raise
            raise StoreError(f"store lock {self.path} is a symbolic link; refusing to use it "
                             "(remove it if you did not make it)") from None
        try:
            os.fchmod(fd, FILE_MODE)
            deadline = time.monotonic() + self.timeout
            pause = 0.002
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return fd
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreLocked(
                            f"store lock {self.path} is held by another sitdash process "
                            f"(waited {self.timeout:.0f} s); try again when it has finished"
                        ) from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.05)
        except BaseException:
            os.close(fd)
            raise


# Values that come back from the file exactly as they went in (tuples come back as lists).
_PLAIN = frozenset({str, int, bool, float, type(None)})
_INT_RANGE = range(-(2**63), 2**64)  # orjson writes signed and unsigned 64-bit integers


def unstorable(data: Data) -> str | None:
    """Where the first value orjson cannot round-trip sits, and why ("table 'claims', field
    'score': nan is not a finite number"), or None. One pass over every value (~2 ms per
    1,000 claims): orjson would write NaN and infinity as null without a word."""
    for table_name, table in data.items():
        if type(table) is not dict:
            return f"table {table_name!r} is a {type(table).__name__}, not an object"
        for row_id, row in table.items():
            if type(row_id) is not str or type(row) is not dict:
                return f"table {table_name!r}: a record must be an object under a text id"
            for field, value in row.items():
                kind = type(value)
                if kind is str or value is None or kind is int and value in _INT_RANGE:
                    continue
                why = _why_unstorable(value) if kind in _PLAIN else _why_nested(value)
                if why is not None:
                    return f"table {table_name!r}, field {field!r}: {why}"
    return None


def _why_unstorable(value: Any) -> str | None:
    """Why one plain value cannot be stored, or None."""
    kind = type(value)
    if kind is float and value - value != 0:  # NaN - NaN and inf - inf are NaN
        return f"{value!r} is not a finite number"
    if kind is int and value not in _INT_RANGE:
        return f"the integer {value} is beyond 64 bits"
    return None


def _why_nested(value: Any) -> str | None:
    """Why a list, tuple or dict (at any depth), or any other object, cannot be stored."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            for key in item:
                if type(key) is not str:
                    return f"the key {key!r} is not text"
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif kind is str:
            continue
        elif kind not in _PLAIN:
            return f"a {kind.__name__} is not a JSON value"
        else:
            why = _why_unstorable(item)
            if why is not None:
                return why
    return None


def encode(data: Data) -> bytes:
    """The file's bytes for `data`; UnstorableValue if a value would not come back as it went."""
    problem = unstorable(data)
    if problem is None:
        try:
            return orjson.dumps(data)
        except orjson.JSONEncodeError as exc:  # e.g. nesting deeper than orjson goes
            problem = str(exc)
    raise UnstorableValue(f"cannot store a record: {problem}; nothing was written")


def parse_store(path: Path, raw: bytes) -> Data:
    """Parse and sanity-check the bytes of a store file, or raise StoreCorrupt naming why."""
    if not raw.strip():
        raise StoreCorrupt(path, "the file is empty")
    try:
        with gc_paused():
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreCorrupt(path, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise StoreCorrupt(path, f"expected a JSON object of tables, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise StoreCorrupt(path, f"table {name!r} is not an object")
        for row in table.values():
            if not isinstance(row, dict):
                raise StoreCorrupt(path, f"table {name!r} holds a record that is not an object")
    return data


class OrjsonStorage(Storage):
    """TinyDB storage that parses its file once, serves reads from memory and writes atomically.

    Writes take the lock, refuse to overwrite a file another process replaced since we read it,
    and inside `deferred()` are postponed to one write at the end (none if it raises).
    """

    def __init__(self, path: str | os.PathLike, lock: FileLock):
        super().__init__()
        self.path = Path(path)
        self.lock = lock
        self.writes = 0  # atomic writes done: tests and benchmarks count them
        self.bytes_written = 0
        self.generation = 0  # bumped whenever the in-memory data changes
        self._depth = 0
        self._dirty = False
        self._data: Data | None = None
        self._stamp: tuple[int, int, int] | None = None
        self.reload()

    # -- TinyDB's interface ----------------------------------------------------------------------
    def read(self) -> Data | None:
        return self._data

    def write(self, data: Data) -> None:
        self._data = data
        self.generation += 1
        if self._depth:
            self._dirty = True
        else:
            self._flush()

    # -- loading and change detection ------------------------------------------------------------
    def reload(self) -> None:
        """Read and parse the file again (None data when it does not exist yet)."""
        try:
            with open(self.path, "rb") as handle:
                stamp = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:
            self._data, self._stamp = None, None
        else:
            self._data = parse_store(self.path, raw)
            self._stamp = (stamp.st_ino, stamp.st_mtime_ns, stamp.st_size)
        self._dirty = False
        self.generation += 1

    def changed_on_disk(self) -> bool:
        """True when another process replaced the file since we last read or wrote it (a stat)."""
        return file_stamp(self.path) != self._stamp

    def refresh(self) -> bool:
        """Re-read the file if another process changed it; True if it did."""
        if not self.changed_on_disk():
            return False
        self.reload()
        return True

    # -- writing ---------------------------------------------------------------------------------
    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Postpone writes to one at the end; on an exception write nothing and reload from disk."""
        self._depth += 1
        ok = False
        try:
            yield
            ok = True
        finally:
            self._depth -= 1
            if self._depth == 0 and self._dirty:
                if ok:
                    self._flush()
                else:
                    self.reload()

    def _flush(self) -> None:
        """Write the in-memory data; on any failure memory goes back to what is on disk."""
        try:
            payload = encode(self._data or {})
            with self.lock:
                if self.changed_on_disk():
                    raise StoreChanged(
                        f"store {self.path} was changed by another sitdash process since it was "
                        "read; nothing was written, run the command again"
                    )
                atomic_write(self.path, payload)
                self._stamp = file_stamp(self.path)
        except OSError as exc:  # a full disk, a read-only folder: the old file is intact
            self.reload()
            raise StoreWriteError(f"cannot write store {self.path}: {exc.strerror or exc}; "
                                  "nothing was written") from None
        except BaseException:
            self.reload()  # memory goes back to what is on disk
            raise
        self._dirty = False
        self.writes += 1
        self.bytes_written += len(payload)


def schema_version(path: Path, data: Data) -> int:
    """The layout version a parsed file declares; 0 for files from before versioning."""
    meta = data.get(META) or {}
    row = next(iter(meta.values()), {})
    version = row.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise StoreCorrupt(path, f"schema_version {version!r} is not a version number")
    return version


def meta_table(version: int) -> dict[str, dict[str, int]]:
    return {"1": {"schema_version": version}}


def open_versioned(storage: OrjsonStorage, migrations: list[Migration]) -> None:
    """Create the file if new, refuse one from a newer sitdash, migrate an older one (backup first).

    `migrations[n]` turns a version-n layout into version n+1.
    """
    if stale_temps(storage.path):
        with storage.lock:  # nobody writes without the lock, so these belong to a dead writer
            remove_stale_temps(storage.path)
    data = storage.read()
    if data is not None:
        check_not_newer(storage.path, schema_version(storage.path, data))
    if data is not None and schema_version(storage.path, data) == SCHEMA_VERSION:
        return
    with storage.lock:  # another process may be creating or migrating the same file
        remove_stale_temps(storage.path)
        storage.reload()
        data = storage.read()
        if data is None:
            storage.write({META: meta_table(SCHEMA_VERSION)})
            return
        version = schema_version(storage.path, data)
        check_not_newer(storage.path, version)
        if version < SCHEMA_VERSION:
            backup(storage.path, version)
            try:
                migrated = migrate(data, version, migrations)
            except RecordInvalid as error:
                storage.reload()  # memory goes back to the file, which is left as it was
                raise StoreCorrupt(storage.path, str(error)) from None
            storage.write(migrated)


def check_not_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"store {path} was written by a newer sitdash (schema {version}, "
            f"this one reads up to {SCHEMA_VERSION}); upgrade sitdash"
        )


def migrate(data: Data, version: int, migrations: list[Migration]) -> Data:
    """Apply the migrations from `version` up to SCHEMA_VERSION, stamping each step."""
    if len(migrations) < SCHEMA_VERSION:
        raise StoreError(f"no migration path from schema {version} to {SCHEMA_VERSION}")
    for step in range(version, SCHEMA_VERSION):
        data = migrations[step](data)
        data[META] = meta_table(step + 1)
    return data


def backup(path: Path, version: int) -> Path:
    """Copy `path` to `<path>.bak-v<version>` (0600) before migrating; an earlier copy is kept."""
    target = path.with_name(f"{path.name}.bak-v{version}")
    if not target.exists():
        atomic_write(target, path.read_bytes())
    return target
