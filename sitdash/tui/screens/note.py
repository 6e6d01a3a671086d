"""Note modal: the claim, its earlier notes (author, time), and a TextArea to add or edit one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from sitdash.stamps import local_time
from sitdash.tui.rows import NOTE_MARK
from sitdash.tui.screens.confirm import ConfirmScreen
from sitdash.tui.screens.dialog import say_in_dialog
from sitdash.tui.text import clean, clean_block


def notes_text(notes: list[dict]) -> Text:
    """Earlier notes, oldest first, each with its author and time; literal text."""
    if not notes:
        return Text("No notes yet.", style="italic")
    out = Text()
    for i, note in enumerate(notes):
        if i:
            out.append("\n")
        out.append(f"{NOTE_MARK} {clean(note.get('author')) or '?'} · "
                   f"{local_time(note.get('time'))}\n", style="bold")
        out.append(Text(clean_block(note.get("text"))))
    return out


class NoteScreen(ModalScreen[bool]):
    """Edit the latest note on a claim (or write the first one). ctrl+s saves, esc backs out."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+n", "new", "New note"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, claim_id: str, claim_text: str, notes: list[dict]) -> None:
        super().__init__(classes="note")
        self.claim_id = claim_id
        self.claim_text = claim_text
        self.notes = notes
        self.editing: dict | None = notes[-1] if notes else None
        self.initial = clean_block(self.editing["text"]) if self.editing else ""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self._title(), style="bold"), id="dialog-title")
            yield Static(Text(self.claim_text), classes="claim-text")
            with VerticalScroll(id="note-history"):
                yield Static(notes_text(self.notes))
            yield TextArea(self.initial, id="note-editor", soft_wrap=True)
            yield Static(Text("ctrl+s save · ctrl+n new note · esc close"), id="dialog-hint")

    def _title(self) -> str:
        if self.editing:
            return (f"Edit note by {clean(self.editing.get('author'))} "
                    f"({local_time(self.editing.get('time'))})")
        return "New note"

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        self.set_focus(editor)
        editor.move_cursor(editor.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @property
    def dirty(self) -> bool:
        return self.text != self.initial

    def action_new(self) -> None:
        self.editing = None
        self.initial = ""
        self.query_one(TextArea).text = ""
        self.query_one("#dialog-title", Static).update(Text(self._title(), style="bold"))

    def action_save(self) -> None:
        text = self.text.strip()
        if not text:
            say_in_dialog(self, "An empty note is not saved.")
            return
        if not self.dirty:
            self.dismiss(False)
            return
        note_id = self.editing.get("id") if self.editing else None
        try:
            self.app.save_note(self.claim_id, text, note_id)
        except Exception as error:  # the store refused: keep the text, say why
            say_in_dialog(self, f"Note not saved: {error}", "error")
            return
        self.dismiss(True)

    def action_close(self) -> None:
        if not self.dirty:
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen("Discard the edited note?"), answered)
