"""Where the bundled seed articles are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl")
_PACKAGE = Path(__file__).resolve().parent


def seed_dir() -> Path:
    """The folder of bundled articles.

    `pip install .` copies the top-level seeds/ into the package (pyproject maps it to
    sitdash.seeds); an editable install or a source checkout reads seeds/ beside the package.
    """
    installed = _PACKAGE / "seeds"
    return installed if installed.is_dir() else _PACKAGE.parent / "seeds"


def seed_paths() -> list[Path]:
    return sorted(p for p in seed_dir().iterdir() if p.suffix in ARTICLE_SUFFIXES)
