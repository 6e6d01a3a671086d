"""Every key binding in one table: the App, the screens, help and the command palette read it.

Each entry has an id (its action), the keys, a description and where it applies, so help and the
command palette can never disagree with what the keys do.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Key:
    keys: str  # Textual key names, comma separated
    action: str
    description: str
    scope: str  # app | dashboard | claims | table | modal
    show: bool = True  # in the footer
    palette: bool = True  # offered in the command palette
    display: str | None = None  # how help writes the keys, when not obvious
    short: str | None = None  # the footer's label


KEYS: tuple[Key, ...] = (
    Key("question_mark", "help", "Help: every key", "app", display="?", short="Help"),
    Key("q", "quit", "Quit", "app", short="Quit"),
    Key("c", "claims", "Claims screen", "app", short="Claims"),
    Key("o", "sources", "Sources screen (documents, speakers)", "app", short="Sources"),
    Key("r", "pick_regions", "Filter by region", "app", show=False),
    Key("s", "pick_sources", "Filter by source/speaker", "app", show=False),
    Key("t", "pick_types", "Filter by event type", "app", show=False),
    Key("d", "pick_dates", "Filter by date range", "app", show=False),
    Key("u", "toggle_review", "Needs review only (no status yet)", "app", show=False),
    Key("x", "clear_filters", "Clear all filters", "app", show=False),
    Key("n", "note", "Add/edit note on the claim", "app", short="Note"),
    Key("v", "status", "Set verification status", "app", show=False),
    Key("g", "grade", "Set Admiralty grade", "app", show=False),
    Key("e", "export", "Export the brief (markdown)", "app", show=False),
    Key("m", "map", "Map: oblasts marked by what is going on", "app", short="Map"),
    Key("w", "toggle_new", "New since your last review only (● rows)", "app", show=False),
    Key("ctrl+r", "review_done", "Mark your review done (asks first): nothing is new", "app",
        show=False),
    Key("p", "paste", "Paste an article (title, outlet, date, text)", "app", show=False),
    Key("D", "edit_document", "Correct the row's document: title, outlet, date, URL", "app",
        show=False),
    Key("slash", "filter_text", "Filter text as you type", "dashboard", display="/",
        short="Filter"),
    Key("tab", "next_pane", "Next pane", "dashboard", show=False),
    Key("shift+tab", "previous_pane", "Previous pane", "dashboard", show=False),
    Key("1", "pane(1)", "Timeline pane", "dashboard", show=False),
    Key("2", "pane(2)", "Regions pane", "dashboard", show=False),
    Key("3", "pane(3)", "Quotes pane", "dashboard", show=False),
    Key("4", "pane(4)", "Movements pane", "dashboard", show=False),
    Key("escape", "escape", "Leave the filter box; undo enter on a region; clear the text filter",
        "dashboard", show=False, palette=False),
    Key("escape", "back", "Back to the dashboard", "claims", show=False, palette=False),
    Key("up,k", "cursor_up", "Move up", "table", palette=False, display="↑ / k"),
    Key("down,j", "cursor_down", "Move down", "table", palette=False, display="↓ / j"),
    Key("pageup,pagedown", "page", "Page up / down", "table", palette=False,
        display="PgUp / PgDn"),
    Key("home,end", "ends", "First / last row", "table", palette=False, display="Home / End"),
    Key("enter", "select", "Open the claim in full (on a region or speaker: filter by it)",
        "table", palette=False),
    Key("up,k", "move('up')", "Map: to the tile above", "map", show=False, palette=False,
        display="↑ / k"),
    Key("down,j", "move('down')", "Map: to the tile below", "map", show=False, palette=False,
        display="↓ / j"),
    Key("left,h", "move('left')", "Map: to the tile on the left", "map", show=False,
        palette=False, display="← / h"),
    Key("right,l", "move('right')", "Map: to the tile on the right", "map", show=False,
        palette=False, display="→ / l"),
    Key("enter", "filter_area", "Map: filter every pane to the tile's area", "map",
        palette=False, short="Filter to it"),
    Key("escape", "back", "Map: back to the dashboard without filtering", "map",
        palette=False, short="Back"),
    Key("escape", "close", "Close the top window (asks first if a note was edited)", "modal",
        palette=False),
    Key("space", "toggle", "Picker: toggle the highlighted choice", "modal", palette=False),
    Key("enter", "apply", "Picker/status/grade: apply", "modal", palette=False),
    Key("ctrl+s", "save", "Note, paste, document: save", "modal", palette=False),
    Key("ctrl+n", "new", "Note: start a new note instead of editing", "modal", palette=False),
    Key("ctrl+u", "include_undated", "Date picker: include undated claims too", "modal",
        palette=False),
    Key("ctrl+p", "palette", "Command palette (every action)", "app", show=False,
        palette=False),
)

SCOPE_TITLES = {
    "app": "Everywhere",
    "dashboard": "Dashboard",
    "claims": "Claims and sources screens",
    "table": "Any list",
    "map": "Map screen",
    "modal": "Pickers and dialogs",
}


def _typed(keys: str) -> bool:
    """Keys that type a character (letters, digits, / and ?), as opposed to tab, escape..."""
    return all(len(k) == 1 or k in ("slash", "question_mark") for k in keys.split(","))


# App and dashboard keys that type a character are priority bindings: the App runs them the
# moment it reads them, so the keys typed right after "/" already go to the filter box (a
# normal binding runs only after the focused list has passed the key up, and by then a fast
# typist's next keys were handed to the list). check_action lets them through to a text box.
# "q" stays an ordinary binding, so a dialog's own "q" (close) comes first.
PRIORITY_SCOPES = ("app", "dashboard")
TYPED_ACTIONS = frozenset(k.action for k in KEYS
                          if k.scope in PRIORITY_SCOPES and _typed(k.keys) and k.action != "quit")


def bindings(scope: str) -> list[Binding]:
    """Textual bindings for one scope (only app/dashboard/claims/map carry real bindings)."""
    return [Binding(k.keys, k.action, k.short or k.description, show=k.show,
                    key_display=k.display, priority=k.action in TYPED_ACTIONS)
            for k in KEYS if k.scope == scope]


def typing_in_box(focused: object) -> bool:
    """True when the focused widget takes typed text (the filter box, a picker's search, the
    note editor): typed-character bindings must then leave the key to it."""
    from textual.widgets import Input, TextArea

    return isinstance(focused, (Input, TextArea))


def key_label(key: Key) -> str:
    return key.display or key.keys.replace(",", " / ")


def palette_entries() -> list[Key]:
    return [k for k in KEYS if k.palette]
