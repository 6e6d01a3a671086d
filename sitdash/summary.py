"""Region status, key-quote ranking, movement and timeline summaries (pure, no UI, no store)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import filterfalse, groupby
from operator import itemgetter, methodcaller

from sitdash.contradictions import why
from sitdash.developments import progression, progression_line
from sitdash.figures import disagree, parse_figure
from sitdash.ingest.places import AREA_REGION, areas_of
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


# How much is going on in a region or area, as a level: the map's pattern and the Regions pane's
# mark read it. Density rises with the level, so it reads without colour.
NO_REPORTS, QUIET, MOVEMENT, STRIKES, FIGHTING = range(5)
LEVEL_MARKS = {NO_REPORTS: " ", QUIET: "░", MOVEMENT: "▒", STRIKES: "▓", FIGHTING: "█"}
LEVEL_WORDS = {NO_REPORTS: "no reports", QUIET: "quiet", MOVEMENT: "movement, other",
               STRIKES: "strikes", FIGHTING: "fighting"}
ACTIVE = MOVEMENT  # from this level up an area counts as active
# How sure a region's or area's status is, from the origins behind its events and developments
# (RegionRow.certainty).
SURE_NO_REPORTS, SURE_NO_EVENTS = "no reports", "no events"
SINGLE, CORROBORATED, CONTESTED = "single source", "corroborated", "contested"


@dataclass(slots=True)
class RegionRow:
    """One theatre region or one oblast-level area (see places.AREA_REGION) under the filters."""

    region: str  # the filter value: a theatre ("east") or an area ("Kharkiv Oblast")
    status: str
    last_date: str | None
    claims: int
    events: int
    movements: int
    trend: list[int] = field(default_factory=list)
    level: int = NO_REPORTS
    theatre: str | None = None  # an area's theatre region; None on a theatre row
    is_area: bool = False
    developments: int = 0  # developments with an end in it (each counted once)
    # How sure the status is: no reports, no events, single source (every event and development
    # rests on one origin), corroborated (one rests on two or more), contested (a contradiction
    # is about it).
    certainty: str = SURE_NO_REPORTS

    @property
    def sparkline(self) -> str:
        return sparkline(self.trend)

    @property
    def mark(self) -> str:
        return LEVEL_MARKS[self.level]

    @property
    def active(self) -> bool:
        return self.level >= ACTIVE

    @property
    def label(self) -> str:
        """The short name: "Kharkiv" for Kharkiv Oblast."""
        return area_label(self.region)


def area_label(area: str) -> str:
    return area.removesuffix(" Oblast")


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
    tally = _tally(index, filters, "regions")
    regions = list(THEATRE_REGIONS) + sorted(set(tally.claims) - set(THEATRE_REGIONS))
    return [tally.row(region) for region in regions]


# Every area, in the order the Regions pane and the map list them.
AREAS = tuple(AREA_REGION)


def area_status(index: Index, filters: Filters = NO_FILTERS) -> list[RegionRow]:
    """One row per oblast-level area (every one, reported or not), like region_status."""
    return index.memo(("areas", filters), lambda: _area_status(index, filters))


def _area_status(index: Index, filters: Filters) -> list[RegionRow]:
    tally = _tally(index, filters, "areas")
    return [tally.row(area, theatre=AREA_REGION[area], is_area=True) for area in AREAS]


def regions_outline(index: Index, filters: Filters = NO_FILTERS) -> list[RegionRow]:
    """Each theatre row followed by its areas with anything reported (most active first): what
    the Regions pane and the brief list. Belarus is one area, so it has no area row of its own."""
    def build() -> list[RegionRow]:
        by_theatre: dict[str | None, list[RegionRow]] = defaultdict(list)
        for row in area_status(index, filters):
            if (row.claims or row.events or row.movements) and row.region != row.theatre:
                by_theatre[row.theatre].append(row)
        out = []
        for theatre in region_status(index, filters):
            out.append(theatre)
            out += sorted(by_theatre.get(theatre.region, ()),
                          key=lambda r: (-r.level, -r.claims, r.region))
        return out

    return index.memo(("outline", filters), build)


@dataclass(slots=True)
class _Tally:
    """Claims, events and movements counted per group (theatre region or area)."""

    claims: Counter[str]
    last: dict[str, str]
    per_day: dict[str, Counter[str]]
    event_types: dict[str, Counter[str]]
    move_kinds: dict[str, Counter[str]]
    days: list[str]
    sure: dict[str, tuple[int, str | None]] = field(default_factory=dict)

    def row(self, group: str, theatre: str | None = None, is_area: bool = False) -> RegionRow:
        types = self.event_types.get(group, Counter())
        kinds = self.move_kinds.get(group, Counter())
        claims = self.claims.get(group, 0)
        developments, certainty = self.sure.get(group, (0, None))
        reported = bool(claims or types or kinds)
        return RegionRow(
            region=group,
            status=_status(types, kinds) if reported else "no reports",
            last_date=self.last.get(group),
            claims=claims,
            events=sum(n for t, n in types.items() if t in _EVENT_TYPES),
            movements=sum(kinds.values()),
            trend=[self.per_day[group].get(d, 0) for d in self.days],
            level=activity_level(types, kinds, claims),
            theatre=theatre,
            is_area=is_area,
            developments=developments,
            # nothing reported under the filters: nothing to be sure of (a development that
            # passes on another claim may still end here)
            certainty=(certainty or SURE_NO_EVENTS) if reported else SURE_NO_REPORTS,
        )


def _tally(index: Index, filters: Filters, level: str) -> _Tally:
    """Count per theatre region (`level` "regions") or per area ("areas") under the filters."""
    # Count (regions, areas, day) keys first: a few thousand distinct keys however many claims.
    position = 0 if level == "regions" else 1
    keys = index.region_day_keys
    pairs = {keys[k]: n for k, n in _region_day_counts(index, filters).items()}
    events = index.event_rows(filters)
    movements = movement_rows(index, filters)
    latest = max((key[2] for key in pairs if key[2]), default=None)

    claim_count: Counter[str] = Counter()
    last: dict[str, str] = {}
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for key, n in pairs.items():
        day = key[2]
        for group in key[position]:
            claim_count[group] += n
            if day:
                last[group] = max(last.get(group, ""), day)
                per_day[group][day] += n

    # Events and movements likewise: count their precomputed (groups, kind) keys in C, as
    # small ints (a tuple key holding a frozenset is compared item by item on every count).
    event_types: dict[str, Counter[str]] = defaultdict(Counter)
    # One numbering serves both levels: (regions, areas, type, sub-type, two origins or more).
    event_number, event_keys = index.derived("event keys", lambda: _numbered(
        index.events, lambda e: (index.event_regions.get(e["id"], frozenset()),
                                 index.event_areas.get(e["id"], frozenset()), e["type"],
                                 e.get("sub_type") or "", (e.get("origins") or 1) >= 2)))
    corroborated: dict[str, int] = {}  # group -> 2 when an event there has two origins, else 1
    for number, n in Counter(map(event_number.__getitem__, map(itemgetter("id"), events))).items():
        key = event_keys[number]
        groups, etype, sub_type, two = key[position], key[2], key[3], key[4]
        for group in groups:
            event_types[group][etype] += n
            event_types[group][sub_type] += n
            if two or group not in corroborated:
                corroborated[group] = 2 if two else 1

    move_kinds: dict[str, Counter[str]] = defaultdict(Counter)
    move_number, move_keys = index.derived("movement keys", lambda: _numbered(
        index.movements, lambda m: (_movement_regions(m), _movement_areas(m))))
    moved = Counter(map(move_number.__getitem__, map(itemgetter("id"), movements)))
    for number, n in moved.items():
        origins, destinations, kind = move_keys[number][position]
        for group in origins:
            move_kinds[group]["out:" + kind] += n
        for group in destinations:
            move_kinds[group]["in:" + kind] += n
    return _Tally(claim_count, last, per_day, event_types, move_kinds, _trend_days(latest),
                  _region_certainty(index, filters, corroborated, level))


def _region_certainty(index: Index, filters: Filters, events_best: dict[str, int],
                      level: str) -> dict[str, tuple[int, str | None]]:
    """group -> (developments, certainty) per theatre region or area: contested when a passing
    contradiction is about it, corroborated when an event or development there has two or more
    independent origins, single source when each rests on one origin. `events_best` has, per
    group with events, 2 when one of them has two origins or more, else 1."""
    regions = level == "regions"
    best = dict(events_best)  # group -> most origins behind one of its reports (capped at 2)
    devs: Counter[str] = Counter()
    dev_groups = index.derived(("development groups", level), lambda: _groups_of_developments(
        index.developments, regions))
    for dev in index.development_rows(filters):
        for group in dev_groups.get(dev["id"], ()):
            devs[group] += 1
            best[group] = max(best.get(group, 0), len(dev.get("origin_keys") or ()) or 1)
    contested: set[str] = set()
    for row in index.contradiction_rows(filters):
        contested.update(_contradiction_groups(index, row, dev_groups, regions))
    out = {}
    for group in set(best) | set(devs) | contested:
        certainty = CONTESTED if group in contested else \
            CORROBORATED if best.get(group, 0) >= 2 else SINGLE if group in best else None
        out[group] = (devs.get(group, 0), certainty)
    return out


def _contradiction_groups(index: Index, row: dict, dev_groups: dict[str, frozenset[str]],
                          regions: bool) -> frozenset[str]:
    """The theatre regions (or areas) a contradiction is about: the oblast where a side's
    announced de-escalation met strikes, the ends of the development disputed, the places of
    the incident whose toll is disputed. Not every place its sentences name: a Pentagon
    official listing Kyiv, Chernihiv, Kharkiv and the Donbas as targets contests Chernihiv's
    quiet, not Kharkiv's."""
    scope = row.get("scope") or ""
    if row.get("development") in dev_groups:
        return dev_groups[row["development"]]
    if scope.startswith("activity|"):
        zone = scope.rsplit("|", 1)[-1]
        if regions:
            return frozenset(r for r in (region_of(zone),) if r)
        return frozenset(areas_of(zone))
    if scope.startswith("event|"):
        table = index.event_regions if regions else index.event_areas
        return table.get(scope[len("event|"):], frozenset())
    out: set[str] = set()  # a contradiction of another kind: the places of its claims
    for cid in row["claim_ids"]:
        facts = index.facts.get(cid)
        if facts:
            out.update(facts.regions if regions else facts.areas)
    return frozenset(out)


def _groups_of_developments(devs: list[dict], regions: bool) -> dict[str, frozenset[str]]:
    """Development id -> the theatre regions (or areas) of its ends, computed once per
    distinct list of ends."""
    seen: dict[tuple, frozenset[str]] = {}
    out = {}
    for dev in devs:
        places = (*(dev.get("origins") or ()), *(dev.get("destinations") or ()))
        groups = seen.get(places)
        if groups is None:
            groups = seen[places] = frozenset(
                r for r in map(region_of, places) if r) if regions else frozenset(
                area for place in places for area in areas_of(place))
        out[dev["id"]] = groups
    return out


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


def _movement_regions(move: dict) -> tuple:
    """(origin regions, destination regions, kind) of a movement."""
    def regions(place: str | None) -> tuple[str, ...]:
        region = region_of(place) if place else None
        return (region,) if region else ()

    return regions(move.get("origin")), regions(move.get("destination")), move["kind"]


def _movement_areas(move: dict) -> tuple:
    """(origin areas, destination areas, kind) of a movement."""
    def areas(place: str | None) -> tuple[str, ...]:
        return areas_of(place) if place else ()

    return areas(move.get("origin")), areas(move.get("destination")), move["kind"]


def area_activity(index: Index, filters: Filters, area: str) -> tuple[list[dict], list[dict]]:
    """The events in an area and the movements from or to it, under the filters, latest first."""
    events = [e for e in index.event_rows(filters) if area in index.event_areas.get(e["id"], ())]
    moves = [m for m in movement_rows(index, filters)
             if area in _movement_areas(m)[0] + _movement_areas(m)[1]]
    return events[::-1], moves[::-1]


_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians",
                "Strategic developments", "Protests", "Riots"}


def _trend_days(latest: str | None) -> list[str]:
    if not latest:
        return []
    end = date.fromisoformat(latest)
    return [(end - timedelta(days=n)).isoformat() for n in range(TREND_DAYS - 1, -1, -1)]


def activity_level(types: Counter[str], kinds: Counter[str], claims: int) -> int:
    """FIGHTING for battles, STRIKES for strikes and attacks, MOVEMENT for forces moving or any
    other event, QUIET when only named, NO_REPORTS when not even named."""
    if any(types[t] for t in BATTLE_TYPES):
        return FIGHTING
    if types["Explosions/Remote violence"] or types["Violence against civilians"]:
        return STRIKES
    if sum(kinds.values()) or any(types[t] for t in _EVENT_TYPES):
        return MOVEMENT
    return QUIET if claims else NO_REPORTS


def _status(types: Counter[str], kinds: Counter[str]) -> str:
    """Words an analyst would use, most pressing first. Nothing reported is never "quiet": a
    region without reports says "no reports" (region_status), one without events says so."""
    parts = []
    if sum(types[t] for t in AIR_SUBTYPES):
        parts.append("under air attack")
    if sum(types[t] for t in SHELLING_SUBTYPES):
        parts.append("shelled")
    if sum(types[t] for t in BATTLE_TYPES):
        parts.append("fighting")  # not "contested": that word says how sure (a contradiction)
    out_ = sum(v for k, v in kinds.items() if k.startswith("out:") and k[4:] in BACKWARD)
    in_ = sum(v for k, v in kinds.items() if k.startswith("in:") and k[3:] in FORWARD)
    if out_:
        parts.append("forces withdrawing")
    if in_:
        parts.append("reinforcing")
    if not parts and types:
        parts.append("activity reported")
    if not parts and kinds:
        parts.append("forces moving")
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


# -- developments -----------------------------------------------------------------------------


class LazyRows(Sequence):
    """Rows made from stored dicts on first access: a brief shows eight developments of
    thousands, a pane the screenful it paints."""

    def __init__(self, items: list[dict], make: Callable[[dict], object]):
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self._make(item) for item in self._items[position]]
        return self._make(self._items[position])

    def stored(self) -> list[dict]:
        """The stored dicts behind the rows, in the same order."""
        return self._items


@dataclass(slots=True)
class DevelopmentRow:
    """One development as the panes and the brief show it."""

    id: str
    actor: str
    direction: str  # back | forward
    kinds: list[str]
    origin: str | None
    destination: str | None
    first_date: str | None
    last_date: str | None
    reports: int  # claims behind it
    outlets: int
    origins: int  # independent origins
    origin_names: list[str]
    progress: str  # how the reporting went: "assessed, beginning 2022-03-30 -> asserted ..."
    contested: bool
    sizes: list[dict]  # {size, claim_id, source, outlet, date}
    row: dict  # the stored development

    @property
    def route(self) -> str:
        return f"{self.origin or '?'} -> {self.destination or '?'}"

    @property
    def span(self) -> str:
        if self.first_date == self.last_date:
            return self.first_date or "undated"
        return f"{self.first_date or '?'}..{self.last_date or '?'}"

    @property
    def sources_line(self) -> str:
        """ "3 reports, 2 outlets, 2 origins"."""
        return (f"{plural(self.reports, 'report')}, {plural(self.outlets, 'outlet')}, "
                f"{plural(self.origins, 'origin')}")

    @property
    def certainty(self) -> str:
        if self.contested:
            return CONTESTED
        return CORROBORATED if self.origins >= 2 else SINGLE


def development_rows(index: Index, filters: Filters = NO_FILTERS,
                     newest_first: bool = False) -> LazyRows:
    """Developments (DevelopmentRow) resting on a passing claim, in date order: by their first
    report, the oldest first; or by their last report, the newest first (undated last either
    way), as the timeline runs."""
    rows = index.development_rows(filters)
    if newest_first:
        rows = index.memo(("developments newest first", filters), lambda: _latest_first(rows))
    return LazyRows(rows, lambda d: _development_row(index, d))


def _latest_first(rows: list[dict], day: str = "last_date") -> list[dict]:
    """Rows by their `day` field, the latest first; undated last."""
    dated = [d for d in rows if d.get(day)]
    undated = [d for d in rows if not d.get(day)]
    return sorted(dated, key=lambda d: (d[day], d["id"]), reverse=True) + undated


def development_row(index: Index, dev_id: str) -> DevelopmentRow | None:
    """One development as the panes show it, by id (None when it is gone)."""
    dev = index.development(dev_id)
    return _development_row(index, dev) if dev is not None else None


def development_contradictions(index: Index, dev_id: str) -> list[ContradictionRow]:
    """The contradictions about a development (its wording or its sizes)."""
    return [_contradiction_row(index, row) for row in index.contested().get(dev_id, ())]


def _development_row(index: Index, dev: dict) -> DevelopmentRow:
    built = index.derived("development row cache", dict)
    row = built.get(dev["id"])
    if row is None:
        contested = index.contested()
        row = built[dev["id"]] = DevelopmentRow(
            id=dev["id"], actor=dev["actor"], direction=dev["direction"], kinds=dev["kinds"],
            origin=dev.get("origin"), destination=dev.get("destination"),
            first_date=dev.get("first_date"), last_date=dev.get("last_date"),
            reports=len(dev["claim_ids"]), outlets=len(dev["outlets"]),
            origins=len(dev["origin_keys"]),
            origin_names=[index.origin_name(k) for k in dev["origin_keys"]],
            progress=progression_line(development_progression(index, dev)),
            contested=dev["id"] in contested,
            sizes=[_size_row(index, s) for s in dev.get("sizes") or ()],
            row=dev,
        )
    return row


def _size_row(index: Index, size: dict) -> dict:
    claim = index.claims.get(size["claim_id"]) or {}
    doc = index.documents.get(claim.get("doc_id", ""), {})
    source = claim.get("source")
    return {"size": size["size"], "claim_id": size["claim_id"],
            "source": (index.speaker_name(index.speaker_key_of(size["claim_id"]))
                       or source), "outlet": doc.get("outlet"), "date": claim.get("date")}


def development_progression(index: Index, dev: dict) -> list[dict]:
    """How a development's reporting went, claim by claim (developments.progression)."""
    moves = index.derived("movements by id", lambda: {m["id"]: m for m in index.movements})
    return progression(dev, moves, index.claims)


def key_developments(index: Index, filters: Filters = NO_FILTERS) -> LazyRows:
    """Developments, the best attested first: most independent origins, then outlets, reports,
    the most recent, and a contested one before one that is not."""
    contested = index.contested()

    def rank(dev: dict) -> tuple:
        return (-len(dev["origin_keys"]), -len(dev["outlets"]), -len(dev["claim_ids"]),
                _neg_date(dev.get("last_date")), dev["id"] not in contested, dev["id"])

    ordered = index.memo(("key developments", filters), lambda: sorted(
        index.development_rows(filters), key=rank))
    return LazyRows(ordered, lambda d: _development_row(index, d))


def _neg_date(day: str | None) -> tuple:
    return tuple(-ord(c) for c in (day or ""))


def development_reports(index: Index, dev_id: str) -> list[dict]:
    """Every report behind a development, in date order: the sentence, its speaker and side,
    outlet and date, the movement kind, stated size, stance and phase."""
    dev = index.development(dev_id)
    if dev is None:
        return []
    moves = index.derived("movements by id", lambda: {m["id"]: m for m in index.movements})
    steps = {p["claim_id"]: p for p in development_progression(index, dev)}
    out, seen = [], set()
    for move_id in dev["movement_ids"]:
        move = moves.get(move_id)
        if move is None or move.get("claim_id") in seen:
            continue
        seen.add(move.get("claim_id"))
        claim = index.claims.get(move.get("claim_id") or "") or {}
        doc = index.documents.get(move.get("doc_id", ""), {})
        step = steps.get(move.get("claim_id") or "", {})
        out.append({
            "claim_id": move.get("claim_id"), "date": move.get("date") or claim.get("date"),
            "text": claim.get("text", ""), "outlet": doc.get("outlet"),
            "speaker": index.speaker_name(index.speaker_key_of(claim.get("id", "")))
            or claim.get("source"),
            "side": index.claim_side(claim.get("id", "")), "kind": move["kind"],
            "from": move.get("origin"), "to": move.get("destination"), "size": move.get("size"),
            "stance": step.get("stance", "assessed" if move.get("hedged") else "asserted"),
            "phase": step.get("phase", "reported"),
        })
    out.sort(key=lambda r: (r["date"] or "~"))
    return out


# -- contradictions ---------------------------------------------------------------------------


@dataclass(slots=True)
class ContradictionRow:
    id: str
    kind: str
    date: str | None
    why: str
    claim_ids: list[str]
    development: str | None
    row: dict


def contradiction_rows(index: Index, filters: Filters = NO_FILTERS,
                       newest_first: bool = False) -> LazyRows:
    """Contradictions (ContradictionRow) with a passing claim, in date order (the latest first
    when `newest_first`, as the timeline runs), each with its one-line why."""
    rows = index.contradiction_rows(filters)
    if newest_first:
        rows = index.memo(("contradictions newest first", filters),
                          lambda: _latest_first(rows, "date"))
    return LazyRows(rows, lambda c: _contradiction_row(index, c))


def key_contradictions(index: Index, filters: Filters = NO_FILTERS) -> LazyRows:
    """Contradictions, those resting on the most reports first, then by date."""
    ordered = index.memo(("key contradictions", filters), lambda: sorted(
        index.contradiction_rows(filters),
        key=lambda c: (-len(c["claim_ids"]), c.get("date") or "~", c["id"])))
    return LazyRows(ordered, lambda c: _contradiction_row(index, c))


def contradiction_row(index: Index, contradiction_id: str) -> ContradictionRow | None:
    """One contradiction by id (None when it is gone)."""
    stored = index.derived("contradictions by id", lambda: {
        c["id"]: c for c in index.contradictions}).get(contradiction_id)
    return _contradiction_row(index, stored) if stored is not None else None


def _contradiction_row(index: Index, row: dict) -> ContradictionRow:
    built = index.derived("contradiction row cache", dict)
    found = built.get(row["id"])
    if found is None:
        found = built[row["id"]] = ContradictionRow(
            row["id"], row["kind"], row.get("date"), contradiction_why(index, row),
            row["claim_ids"], row.get("development"), row)
    return found


def contradiction_why(index: Index, row: dict) -> str:
    devs = {row["development"]: index.development(row["development"]) or {}} \
        if row.get("development") else {}
    return why(row, index.claims, index.documents, lambda claim: _speaker_words(index, claim),
               devs)


def _speaker_words(index: Index, claim: dict) -> str:
    """A speaker as a contradiction names them: name, and role when the copy gives one."""
    if not claim:
        return "someone"
    name = index.speaker_name(index.speaker_key_of(claim.get("id", ""))) or \
        claim.get("source") or "someone"
    role = claim.get("source_role")
    return f"{name} ({role})" if role and len(role) <= 40 else name


def contradiction_sides(index: Index, row: dict) -> list[dict]:
    """The claims of a contradiction side by side: sentence, speaker, side, outlet, date, grade
    and status, the two it is about first. Each says which side of the dispute it is on
    (`part` 0 or 1) and in what `role` ("announced" / "reported", "describes" / "denies",
    "states")."""
    parts = row.get("parts") or []
    first = [p["claim_id"] for p in parts]
    ordered = list(dict.fromkeys(first + list(row["claim_ids"])))
    part_of = _parts_of(index, row)
    out = []
    for cid in ordered:
        claim = index.claims.get(cid)
        if claim is None:
            continue
        judgement = index.judgement(cid)
        grade = (judgement.get("reliability") or "") + (judgement.get("credibility") or "")
        part = part_of.get(cid, 1)
        role = parts[part]["role"] if len(parts) > part else ""
        out.append({"claim_id": cid, "text": claim["text"],
                    "speaker": _speaker_words(index, claim), "side": index.claim_side(cid),
                    "outlet": index.document_of(cid).get("outlet"), "date": claim.get("date"),
                    "status": judgement["status"], "grade": grade or None, "part": part,
                    "role": role})
    return out


def _parts_of(index: Index, row: dict) -> dict[str, int]:
    """claim id -> 0 or 1, the side of the dispute it is on. A contradiction lists the claims
    of its first side, then those of the second, starting with the second part's claim; the
    extra sizes of a size dispute go with the figure they agree with."""
    parts = row.get("parts") or []
    ids = list(row["claim_ids"])
    if len(parts) < 2:
        return dict.fromkeys(ids, 0)
    a, b = parts[0]["claim_id"], parts[1]["claim_id"]
    split = ids.index(b) if b in ids else len(ids)
    out = {cid: 0 if n < split else 1 for n, cid in enumerate(ids)}
    out[a], out[b] = 0, 1
    dev = index.development(row.get("development") or "") if row.get("kind") == "figures" \
        else None
    if dev:
        stated = {s["claim_id"]: parse_figure(s["size"], "troops") for s in dev.get("sizes") or ()}
        fa, fb = stated.get(a), stated.get(b)
        for cid in ids:
            figure = stated.get(cid)
            if cid not in (a, b) and figure and fa and fb:
                out[cid] = 0 if disagree(figure, fb) and not disagree(figure, fa) else 1
    return out
