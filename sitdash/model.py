"""The records sitdash extracts and stores: plain dataclasses, no I/O, no UI.

Offsets (`start`, `end`) are character offsets into `Document.text`, the cleaned article body,
so every span can be shown again in its paragraph. Dates are ISO strings (YYYY-MM-DD) or None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds of source behind a claim or quote.
SOURCE_KINDS = ("named official", "anonymous official", "institution", "media", "analysts", "other")
# Precision of a resolved date.
PRECISIONS = ("day", "week", "month", "year", "unknown")
MOVEMENT_KINDS = ("withdraw", "retreat", "reposition", "redeploy", "deploy", "advance", "regroup")
STATUSES = ("unverified", "corroborated", "disputed", "false")
# Document fields an analyst may correct (kept in the analyst file, re-applied on every extraction).
CORRECTABLE = ("title", "outlet", "published", "url")
# Admiralty (NATO) grading: source reliability and information credibility, standard wording.
RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY = {
    "1": "Confirmed by other sources",
    "2": "Probably true",
    "3": "Possibly true",
    "4": "Doubtful",
    "5": "Improbable",
    "6": "Truth cannot be judged",
}


def to_dict(record: Any) -> dict:
    """A record as a plain dict, ready for JSON. Shallow (lists are shared with the record),
    several times faster than dataclasses.asdict on the ingest path."""
    return {name: getattr(record, name) for name in record.__slots__}


@dataclass(slots=True)
class PlaceInfo:
    """A gazetteer entry: a canonical place and what it rolls up to."""

    name: str  # canonical, Ukrainian transliteration: "Kyiv", "Kharkiv", "Donbas"
    country: str  # ISO 3166-1 alpha-2: "UA", "RU", "BY"
    oblast: str | None = None  # "Kyiv Oblast", "Donetsk Oblast"; None for countries/regions
    region: str | None = None  # theatre region: north, east, south, central, west, or a neighbour
    kind: str = "city"  # city | oblast | area | country | site
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class PlaceMention:
    """A place named in a text: canonical name plus where and how it was spelled."""

    name: str
    start: int
    end: int
    surface: str


@dataclass(slots=True)
class DateMention:
    """A time expression resolved against a base (publication) date."""

    date: str | None  # YYYY-MM-DD; first day of the week/month for coarser precision
    precision: str  # one of PRECISIONS
    text: str  # the words it came from: "on Wednesday", "last week"
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Source:
    """Who asserts something, and what kind of source that is."""

    name: str  # "John Kirby", "a senior US defense official", "the Pentagon", or the outlet
    kind: str  # one of SOURCE_KINDS


@dataclass(slots=True)
class Document:
    id: str  # hash of the normalised text
    text: str  # cleaned body: furniture removed, paragraphs separated by a blank line
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_inferred: bool = False  # True when guessed from the text, not stated
    dateline_place: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from
    captions: list[list[int]] = field(default_factory=list)  # [start, end] of caption paragraphs
    version_of: str | None = None  # id of the earlier version of the same article
    ingested: str | None = None  # when it was first stored (UTC stamp; kept by a rebuild)


@dataclass(slots=True)
class Claim:
    id: str  # stable: hash of document id + normalised sentence
    doc_id: str
    text: str  # the sentence
    start: int
    end: int
    source: str
    source_kind: str
    kind: str = "statement"  # statement | caption
    hedges: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # canonical names
    # the places named only as actors ("Russia says", "Moscow's forces"): not where it happens
    actor_places: list[str] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None


@dataclass(slots=True)
class Quote:
    id: str
    doc_id: str
    claim_id: str | None
    text: str  # the quotation without its quote marks
    speaker: str | None
    speaker_kind: str
    start: int
    end: int
    # Copied from the claim and document at ingest, so the key-quotes pane sorts and shows
    # quotes without a lookup per quote.
    date: str | None = None
    outlet: str | None = None
    score: float = 0.0


@dataclass(slots=True)
class Movement:
    id: str
    doc_id: str
    claim_id: str | None
    actor: str
    origin: str | None  # exported as "from"
    destination: str | None  # exported as "to"
    kind: str  # one of MOVEMENT_KINDS
    size: str | None
    date: str | None
    hedged: bool
    start: int
    end: int


@dataclass(slots=True)
class Event:
    id: str
    date: str | None
    precision: str
    type: str  # ACLED event type, e.g. "Explosions/Remote violence"
    sub_type: str  # ACLED sub-event type, e.g. "Air/drone strike"
    places: list[str]
    summary: str
    claim_ids: list[str]
    sources: list[str]  # document ids


@dataclass(slots=True)
class Note:
    """An analyst's note on a claim. Analyst data: never re-derived, never dropped."""

    id: str
    claim_id: str
    author: str
    time: str  # ISO 8601 with timezone
    text: str
