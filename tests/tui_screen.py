"""Read what the app shows as plain text lines (for pilot tests and eyeballing)."""

from __future__ import annotations


def screen_lines(app) -> list[str]:
    """The current screen (with any modal on top) as one string per terminal row."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))
