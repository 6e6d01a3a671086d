"""Ingest times and review marks: UTC timestamps that compare correctly, shown in local time."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from sitdash.safe_text import one_line


def now_stamp() -> str:
    """Now in UTC, to the microsecond: what a document's ingest time and a review mark hold."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def parse_stamp(value: object) -> datetime | None:
    """A stored stamp as an aware datetime; None for a missing or malformed one (never new)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def later_stamp(first: str | None, second: str | None) -> str | None:
    """The later of two stamps (a missing or malformed one loses)."""
    a, b = parse_stamp(first), parse_stamp(second)
    if a is None:
        return second if b is not None else None
    if b is None or a >= b:
        return first
    return second


def local_time(value: object, tz: tzinfo | None = None, seconds: bool = False) -> str:
    """A stamp as the analyst reads it: "2022-04-07 09:14" in local time (or `tz`). A time with
    no zone is shown as written; one that does not parse as written, cut to the minute."""
    text = one_line(str(value or ""))
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return text[:16] or "?"
    if when.tzinfo is not None:
        when = when.astimezone(tz)
    return when.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
