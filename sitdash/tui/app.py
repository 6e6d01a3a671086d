"""The sitdash Textual app: screens, global bindings, command palette, and the store behind them.

Data flows one way: the store is loaded into a query `Index` once; panes ask the index (through
`sitdash.tui.rows`) for rows under the current `Filters`. Analyst changes go to the store first
(durable when the call returns), then the index takes the fresh analyst data and panes reload.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from sitdash.analyst import default_author
from sitdash.ingest.places import AREA_REGION, REGIONS
from sitdash.model import SIDES
from sitdash.query import Filters, Index
from sitdash.speakers import side_label
from sitdash.summary import plural
from sitdash.tui import keys
from sitdash.tui.daily import DailyReview
from sitdash.tui.keyorder import KeysInOrder
from sitdash.tui.screens.claims import ClaimScreen, ClaimsScreen
from sitdash.tui.screens.contested import ContestedScreen
from sitdash.tui.screens.dashboard import DashboardScreen
from sitdash.tui.screens.dates import DateRangeScreen
from sitdash.tui.screens.development import DevelopmentScreen
from sitdash.tui.screens.dialog import is_dialog
from sitdash.tui.screens.help import HelpScreen
from sitdash.tui.screens.judge import GradeScreen, SideScreen, StatusScreen
from sitdash.tui.screens.map import MapScreen
from sitdash.tui.screens.note import NoteScreen
from sitdash.tui.screens.notes import NotesScreen
from sitdash.tui.screens.pickers import PickerScreen
from sitdash.tui.screens.sources import SourcesScreen
from sitdash.tui.text import clean
from sitdash.tui.uistate import BACK_LIMIT, UIState, load_ui_state, save_ui_state, ui_path_for

POLL_SECONDS = 2.0  # how often to look for notes or records saved by another session
SIDE_CHOICE = "\0side:"  # a picker value that is a whole side, not one speaker


class SitdashApp(KeysInOrder, DailyReview, App):
    """Review a store of claims: dashboard, claims, notes and sources screens, notes and grades;
    what is new since the last review, the inbox, pasted and corrected articles (see daily.py).
    Keys are handled one at a time in the order typed (keyorder.py)."""

    CSS_PATH = "sitdash.tcss"
    TITLE = "sitdash"
    BINDINGS = keys.bindings("app")

    def __init__(self, store, *, ui_path: Path | None = None,
                 export_dir: Path | None = None, inbox: Path | None = None) -> None:
        super().__init__()
        self.setup_daily(inbox)
        self.export_dir = export_dir or Path.cwd()
        self.store = store
        self.store_path = getattr(store, "path", None)
        analyst = getattr(store, "analyst", None)
        self.ui_path = ui_path or ui_path_for(  # the account's own analyst: <store>.ui.json
            self.store_path, analyst if analyst and analyst != default_author() else None)
        # Start-up builds ~1M long-lived objects and no garbage cycles: no collector passes
        # until the first frame is up (see _started).
        self._gc_was_enabled = gc.isenabled()
        gc.disable()
        self.index = Index.from_store(store)
        state = load_ui_state(self.ui_path)
        self.filters = state.filters
        # What enter on a region row or a map tile changed, so escape can take it back: the
        # earlier values of the fields it set, latest last (kept for the next run too).
        self.narrowed: list[dict] = list(state.narrowed)
        self.newest_first = state.newest_first
        self.last_export: Path | None = None
        self._held: list[dict] = []  # notices that came while a dialog was open

    def get_default_screen(self) -> Screen:
        return DashboardScreen()

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.poll_store)
        self.call_after_refresh(self._started)
        self.screen_change_signal.subscribe(self, self._release_notices)

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A toast; while a dialog is open it waits until the dialog closes (its corner of an
        80x24 screen is the dialog's last fields and hint). A dialog says its own problems in
        itself (screens/dialog.py)."""
        notice = {"message": message, "title": title, "severity": severity, "timeout": timeout,
                  "markup": markup}
        try:
            waiting = is_dialog(self.screen)
        except Exception:  # no screen yet
            waiting = False
        if waiting:
            self._held.append(notice)
        else:
            super().notify(**notice)

    def _release_notices(self, screen: Screen) -> None:
        """A dialog opening takes the toasts still showing off its fields (they come back with
        the time they had left when it closes); closing it shows what waited."""
        if is_dialog(screen):
            showing = [n for n in self._notifications if not n.has_expired]
            if showing:
                self._held[:0] = [{"message": n.message, "title": n.title,
                                   "severity": n.severity, "timeout": n.time_left,
                                   "markup": n.markup} for n in showing]
                self.clear_notifications()
        elif self._held:
            held, self._held = self._held, []
            for notice in held:
                super().notify(**notice)

    def _started(self) -> None:
        """The first frame is up: park what was loaded out of the collector's reach (its full
        passes over ~1M objects would stall keystrokes), collect again, build the word index."""
        gc.freeze()
        if self._gc_was_enabled:
            gc.enable()
        self.warm_index()

    @work(thread=True, exclusive=True, group="warm")
    def warm_index(self) -> None:
        """The word index for `/`, off the UI thread."""
        self.index.warm()
        gc.freeze()

    def poll_store(self) -> None:
        """Pick up what another session saved: notes at once, a re-ingest in a worker."""
        try:
            if self.store.refresh_analyst():
                self.analyst_changed()
            if self.store_mutex.acquire(blocking=False):  # else a worker is writing it
                try:
                    changed = self.store.refresh_derived()
                finally:
                    self.store_mutex.release()
                if changed:
                    self.rebuild_index()
        except Exception as error:  # a store being rewritten: try again next time
            self.log.warning(f"store poll failed: {error}")
        self.watch_inbox()

    @work(thread=True, exclusive=True, group="index")
    def rebuild_index(self) -> None:
        """Build a new Index off the UI thread, then swap it in and redraw."""
        with self.store_mutex:
            index = self.index_in_worker()
        self.call_from_thread(self._swap_index, index)

    def _swap_index(self, index: Index) -> None:
        self.install_index(index)
        self.notify("The store changed: views reloaded.", timeout=3)

    def title_line(self) -> str:
        name = Path(self.store_path).name if self.store_path else "memory"
        return f"sitdash · {name}"

    # -- filters ----------------------------------------------------------------------------

    def save_ui_state(self) -> None:
        state = UIState(self.filters, tuple(self.narrowed), self.newest_first)
        try:
            save_ui_state(self.ui_path, state)
        except OSError as error:
            self.notify(f"Filters not saved: {error}", severity="warning")

    def set_filters(self, filters: Filters) -> None:
        """Apply `filters` to every screen at once and keep them for the next run."""
        self.filters = filters
        self.save_ui_state()
        self.reload_screens()

    def narrow_filters(self, filters: Filters) -> None:
        """Apply `filters` (from enter on a region row or a map tile) so that escape can take
        the change back; the other filters may change meanwhile and stay."""
        changed = {name: value for name, value in self.filters.to_dict().items()
                   if filters.to_dict()[name] != value}
        if not changed:
            return
        self.narrowed.append({name: getattr(self.filters, name) for name in changed})
        del self.narrowed[:-BACK_LIMIT]
        self.set_filters(filters)

    def back_filters(self) -> bool:
        """Take back the latest narrow_filters; False when there is none to take back."""
        if not self.narrowed:
            return False
        self.set_filters(self.filters.with_(**self.narrowed.pop()))
        return True

    def action_flip_order(self) -> None:
        """Newest first / oldest first, for the timeline and the lists (kept for the next run)."""
        self.newest_first = not self.newest_first
        self.save_ui_state()
        self.reload_screens()
        self.notify("Newest first" if self.newest_first else "Oldest first", timeout=2)

    def reload_screens(self) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "reload"):
                screen.reload()
            if hasattr(screen, "sync_filter_box"):
                screen.sync_filter_box()

    def _pick(self, title: str, options: list[tuple[str, int]], selected: frozenset[str],
              field: str, labels: dict[str, str] | None = None) -> None:
        def chosen(values: frozenset[str] | None) -> None:
            if values is not None:
                self.set_filters(self.filters.with_(**{field: values}))

        self.push_screen(PickerScreen(title, options, selected, labels=labels), chosen)

    def action_pick_regions(self) -> None:
        """Theatres and, under each, its areas (a theatre takes in all of its areas)."""
        options = self.index.options("region")
        labels = {value: ("  " + value if value in AREA_REGION and value not in REGIONS
                          else value) for value, _ in options}
        self._pick("Regions: a theatre, or an oblast under it", options, self.filters.regions,
                   "regions", labels)

    def action_pick_sources(self) -> None:
        """Each side as one choice at the top, then every speaker with their side: "Ukrainian
        officials only" is one tick, not one per official."""
        index = self.index
        counts = dict(index.options("side"))
        sides = [(SIDE_CHOICE + code, counts.get(code, 0)) for code in SIDES]
        speakers = index.options("source")
        labels = {value: f"{SIDES[value[len(SIDE_CHOICE):]]} side: all its speakers"
                  for value, _ in sides}
        labels.update({name: f"  {name} · {side_label(index.side_of(name))}"
                       for name, _ in speakers})
        selected = frozenset(SIDE_CHOICE + s for s in self.filters.sides) | self.filters.sources

        def chosen(values: frozenset[str] | None) -> None:
            if values is None:
                return
            picked = {v[len(SIDE_CHOICE):] for v in values if v.startswith(SIDE_CHOICE)}
            self.set_filters(self.filters.with_(
                sides=frozenset(picked),
                sources=frozenset(v for v in values if not v.startswith(SIDE_CHOICE))))

        self.push_screen(PickerScreen("Sources: a whole side, or speakers one by one",
                                      sides + speakers, selected, labels=labels), chosen)

    def action_pick_types(self) -> None:
        self._pick("Event types", self.index.options("type"), self.filters.types, "types")

    def action_pick_dates(self) -> None:
        """Days with claims; the range runs from the first to the last day ticked."""
        counts: dict[str, int] = {}
        for claim in self.index.claims.values():
            if claim.get("date"):
                counts[claim["date"]] = counts.get(claim["date"], 0) + 1
        days = self.index.dates()
        lo, hi = self.filters.date_from, self.filters.date_to
        selected = frozenset(d for d in (lo, hi) if d)

        def chosen(picked: tuple[frozenset[str], bool] | None) -> None:
            if picked is None:
                return
            values, include_undated = picked
            self.set_filters(self.filters.with_(date_from=min(values) if values else None,
                                                date_to=max(values) if values else None,
                                                include_undated=include_undated))
            hidden = self.index.undated_hidden(self.filters)
            if hidden:
                self.notify(f"The date range hides {plural(hidden, 'undated claim')} (d, then "
                            "ctrl+u shows them; D on a row corrects its document's date).",
                            timeout=6)

        self.push_screen(DateRangeScreen([(d, counts[d]) for d in days], selected,
                                         self.filters.include_undated,
                                         self.index.undated_count(self.filters)), chosen)

    def action_toggle_review(self) -> None:
        self.set_filters(self.filters.with_(needs_review=not self.filters.needs_review))

    def action_clear_filters(self) -> None:
        self.narrowed.clear()
        self.set_filters(Filters())

    # -- screens ----------------------------------------------------------------------------

    def _show(self, screen_type: type[Screen]) -> None:
        if isinstance(self.screen, screen_type):
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen_type())

    def action_claims(self) -> None:
        self._show(ClaimsScreen)

    def action_sources(self) -> None:
        self._show(SourcesScreen)

    def action_contested(self) -> None:
        self._show(ContestedScreen)

    def open_development(self, dev_id: str) -> None:
        self.push_screen(DevelopmentScreen(dev_id))

    def action_map(self) -> None:
        """The map screen; `m` on the map goes back."""
        if isinstance(self.screen, MapScreen):
            self.pop_screen()
        else:
            self._show(MapScreen)

    def action_notes(self) -> None:
        self._show(NotesScreen)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def open_claim(self, claim_id: str | None) -> None:
        if not claim_id:
            self.notify("This row has no claim behind it.")
            return
        self.push_screen(ClaimScreen(claim_id))

    # -- analyst data -----------------------------------------------------------------------

    def current_claim_id(self) -> str | None:
        getter = getattr(self.screen, "current_claim_id", None)
        return getter() if getter else None

    def _claim_for_action(self) -> str | None:
        claim_id = self.current_claim_id()
        if not claim_id or claim_id not in self.index.claims:
            self.notify("Select a row with a claim first.", severity="warning")
            return None
        return claim_id

    def _claim_line(self, claim_id: str) -> str:
        return clean(self.index.claims[claim_id].get("text"))

    def analyst_changed(self) -> None:
        """Take fresh notes, judgements, speakers' sides and review mark from the store; redraw
        every screen."""
        self.index.update_analyst(self.store.judgements(), self.store.notes(),
                                  self.speaker_sides())
        self.index.set_review(self.review_mark())
        self.reload_screens()

    def correct_side(self, key: str, name: str) -> None:
        """Ask for a speaker's side and keep the analyst's answer (None: as inferred again)."""
        inferred = (self.index.speaker_rows.get(key) or {}).get("side") or "unknown"
        current = self.index.speaker_sides.get(key)

        def chosen(side: str | None | bool) -> None:
            if side is False:  # cancelled, or the side it already has
                return
            self.store.set_speaker_side(key, name, side)
            self.analyst_changed()
            said = SIDES[side] if side else f"{SIDES[inferred]} again, as read from the copy"
            self.tell(f"{clean(name)}: {said}.", timeout=4)

        self.push_screen(SideScreen(current, inferred, clean(name)), chosen)

    def save_note(self, claim_id: str, text: str, note_id: str | None = None) -> dict:
        """Durable when it returns (the store writes before answering)."""
        if note_id:
            note = self.store.edit_note(note_id, text)
        else:
            note = self.store.add_note(claim_id, text)
        self.analyst_changed()
        self.notify("Note saved.", timeout=3)
        return note

    def claim_history(self, claim_id: str) -> list[dict]:
        try:
            return list(self.store.history(claim_id))
        except Exception:  # an older store without history
            return []

    def action_note(self) -> None:
        claim_id = self._claim_for_action()
        if claim_id:
            notes = sorted(self.index.notes.get(claim_id, []), key=lambda n: n.get("time") or "")
            self.push_screen(NoteScreen(claim_id, self._claim_line(claim_id), notes))

    def action_status(self) -> None:
        claim_id = self._claim_for_action()
        if not claim_id:
            return

        def chosen(status: str | None) -> None:
            if status:
                self.store.set_status(claim_id, status)
                self.analyst_changed()
                self.notify(f"Status: {status}", timeout=3)

        current = self.index.judgement(claim_id).get("status") or "unverified"
        self.push_screen(StatusScreen(current, self._claim_line(claim_id)), chosen)

    def action_grade(self) -> None:
        claim_id = self._claim_for_action()
        if not claim_id:
            return

        def chosen(grade: tuple[str, str] | None) -> None:
            if grade:
                self.store.set_grade(claim_id, *grade)
                self.analyst_changed()
                self.notify(f"Grade: {grade[0]}{grade[1]}", timeout=3)

        judgement = self.index.judgement(claim_id)
        self.push_screen(GradeScreen(judgement.get("reliability"), judgement.get("credibility"),
                                     self._claim_line(claim_id)), chosen)

    # -- export -----------------------------------------------------------------------------

    def brief_path(self) -> Path:
        """A new file in the folder sitdash was started from, named for the moment: an export
        never replaces an earlier one."""
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        path = self.export_dir / f"sitdash-brief-{stamp}.md"
        n = 2
        while path.exists() or path.is_symlink():
            path = self.export_dir / f"sitdash-brief-{stamp}-{n}.md"
            n += 1
        return path

    def action_export(self) -> None:
        self.notify("Exporting the brief…")
        self.export_brief(self.filters)

    @work(thread=True, exclusive=True, group="export")
    def export_brief(self, filters: Filters) -> Path | None:
        """Write the markdown brief beside the store, off the UI thread."""
        try:
            from sitdash import export
            from sitdash.safe_write import write_output
        except ImportError:
            self.call_from_thread(self.notify, "Export is not available in this build.",
                                  severity="warning")
            return None
        try:
            text = export.to_markdown(self.index, filters)
            path = write_output(self.brief_path(), text.encode("utf-8"), private=True)
        except Exception as error:  # a disk or export problem: tell the user, keep running
            self.call_from_thread(self.notify, f"Export failed: {error}", severity="error")
            return None
        self.last_export = Path(path)
        self.call_from_thread(self.notify, f"Brief written to {path}", timeout=8)
        return Path(path)

    # -- command palette --------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        on_screen = {b.action for b in screen.BINDINGS if isinstance(b, Binding)}
        for key in keys.palette_entries():
            if key.scope != "app" and key.action not in on_screen:
                continue  # a key of another screen
            target = self if key.scope == "app" else screen
            yield SystemCommand(key.description, f"key: {keys.key_label(key)}",
                                partial(self.run_action, key.action, target))


def run(store, inbox: Path | None = None) -> None:
    """Open the dashboard on `store` (a sitdash.store.Store) until the user quits, taking new
    article files from `inbox` as they arrive."""
    SitdashApp(store, inbox=inbox).run()


def main(argv: list[str] | None = None) -> None:
    """`python -m sitdash.tui.app STORE`: open a store directly (for development and checks)."""
    import sys

    from sitdash.store import Store

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit("usage: python -m sitdash.tui.app STORE.json")
    inbox = Path(args[0]).parent / "inbox"
    run(Store(args[0]), inbox=inbox if inbox.is_dir() else None)


if __name__ == "__main__":
    main()
