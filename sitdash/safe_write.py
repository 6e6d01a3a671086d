"""Writing an output file without following symlinks, clobbering, or leaving half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sitdash.errors import SitdashError


def write_output(path: str | Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` atomically; refuse a symlink, and an existing file without force."""
    target = Path(path)
    if target.is_symlink():
        raise SitdashError(f"{target} is a symbolic link; refusing to write through it")
    if target.exists():
        if target.is_dir():
            raise SitdashError(f"{target} is a directory")
        if not force:
            raise SitdashError(f"{target} exists; use --force to overwrite it")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise SitdashError(f"folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
