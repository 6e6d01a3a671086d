"""In-memory indexes and filters over a loaded store: what every pane asks for its rows.

The store's tables are loaded once; `Index` builds lookups once (claims by region, source, event
type, day; a lowercase search text per claim) so a filter over tens of thousands of claims is a
few set operations, never a scan of TinyDB. `matches()` is the plain definition of a filter: the
indexes must return exactly the claims it accepts (tests check that with random stores).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from sitdash.ingest.places import lookup

UNVERIFIED = "unverified"


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

    def is_empty(self) -> bool:
        return self == Filters()

    def chips(self) -> list[str]:
        """Short labels for the header, one per active filter."""
        chips = []
        if self.text:
            chips.append(f"/{self.text}")
        if self.regions:
            chips.append("region: " + ", ".join(sorted(self.regions)))
        if self.sources:
            chips.append("source: " + ", ".join(sorted(self.sources)))
        if self.types:
            chips.append("type: " + ", ".join(sorted(self.types)))
        if self.date_from or self.date_to:
            chips.append(f"date: {self.date_from or '…'}..{self.date_to or '…'}")
        if self.needs_review:
            chips.append("needs review")
        return chips

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "regions": sorted(self.regions),
            "sources": sorted(self.sources),
            "types": sorted(self.types),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "needs_review": self.needs_review,
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
        )

    def with_(self, **changes: Any) -> Filters:
        return replace(self, **changes)


def region_of(place: str) -> str | None:
    info = lookup(place)
    return info.region if info else None


@dataclass(slots=True)
class ClaimFacts:
    """What a filter needs to know about one claim, precomputed once."""

    claim: dict
    search_text: str
    regions: frozenset[str]
    types: frozenset[str]
    status: str = UNVERIFIED


def matches(facts: ClaimFacts, filters: Filters) -> bool:
    """The definition of a filter, one claim at a time (the slow, obviously right way)."""
    if filters.text and filters.text.lower() not in facts.search_text:
        return False
    if filters.regions and not (facts.regions & filters.regions):
        return False
    if filters.sources and facts.claim.get("source") not in filters.sources:
        return False
    if filters.types and not (facts.types & filters.types):
        return False
    date = facts.claim.get("date")
    if filters.date_from and (not date or date < filters.date_from):
        return False
    if filters.date_to and (not date or date > filters.date_to):
        return False
    if filters.needs_review and facts.status != UNVERIFIED:
        return False
    return True


@dataclass
class Index:
    """A loaded store with its lookups. Build it once per store load; refresh analyst data cheaply."""

    documents: dict[str, dict]
    claims: dict[str, dict]
    quotes: list[dict]
    movements: list[dict]
    events: list[dict]
    judgements: dict[str, dict] = field(default_factory=dict)
    notes: dict[str, list[dict]] = field(default_factory=dict)  # claim id -> notes

    def __post_init__(self) -> None:
        self._build()

    @classmethod
    def from_store(cls, store: Any) -> Index:
        notes: dict[str, list[dict]] = defaultdict(list)
        for note in store.notes():
            notes[note["claim_id"]].append(note)
        return cls(
            documents={d["id"]: d for d in store.documents()},
            claims={c["id"]: c for c in store.claims()},
            quotes=store.quotes(),
            movements=store.movements(),
            events=store.events(),
            judgements=store.judgements(),
            notes=dict(notes),
        )

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        types_by_claim: dict[str, set[str]] = defaultdict(set)
        for event in self.events:
            for cid in event.get("claim_ids", ()):
                types_by_claim[cid].add(event["type"])
        region_cache: dict[str, str | None] = {}

        def regions(places: list[str]) -> frozenset[str]:
            out = set()
            for place in places:
                if place not in region_cache:
                    region_cache[place] = region_of(place)
                if region_cache[place]:
                    out.add(region_cache[place])
            return frozenset(out)

        # Claims in timeline order: dated first by date, then undated, stable within a document.
        ordered = sorted(self.claims.values(), key=_claim_order)
        self.order: list[str] = [c["id"] for c in ordered]
        self.position = {cid: i for i, cid in enumerate(self.order)}
        self.facts: dict[str, ClaimFacts] = {}
        self.by_region: dict[str, set[str]] = defaultdict(set)
        self.by_source: dict[str, set[str]] = defaultdict(set)
        self.by_type: dict[str, set[str]] = defaultdict(set)
        self.search_texts: list[str] = []
        for claim in ordered:
            cid = claim["id"]
            doc = self.documents.get(claim["doc_id"], {})
            search = " ".join(
                [claim.get("text", ""), claim.get("source", ""), doc.get("outlet") or ""]
                + list(claim.get("places", ()))
            ).lower()
            facts = ClaimFacts(claim, search, regions(claim.get("places", [])),
                               frozenset(types_by_claim.get(cid, ())))
            self.facts[cid] = facts
            self.search_texts.append(search)
            for region in facts.regions:
                self.by_region[region].add(cid)
            self.by_source[claim.get("source", "")].add(cid)
            for etype in facts.types:
                self.by_type[etype].add(cid)
        self._apply_judgements()
        self._text_cache: tuple[str, list[str]] | None = None

    def _apply_judgements(self) -> None:
        self.reviewed: set[str] = set()
        for cid, facts in self.facts.items():
            status = (self.judgements.get(cid) or {}).get("status") or UNVERIFIED
            facts.status = status
            if status != UNVERIFIED:
                self.reviewed.add(cid)

    def update_analyst(self, judgements: dict[str, dict], notes: list[dict]) -> None:
        """Take fresh analyst data (after a note or status change) without rebuilding indexes."""
        grouped: dict[str, list[dict]] = defaultdict(list)
        for note in notes:
            grouped[note["claim_id"]].append(note)
        self.judgements = judgements
        self.notes = dict(grouped)
        self._apply_judgements()

    # -- filtering ------------------------------------------------------------------------

    def _text_matches(self, text: str) -> list[str]:
        """Claim ids (in order) whose search text contains `text`; narrows from the last query."""
        needle = text.lower()
        if self._text_cache and needle.startswith(self._text_cache[0]):
            candidates = self._text_cache[1]  # typing one more letter only narrows
            hits = [cid for cid in candidates if needle in self.facts[cid].search_text]
        else:
            order = self.order
            hits = [order[i] for i, s in enumerate(self.search_texts) if needle in s]
        self._text_cache = (needle, hits)
        return hits

    def claim_ids(self, filters: Filters) -> list[str]:
        """Ids of the claims that pass `filters`, in timeline order."""
        sets: list[set[str]] = []
        if filters.regions:
            sets.append(set().union(*(self.by_region.get(r, set()) for r in filters.regions)))
        if filters.sources:
            sets.append(set().union(*(self.by_source.get(s, set()) for s in filters.sources)))
        if filters.types:
            sets.append(set().union(*(self.by_type.get(t, set()) for t in filters.types)))
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
            out = []
            for cid in base:
                date = self.claims[cid].get("date")
                if (lo and (not date or date < lo)) or (hi and (not date or date > hi)):
                    continue
                if cid in reviewed:
                    continue
                out.append(cid)
            base = out
        return list(base)

    def claim_rows(self, filters: Filters) -> list[dict]:
        return [self.claims[cid] for cid in self.claim_ids(filters)]

    def _passing(self, filters: Filters) -> set[str] | None:
        return None if filters.is_empty() else set(self.claim_ids(filters))

    def event_rows(self, filters: Filters) -> list[dict]:
        """Events with at least one claim passing the filters, in date order."""
        passing = self._passing(filters)
        rows = [e for e in self.events
                if passing is None or any(c in passing for c in e.get("claim_ids", ()))]
        return sorted(rows, key=lambda e: (e.get("date") is None, e.get("date") or "", e["id"]))

    def quote_rows(self, filters: Filters) -> list[dict]:
        passing = self._passing(filters)
        return [q for q in self.quotes if passing is None or q.get("claim_id") in passing]

    def movement_rows(self, filters: Filters) -> list[dict]:
        passing = self._passing(filters)
        return [m for m in self.movements if passing is None or m.get("claim_id") in passing]

    # -- lookups for the panes and pickers --------------------------------------------------

    def options(self, kind: str) -> list[tuple[str, int]]:
        """Values a picker offers for `kind` (region, source, type), with claim counts."""
        table = {"region": self.by_region, "source": self.by_source, "type": self.by_type}[kind]
        return sorted(((k, len(v)) for k, v in table.items() if k), key=lambda kv: (-kv[1], kv[0]))

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


def _claim_order(claim: dict) -> tuple:
    date = claim.get("date")
    return (date is None, date or "", claim.get("doc_id", ""), claim.get("start", 0))
