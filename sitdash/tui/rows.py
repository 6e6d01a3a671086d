"""What the panes and screens show, computed from the query index (pure: no textual imports).

Panes call these to get their rows and the context of a selected claim; the functions only
read `Index` and `summary`, so they can be tested without a terminal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sitdash import summary
from sitdash.datemarks import claim_when, when, when_short  # noqa: F401 (re-exported)
from sitdash.model import CREDIBILITY, RELIABILITY, STATUSES
from sitdash.query import Filters, Index
from sitdash.speakers import UNKNOWN, side_label  # noqa: F401 (re-exported)
from sitdash.tui.text import clean, clean_block, clean_with_span, grade_label, paragraph_around

NOTE_MARK = "✎"
NEW_MARK = "●"  # new since the analyst's last review; shares the note mark's column
MARK_WIDTH = 2  # the mark column: "●✎", "● ", " ✎" or blank


def row_mark(has_notes: bool, new: bool = False) -> str:
    """The mark column: ● when new since the last review (it goes with the review), then ✎
    when the row's claim has notes; both show, so neither hides the other."""
    return (NEW_MARK if new else " ") + (NOTE_MARK if has_notes else " ")


def counts_line(index: Index, shown: int) -> str:
    """"12/40 claims · 3 new" for a header (the new count only when something is new)."""
    new = len(index.new_claims)
    return f"{shown}/{len(index.claims)} claims" + (f" · {new} new" if new else "")


@dataclass(slots=True)
class Day:
    """A day heading in the timeline."""

    label: str


def timeline_rows(index: Index, filters: Filters, heading: Callable[[str], Any] = Day,
                  newest_first: bool = False) -> list[Any]:
    """Day headings (made by `heading` from their label) followed by that day's events
    (dicts), oldest day first (or newest day first)."""
    def build() -> list[Any]:
        days = summary.timeline(index, filters)
        if newest_first:  # the latest day first; undated stays last
            dated = [d for d in days if d[0] != "undated"]
            days = dated[::-1] + days[len(dated):]
        rows: list[Any] = []
        for day, events in days:
            rows.append(heading(f"{day}  ({len(events)} event{'s' if len(events) != 1 else ''})"))
            rows.extend(events)
        return rows

    return index.memo(("timeline rows", filters, heading, newest_first), build)


def event_claim(event: dict) -> str | None:
    ids = event.get("claim_ids") or []
    return ids[0] if ids else None


def event_has_notes(index: Index, event: dict) -> bool:
    return any(index.has_notes(cid) for cid in event.get("claim_ids") or ())


def event_is_new(index: Index, event: dict) -> bool:
    return any(cid in index.new_claims for cid in event.get("claim_ids") or ())


# ACLED sub-event types as a list column can show them (the claim screen gives the full name).
SHORT_TYPES = {
    "Air/drone strike": "Air strike",
    "Shelling/artillery/missile attack": "Shelling",
    "Remote explosive/landmine/IED": "Mine/IED",
    "Non-state actor overtakes territory": "Territory",
    "Government regains territory": "Territory",
    "Change to group/activity": "Force move",
    "Headquarters or base established": "New base",
    "Disrupted weapons use": "Disrupted",
    "Looting/property destruction": "Looting",
    "Abduction/forced disappearance": "Abduction",
    "Attack": "Civ. attack",
    "Sexual violence": "Sexual viol",
    "Peaceful protest": "Protest",
    "Protest with intervention": "Protest",
    "Excessive force against protesters": "Protest",
    "Violent demonstration": "Riot",
    "Mob violence": "Riot",
    "Non-violent transfer of territory": "Territory",
}


def short_type(sub_type: str | None) -> str:
    """A short label for an event type: "Air strike"; an unknown one up to its first "/"."""
    if not sub_type:
        return ""
    return SHORT_TYPES.get(sub_type) or sub_type.split("/", 1)[0]


def status_code(status: str | None) -> str:
    """A verification status in three letters, as the Sources screen counts them: unv, cor,
    dis, fal."""
    return (status or "unverified")[:3]


def region_rows(index: Index, filters: Filters) -> list[summary.RegionRow]:
    """Each theatre region followed by its areas with anything reported."""
    return summary.regions_outline(index, filters)


def region_has_notes(index: Index, region: str) -> bool:
    members = index.by_region.get(region, set())
    return any(cid in members for cid in index.notes)


def region_has_new(index: Index, region: str) -> bool:
    new = index.new_claims
    return bool(new) and not new.isdisjoint(index.by_region.get(region, ()))


def region_claim(index: Index, region: str, filters: Filters) -> str | None:
    """The latest dated claim about a region (else its last undated one): what n, v and g act
    on from a region row."""
    members = index.by_region.get(region, set())
    last = None
    for cid in reversed(index.claim_ids(filters)):  # the latest first; stop at a dated one
        if cid in members:
            if index.claims[cid].get("date"):
                return cid
            last = last or cid
    return last


def region_developments(index: Index, region: str, filters: Filters) -> list[dict]:
    """The developments resting on a passing claim about `region`, the best attested first:
    the dashboard's key developments (already worked out for `filters`) kept to that region,
    so moving along the Regions pane runs no filter of its own."""
    members = index.by_region.get(region, set())
    passing = index.passing(filters)
    return [dev for dev in summary.key_developments(index, filters).stored()
            if any(cid in members and (passing is None or cid in passing)
                   for cid in dev["claim_ids"])]


def region_summary(index: Index, row: summary.RegionRow, filters: Filters) -> list[str]:
    """What the detail strip says of a Regions row: what is going on there and how sure, when
    and how much, its best-attested developments, and its latest claim (what n, v and g act
    on)."""
    from sitdash.tilemap import describe

    lines = list(describe(row))  # what is going on; how sure, when and how much
    devs = region_developments(index, row.region, filters)
    if devs:
        shown = "; ".join(
            f"{d.actor} {d.direction} {d.route} ({sources_cell(d.outlets, d.origins)})"
            for d in (summary.development_row(index, dev["id"]) for dev in devs[:2]))
        more = f" (+{len(devs) - 2} more)" if len(devs) > 2 else ""
        lines.append(f"Developments: {shown}{more}")
    claim_id = region_claim(index, row.region, filters)
    if claim_id:
        claim = index.claims[claim_id]
        day = when_short(claim.get("date"), claim.get("date_precision"))
        outlet = index.document_of(claim_id).get("outlet") or "unknown outlet"
        lines.append(f"Latest claim ({day}, {outlet}): {claim.get('text', '')}")
    return lines


def quote_rows(index: Index, filters: Filters) -> list[dict]:
    return summary.key_quotes(index, filters)


def route(move: dict) -> str:
    return f"{move.get('origin') or '?'} -> {move.get('destination') or '?'}"


# -- developments -------------------------------------------------------------------------------

CONTESTED_MARK = "!"  # a development some reports dispute (its wording or its figures)
# A speaker's side in three letters, for narrow columns (the full label where there is room).
SIDE_CODES = {"ua": "UA", "ru": "RU", "allied": "US+", "other": "oth", UNKNOWN: "?"}


def development_rows(index: Index, filters: Filters,
                     newest_first: bool = False) -> summary.LazyRows:
    """Developments resting on a passing claim, in date order (summary.DevelopmentRow): the
    latest report first when `newest_first`."""
    return summary.development_rows(index, filters, newest_first)


def development_noted(index: Index, row: summary.DevelopmentRow) -> bool:
    return any(index.has_notes(cid) for cid in row.row["claim_ids"])


def development_new(index: Index, row: summary.DevelopmentRow) -> bool:
    new = index.new_claims
    return bool(new) and not new.isdisjoint(row.row["claim_ids"])


def development_claim(row: summary.DevelopmentRow) -> str | None:
    """The latest report's claim (a development keeps its claims in date order): what the
    detail strip shows and n, v and g act on from the Movements pane."""
    ids = row.row.get("claim_ids") or ()
    return ids[-1] if ids else None


def kinds_cell(kinds: list[str]) -> str:
    """The most reported kind, and how many others: "withdraw +2"."""
    if not kinds:
        return "-"
    return kinds[0] + (f" +{len(kinds) - 1}" if len(kinds) > 1 else "")


def sources_cell(outlets: int, origins: int) -> str:
    """Outlets and independent origins, counted apart: "7 out/3 src"."""
    return f"{outlets} out/{origins} src"


def span_cell(first: str | None, last: str | None) -> str:
    """A date span in 12 columns: "2022-03-30" for one day, "03-30..04-04" for several (the
    year is on the development screen and in the detail strip)."""
    if first == last or not (first and last):
        return first or last or "undated"
    return f"{first[5:]}..{last[5:]}"


def development_totals_line(index: Index, filters: Filters) -> str:
    """ "16 developments: 5 back, 11 forward · 1 contested · 41 reports"."""
    stored = index.development_rows(filters)
    if not stored:
        return "No developments."
    back = sum(1 for d in stored if d["direction"] == "back")
    contested = index.contested()
    disputed = sum(1 for d in stored if d["id"] in contested)
    reports = sum(len(d["claim_ids"]) for d in stored)
    line = (f"{summary.plural(len(stored), 'development')}: {back} back, "
            f"{len(stored) - back} forward")
    if disputed:
        line += f" · {disputed} contested"
    return line + f" · {summary.plural(reports, 'report')}"


def side_code(side: str | None) -> str:
    return SIDE_CODES.get(side or UNKNOWN, "?")


# How sure a region's status is, in the Regions pane's column (12 wide).
SURE_SHORT = {summary.SINGLE: "one source", summary.CORROBORATED: "corroborated",
              summary.CONTESTED: "contested", summary.SURE_NO_EVENTS: "no events",
              summary.SURE_NO_REPORTS: "-"}


def sure_cell(certainty: str | None) -> str:
    return SURE_SHORT.get(certainty or "", certainty or "-")


# -- contradictions -----------------------------------------------------------------------------

# Kinds of contradiction as a list column shows them.
CONTRADICTION_WORDS = {"activity": "activity", "characterisation": "wording",
                       "figures": "figures"}


def contradiction_rows(index: Index, filters: Filters,
                       newest_first: bool = False) -> summary.LazyRows:
    """Contradictions with a passing claim, in date order (summary.ContradictionRow)."""
    return summary.contradiction_rows(index, filters, newest_first)


def contradiction_span(index: Index, row: summary.ContradictionRow) -> str:
    """The first and last dates of its claims, as span_cell writes them."""
    dates = sorted(d for d in (index.claims.get(c, {}).get("date") for c in row.claim_ids) if d)
    return span_cell(dates[0], dates[-1]) if dates else "undated"


def contradiction_noted(index: Index, row: summary.ContradictionRow) -> bool:
    return any(index.has_notes(cid) for cid in row.claim_ids)


def contradiction_new(index: Index, row: summary.ContradictionRow) -> bool:
    new = index.new_claims
    return bool(new) and not new.isdisjoint(row.claim_ids)


def claim_rows(index: Index, filters: Filters, newest_first: bool = False) -> list[dict]:
    """Claims passing `filters` in date order (the oldest first unless `newest_first`);
    undated claims come last either way."""
    rows = index.claim_rows(filters)
    if not newest_first:
        return rows
    dated = len(rows)
    while dated and not rows[dated - 1].get("date"):
        dated -= 1
    return rows[dated - 1::-1] + rows[dated:] if dated else rows


# -- context of one claim -----------------------------------------------------------------------


@dataclass(slots=True)
class ClaimContext:
    """Everything the detail strip and the claim screen show about one claim."""

    claim_id: str
    claim: dict
    paragraph: str  # cleaned paragraph holding the sentence
    span: tuple[int, int]  # the sentence inside `paragraph`
    title: str
    outlet: str
    published: str
    status: str
    grade: str
    grade_words: str
    notes: list[dict] = field(default_factory=list)
    new: bool = False  # ingested since the analyst's last review


def claim_context(index: Index, claim_id: str | None) -> ClaimContext | None:
    """The claim's sentence in its paragraph, its document and how it was judged."""
    if not claim_id or claim_id not in index.claims:
        return None
    return index.memo(("context", claim_id), lambda: _claim_context(index, claim_id))


def _claim_context(index: Index, claim_id: str) -> ClaimContext:
    claim = index.claims[claim_id]
    doc = index.document_of(claim_id)
    text = doc.get("text") or ""
    start, end = int(claim.get("start") or 0), int(claim.get("end") or 0)
    if text and 0 <= start < end <= len(text):
        para, s, e = paragraph_around(text, start, end)
    else:  # no document text: the sentence alone
        para, s, e = claim.get("text", ""), 0, len(claim.get("text", ""))
    para, s, e = clean_with_span(para, s, e)
    judgement = index.judgement(claim_id)
    return ClaimContext(
        claim_id=claim_id,
        claim=claim,
        paragraph=para,
        span=(s, e),
        title=clean(doc.get("title")) or "(untitled)",
        outlet=clean(doc.get("outlet")) or "(unknown outlet)",
        published=clean(doc.get("published")) or "undated",
        status=judgement.get("status") or "unverified",
        grade=grade_label(judgement),
        grade_words=grade_words(judgement),
        notes=sorted(index.notes.get(claim_id, []), key=lambda n: n.get("time") or ""),
        new=index.is_new(claim_id),
    )


def neighbour_paragraphs(index: Index, claim_id: str) -> tuple[str, str]:
    """The (cleaned) paragraphs just before and after the claim's own, for fuller context."""
    claim = index.claims.get(claim_id) or {}
    text = index.document_of(claim_id).get("text") or ""
    start, end = int(claim.get("start") or 0), int(claim.get("end") or 0)
    if not text or not 0 <= start < end <= len(text):
        return "", ""
    p_start = text.rfind("\n\n", 0, start)
    p_end = text.find("\n\n", start)
    before = ""
    if p_start > 0:
        before, _, _ = paragraph_around(text, p_start - 1, p_start - 1)
    after = ""
    if p_end >= 0 and p_end + 2 < len(text):
        after, _, _ = paragraph_around(text, p_end + 2, p_end + 2)
    return clean_block(before), clean_block(after)


def grade_words(judgement: dict) -> str:
    rel, cred = judgement.get("reliability"), judgement.get("credibility")
    if not rel and not cred:
        return "not graded"
    return f"{RELIABILITY.get(rel or '', '?')}; {CREDIBILITY.get(cred or '', '?')}"


def window(paragraph: str, start: int, end: int, limit: int) -> tuple[str, int, int]:
    """At most `limit` characters of `paragraph` around the span (ellipses where cut)."""
    if len(paragraph) <= limit:
        return paragraph, start, end
    room = max(0, limit - (end - start))
    lo = max(0, start - room // 3)
    hi = min(len(paragraph), max(end, lo + limit))
    lo = max(0, min(lo, hi - limit))
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(paragraph) else ""
    shown = prefix + paragraph[lo:hi] + suffix
    shift = len(prefix) - lo
    return shown, max(0, start + shift), min(len(shown), end + shift)


def linked(index: Index, claim_id: str) -> tuple[list[dict], list[dict], list[dict]]:
    """Events, quotes and movements that rest on a claim."""
    events = [e for e in index.events if claim_id in (e.get("claim_ids") or ())]
    quotes = [q for q in index.quotes if q.get("claim_id") == claim_id]
    moves = [m for m in index.movements if m.get("claim_id") == claim_id]
    return events, quotes, moves


# -- sources ------------------------------------------------------------------------------------


@dataclass(slots=True)
class SourceRow:
    """A document or a speaker, how many claims it made and how they were judged."""

    key: str  # a document id, or a speaker's identity (speakers.speaker_key)
    label: str
    detail: str
    claims: int
    statuses: Counter
    name: str = ""  # a speaker's name as claims spell it (what a source filter takes)
    side: str = ""  # a speaker's side (model.SIDES code): the analyst's, else inferred
    side_set: bool = False  # the analyst corrected the side


def _status_of(index: Index, cid: str) -> str:
    return index.facts[cid].status if cid in index.facts else "unverified"


def document_rows(index: Index, filters: Filters) -> list[SourceRow]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for cid in index.claim_ids(filters):
        grouped[index.claims[cid].get("doc_id", "")].append(cid)
    rows = []
    for doc_id, cids in grouped.items():
        doc = index.documents.get(doc_id, {})
        detail = " · ".join(clean(x) for x in (doc.get("outlet"), doc.get("published")) if x)
        rows.append(SourceRow(doc_id, clean(doc.get("title")) or doc_id[:12], detail, len(cids),
                              Counter(_status_of(index, c) for c in cids)))
    rows.sort(key=lambda r: (-r.claims, r.label))
    return rows


def speaker_rows(index: Index, filters: Filters) -> list[SourceRow]:
    """One row per speaker (every spelling together), with its side."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for cid in index.claim_ids(filters):
        grouped[index.speaker_key_of(cid)].append(cid)
    rows = []
    for key, cids in grouped.items():
        claims = [index.claims[c] for c in cids]
        name = index.speaker_name(key) or claims[0].get("source") or ""
        kinds = Counter(c.get("source_kind") or "other" for c in claims)
        rows.append(SourceRow(key, clean(name) or "(unattributed)", kinds.most_common(1)[0][0],
                              len(cids), Counter(_status_of(index, c) for c in cids), name=name,
                              side=index.speaker_side(key),
                              side_set=key in index.speaker_sides))
    rows.sort(key=lambda r: (-r.claims, r.label))
    return rows


def side_cell(row: SourceRow) -> str:
    """ "Ukrainian", "Russian *" (* the analyst set it)."""
    return side_label(row.side) + (" *" if row.side_set else "")


def status_counts(row: SourceRow) -> str:
    """"unv 3 cor 1 dis 0 fal 0" as fixed-width text (words, not colours)."""
    return " ".join(f"{s[:3]} {row.statuses.get(s, 0)}" for s in STATUSES)
