"""The consolidated tables (speakers, developments, contradictions), kept in step with the store.

`update(rows, new_docs)` is called with every stored row (the new documents' included) and the
ids of the documents just added, and returns the three tables; `new_docs=None` recomputes them
from scratch (a rebuild, a migration). What a new article can change is all it recomputes:
- speakers: the counts of its speakers grow (they only add up);
- developments: those of the forces and directions it reports (each force and direction is
  consolidated on its own; grouping the stored movements costs a dictionary lookup each), and
  of those only the ones that began fewer than SPAN_DAYS before its earliest report (older
  ones had closed: consolidation runs in date order);
- contradictions: activity ones in the oblasts its announcements and strikes name, figures of the
  events it adds claims to; characterisation and size disputes follow the developments (a pass
  over the few developments with sizes and the few denials).
Text is read once, when a document is stored: `signals_of` gives each claim's signals for the
per-document `signals` table, and the updates work from those, never from the sentences again.
Either way the tables come out the same (a test checks ingest at once against one by one).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sitdash import contradictions as contra
from sitdash.developments import (
    SPAN_DAYS,
    build_development,
    consolidate_partition,
    make_report,
    partition_of,
)
from sitdash.signals import claim_signals
from sitdash.speakers import (
    add_claims,
    infer_side,
    origin_key,
    speaker_key,
    voice_places,
    wire_of,
)

SPEAKERS, DEVELOPMENTS, CONTRADICTIONS, SIGNALS = (
    "speakers", "developments", "contradictions", "signals")
TABLES = (SPEAKERS, DEVELOPMENTS, CONTRADICTIONS)


class Lookups:
    """Documents and claims by id, and each claim's voice, speaker and origin (memoised)."""

    def __init__(self, documents: Iterable[dict], claims: Iterable[dict]):
        self.documents = {d["id"]: d for d in documents}
        self.claims = {c["id"]: c for c in claims}
        self._wires: dict[str, str | None] = {}
        self._origins: dict[str, str] = {}

    def document(self, claim: dict) -> dict:
        return self.documents.get(claim.get("doc_id") or "", {})

    def voice(self, claim: dict) -> str:
        """The side of whoever a claim is attributed to, read from the article alone."""
        return infer_side(claim.get("source") or "", claim.get("source_kind") or "",
                          claim.get("source_role") or "", self.document(claim).get("outlet") or "",
                          voice_places(claim))

    def speaker(self, claim: dict) -> str:
        return speaker_key(claim.get("source") or "", claim.get("source_kind") or "")

    def origin(self, claim: dict) -> str:
        cid = claim.get("id") or ""
        found = self._origins.get(cid)
        if found is None:
            doc = self.document(claim)
            doc_id = doc.get("id") or ""
            if doc_id not in self._wires:
                self._wires[doc_id] = wire_of(doc)
            found = self._origins[cid] = origin_key(claim, doc, self._wires[doc_id])
        return found

    def origin_of_id(self, claim_id: str) -> str:
        claim = self.claims.get(claim_id)
        return self.origin(claim) if claim else "?"

    def date_of_id(self, claim_id: str) -> str | None:
        return (self.claims.get(claim_id) or {}).get("date")


def signals_of(claims: Iterable[dict], documents: dict[str, dict],
               event_types: dict[str, tuple[str, str]]) -> list[dict]:
    """Every signal of `claims` (rows of the per-document `signals` table). `event_types` maps
    a claim id to the (type, sub-type) of the event it reports (event_types_of)."""
    out = []
    for claim in claims:
        outlet = documents.get(claim.get("doc_id") or "", {}).get("outlet") or ""
        voice = infer_side(claim.get("source") or "", claim.get("source_kind") or "",
                           claim.get("source_role") or "", outlet, voice_places(claim))
        out.extend(claim_signals(claim, voice, event_types.get(claim["id"])))
    return out


def event_types_of(events: Iterable[dict]) -> dict[str, tuple[str, str]]:
    """claim id -> (type, sub-type) of the event it reports (each claim reports at most one)."""
    return {cid: (event["type"], event.get("sub_type") or "")
            for event in events for cid in event.get("claim_ids") or ()}


def update(rows: dict[str, list[dict]], new_docs: set[str] | None = None,
           stats: dict | None = None, event_origins: dict[str, int] | None = None
           ) -> dict[str, list[dict]]:
    """The consolidated tables after `new_docs` were added to `rows` (None: from scratch).
    `rows` maps table names to the stored rows: documents, claims, movements, events, signals,
    and the consolidated tables as they were. `event_origins` are the events' origin counts
    before the events were rebuilt (events the new claims did not join keep theirs). Timings
    and counts go into `stats` if given."""
    stats = stats if stats is not None else {}
    full = new_docs is None
    t0 = time.perf_counter()
    look = Lookups(rows.get("documents", ()), rows.get("claims", ()))
    new_claims = None if full else {c["id"] for c in rows.get("claims", ())
                                    if c.get("doc_id") in new_docs}
    count_event_origins(rows.get("events", ()), look, new_claims, event_origins or {})
    speakers = _speakers(rows, look, new_docs)
    t1 = time.perf_counter()
    developments, touched = _developments(rows, look, new_docs)
    t2 = time.perf_counter()
    contradictions = _contradictions(rows, look, developments, new_docs)
    t3 = time.perf_counter()
    stats.update({"speakers_ms": (t1 - t0) * 1000, "developments_ms": (t2 - t1) * 1000,
                  "contradictions_ms": (t3 - t2) * 1000, "full": full,
                  "partitions_recomputed": touched[0], "movements_recomputed": touched[1]})
    return {SPEAKERS: speakers, DEVELOPMENTS: developments, CONTRADICTIONS: contradictions}


def count_event_origins(events: Iterable[dict], look: Lookups, new_claims: set[str] | None,
                        before: dict[str, int]) -> None:
    """Each event's number of independent origins, kept on the event row. Events are rebuilt
    at every write with stable ids: one that no new claim joined keeps its count."""
    for event in events:
        cids = event.get("claim_ids") or ()
        known = before.get(event["id"])
        if known is not None and new_claims is not None and new_claims.isdisjoint(cids):
            event["origins"] = known
            continue
        claims = [look.claims.get(cid) for cid in cids]
        event["origins"] = len({look.origin(c) for c in claims if c is not None})


# -- speakers ------------------------------------------------------------------------------------

def _speakers(rows: dict, look: Lookups, new_docs: set[str] | None) -> list[dict]:
    if new_docs is None:
        table: dict[str, dict] = {}
        claims: Iterable[dict] = rows.get("claims", ())
    else:
        table = {r["key"]: r for r in rows.get(SPEAKERS, ())}
        claims = [c for c in rows.get("claims", ()) if c.get("doc_id") in new_docs]
        for key in {look.speaker(c) for c in claims} & table.keys():
            row = table[key]  # copied before it changes: the stored row stays as it was
            table[key] = {**row, "names": dict(row["names"]), "roles": dict(row["roles"]),
                          "votes": dict(row["votes"])}
    add_claims(table, claims, look.documents)
    return [table[k] for k in sorted(table)]


# -- developments --------------------------------------------------------------------------------

def _developments(rows: dict, look: Lookups,
                  new_docs: set[str] | None) -> tuple[list[dict], tuple[int, int]]:
    partitions: dict[tuple[str, str], list[dict]] = defaultdict(list)
    since: dict[tuple[str, str], date | None] = {}  # earliest new report per partition
    for move in rows.get("movements", ()):
        claim = look.claims.get(move.get("claim_id") or "")
        if claim is None:
            continue
        part = partition_of(move, look.voice(claim))
        if part is None:
            continue
        partitions[part].append(move)
        if new_docs is None or move.get("doc_id") in new_docs:
            day = _day(move.get("date") or claim.get("date"))
            earliest = since.get(part, day)
            since[part] = None if day is None or earliest is None else min(day, earliest)
    stored = [] if new_docs is None else rows.get(DEVELOPMENTS, ())
    kept = [d for d in stored if (d["force"], d["direction"]) not in since
            and (d["force"], d["direction"]) in partitions]
    # a development whose reports did not change keeps its row (nothing else in it can)
    unchanged = {tuple(d["movement_ids"]): d for d in stored
                 if (d["force"], d["direction"]) in since}
    built = []
    recomputed = 0
    for part in sorted(since):
        force, direction = part
        frozen = _frozen(stored, part, since[part])
        kept.extend(frozen)
        done = {m for d in frozen for m in d["movement_ids"]}
        reports = [make_report(m, look.claims[m["claim_id"]], direction)
                   for m in partitions[part] if m.get("id") not in done]
        recomputed += len(reports)
        for group in consolidate_partition(reports):
            same = unchanged.get(tuple(r.movement["id"] for r in group))
            built.append(same or build_development(force, direction, group, look.documents,
                                                   look.origin, look.speaker))
    devs = kept + built
    devs.sort(key=lambda d: (d.get("first_date") or "~", d["id"]))
    return devs, (len(since), recomputed)


def _frozen(stored: Iterable[dict], part: tuple[str, str], since: date | None) -> list[dict]:
    """Developments of a partition that new reports from `since` on cannot change: those that
    began more than SPAN_DAYS before it. They closed before `since`, and consolidation goes in
    date order, so neither they nor anything before them depends on what comes after (the
    rest of the partition is consolidated again, which gives what a full run would)."""
    if since is None:
        return []
    limit = since - timedelta(days=SPAN_DAYS)
    return [d for d in stored if (d["force"], d["direction"]) == part and d.get("first_date")
            and date.fromisoformat(d["first_date"]) < limit]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


# -- contradictions ------------------------------------------------------------------------------

def _contradictions(rows: dict, look: Lookups, developments: list[dict],
                    new_docs: set[str] | None) -> list[dict]:
    signals = rows.get(SIGNALS, ())
    old = [] if new_docs is None else list(rows.get(CONTRADICTIONS, ()))
    # activity: the oblasts the new announcements and strikes name
    if new_docs is None:
        zones = None
    else:
        zones = set()
        for signal in signals:
            if signal.get("doc_id") in new_docs and signal["kind"] in ("announce", "strike"):
                zones.update(contra.zones_of(signal["places"]))
    kept = [c for c in old if c["kind"] == "activity" and zones is not None
            and c["scope"].rsplit("|", 1)[-1] not in zones]
    fresh = contra.activity(signals, zones) if zones is None or zones else []
    # characterisation and sizes follow the developments
    negations = [s for s in signals if s["kind"] == "negation"]
    fresh += contra.characterisation(developments, negations, look.origin_of_id)
    fresh += contra.development_figures(developments, look.origin_of_id, look.date_of_id)
    # figures of events: those the new claims joined
    events = rows.get("events", ())
    if new_docs is None:
        fresh += contra.event_figures(events, look.claims, look.voice)
    else:
        new_claims = {c["id"] for c in rows.get("claims", ()) if c.get("doc_id") in new_docs}
        touched_events = [e for e in events if not new_claims.isdisjoint(e.get("claim_ids", ()))]
        touched_ids = {e["id"] for e in touched_events}
        live_ids = {e["id"] for e in events}
        kept += [c for c in old if c["scope"].startswith("event|")
                 and c["scope"][6:] in live_ids and c["scope"][6:] not in touched_ids]
        fresh += contra.event_figures(touched_events, look.claims, look.voice)
    for row in fresh:
        if not row["doc_ids"]:
            row["doc_ids"] = list(dict.fromkeys(
                (look.claims.get(cid) or {}).get("doc_id", "") for cid in row["claim_ids"]))
    out = kept + fresh
    out.sort(key=lambda c: (c.get("date") or "~", c["kind"], c["id"]))
    return out
