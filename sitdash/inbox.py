"""The inbox: a folder whose new article files are ingested by themselves, then moved aside.

A file is taken once its size and modification time were the same in two scans in a row (it has
stopped being written); hidden files and partial downloads (".part", ".tmp", "~", ...) are left
alone. Taking a batch, under a lock file in the inbox (a dashboard and a cron job never take the
same file twice):
1. every file is read;
2. an unreadable one gets `failed/<name>.reason` (one line: why), then moves to `failed/<name>`;
3. the documents of the readable ones are stored in one atomic store write;
4. those files move to `done/<name>` (with a `.reason` beside it if some records were skipped).
A crash at any point leaves each file in the inbox (taken again next time: its documents are then
already stored, and skipped), in `done/` with its documents stored, or in `failed/` with its
`.reason`: never lost, never in two places. Moves are renames inside the inbox (os.replace); a
name already used in `done/` or `failed/` gets a number ("report-2.txt"), never an overwrite.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sitdash.errors import SitdashError
from sitdash.ingest.pipeline import IngestReport, ingest_documents, retry_on_change
from sitdash.ingest.read import path_text, read_path
from sitdash.model import Document
from sitdash.storage import FileLock, StoreLocked, atomic_write, fsync_dir

DONE, FAILED = "done", "failed"
LOCK_NAME = ".sitdash-inbox.lock"
REASON_SUFFIX = ".reason"
# Names a downloader or an editor gives a file it is still writing.
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp",
                    "~")
Stamp = tuple[int, int, int]  # size, mtime_ns, inode


class InboxError(SitdashError):
    """The inbox cannot be used (missing, not a folder, busy); the message says what to do."""


@dataclass
class InboxReport:
    """What one pass over the inbox did."""

    done: list[str] = field(default_factory=list)  # file names moved to done/
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # records skipped in done files
    waiting: list[str] = field(default_factory=list)  # still being written: next time
    stuck: list[tuple[str, str]] = field(default_factory=list)  # could not be moved: (name, why)
    ingest: IngestReport = field(default_factory=IngestReport)

    @property
    def articles(self) -> int:
        return len(self.ingest.added)

    @property
    def claims(self) -> int:
        return self.ingest.claims

    def __bool__(self) -> bool:
        return bool(self.done or self.failed or self.stuck)


def is_candidate(name: str) -> bool:
    """A name the inbox takes: not hidden, not a partial download or an editor's backup."""
    return not name.startswith(".") and not name.lower().endswith(PARTIAL_SUFFIXES)


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/<stem>-2<suffix>`, -3, ... : the first name not in use.
    (A `.reason` without its file, left by a crash between the two writes, may be replaced.)"""
    target = folder / name
    stem, suffix = os.path.splitext(name)
    n = 2
    while os.path.lexists(target):
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target


class Inbox:
    """One inbox folder. `scan()` says which files are ready; `take()` ingests and moves them.

    The scan remembers what it saw, so keep one Inbox per watcher (the dashboard polls it)."""

    def __init__(self, folder: str | os.PathLike, lock_timeout: float = 60.0) -> None:
        self.folder = Path(folder)
        self.done_dir = self.folder / DONE
        self.failed_dir = self.folder / FAILED
        self.lock_timeout = lock_timeout
        self._seen: dict[str, Stamp] = {}
        self.waiting: list[str] = []  # names seen changing (or seen once) by the last scan

    # -- looking -------------------------------------------------------------------------------
    def check(self) -> None:
        """Raise InboxError unless the inbox is a folder sitdash can use."""
        if not self.folder.exists():
            raise InboxError(f"inbox {path_text(self.folder)} does not exist")
        if not self.folder.is_dir():
            raise InboxError(f"inbox {path_text(self.folder)} is not a folder")

    def scan(self) -> list[Path]:
        """Files whose size and modification time have not changed since the previous scan,
        in name order. Folders (done/, failed/ and any other) are not looked into."""
        current: dict[str, Stamp] = {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:  # gone or unreadable: nothing to take now
            entries = []
        for entry in entries:
            if not is_candidate(entry.name):
                continue
            try:
                if entry.is_dir():
                    continue
                info = entry.stat()
                stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
            except OSError:  # a broken symlink: stable as it is, and taken to failed/
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue  # vanished meanwhile
                stamp = (-1, info.st_mtime_ns, info.st_ino)
            current[entry.name] = stamp
        ready = sorted(name for name, stamp in current.items() if self._seen.get(name) == stamp)
        self.waiting = sorted(set(current) - set(ready))
        self._seen = current
        return [self.folder / name for name in ready]

    # -- taking --------------------------------------------------------------------------------
    def take(self, store, files: list[Path]) -> InboxReport:
        """Ingest `files` (from `scan()`) and move each to done/ or failed/ (see the module
        docstring for the order that makes a crash harmless). Raises InboxError when another
        process holds the inbox longer than `lock_timeout`, StoreError when the store refuses
        the write (the files then stay in the inbox)."""
        report = InboxReport(waiting=list(self.waiting))
        if not files:
            return report
        lock = FileLock(self.folder / LOCK_NAME, timeout=self.lock_timeout)
        try:
            lock.__enter__()
        except StoreLocked:
            raise InboxError(f"inbox {path_text(self.folder)} is being taken by another sitdash "
                             "process; try again when it has finished") from None
        try:
            self._take_locked(store, files, report)
        finally:
            if report:
                self._sync()
            lock.__exit__(None, None, None)
        return report

    def _take_locked(self, store, files: list[Path], report: InboxReport) -> None:
        readable: list[tuple[Path, list[str]]] = []
        documents: list[Document] = []
        for path in files:
            if not os.path.lexists(path):  # taken by another process before we had the lock
                continue
            try:
                result = read_path(path)
            except Exception as error:  # a reader bug must not stall the inbox: set it aside
                self._fail(path, f"could not be read ({type(error).__name__}: {error})", report)
                continue
            reasons = [_reason(error.path, error.reason, path) for error in result.errors]
            if result.documents:
                readable.append((path, reasons))
                documents.extend(result.documents)
            else:
                self._fail(path, "; ".join(reasons) or "no article in the file", report)
        if not readable:
            return
        report.ingest = retry_on_change(store, lambda: ingest_documents(store, documents))
        for path, reasons in readable:  # their documents are stored: now they may leave
            self._move(path, self.done_dir, "; ".join(reasons) if reasons else None, report)
            if reasons:
                report.skipped.extend((path.name, reason) for reason in reasons)

    def _fail(self, path: Path, reason: str, report: InboxReport) -> None:
        if self._move(path, self.failed_dir, reason, report):
            report.failed.append((path.name, reason))

    def _move(self, path: Path, folder: Path, reason: str | None, report: InboxReport) -> bool:
        """Write `reason` beside the target first (a crash then leaves the file in the inbox),
        then rename the file into `folder`. False (and noted in the report) if it cannot."""
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            target = free_name(folder, path.name)
            if reason is not None:
                atomic_write(target.with_name(target.name + REASON_SUFFIX),
                             (reason + "\n").encode("utf-8", "backslashreplace"))
            os.replace(path, target)
        except OSError as error:
            report.stuck.append((path.name, error.strerror or str(error)))
            return False
        if folder == self.done_dir:
            report.done.append(path.name)
        return True

    def _sync(self) -> None:
        """Make the renames durable (a power cut must not bring a moved file back)."""
        for folder in (self.folder, self.done_dir, self.failed_dir):
            try:
                fsync_dir(folder)
            except OSError:
                pass

    def take_ready(self, store) -> InboxReport:
        """scan() then take(): what the dashboard does on each poll."""
        return self.take(store, self.scan())


def _reason(where: str, reason: str, path: Path) -> str:
    """A read error as one line for the .reason file (the file name is already its name)."""
    return reason if where == path_text(path) else f"{where}: {reason}"
