"""Development screen: one development consolidated (force, ends, sizes and who stated them, how
the reporting went, outlets and origins, what disputes it), then every report behind it in date
order with the selected report's paragraph below. n, v and g act on the selected report's claim;
enter opens it in full; escape goes back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from sitdash import summary
from sitdash.datemarks import date_span
from sitdash.summary import DevelopmentRow, plural
from sitdash.tui import keys
from sitdash.tui import rows as R
from sitdash.tui.panes.base import mark_column
from sitdash.tui.panes.detail import DetailStrip
from sitdash.tui.text import clean
from sitdash.tui.widgets.header import ChipsHeader
from sitdash.tui.widgets.legend import Legend
from sitdash.tui.widgets.rowtable import Column, RowTable

LEGEND = ("● new ✎ note · Side: UA, RU, US+ (US and allied), oth, ? unknown · asserted: as fact, "
          "assessed: hedged · enter opens the claim · n v g: this report",
          "● new ✎ note · Side: UA RU US+ oth ? · assessed: hedged · n v g: this report",
          "● new ✎ note · Side UA RU US+ oth ? · assessed: hedged · n v g: report")
ALSO = 3  # other ends named beside the most specific one


def _line(out: Text, label: str, value: str | Text, style: str = "") -> None:
    if out:
        out.append("\n")
    out.append(label, style="bold")
    out.append_text(value if isinstance(value, Text) else Text(value, style=style))


def _ends(row: DevelopmentRow) -> str:
    """ "from Kyiv -> to Belarus · also named: Hostomel, Chornobyl": the most specific ends,
    then the other places its reports name (the route first: it must survive a cut line)."""
    stored = row.row
    route = f"from {clean(row.origin) or '?'} -> to {clean(row.destination) or '?'}"
    others = [clean(p) for p in (stored.get("origins") or []) + (stored.get("destinations") or [])
              if p not in (row.origin, row.destination)]
    others = list(dict.fromkeys(others))
    if not others:
        return route
    shown = ", ".join(others[:ALSO]) + (f", +{len(others) - ALSO}" if len(others) > ALSO else "")
    return f"{route} · also named: {shown}"


def _sizes(row: DevelopmentRow, claims: dict) -> str:
    """Every stated size side by side, with who stated it, where and when."""
    said = []
    for size in row.sizes:
        said_by = [size.get("source"), size.get("outlet"),
                   size.get("date") and R.claim_when(claims, size["claim_id"], size["date"])]
        if said_by[0] == said_by[1]:  # an outlet in its own voice: named once
            said_by.pop(0)
        who = ", ".join(clean(x) for x in said_by if x)
        said.append(f"{clean(size['size'])} ({who})")
    return " | ".join(said)


def development_text(index, row: DevelopmentRow) -> Text:
    """The consolidated picture, one fact a line (each line is cut to the width, the lists
    last)."""
    out = Text()
    if row.contested:
        out.append(f"{R.CONTESTED_MARK} contested", style="bold reverse")
        out.append(" · ")
    out.append(f"{clean(row.actor)} · {row.direction} · "
               f"{date_span(row.first_date, row.last_date)}", style="bold")
    stored = row.row
    _line(out, f"{', '.join(row.kinds).capitalize()}: ", _ends(row))
    _line(out, f"{plural(row.reports, 'report')} · outlets ({row.outlets}): ",
          ", ".join(clean(o) for o in stored["outlets"]))
    _line(out, f"Independent origins ({row.origins}): ",
          ", ".join(clean(o) for o in row.origin_names))
    _line(out, "Sizes: ", _sizes(row, index.claims) or "none stated")
    _line(out, "Reporting: ", clean(row.progress) or "-")
    disputes = summary.development_contradictions(index, row.id)
    if disputes:
        more = f" (+{len(disputes) - 1} more, see !)" if len(disputes) > 1 else ""
        _line(out, f"{R.CONTESTED_MARK} Disputed: ", clean(disputes[0].why) + more)
    return out


class DevelopmentScreen(Screen):
    """One development and every report behind it."""

    BINDINGS = keys.bindings("screens")

    def __init__(self, dev_id: str) -> None:
        super().__init__()
        self.dev_id = dev_id

    def compose(self) -> ComposeResult:
        yield ChipsHeader(id="header")
        yield Static(id="development-summary")
        index = lambda: self.app.index  # noqa: E731 - the columns read the live index
        yield RowTable([
            mark_column(lambda r: index().has_notes(r["claim_id"]),
                        lambda r: index().is_new(r["claim_id"])),
            Column("date", "Date", 13,
                   lambda r: R.claim_when(index().claims, r["claim_id"], r["date"])),
            Column("outlet", "Outlet", 10, lambda r: r["outlet"] or "?", priority=2),
            Column("speaker", "Speaker", 14, lambda r: r["speaker"] or "?"),
            Column("side", "Side", 4, lambda r: R.side_code(r["side"]), priority=1),
            Column("stance", "Stance", 8, lambda r: r["stance"]),
            Column("phase", "Phase", 9, lambda r: r["phase"], priority=3),
            Column("text", "Report", 20, lambda r: r["text"], flex=True),
        ], empty="This development has no reports left in the store.", id="list-table")
        yield Legend(LEGEND, id="legend")
        yield DetailStrip(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.set_focus(self.table)

    @property
    def table(self) -> RowTable:
        return self.query_one("#list-table", RowTable)

    def reload(self) -> None:
        app = self.app
        row = summary.development_row(app.index, self.dev_id)
        reports = summary.development_reports(app.index, self.dev_id) if row else []
        self.table.set_rows(reports)
        counts = plural(len(reports), "report") if row else "gone"
        self.query_one(ChipsHeader).show(app.title_line() + " · Development", counts,
                                         app.filters)
        self.query_one("#development-summary", Static).update(
            development_text(app.index, row) if row else
            Text("This development is no longer in the store (a rebuild regrouped its reports).",
                 style="italic"))
        self.show_detail()

    def current_claim_id(self) -> str | None:
        row = self.table.current_row
        return row["claim_id"] if row else None

    def show_detail(self) -> None:
        self.query_one(DetailStrip).show(R.claim_context(self.app.index, self.current_claim_id()))

    @on(RowTable.Highlighted)
    def _highlighted(self) -> None:
        self.show_detail()

    @on(RowTable.Selected)
    def _selected(self, event: RowTable.Selected) -> None:
        self.app.open_claim(event.row["claim_id"])

    def action_back(self) -> None:
        self.dismiss()
