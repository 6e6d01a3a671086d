"""Claims screen (every claim under the filters) and the claim screen (one claim in full)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from sitdash.tui import keys
from sitdash.tui import rows as R
from sitdash.tui.panes.base import mark_column
from sitdash.tui.panes.detail import DetailStrip, highlighted
from sitdash.tui.screens.note import notes_text
from sitdash.tui.text import clean, grade_label
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.rowtable import Column, RowTable


class ClaimsScreen(Screen):
    """Every claim passing the filters: source, date, places, status, grade, notes marker."""

    BINDINGS = keys.bindings("claims")

    def compose(self) -> ComposeResult:
        index = lambda: self.app.index  # noqa: E731 - columns read the live index
        yield ChipsHeader(id="header")
        yield RowTable([
            mark_column(lambda c: index().has_notes(c["id"]), lambda c: index().is_new(c["id"])),
            Column("date", "Date", 13,
                   lambda c: R.when_short(c.get("date"), c.get("date_precision"))),
            Column("source", "Source", 14, lambda c: c.get("source"), priority=2),
            Column("places", "Places", 12, lambda c: ", ".join(c.get("places") or []),
                   priority=3),
            Column("status", "Status", 12, lambda c: index().facts[c["id"]].status),
            Column("grade", "Grd", 3, lambda c: grade_label(index().judgement(c["id"]))),
            Column("text", "Claim", 16, lambda c: c.get("text"), flex=True),
        ], empty="No claims match the filters.", id="claims-table")
        yield DetailStrip(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.set_focus(self.query_one(RowTable))

    def reload(self) -> None:
        app = self.app
        rows = R.claim_rows(app.index, app.filters)
        self.query_one(RowTable).set_rows(rows)
        self.query_one(ChipsHeader).show(app.title_line() + " · Claims",
                                         R.counts_line(app.index, len(rows)), app.filters,
                                         app.index.undated_hidden(app.filters))
        self.show_detail()

    def current_claim_id(self) -> str | None:
        row = self.query_one(RowTable).current_row
        return row["id"] if row else None

    def show_detail(self) -> None:
        self.query_one(DetailStrip).show(R.claim_context(self.app.index, self.current_claim_id()))

    @on(RowTable.Highlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    @on(RowTable.Selected)
    def _selected(self, event: RowTable.Selected) -> None:
        self.app.open_claim(event.row["id"])

    def action_back(self) -> None:
        self.dismiss()


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
        for entry in history:
            change = {k: v for k, v in entry.items()
                      if k not in ("claim_id", "time", "author", "id")}
            out.append(Text(f"{clean(entry.get('time'))[:19]} {clean(entry.get('author'))}: "
                            f"{clean(change)}\n"))
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

    BINDINGS = keys.bindings("claims") + [
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
        body.scroll_to(y=body.scroll_y + lines, animate=False)

    def action_back(self) -> None:
        self.dismiss()
