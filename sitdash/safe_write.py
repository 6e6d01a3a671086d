"""Writing an output file without following symlinks, clobbering, or leaving half a file."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from sitdash.errors import SitdashError


def _current_umask() -> int:
    """The process umask, read without changing it where Linux allows (os.umask() sets it, which
    would race with other threads creating files, e.g. the dashboard's export worker)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _check_target(target: Path, force: bool) -> None:
    """Refuse a symlink, a directory or device, and an existing file without force."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise SitdashError(f"{target} is a symbolic link; refusing to write through it")
    if stat.S_ISDIR(info.st_mode):
        raise SitdashError(f"{target} is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise SitdashError(f"{target} is not a regular file (a device, socket or pipe)")
    if not force:
        raise SitdashError(f"{target} exists; use --force to overwrite it")


def _place(tmp: str, target: Path, force: bool) -> None:
    """Move the finished temp file to `target`; without force, never over a file that appeared
    meanwhile (a hard link fails if the name exists, where a rename would clobber it)."""
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise SitdashError(f"{target} exists; use --force to overwrite it") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EMLINK, errno.EXDEV):
            raise
        os.replace(tmp, target)  # no hard links here: the checked rename is all we have
        return
    os.unlink(tmp)


def write_output(path: str | Path, data: bytes, force: bool = False,
                 private: bool = False) -> Path:
    """Write `data` to `path` atomically; refuse a symlink, and an existing file without force.

    The file gets the usual permissions for the user's umask (0644 under 022, 0600 under 077),
    or 0600 when `private` (exports that carry the analyst's notes and judgements).
    """
    target = Path(path)
    _check_target(target, force)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise SitdashError(f"folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600 if private else 0o666 & ~_current_umask())
        _place(tmp, target, force)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
