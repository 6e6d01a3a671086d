"""The command line as a user meets it: ingest, brief, export, claims, notes, errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from week_articles import write_articles

from sitdash.cli import main
from sitdash.ingest.places import areas_of

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ARTICLE = """---
title: Shelling in Kharkiv
outlet: Test Wire
published: 2022-04-07
---
KHARKIV, Ukraine — Russian artillery shelled residential blocks in Kharkiv on Wednesday, \
regional governor Oleh Syniehubov said.

"The enemy keeps hitting civilian areas," Syniehubov wrote on Telegram.
"""


def run(*args: str, db: Path) -> int:
    return main([*args, "--db", str(db)])


@pytest.fixture
def db(tmp_path):
    return tmp_path / "store.json"


def test_ingest_names_each_bad_file_and_keeps_the_good_one(tmp_path, db, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Kyiv est la capitale. Caf\xe9.".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    assert run("ingest", str(folder), db=db) == 3
    out, err = capsys.readouterr()
    assert "ingested 1 new document(s)" in out
    errors = err.strip().splitlines()
    assert len(errors) == 3
    assert any("latin1.txt" in e and "UTF-8" in e for e in errors)
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("binary.txt" in e and "binary" in e for e in errors)
    assert "Traceback" not in err


def test_ingesting_again_adds_nothing_and_says_so(db, capsys):
    assert run("ingest", str(SEEDS), db=db) == 0
    first = capsys.readouterr().out
    assert "ingested 1 new document(s)" in first
    assert run("ingest", str(SEEDS), db=db) == 0
    again = capsys.readouterr().out
    assert "ingested 0 new document(s)" in again and "skipped 1 already in the store" in again


def test_a_changed_article_is_a_new_version(tmp_path, db, capsys):
    article = tmp_path / "story.md"
    article.write_text(ARTICLE, encoding="utf-8")
    run("ingest", str(article), db=db)
    article.write_text(ARTICLE + "\nA second strike hit Izium on Thursday, officials said.\n",
                       encoding="utf-8")
    run("ingest", str(article), db=db)
    capsys.readouterr()
    run("export", db=db)
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert len(docs) == 2
    assert docs[1]["version_of"] == docs[0]["id"]


def test_missing_path_is_a_one_line_error(db, capsys):
    assert run("ingest", "/no/such/folder", db=db) == 1
    err = capsys.readouterr().err
    assert err.strip() == "sitdash: error: /no/such/folder: no such file or folder"


def test_export_json_has_the_documented_keys(db, capsys):
    run("ingest", str(SEEDS), db=db)
    capsys.readouterr()
    assert run("export", "--format", "json", db=db) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("documents", "claims", "quotes", "places", "movements", "events", "notes"):
        assert isinstance(data[key], list)
    doc = data["documents"][0]
    assert doc["outlet"] == "Infobae" and len(doc["published"]) == 10
    claim = data["claims"][0]
    assert {"id", "doc_id", "text", "source", "date", "places", "status"} <= set(claim)
    kyiv = next(p for p in data["places"] if p["name"] == "Kyiv")
    assert (kyiv["country"], kyiv["oblast"], kyiv["region"]) == ("UA", "Kyiv Oblast", "north")
    assert kyiv["mentions"] >= 3
    move = data["movements"][0]
    assert {"actor", "from", "to", "kind", "size", "date", "hedged", "claim_id"} <= set(move)
    event = data["events"][0]
    assert {"id", "date", "type", "places", "summary", "claim_ids", "sources"} <= set(event)


def test_export_csv_and_markdown(db, capsys):
    run("ingest", str(SEEDS), db=db)
    capsys.readouterr()
    run("export", "--format", "csv", db=db)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,doc_id,date")
    assert len(lines) > 20
    run("export", "--format", "md", db=db)
    brief = capsys.readouterr().out
    for heading in ("# Situation brief", "## Key developments", "## Contested", "## Regions",
                    "## Oblasts", "## Key quotes", "## Latest movement reports", "## Claims"):
        assert heading in brief
    assert "John Kirby" in brief and "Wagner Group" in brief
    # The oblast table and the text map: the seed's north and east marked by their fighting.
    assert "| █ Chernihiv Oblast | north |" in brief and "| ▓ Kharkiv Oblast | east |" in brief
    assert "Chernih Sumy" in brief and "Volyn   Rivne" in brief


def test_export_geojson_and_acled_to_files_with_the_usual_rules(tmp_path, db, capsys):
    run("ingest", str(SEEDS), db=db)
    geo, events = tmp_path / "seed.geojson", tmp_path / "events.csv"
    assert run("export", "--format", "geojson", "-o", str(geo), db=db) == 0
    data = json.loads(geo.read_text())
    assert data["type"] == "FeatureCollection"
    kinds = {f["properties"]["feature"] for f in data["features"]}
    assert kinds == {"event", "place"}  # the seed's movements each lack a mapped end
    assert run("export", "--format", "acled", "-o", str(events), db=db) == 0
    header = events.read_text().splitlines()[0].split(",")
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert header[-1] == "timestamp" and len(header) == 31
    capsys.readouterr()
    assert run("export", "--format", "acled", "-o", str(events), db=db) == 1
    assert "exists; use --force" in capsys.readouterr().err
    assert run("export", "--format", "geojson", "-o", str(events), "--force", db=db) == 0
    assert json.loads(events.read_text())["type"] == "FeatureCollection"
    assert oct(events.stat().st_mode & 0o777) == "0o600"  # exports are private, as the others


def test_export_to_a_file_refuses_to_overwrite_or_follow_links(tmp_path, db, capsys):
    run("ingest", str(SEEDS), db=db)
    out = tmp_path / "brief.md"
    assert run("export", "--format", "md", "-o", str(out), db=db) == 0
    assert out.read_text().startswith("# Situation brief")
    assert run("export", "--format", "md", "-o", str(out), db=db) == 1
    assert "exists; use --force" in capsys.readouterr().err
    assert run("export", "--format", "md", "-o", str(out), "--force", db=db) == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "link.md"
    link.symlink_to(victim)
    assert run("export", "-o", str(link), "--force", db=db) == 1
    assert "symbolic link" in capsys.readouterr().err
    assert victim.read_text() == "precious"


def test_notes_statuses_and_grades_from_the_command_line(db, capsys):
    run("ingest", str(SEEDS), db=db)
    capsys.readouterr()
    run("claims", "--search", "Wagner Group had deployed", db=db)
    listing = capsys.readouterr().out
    claim_id = listing.split()[0]
    assert len(claim_id) == 16
    assert run("note", "add", claim_id[:8], "Check against ISW map of 30 March", db=db) == 0
    assert run("note", "status", claim_id, "corroborated", db=db) == 0
    assert run("note", "grade", claim_id, "b2", db=db) == 0
    capsys.readouterr()
    assert run("note", "list", db=db) == 0
    listed = capsys.readouterr().out
    assert claim_id in listed and "Check against ISW map of 30 March" in listed
    run("export", db=db)
    data = json.loads(capsys.readouterr().out)
    claim = next(c for c in data["claims"] if c["id"] == claim_id)
    assert (claim["status"], claim["reliability"], claim["credibility"]) == (
        "corroborated", "B", "2")
    assert data["notes"][0]["claim_id"] == claim_id
    assert len(data["history"]) == 3  # the note, the status and the grade


def _claim_id(db, capsys, search: str) -> str:
    run("claims", "--search", search, db=db)
    return capsys.readouterr().out.split()[0]


def test_note_list_narrows_by_claim_status_and_text(db, capsys):
    run("ingest", str(SEEDS), db=db)
    capsys.readouterr()
    wagner = _claim_id(db, capsys, "Wagner Group had deployed")
    convoy = _claim_id(db, capsys, "stagnant convoy")
    run("note", "add", wagner, "Check against ISW map of 30 March", db=db)
    run("note", "add", wagner, "Second source: UK MoD update", db=db)
    run("note", "add", convoy, "Satellite imagery shows it dispersed", db=db)
    run("note", "status", convoy, "disputed", db=db)
    capsys.readouterr()

    def listed(*options: str) -> list[str]:
        assert run("note", "list", *options, db=db) == 0
        return capsys.readouterr().out.splitlines()

    assert len(listed()) == 3
    by_claim = listed("--claim", wagner[:6])
    assert len(by_claim) == 2 and all(line.startswith(wagner) for line in by_claim)
    disputed = listed("--status", "disputed")
    assert len(disputed) == 1 and "Satellite imagery" in disputed[0]
    assert len(listed("--status", "unverified")) == 2  # never judged counts as unverified
    assert [line.split("  ")[-2] for line in listed("--search", "uk mod")] == [
        "Second source: UK MoD update"]
    assert len(listed("--search", "convoy")) == 1  # the claim's sentence matches too
    assert listed("--claim", wagner, "--search", "imagery") == ["no notes match"]
    with pytest.raises(SystemExit) as usage:
        run("note", "list", "--status", "maybe", db=db)
    assert usage.value.code == 2 and "invalid choice: 'maybe'" in capsys.readouterr().err


def test_bad_note_arguments_are_one_line_errors(db, capsys):
    run("ingest", str(SEEDS), db=db)
    capsys.readouterr()
    assert run("note", "add", "zzzz", "text", db=db) == 1
    assert "no claim with id 'zzzz'" in capsys.readouterr().err
    claim_id = json.loads(_export(db, capsys))["claims"][0]["id"]
    assert run("note", "grade", claim_id, "Z9", db=db) == 1
    assert "not reliability A-F" in capsys.readouterr().err


def _export(db, capsys) -> str:
    run("export", db=db)
    return capsys.readouterr().out


def test_rebuild_keeps_claim_ids_and_notes(db, capsys):
    run("ingest", str(SEEDS), db=db)
    capsys.readouterr()
    before = json.loads(_export(db, capsys))
    claim_id = before["claims"][3]["id"]
    run("note", "add", claim_id, "keep me", db=db)
    assert run("rebuild", db=db) == 0
    assert "rebuilt 1 document(s)" in capsys.readouterr().out
    after = json.loads(_export(db, capsys))
    assert [c["id"] for c in after["claims"]] == [c["id"] for c in before["claims"]]
    assert after["notes"][0]["text"] == "keep me"


def test_brief_prints_developments_regions_quotes_movements(db, capsys):
    run("ingest", str(SEEDS), db=db)
    capsys.readouterr()
    assert run("brief", db=db) == 0
    out = capsys.readouterr().out
    for word in ("Key developments", "Contested", "Regions", "Key quotes",
                 "Latest movement reports", "north", "east", "Kirby"):
        assert word in out
    assert out.index("Key developments") < out.index("Contested") < out.index("Regions")
    central = next(line for line in out.splitlines() if line.strip().startswith("central"))
    assert "no reports" in central  # the seed names nothing there: not "quiet"


def test_commands_on_a_missing_store_say_so(db, capsys):
    assert run("brief", db=db) == 1
    assert "no store at" in capsys.readouterr().err


def test_corrupt_store_is_moved_aside_and_rebuilt_from_seeds(db, capsys):
    run("ingest", str(SEEDS), db=db)
    capsys.readouterr()
    claim_id = json.loads(_export(db, capsys))["claims"][0]["id"]
    run("note", "add", claim_id, "survives corruption", db=db)
    db.write_bytes(db.read_bytes()[:100])  # truncated
    capsys.readouterr()
    assert run("export", db=db) == 0
    captured = capsys.readouterr()
    assert "moved it to" in captured.err and "rebuilding from the bundled seeds" in captured.err
    data = json.loads(captured.out)
    assert data["notes"][0]["text"] == "survives corruption"
    assert any(p.name.startswith("store.json.corrupt") or ".corrupt" in p.name
               for p in db.parent.iterdir())


def test_plain_commands_do_not_import_textual(tmp_path):
    code = ("import sys; from sitdash.cli import main; "
            f"main(['ingest', {str(SEEDS)!r}, '--db', {str(tmp_path / 's.json')!r}]); "
            f"main(['export', '--db', {str(tmp_path / 's.json')!r}]); "
            "sys.stderr.write(str('textual' in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "SITDASH_DB": ""})
    assert result.stderr.strip().endswith("False")


def test_help_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "sitdash.cli", "--help"], capture_output=True,
                            text=True)
    assert result.returncode == 0
    for command in ("ingest", "brief", "export", "claims", "note", "speaker", "rebuild",
                    "generate"):
        assert command in result.stdout


@pytest.fixture
def week_db(tmp_path, capsys):
    db = tmp_path / "week.json"
    write_articles(tmp_path / "week")
    assert run("ingest", str(tmp_path / "week"), db=db) == 0
    capsys.readouterr()
    return db


def test_export_json_has_developments_and_contradictions(week_db, capsys):
    assert run("export", "--format", "json", db=week_db) == 0
    data = json.loads(capsys.readouterr().out)
    dev = next(d for d in data["developments"] if d["from"] == "Kyiv")
    assert {"id", "actor", "direction", "kinds", "from", "to", "claim_ids", "doc_ids", "outlets",
            "origins", "first_reported", "last_reported", "sizes", "contested"} <= set(dev)
    assert dev["direction"] == "back" and dev["contested"] is True
    assert dev["origins"] == ["Pentagon", "Ukrainian General Staff", "Russian Defence Ministry"]
    assert len(dev["outlets"]) == 4 and dev["first_reported"] == "2022-03-30"
    assert all({"size", "claim_id"} <= set(size) for size in dev["sizes"])
    kinds = sorted(c["kind"] for c in data["contradictions"])
    assert kinds == ["activity", "activity", "characterisation", "figures"]
    for row in data["contradictions"]:
        assert {"id", "kind", "claim_ids", "doc_ids", "why"} <= set(row) and row["why"]
    claim_ids = {c["id"] for c in data["claims"]}
    assert all(set(d["claim_ids"]) <= claim_ids for d in data["developments"])


def test_brief_and_export_take_the_dashboards_filters(week_db, capsys):
    assert run("export", "--format", "json", "--side", "ua", "--since", "2022-03-30", db=week_db) \
        == 0
    data = json.loads(capsys.readouterr().out)
    assert data["claims"] and {c["source_side"] for c in data["claims"]} == {"ua"}
    assert all(c["date"] >= "2022-03-30" for c in data["claims"])
    assert data["filters"]["sides"] == ["ua"]
    assert run("brief", "--source", "Kirby", "--region", "north", db=week_db) == 0
    out = capsys.readouterr().out
    assert "Filters: region: north; source: Kirby" in out
    assert "Kyiv" in out and "Sumy" not in out
    assert run("brief", "--status", "disputed", db=week_db) == 0
    assert "Key developments: none" in capsys.readouterr().out
    assert run("brief", "--new", "--side", "ru", db=week_db) == 0  # everything is new here
    out = capsys.readouterr().out
    assert out.startswith("New for ") and "Filters: side: Russian" in out
    assert run("export", "--format", "md", "--search", "Chernihiv", db=week_db) == 0
    assert "Filters: /Chernihiv" in capsys.readouterr().out


@pytest.mark.parametrize("written", ["kyiv", "Kyiv Oblast", "kiev oblast", "Kyiv region"])
def test_region_takes_an_oblast_level_area_as_people_write_it(week_db, capsys, written):
    assert run("brief", "--region", written, "--top", "1", db=week_db) == 0
    out = capsys.readouterr().out
    assert "Filters: region: Kyiv Oblast" in out
    assert run("export", "--format", "json", "--region", written, db=week_db) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["filters"]["regions"] == ["Kyiv Oblast"] and data["claims"]
    assert all(any("Kyiv Oblast" in areas_of(p) for p in c["places"]) for c in data["claims"])


@pytest.mark.parametrize("args,message", [
    (("--since", "29 March"), "--since '29 March' is not a date (YYYY-MM-DD)"),
    (("--since", "2022-04-02", "--until", "2022-03-01"), "--since 2022-04-02 is after --until"),
    (("--region", "northwest"), "--region 'northwest' names no theatre (north, east"),
    (("--region", "Izium"), "--region 'Izium' names no theatre"),
    (("--side", "martian"), "--side: side 'martian' is not one of"),
    (("--status", "maybe"), "--status 'maybe' is not one of unverified"),
    (("--source", "Nobody Atall"), "--source 'Nobody Atall' names no speaker in the store"),
])
def test_bad_filter_values_are_one_line_errors(week_db, capsys, args, message):
    for command in ("brief", "export"):
        assert run(command, *args, db=week_db) == 1
        err = capsys.readouterr().err
        assert err.startswith("sitdash: error: " + message) and err.count("\n") == 1


def test_speaker_list_and_side_correction_survive_a_rebuild(week_db, capsys):
    assert run("speaker", "list", db=week_db) == 0
    out = capsys.readouterr().out
    fomin = next(line for line in out.splitlines() if "Fomin" in line)
    assert fomin.startswith("Russian") and "Alexander Fomin" in fomin
    assert "also spelled Alexandr Fomin" in fomin
    assert run("speaker", "list", "--side", "ua", db=week_db) == 0
    ukrainian = capsys.readouterr().out
    assert "Vyacheslav Chaus" in ukrainian and "Fomin" not in ukrainian
    assert run("speaker", "side", "negotiators", "other", db=week_db) == 0
    assert "is now other" in capsys.readouterr().out
    assert run("rebuild", db=week_db) == 0
    assert run("speaker", "list", "--side", "other", db=week_db) == 0
    out = capsys.readouterr().out
    assert "Ukrainian negotiators in Istanbul" in out and "* side set by an analyst" in out
    assert run("export", "--format", "json", db=week_db) == 0
    history = json.loads(capsys.readouterr().out)["history"]
    assert history[-1]["action"] == "speaker-side" and history[-1]["after"] == "other"
    assert run("speaker", "side", "Ukrainian negotiators in Istanbul", "inferred",
               db=week_db) == 0
    assert "inferred again (Ukrainian)" in capsys.readouterr().out


@pytest.mark.parametrize("args,message", [
    (("speaker", "side", "Nobody Atall", "ru"), "no speaker called 'Nobody Atall'"),
    (("speaker", "side", "Ukrainian", "ru"), "'Ukrainian' names 2 speakers"),
    (("speaker", "side", "Fomin", "martian"), "side 'martian' is not one of"),
    (("speaker", "list", "--side", "martian"), "--side: side 'martian' is not one of"),
])
def test_bad_speaker_commands_are_one_line_errors(week_db, capsys, args, message):
    assert run(*args, db=week_db) == 1
    err = capsys.readouterr().err
    assert err.startswith("sitdash: error: ") and message in err and err.count("\n") == 1


def _section(out: str, title: str, end: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    stop = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(end))
    return lines[start + 1:stop]


def _no_word_columns(out: str, width: int) -> None:
    """The symptom of a table squeezed too narrow: lines one word wide, one under another."""
    lines = [line.rstrip() for line in out.splitlines()]
    assert all(len(line) <= width for line in lines)
    lone = [len(line.split()) == 1 for line in lines]
    assert not any(a and b for a, b in zip(lone, lone[1:], strict=False)), out


@pytest.mark.parametrize("columns", [None, "80"])  # None: piped, Rich picks 80 columns
def test_brief_at_80_columns_reads_as_a_few_lines_a_row(week_db, capsys, monkeypatch, columns):
    if columns:
        monkeypatch.setenv("COLUMNS", columns)
    else:
        monkeypatch.delenv("COLUMNS", raising=False)
    assert run("brief", "--top", "3", db=week_db) == 0
    out = capsys.readouterr().out
    _no_word_columns(out, 80)
    developments = _section(out, "Key developments", "…")
    firsts = [line for line in developments if line[:3] in ("1. ", "2. ", "3. ")]
    assert len(firsts) == 3 and len(developments) <= 3 * 5
    # line 1: force, direction, from -> to and the days; then outlets and origins, named
    assert all(" -> " in line and "2022-0" in line for line in firsts)
    assert "outlets" in developments[1] and "origins: " in developments[1]
    assert "Force, direction" not in out  # no squeezed table
    regions = _section(out, "Regions", "Oblasts")
    north = regions.index(next(line for line in regions if line.startswith("north")))
    assert "2022-" in regions[north + 1]  # how sure, last report, counts under the status
    quotes = _section(out, "Key quotes", "…")
    assert any(line.lstrip().startswith("— ") and "2022-" in line for line in quotes)


def test_brief_at_160_columns_keeps_its_tables(week_db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    assert run("brief", "--top", "3", db=week_db) == 0
    out = capsys.readouterr().out
    _no_word_columns(out, 160)
    assert "Force, direction" in out and "Sizes, progress" in out
    for header in ("How sure", "Speaker", "Stance"):
        assert header in out
    developments = _section(out, "Key developments", "…")
    assert len(developments) <= 3 * 4 + 4  # a title gap, the header, its rule, a gap
