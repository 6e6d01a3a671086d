"""Exports for mapping and event-data tools: GeoJSON (QGIS, kepler.gl, geojson.io) and an
ACLED-style events CSV.

GeoJSON follows RFC 7946: a FeatureCollection in WGS 84 with [longitude, latitude] positions.
Only places with coordinates in the gazetteer become geometry; a country named as a whole has no
point (its centroid would mislead on a map), and nothing is ever placed at a guessed position.

The ACLED CSV has the columns of the ACLED codebook's "ACLED Data Columns at a Glance" table
(31 columns since the March 2023 column changes), in that order. Values use ACLED's vocabulary
where sitdash knows them and are left empty where it does not: actors, fatalities, source scale
and the like are never invented. One row per event and location, as ACLED codes events that
differ in location as separate events.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import orjson

from sitdash.export import csv_safe
from sitdash.ingest.places import areas_of, lookup
from sitdash.model import PlaceInfo
from sitdash.query import NO_FILTERS, Filters, Index
from sitdash.summary import movement_rows

# -- places ----------------------------------------------------------------------------------

# How exactly a place's coordinates locate it (ACLED geo_precision: 1 the town itself, 3 a
# larger region represented by its capital or centre).
PRECISION_OF_KIND = {"city": 1, "site": 1, "oblast": 3, "area": 3}


def position(info: PlaceInfo | None) -> list[float] | None:
    """[longitude, latitude] of a place with a point on the map, else None."""
    if info is None or info.kind not in PRECISION_OF_KIND or info.lat is None or info.lon is None:
        return None
    return [round(float(info.lon), 4), round(float(info.lat), 4)]


def _oblast(info: PlaceInfo | None) -> str | None:
    """The oblast a place lies in ("Kharkiv Oblast"); the areas for Donbas ("Donetsk Oblast;
    Luhansk Oblast")."""
    if info is None:
        return None
    return info.oblast or ("; ".join(areas_of(info.name)) or None)


def _outlets(index: Index, doc_ids) -> list[str]:
    names = []
    for doc_id in doc_ids:
        outlet = (index.documents.get(doc_id) or {}).get("outlet")
        if outlet and outlet not in names:
            names.append(outlet)
    return names


# -- GeoJSON ---------------------------------------------------------------------------------


def geojson_data(index: Index, filters: Filters = NO_FILTERS) -> dict:
    """A FeatureCollection: a Point per event place, a Point per place named in the claims, a
    LineString per movement whose both ends have a point."""
    features = _event_points(index, filters) + _place_points(index, filters)
    features += _movement_lines(index, filters)
    return {"type": "FeatureCollection", "features": features}


def to_geojson(index: Index, filters: Filters = NO_FILTERS) -> bytes:
    return orjson.dumps(geojson_data(index, filters), option=orjson.OPT_INDENT_2) + b"\n"


def _feature(feature_id: str, geometry: dict, properties: dict) -> dict:
    return {"type": "Feature", "id": feature_id, "geometry": geometry, "properties": properties}


def _event_points(index: Index, filters: Filters) -> list[dict]:
    features = []
    for event in index.event_rows(filters):
        places = event.get("places") or []
        outlets = _outlets(index, event.get("sources") or ())
        for n, name in enumerate(places, 1):
            info = lookup(name)
            point = position(info)
            if point is None:
                continue
            geometry = {"type": "Point", "coordinates": point}
            features.append(_feature(f"{event['id']}-{n}", geometry, {
                "feature": "event", "name": name, "oblast": _oblast(info),
                "region": info.region, "date": event.get("date"),
                "date_precision": event.get("precision"), "type": event["type"],
                "sub_type": event.get("sub_type"), "summary": event.get("summary"),
                "places": places, "claims": len(event.get("claim_ids") or ()),
                "sources": len(event.get("sources") or ()),
                "claim_ids": list(event.get("claim_ids") or ()), "outlets": outlets,
                "event_id": event["id"], "geo_precision": PRECISION_OF_KIND[info.kind],
            }))
    return features


def _place_points(index: Index, filters: Filters) -> list[dict]:
    claims_of: dict[str, list[str]] = {}
    for cid in index.claim_ids(filters):
        for name in dict.fromkeys(index.claims[cid].get("places") or ()):
            claims_of.setdefault(name, []).append(cid)
    events_of: dict[str, int] = {}
    for event in index.event_rows(filters):
        for name in event.get("places") or ():
            events_of[name] = events_of.get(name, 0) + 1
    features = []
    for name, cids in sorted(claims_of.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        info = lookup(name)
        point = position(info)
        if point is None:
            continue
        dates = sorted(d for d in (index.claims[c].get("date") for c in cids) if d)
        docs = dict.fromkeys(index.claims[c]["doc_id"] for c in cids)
        features.append(_feature(f"place:{name}", {"type": "Point", "coordinates": point}, {
            "feature": "place", "name": name, "oblast": _oblast(info), "region": info.region,
            "country": info.country, "place_kind": info.kind,
            "date": dates[-1] if dates else None, "first_date": dates[0] if dates else None,
            "type": None, "claims": len(cids), "events": events_of.get(name, 0),
            "claim_ids": cids, "outlets": _outlets(index, docs),
            "geo_precision": PRECISION_OF_KIND[info.kind],
        }))
    return features


def _movement_lines(index: Index, filters: Filters) -> list[dict]:
    features = []
    for move in movement_rows(index, filters):
        origin, destination = move.get("origin"), move.get("destination")
        start = position(lookup(origin)) if origin else None
        end = position(lookup(destination)) if destination else None
        if start is None or end is None or start == end:
            continue  # a line needs two distinct known ends
        claim = index.claims.get(move.get("claim_id") or "") or {}
        features.append(_feature(move["id"], {"type": "LineString", "coordinates": [start, end]}, {
            "feature": "movement", "name": f"{origin} -> {destination}", "actor": move["actor"],
            "from": origin, "to": destination, "from_oblast": _oblast(lookup(origin)),
            "to_oblast": _oblast(lookup(destination)), "type": move["kind"],
            "size": move.get("size"), "date": move.get("date"), "stance": move.get("stance"),
            "claims": 1 if claim else 0, "claim_ids": [claim["id"]] if claim else [],
            "outlets": _outlets(index, [move["doc_id"]]),
        }))
    return features


# -- ACLED -----------------------------------------------------------------------------------

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
# The codebook's table of event types, sub-event types and disorder types.
_DISORDER_OF_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Protest with intervention": "Demonstrations",
    "Peaceful protest": "Demonstrations",
    "Violent demonstration": "Demonstrations",
    "Mob violence": "Political violence",
}
_DISORDER_OF_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Strategic developments": "Strategic developments",
    "Protests": "Demonstrations",
}
# ISO 3166-1 numeric codes and country names of the theatre and its neighbours.
_COUNTRIES = {"UA": (804, "Ukraine"), "RU": (643, "Russia"), "BY": (112, "Belarus"),
              "MD": (498, "Moldova"), "PL": (616, "Poland"), "RO": (642, "Romania"),
              "HU": (348, "Hungary"), "SK": (703, "Slovakia"), "LT": (440, "Lithuania")}


def acled_date(day: str | None, precision: str | None) -> tuple[str, int | str]:
    """(event_date, time_precision) the ACLED way: a day is itself (1); a week is recorded on
    its middle day (2); a month on its 15th (3). sitdash keeps a coarse date on the first day
    of the period. Anything vaguer has no ACLED date: both are left empty."""
    if not day:
        return "", ""
    start = date.fromisoformat(day)
    if precision == "day":
        return start.isoformat(), 1
    if precision == "week":
        return (start + timedelta(days=3)).isoformat(), 2
    if precision == "month":
        return start.replace(day=15).isoformat(), 3
    return "", ""


def acled_rows(index: Index, filters: Filters = NO_FILTERS) -> list[dict[str, object]]:
    """One row per event and place (an event without a place: one row, no location)."""
    rows = []
    for event in index.event_rows(filters):
        event_date, time_precision = acled_date(event.get("date"), event.get("precision"))
        etype, sub = event["type"], event.get("sub_type") or ""
        base = {column: "" for column in ACLED_COLUMNS}
        base.update({
            "event_date": event_date,
            "year": int(event["date"][:4]) if event.get("date") else "",
            "time_precision": time_precision,
            "disorder_type": _DISORDER_OF_SUB_TYPE.get(sub) or _DISORDER_OF_TYPE.get(etype, ""),
            "event_type": etype,
            "sub_event_type": sub,
            "civilian_targeting": "Civilians targeted"
            if etype == "Violence against civilians" else "",
            "source": "; ".join(_outlets(index, event.get("sources") or ())),
            "notes": event.get("summary") or "",
        })
        places = event.get("places") or [None]
        for n, name in enumerate(places, 1):
            row = dict(base)
            # sitdash's own id (never a number a spreadsheet could mangle), one per place
            suffix = "" if len(places) == 1 else f"-{n}"
            row["event_id_cnty"] = f"sitdash-{event['id']}{suffix}"
            row.update(_acled_location(name))
            rows.append(row)
    return rows


def _acled_location(name: str | None) -> dict[str, object]:
    info = lookup(name) if name else None
    if info is None:
        return {"location": name or ""}
    iso, country = _COUNTRIES.get(info.country, ("", ""))
    out: dict[str, object] = {"location": info.name, "iso": iso, "country": country}
    if info.oblast:  # "Kharkiv Oblast" -> "Kharkiv", as ACLED names first-level regions
        out["admin1"] = info.oblast.removesuffix(" Oblast")
    point = position(info)
    if point is not None:
        out.update({"longitude": point[0], "latitude": point[1],
                    "geo_precision": PRECISION_OF_KIND[info.kind]})
    return out


def to_acled_csv(index: Index, filters: Filters = NO_FILTERS) -> str:
    """Events as an ACLED-style CSV (see the module docstring); article text cannot run as a
    spreadsheet formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ACLED_COLUMNS)
    for row in acled_rows(index, filters):
        writer.writerow([csv_safe(v) if isinstance(v, str) else v
                         for v in (row[c] for c in ACLED_COLUMNS)])
    return buffer.getvalue()
