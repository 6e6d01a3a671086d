"""The dashboard's own small state (the filters) saved beside the store as JSON, atomically."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from sitdash.query import Filters
from sitdash.storage import atomic_write


def ui_path_for(store_path: str | os.PathLike | None, analyst: str | None = None) -> Path | None:
    """`<store>.ui.json` beside the store file (None for a store without a path); for a named
    analyst sharing the account, `<store>.ui.<analyst>.json`, so each keeps their own filters."""
    if store_path is None:
        return None
    path = Path(store_path)
    if not analyst:
        return path.with_suffix(".ui.json")
    safe = re.sub(r"[^\w.-]", lambda m: f"%{ord(m.group()):02x}", analyst)
    return path.with_name(f"{path.stem}.ui.{safe}.json")


def load_filters(path: Path | None) -> Filters:
    """Filters saved by the last run; a missing or damaged file means no filters."""
    if path is None:
        return Filters()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Filters()
    return Filters.from_dict(data.get("filters") if isinstance(data, dict) else None)


def save_filters(path: Path | None, filters: Filters) -> None:
    """Write the filters via a temporary file and a rename, so a crash never leaves half a file.

    Not fsynced: this runs on every keystroke of `/`, and a power cut that loses the last
    filter loses nothing an analyst made."""
    if path is None:
        return
    payload = json.dumps({"version": 1, "filters": filters.to_dict()}, indent=1)
    atomic_write(path, payload.encode("utf-8"), durable=False)
