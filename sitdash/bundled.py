"""Where the bundled seed articles are, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl")


def seed_dir() -> Path:
    """The folder of bundled articles: the installed `sitdash.seeds` data, else ../seeds."""
    try:
        folder = Path(str(resources.files("sitdash.seeds")))
        if folder.is_dir():
            return folder
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "seeds"


def seed_paths() -> list[Path]:
    folder = seed_dir()
    return sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES)
