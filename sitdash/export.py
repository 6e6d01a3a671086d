"""The store as JSON (everything), CSV (claims) or a Markdown situation brief."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict

import orjson

from sitdash.ingest.places import lookup
from sitdash.query import NO_FILTERS, Filters, Index
from sitdash.summary import area_status, key_quotes, movement_rows, plural, region_status

FORMATS = ("json", "csv", "md", "geojson", "acled")
CSV_COLUMNS = ("id", "doc_id", "date", "date_precision", "source", "source_kind", "kind",
               "places", "status", "reliability", "credibility", "notes", "text")


def places_table(index: Index) -> list[dict]:
    """Every place named in a claim, with its roll-up and how many claims name it."""
    mentions: Counter[str] = Counter()
    for claim in index.claims.values():
        mentions.update(set(claim.get("places", ())))
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


def export_data(index: Index, history: list[dict] | None = None) -> dict:
    """One object with documents, claims, quotes, places, movements, events and notes."""
    documents = [{
        "id": d["id"], "title": d.get("title"), "outlet": d.get("outlet"),
        "published": d.get("published"), "published_inferred": d.get("published_inferred", False),
        "dateline_place": d.get("dateline_place"), "url": d.get("url"), "path": d.get("path"),
        "version_of": d.get("version_of"), "ingested": d.get("ingested"),
    } for d in index.documents.values()]
    claims = []
    for claim in (index.claims[cid] for cid in index.order):
        judgement = index.judgement(claim["id"])
        claims.append({
            "id": claim["id"], "doc_id": claim["doc_id"], "text": claim["text"],
            "source": claim["source"], "source_kind": claim["source_kind"],
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
    } for q in index.quotes]
    movements = [{
        "actor": m["actor"], "from": m.get("origin"), "to": m.get("destination"),
        "kind": m["kind"], "size": m.get("size"), "date": m.get("date"),
        "hedged": m.get("hedged", False), "claim_id": m.get("claim_id"), "doc_id": m["doc_id"],
    } for m in index.movements]
    events = [{
        "id": e["id"], "date": e.get("date"), "precision": e.get("precision"), "type": e["type"],
        "sub_type": e.get("sub_type"), "places": e.get("places", []), "summary": e["summary"],
        "claim_ids": e.get("claim_ids", []), "sources": e.get("sources", []),
    } for e in index.events]
    notes = [note for cid in sorted(index.notes) for note in index.notes[cid]]
    data = {
        "documents": documents, "claims": claims, "quotes": quotes,
        "places": places_table(index), "movements": movements, "events": events,
        "notes": notes,
    }
    if history is not None:
        data["history"] = history
    return data


def to_json(index: Index, history: list[dict] | None = None) -> bytes:
    return orjson.dumps(export_data(index, history), option=orjson.OPT_INDENT_2) + b"\n"


def to_csv(index: Index) -> str:
    """One row per claim, for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for claim in (index.claims[cid] for cid in index.order):
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
             LEGEND, "```", "", "| Area | Theatre | Status | Last activity | Claims | Events | "
             "Movements |", "|---|---|---|---|---|---|---|"]
    reported = [r for r in areas if r.claims or r.events or r.movements]
    for row in sorted(reported, key=lambda r: (-r.level, -r.claims, r.region)):
        lines.append(f"| {row.mark} {row.region} | {row.theatre or '-'} | {row.status} | "
                     f"{row.last_date or '-'} | {row.claims} | {row.events} | {row.movements} |")
    if not reported:
        lines.append("| (nothing reported) | | | | | | |")
    return lines


def to_markdown(index: Index, filters: Filters = NO_FILTERS) -> str:
    """A situation brief: regions, key quotes, movements, and claims with their notes."""
    lines = ["# Situation brief", ""]
    dates = index.dates()
    lines.append(f"{plural(len(index.documents), 'document')}, {plural(len(index.claims), 'claim')}"
                 + (f", {dates[0]} to {dates[-1]}" if dates else "") + ".")
    if not filters.is_empty():
        lines.append("Filters: " + _md("; ".join(filters.chips())))
    lines += ["", "## Regions", "", "| Region | Status | Last activity | Claims | Events | "
              "Movements |", "|---|---|---|---|---|---|"]
    for row in region_status(index, filters):
        lines.append(f"| {row.region} | {row.status} | {row.last_date or '-'} | {row.claims} | "
                     f"{row.events} | {row.movements} |")
    lines += _oblast_section(index, filters)
    lines += ["", "## Key quotes", ""]
    for quote in key_quotes(index, filters)[:10]:
        speaker = _md(quote.get("speaker") or "unattributed")
        outlet = _md(quote.get("outlet") or "unknown outlet")
        lines.append(f"- \u201c{_md(quote['text'])}\u201d \u2014 {speaker} "
                     f"({quote.get('date') or 'undated'}, {outlet})")
    lines += ["", "## Movements", ""]
    for move in movement_rows(index, filters):
        route = f"{move.get('origin') or '?'} -> {move.get('destination') or '?'}"
        size = f", {_md(move['size'])}" if move.get("size") else ""
        lines.append(f"- {move.get('date') or 'undated'}: {_md(move['actor'])} {move['kind']} "
                     f"{route}{size} ({move['stance']})")
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
            lines.append(f"- {claim.get('date') or 'undated'} [{judgement['status']}"
                         f"{', ' + grade if grade else ''}] {_md(claim['text'])} "
                         f"\u2014 {_md(claim['source'])} `{claim['id']}`")
            for note in index.notes.get(claim["id"], []):
                lines.append(f"  - note ({_md(note['author'])}, {note['time'][:16]}): "
                             f"{_md(note['text'])}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
