"""The situation brief as Rich renderables, for `sitdash brief` (article text is never markup)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from sitdash.query import Filters, Index
from sitdash.summary import key_quotes, movement_rows, movement_totals, region_status


def render_brief(index: Index, quotes: int = 6, filters: Filters = Filters()) -> Group:
    dates = index.dates()
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    header = Text(f"Situation brief: {len(index.documents)} documents, {len(index.claims)} claims"
                  f", {len(index.events)} events{span}", style="bold")

    regions = Table("Region", "Status", "Last", "Claims", "Events", "Moves", "Trend",
                    title="Regions", title_justify="left", expand=False)
    for row in region_status(index, filters):
        regions.add_row(row.region, row.status, row.last_date or "-", str(row.claims),
                        str(row.events), str(row.movements), row.sparkline)

    said = Table("Speaker", "Quote", "Date", "Outlet", title="Key quotes", title_justify="left")
    for quote in key_quotes(index, filters)[:quotes]:
        said.add_row(Text(quote.get("speaker") or "unattributed"), Text(quote["text"]),
                     quote.get("date") or "", Text(quote.get("outlet") or ""))

    rows = movement_rows(index, filters)
    totals = ", ".join(f"{n} {kind}" for kind, n in movement_totals(rows).items())
    moves = Table("Actor", "From -> To", "Kind", "Size", "Date", "Stance",
                  title=f"Movements ({totals or 'none'})", title_justify="left")
    for move in rows:
        route = f"{move.get('origin') or '?'} -> {move.get('destination') or '?'}"
        moves.add_row(Text(move["actor"]), route, move["kind"], Text(move.get("size") or ""),
                      move.get("date") or "", move["stance"])
    return Group(header, Text(""), regions, Text(""), said, Text(""), moves)
