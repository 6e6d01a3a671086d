"""Claims screen (every claim under the filters) and the claim screen (one claim in full)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from sitdash.history import history_lines
from sitdash.tui import keys
from sitdash.tui import rows as R
from sitdash.tui.panes.base import mark_column
from sitdash.tui.panes.detail import DetailStrip, highlighted
from sitdash.tui.screens.listscreen import FilterTextList
from sitdash.tui.screens.note import notes_text
from sitdash.tui.text import clean, grade_label
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.rowtable import Column, RowTable


class ClaimsScreen(FilterTextList):
    """Every claim passing the filters: date, source, outlet, places, status, grade, note mark;
    `/` filters as you type (the same text filter as the dashboard's)."""

    LEGEND = ("● new ✎ note · ~y/~m/~w: only the year/month/week is known · St: unv unverified, "
              "cor corroborated, dis disputed, fal false · Grd: Admiralty grade",
              "● new ✎ note · ~y ~m ~w: year/month/week only · St: status unv/cor/dis/fal · "
              "Grd: Admiralty grade",
              "● new ✎ note · ~y ~m ~w year/month/week only · St: unv cor dis fal · Grd grade")
    PLACEHOLDER = ("filter: type to narrow the claims (and every pane) · enter or esc leaves, "
                   "esc again clears")
    EMPTY = "No claims match the filters."

    def columns(self) -> list[Column]:
        return claim_columns(lambda: self.app.index)  # the columns read the live index

    def reload(self) -> None:
        app = self.app
        rows = R.claim_rows(app.index, app.filters, newest_first=app.newest_first)
        self.table.set_rows(rows)
        order = "newest first" if app.newest_first else "oldest first"
        self.query_one(ChipsHeader).show(app.title_line() + " · Claims",
                                         R.counts_line(app.index, len(rows)) + f", {order}",
                                         app.filters, app.index.undated_hidden(app.filters))
        self.show_detail()

    def current_claim_id(self) -> str | None:
        row = self.table.current_row
        return row["id"] if row else None

    def show_detail(self) -> None:
        self.query_one(DetailStrip).show(R.claim_context(self.app.index, self.current_claim_id()))

    @on(RowTable.Selected)
    def _selected(self, event: RowTable.Selected) -> None:
        self.app.open_claim(event.row["id"])


def claim_columns(index) -> list[Column]:
    """The Claims list's columns; at 80 and 100 columns the claim's text keeps 40 or more."""
    return [
        mark_column(lambda c: index().has_notes(c["id"]), lambda c: index().is_new(c["id"])),
        Column("date", "Date", 13, lambda c: R.when_short(c.get("date"), c.get("date_precision"))),
        Column("source", "Source", 13, lambda c: c.get("source")),
        Column("outlet", "Outlet", 10, lambda c: index().facts[c["id"]].outlet, priority=2),
        Column("places", "Places", 12, lambda c: ", ".join(c.get("places") or []), priority=3),
        Column("status", "St", 3, lambda c: R.status_code(index().facts[c["id"]].status)),
        Column("grade", "Grd", 3, lambda c: grade_label(index().judgement(c["id"]))),
        Column("text", "Claim", 40, lambda c: c.get("text"), flex=True),
    ]


def claim_text(app, claim_id: str) -> Text:
    """The full view of a claim: document, paragraph, judgement and history, notes, links."""
    index = app.index
    ctx = R.claim_context(index, claim_id)
    if ctx is None:
        return Text("This claim is no longer in the store.", style="italic")
    claim = ctx.claim
    out = Text()
    out.append("Document\n", style="bold underline")
    out.append(Text(f"{ctx.title}\n{ctx.outlet} · {ctx.published}\n"))
    out.append("\nIn context\n", style="bold underline")
    before, after = R.neighbour_paragraphs(index, claim_id)
    if before:
        out.append(Text(before + "\n\n", style="dim"))
    out.append_text(highlighted(ctx.paragraph, *ctx.span))
    if after:
        out.append(Text("\n\n" + after, style="dim"))
    out.append("\n\nClaim\n", style="bold underline")
    facts = [("Source", f"{clean(claim.get('source'))} ({clean(claim.get('source_kind'))})"),
             ("Date", R.when(claim.get("date"), claim.get("date_precision"))
              + (f" (“{clean(claim.get('date_text'))}”)" if claim.get("date_text") else "")),
             ("Places", ", ".join(clean(p) for p in claim.get("places") or []) or "-"),
             ("Hedges", ", ".join(clean(h) for h in claim.get("hedges") or []) or "-"),
             ("Quantities", ", ".join(clean(q) for q in claim.get("quantities") or []) or "-"),
             ("Status", ctx.status),
             ("Grade", f"{ctx.grade} ({ctx.grade_words})")]
    for label, value in facts:
        out.append(f"{label:<11}", style="bold")
        out.append(Text(value + "\n"))
    history = app.claim_history(claim_id)
    if history:
        out.append("\nJudgement history\n", style="bold underline")
        for line in history_lines(history):
            out.append(Text(line + "\n"))
    out.append(f"\nNotes ({len(ctx.notes)})\n", style="bold underline")
    out.append_text(notes_text(ctx.notes))
    events, quotes, moves = R.linked(index, claim_id)
    out.append(f"\n\nLinked events ({len(events)})\n", style="bold underline")
    for event in events:
        out.append(Text(f"• {R.when(event.get('date'), event.get('precision'))} "
                        f"{clean(event.get('type'))} / {clean(event.get('sub_type'))}: "
                        f"{clean(event.get('summary'))}\n"))
    out.append(f"\nLinked quotes ({len(quotes)})\n", style="bold underline")
    for quote in quotes:
        out.append(Text(f"• {clean(quote.get('speaker')) or '(unattributed)'}: "
                        f"“{clean(quote.get('text'))}”\n"))
    out.append(f"\nLinked movements ({len(moves)})\n", style="bold underline")
    for move in moves:
        out.append(Text(f"• {clean(move.get('actor'))} {clean(R.route(move))} "
                        f"{clean(move.get('kind'))} {clean(move.get('size') or '')}\n"))
    return out


class ClaimScreen(Screen):
    """One claim in full: n, v and g act on it; j/k scroll; escape goes back."""

    BINDINGS = keys.bindings("screens") + [
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
    ]

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        yield ChipsHeader(id="header")
        with VerticalScroll(id="claim-body"):
            yield Static(id="claim-full")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.set_focus(self.query_one("#claim-body"))

    def reload(self) -> None:
        self.query_one(ChipsHeader).show(self.app.title_line() + " · Claim",
                                         self.claim_id[:12], self.app.filters)
        self.query_one("#claim-full", Static).update(claim_text(self.app, self.claim_id))

    def current_claim_id(self) -> str | None:
        return self.claim_id

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#claim-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + lines, animate=False, immediate=True)  # a burst adds up

    def action_back(self) -> None:
        self.dismiss()
