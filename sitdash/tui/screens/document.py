"""Document screen: correct a document's title, outlet, date or URL (D on any row).

The correction is kept in the analyst file first (durable), then the document is extracted again
in a worker, so its claims re-derive their dates; their ids, notes and judgements stay.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from sitdash.corrections import BadCorrection, check_changes, record_correction
from sitdash.model import CORRECTABLE
from sitdash.summary import plural
from sitdash.tui.screens.forms import FormScreen, field
from sitdash.tui.text import clean

LABELS = {"title": "Title", "outlet": "Outlet", "published": "Date", "url": "URL"}
PLACEHOLDERS = {"published": "YYYY-MM-DD", "url": "https://…"}


class DocumentScreen(FormScreen):
    HINT = "ctrl+s saves (its claims are re-dated) · empty clears · esc closes"
    DISCARD = "Discard the corrections?"

    def __init__(self, document: dict, claims: int) -> None:
        super().__init__(classes="document")
        self.document = document
        self.claims = claims

    def compose(self) -> ComposeResult:
        doc = self.document
        with Vertical(id="dialog"):
            yield Static(Text("Correct the document", style="bold"), id="dialog-title")
            where = clean(doc.get("path")) or "pasted or read from standard input"
            inferred = " · its date was inferred from the text" if (
                doc.get("published") and doc.get("published_inferred")) else ""
            yield Static(Text(f"{doc['id']} · {plural(self.claims, 'claim')} · {where}"
                              f"{inferred}"), classes="doc-info")
            for key in CORRECTABLE:
                yield from field(LABELS[key], f"doc-{key}", clean(doc.get(key)),
                                 placeholder=PLACEHOLDERS.get(key, ""))
            yield Static(Text(self.HINT), id="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        for box in self.query(Input):
            box.cursor_position = 0  # a long title shows its start
        self.set_focus(self.query_one("#doc-title", Input))  # the first field, always

    def action_save(self) -> None:
        if self.busy:
            return
        values, before = self.values(), self.initial
        changes = {key: values[f"doc-{key}"] for key in CORRECTABLE
                   if values[f"doc-{key}"].strip() != before[f"doc-{key}"].strip()}
        if not changes:
            self.dismiss(False)
            return
        for key in ("published", "url"):  # a field that cannot be kept: say so where it is
            if key in changes:
                try:
                    check_changes({key: changes[key]})
                except BadCorrection as error:
                    self.refuse(f"{LABELS[key]}: {error}", f"doc-{key}")
                    return
        try:
            checked = check_changes(changes)
            record_correction(self.app.store, self.document, checked)
        except BadCorrection as error:
            self.tell(str(error), severity="error")
            return
        except Exception as error:  # the store refused: nothing was kept, keep the form
            self.tell(f"Correction not saved: {error}", severity="error", timeout=10)
            return
        doc_id, app = self.document["id"], self.app
        self.run_in_worker("Re-extracting its claims…", lambda: app.reextract_in_worker(doc_id),
                           self._applied, self._failed)

    def _applied(self, outcome) -> None:
        (claims, dated), index = outcome
        self.app.install_index(index)
        self.tell(f"Document corrected: {plural(claims, 'claim')} re-extracted, {dated} dated.",
                    timeout=6)
        self.dismiss(True)

    def _failed(self, error: Exception) -> None:
        self.tell(f"Correction saved, but its claims were not re-extracted ({error}); "
                    "`sitdash rebuild` applies it.", severity="warning", timeout=10)
        self.dismiss(True)
