"""Contested screen (`!`): the contradictions under the filters, each with its one-line reason;
enter sets its claims side by side (ContradictionScreen): two columns on a wide terminal, one
above the other with a divider on a narrow one. n, v and g act on the focused claim."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Static

from sitdash import summary
from sitdash.summary import ContradictionRow, plural
from sitdash.tui import keys
from sitdash.tui import rows as R
from sitdash.tui.panes.base import mark_column
from sitdash.tui.panes.detail import DetailStrip, highlighted
from sitdash.tui.screens.listscreen import FilterTextList
from sitdash.tui.text import clean
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.legend import Legend
from sitdash.tui.widgets.rowtable import Column, RowTable

SIDE_BY_SIDE_WIDTH = 100  # from this width on the two sides stand in two columns
KIND_WORDS = {"activity": "a de-escalation announced, then strikes or fighting there",
              "characterisation": "called a withdrawal by some, denied by others",
              "figures": "figures of one thing that cannot both be right"}


class ContestedScreen(FilterTextList):
    """Every contradiction with a claim passing the filters, in the time order `f` sets."""

    LEGEND = ("● new ✎ note · activity: de-escalation announced, strikes after · wording: "
              "'withdrawal' vs 'not a withdrawal' · figures disagree · enter: side by side",
              "● new ✎ note · activity: calm announced, strikes after · wording · figures · "
              "enter: side by side",
              "● new ✎ note · activity · wording · figures · enter: side by side")
    PLACEHOLDER = ("filter: type to narrow the contradictions (and every pane) · enter or esc "
                   "leaves, esc again clears")
    EMPTY = "No contradictions under the filters."

    def columns(self) -> list[Column]:
        index = lambda: self.app.index  # noqa: E731 - the columns read the live index
        return [
            mark_column(lambda c: R.contradiction_noted(index(), c),
                        lambda c: R.contradiction_new(index(), c)),
            Column("kind", "Kind", 8, lambda c: R.CONTRADICTION_WORDS.get(c.kind, c.kind)),
            Column("span", "When", 12, lambda c: R.contradiction_span(index(), c)),
            Column("claims", "Clm", 3, lambda c: str(len(c.claim_ids)), justify="right"),
            Column("why", "Why they conflict", 30, lambda c: c.why, flex=True),
        ]

    def reload(self) -> None:
        app = self.app
        rows = R.contradiction_rows(app.index, app.filters, newest_first=app.newest_first)
        self.table.set_rows(rows)
        total = len(app.index.contradictions)
        self.query_one(ChipsHeader).show(app.title_line() + " · Contested",
                                         f"{len(rows)}/{total} contradictions", app.filters,
                                         app.index.undated_hidden(app.filters))
        self.show_detail()

    def current_row(self) -> ContradictionRow | None:
        return self.table.current_row

    def current_claim_id(self) -> str | None:
        """The first claim of the highlighted contradiction (what n, v and g act on here)."""
        row = self.current_row()
        sides = summary.contradiction_sides(self.app.index, row.row) if row else []
        return sides[0]["claim_id"] if sides else None

    def show_detail(self) -> None:
        row = self.current_row()
        strip = self.query_one(DetailStrip)
        if row is None:
            strip.show_text(Text("No contradiction here. Contradictions appear when reports "
                                 "conflict: see the legend.", style="italic"))
            return
        out = Text()
        out.append(f"{KIND_WORDS.get(row.kind, row.kind)}\n", style="bold")
        out.append_text(Text(clean(row.why)))
        strip.show_text(out)

    @on(RowTable.Selected)
    def _selected(self, event: RowTable.Selected) -> None:
        self.app.push_screen(ContradictionScreen(event.row.id))


# -- side by side -------------------------------------------------------------------------------


def card_text(index, entry: dict, focused: bool, limit: int) -> Text:
    """One claim of a dispute: who (and their side), where and when it ran, how it was judged,
    and the sentence highlighted in its paragraph."""
    ctx = R.claim_context(index, entry["claim_id"])
    out = Text()
    out.append("▶ " if focused else "  ", style="bold")
    out.append(clean(entry["speaker"]) or "?", style="bold")
    out.append(f" · {R.side_label(entry['side'])}")
    notes = len(ctx.notes) if ctx else 0
    out.append(Text("\n  " + " · ".join((
        clean(entry["outlet"]) or "(unknown outlet)",
        R.claim_when(index.claims, entry["claim_id"], entry["date"]),
        f"status: {entry['status']}", f"grade: {entry['grade'] or '--'}",
        *((f"{R.NOTE_MARK} {plural(notes, 'note')}",) if notes else ())))))
    out.append("\n")
    if ctx is None:
        out.append_text(Text(clean(entry["text"])))
    else:
        para, start, end = R.window(ctx.paragraph, ctx.span[0], ctx.span[1], limit)
        out.append_text(highlighted(para, start, end))
    return out


class ClaimCard(Static, can_focus=True):
    """One claim of the dispute; focused: ▶ and a heavy edge (n, v, g and enter act on it)."""

    BINDINGS = keys.bindings("sidebyside")

    def __init__(self, entry: dict, position: int) -> None:
        super().__init__(classes=f"claim-card side-{entry['part']}")
        self.entry = entry
        self.position = position  # its place among all cards, side A first

    @property
    def claim_id(self) -> str:
        return self.entry["claim_id"]

    def draw(self) -> None:
        limit = 420 if self.app.size.width >= SIDE_BY_SIDE_WIDTH else 240
        focused = self.screen.focused is self
        self.update(card_text(self.app.index, self.entry, focused, limit))

    def on_mount(self) -> None:
        self.draw()

    def on_focus(self) -> None:
        self.draw()

    def on_blur(self) -> None:
        self.draw()


def side_heading(entries: list[dict], part: int) -> Text:
    """ "Announced (2 claims)", "Denies (1 claim)"."""
    mine = [e for e in entries if e["part"] == part]
    role = (mine[0]["role"] if mine else "") or ("one side" if part == 0 else "the other side")
    return Text(f"{'AB'[part]} · {role} ({plural(len(mine), 'claim')})", style="bold underline")


class ContradictionScreen(Screen):
    """The claims of one contradiction side by side."""

    BINDINGS = keys.bindings("screens")

    def __init__(self, contradiction_id: str) -> None:
        super().__init__()
        self.contradiction_id = contradiction_id
        self.entries: list[dict] = []

    def compose(self) -> ComposeResult:
        yield ChipsHeader(id="header")
        yield Static(id="contradiction-why")
        with Container(id="sides"):
            with Vertical(id="column-a", classes="column"):
                yield Static(id="heading-a", classes="side-heading")
                yield VerticalScroll(id="side-a", classes="side")
            with Vertical(id="column-b", classes="column"):
                yield Static(id="versus")  # one above the other: the divider names side B
                yield Static(id="heading-b", classes="side-heading")  # side by side
                yield VerticalScroll(id="side-b", classes="side")
        yield Legend(("j/k or tab: next claim · h/l: the other side · n note · v status · g "
                      "grade · enter: the claim in full · esc back",
                      "j/k tab: next claim · h/l: other side · n v g · enter: in full · esc back"),
                     id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self._fit(self.app.size.width)
        self.reload()
        cards = self.cards()
        if cards:
            self.set_focus(cards[0])

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width)
        for card in self.cards():
            card.draw()

    def _fit(self, width: int) -> None:
        self.set_class(width >= SIDE_BY_SIDE_WIDTH, "-wide")

    def row(self) -> ContradictionRow | None:
        return summary.contradiction_row(self.app.index, self.contradiction_id)

    def cards(self) -> list[ClaimCard]:
        return sorted(self.query(ClaimCard), key=lambda c: c.position)

    def reload(self) -> None:
        """Draw (again) for the current index: judgements and notes change the cards."""
        app = self.app
        row = self.row()
        self.entries = summary.contradiction_sides(app.index, row.row) if row else []
        self.query_one(ChipsHeader).show(app.title_line() + " · Contested",
                                         plural(len(self.entries), "claim"), app.filters)
        why = Text()
        if row is None:
            why.append("This contradiction is no longer in the store.", style="italic")
        else:
            why.append(f"{KIND_WORDS.get(row.kind, row.kind)}: ", style="bold")
            why.append_text(Text(clean(row.why)))
        self.query_one("#contradiction-why", Static).update(why)
        self.query_one("#heading-a", Static).update(side_heading(self.entries, 0))
        self.query_one("#heading-b", Static).update(side_heading(self.entries, 1))
        self.query_one("#versus", Static).update(Text(
            "━━━━ versus ━━━━ " + side_heading(self.entries, 1).plain + " " + "━" * 80,
            style="bold"))
        existing = {card.claim_id: card for card in self.cards()}
        if list(existing) == [e["claim_id"] for e in self._ordered()]:
            for card, entry in zip(self.cards(), self._ordered(), strict=True):
                card.entry = entry
                card.draw()
            return
        for card in existing.values():
            card.remove()
        for position, entry in enumerate(self._ordered()):
            side = self.query_one("#side-a" if entry["part"] == 0 else "#side-b", VerticalScroll)
            side.mount(ClaimCard(entry, position))

    def _ordered(self) -> list[dict]:
        """Side A's claims, then side B's, each side in the order the contradiction gives."""
        return sorted(self.entries, key=lambda e: e["part"])

    def focused_card(self) -> ClaimCard | None:
        focused = self.focused
        return focused if isinstance(focused, ClaimCard) else None

    def current_claim_id(self) -> str | None:
        card = self.focused_card()
        if card is not None:
            return card.claim_id
        cards = self.cards()
        return cards[0].claim_id if cards else None

    def action_card(self, step: int) -> None:
        """The next or previous claim (side A's, then side B's)."""
        cards = self.cards()
        if not cards:
            return
        card = self.focused_card()
        at = cards.index(card) if card in cards else -step
        self.set_focus(cards[max(0, min(len(cards) - 1, at + step))])

    def action_other_side(self) -> None:
        """The claim in the same place on the other side (its last when it has fewer)."""
        card = self.focused_card()
        if card is None:
            return
        part = card.entry["part"]
        mine = [c for c in self.cards() if c.entry["part"] == part]
        theirs = [c for c in self.cards() if c.entry["part"] != part]
        if theirs:
            self.set_focus(theirs[min(mine.index(card), len(theirs) - 1)])

    def action_open_card(self) -> None:
        claim_id = self.current_claim_id()
        if claim_id:
            self.app.open_claim(claim_id)

    def action_back(self) -> None:
        self.dismiss()
