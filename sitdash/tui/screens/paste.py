"""Paste screen: an article copied from a browser, with its title, outlet and date, ingested
like a file (same size, UTF-8 and text rules; the text is untrusted like any article)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static, TextArea

from sitdash.corrections import DATE_HINT, URL_HINT, parse_url
from sitdash.ingest.read import parse_date, read_article
from sitdash.summary import plural
from sitdash.tui.screens.forms import FormScreen, field

PASTED = "the pasted text"


class PasteScreen(FormScreen):
    """Title, outlet, date and the text; ctrl+s ingests (in a worker), escape asks first."""

    HINT = "ctrl+s ingests · tab next field · esc closes (asks first)"
    DISCARD = "Discard the pasted article?"

    def __init__(self) -> None:
        super().__init__(classes="paste")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("Paste an article", style="bold"), id="dialog-title")
            yield from field("Title", "paste-title", placeholder="optional: the headline")
            yield from field("Outlet", "paste-outlet", placeholder="optional: who published it")
            yield from field("Date", "paste-date", placeholder="optional: YYYY-MM-DD "
                             "(else the dateline's or the text's)")
            yield from field("URL", "paste-url", placeholder="optional: https://…")
            yield TextArea(id="paste-text", soft_wrap=True, show_line_numbers=False,
                           placeholder="the article's text (front matter allowed)")
            yield Static(Text(self.HINT), id="dialog-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.set_focus(self.query_one("#paste-title", Input))  # the first field, always

    def values(self) -> dict[str, str]:
        return {**super().values(), "text": self.query_one("#paste-text", TextArea).text}

    def action_save(self) -> None:
        if self.busy:
            return
        values = self.values()
        typed_date, typed_url = values["paste-date"].strip(), values["paste-url"].strip()
        published = parse_date(typed_date) if typed_date else None
        if typed_date and published is None:
            self.refuse(f"Date: {typed_date!r} is not a date ({DATE_HINT}).", "paste-date")
            return
        url = parse_url(typed_url) if typed_url else None
        if typed_url and url is None:
            self.refuse(f"URL: {typed_url!r} is not a web address ({URL_HINT}).", "paste-url")
            return
        if not values["text"].strip():
            self.tell("Paste the article's text first.", severity="warning")
            self.set_focus(self.query_one("#paste-text", TextArea))
            return
        meta = {"title": values["paste-title"], "outlet": values["paste-outlet"],
                "published": published, "url": url}
        result = read_article(values["text"], PASTED, meta)
        if result.errors:
            self.tell(f"Not ingested: {result.errors[0].reason}.", severity="error")
            return
        app = self.app
        self.run_in_worker("Ingesting…", lambda: app.ingest_in_worker(result.documents),
                           self._ingested, self._failed)

    def _ingested(self, outcome) -> None:
        report, index = outcome
        self.app.install_index(index)
        if report.added:
            self.tell(f"Pasted article ingested: {plural(report.claims, 'claim')} "
                        "(marked ● new).", timeout=6)
        else:
            self.tell("This article is already in the store.", timeout=6)
        self.dismiss(True)

    def _failed(self, error: Exception) -> None:
        self.tell(f"Not ingested: {error}", severity="error", timeout=10)
