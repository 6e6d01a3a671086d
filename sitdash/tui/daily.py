"""The daily review in the dashboard: what is new since the analyst's last review (w, ctrl+r),
the inbox taken on the store poll, a pasted article (p) and a corrected document (D).

Threads: store writes off the UI thread (inbox, paste, correction) and index rebuilds hold
`store_mutex`, so one worker at a time uses the Store's derived data (the UI thread's own poll
skips the store while a worker has it). Workers build a new Index without analyst data; the UI
thread adds notes, judgements and the review mark when it installs the index, so analyst data is
only ever read where it is written.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import work

from sitdash.corrections import apply_to_store
from sitdash.inbox import Inbox, InboxError, InboxReport
from sitdash.ingest.pipeline import IngestReport, ingest_documents, retry_on_change
from sitdash.query import Index
from sitdash.stamps import local_time
from sitdash.summary import plural
from sitdash.tui.screens.confirm import ConfirmScreen
from sitdash.tui.screens.document import DocumentScreen
from sitdash.tui.screens.paste import PasteScreen
from sitdash.tui.text import clean

INBOX_LOCK_WAIT = 0.5  # seconds; a cron job holding the inbox longer: try on the next poll


class DailyReview:
    """Mixed into SitdashApp, which provides store, index, filters, set_filters, notify,
    reload_screens, current_claim_id and call_from_thread."""

    def setup_daily(self, inbox: Path | None) -> None:
        self.store_mutex = threading.Lock()
        self.inbox = Inbox(inbox, lock_timeout=INBOX_LOCK_WAIT) if inbox else None
        self.last_inbox: InboxReport | None = None  # what the last taking did (tests read it)
        self._inbox_running = False
        self._inbox_told: set[str] = set()  # problems already reported, not on every poll

    def tell(self, message: str, **options) -> None:
        """A notice with literal text: file names, errors and typing never read as markup."""
        self.notify(message, markup=False, **options)

    # -- the index ------------------------------------------------------------------------------
    def index_in_worker(self) -> Index:
        """A fresh Index of the derived data (worker thread, `store_mutex` held)."""
        index = Index.from_store(self.store, analyst=False)
        index.warm()
        return index

    def install_index(self, index: Index | None) -> None:
        """Put a worker's index in place with the current analyst data, and redraw."""
        if index is None:
            return
        index.update_analyst(self.store.judgements(), self.store.notes(), self.speaker_sides())
        index.set_review(self.review_mark())
        self.index = index
        self.reload_screens()

    def speaker_sides(self) -> dict[str, str]:
        """The analyst's corrections of speakers' sides (none from a store without them)."""
        getter = getattr(self.store, "speaker_sides", None)
        return getter() if getter else {}

    def review_mark(self) -> dict | None:
        getter = getattr(self.store, "review_mark", None)
        return getter() if getter else None

    # -- new since the last review --------------------------------------------------------------
    def action_toggle_new(self) -> None:
        on = not self.filters.new_only
        self.set_filters(self.filters.with_(new_only=on))
        if on and not self.index.new_claims:
            self.tell(f"Nothing is new since your last review{self._since()}.", timeout=4)

    def _since(self) -> str:
        mark = self.review_mark()
        return f" ({local_time(mark.get('time'))})" if mark else ""

    def action_review_done(self) -> None:
        new = len(self.index.new_claims)
        name = clean(getattr(self.store, "analyst", "you"))
        if new:
            question = (f"Mark the review done for {name}? {plural(new, 'new claim')} stop "
                        "being marked new.")
        else:
            question = f"Nothing is new. Mark the review done for {name} anyway?"

        def answered(yes: bool | None) -> None:
            if yes:
                self.mark_review_done()

        self.push_screen(ConfirmScreen(question), answered)

    def mark_review_done(self) -> None:
        """Mark the review of what this view shows: a document stored after it was loaded (not
        yet on screen) stays new."""
        try:
            mark = self.store.mark_review(self.index.latest_ingest())
        except Exception as error:  # the store refused: nothing changed
            self.tell(f"Review not marked: {error}", severity="error", timeout=10)
            return
        self.index.set_review(mark)
        self.reload_screens()
        self.tell(f"Review marked done {local_time(mark.get('time'))}: nothing is new now.",
                    timeout=5)

    # -- the inbox ------------------------------------------------------------------------------
    def watch_inbox(self) -> None:
        """On each store poll: look at the inbox in a worker (one at a time)."""
        if self.inbox is None or self._inbox_running:
            return
        self._inbox_running = True
        self.take_inbox()

    @work(thread=True, group="inbox", exit_on_error=False)
    def take_inbox(self) -> None:
        """Scan; take the files that stopped changing; build the new index; report back."""
        try:
            ready = self.inbox.scan()
            if not ready:
                return
            with self.store_mutex:
                report = self.inbox.take(self.store, ready)
                index = self.index_in_worker() if report.ingest.added else None
            self.call_from_thread(self.inbox_taken, report, index)
        except InboxError:
            pass  # a cron job is taking it right now: the next poll looks again
        except Exception as error:  # the store refused the write: the files stay, say so once
            self.call_from_thread(self._tell_once, f"Inbox not taken: {error}")
        finally:
            self._inbox_running = False

    def inbox_taken(self, report: InboxReport, index: Index | None) -> None:
        self.last_inbox = report
        self.install_index(index)
        said = []
        if report.articles:
            said.append(f"{plural(report.articles, 'article')} arrived from the inbox: "
                        f"{plural(report.claims, 'claim')}")
        elif report.done:
            said.append(f"{plural(len(report.done), 'inbox file')} held articles already in "
                        "the store (moved to done/)")
        if report.failed:
            said.append(f"{plural(len(report.failed), 'file')} could not be read: moved to "
                        "failed/ with a .reason")
        if said:
            self.tell("; ".join(said) + ".", timeout=8,
                        severity="warning" if report.failed else "information")
        for name, why in report.stuck:
            self._tell_once(f"Inbox file {clean(name)} could not be moved ({clean(why)}).")

    def _tell_once(self, message: str) -> None:
        if message not in self._inbox_told:
            self._inbox_told.add(message)
            self.tell(message, severity="error", timeout=10)

    # -- paste and corrections (the screens call these from their workers) ----------------------
    def action_paste(self) -> None:
        self.push_screen(PasteScreen())

    def ingest_in_worker(self, documents) -> tuple[IngestReport, Index | None]:
        with self.store_mutex:
            report = retry_on_change(self.store, lambda: ingest_documents(self.store, documents))
            return report, self.index_in_worker() if report.added else None

    def action_edit_document(self) -> None:
        doc_id = self.current_document_id()
        document = self.index.documents.get(doc_id or "")
        if document is None:
            self.tell("Select a row with a claim (or a document) first.", severity="warning")
            return
        claims = sum(1 for c in self.index.claims.values() if c.get("doc_id") == doc_id)
        self.push_screen(DocumentScreen(document, claims))

    def current_document_id(self) -> str | None:
        """The document of the selected row (the Sources screen's own document rows too)."""
        getter = getattr(self.screen, "current_document_id", None)
        doc_id = getter() if getter else None
        if doc_id:
            return doc_id
        claim_id = self.current_claim_id()
        return (self.index.claims.get(claim_id) or {}).get("doc_id") if claim_id else None

    def reextract_in_worker(self, doc_id: str) -> tuple[tuple[int, int], Index]:
        with self.store_mutex:
            counts = apply_to_store(self.store, doc_id)
            return counts, self.index_in_worker()
