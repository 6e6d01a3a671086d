"""A dialog's own problems are said inside it, where its hint is: at 80x24 a toast in the corner
would cover the dialog's last fields and its hint. Other notices wait until the dialog closes
(SitdashApp.notify)."""

from __future__ import annotations

from rich.text import Text
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

PROBLEM = "problem"  # the hint's class while it shows a problem instead


def is_dialog(screen: Screen) -> bool:
    """A modal dialog is on top: a notice now would cover part of it."""
    return isinstance(screen, ModalScreen)


def say_in_dialog(screen: Screen, message: str, severity: str = "warning") -> None:
    """`message` in the dialog's hint line (marked ✗ for an error, ! otherwise, so it reads
    without colour); a screen without one gets a notice (held until it closes)."""
    try:
        hint = screen.query_one("#dialog-hint", Static)
    except NoMatches:
        screen.app.notify(message, severity=severity, markup=False)
        return
    hint.update(Text(("✗ " if severity == "error" else "! ") + message))
    hint.add_class(PROBLEM)


def restore_hint(screen: Screen, hint: str) -> None:
    """The hint again, once the problem it showed is being dealt with."""
    try:
        line = screen.query_one("#dialog-hint", Static)
    except NoMatches:
        return
    if line.has_class(PROBLEM):
        line.remove_class(PROBLEM)
        line.update(Text(hint))
