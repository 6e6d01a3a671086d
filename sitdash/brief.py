"""The situation brief as Rich renderables, for `sitdash brief` (article text is never markup).

Key developments and contested points first, then the regions and the raw lists; every section
shows its top rows and says how many more there are, so the brief stays brief at any size.
"""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from sitdash.query import NO_FILTERS, Filters, Index
from sitdash.safe_text import one_line
from sitdash.summary import (
    area_status,
    key_contradictions,
    key_developments,
    key_quotes,
    movement_rows,
    plural,
    region_status,
)

TOP = 8  # rows per section
MORE_HINT = "`sitdash export --format json` has them all"


def safe(value: str | None) -> Text:
    """Store text as inert Rich text: no markup, and no escape or control characters (a store
    not made by ingest may hold them)."""
    return Text(one_line(value))


def render_brief(index: Index, quotes: int = 6, filters: Filters = NO_FILTERS,
                 top: int = TOP, title: str = "Situation brief") -> Group:
    """Key developments, contested points, regions, oblasts, key quotes and the latest
    movement reports of what passes `filters`, under a counted title."""
    parts: list = [_header(index, filters, title), Text("")]
    parts += [_developments(index, filters, top), _more(len(key_developments(index, filters)),
                                                        top, "development"), Text("")]
    parts += [_contested(index, filters, top),
              _more(len(key_contradictions(index, filters)), top, "contested point"), Text("")]
    parts += [_regions(index, filters), Text("")]
    oblasts = _reported_areas(index, filters)
    parts += [_oblasts(oblasts, top * 2), _more(len(oblasts), top * 2, "oblast"), Text("")]
    parts += [_quotes(index, filters, quotes), _more(len(key_quotes(index, filters)), quotes,
                                                     "quote"), Text("")]
    parts += [_movements(index, filters, top), _more(len(movement_rows(index, filters)), top,
                                                     "movement report")]
    return Group(*parts)


def _header(index: Index, filters: Filters, title: str) -> Text:
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
    if not filters.is_empty():
        header.append("\nFilters: " + one_line("; ".join(filters.chips())), style="")
    return header


def _more(total: int, shown: int, noun: str) -> Text:
    if total <= shown:
        return Text("")
    return Text(f"… and {plural(total - shown, 'more ' + noun)} ({MORE_HINT})", style="dim")


def _title(name: str, total: int, shown: int, noun: str) -> str:
    if total == 0:
        return f"{name}: none"
    if total <= shown:
        return f"{name} ({plural(total, noun)})"
    return f"{name} (top {shown} of {total:,})"


def _developments(index: Index, filters: Filters, top: int) -> Table | Text:
    rows = key_developments(index, filters)
    if not rows:
        return Text("Key developments: none (no movement reports)", style="bold")
    table = Table(title=_title("Key developments", len(rows), top, "development"),
                  title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Force, direction", max_width=22)
    table.add_column("From -> To", max_width=26)
    table.add_column("Reported", no_wrap=True)
    table.add_column("Sources", ratio=1, min_width=20)
    table.add_column("Sizes, progress", ratio=1, min_width=16)
    for row in rows[:top]:
        flag = " (contested)" if row.contested else ""
        sources = f"{row.sources_line}: {', '.join(row.origin_names[:4])}" + (
            " …" if len(row.origin_names) > 4 else "")
        sizes = "; ".join(f"{s['size']} ({s['source'] or '?'}, {s['outlet'] or '?'})"
                          for s in row.sizes[:3])
        detail = "\n".join(p for p in (sizes, row.progress) if p)
        table.add_row(safe(f"{row.actor}, {row.direction}{flag}"), safe(row.route), row.span,
                      safe(sources), safe(detail))
    return table


def _contested(index: Index, filters: Filters, top: int) -> Table | Text:
    rows = key_contradictions(index, filters)
    if not rows:
        return Text("Contested: none found", style="bold")
    table = Table(title=_title("Contested", len(rows), top, "contested point"),
                  title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Why", ratio=1)
    for row in rows[:top]:
        table.add_row(row.kind, safe(row.why))
    return table


def _regions(index: Index, filters: Filters) -> Table:
    table = Table(title="Regions", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Region", no_wrap=True)
    table.add_column("Status", ratio=1, min_width=22)
    table.add_column("How sure", no_wrap=True)
    table.add_column("Last", no_wrap=True)
    table.add_column("Cl/Ev/Dv", no_wrap=True, justify="right")
    table.add_column("Trend", no_wrap=True)
    for row in region_status(index, filters):
        table.add_row(row.region, row.status, row.certainty, row.last_date or "-",
                      f"{row.claims}/{row.events}/{row.developments}", row.sparkline)
    return table


def _reported_areas(index: Index, filters: Filters) -> list:
    reported = [r for r in area_status(index, filters) if r.claims or r.events or r.movements]
    return sorted(reported, key=lambda r: (-r.level, -r.claims, r.region))


def _oblasts(rows: list, shown: int) -> Table | Text:
    """Oblast-level areas with reports, the most active first (the mark reads without colour)."""
    if not rows:
        return Text("Oblasts with reports: none", style="bold")
    table = Table(title=_title("Oblasts with reports", len(rows), shown, "oblast"),
                  title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("", no_wrap=True)
    table.add_column("Area", no_wrap=True)
    table.add_column("Status", ratio=1, min_width=22)
    table.add_column("How sure", no_wrap=True)
    table.add_column("Last", no_wrap=True)
    table.add_column("Cl/Ev/Dv", no_wrap=True, justify="right")
    for row in rows[:shown]:
        table.add_row(row.mark, row.region, row.status, row.certainty, row.last_date or "-",
                      f"{row.claims}/{row.events}/{row.developments}")
    return table


def _quotes(index: Index, filters: Filters, shown: int) -> Table:
    rows = key_quotes(index, filters)
    table = Table(title=_title("Key quotes", len(rows), shown, "quote"), title_justify="left",
                  box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Speaker", max_width=22)
    table.add_column("Quote", ratio=1)
    table.add_column("Date", no_wrap=True)
    table.add_column("Outlet", max_width=14)
    for quote in rows[:shown]:
        table.add_row(safe(quote.get("speaker") or "unattributed"), safe(quote["text"]),
                      quote.get("date") or "undated", safe(quote.get("outlet") or "unknown"))
    return table


def _movements(index: Index, filters: Filters, top: int) -> Table:
    """The latest raw movement reports: what the developments above are made of."""
    rows = movement_rows(index, filters)
    latest = rows[::-1][:top]  # date order, undated last: the latest dated first
    latest = [m for m in rows if m.get("date")][-top:][::-1] or latest
    table = Table(title=_title("Latest movement reports", len(rows), top, "movement report"),
                  title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    for name in ("Date", "Actor", "Kind", "From -> To", "Size", "Stance", "Outlet"):
        table.add_column(name, no_wrap=name in ("Date", "Kind", "Stance"))
    for move in latest:
        route = f"{move.get('origin') or '?'} -> {move.get('destination') or '?'}"
        outlet = index.documents.get(move.get("doc_id", ""), {}).get("outlet")
        table.add_row(move.get("date") or "undated", safe(move["actor"]), move["kind"],
                      safe(route), safe(move.get("size")), move["stance"],
                      safe(outlet or "unknown"))
    return table
