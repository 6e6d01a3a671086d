"""Developments: the movements of one force in one direction, consolidated across documents (pure).

Two reports belong to one development when
- they are about the same force (forces.force_of: side, and unit or group where named: "Wagner
  Group" is not "Russian forces"; "the enemy" is read against the side of whoever says it);
- they go the same way: back (withdraw, retreat, reposition, regroup) or forward (deploy,
  redeploy, advance); a development never mixes the two;
- their ends overlap: the same place, or one inside the other (a town in an oblast, anything in
  Russia or Belarus, an oblast's capital standing for its oblast as copy often does: "Kyiv" for
  the Kyiv region). What a movement is about is its leading end, where a force leaves for a move
  back and where it arrives for a move forward; the other end counts only when a report lacks
  its leading end (every withdrawal "to Belarus" is not one withdrawal);
- they are reported close together: within GAP_DAYS of the development's latest report and
  SPAN_DAYS of its first. A withdrawal is reported as it happens and for a few days after (the
  withdrawal from around Kyiv ran from the announcement on 29 March 2022 to "completed" about a
  week later); a report more than a week after the last one is news of something else, and no
  development runs for more than three weeks, so a year of reports about one front never chains
  into one row.

Reports are taken in a canonical order (date, claim id, movement id) and each joins the open
development it fits that was reported most recently, else starts one; so the result, and each
development's id (its force, direction and first report), depend only on the set of movements,
never on the order they were ingested in. Movements without a date are consolidated only with
each other.

A development keeps every report behind it, its outlets and origins (speakers.origin_key), the
most specific origin and destination any report gives (a site counts as a town: one report of
troops "leaving near the Chernobyl power station" does not rename a withdrawal seven outlets
report from Kyiv), every stated size with the claim that
states it. How its reporting progressed (per claim, asserted or assessed and the phase its
wording gives: expected, beginning, under way, completed, or just reported) is read from its
reports when asked (`progression`), not stored.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sitdash.forces import force_key, force_label, force_of
from sitdash.ingest.places import AREA_OBLASTS, lookup
from sitdash.model import BACK_KINDS, FORWARD_KINDS

GAP_DAYS = 7
SPAN_DAYS = 21
BACK, FORWARD = "back", "forward"
_DIRECTION = {**{k: BACK for k in BACK_KINDS}, **{k: FORWARD for k in FORWARD_KINDS}}
# How specific an end is: a site (a power station, an airport) is as specific as its town.
_SPECIFICITY = {"site": 3, "city": 3, "oblast": 2, "area": 1, "country": 0}

# The phase a report's wording gives, first match wins.
_PHASES = (
    ("beginning", re.compile(r"\b(?:begun|began|beginning|begins?|started|starting|starts?|"
                             r"initial|first\s+signs?|early\s+stages?)\b", re.I)),
    ("expected", re.compile(r"\b(?:expected\s+to|will|would|plans?\s+to|planning\s+to|"
                            r"intends?\s+to|preparing\s+to|set\s+to|about\s+to|going\s+to|"
                            r"could|may|might|likely\s+to)\b", re.I)),
    ("completed", re.compile(r"\b(?:complet\w*|finished|fully|entirely|no\s+longer|"
                             r"(?:all|last)\s+(?:of\s+)?(?:the\s+|their\s+|its\s+)?(?:russian\s+|"
                             r"ukrainian\s+)?(?:forces|troops|units|soldiers)|"
                             r"(?:has|have|had)\s+(?:now\s+|already\s+|largely\s+)?(?:withdrawn|"
                             r"left|pulled\s+out|retreated|moved|deployed|redeployed|"
                             r"repositioned|regrouped|arrived|advanced))\b", re.I)),
    ("under way", re.compile(r"\b(?:are|is|were|was)\s+(?:\w+\s+)?(?:withdrawing|pulling|"
                             r"retreating|leaving|moving|repositioning|regrouping|redeploying|"
                             r"deploying|advancing|heading|pushing)\b|\bcontinu\w+|\bongoing\b|"
                             r"\bunder\s*way\b", re.I)),
)


def direction_of(kind: str) -> str | None:
    return _DIRECTION.get(kind)


def phase_of(text: str) -> str:
    for phase, pattern in _PHASES:
        if pattern.search(text or ""):
            return phase
    return "reported"


# -- places --------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def overlap(a: str, b: str) -> bool:
    """Whether two ends are the same place or one lies inside the other."""
    return a == b or _contains(a, b) or _contains(b, a)


def _contains(outer: str, inner: str) -> bool:
    o, i = lookup(outer), lookup(inner)
    if o is None or i is None or o.name == i.name:
        return False
    if o.kind == "country":
        return o.country != "UA" and i.kind != "country" and i.country == o.country
    if o.kind == "oblast":
        return i.oblast == o.name
    if o.kind == "area":
        oblasts = AREA_OBLASTS.get(o.name, ())
        return i.oblast in oblasts or i.name in oblasts
    if o.kind == "city" and o.oblast and o.oblast == f"{o.name} Oblast":
        return i.oblast == o.oblast  # "Kyiv" often stands for the Kyiv region
    return False


def _any_overlap(ends: Iterable[str], others: Iterable[str]) -> bool:
    others = tuple(others)
    return any(overlap(a, b) for a in ends for b in others)


def specificity(name: str) -> int:
    info = lookup(name)
    return _SPECIFICITY.get(info.kind, 3) if info else 3


# -- consolidation -------------------------------------------------------------------------------

@dataclass(slots=True)
class Report:
    """One movement, ready to be consolidated."""

    movement: dict
    claim: dict
    day: date | None
    order: tuple
    lead: tuple[str, ...]  # where it leaves (back) or arrives (forward)
    other: tuple[str, ...]


@dataclass(slots=True)
class _Open:
    """A development being built."""

    reports: list[Report]
    first: date | None
    last: date | None
    lead: set[str] = field(default_factory=set)
    other: set[str] = field(default_factory=set)

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self.lead.update(report.lead)
        self.other.update(report.other)
        if report.day is not None:
            self.last = report.day

    def absorb(self, other: _Open) -> None:
        """Take in a development known only by its other end, which a report just tied to
        this one ("pulled back toward Belarus" + "from Hostomel toward Belarus" + "from Kyiv")."""
        self.reports.extend(other.reports)
        self.lead.update(other.lead)
        self.other.update(other.other)
        if other.first is not None and self.first is not None:
            self.first, self.last = min(self.first, other.first), max(self.last, other.last)


def partition_of(movement: dict, voice: str | None) -> tuple[str, str] | None:
    """(force key, direction) of a movement, or None for a kind with no direction."""
    direction = direction_of(movement.get("kind") or "")
    if direction is None:
        return None
    return force_key(*force_of(movement.get("actor") or "", voice)), direction


def make_report(movement: dict, claim: dict, direction: str) -> Report:
    day = _day(movement.get("date") or claim.get("date"))
    origin, destination = movement.get("origin"), movement.get("destination")
    ends = ((origin,) if origin else (), (destination,) if destination else ())
    lead, other = ends if direction == BACK else (ends[1], ends[0])
    if direction == BACK and not lead and movement.get("kind") in _IN_PLACE and \
            _in_theatre(destination):
        lead, other = other, ()  # "a regrouping near Kyiv": where it happens, where they leave
    order = (day.isoformat() if day else "~", movement.get("claim_id") or "",
             movement.get("id") or "")
    return Report(movement, claim, day, order, lead, other)


# Moves back that copy often places where they happen rather than where they go.
_IN_PLACE = ("regroup", "reposition")


def _in_theatre(name: str | None) -> bool:
    info = lookup(name) if name else None
    return info is not None and info.country == "UA" and info.kind != "country"


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def consolidate_partition(reports: list[Report]) -> list[list[Report]]:
    """Reports of one force and direction -> the reports of each development, in order."""
    reports = sorted(reports, key=lambda r: r.order)
    done: list[_Open] = []
    live: list[_Open] = []
    for report in reports:
        if report.day is not None:
            still = []
            for dev in live:  # a development past its span takes no more reports
                if dev.first is not None and (report.day - dev.first).days > SPAN_DAYS:
                    done.append(dev)
                else:
                    still.append(dev)
            live = still
        fits = [(strength, dev) for dev in live if (strength := _fits(dev, report))]
        if not fits:
            best = _Open([], report.day, report.day)
            live.append(best)
        else:
            best = max(fits, key=lambda fit: (fit[0], _rank(fit[1])))[1]
            for _strength, dev in fits:  # developments known only by the end this one shares
                if dev is not best and not dev.lead:
                    best.absorb(dev)
                    live.remove(dev)
        best.add(report)
    done.extend(live)
    groups = [sorted(dev.reports, key=lambda r: r.order) for dev in done]
    groups.sort(key=lambda g: g[0].order)
    return groups


def _rank(dev: _Open) -> tuple:
    """Prefer the development reported most recently, then the larger; an exact tie keeps the
    one started first (developments are visited in the order they were started)."""
    return (dev.last or date.min, len(dev.reports))


def _fits(dev: _Open, report: Report) -> int:
    """2 when the leading ends overlap, 1 when only the other ends can be compared and do,
    0 when the report does not fit the development."""
    if (dev.first is None) != (report.day is None):
        return 0
    if report.day is not None:
        if (report.day - dev.last).days > GAP_DAYS or (report.day - dev.first).days > SPAN_DAYS:
            return 0
    if report.lead and dev.lead:
        return 2 if _any_overlap(report.lead, dev.lead) else 0
    if report.other and dev.other:
        return 1 if _any_overlap(report.other, dev.other) else 0
    return 0


def development_id(force: str, direction: str, first: Report) -> str:
    key = f"{force}\0{direction}\0{first.movement.get('id')}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def build_development(force: str, direction: str, reports: list[Report],
                      documents: dict[str, dict], origin_of: Callable[[dict], str],
                      speaker_of: Callable[[dict], str]) -> dict:
    """The stored row (model.Development as a dict) of one group of reports."""
    origins: Counter[str] = Counter()
    destinations: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    kinds: Counter[str] = Counter()
    claim_ids: list[str] = []
    claim_kinds: list[str] = []
    doc_ids: list[str] = []
    outlets: list[str] = []
    origin_keys: list[str] = []
    speaker_keys: list[str] = []
    sizes: list[dict] = []
    published: list[str] = []
    seen_claims: set[str] = set()
    for n, report in enumerate(reports):
        move, claim = report.movement, report.claim
        kinds[move["kind"]] += 1
        froms, tos = (report.lead, report.other) if direction == BACK else \
            (report.other, report.lead)
        for counter, places in ((origins, froms), (destinations, tos)):
            for place in places:
                counter[place] += 1
                first_seen.setdefault(place, n)
        doc = documents.get(move.get("doc_id") or "", {})
        cid = move.get("claim_id") or ""
        if move.get("size"):
            entry = {"size": move["size"], "claim_id": cid}
            if entry not in sizes:
                sizes.append(entry)
        when = doc.get("published") or move.get("date")
        if when:
            published.append(when)
        if cid in seen_claims:
            continue
        seen_claims.add(cid)
        claim_ids.append(cid)
        claim_kinds.append(move["kind"])
        _add_once(doc_ids, move.get("doc_id") or "")
        _add_once(outlets, doc.get("outlet") or "unknown outlet")
        _add_once(origin_keys, origin_of(claim))
        _add_once(speaker_keys, speaker_of(claim))
    days = [r.day for r in reports if r.day is not None]
    return {
        "id": development_id(force, direction, reports[0]),
        "force": force,
        "actor": force_label(force),
        "direction": direction,
        "kinds": [k for k, _ in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))],
        "origin": _most_specific(origins, first_seen),
        "destination": _most_specific(destinations, first_seen),
        "origins": _by_count(origins, first_seen),
        "destinations": _by_count(destinations, first_seen),
        "movement_ids": [r.movement.get("id") for r in reports],
        "claim_ids": claim_ids,
        "claim_kinds": claim_kinds,
        "doc_ids": doc_ids,
        "outlets": outlets,
        "origin_keys": origin_keys,
        "speaker_keys": speaker_keys,
        "first_date": min(days).isoformat() if days else None,
        "last_date": max(days).isoformat() if days else None,
        "first_reported": min(published) if published else None,
        "last_reported": max(published) if published else None,
        "sizes": sizes,
    }


def _add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _by_count(counts: Counter[str], first_seen: dict[str, int]) -> list[str]:
    return sorted(counts, key=lambda p: (-counts[p], first_seen[p], p))


def _most_specific(counts: Counter[str], first_seen: dict[str, int]) -> str | None:
    """The most specific end, the most reported of equally specific ones."""
    if not counts:
        return None
    return min(counts, key=lambda p: (-specificity(p), -counts[p], first_seen[p], p))


_PHASE_ORDER = ("reported", "expected", "beginning", "under way", "completed")


def progression(dev: dict, movements: dict[str, dict], claims: dict[str, dict]) -> list[dict]:
    """Each claim behind a development in report order: {claim_id, date, stance, phase}
    (stance "assessed" when the movement is hedged, else "asserted")."""
    out, seen = [], set()
    for move_id in dev.get("movement_ids") or ():
        move = movements.get(move_id)
        if move is None or move.get("claim_id") in seen:
            continue
        seen.add(move.get("claim_id"))
        claim = claims.get(move.get("claim_id") or "") or {}
        out.append({"claim_id": move.get("claim_id"), "date": move.get("date") or claim.get("date"),
                    "stance": "assessed" if move.get("hedged") else "asserted",
                    "phase": phase_of(claim.get("text") or "")})
    return out


def progression_line(progression: list[dict], limit: int = 4) -> str:
    """How the reporting went, a step per day that changed it: "assessed, beginning 2022-03-30
    -> asserted, completed 2022-04-06". A day is asserted if any report that day asserts, and
    at the furthest phase any report that day gives."""
    days: dict[str, tuple[str, str]] = {}
    for step in progression:
        day = step.get("date") or "undated"
        stance, phase = days.get(day, ("assessed", "reported"))
        if step["stance"] == "asserted":
            stance = "asserted"
        if _PHASE_ORDER.index(step["phase"]) > _PHASE_ORDER.index(phase):
            phase = step["phase"]
        days[day] = (stance, phase)
    steps: list[str] = []
    last = None
    for day in sorted(days, key=lambda d: (d == "undated", d)):
        stance, phase = days[day]
        state = f"{stance}, {phase}" if phase != "reported" else stance
        if state != last:
            steps.append(f"{state} {day}")
            last = state
    if len(steps) > limit:
        steps = steps[: limit - 1] + ["…", steps[-1]]
    return " -> ".join(steps)
