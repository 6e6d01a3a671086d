"""Help: every binding, grouped by where it applies (read from the one key table)."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from sitdash.tui.keys import KEYS, SCOPE_TITLES, key_label
from sitdash.tui.text import clean

# What the marks and short column headings mean (each list also has a one-line legend).
MARKS = (
    ("✎", "a note on the claim (in every pane and list)"),
    ("~y ~m ~w", "the date is known only to the year / month / week: 2021 ~y, 2022-03 ~m"),
    ("Src", "Timeline: how many documents report the event"),
    ("St", "the claim's status: unv unverified, cor corroborated, dis disputed, fal false"),
    ("Grd", "Admiralty grade: reliability A-F, credibility 1-6; -- not graded"),
    ("█ ▓ ▒ ░", "Regions pane and map: █ fighting, ▓ strikes, ▒ forces moving or other events "
                "(these three: active), ░ named but quiet, blank: no reports"),
    ("Clm Evt Mov", "Regions: claims, events and movements there"),
    ("Trend", "Regions: claims a day over the 14 days up to the latest"),
    ("Stance", "a development's reports: asserted (reported as fact) or assessed (hedged, an "
               "estimate)"),
    ("!", "Movements: a development some reports dispute (called a withdrawal by some and "
          "denied by others, or sizes that cannot both be right); ! opens every contradiction"),
    ("out/src", "Movements: outlets that report a development / its independent origins (five "
                "outlets repeating one Pentagon briefing: 5 out/1 src)"),
    ("When", "Movements: the first and last day its reports give (03-30..04-04)"),
    ("Sure", "Regions: how sure the status is: one source, corroborated (an event or "
             "development there has two independent origins or more), contested (reports "
             "there conflict)"),
    ("Side", "a speaker's side: UA Ukrainian, RU Russian, US+ US and allied, oth other, ? "
             "unknown; read from the copy, * corrected by an analyst (S on the Sources screen)"),
    ("A / B", "Contested: the two sides of a contradiction (announced / reported, describes / "
              "denies, the two figures)"),
    ("Type", "short event types: Air strike, Shelling, Mine/IED, Force move (a change to "
             "a group or its activity), Territory, Civ. attack; the claim screen has the full "
             "ACLED names"),
    ("[chip]", "an active filter; a long list shows as \"source: 6 selected\""),
    ("esc: back", "enter on a region row or a map tile narrowed every pane; esc takes it back"),
)


WIDTH = 70  # the help dialog's text width (the dialog is 76 columns at most)
LABEL = 16  # the key or mark column


def _entry(out: Text, label: str, meaning: str) -> None:
    """"  label         meaning" with the meaning wrapped under itself, not under the label."""
    lines = textwrap.wrap(meaning, WIDTH - LABEL) or [""]
    out.append(f"  {label:<{LABEL - 2}}", style="bold")
    out.append(lines[0] + "\n")
    for line in lines[1:]:
        out.append(" " * LABEL + line + "\n")


def help_text() -> Text:
    out = Text()
    for scope, title in SCOPE_TITLES.items():
        entries = [k for k in KEYS if k.scope == scope]
        if not entries:
            continue
        if out:
            out.append("\n")
        out.append(title + "\n", style="bold underline")
        for key in entries:
            _entry(out, key_label(key), key.description)
    out.append("\nMarks and short headings\n", style="bold underline")
    for mark, meaning in MARKS:
        _entry(out, mark, meaning)
    out.append("\n")
    for paragraph in ("Filters apply to every pane at once and are kept between runs, as is the "
                      "time order. Text in bold reverse is the claim's sentence in its paragraph.",
                      "Export is ctrl+e, never a letter: keys typed while meaning to type text "
                      "cannot write a file.",
                      "● marks rows new since your last review: w shows only them, ctrl+r marks "
                      "the review done."):
        out.append("\n".join(textwrap.wrap(paragraph, WIDTH)) + "\n")
    return out


def whoami_text(analyst: str | None, inbox: object) -> Text:
    """Who the notes are signed as, and where dropped articles are taken from."""
    out = Text()
    out.append("You are ", style="bold")
    out.append(clean(analyst) or "?")
    out.append(" · inbox: ", style="bold")
    out.append(clean(str(inbox)) if inbox else "none")
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("sitdash keys", style="bold"), id="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(help_text())
                inbox = getattr(self.app, "inbox", None)
                yield Static(whoami_text(getattr(self.app.store, "analyst", None),
                                         inbox.folder if inbox else None), id="help-whoami")
            yield Static(Text("esc, q or ? closes · ctrl+p: command palette"),
                         id="dialog-hint")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#help-body"))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        # At once (not after the next refresh): thirty j's in one read go thirty lines down.
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + lines, animate=False, immediate=True)
