"""The analyst history of a claim as lines a person reads: when, who, what changed, from what to
what ("2026-12-06 14:02  ana  status  unverified -> disputed")."""

from __future__ import annotations

from datetime import tzinfo

from sitdash.model import CREDIBILITY, RELIABILITY
from sitdash.safe_text import one_line
from sitdash.stamps import local_time

EXCERPT = 48  # characters of a note's text shown in a history line


def grade_words(grade: object) -> str:
    """{"reliability": "B", "credibility": "2"} as "B2 (Usually reliable; Probably true)";
    no grade is "--"."""
    if not isinstance(grade, dict) or not (grade.get("reliability") or grade.get("credibility")):
        return "--"
    rel, cred = str(grade.get("reliability") or "-"), str(grade.get("credibility") or "-")
    words = [w for w in (RELIABILITY.get(rel), CREDIBILITY.get(cred)) if w]
    label = one_line(rel + cred)
    return f"{label} ({'; '.join(words)})" if words else label


def _excerpt(text: object) -> str:
    flat = one_line(str(text or ""))
    return "“" + (flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…") + "”"


def change_text(entry: dict) -> str:
    """What one history entry changed, from what to what."""
    action, before, after = entry.get("action"), entry.get("before"), entry.get("after")
    if action == "status":
        return f"status  {one_line(str(before or 'unverified'))} -> {one_line(str(after))}"
    if action == "grade":
        return f"grade   {grade_words(before)} -> {grade_words(after)}"
    if action == "note-add":
        return f"note added  {_excerpt(after)}"
    if action == "note-edit":
        return f"note edited  {_excerpt(before)} -> {_excerpt(after)}"
    if action == "note-delete":
        return f"note deleted  {_excerpt(before)}"
    return f"{one_line(str(action or 'change'))}  {one_line(str(before))} -> {one_line(str(after))}"


def history_line(entry: dict, tz: tzinfo | None = None) -> str:
    """"2026-12-06 14:02  ana  status  unverified -> disputed"."""
    who = one_line(str(entry.get("author") or "?"))
    return f"{local_time(entry.get('time'), tz)}  {who}  {change_text(entry)}"


def history_lines(entries: list[dict], tz: tzinfo | None = None) -> list[str]:
    """One line per change, oldest first (the order they were made)."""
    return [history_line(entry, tz) for entry in entries]
