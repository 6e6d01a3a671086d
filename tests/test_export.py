"""Exports: article text stays inert in Markdown and CSV; places roll up."""

import csv
import io

import orjson

from sitdash.export import export_data, places_table, to_csv, to_json, to_markdown
from sitdash.query import Index

HOSTILE = "Strikes hit [Kyiv](javascript:alert(1)) <script>x</script> **now** # =1+2"


def make_index(text=HOSTILE):
    claims = {"c1": {"id": "c1", "doc_id": "d1", "text": text, "source": "=cmd|' /C calc'!A0",
                     "source_kind": "media", "places": ["Kyiv", "Kharkiv"],
                     "date": "2022-03-30", "date_precision": "day", "start": 0, "end": len(text)}}
    docs = {"d1": {"id": "d1", "title": "T", "outlet": "Wire", "published": "2022-03-30"}}
    return Index(documents=docs, claims=claims, quotes=[], movements=[], events=[],
                 judgements={"c1": {"status": "disputed", "reliability": "C",
                                    "credibility": "3"}},
                 notes={"c1": [{"id": "n1", "claim_id": "c1", "author": "ana",
                                "time": "2022-04-01T10:00:00+00:00", "text": "see [x](y)"}]})


def test_markdown_brief_escapes_article_text():
    brief = to_markdown(make_index())
    line = next(ln for ln in brief.splitlines() if "Strikes hit" in ln)
    assert "\\[Kyiv\\](javascript:alert(1))" in line
    assert "\\<script\\>" in line and "\\*\\*now\\*\\*" in line
    assert "[disputed, C3]" in line
    assert "note (ana, 2022-04-01T10:00): see \\[x\\](y)" in brief


def test_csv_guards_spreadsheet_formulas():
    rows = list(csv.reader(io.StringIO(to_csv(make_index("=HYPERLINK(1)")))))
    assert rows[0][0] == "id" and rows[1][-1] == "'=HYPERLINK(1)"
    assert rows[1][rows[0].index("status")] == "disputed"
    assert rows[1][rows[0].index("notes")] == "ana: see [x](y)"  # every note with its author


def test_places_table_rolls_up_to_oblast_and_region():
    table = {p["name"]: p for p in places_table(make_index())}
    assert table["Kharkiv"] == {"name": "Kharkiv", "country": "UA", "oblast": "Kharkiv Oblast",
                                "region": "east", "kind": "city", "mentions": 1}


def test_json_carries_judgements_and_notes():
    data = orjson.loads(to_json(make_index(), history=[]))
    assert data["claims"][0]["status"] == "disputed"
    assert data["claims"][0]["span"] == [0, len(HOSTILE)]
    assert data["notes"][0]["text"] == "see [x](y)"
    assert set(export_data(make_index())) == {"documents", "claims", "quotes", "places",
                                              "movements", "events", "developments",
                                              "contradictions", "speakers", "notes"}


def test_places_table_counts_places_a_document_names_outside_its_claims():
    index = make_index()
    index.documents["d1"]["unclaimed_places"] = ["Russia", "Kharkiv"]
    table = {p["name"]: p for p in places_table(index)}
    assert table["Russia"]["mentions"] == 1 and table["Russia"]["country"] == "RU"
    assert table["Kharkiv"]["mentions"] == 2 and table["Kyiv"]["mentions"] == 1
