"""The `/` box: filters as you type; enter or escape goes back to the list (one box, every screen).

The host screen says what typing does (`apply`, called with the box's text, a burst of keys
once) and where focus goes back to (`leave`). Both are plain calls, not messages: when enter
returns, the list already has the focus, so a key typed right after it reaches the list.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.widgets import Input


class FilterBox(Input):
    """A one-line text filter that stays hidden while it is empty and unused."""

    DEFAULT_CSS = """
    FilterBox { height: 1; margin: 0; border: none; padding: 0 1; }
    FilterBox:focus { border: none; }
    """

    BINDINGS = [Binding("enter,escape", "leave", "Back to the list (esc again clears)",
                        key_display="⏎/esc")]

    def __init__(self, apply: Callable[[str], None], leave: Callable[[], None], *,
                 placeholder: str, value: str = "", id: str | None = None) -> None:
        # Not select-on-focus: "/" again continues the filter (cursor at its end) rather than
        # replacing it with the next key; ctrl+u clears it.
        super().__init__(value=value, placeholder=placeholder, id=id, select_on_focus=False)
        self._apply_text = apply
        self._leave = leave
        self._pending = False  # an apply is already queued behind the keys being typed
        self.display = bool(value)

    def open(self) -> None:
        """Show the box and type into it."""
        self.display = True
        self.cursor_position = len(self.value)
        self.screen.set_focus(self)  # now, not after a queue hop: the next key must land here

    def on_input_changed(self, event: Input.Changed) -> None:
        """Apply as you type: keys that arrive while a reload runs are applied together."""
        if event.input is self and not self._pending:
            self._pending = True
            self.call_later(self._apply_now)

    def _apply_now(self) -> None:
        self._pending = False
        self._apply_text(self.value)

    def action_leave(self) -> None:
        """Apply what is typed and give the focus back; an empty box hides."""
        self._pending = False
        self._apply_text(self.value)
        if not self.value:
            self.display = False
        self._leave()

    def show_value(self, value: str) -> None:
        """Show a filter set elsewhere (`x`, another screen); never while the analyst types."""
        if self.has_focus:
            return
        if self.value != value:
            with self.prevent(Input.Changed):
                self.value = value
                self.cursor_position = len(value)
        self.display = bool(value)


class FilterBoxHost:
    """Screen mixin for a screen with a FilterBox: `/` opens it; while the analyst types in it
    the footer does not offer `/` (a "/" typed there is text)."""

    @property
    def filter_box(self) -> FilterBox:
        return self.query_one(FilterBox)  # type: ignore[attr-defined]

    def action_filter_text(self) -> None:
        self.filter_box.open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "filter_text" and isinstance(self.focused, FilterBox):  # type: ignore[attr-defined]
            return False
        return True


class TextFilterHost(FilterBoxHost):
    """A FilterBoxHost whose box is the dashboard's own text filter (it narrows every pane):
    the dashboard and the lists that share its filter (Claims, Contested)."""

    def apply_search(self, value: str) -> None:
        if value != self.app.filters.text:  # type: ignore[attr-defined]
            self.app.set_filters(self.app.filters.with_(text=value))  # type: ignore[attr-defined]

    def sync_filter_box(self) -> None:
        """Show the text filter as it is now (after x, or a filter set elsewhere)."""
        self.filter_box.show_value(self.app.filters.text)  # type: ignore[attr-defined]
