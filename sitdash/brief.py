"""The situation brief as Rich renderables, for `sitdash brief` (article text is never markup).

Key developments and contested points first, then the regions and the raw lists; every section
shows its top rows and says how many more there are, so the brief stays brief at any size.
A section is a table where its columns fit the width it is printed at, and below that a few
lines of prose per row (80 columns, or a pipe, where Rich picks 80), never a column one word
wide.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from sitdash.datemarks import COARSE, claim_when, date_span, when_short
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
    span = f", {_day_of(index, dates[0])} to {_day_of(index, dates[-1])}" if dates else ""
    header = Text(f"{title}: {plural(documents, 'document')}, {plural(claims, 'claim')}, "
                  f"{plural(events, 'event')}{span}", style="bold")
    if not filters.is_empty():
        header.append("\nFilters: " + one_line("; ".join(filters.chips())), style="")
    return header


def _day_of(index: Index, day: str) -> str:
    """`day` with a precision mark when every claim of that date knows only its week, month or
    year (the span of a store can start at "2021 ~y")."""
    coarse = None
    for claim in index.claims.values():
        if claim.get("date") == day:
            precision = claim.get("date_precision")
            if precision not in COARSE:
                return day
            coarse = coarse or precision
    return when_short(day, coarse)


class ByWidth:
    """A section as a table from `wide` columns up, and as prose below: each builder is called
    only for the width it is printed at."""

    def __init__(self, wide: int, table, prose):
        self.wide, self.table, self.prose = wide, table, prose

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table() if options.max_width >= self.wide else self.prose()


def _prose(title: str, legend: str = "") -> tuple[Group, Table]:
    """A title (and a dim line saying what the rows hold) over a grid for prose rows: a short
    lead column and text that wraps under itself."""
    grid = Table.grid(padding=(0, 1), expand=True)
    lines = [Text(title, style="bold")] + ([Text(legend, style="dim")] if legend else [])
    return Group(*lines, grid), grid


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _names(names: list[str], shown: int = 4, width: int = 22) -> str:
    """Origins named short: "EFE, UPI, the Pentagon, a senior US Defense of… +5"."""
    out = ", ".join(_cut(n, width) for n in names[:shown])
    return out + (f" +{len(names) - shown}" if len(names) > shown else "")


def _short_days(text: str, year: str | None) -> str:
    """Dates of one year as month-day ("2022-03-25" -> "03-25") in a line whose year is given."""
    return text.replace(f"{year}-", "") if year else text


def _span(row) -> str:
    """A development's span, the second date without its year when it is the first's:
    "2022-03-25..04-04"."""
    first, last = row.first_date, row.last_date
    return date_span(first, last) if first and last else row.span


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



# A table from these widths up (160 columns: every table; 80 or a pipe: prose).
WIDE_DEVELOPMENTS, WIDE_REGIONS, WIDE_QUOTES, WIDE_MOVEMENTS = 140, 100, 110, 110


def _developments(index: Index, filters: Filters, top: int) -> ByWidth | Text:
    rows = key_developments(index, filters)
    if not rows:
        return Text("Key developments: none (no movement reports)", style="bold")
    title = _title("Key developments", len(rows), top, "development")
    shown = [_development_parts(row) for row in rows[:top]]

    def table() -> Table:
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Force, direction", max_width=24)
        table.add_column("From -> To", max_width=26)
        table.add_column("Reported", no_wrap=True)
        table.add_column("Sources", ratio=1, min_width=20)
        table.add_column("Sizes, progress", ratio=1, min_width=16)
        for part in shown:
            table.add_row(safe(part["force"]), safe(part["route"]), part["span"],
                          safe(part["sources"]),
                          safe("\n".join(p for p in (part["sizes"], part["progress"]) if p)))
        return table

    def prose() -> Group:
        section, grid = _prose(title)
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(ratio=1)
        for number, part in enumerate(shown, 1):
            body = Text(one_line(f"{part['force']}: {part['route']}, {part['span']}"),
                        style="bold")
            for line in (part["sources"], part["sizes"] and f"sizes: {part['sizes']}",
                         part["progress"]):
                if line:
                    body.append("\n" + one_line(line))
            grid.add_row(f"{number}.", body)
        return section

    return ByWidth(WIDE_DEVELOPMENTS, table, prose)


def _development_parts(row) -> dict[str, str]:
    """The words of one development row: force, route, span, sources, sizes, progress."""
    year = row.first_date[:4] if row.first_date and row.first_date[:4] == (
        row.last_date or "")[:4] else None
    sizes = "; ".join(f"{s['size']} ({_cut(s['source'] or '?', 28)}, {s['outlet'] or '?'})"
                      for s in row.sizes[:2])
    if len(row.sizes) > 2:
        sizes += f" +{len(row.sizes) - 2}"
    return {"force": f"{row.actor}, {row.direction}" + (" (contested)" if row.contested else ""),
            "route": row.route, "span": _span(row),
            "sources": f"{row.sources_line}: {_names(row.origin_names)}",
            "sizes": sizes, "progress": _short_days(row.progress, year)}


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


def _regions(index: Index, filters: Filters) -> ByWidth:
    rows = region_status(index, filters)

    def table() -> Table:
        table = Table(title="Regions", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Region", no_wrap=True)
        table.add_column("Status", ratio=1, min_width=22)
        table.add_column("How sure", no_wrap=True)
        table.add_column("Last", no_wrap=True)
        table.add_column("Cl/Ev/Dv", no_wrap=True, justify="right")
        table.add_column("Trend", no_wrap=True)
        for row in rows:
            table.add_row(row.region, row.status, row.certainty, row.last_date or "-",
                          f"{row.claims}/{row.events}/{row.developments}", row.sparkline)
        return table

    def prose() -> Group:
        section, grid = _prose("Regions", FACTS_LEGEND + " · 14-day trend")
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for row in rows:
            grid.add_row(row.region, Text(f"{row.status}\n{_facts(row)} · {row.sparkline}"))
        return section

    return ByWidth(WIDE_REGIONS, table, prose)


FACTS_LEGEND = "status; then how sure · last report · claims/events/developments"


def _facts(row) -> str:
    """ "contested · 2022-04-05 · 39/19/4": how sure, last report, claims/events/developments."""
    return (f"{row.certainty} · {row.last_date or '-'} · "
            f"{row.claims}/{row.events}/{row.developments}")


def _reported_areas(index: Index, filters: Filters) -> list:
    reported = [r for r in area_status(index, filters) if r.claims or r.events or r.movements]
    return sorted(reported, key=lambda r: (-r.level, -r.claims, r.region))


def _oblasts(rows: list, shown: int) -> ByWidth | Text:
    """Oblast-level areas with reports, the most active first (the mark reads without colour)."""
    if not rows:
        return Text("Oblasts with reports: none", style="bold")
    title = _title("Oblasts with reports", len(rows), shown, "oblast")

    def table() -> Table:
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True)
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

    def prose() -> Group:
        section, grid = _prose(title, FACTS_LEGEND)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for row in rows[:shown]:
            grid.add_row(row.mark, row.region, Text(f"{row.status}\n{_facts(row)}"))
        return section

    return ByWidth(WIDE_REGIONS, table, prose)


def _quotes(index: Index, filters: Filters, shown: int) -> ByWidth:
    rows = key_quotes(index, filters)
    title = _title("Key quotes", len(rows), shown, "quote")
    quotes = [(quote, claim_when(index.claims, quote.get("claim_id"), quote.get("date")))
              for quote in rows[:shown]]

    def table() -> Table:
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Speaker", max_width=22)
        table.add_column("Quote", ratio=1)
        table.add_column("Date", no_wrap=True)
        table.add_column("Outlet", max_width=14)
        for quote, day in quotes:
            table.add_row(safe(quote.get("speaker") or "unattributed"), safe(quote["text"]),
                          day, safe(quote.get("outlet") or "unknown"))
        return table

    def prose() -> Group:
        section, grid = _prose(title)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for quote, day in quotes:
            body = Text(f"“{one_line(quote['text'])}”")
            body.append(f"\n— {one_line(quote.get('speaker') or 'unattributed')}, "
                        f"{one_line(quote.get('outlet') or 'unknown outlet')}, {day}", style="dim")
            grid.add_row("", body)
        return section

    return ByWidth(WIDE_QUOTES, table, prose)


def _movements(index: Index, filters: Filters, top: int) -> ByWidth:
    """The latest raw movement reports: what the developments above are made of."""
    rows = movement_rows(index, filters)
    latest = rows[::-1][:top]  # date order, undated last: the latest dated first
    latest = [m for m in rows if m.get("date")][-top:][::-1] or latest
    title = _title("Latest movement reports", len(rows), top, "movement report")
    moves = [(move, claim_when(index.claims, move.get("claim_id"), move.get("date")),
              f"{move.get('origin') or '?'} -> {move.get('destination') or '?'}",
              index.documents.get(move.get("doc_id", ""), {}).get("outlet") or "unknown")
             for move in latest]

    def table() -> Table:
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        for name in ("Date", "Actor", "Kind", "From -> To", "Size", "Stance", "Outlet"):
            table.add_column(name, no_wrap=name in ("Date", "Kind", "Stance"))
        for move, day, route, outlet in moves:
            table.add_row(day, safe(move["actor"]), move["kind"], safe(route),
                          safe(move.get("size")), move["stance"], safe(outlet))
        return table

    def prose() -> Group:
        section, grid = _prose(title, "date, force (size) kind: from -> to; stance; outlet")
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for move, day, route, outlet in moves:
            size = f" ({move['size']})" if move.get("size") else ""
            grid.add_row(day, Text(one_line(f"{move['actor']}{size} {move['kind']}: {route}; "
                                            f"{move['stance']}; {outlet}")))
        return section

    return ByWidth(WIDE_MOVEMENTS, table, prose)
