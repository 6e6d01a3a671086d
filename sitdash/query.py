"""In-memory indexes and filters over a loaded store: what every pane asks for its rows.

The store's tables are loaded once; `Index` builds lookups once (claims by region, source, event
type, day; a lowercase search text per claim) so a filter over tens of thousands of claims is a
few set operations, never a scan of TinyDB. `matches()` is the plain definition of a filter: the
indexes must return exactly the claims it accepts (tests check that with random stores).
"""

from __future__ import annotations

import re
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Any

from sitdash.gcpause import gc_paused
from sitdash.ingest.events import where
from sitdash.ingest.places import AREA_REGION, REGIONS, areas_of, lookup, specific_places
from sitdash.model import SIDES, STATUSES
from sitdash.speakers import UNKNOWN, origin_label, speaker_key, speaker_rows
from sitdash.stamps import parse_stamp

UNVERIFIED = "unverified"
_WORD = re.compile(r"\w+")
MEMO_SIZE = 64  # answers kept per index: several panes and keystrokes of filters
# Typing one more letter rescans the last answer's texts while it is this small; past it the
# word index is quicker (a scan costs ~0.5 us a claim, the word index ~0.1 us a vocabulary word).
NARROW_SCAN_LIMIT = 4000
_ONE_WORD = re.compile(r"\w+\Z")


@dataclass(frozen=True, slots=True)
class Filters:
    """What the analyst narrowed the view to. Empty sets mean "any"."""

    text: str = ""
    regions: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    date_from: str | None = None  # inclusive, YYYY-MM-DD
    date_to: str | None = None  # inclusive, YYYY-MM-DD
    needs_review: bool = False
    new_only: bool = False  # only claims ingested since the analyst's last review
    include_undated: bool = False  # a date range also lets undated claims through
    sides: frozenset[str] = frozenset()  # model.SIDES codes of the speakers' sides
    statuses: frozenset[str] = frozenset()  # verification statuses (model.STATUSES)

    def is_empty(self) -> bool:
        return self == Filters() or self == Filters(include_undated=True)

    @property
    def has_dates(self) -> bool:
        return bool(self.date_from or self.date_to)

    def chip_parts(self, undated_hidden: int = 0) -> list[tuple[str, tuple[str, ...]]]:
        """(label, values) for each active filter: ("region", ("east", "north")). Text, date,
        review and new filters have no label and one value ("/kyiv"), so they are never
        summarised (the date chip says how many undated claims the range hides, when told)."""
        parts: list[tuple[str, tuple[str, ...]]] = []
        if self.text:
            parts.append(("", (f"/{self.text}",)))
        for label, values in (("region", self.regions), ("source", self.sources)):
            if values:
                parts.append((label, tuple(sorted(values))))
        if self.sides:
            parts.append(("side", tuple(SIDES[s] for s in SIDES if s in self.sides)))
        if self.types:
            parts.append(("type", tuple(sorted(self.types))))
        if self.date_from or self.date_to:
            parts.append(("", (f"date: {self.date_from or '…'}..{self.date_to or '…'}"
                               + (" +undated" if self.include_undated else "")
                               + (f", {undated_hidden} undated hidden" if undated_hidden
                                  else ""),)))
        if self.needs_review:
            parts.append(("", ("needs review",)))
        if self.new_only:
            parts.append(("", ("new only",)))
        if self.statuses:
            parts.append(("status", tuple(s for s in STATUSES if s in self.statuses)))
        return parts

    def chips(self, undated_hidden: int = 0) -> list[str]:
        """Short labels for the header, one per active filter: "region: east, north"."""
        return [f"{label}: {', '.join(values)}" if label else values[0]
                for label, values in self.chip_parts(undated_hidden)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "regions": sorted(self.regions),
            "sources": sorted(self.sources),
            "types": sorted(self.types),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "needs_review": self.needs_review,
            "new_only": self.new_only,
            "include_undated": self.include_undated,
            "sides": [s for s in SIDES if s in self.sides],
            "statuses": [s for s in STATUSES if s in self.statuses],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Filters:
        """Filters saved by an earlier run; anything malformed is dropped, not fatal."""
        if not isinstance(data, dict):
            return cls()

        def strings(key: str) -> frozenset[str]:
            value = data.get(key)
            if not isinstance(value, list):
                return frozenset()
            return frozenset(v for v in value if isinstance(v, str))

        def optional_str(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        text = data.get("text")
        return cls(
            text=text if isinstance(text, str) else "",
            regions=strings("regions"),
            sources=strings("sources"),
            types=strings("types"),
            date_from=optional_str("date_from"),
            date_to=optional_str("date_to"),
            needs_review=data.get("needs_review") is True,
            new_only=data.get("new_only") is True,
            include_undated=data.get("include_undated") is True,
            sides=frozenset(s for s in strings("sides") if s in SIDES),
            statuses=frozenset(s for s in strings("statuses") if s in STATUSES),
        )

    def with_(self, **changes: Any) -> Filters:
        return replace(self, **changes)


NO_FILTERS = Filters()  # Filters is immutable, so one shared "no filter" value is safe


@lru_cache(maxsize=65536)
def region_of(place: str) -> str | None:
    info = lookup(place)
    return info.region if info else None


@lru_cache(maxsize=65536)
def area_set(places: tuple[str, ...]) -> frozenset[str]:
    """The oblast-level areas of some places (see places.areas_of)."""
    return frozenset(area for place in places for area in areas_of(place))


def source_keys(names: frozenset[str]) -> frozenset[str]:
    """The speaker identities a sources filter names: any spelling of a speaker picks every
    claim of that speaker (sitdash/speakers.py), whatever kind of source it is."""
    return frozenset(speaker_key(name, kind) for name in names
                     for kind in ("named official", "institution", "anonymous official"))


@dataclass(slots=True)
class ClaimFacts:
    """What a filter needs to know about one claim, precomputed once."""

    claim: dict
    regions: frozenset[str]  # theatre regions: "east", "Belarus"
    types: frozenset[str]
    outlet: str = ""
    status: str = UNVERIFIED
    new: bool = False  # ingested since the analyst's last review
    _search: str | None = None
    areas: frozenset[str] = frozenset()  # oblast-level areas: "Kharkiv Oblast", "Belarus"
    # speaker key -> side, shared by every claim of one index (the analyst's corrections first)
    sides: dict[str, str] = field(default_factory=dict)

    @property
    def speaker(self) -> str:
        """The speaker's identity (speakers.speaker_key), every spelling alike."""
        claim = self.claim
        return speaker_key(claim.get("source") or "", claim.get("source_kind") or "")

    @property
    def side(self) -> str:
        """The speaker's side: the analyst's, else the inferred one."""
        return self.sides.get(self.speaker, UNKNOWN)

    @property
    def search_text(self) -> str:
        """Lowercase text the `/` filter looks in: sentence, source, outlet, places (made on
        first use, so start-up does not pay for it)."""
        if self._search is None:
            claim = self.claim
            self._search = " ".join((claim.get("text", ""), claim.get("source", ""),
                                     self.outlet, *(claim.get("places") or ()))).lower()
        return self._search


def matches(facts: ClaimFacts, filters: Filters) -> bool:
    """The definition of a filter, one claim at a time (the slow, obviously right way)."""
    if filters.text and filters.text.lower() not in facts.search_text:
        return False
    # A region filter names theatres ("east": every oblast in it) or areas ("Kharkiv Oblast").
    if filters.regions and not (facts.regions & filters.regions or facts.areas & filters.regions):
        return False
    if filters.sources and facts.speaker not in source_keys(filters.sources):
        return False
    if filters.sides and facts.side not in filters.sides:
        return False
    if filters.types and not (facts.types & filters.types):
        return False
    date = facts.claim.get("date")
    if date or not filters.include_undated:
        if filters.date_from and (not date or date < filters.date_from):
            return False
        if filters.date_to and (not date or date > filters.date_to):
            return False
    if filters.needs_review and facts.status != UNVERIFIED:
        return False
    if filters.new_only and not facts.new:
        return False
    if filters.statuses and facts.status not in filters.statuses:
        return False
    return True


@dataclass
class Index:
    """A loaded store with its lookups: built once per load; analyst data refreshes cheaply."""

    documents: dict[str, dict]
    claims: dict[str, dict]
    quotes: list[dict]
    movements: list[dict]
    events: list[dict]
    judgements: dict[str, dict] = field(default_factory=dict)
    notes: dict[str, list[dict]] = field(default_factory=dict)  # claim id -> notes
    review: dict | None = None  # the analyst's last review mark (what "new" counts from)
    developments: list[dict] = field(default_factory=list)
    contradictions: list[dict] = field(default_factory=list)
    speakers: list[dict] = field(default_factory=list)
    speaker_sides: dict[str, str] = field(default_factory=dict)  # the analyst's corrections

    def __post_init__(self) -> None:
        with gc_paused():
            if not self.speakers and self.claims:  # a store from before speakers were kept
                self.speakers = speaker_rows(self.claims.values(), self.documents)
            self._build()

    @classmethod
    def from_store(cls, store: Any, analyst: bool = True) -> Index:
        """The store's tables indexed. `analyst=False` leaves notes, judgements, speakers' sides
        and the review mark out (a worker thread builds the index; the UI thread adds them, see
        update_analyst and set_review)."""
        notes: dict[str, list[dict]] = defaultdict(list)
        for note in store.notes() if analyst else ():
            notes[note["claim_id"]].append(note)
        review_mark = getattr(store, "review_mark", None)
        # rows() hands over the stored dicts without copying; the index never modifies them.
        return cls(
            documents={d["id"]: d for d in store.rows("documents")},
            claims={c["id"]: c for c in store.rows("claims")},
            quotes=store.rows("quotes"),
            movements=store.rows("movements"),
            events=store.rows("events"),
            judgements=store.judgements() if analyst else {},
            notes=dict(notes),
            review=review_mark() if analyst and review_mark else None,
            developments=store.rows("developments"),
            contradictions=store.rows("contradictions"),
            speakers=store.rows("speakers"),
            speaker_sides=store.speaker_sides() if analyst else {},
        )

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        types_by_claim: dict[str, set[str]] = defaultdict(set)
        for event in self.events:
            # The type filter works on what the timeline shows: the ACLED sub-event type
            # ("Air/drone strike"), or the type where an event has no sub-type.
            kind = event_kind(event)
            for cid in event.get("claim_ids", ()):
                types_by_claim[cid].add(kind)
        outlets = {doc_id: (doc.get("outlet") or "") for doc_id, doc in self.documents.items()}
        region_sets: dict[tuple, tuple] = {}  # places tuple -> (regions, areas), computed once
        no_types: frozenset[str] = frozenset()

        # Claims in timeline order: dated first by date, then undated, stable within a document.
        claims = self.claims.values()
        dated = [c for c in claims if c.get("date")]
        undated = [c for c in claims if not c.get("date")]
        dated.sort(key=itemgetter("date", "doc_id", "start"))  # itemgetter keys sort in C
        undated.sort(key=itemgetter("doc_id", "start"))
        ordered = dated + undated
        self.order: list[str] = [c["id"] for c in ordered]
        self.facts: dict[str, ClaimFacts] = {}
        self.by_region: dict[str, set[str]] = defaultdict(set)
        self.by_source: dict[str, set[str]] = defaultdict(set)
        self.by_type: dict[str, set[str]] = defaultdict(set)
        self._search_texts: list[str] | None = None  # made on the first text filter or warm()
        # (regions, areas, day) of each claim, what region and area counts and trends are made
        # of, as a small int per claim (counting ints is several times faster than tuples).
        self.region_day_keys: list[tuple[frozenset[str], frozenset[str], str | None]] = []
        self.region_day: dict[str, int] = {}
        key_ids: dict[tuple, int] = {}
        facts_of, by_source, by_region = self.facts, self.by_source, self.by_region
        region_day, day_keys = self.region_day, self.region_day_keys
        claims_about: dict[tuple, list[str]] = {}  # (regions, areas) -> claim ids
        self.speaker_rows: dict[str, dict] = {row["key"]: row for row in self.speakers}
        sides = self._side_of_key = {}  # filled by _apply_sides, read by every ClaimFacts
        for claim in ordered:
            cid = claim["id"]
            # less the countries and capitals it names only as actors ("Russia says")
            places = tuple(where(claim))
            known = region_sets.get(places)
            if known is None:
                # The regions and areas a claim is about: those of the specific places it names.
                specific = tuple(specific_places(places))
                known = region_sets[places] = (
                    frozenset(r for r in map(region_of, specific) if r), area_set(specific))
            regions, areas = known
            types = frozenset(types_by_claim[cid]) if cid in types_by_claim else no_types
            facts_of[cid] = ClaimFacts(claim, regions, types, outlets.get(claim["doc_id"], ""),
                                       UNVERIFIED, False, None, areas, sides)
            about = claims_about.get(known)
            if about is None:
                about = claims_about[known] = []
            about.append(cid)
            by_source[claim["source"] + "\0" + (claim.get("source_kind") or "")].add(cid)
            for etype in types:
                self.by_type[etype].add(cid)
            key = (regions, areas, claim["date"])
            number = key_ids.get(key)
            if number is None:
                number = key_ids[key] = len(day_keys)
                day_keys.append(key)
            region_day[cid] = number
        # Region and area members, a set update per distinct place list (not an add a claim).
        # Area names never clash with theatre names but "Belarus", whose claims are the same.
        for (regions, areas), cids in claims_about.items():
            for name in regions | areas:
                by_region[name].update(cids)
        self.events_in_order = sorted(self.events, key=_event_order)
        self.event_regions = {e["id"]: frozenset(r for r in map(region_of, e.get("places") or ())
                                                 if r) for e in self.events}
        self.event_areas = {e["id"]: area_set(tuple(e.get("places") or ())) for e in self.events}
        self._group_speakers()
        self._apply_judgements()
        self._apply_review()
        self._apply_sides()
        self._text_cache: tuple[str, list[str]] | None = None
        self._words: dict[str, list[int]] | None = None  # word -> positions, built by warm()
        self._memo: OrderedDict[Any, Any] = OrderedDict()  # answers per filter; see memo()
        self._derived: dict[Any, Any] = {}  # see derived()

    def memo(self, key: Any, compute: Any) -> Any:
        """`compute()` once per key until analyst data changes; panes repaint from the memo.
        Keys hold the Filters, so a pane and the one beside it share each other's work. The
        least recently used answers are dropped first (typing a word makes several a second)."""
        memo = self._memo
        if key in memo:
            memo.move_to_end(key)
            return memo[key]
        value = memo[key] = compute()
        if len(memo) > MEMO_SIZE:
            memo.popitem(last=False)
        return value

    def derived(self, key: Any, compute: Any) -> Any:
        """`compute()` once per key for the life of the index: orderings and lookup tables that
        depend on the stored rows alone, never on filters or analyst data."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def _apply_judgements(self) -> None:
        """Statuses onto the claims' facts: only judged claims (and those judged before) change."""
        for cid in getattr(self, "reviewed", ()):
            self.facts[cid].status = UNVERIFIED
        self.reviewed: set[str] = set()
        for cid, judgement in self.judgements.items():
            facts = self.facts.get(cid)
            if facts is None:
                continue  # a judgement on a claim that is gone: kept by the store, not shown
            facts.status = (judgement or {}).get("status") or UNVERIFIED
            if facts.status != UNVERIFIED:
                self.reviewed.add(cid)

    def _apply_review(self) -> None:
        """Mark the claims of documents ingested after the review mark as new (all documents
        with an ingest time when there is no mark; documents without one are never new)."""
        for cid in getattr(self, "new_claims", ()):
            self.facts[cid].new = False
        upto = parse_stamp((self.review or {}).get("upto"))
        self.new_documents: set[str] = set()
        for doc_id, doc in self.documents.items():
            stamp = parse_stamp(doc.get("ingested"))
            if stamp is not None and (upto is None or stamp > upto):
                self.new_documents.add(doc_id)
        new_docs = self.new_documents
        self.new_claims: set[str] = {cid for cid, claim in self.claims.items()
                                     if claim.get("doc_id") in new_docs} if new_docs else set()
        for cid in self.new_claims:
            self.facts[cid].new = True

    def set_review(self, mark: dict | None) -> None:
        """Take a new review mark (after ctrl+r, or one another session set)."""
        if mark == self.review:
            return
        self.review = mark
        self._apply_review()
        self._memo.clear()

    def latest_ingest(self) -> str | None:
        """The latest ingest time among the documents loaded: what a review of this view covers
        (a document stored after the view was loaded stays new)."""
        latest, best = None, None
        for doc in self.documents.values():
            stamp = parse_stamp(doc.get("ingested"))
            if stamp is not None and (best is None or stamp > best):
                latest, best = doc["ingested"], stamp
        return latest

    def is_new(self, claim_id: str | None) -> bool:
        return bool(claim_id) and claim_id in self.new_claims

    def undated_count(self, filters: Filters) -> int:
        """Undated claims that pass every filter but the date range."""
        others = filters.with_(date_from=None, date_to=None, include_undated=False)
        return self.memo(("undated", others), lambda: sum(
            1 for cid in self.claim_ids(others) if not self.claims[cid].get("date")))

    def undated_hidden(self, filters: Filters) -> int:
        """The undated claims a date range hides (0 when it includes them, or has no range)."""
        if not filters.has_dates or filters.include_undated:
            return 0
        return self.undated_count(filters)


    def _group_speakers(self) -> None:
        """Claims by speaker (every spelling of one speaker together): by_source was filled
        by the spelling and kind of source each claim has; each is looked up once."""
        by_spelling = self.by_source  # "spelling\0kind" -> claim ids
        self.by_source = defaultdict(set)
        self.source_names: dict[str, str] = {}  # spelling -> speaker key
        for name_kind, cids in by_spelling.items():
            name, _, kind = name_kind.partition("\0")
            key = speaker_key(name, kind)
            self.source_names.setdefault(name, key)
            self.by_source[key] |= cids

    def speaker_key_of(self, claim_id: str) -> str:
        facts = self.facts.get(claim_id)
        return facts.speaker if facts else ""

    def _apply_sides(self) -> None:
        """Each speaker's side, as the analyst corrected it or as inferred (every ClaimFacts
        reads this one dict), and the claims of each side."""
        sides = self._side_of_key
        sides.clear()
        sides.update({key: row.get("side") or UNKNOWN for key, row in self.speaker_rows.items()})
        sides.update(self.speaker_sides)
        self.by_side: dict[str, set[str]] = defaultdict(set)
        for key, cids in self.by_source.items():
            self.by_side[sides.get(key, UNKNOWN)] |= cids

    def update_analyst(self, judgements: dict[str, dict], notes: list[dict],
                       speaker_sides: dict[str, str] | None = None) -> None:
        """Take fresh analyst data (after a note, status or side change) without rebuilding
        indexes. `speaker_sides` None leaves the sides as they were."""
        grouped: dict[str, list[dict]] = defaultdict(list)
        for note in notes:
            grouped[note["claim_id"]].append(note)
        self.judgements = judgements
        self.notes = dict(grouped)
        self._apply_judgements()
        if speaker_sides is not None and speaker_sides != self.speaker_sides:
            self.speaker_sides = dict(speaker_sides)
            self._apply_sides()
        self._memo.clear()

    # -- filtering ------------------------------------------------------------------------

    @property
    def search_texts(self) -> list[str]:
        """Each claim's search text, in timeline order."""
        if self._search_texts is None:
            with gc_paused():
                self._search_texts = [self.facts[cid].search_text for cid in self.order]
        return self._search_texts

    def warm(self) -> None:
        """Build the word index for text filters (about 0.3 s at 50k claims): call it from a
        worker after the first frame; until it exists, text filters scan."""
        if self._words is not None:
            return
        words: dict[str, list[int]] = {}
        texts = self.search_texts
        with gc_paused():
            for position, text in enumerate(texts):
                for word in set(_WORD.findall(text)):
                    found = words.get(word)
                    if found is None:
                        words[word] = [position]
                    else:
                        found.append(position)
        self._words = words

    def _text_matches(self, text: str) -> list[str]:
        """Claim ids (in order) whose search text contains `text`; narrows from the last query."""
        needle = text.lower()
        one_word = self._words is not None and _ONE_WORD.match(needle)
        if (self._text_cache and needle.startswith(self._text_cache[0])
                and (not one_word or len(self._text_cache[1]) <= NARROW_SCAN_LIMIT)):
            candidates = self._text_cache[1]  # typing one more letter only narrows
            hits = [cid for cid in candidates if needle in self.facts[cid].search_text]
        elif one_word:
            # A run of word characters can only occur inside one word of the text, so the
            # claims holding it are those of the vocabulary words that contain it.
            positions: set[int] = set()
            for word, found in self._words.items():
                if needle in word:
                    positions.update(found)
            order = self.order
            hits = [order[i] for i in sorted(positions)]
        else:
            order = self.order
            hits = [order[i] for i, s in enumerate(self.search_texts) if needle in s]
        self._text_cache = (needle, hits)
        return hits

    def claim_ids(self, filters: Filters) -> list[str]:
        """Ids of the claims that pass `filters`, in timeline order."""
        return self.memo(("ids", filters), lambda: self._claim_ids(filters))

    def _claim_ids(self, filters: Filters) -> list[str]:
        sets: list[set[str]] = []
        if filters.regions:
            sets.append(set().union(*(self.by_region.get(r, set()) for r in filters.regions)))
        if filters.sources:
            keys = source_keys(filters.sources)
            sets.append(set().union(*(self.by_source.get(k, set()) for k in keys)))
        if filters.sides:
            sets.append(set().union(*(self.by_side.get(s, set()) for s in filters.sides)))
        if filters.types:
            sets.append(set().union(*(self.by_type.get(t, set()) for t in filters.types)))
        if filters.new_only:
            sets.append(self.new_claims)
        if filters.text:
            base = self._text_matches(filters.text)
        else:
            base = self.order
        if sets:
            allowed = set.intersection(*sets)
            base = [cid for cid in base if cid in allowed]
        if filters.date_from or filters.date_to or filters.needs_review:
            lo, hi = filters.date_from, filters.date_to
            reviewed = self.reviewed if filters.needs_review else ()
            undated_pass = filters.include_undated
            out = []
            for cid in base:
                date = self.claims[cid].get("date")
                if not date:
                    if (lo or hi) and not undated_pass:
                        continue
                elif (lo and date < lo) or (hi and date > hi):
                    continue
                if cid in reviewed:
                    continue
                out.append(cid)
            base = out
        if filters.statuses:
            facts, wanted = self.facts, filters.statuses
            base = [cid for cid in base if facts[cid].status in wanted]
        return list(base)

    def claim_rows(self, filters: Filters) -> list[dict]:
        return [self.claims[cid] for cid in self.claim_ids(filters)]

    def passing(self, filters: Filters) -> set[str] | None:
        """The set of claim ids passing `filters`, or None when nothing is filtered."""
        if filters.is_empty():
            return None
        return self.memo(("passing", filters), lambda: set(self.claim_ids(filters)))

    def event_rows(self, filters: Filters) -> list[dict]:
        """Events with at least one claim passing the filters, in date order."""
        passing = self.passing(filters)
        if passing is None:
            return list(self.events_in_order)
        return self.memo(("events", filters), lambda: self._events_of(passing))

    def _events_of(self, passing: set[str]) -> list[dict]:
        return self.rows_of_claims("events", self.events_in_order, passing)

    def rows_of_claims(self, name: str, rows: list[dict], passing: set[str] | None) -> list[dict]:
        """The rows (events, quotes, movements; `rows` in display order) that rest on a passing
        claim, in the same order. A narrow filter goes from its few claims to their rows; a
        broad one keeps the passing rows of the whole list, in C."""
        if passing is None:
            return list(rows)
        if len(passing) * 8 >= len(rows):
            row_of, claim_of = self.derived((name, "claim pairs", id(rows), len(rows)),
                                            lambda: _claim_pairs(rows))
            if len(row_of) == len(rows):  # one claim a row (quotes, movements): one pass in C
                return list(compress(rows, map(passing.__contains__, claim_of)))
            # A row (an event) passes when any of its claims does.
            hit = set(compress(row_of, map(passing.__contains__, claim_of)))
            return list(compress(rows, map(hit.__contains__, range(len(rows)))))
        by_claim, position = self.derived((name, "by claim", id(rows), len(rows)),
                                       lambda: _rows_by_claim(rows))
        picked = {id(r): r for cid in passing for r in by_claim.get(cid, ())}
        return [picked[key] for key in sorted(picked, key=position.__getitem__)]

    def quote_rows(self, filters: Filters) -> list[dict]:
        return self.rows_of_claims("quotes", self.quotes, self.passing(filters))

    def movement_rows(self, filters: Filters) -> list[dict]:
        return self.rows_of_claims("movements", self.movements, self.passing(filters))

    # -- lookups for the panes and pickers --------------------------------------------------

    def options(self, kind: str) -> list[tuple[str, int]]:
        """Values a picker offers for `kind` (region, source, side, type), with claim counts.
        Regions come as each theatre followed by its areas, most claims first; sources under
        each speaker's name (one entry for all its spellings); sides by their code (model.SIDES
        gives the label)."""
        if kind == "source":
            counted = [(self.speaker_name(k), len(v)) for k, v in self.by_source.items() if v]
            return sorted(((n, c) for n, c in counted if n), key=lambda kv: (-kv[1], kv[0]))
        if kind == "side":
            return [(s, len(self.by_side.get(s, ()))) for s in SIDES if self.by_side.get(s)]
        table = {"region": self.by_region, "type": self.by_type}[kind]
        ranked = sorted(((k, len(v)) for k, v in table.items() if k),
                        key=lambda kv: (-kv[1], kv[0]))
        if kind != "region":
            return ranked
        theatres = [kv for kv in ranked if kv[0] in REGIONS]
        grouped = []
        for theatre in theatres + [(None, 0)]:
            if theatre[0] is not None:
                grouped.append(theatre)
            grouped += [kv for kv in ranked if kv[0] not in REGIONS and kv[0] != theatre[0]
                        and AREA_REGION.get(kv[0]) == theatre[0]]
        return grouped

    # -- speakers, developments, contradictions ---------------------------------------------

    def speaker_name(self, key: str) -> str:
        """A speaker's name: the spelling most of its claims use."""
        row = self.speaker_rows.get(key)
        if row is not None:
            return row["name"]
        return next((n for n, k in self.source_names.items() if k == key), "")

    def speaker_of(self, source: str) -> dict | None:
        """The speaker row (model.Speaker) of a source as a claim spells it."""
        key = self.source_names.get(source)
        if key is None:
            keys = source_keys(frozenset({source})) & self.speaker_rows.keys()
            key = min(keys) if keys else None
        return self.speaker_rows.get(key) if key else None

    def side_of(self, source: str) -> str:
        """The side of a speaker (by any spelling): the analyst's, else the inferred one."""
        row = self.speaker_of(source)
        return self._side_of_key.get(row["key"], UNKNOWN) if row else UNKNOWN

    def speaker_side(self, key: str) -> str:
        return self._side_of_key.get(key, UNKNOWN)

    def claim_side(self, claim_id: str) -> str:
        facts = self.facts.get(claim_id)
        return facts.side if facts else UNKNOWN

    def origin_name(self, key: str) -> str:
        """How an origin reads: a body, wire or outlet, or the speaker's current name."""
        if key[:2] in ("p:", "d:"):
            return self.speaker_name(key) or origin_label(key)
        return origin_label(key)

    def development(self, dev_id: str) -> dict | None:
        return self.derived("developments by id",
                            lambda: {d["id"]: d for d in self.developments}).get(dev_id)

    def development_rows(self, filters: Filters) -> list[dict]:
        """Developments resting on at least one passing claim, in date order."""
        ordered = self.derived("ordered developments", lambda: sorted(
            self.developments, key=lambda d: (d.get("first_date") or "~", d["id"])))
        passing = self.passing(filters)
        if passing is None:
            return ordered
        return self.memo(("developments", filters), lambda: self.rows_of_claims(
            "developments", ordered, passing))

    def contradiction_rows(self, filters: Filters) -> list[dict]:
        """Contradictions with at least one passing claim, in date order."""
        ordered = self.derived("ordered contradictions", lambda: sorted(
            self.contradictions, key=lambda c: (c.get("date") or "~", c["kind"], c["id"])))
        passing = self.passing(filters)
        if passing is None:
            return ordered
        return self.memo(("contradictions", filters), lambda: self.rows_of_claims(
            "contradictions", ordered, passing))

    def contested(self) -> dict[str, list[dict]]:
        """Development id -> the contradictions about it (a characterisation or size dispute).
        A side's announced de-escalation against strikes there is about the side's word, not
        about a movement: it marks no development, even one that shares a sentence with it
        ("Ukraine pushed back Russian forces around Kyiv amid fierce battles")."""
        def build() -> dict[str, list[dict]]:
            out: dict[str, list[dict]] = defaultdict(list)
            for row in self.contradictions:
                if row.get("development"):
                    out[row["development"]].append(row)
            return dict(out)
        return self.derived("contested", build)

    def dates(self) -> list[str]:
        return sorted({c["date"] for c in self.claims.values() if c.get("date")})

    def document_of(self, claim_id: str) -> dict:
        claim = self.claims.get(claim_id) or {}
        return self.documents.get(claim.get("doc_id", ""), {})

    def judgement(self, claim_id: str) -> dict:
        return self.judgements.get(claim_id) or {"status": UNVERIFIED, "reliability": None,
                                                 "credibility": None}

    def has_notes(self, claim_id: str | None) -> bool:
        return bool(claim_id and self.notes.get(claim_id))


def _rows_by_claim(rows: list[dict]) -> tuple[dict[str, list[dict]], dict[int, int]]:
    """Rows grouped under each claim they rest on, and each row's place in `rows`."""
    by_claim: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        for cid in _claims_of(row):
            by_claim[cid].append(row)
    return by_claim, {id(row): n for n, row in enumerate(rows)}


def _claim_pairs(rows: list[dict]) -> tuple[list[int], list[str]]:
    """(row position, claim id) for every claim of every row, as two parallel lists; a row
    that rests on no claim gets one pair with an empty id, which no filter passes."""
    row_of: list[int] = []
    claim_of: list[str] = []
    for position, row in enumerate(rows):
        for cid in _claims_of(row) or ("",):
            row_of.append(position)
            claim_of.append(cid)
    return row_of, claim_of


def _claims_of(row: dict) -> list[str]:
    """The claims a row rests on: an event's `claim_ids`, a quote's or movement's `claim_id`."""
    return [cid for cid in row.get("claim_ids") or (row.get("claim_id"),) if cid]


def event_kind(event: dict) -> str:
    return event.get("sub_type") or event["type"]


def _event_order(event: dict) -> tuple:
    date = event.get("date")
    return (date is None, date or "", event["id"])
