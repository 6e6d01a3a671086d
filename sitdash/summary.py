"""Region status, key-quote ranking, movement and timeline summaries (pure, no UI, no store)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import filterfalse, groupby
from operator import itemgetter, methodcaller

from sitdash.query import NO_FILTERS, Filters, Index, region_of
from sitdash.ranking import quote_score


def plural(n: int, noun: str) -> str:
    """ "1 document", "3 documents"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


# Theatre regions always listed, in the order an analyst reads a map of the war.
THEATRE_REGIONS = ("north", "east", "south", "central", "west", "Belarus", "Russia")
TREND_DAYS = 14
SPARK = "▁▂▃▄▅▆▇█"

# ACLED sub-types that mean the region is hit from the air or by artillery, or fought over.
AIR_SUBTYPES = {"Air/drone strike"}
SHELLING_SUBTYPES = {"Shelling/artillery/missile attack"}
BATTLE_TYPES = {"Battles"}
BACKWARD = {"withdraw", "retreat", "reposition", "regroup"}
FORWARD = {"deploy", "redeploy", "advance"}


@dataclass(slots=True)
class RegionRow:
    region: str
    status: str
    last_date: str | None
    claims: int
    events: int
    movements: int
    trend: list[int] = field(default_factory=list)

    @property
    def sparkline(self) -> str:
        return sparkline(self.trend)


def sparkline(values: list[int]) -> str:
    """Counts as a row of block characters, scaled to the largest."""
    if not values:
        return ""
    top = max(values)
    if top == 0:
        return SPARK[0] * len(values)
    return "".join(SPARK[min(len(SPARK) - 1, round(v / top * (len(SPARK) - 1)))] for v in values)


def region_status(index: Index, filters: Filters = NO_FILTERS) -> list[RegionRow]:
    """One row per theatre region: a status derived from events and movements, counts, trend."""
    return index.memo(("regions", filters), lambda: _region_status(index, filters))


def _region_status(index: Index, filters: Filters) -> list[RegionRow]:
    # Count (regions, day) pairs first: a few thousand distinct pairs however many claims.
    keys = index.region_day_keys
    pairs = {keys[k]: n for k, n in _region_day_counts(index, filters).items()}
    events = index.event_rows(filters)
    movements = movement_rows(index, filters)
    latest = max((day for _, day in pairs if day), default=None)
    days = _trend_days(latest)

    claim_count: Counter[str] = Counter()
    last: dict[str, str] = {}
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for (regions, day), n in pairs.items():
        for region in regions:
            claim_count[region] += n
            if day:
                last[region] = max(last.get(region, ""), day)
                per_day[region][day] += n

    # Events and movements likewise: count their precomputed (regions, kind) keys in C, as
    # small ints (a tuple key holding a frozenset is compared item by item on every count).
    event_types: dict[str, Counter[str]] = defaultdict(Counter)
    event_number, event_keys = index.derived("event keys", lambda: _numbered(
        index.events, lambda e: (index.event_regions.get(e["id"], frozenset()), e["type"],
                                 e.get("sub_type") or "")))
    for number, n in Counter(map(event_number.__getitem__, map(itemgetter("id"), events))).items():
        regions, etype, sub_type = event_keys[number]
        for region in regions:
            event_types[region][etype] += n
            event_types[region][sub_type] += n

    move_kinds: dict[str, Counter[str]] = defaultdict(Counter)
    move_number, move_keys = index.derived("movement keys", lambda: _numbered(
        index.movements, _movement_key))
    moved = Counter(map(move_number.__getitem__, map(itemgetter("id"), movements)))
    for number, n in moved.items():
        origin, destination, kind = move_keys[number]
        if origin:
            move_kinds[origin]["out:" + kind] += n
        if destination:
            move_kinds[destination]["in:" + kind] += n

    regions = list(THEATRE_REGIONS) + sorted(set(claim_count) - set(THEATRE_REGIONS))
    rows = []
    for region in regions:
        types, kinds = event_types.get(region, Counter()), move_kinds.get(region, Counter())
        rows.append(RegionRow(
            region=region,
            status=_status(types, kinds),
            last_date=last.get(region),
            claims=claim_count.get(region, 0),
            events=sum(n for t, n in types.items() if t in _EVENT_TYPES),
            movements=sum(kinds.values()),
            trend=[per_day[region].get(d, 0) for d in days],
        ))
    return rows


def _region_day_counts(index: Index, filters: Filters) -> Counter[int]:
    """How many passing claims have each (regions, day) key; a broad filter counts the few
    claims it drops and subtracts them from the cached total."""
    key_of = index.region_day.__getitem__
    ids = index.claim_ids(filters)
    if filters.is_empty() or len(ids) * 2 < len(index.order):
        return Counter(map(key_of, ids))
    total = index.derived("region-day counts", lambda: Counter(map(key_of, index.order)))
    dropped = Counter(map(key_of, filterfalse(index.passing(filters).__contains__, index.order)))
    return total - dropped


def _numbered(rows: list[dict], key_of) -> tuple[dict[str, int], list[tuple]]:
    """Each row's id -> the number of its key, and the distinct keys by number."""
    numbers: dict[tuple, int] = {}
    number_of = {}
    for row in rows:
        number_of[row["id"]] = numbers.setdefault(key_of(row), len(numbers))
    return number_of, list(numbers)


def _movement_key(move: dict) -> tuple:
    return (region_of(move["origin"]) if move.get("origin") else None,
            region_of(move["destination"]) if move.get("destination") else None, move["kind"])


_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians",
                "Strategic developments", "Protests", "Riots"}


def _trend_days(latest: str | None) -> list[str]:
    if not latest:
        return []
    end = date.fromisoformat(latest)
    return [(end - timedelta(days=n)).isoformat() for n in range(TREND_DAYS - 1, -1, -1)]


def _status(types: Counter[str], kinds: Counter[str]) -> str:
    """Words an analyst would use, most pressing first; "quiet" when nothing happened."""
    parts = []
    if sum(types[t] for t in AIR_SUBTYPES):
        parts.append("under air attack")
    if sum(types[t] for t in SHELLING_SUBTYPES):
        parts.append("shelled")
    if sum(types[t] for t in BATTLE_TYPES):
        parts.append("contested")
    out_ = sum(v for k, v in kinds.items() if k.startswith("out:") and k[4:] in BACKWARD)
    in_ = sum(v for k, v in kinds.items() if k.startswith("in:") and k[3:] in FORWARD)
    if out_:
        parts.append("forces withdrawing")
    if in_:
        parts.append("reinforcing")
    if not parts and types:
        parts.append("activity reported")
    return ", ".join(parts) or "quiet"


# -- key quotes -------------------------------------------------------------------------------

def key_quotes(index: Index, filters: Filters = NO_FILTERS) -> list[dict]:
    """Quotes, the most substantive first; each with its date and outlet for display."""
    ranked = index.derived("ranked quotes", lambda: _rank_quotes(index))
    return index.memo(("quotes", filters), lambda: index.rows_of_claims(
        "ranked quotes", ranked, index.passing(filters)))


def _rank_quotes(index: Index) -> list[dict]:
    """Ingest stores each quote's score, date and outlet; a store from before that gets them
    computed here."""
    if all("score" in q for q in index.quotes):
        return sorted(index.quotes, key=_quote_rank)
    rows = []
    for quote in index.quotes:
        claim = index.claims.get(quote.get("claim_id") or "")
        doc = index.documents.get(quote.get("doc_id", ""), {})
        date_ = (claim or {}).get("date") or doc.get("published")
        rows.append({**quote, "date": date_, "outlet": doc.get("outlet"),
                     "score": quote_score(quote, claim)})
    rows.sort(key=_quote_rank)
    return rows


def _quote_rank(quote: dict) -> tuple:
    return (-quote["score"], quote.get("date") or "", quote.get("start", 0))


# -- movements --------------------------------------------------------------------------------


def movement_rows(index: Index, filters: Filters = NO_FILTERS) -> list[dict]:
    """Movements in date order, each with an "asserted"/"assessed" label."""
    ordered = index.derived("ordered movements", lambda: _order_movements(index))
    return index.memo(("movements", filters), lambda: index.rows_of_claims(
        "ordered movements", ordered, index.passing(filters)))


def _order_movements(index: Index) -> list[dict]:
    rows = [{**m, "stance": "assessed" if m.get("hedged") else "asserted"}
            for m in index.movements]
    rows.sort(key=lambda m: (m.get("date") is None, m.get("date") or "", m.get("start", 0)))
    return rows


def movement_totals(rows: list[dict]) -> dict[str, int]:
    """How many movements of each kind: the one-line summary under the movements pane."""
    return dict(Counter(r["kind"] for r in rows).most_common())


# -- timeline ---------------------------------------------------------------------------------


def timeline(index: Index, filters: Filters = NO_FILTERS) -> list[tuple[str, list[dict]]]:
    """Events grouped by day (undated last), in date order."""
    return index.memo(("timeline", filters), lambda: _timeline(index, filters))


def _timeline(index: Index, filters: Filters) -> list[tuple[str, list[dict]]]:
    # Events come in date order (undated last), so each day's events are already together.
    return [(day or "undated", list(events))
            for day, events in groupby(index.event_rows(filters), key=_DATE_OF)]


_DATE_OF = methodcaller("get", "date")
