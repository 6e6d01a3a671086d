"""What the paste and document forms share: labelled one-line fields, a busy state, a worker
that writes the store, and escape asking before it throws typing away."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from sitdash.tui.screens.confirm import ConfirmScreen
from sitdash.tui.screens.dialog import restore_hint, say_in_dialog


def field(label: str, field_id: str, value: str = "", placeholder: str = "") -> ComposeResult:
    """One labelled input line."""
    with Horizontal(classes="field"):
        yield Label(label)
        yield Input(value, placeholder=placeholder, id=field_id)


class FormScreen(ModalScreen[bool]):
    """A modal form: `values()` is what was typed; ctrl+s runs `action_save`; escape asks first
    when anything changed; while a worker writes the store the form cannot be closed or saved."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "close", "Close"),
    ]
    HINT = ""
    DISCARD = "Discard what you typed?"

    def __init__(self, classes: str) -> None:
        super().__init__(classes=f"form {classes}")
        self.busy = False
        self._refocus = None  # the field that had the focus before the form got busy
        self.initial: dict[str, str] = {}

    def tell(self, message: str, **options) -> None:
        """A notice with literal text: what was typed never reads as markup. A problem (a
        warning, an error) is said in the form, where a toast would cover its fields; other
        notices show once the form has closed."""
        if options.get("severity") in ("warning", "error"):
            say_in_dialog(self, message, options["severity"])
        else:
            self.notify(message, markup=False, **options)

    def refuse(self, message: str, field_id: str) -> None:
        """A field's value cannot be kept: say why in the form and put the cursor there."""
        say_in_dialog(self, message, "error")
        self.set_focus(self.query_one(f"#{field_id}"))

    def on_input_changed(self) -> None:
        restore_hint(self, self.HINT)  # the problem shown is being fixed

    def values(self) -> dict[str, str]:
        """The form's current values by field id (text areas included by subclasses)."""
        return {box.id or "": box.value for box in self.query(Input)}

    @property
    def dirty(self) -> bool:
        return self.values() != self.initial

    def on_mount(self) -> None:
        self.initial = self.values()

    def set_busy(self, busy: bool, hint: str | None = None) -> None:
        if busy:
            self._refocus = self.focused
        self.busy = busy
        for widget in self.query("Input, TextArea"):
            widget.disabled = busy
        line = self.query_one("#dialog-hint", Static)
        line.remove_class("problem")
        line.update(Text(hint or self.HINT))
        if not busy and self._refocus is not None:
            self.set_focus(self._refocus)  # a refused save leaves the analyst where they were

    def run_in_worker(self, hint: str, call: Callable[[], Any],
                      done: Callable[[Any], None], failed: Callable[[Exception], None]) -> None:
        """`call()` in a thread (it writes the store); `done(result)` or `failed(error)` back on
        the UI thread."""
        self.set_busy(True, hint)

        def work() -> None:
            try:
                result = call()
            except Exception as error:  # the store refused: say so, keep what was typed
                self.app.call_from_thread(self._finish, failed, error)
                return
            self.app.call_from_thread(self._finish, done, result)

        self.run_worker(work, thread=True, exclusive=True, group="form", exit_on_error=False)

    def _finish(self, then: Callable[[Any], None], value: Any) -> None:
        self.set_busy(False)
        then(value)

    def action_close(self) -> None:
        if self.busy:
            self.tell("Still writing to the store…", timeout=2)
            return
        if not self.dirty:
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen(self.DISCARD), answered)
