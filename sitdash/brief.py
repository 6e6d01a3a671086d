"""The situation brief as Rich renderables, for `sitdash brief` (article text is never markup)."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from sitdash.query import NO_FILTERS, Filters, Index
from sitdash.safe_text import one_line
from sitdash.summary import (
    area_status,
    key_quotes,
    movement_rows,
    movement_totals,
    plural,
    region_status,
)


def safe(value: str | None) -> Text:
    """Store text as inert Rich text: no markup, and no escape or control characters (a store
    not made by ingest may hold them)."""
    return Text(one_line(value))


def render_brief(index: Index, quotes: int = 6, filters: Filters = NO_FILTERS,
                 title: str = "Situation brief") -> Group:
    """Regions, key quotes and movements of what passes `filters`, under a counted title."""
    if filters.is_empty():
        documents, claims, events = len(index.documents), len(index.claims), len(index.events)
        dates = index.dates()
    else:
        ids = index.claim_ids(filters)
        documents = len({index.claims[cid].get("doc_id") for cid in ids})
        claims, events = len(ids), len(index.event_rows(filters))
        dates = sorted({index.claims[cid]["date"] for cid in ids if index.claims[cid].get("date")})
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    header = Text(f"{title}: {plural(documents, 'document')}, {plural(claims, 'claim')}, "
                  f"{plural(events, 'event')}{span}", style="bold")

    regions = Table(title="Regions", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    regions.add_column("Region", no_wrap=True)
    regions.add_column("Status", ratio=1, min_width=22)
    regions.add_column("Last", no_wrap=True)
    regions.add_column("Cl/Ev/Mv", no_wrap=True, justify="right")
    regions.add_column("Trend", no_wrap=True)
    for row in region_status(index, filters):
        regions.add_row(row.region, row.status, row.last_date or "-",
                        f"{row.claims}/{row.events}/{row.movements}", row.sparkline)

    oblasts = Table(title="Oblasts with reports", title_justify="left", box=box.SIMPLE_HEAD,
                    expand=True)
    oblasts.add_column("", no_wrap=True)
    oblasts.add_column("Area", no_wrap=True)
    oblasts.add_column("Status", ratio=1, min_width=22)
    oblasts.add_column("Last", no_wrap=True)
    oblasts.add_column("Cl/Ev/Mv", no_wrap=True, justify="right")
    reported = [r for r in area_status(index, filters) if r.claims or r.events or r.movements]
    for row in sorted(reported, key=lambda r: (-r.level, -r.claims, r.region)):
        oblasts.add_row(row.mark, row.region, row.status, row.last_date or "-",
                        f"{row.claims}/{row.events}/{row.movements}")

    said = Table(title="Key quotes", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    said.add_column("Speaker", max_width=22)
    said.add_column("Quote", ratio=1)
    said.add_column("Date", no_wrap=True)
    said.add_column("Outlet", max_width=14)
    for quote in key_quotes(index, filters)[:quotes]:
        said.add_row(safe(quote.get("speaker") or "unattributed"), safe(quote["text"]),
                     quote.get("date") or "", safe(quote.get("outlet")))

    rows = movement_rows(index, filters)
    totals = ", ".join(f"{n} {kind}" for kind, n in movement_totals(rows).items())
    moves = Table("Actor", "From -> To", "Kind", "Size", "Date", "Stance",
                  title=f"Movements ({totals or 'none'})", title_justify="left",
                  box=box.SIMPLE_HEAD)
    for move in rows:
        route = f"{move.get('origin') or '?'} -> {move.get('destination') or '?'}"
        moves.add_row(safe(move["actor"]), route, move["kind"], safe(move.get("size")),
                      move.get("date") or "", move["stance"])
    return Group(header, Text(""), regions, Text(""), oblasts, Text(""), said, Text(""), moves)
