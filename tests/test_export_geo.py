"""GeoJSON and ACLED exports: [lon, lat] order, a schema-valid FeatureCollection, ACLED's columns
in ACLED's order, ACLED dates, and nothing invented or unsafe."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import jsonschema
import pytest

from sitdash.export_geo import ACLED_COLUMNS, acled_date, geojson_data, to_acled_csv, to_geojson
from sitdash.query import Filters, Index

SCHEMA = json.loads((Path(__file__).parent / "data" / "geojson" /
                     "FeatureCollection.json").read_text())
# The ACLED codebook's "Data Columns" table, as published since the March 2023 changes.
CODEBOOK_COLUMNS = """event_id_cnty event_date year time_precision disorder_type event_type
sub_event_type actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction
civilian_targeting iso region country admin1 admin2 admin3 location latitude longitude
geo_precision source source_scale notes fatalities tags timestamp""".split()


def claim(cid, text, places, date, doc="d1"):
    return {"id": cid, "doc_id": doc, "text": text, "source": "the governor", "places": places,
            "date": date, "start": int(cid[1:])}


def event(eid, etype, sub, places, claim_ids, date="2022-03-24", precision="day",
          summary="Shelling reported"):
    return {"id": eid, "date": date, "precision": precision, "type": etype, "sub_type": sub,
            "places": places, "summary": summary, "claim_ids": claim_ids, "sources": ["d1"]}


def make_index():
    claims = {c["id"]: c for c in [
        claim("c1", "Missiles struck Kyiv and Kharkiv overnight, the governor said.",
              ["Kyiv", "Kharkiv"], "2022-03-24"),
        claim("c2", "Fighting continued across Donbas.", ["Donbas"], "2022-03-21"),
        claim("c3", "Russia moved more troops, officials said.", ["Russia"], "2022-03-01"),
        claim("c4", "Units pulled back from Sumy toward Kharkiv.", ["Sumy", "Kharkiv"],
              "2022-03-25", doc="d2"),
        claim("c5", "Civilians were executed in Bucha, residents said.", ["Bucha"], None),
    ]}
    events = [
        event("e1", "Explosions/Remote violence", "Shelling/artillery/missile attack",
              ["Kharkiv", "Kyiv"], ["c1"], summary="=HYPERLINK(\"x\") missiles struck"),
        event("e2", "Battles", "Armed clash", ["Donbas"], ["c2"], date="2022-03-21",
              precision="week"),
        event("e3", "Strategic developments", "Change to group/activity", ["Russia"], ["c3"],
              date="2022-03-01", precision="month"),
        event("e4", "Violence against civilians", "Attack", ["Bucha"], ["c5"], date=None,
              precision="unknown"),
    ]
    movements = [
        {"id": "m1", "doc_id": "d2", "claim_id": "c4", "actor": "Russian units", "origin": "Sumy",
         "destination": "Kharkiv", "kind": "withdraw", "size": None, "date": "2022-03-25",
         "hedged": False, "start": 4},
        {"id": "m2", "doc_id": "d1", "claim_id": "c3", "actor": "Russian troops",
         "origin": "Kyiv", "destination": "Belarus", "kind": "reposition", "size": None,
         "date": "2022-03-01", "hedged": True, "start": 3},
        {"id": "m3", "doc_id": "d1", "claim_id": "c3", "actor": "Russian troops",
         "origin": "Sumy", "destination": None, "kind": "withdraw", "size": None,
         "date": "2022-03-01", "hedged": False, "start": 5},
    ]
    docs = {"d1": {"id": "d1", "outlet": "Test Wire"}, "d2": {"id": "d2", "outlet": "Kyiv Desk"}}
    return Index(documents=docs, claims=claims, quotes=[], movements=movements, events=events)


# -- GeoJSON ---------------------------------------------------------------------------------


def test_geojson_is_a_valid_feature_collection_by_the_official_schema():
    data = json.loads(to_geojson(make_index()))
    jsonschema.validate(data, SCHEMA)
    assert data["type"] == "FeatureCollection" and data["features"]
    # No NaN, no nulls and no strings where numbers belong.
    for feature in data["features"]:
        coords = feature["geometry"]["coordinates"]
        positions = coords if feature["geometry"]["type"] == "LineString" else [coords]
        for lon, lat in positions:
            assert isinstance(lon, float) and isinstance(lat, float)
            assert math.isfinite(lon) and math.isfinite(lat)
    # A property value the schema would reject is caught (the check can fail).
    broken = json.loads(to_geojson(make_index()))
    broken["features"][0]["geometry"]["coordinates"] = ["30.5", "50.4"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_positions_are_longitude_then_latitude():
    data = geojson_data(make_index())
    kyiv = next(f for f in data["features"] if f["properties"]["feature"] == "place"
                and f["properties"]["name"] == "Kyiv")
    assert kyiv["geometry"] == {"type": "Point", "coordinates": [30.5238, 50.4547]}
    for feature in data["features"]:  # everything lies in the theatre, east of Greenwich
        coords = feature["geometry"]["coordinates"]
        for lon, lat in coords if isinstance(coords[0], list) else [coords]:
            assert 20 < lon < 48 and 44 < lat < 56


def test_event_points_carry_what_an_analyst_filters_on():
    features = geojson_data(make_index())["features"]
    shelling = [f for f in features if f["properties"].get("event_id") == "e1"]
    assert [f["properties"]["name"] for f in shelling] == ["Kharkiv", "Kyiv"]  # one per place
    props = shelling[0]["properties"]
    assert props["oblast"] == "Kharkiv Oblast" and props["date"] == "2022-03-24"
    assert props["type"] == "Explosions/Remote violence"
    assert (props["claims"], props["claim_ids"], props["outlets"]) == (1, ["c1"], ["Test Wire"])
    assert len({f["id"] for f in features}) == len(features)
    # Donbas is placed at its centre and says so; a country named whole has no point.
    donbas = next(f for f in features if f["properties"].get("event_id") == "e2")
    assert donbas["properties"]["geo_precision"] == 3
    assert donbas["properties"]["oblast"] == "Donetsk Oblast; Luhansk Oblast"
    assert not [f for f in features if f["properties"]["name"] == "Russia"]


def test_place_points_count_claims_and_events():
    places = {f["properties"]["name"]: f["properties"] for f in geojson_data(make_index())[
        "features"] if f["properties"]["feature"] == "place"}
    assert set(places) == {"Kyiv", "Kharkiv", "Donbas", "Sumy", "Bucha"}
    assert (places["Kharkiv"]["claims"], places["Kharkiv"]["events"]) == (2, 1)
    assert places["Kharkiv"]["claim_ids"] == ["c1", "c4"]
    assert places["Kharkiv"]["outlets"] == ["Test Wire", "Kyiv Desk"]
    assert (places["Kharkiv"]["first_date"], places["Kharkiv"]["date"]) == (
        "2022-03-24", "2022-03-25")


def test_a_line_per_movement_with_both_ends_known():
    lines = [f for f in geojson_data(make_index())["features"]
             if f["geometry"]["type"] == "LineString"]
    assert len(lines) == 1  # Kyiv -> Belarus (a country) and Sumy -> ? have no line
    line = lines[0]
    assert line["geometry"]["coordinates"] == [[34.7991, 50.9174], [36.2548, 49.9818]]
    assert line["properties"]["from"] == "Sumy" and line["properties"]["to"] == "Kharkiv"
    assert line["properties"]["type"] == "withdraw" and line["properties"]["stance"] == "asserted"


def test_geojson_follows_filters():
    data = geojson_data(make_index(), Filters(regions=frozenset({"Kharkiv Oblast"})))
    names = {f["properties"]["name"] for f in data["features"]}
    assert "Donbas" not in names and "Kharkiv" in names


# -- ACLED -----------------------------------------------------------------------------------


def acled(index=None) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(to_acled_csv(index or make_index()))))


def test_acled_header_is_the_codebooks_columns_in_order():
    assert list(ACLED_COLUMNS) == CODEBOOK_COLUMNS
    header = next(csv.reader(io.StringIO(to_acled_csv(make_index()))))
    assert header == CODEBOOK_COLUMNS


def test_acled_dates_follow_the_codebook():
    assert acled_date("2022-03-24", "day") == ("2022-03-24", 1)
    assert acled_date("2022-03-21", "week") == ("2022-03-24", 2)  # Monday -> mid-week
    assert acled_date("2022-03-01", "month") == ("2022-03-15", 3)  # the month's midpoint
    assert acled_date("2021-01-01", "year") == ("", "")  # too vague for an ACLED date
    assert acled_date(None, "unknown") == ("", "")
    for row in acled():
        assert row["event_date"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["event_date"])


def test_acled_rows_one_per_event_place_in_acleds_vocabulary():
    rows = acled()
    by_id = {row["event_id_cnty"]: row for row in rows}
    assert list(by_id) == ["sitdash-e3", "sitdash-e2", "sitdash-e1-1", "sitdash-e1-2",
                           "sitdash-e4"]
    kharkiv = by_id["sitdash-e1-1"]
    assert (kharkiv["location"], kharkiv["admin1"], kharkiv["country"], kharkiv["iso"]) == (
        "Kharkiv", "Kharkiv", "Ukraine", "804")
    assert (kharkiv["latitude"], kharkiv["longitude"], kharkiv["geo_precision"]) == (
        "49.9818", "36.2548", "1")
    assert kharkiv["disorder_type"] == "Political violence"
    assert kharkiv["sub_event_type"] == "Shelling/artillery/missile attack"
    assert kharkiv["source"] == "Test Wire" and kharkiv["year"] == "2022"
    assert by_id["sitdash-e3"]["disorder_type"] == "Strategic developments"
    assert by_id["sitdash-e3"]["country"] == "Russia" and by_id["sitdash-e3"]["latitude"] == ""
    assert by_id["sitdash-e4"]["civilian_targeting"] == "Civilians targeted"
    assert by_id["sitdash-e2"]["geo_precision"] == "3" and by_id["sitdash-e2"]["admin1"] == ""
    # What sitdash does not know stays empty: never a guessed actor or a zero fatality count.
    for row in rows:
        for column in ("actor1", "actor2", "inter1", "interaction", "region", "admin2",
                       "source_scale", "fatalities", "tags", "timestamp"):
            assert row[column] == "", column


def test_acled_notes_cannot_run_as_a_spreadsheet_formula():
    row = next(r for r in acled() if r["event_id_cnty"] == "sitdash-e1-1")
    assert row["notes"].startswith("'=HYPERLINK")
