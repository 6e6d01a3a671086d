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
    scope: str  # app | search | dashboard | screens | ... | modal (see SCOPE_TITLES)
    show: bool = True  # in the footer
    palette: bool = True  # offered in the command palette
    display: str | None = None  # how help writes the keys, when not obvious
    short: str | None = None  # the footer's label


KEYS: tuple[Key, ...] = (
    Key("question_mark", "help", "Help: every key and mark", "app", display="?", short="Help"),
    Key("q", "quit", "Quit", "app", short="Quit"),
    Key("c", "claims", "Claims screen (every claim under the filters)", "app", short="Claims"),
    Key("N", "notes", "Notes screen (every note, searchable)", "app", short="Notes"),
    Key("o", "sources", "Sources screen (documents, speakers and their sides)", "app",
        show=False),
    Key("exclamation_mark", "contested", "Contested screen: contradictions, side by side", "app",
        show=False, display="!"),
    Key("r", "pick_regions", "Filter by region", "app", show=False),
    Key("s", "pick_sources", "Filter by side (Ukrainian, Russian, ...) or source/speaker", "app",
        show=False),
    Key("t", "pick_types", "Filter by event type", "app", show=False),
    Key("d", "pick_dates", "Filter by date range", "app", show=False),
    Key("u", "toggle_review", "Needs review only (no status yet)", "app", show=False),
    Key("x", "clear_filters", "Clear all filters", "app", show=False),
    Key("n", "note", "Add/edit note on the claim", "app", short="Note"),
    Key("v", "status", "Set verification status", "app", show=False),
    Key("g", "grade", "Set Admiralty grade", "app", show=False),
    # Not a letter: no key typed while meaning to type text can write a file.
    Key("ctrl+e", "export", "Export the brief (markdown) to the folder sitdash started in", "app",
        show=False),
    Key("m", "map", "Map: oblasts marked by what is going on", "app", short="Map"),
    Key("w", "toggle_new", "New since your last review only (● rows)", "app", show=False),
    Key("ctrl+r", "review_done", "Mark your review done (asks first): nothing is new", "app",
        show=False),
    Key("p", "paste", "Paste an article (title, outlet, date, text)", "app", show=False),
    Key("D", "edit_document", "Correct the row's document: title, outlet, date, URL", "app",
        show=False),
    Key("slash", "filter_text", "Filter as you type (dashboard and Claims: every pane; Notes: "
        "the notes)", "search", display="/", short="Filter"),
    Key("escape", "escape", "Back out one level: leave the / box; undo enter on a region or map "
        "tile; clear the text; then back to the dashboard", "search", show=False,
        palette=False),
    Key("f", "app.flip_order", "Flip the time order: newest first / oldest first (kept)", "search",
        show=False),
    Key("tab", "next_pane", "Next pane", "dashboard", show=False),
    Key("shift+tab", "previous_pane", "Previous pane", "dashboard", show=False),
    Key("1", "pane(1)", "Timeline pane", "dashboard", show=False),
    Key("2", "pane(2)", "Regions pane", "dashboard", show=False),
    Key("3", "pane(3)", "Quotes pane", "dashboard", show=False),
    Key("4", "pane(4)", "Movements pane", "dashboard", show=False),
    Key("escape", "back", "Back", "screens", show=False, palette=False),
    Key("up,k", "cursor_up", "Move up", "table", palette=False, display="↑ / k"),
    Key("down,j", "cursor_down", "Move down", "table", palette=False, display="↓ / j"),
    Key("pageup,pagedown", "page", "Page up / down", "table", palette=False,
        display="PgUp / PgDn"),
    Key("home,end", "ends", "First / last row", "table", palette=False, display="Home / End"),
    Key("enter", "select", "Open the row: a claim in full; a development with every report; a "
        "contradiction's claims side by side (on a region: filter every pane to it, esc takes "
        "it back; on a speaker: filter by it)", "table", palette=False),
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
    Key("S", "correct_side", "Correct the highlighted speaker's side (a small picker; kept in "
        "the analyst file)", "sources", short="Side"),
    Key("down,j", "screen.card(1)", "Next claim (side A's, then side B's)", "sidebyside",
        show=False, palette=False, display="↓ / j, tab"),
    Key("up,k", "screen.card(-1)", "Previous claim", "sidebyside", show=False, palette=False,
        display="↑ / k, shift+tab"),
    Key("left,h,right,l", "screen.other_side", "The other side's claim", "sidebyside",
        palette=False, display="← → / h l", short="Other side"),
    Key("enter", "screen.open_card", "Open the focused claim in full", "sidebyside",
        palette=False, short="Open"),
    Key("escape", "close", "Close the top window (asks first if a note was edited)", "modal",
        palette=False),
    Key("space", "toggle", "Picker: tick the highlighted choice", "modal", palette=False),
    Key("ctrl+a", "toggle_all", "Picker: tick all shown / none (in the search box too)", "modal",
        palette=False),
    Key("enter", "apply", "Picker/status/grade: apply (status/grade: only a changed choice)",
        "modal", palette=False),
    Key("ctrl+s", "save", "Note, paste, document: save", "modal", palette=False),
    Key("ctrl+n", "new", "Note: start a new note instead of editing", "modal", palette=False),
    Key("ctrl+u", "include_undated", "Date picker: include undated claims too", "modal",
        palette=False),
    Key("ctrl+p", "palette", "Command palette (every action)", "app", show=False,
        palette=False),
)

SCOPE_TITLES = {
    "app": "Everywhere",
    "search": "Dashboard, Claims and Notes screens",
    "dashboard": "Dashboard",
    "screens": "Claim, development, contested and sources screens",
    "table": "Any list",
    "map": "Map screen",
    "sources": "Sources screen",
    "sidebyside": "Contested: a contradiction's claims side by side",
    "modal": "Pickers and dialogs",
}


def bindings(*scopes: str) -> list[Binding]:
    """Textual bindings for some scopes (app, search, dashboard, screens, map, sources and
    sidebyside carry real bindings; the others describe the widgets' own). All ordinary
    bindings: keys are routed one at a time (see keyorder.py), so none needs to jump the
    queue."""
    return [Binding(k.keys, k.action, k.short or k.description, show=k.show,
                    key_display=k.display)
            for k in KEYS if k.scope in scopes]


def key_label(key: Key) -> str:
    return key.display or key.keys.replace(",", " / ")


def palette_entries() -> list[Key]:
    return [k for k in KEYS if k.palette]
