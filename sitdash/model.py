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
# Whose account a speaker gives: code -> label. Inferred from the copy, correctable by the analyst.
SIDES = {
    "ua": "Ukrainian",
    "ru": "Russian",
    "allied": "US and allied",
    "other": "other",
    "unknown": "unknown",
}
# Directions of travel of a development: its movement kinds fall on one side only.
BACK_KINDS = ("withdraw", "retreat", "reposition", "regroup")
FORWARD_KINDS = ("deploy", "redeploy", "advance")
CONTRADICTION_KINDS = ("activity", "characterisation", "figures")
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
    # the role the copy gives a named person ("Pentagon spokesman"); not part of who it is
    role: str = field(default="", compare=False)


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
    wire: str | None = None  # the agency a dateline credits ("(Reuters)") when it is not the outlet
    # places named outside any claim: the headline, an excerpt's cut-off last sentence
    unclaimed_places: list[str] = field(default_factory=list)


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
    source_role: str = ""  # the speaker's role as this article gives it: "regional governor"
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
    origins: int = 0  # independent origins among its claims (sitdash/consolidate.py)


@dataclass(slots=True)
class Note:
    """An analyst's note on a claim. Analyst data: never re-derived, never dropped."""

    id: str
    claim_id: str
    author: str
    time: str  # ISO 8601 with timezone
    text: str


@dataclass(slots=True)
class Signal:
    """What one claim says that a contradiction can rest on (derived, one row per claim and kind):
    an announced de-escalation, a reported strike or fight, or a denied characterisation."""

    id: str
    claim_id: str
    doc_id: str
    kind: str  # announce | strike | negation
    side: str | None  # announcing side, attacking side, or the side of the force described
    places: list[str]
    date: str | None
    detail: str  # "reduce activity", "shelling", "withdraw" (the term denied)
    alternative: str | None = None  # what a denial calls it instead: "reposition"


@dataclass(slots=True)
class Speaker:
    """One speaker across documents, under one name (derived; the side is correctable)."""

    id: str
    key: str  # the normalised identity every spelling of this speaker shares
    name: str  # the spelling most claims use
    kind: str  # one of SOURCE_KINDS
    side: str  # inferred, one of SIDES (the analyst's correction lives in the analyst file)
    claims: int
    docs: int
    names: dict[str, int] = field(default_factory=dict)  # spelling -> claims
    roles: dict[str, int] = field(default_factory=dict)  # role as written -> claims
    votes: dict[str, int] = field(default_factory=dict)  # side inferred per claim -> claims


@dataclass(slots=True)
class Development:
    """Movements of one force in one direction, with overlapping ends, reported within a window
    of days, consolidated across documents (derived)."""

    id: str
    force: str  # force key: "ru", "ru|Wagner Group", "ua|93rd Brigade"
    actor: str  # label: "Russian forces", "Wagner Group"
    direction: str  # back | forward
    kinds: list[str]
    origin: str | None  # the most specific origin reported (exported as "from")
    destination: str | None  # likewise the destination (exported as "to")
    origins: list[str]  # every origin reported, most reported first
    destinations: list[str]
    movement_ids: list[str]
    claim_ids: list[str]  # in report order
    claim_kinds: list[str]  # the movement kind each claim reports, beside claim_ids
    doc_ids: list[str]
    outlets: list[str]
    origin_keys: list[str]  # independent origins (see sitdash/speakers.py origin_key)
    speaker_keys: list[str]
    first_date: str | None  # when it happened, by the reports' own dating
    last_date: str | None
    first_reported: str | None  # publication dates of the first and last report
    last_reported: str | None
    sizes: list[dict] = field(default_factory=list)  # {size, claim_id}


@dataclass(slots=True)
class Contradiction:
    """Claims that cannot all be right, side by side (derived). `why` is written when read, with
    the speakers' current names."""

    id: str
    kind: str  # one of CONTRADICTION_KINDS
    claim_ids: list[str]
    doc_ids: list[str]
    development: str | None  # the development it is about, if any
    scope: str  # what recomputes it: "activity|ru|Chernihiv Oblast", "dev|<id>", "event|<id>"
    parts: list[dict] = field(default_factory=list)  # {claim_id, role, text}: the two sides
    place: str | None = None
    date: str | None = None
