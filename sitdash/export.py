"""The store as JSON (everything), CSV (claims) or a Markdown situation brief."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict

import orjson

from sitdash.datemarks import claim_when, when_short
from sitdash.ingest.places import lookup
from sitdash.model import SIDES
from sitdash.query import NO_FILTERS, Filters, Index
from sitdash.summary import (
    area_status,
    contradiction_rows,
    development_progression,
    development_rows,
    key_contradictions,
    key_developments,
    key_quotes,
    movement_rows,
    plural,
    region_status,
)

BRIEF_TOP = 10  # rows per section of the Markdown brief (the claims list is complete)

FORMATS = ("json", "csv", "md", "geojson", "acled")
CSV_COLUMNS = ("id", "doc_id", "date", "date_precision", "source", "source_kind", "kind",
               "places", "status", "reliability", "credibility", "notes", "text")


def places_table(index: Index, claims=None) -> list[dict]:
    """Every place the documents name, with its roll-up and how many claims (and headlines or
    cut-off last sentences, which are no claims) name it; with `claims`, only theirs and their
    documents'."""
    mentions: Counter[str] = Counter()
    for claim in index.claims.values() if claims is None else claims:
        mentions.update(set(claim.get("places", ())))
    documents = index.documents.values() if claims is None else [
        index.documents[d] for d in {c["doc_id"] for c in claims} if d in index.documents]
    for document in documents:
        mentions.update(set(document.get("unclaimed_places", ())))
    rows = []
    for name, times in mentions.most_common():
        info = lookup(name)
        rows.append({
            "name": name,
            "country": info.country if info else None,
            "oblast": info.oblast if info else None,
            "region": info.region if info else None,
            "kind": info.kind if info else None,
            "mentions": times,
        })
    return rows


def export_data(index: Index, history: list[dict] | None = None,
                filters: Filters = NO_FILTERS) -> dict:
    """One object with documents, claims, quotes, places, movements, events, developments,
    contradictions and notes; with filters, only what rests on a passing claim (documents:
    those with a passing claim; history: that of passing claims and of speakers)."""
    passing = index.passing(filters)
    claim_rows = [index.claims[cid] for cid in index.claim_ids(filters)]
    doc_ids = None if passing is None else {c["doc_id"] for c in claim_rows}
    documents = [{
        "id": d["id"], "title": d.get("title"), "outlet": d.get("outlet"),
        "published": d.get("published"), "published_inferred": d.get("published_inferred", False),
        "dateline_place": d.get("dateline_place"), "url": d.get("url"), "path": d.get("path"),
        "version_of": d.get("version_of"), "ingested": d.get("ingested"), "wire": d.get("wire"),
    } for d in index.documents.values() if doc_ids is None or d["id"] in doc_ids]
    claims = []
    for claim in claim_rows:
        judgement = index.judgement(claim["id"])
        claims.append({
            "id": claim["id"], "doc_id": claim["doc_id"], "text": claim["text"],
            "source": claim["source"], "source_kind": claim["source_kind"],
            "source_role": claim.get("source_role") or None,
            "source_side": index.claim_side(claim["id"]),
            "kind": claim.get("kind"), "date": claim.get("date"),
            "date_precision": claim.get("date_precision"), "date_text": claim.get("date_text"),
            "places": claim.get("places", []), "actor_places": claim.get("actor_places", []),
            "hedges": claim.get("hedges", []),
            "quantities": claim.get("quantities", []), "status": judgement["status"],
            "reliability": judgement.get("reliability"),
            "credibility": judgement.get("credibility"),
            "span": [claim["start"], claim["end"]],
        })
    quotes = [{
        "text": q["text"], "speaker": q.get("speaker"), "speaker_kind": q.get("speaker_kind"),
        "doc_id": q["doc_id"], "claim_id": q.get("claim_id"), "span": [q["start"], q["end"]],
    } for q in index.rows_of_claims("quotes", index.quotes, passing)]
    movements = [{
        "actor": m["actor"], "from": m.get("origin"), "to": m.get("destination"),
        "kind": m["kind"], "size": m.get("size"), "date": m.get("date"),
        "hedged": m.get("hedged", False), "claim_id": m.get("claim_id"), "doc_id": m["doc_id"],
    } for m in index.movement_rows(filters)]
    events = [{
        "id": e["id"], "date": e.get("date"), "precision": e.get("precision"), "type": e["type"],
        "sub_type": e.get("sub_type"), "places": e.get("places", []), "summary": e["summary"],
        "claim_ids": e.get("claim_ids", []), "sources": e.get("sources", []),
    } for e in index.event_rows(filters)]
    notes = [note for cid in sorted(index.notes) for note in index.notes[cid]
             if passing is None or cid in passing]
    data = {
        "documents": documents, "claims": claims, "quotes": quotes,
        "places": places_table(index, None if passing is None else claim_rows),
        "movements": movements, "events": events,
        "developments": developments_table(index, filters),
        "contradictions": contradictions_table(index, filters),
        "speakers": speakers_table(index),
        "notes": notes,
    }
    if not filters.is_empty():
        data["filters"] = filters.to_dict()
    if history is not None:
        data["history"] = history if passing is None else [
            h for h in history if h.get("claim_id") in passing or h.get("speaker")]
    return data


def developments_table(index: Index, filters: Filters = NO_FILTERS) -> list[dict]:
    """Developments for the JSON export (README lists the keys)."""
    out = []
    for row in development_rows(index, filters):
        dev = row.row
        out.append({
            "id": dev["id"], "actor": dev["actor"], "force": dev["force"],
            "direction": dev["direction"], "kinds": dev["kinds"], "from": dev.get("origin"),
            "to": dev.get("destination"), "origins_reported": dev.get("origins", []),
            "destinations_reported": dev.get("destinations", []),
            "claim_ids": dev["claim_ids"], "doc_ids": dev["doc_ids"], "outlets": dev["outlets"],
            "origins": row.origin_names, "first_date": dev.get("first_date"),
            "last_date": dev.get("last_date"), "first_reported": dev.get("first_reported"),
            "last_reported": dev.get("last_reported"), "sizes": row.sizes,
            "progression": development_progression(index, dev), "contested": row.contested,
        })
    return out


def contradictions_table(index: Index, filters: Filters = NO_FILTERS) -> list[dict]:
    """Contradictions for the JSON export, each with its one-line why."""
    return [{"id": row.id, "kind": row.kind, "claim_ids": row.claim_ids,
             "doc_ids": row.row["doc_ids"], "why": row.why, "development": row.development,
             "date": row.date} for row in contradiction_rows(index, filters)]


def speakers_table(index: Index) -> list[dict]:
    """Speakers with their spellings, roles and side (the analyst's, when set)."""
    return [{"id": row["id"], "name": row["name"], "kind": row["kind"],
             "side": index.speaker_side(row["key"]),
             "side_inferred": row["side"], "side_set_by_analyst": row["key"] in
             index.speaker_sides, "names": sorted(row["names"]), "roles": sorted(row["roles"]),
             "claims": row["claims"], "docs": row["docs"]} for row in index.speakers]


def to_json(index: Index, history: list[dict] | None = None,
            filters: Filters = NO_FILTERS) -> bytes:
    return orjson.dumps(export_data(index, history, filters), option=orjson.OPT_INDENT_2) + b"\n"


def to_csv(index: Index, filters: Filters = NO_FILTERS) -> str:
    """One row per claim (passing the filters), for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for claim in (index.claims[cid] for cid in index.claim_ids(filters)):
        judgement = index.judgement(claim["id"])
        notes = " | ".join(f"{n.get('author') or '?'}: {n['text']}"
                           for n in index.notes.get(claim["id"], []))
        writer.writerow([
            claim["id"], claim["doc_id"], claim.get("date") or "", claim.get("date_precision"),
            claim["source"], claim["source_kind"], claim.get("kind"),
            "; ".join(claim.get("places", [])), judgement["status"],
            judgement.get("reliability") or "", judgement.get("credibility") or "",
            csv_safe(notes), csv_safe(claim["text"]),
        ])
    return buffer.getvalue()


def csv_safe(text: str) -> str:
    """Keep spreadsheet programs from running article text as a formula (a leading =, +, -, @,
    tab or carriage return starts one)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _md(text: str | None) -> str:
    """Article text as inert Markdown: no links, HTML or emphasis can come from it."""
    text = " ".join((text or "").split())
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def _oblast_section(index: Index, filters: Filters) -> list[str]:
    """The tile map as text and a table of the oblast-level areas with anything reported."""
    from sitdash.tilemap import LEGEND, plain_map

    areas = area_status(index, filters)
    lines = ["", "## Oblasts", "", "```text", plain_map({r.region: r for r in areas}), "",
             LEGEND, "```", "", "| Area | Theatre | Status | How sure | Last activity | Claims | "
             "Events | Developments |", "|---|---|---|---|---|---|---|---|"]
    reported = [r for r in areas if r.claims or r.events or r.movements]
    for row in sorted(reported, key=lambda r: (-r.level, -r.claims, r.region)):
        lines.append(f"| {row.mark} {row.region} | {row.theatre or '-'} | {row.status} | "
                     f"{row.certainty} | {row.last_date or '-'} | {row.claims} | {row.events} | "
                     f"{row.developments} |")
    if not reported:
        lines.append("| (nothing reported) | | | | | | | |")
    return lines


def to_markdown(index: Index, filters: Filters = NO_FILTERS, top: int = BRIEF_TOP) -> str:
    """A situation brief: key developments and contested points, regions, key quotes and the
    latest movement reports (each its top rows and how many more), then every passing claim
    with its notes."""
    lines = ["# Situation brief", ""]
    dates = index.dates()
    lines.append(f"{plural(len(index.documents), 'document')}, {plural(len(index.claims), 'claim')}"
                 + (f", {dates[0]} to {dates[-1]}" if dates else "") + ".")
    if not filters.is_empty():
        lines.append("Filters: " + _md("; ".join(filters.chips())))
    devs = key_developments(index, filters)
    lines += ["", "## Key developments", ""]
    for row in devs[:top]:
        flag = " **contested**" if row.contested else ""
        sizes = "; ".join(f"{_md(s['size'])} ({_md(s['source'] or '?')}, "
                          f"{_md(s['outlet'] or '?')})" for s in row.sizes[:3])
        lines.append(f"- {row.span}: {_md(row.actor)} {row.direction} ({', '.join(row.kinds)}) "
                     f"{_md(row.route)}{flag}; {row.sources_line} "
                     f"({_md(', '.join(row.origin_names))})"
                     + (f"; sizes {sizes}" if sizes else "")
                     + (f"; {_md(row.progress)}" if row.progress else ""))
    lines += _more_line(len(devs), top, "development") or ([] if devs else ["None."])
    contested = key_contradictions(index, filters)
    lines += ["", "## Contested", ""]
    for row in contested[:top]:
        lines.append(f"- {row.kind}: {_md(row.why)}")
    lines += _more_line(len(contested), top, "contested point") or (
        [] if contested else ["None found."])
    lines += ["", "## Regions", "", "| Region | Status | How sure | Last activity | Claims | "
              "Events | Developments |", "|---|---|---|---|---|---|---|"]
    for row in region_status(index, filters):
        lines.append(f"| {row.region} | {row.status} | {row.certainty} | {row.last_date or '-'} "
                     f"| {row.claims} | {row.events} | {row.developments} |")
    lines += _oblast_section(index, filters)
    quotes = key_quotes(index, filters)
    lines += ["", "## Key quotes", ""]
    for quote in quotes[:top]:
        speaker = _md(quote.get("speaker") or "unattributed")
        outlet = _md(quote.get("outlet") or "unknown outlet")
        day = claim_when(index.claims, quote.get("claim_id"), quote.get("date"))
        lines.append(f"- \u201c{_md(quote['text'])}\u201d \u2014 {speaker} ({day}, {outlet})")
    lines += _more_line(len(quotes), top, "quote")
    moves = movement_rows(index, filters)
    lines += ["", "## Latest movement reports", ""]
    for move in [m for m in moves if m.get("date")][-top:][::-1]:
        route = f"{move.get('origin') or '?'} -> {move.get('destination') or '?'}"
        size = f", {_md(move['size'])}" if move.get("size") else ""
        outlet = index.documents.get(move.get("doc_id", ""), {}).get("outlet") or "unknown outlet"
        day = claim_when(index.claims, move.get("claim_id"), move.get("date"))
        lines.append(f"- {day}: {_md(move['actor'])} {move['kind']} "
                     f"{route}{size} ({move['stance']}; {_md(outlet)})")
    lines += _more_line(len(moves), top, "movement report")
    lines += ["", "## Claims", ""]
    by_region: dict[str, list[dict]] = defaultdict(list)
    for claim in index.claim_rows(filters):
        regions = sorted(index.facts[claim["id"]].regions) or ["unplaced"]
        by_region[regions[0]].append(claim)
    for region in sorted(by_region):
        lines += [f"### {region}", ""]
        for claim in by_region[region]:
            judgement = index.judgement(claim["id"])
            grade = (judgement.get("reliability") or "") + (judgement.get("credibility") or "")
            outlet = index.document_of(claim["id"]).get("outlet") or "unknown outlet"
            side = SIDES[index.claim_side(claim["id"])]
            lines.append(f"- {when_short(claim.get('date'), claim.get('date_precision'))} "
                         f"[{judgement['status']}"
                         f"{', ' + grade if grade else ''}] {_md(claim['text'])} "
                         f"\u2014 {_md(claim['source'])} ({side}; {_md(outlet)}) "
                         f"`{claim['id']}`")
            for note in index.notes.get(claim["id"], []):
                lines.append(f"  - note ({_md(note['author'])}, {note['time'][:16]}): "
                             f"{_md(note['text'])}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _more_line(total: int, shown: int, noun: str) -> list[str]:
    if total <= shown:
        return []
    return ["", f"... and {plural(total - shown, 'more ' + noun)} (the JSON export has them all)."]
