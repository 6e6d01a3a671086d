"""The dashboard's own small state saved beside the store as JSON, atomically: the filters, what
escape takes back (enter on a region row or a map tile) and the time order."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sitdash.query import Filters
from sitdash.storage import atomic_write

BACK_LIMIT = 20  # narrowings escape can take back; older ones are dropped
FILTER_FIELDS = {f.name for f in fields(Filters)}


def _saved_step(step: dict[str, Any]) -> dict[str, Any]:
    """A narrowing step (field -> earlier value) as JSON values, the way Filters saves them."""
    full = Filters().with_(**step).to_dict()
    return {name: full[name] for name in step}


def _loaded_step(data: object) -> dict[str, Any] | None:
    """A saved step back as field -> value (None when it is not a step)."""
    if not isinstance(data, dict) or not data or not set(data) <= FILTER_FIELDS:
        return None
    full = Filters.from_dict(data)
    return {name: getattr(full, name) for name in data}


@dataclass(frozen=True, slots=True)
class UIState:
    filters: Filters = field(default_factory=Filters)
    # What each enter on a region row or map tile changed: the earlier values of the fields it
    # set, oldest first (escape takes back the last).
    narrowed: tuple[dict[str, Any], ...] = ()
    newest_first: bool = True  # timeline and lists: a morning review starts with the latest

    def to_dict(self) -> dict:
        return {"version": 2, "filters": self.filters.to_dict(),
                "narrowed": [_saved_step(step) for step in self.narrowed[-BACK_LIMIT:]],
                "newest_first": self.newest_first}

    @classmethod
    def from_dict(cls, data: object) -> UIState:
        """What an earlier run saved; anything malformed is dropped, never fatal."""
        if not isinstance(data, dict):
            return cls()
        saved = data.get("narrowed")
        steps = [_loaded_step(s) for s in saved[-BACK_LIMIT:]] if isinstance(saved, list) else []
        newest_first = data.get("newest_first")
        return cls(
            filters=Filters.from_dict(data.get("filters")),
            narrowed=tuple(step for step in steps if step is not None),
            newest_first=newest_first if isinstance(newest_first, bool) else True,
        )


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


def load_ui_state(path: Path | None) -> UIState:
    """The state saved by the last run; a missing or damaged file means the defaults."""
    if path is None:
        return UIState()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UIState()
    return UIState.from_dict(data)


def save_ui_state(path: Path | None, state: UIState) -> None:
    """Write via a temporary file and a rename, so a crash never leaves half a file.

    Not fsynced: this runs on every keystroke of `/`, and a power cut that loses the last
    filter loses nothing an analyst made."""
    if path is None:
        return
    payload = json.dumps(state.to_dict(), indent=1)
    atomic_write(path, payload.encode("utf-8"), durable=False)
