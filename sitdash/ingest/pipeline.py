"""One document -> its claims, quotes and movements; paths -> a store (the whole ingest)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from sitdash import consolidate
from sitdash.ingest import claims as claim_rules
from sitdash.ingest.attribution import (
    SpeakerContext,
    find_attribution,
    resolve_names,
    source_kind,
    statement_issuer,
)
from sitdash.ingest.dates import sentence_date
from sitdash.ingest.events import build_events, stored_types
from sitdash.ingest.local_posts import definite_post, resolve_local_posts
from sitdash.ingest.movements import DocumentMovements
from sitdash.ingest.parallel import map_in_order
from sitdash.ingest.places import find_places, in_a_name
from sitdash.ingest.quotes import extract_quotes
from sitdash.ingest.read import ReadError, read_path
from sitdash.ingest.sentences import split_sentences
from sitdash.model import CORRECTABLE, Claim, Document, Movement, Quote, Source, to_dict
from sitdash.ranking import quote_score
from sitdash.speakers import description_words, find_wire
from sitdash.stamps import now_stamp
from sitdash.storage import StoreChanged

T = TypeVar("T")
DOCUMENT_FIELDS = frozenset(f.name for f in fields(Document))
WRITE_ATTEMPTS = 5


@dataclass
class Extraction:
    """Everything extracted from one document, as records."""

    document: Document
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # document ids
    duplicates: list[str] = field(default_factory=list)  # paths already in the store
    errors: list[ReadError] = field(default_factory=list)
    claims: int = 0
    consolidation: dict = field(default_factory=dict)  # timings: see consolidate.update


def _base_date(doc: Document) -> date | None:
    try:
        return date.fromisoformat(doc.published) if doc.published else None
    except ValueError:
        return None


def _record_id(*parts: object) -> str:
    return hashlib.sha1("\0".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _in_caption(doc: Document, start: int) -> bool:
    return any(s <= start < e for s, e in doc.captions)


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def extract(doc: Document) -> Extraction:
    """Claims (one per substantive sentence), quotes and movements of one document."""
    base = _base_date(doc)
    outlet = Source(doc.outlet or "the article", "media")
    publisher = Source(doc.outlet, source_kind(doc.outlet)) if doc.outlet else None
    out = Extraction(doc)
    seen: dict[str, int] = {}
    speakers = SpeakerContext(publisher, doc.title)  # who "he", "it", "the statement" are
    movements = DocumentMovements()  # read sentence by sentence, threaded at the end
    hits = extract_quotes(doc.text, title=doc.title, publisher=publisher)
    # the headline names places too ("..., Russia Seizes Control"), though it is no claim
    unclaimed = [m.name for m in _named_places(doc.title or "")]
    spans = split_sentences(doc.text)
    section: list[str] = []  # the place of the heading the sentences stand under
    truncated = claim_rules.cut_off(doc.text)
    for k, span in enumerate(spans):
        sentence = span.text
        if _heads_a_section(spans, k, doc):
            section = _unique(m.name for m in find_places(sentence))
            continue
        if truncated and k == len(spans) - 1:
            # an excerpt cut mid-sentence: a fragment, not a claim, but the places it names
            # are named (not a word cut short at the very end: "western R")
            cut = len(sentence.rstrip())
            unclaimed += [m.name for m in _named_places(sentence) if m.end < cut]
            continue
        if not claim_rules.is_substantive(sentence) and not any(
            span.start <= q.start < span.end for q in hits
        ):
            continue
        newsroom = claim_rules.boilerplate(sentence)
        if newsroom is not None:
            # the outlet on its own reporting: no claim; "could not verify" hedges the one before
            if newsroom == "unverified" and out.claims:
                out.claims[-1].hedges.append(claim_rules.UNVERIFIED)
            continue
        said = _sentence_source(sentence, speakers, remember=not _in_caption(doc, span.start))
        if said is not None and k + 1 < len(spans) and spans[k + 1].paragraph == span.paragraph:
            # "Russia said ... The defence ministry's statement ...": the ministry said it
            said = statement_issuer(said, spans[k + 1].text) or said
        quoted = next((q for q in hits if span.start <= q.start < span.end and q.speaker), None)
        if said is None and quoted is not None:
            said = Source(quoted.speaker, quoted.speaker_kind)
        source = said or outlet
        key = claim_rules.normalise(sentence).lower()
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        when = sentence_date(sentence, base)
        mentions = find_places(sentence)  # read once: the claim's places and the movements
        named = [m for m in mentions if not in_a_name(sentence, m)]
        claim = Claim(
            id=claim_rules.claim_id(doc.id, sentence, occurrence),
            doc_id=doc.id,
            text=sentence,
            start=span.start,
            end=span.end,
            source=source.name,
            source_kind=source.kind,
            source_role=source.role,
            kind="caption" if _in_caption(doc, span.start) else "statement",
            hedges=claim_rules.hedges(sentence),
            # a sentence that names no place happens where its section heading says
            places=_unique(m.name for m in named) or list(section),
            actor_places=claim_rules.actor_places(sentence, named),
            quantities=claim_rules.quantities(sentence),
            # A sentence with no time words is dated by its report (the publication date).
            date=when.date if when and when.date else doc.published,
            date_precision=when.precision if when and when.date else (
                "day" if doc.published else "unknown"),
            date_text=when.text if when else None,
        )
        out.claims.append(claim)
        movements.read(sentence, (claim, span.start), mentions,
                       quoted.speaker if quoted is not None else None)
    for (claim, offset), hit in movements.movements():
        out.movements.append(Movement(
            id=_record_id(claim.id, hit.kind, hit.origin, hit.destination, hit.start),
            doc_id=doc.id, claim_id=claim.id, actor=hit.actor, origin=hit.origin,
            destination=hit.destination, kind=hit.kind, size=hit.size, date=claim.date,
            hedged=hit.hedged, start=offset + hit.start, end=offset + hit.end,
        ))
    out.movements.sort(key=lambda m: m.start)
    out.document = replace(doc, unclaimed_places=_unique(unclaimed))
    out.quotes = _quotes(doc, hits, out.claims)
    _resolve_speaker_names(out, speakers.people())
    return out


def _named_places(text: str) -> list:
    """The places `text` names, not those inside a person's, a unit's or a ship's name."""
    return [m for m in find_places(text) if not in_a_name(text, m)]


def _heads_a_section(spans: list, k: int, doc: Document) -> bool:
    """Whether sentence k is a paragraph of its own that heads the paragraphs after it and
    names a place ("Konotop district"). Never the opening paragraph (a kicker), nor the last."""
    span = spans[k]
    if span.paragraph == 0 or k + 1 >= len(spans) or _in_caption(doc, span.start):
        return False
    alone = spans[k - 1].paragraph != span.paragraph and spans[k + 1].paragraph != span.paragraph
    return alone and claim_rules.is_heading(span.text) and bool(find_places(span.text))


def _sentence_source(sentence: str, speakers: SpeakerContext, remember: bool) -> Source | None:
    """Who asserts `sentence`, resolved against the speakers before it; a sentence that names a
    person without quoting them makes that person the likely "he" of the next one. A caption
    is read but remembered by nothing: it stands beside the story, not in it."""
    found = find_attribution(sentence)
    if remember and (found is None or found.relay):
        speakers.notice(sentence)  # whom a later "he" or "the commander" means
    if found is None:
        return None
    said = speakers.resolve(found, sentence)
    if said is not None and remember:
        speakers.remember(found, said, sentence)
        speakers.notice(sentence, said)
    return said


def _quotes(doc: Document, hits: list, claims: list[Claim]) -> list[Quote]:
    quotes = []
    for hit in hits:
        owner = next((c for c in claims if c.start <= hit.start < c.end), None)
        quote = Quote(
            id=_record_id(doc.id, hit.start, hit.end),
            doc_id=doc.id,
            claim_id=owner.id if owner else None,
            text=hit.text,
            speaker=hit.speaker,
            speaker_kind=hit.speaker_kind or source_kind(hit.speaker or ""),
            start=hit.start,
            end=hit.end,
            date=(owner.date if owner else None) or doc.published,
            outlet=doc.outlet,
        )
        quote.score = quote_score(to_dict(quote), to_dict(owner) if owner else None)
        quotes.append(quote)
    return quotes


def _resolve_speaker_names(out: Extraction, people: list[str]) -> None:
    """"Kirby said" after "Pentagon spokesman John Kirby" becomes "John Kirby" everywhere, and
    so does "the Pentagon spokesman said" when the article names one Pentagon spokesman;
    `people` are full names the document brought in without quoting them."""
    names = [c.source for c in out.claims] + [q.speaker for q in out.quotes if q.speaker]
    names += people
    full = resolve_names(names)
    roles: dict[str, set[str]] = {}  # named person -> the roles the article gives them
    for claim in out.claims:
        claim.source = full.get(claim.source, claim.source)
        if claim.source_kind == "named official" and claim.source_role:
            roles.setdefault(claim.source, set()).add(claim.source_role)
    for claim in out.claims:  # "Kirby said" later in the article: the role given earlier
        if claim.source in roles and not claim.source_role:
            claim.source_role = min(roles[claim.source])
    # "the governor", "the mayor": a local post is the person who holds it for that place
    described = {c.source: _person_in_role(c.source, roles) for c in out.claims
                 if c.source_kind == "anonymous official" and c.source.lower().startswith("the ")
                 and definite_post(c.source, c.source_kind) is None}
    for claim in out.claims:
        person = described.get(claim.source)
        if person:
            claim.source, claim.source_kind, claim.source_role = person
    for quote in out.quotes:
        if quote.speaker:
            quote.speaker = full.get(quote.speaker, quote.speaker)
            person = described.get(quote.speaker)
            if person:
                quote.speaker, quote.speaker_kind = person[0], person[1]
    resolve_local_posts(out.claims, out.quotes, full)


# Heads of a definite description that can stand for one named person: "the spokesman".
_ROLE_HEADS = frozenset(
    "spokesperson spokesman spokeswoman governor mayor minister secretary president commander "
    "adviser advisor chief head ambassador envoy chairman director prosecutor".split())


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    return frozenset(description_words(h) for h in _ROLE_HEADS)


def _person_in_role(description: str, roles: dict[str, set[str]]) -> tuple | None:
    """(name, kind, role) of the one person whose role covers a definite description ("the
    Pentagon spokesman" -> the article's "Pentagon spokesman John Kirby"), else None."""
    words = description_words(description).split()
    if not words or words[-1] not in _role_heads():
        return None
    found = []
    for name, given in roles.items():
        for role in given:
            if set(words) <= set(description_words(role).split()):
                found.append((name, "named official", role))
                break
    return found[0] if len(found) == 1 else None


class RecordBatch:
    """Extractions gathered for one atomic store write. A speaker keeps the spelling it was
    first stored with ("a senior US Defense official" and "... defense official" are one)."""

    def __init__(self, known_names: Iterable[str] = ()) -> None:
        self.rows: dict[str, list[dict]] = {"documents": [], "claims": [], "quotes": [],
                                            "movements": []}
        self.stats: dict = {}  # consolidation timings of the last write
        self._spelling: dict[str, str] = {}
        for name in known_names:
            self.spell(name)

    def spell(self, name: str) -> str:
        return self._spelling.setdefault(name.casefold(), name)

    def add(self, extraction: Extraction) -> None:
        for claim in extraction.claims:
            claim.source = self.spell(claim.source)
        for quote in extraction.quotes:
            if quote.speaker:
                quote.speaker = self.spell(quote.speaker)
        document = to_dict(extraction.document)
        document["wire"] = find_wire(document)  # a dateline's credit, or "Reuters reported"
        self.rows["documents"].append(document)
        self.rows["claims"].extend(map(to_dict, extraction.claims))
        self.rows["quotes"].extend(map(to_dict, extraction.quotes))
        self.rows["movements"].extend(map(to_dict, extraction.movements))

    def write(self, store, replace: bool = False) -> None:
        """One atomic write: the records (replacing all derived data if asked), events rebuilt
        over every claim in the store (stored claims keep the typing their events have), and
        the consolidated tables brought up to date (only what the new documents can change,
        unless a stored document was replaced)."""
        new = {d["id"] for d in self.rows["documents"]}
        with store.batch():
            if replace:
                store.clear_derived()
                known = None
                before = {}
            else:
                known = stored_types(store.rows("events"), (c["id"] for c in store.rows("claims")))
                for claim in self.rows["claims"]:
                    known.pop(claim["id"], None)  # a re-added document's claims: typed afresh
                before = {e["id"]: e["origins"] for e in store.rows("events") if "origins" in e}
            replaced = not replace and any(store.has_document(doc_id) for doc_id in new)
            store.add_records(**self.rows)
            events = build_events(store.rows("claims"), known)
            store.replace_events(events)
            t = time.perf_counter()
            documents = {d["id"]: d for d in self.rows["documents"]}
            store.add_records(signals=consolidate.signals_of(
                self.rows["claims"], documents, consolidate.event_types_of(events)))
            names = ("documents", "claims", "movements", "events", "signals",
                     *consolidate.TABLES)
            tables = consolidate.update({name: store.rows(name) for name in names},
                                        None if replace or replaced else new, self.stats,
                                        before)
            for name, rows in tables.items():
                store.replace_table(name, rows)
            self.stats["total_ms"] = (time.perf_counter() - t) * 1000


def stored_names(store) -> list[str]:
    """Sources and speakers already in the store, in the spelling they were stored with."""
    return ([c["source"] for c in store.rows("claims")]
            + [q["speaker"] for q in store.rows("quotes") if q.get("speaker")])


def ingest_paths(
    store,
    paths: Iterable[str | Path],
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Read, extract and store every article under `paths`; documents already stored are skipped.

    All records are written in one atomic batch, then events are rebuilt over all claims.
    """
    report = IngestReport()
    documents: list[Document] = []
    for path in paths:
        result = read_path(path)
        documents.extend(result.documents)
        report.errors.extend(result.errors)
    return ingest_documents(store, documents, report, progress)


def ingest_documents(
    store,
    documents: Iterable[Document],
    report: IngestReport | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Extract and store documents already read (files, standard input, a paste) in one atomic
    write. Each new document is stamped with the time of this call (what makes it "new" for an
    analyst who reviewed before) and gets the analysts' corrections of its title, outlet, date
    and URL; documents already stored are skipped."""
    report = report or IngestReport()
    documents = list(documents)
    stamp = now_stamp()
    corrections = store.corrections() if hasattr(store, "corrections") else {}
    batch = RecordBatch(stored_names(store))
    seen_now: set[str] = set()
    # A changed article (same file, new text) is a new version of the stored one.
    stored_by_path = {d.get("path"): d["id"] for d in store.rows("documents") if d.get("path")}
    new: list[Document] = []
    for doc in documents:
        if doc.id in seen_now or store.has_document(doc.id):
            report.duplicates.append(doc.path or doc.id)
            continue
        seen_now.add(doc.id)
        if doc.path in stored_by_path:
            doc.version_of = stored_by_path[doc.path]
        doc.ingested = stamp
        apply_corrections(doc, corrections.get(doc.id))
        new.append(doc)
    # Extraction is pure: a large batch runs it on every core (parallel.py), in order.
    for n, extraction in enumerate(map_in_order(extract, new), 1):
        if progress:
            progress(n, len(new), extraction.document.path or extraction.document.id)
        batch.add(extraction)
        report.added.append(extraction.document.id)
        report.claims += len(extraction.claims)
    if report.added:
        batch.write(store)
        report.consolidation = dict(batch.stats)
    return report


def retry_on_change(store, write: Callable[[], T], attempts: int = WRITE_ATTEMPTS) -> T:
    """`write()`, run again after re-reading the store when another session wrote it meanwhile
    (StoreChanged: nothing of ours was written). Ingests re-stamp and skip what the other stored."""
    for attempt in range(1, attempts + 1):
        try:
            return write()
        except StoreChanged:
            if attempt == attempts:
                raise
            store.refresh_derived()
    raise AssertionError("unreachable")


def apply_corrections(doc: Document, corrected: dict | None) -> Document:
    """The analysts' corrections over what the article said; a date they set is not inferred."""
    for key, value in (corrected or {}).items():
        if key in CORRECTABLE:
            setattr(doc, key, value)
            if key == "published":
                doc.published_inferred = False
    return doc


def document_from_row(row: dict) -> Document:
    """A stored document row as a Document (fields this version does not know are left out)."""
    return Document(**{key: value for key, value in row.items() if key in DOCUMENT_FIELDS})


def rebuild_store(store) -> tuple[int, int]:
    """Re-extract every stored document with the current extractor, replacing all derived
    data in one write. Claim ids depend only on the sentence, so notes stay attached; ingest
    times and the analysts' corrections stay too. Returns (documents, claims)."""
    corrections = store.corrections() if hasattr(store, "corrections") else {}
    docs = [apply_corrections(document_from_row(d), corrections.get(d["id"]))
            for d in store.rows("documents")]
    batch = RecordBatch()
    for extraction in map_in_order(extract, docs):
        batch.add(extraction)
    batch.write(store, replace=True)
    return len(docs), len(batch.rows["claims"])


def reextract_document(store, doc_id: str) -> Extraction:
    """Extract one stored document again with its corrections (a new date re-dates its claims:
    relative dates count from it), replacing its rows in one write. Claim ids (document id +
    sentence) do not change, so notes and judgements stay attached."""
    row = next((d for d in store.rows("documents") if d.get("id") == doc_id), None)
    if row is None:
        raise KeyError(doc_id)
    corrections = store.corrections() if hasattr(store, "corrections") else {}
    doc = apply_corrections(document_from_row(row), corrections.get(doc_id))
    batch = RecordBatch(stored_names(store))
    extraction = extract(doc)
    batch.add(extraction)
    batch.write(store)
    return extraction
