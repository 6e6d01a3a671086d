"""The daily-review commands as a user meets them: who the analyst is, `review done/status`,
`brief --new`, `claims --new`, `ingest -`, `ingest --inbox`, `doc list/set`, and bad input
(a one-line `sitdash: error: ...` and the documented exit code)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import orjson
import pytest

from sitdash import commands
from sitdash.cli import main
from sitdash.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Written for these tests, in the style of wire copy and a briefing write-up.
PASTED = """---
title: Drones hit Kharkiv power station
outlet: Test Wire
published: 2022-04-12
---
KHARKIV, Ukraine — Russian drones struck a power station in Kharkiv on Monday, regional governor \
Oleh Syniehubov said.

"Repair crews are already on site," Syniehubov wrote on Telegram.
"""
UNDATED = ("A senior U.S. defense official said on Tuesday that Russian units had pulled back "
           "from Chernihiv toward Belarus.\n\nThe official said about 700 troops were seen "
           "crossing the border.")


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("SITDASH_ANALYST", raising=False)
    monkeypatch.delenv("SITDASH_INBOX", raising=False)
    monkeypatch.setattr(commands, "INBOX_SETTLE_SECONDS", 0.01)
    return tmp_path / "store.json"


def run(*args: str, db: Path) -> int:
    return main([*args, "--db", str(db)])


def stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sitdash: error: "), err
    assert "Traceback" not in err
    return lines[0]


def seeded(db: Path, capsys) -> None:
    assert run("ingest", str(SEEDS), db=db) == 0
    capsys.readouterr()


# -- who the analyst is ---------------------------------------------------------------------


def test_analyst_from_the_flag_the_environment_or_the_login(db, capsys, monkeypatch):
    seeded(db, capsys)
    claim = Store(db).claims()[0]["id"]
    assert run("note", "add", claim[:8], "from the flag", "--analyst", "ana", db=db) == 0
    assert main(["--analyst", "ana", "note", "status", claim, "disputed", "--db", str(db)]) == 0
    monkeypatch.setenv("SITDASH_ANALYST", "ben")
    assert run("note", "add", claim, "from the environment", db=db) == 0
    assert run("note", "add", claim, "the flag wins", "--analyst", "cleo", db=db) == 0
    monkeypatch.delenv("SITDASH_ANALYST")
    assert run("note", "add", claim, "from the login", db=db) == 0
    capsys.readouterr()
    authors = [(n["author"], n["text"]) for n in Store(db).notes()]
    from sitdash.analyst import default_author

    assert authors == [("ana", "from the flag"), ("ben", "from the environment"),
                       ("cleo", "the flag wins"), (default_author(), "from the login")]
    assert Store(db).history(claim)[1]["author"] == "ana"  # the status change is signed too
    assert run("note", "list", db=db) == 0
    listed = capsys.readouterr().out
    assert all(f"  {who}  " in listed for who in ("ana", "ben", "cleo"))


@pytest.mark.parametrize("bad", ["", "  ", "a\nb", "x" * 65, "evil\x1b[2Jname", "rtl\u202ename"])
def test_a_bad_analyst_name_is_refused(db, capsys, monkeypatch, bad):
    seeded(db, capsys)
    with pytest.raises(SystemExit) as exit_info:
        run("review", "status", "--analyst", bad, db=db)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "argument --analyst: the analyst name" in err and "\x1b" not in err
    if not bad:
        return  # an empty SITDASH_ANALYST counts as unset, like an empty SITDASH_DB
    monkeypatch.setenv("SITDASH_ANALYST", bad)
    assert run("review", "status", db=db) == 1
    assert one_line_error(capsys.readouterr().err).startswith(
        "sitdash: error: SITDASH_ANALYST: the analyst name")


# -- review marks, brief --new, claims --new ------------------------------------------------------


def test_review_done_status_and_brief_new_print_only_what_is_new(db, tmp_path, capsys):
    seeded(db, capsys)
    assert run("review", "status", "--analyst", "ana", db=db) == 0
    out = capsys.readouterr().out
    assert out.startswith("ana: no review marked yet; everything ingested counts as new: ")
    everything = len(Store(db).claims())
    assert f"{everything} claims new in 1 document" in out
    assert run("review", "done", "--analyst", "ana", db=db) == 0
    assert f"{everything} claims no longer new" in capsys.readouterr().out
    assert run("review", "status", "--analyst", "ana", db=db) == 0
    assert "0 claims new in 0 documents since" in capsys.readouterr().out
    assert run("brief", "--new", "--analyst", "ana", db=db) == 0
    assert capsys.readouterr().out.startswith("Nothing new for ana since the review marked ")

    folder = tmp_path / "morning"
    folder.mkdir()
    (folder / "kharkiv.md").write_text(PASTED, encoding="utf-8")
    assert run("ingest", str(folder), db=db) == 0
    capsys.readouterr()
    arrived = next(d["id"] for d in Store(db).documents() if d["outlet"] == "Test Wire")
    new = [c for c in Store(db).claims() if c["doc_id"] == arrived]
    assert run("brief", "--new", "--analyst", "ana", db=db) == 0
    brief = capsys.readouterr().out
    assert brief.startswith("New for ana since the review marked ")
    assert f"1 document, {len(new)} claims" in " ".join(brief.split())
    assert "Syniehubov" in brief and "Kirby" not in brief  # the seed's speaker is not new
    assert run("brief", db=db) == 0
    assert "Kirby" in capsys.readouterr().out
    assert run("claims", "--new", "--analyst", "ana", db=db) == 0
    listed = capsys.readouterr().out.splitlines()
    assert {line.split()[0] for line in listed} == {c["id"] for c in new}
    assert run("review", "status", "--analyst", "ben", db=db) == 0
    assert "other analysts: ana " in capsys.readouterr().out
    assert run("review", "done", "--analyst", "ana", db=db) == 0
    assert run("claims", "--new", "--analyst", "ana", db=db) == 0
    assert capsys.readouterr().out.endswith("no claims match\n")


def test_review_on_a_missing_store_is_a_one_line_error(db, capsys):
    assert run("review", "done", db=db) == 1
    assert "no store at" in one_line_error(capsys.readouterr().err)
    assert not db.exists()


# -- ingest - (standard input) --------------------------------------------------------------------


def test_ingest_dash_reads_one_article_with_front_matter_from_stdin(db, capsys, monkeypatch):
    stdin(monkeypatch, PASTED.encode())
    assert run("ingest", "-", db=db) == 0
    out = capsys.readouterr().out
    assert "ingested 1 new document(s)" in out
    (doc,) = Store(db).documents()
    assert (doc["title"], doc["outlet"], doc["published"], doc["path"]) == (
        "Drones hit Kharkiv power station", "Test Wire", "2022-04-12", None)
    stdin(monkeypatch, PASTED.encode())
    assert run("ingest", "-", db=db) == 0
    assert "skipped 1 already in the store: standard input" in capsys.readouterr().out


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "standard input: binary file (contains NUL bytes)"),
    ("Kyiv caf\xe9".encode("latin-1"), "standard input: not UTF-8 text (byte 0xe9 at offset 8)"),
    (b"   \n", "standard input: empty file"),
    (b"---\ntitle: only front matter\n---\n", "no article text after the front matter"),
    (b"x" * (20 * 1024 * 1024 + 1), "standard input: too large (over 20 MB)"),
])
def test_bad_stdin_is_a_one_line_error_and_stores_nothing(db, capsys, monkeypatch, data,
                                                         reason):
    stdin(monkeypatch, data)
    assert run("ingest", "-", db=db) == 1
    assert reason in one_line_error(capsys.readouterr().err)
    assert not db.exists() or Store(db).documents() == []


def test_stdin_beside_files_is_one_more_input(db, tmp_path, capsys, monkeypatch):
    (tmp_path / "brief.txt").write_text(UNDATED, encoding="utf-8")
    stdin(monkeypatch, b"\x00binary")
    assert run("ingest", "-", str(tmp_path / "brief.txt"), db=db) == 3
    captured = capsys.readouterr()
    assert "ingested 1 new document(s)" in captured.out
    assert "sitdash: skipped standard input: binary file" in captured.err


@pytest.mark.parametrize("args, message", [
    ((), "give article files or folders, - for standard input, or --inbox"),
    (("a.txt", "--inbox"), "give PATH... or --inbox, not both"),
    (("-", "-"), "- (standard input) can be given once"),
])
def test_ingest_command_lines_that_cannot_run(db, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        run("ingest", *args, db=db)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


# -- ingest --inbox -------------------------------------------------------------------------------


def test_ingest_inbox_takes_files_once_for_cron(db, tmp_path, capsys):
    seeded(db, capsys)
    inbox = db.parent / "inbox"
    assert run("ingest", "--inbox", db=db) == 0  # the default inbox is made beside the store
    assert inbox.is_dir() and "0 files taken" in capsys.readouterr().out
    (inbox / "kharkiv.md").write_text(PASTED, encoding="utf-8")
    (inbox / "notes.docx").write_bytes(b"PK\x03\x04 a word file")
    (inbox / "partial.txt.part").write_text(UNDATED, encoding="utf-8")
    assert run("ingest", "--inbox", db=db) == 3
    captured = capsys.readouterr()
    assert "1 file taken to done/ (1 new document" in captured.out
    assert captured.err.strip() == ("sitdash: failed notes.docx: not an article file (expected "
                                    ".txt, .md, .markdown, .json, .jsonl) (moved to failed/)")
    assert (inbox / "done" / "kharkiv.md").exists() and (inbox / "partial.txt.part").exists()
    assert (inbox / "failed" / "notes.docx.reason").exists()
    assert any(d["title"] == "Drones hit Kharkiv power station" for d in Store(db).documents())
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "brief.txt").write_text(UNDATED, encoding="utf-8")
    assert run("ingest", "--inbox", str(other), db=db) == 0
    assert (other / "done" / "brief.txt").exists()


def test_a_named_inbox_must_exist(db, tmp_path, capsys, monkeypatch):
    seeded(db, capsys)
    assert run("ingest", "--inbox", str(tmp_path / "typo"), db=db) == 1
    assert one_line_error(capsys.readouterr().err) == (
        f"sitdash: error: inbox {tmp_path / 'typo'} does not exist")
    monkeypatch.setenv("SITDASH_INBOX", str(tmp_path / "typo2"))
    assert run("ingest", "--inbox", db=db) == 1
    assert "typo2 does not exist" in one_line_error(capsys.readouterr().err)
    assert not (tmp_path / "typo").exists() and not (tmp_path / "typo2").exists()


# -- doc list / doc set -----------------------------------------------------------------------


def _undated_store(db: Path, tmp_path: Path, capsys) -> tuple[str, str]:
    (tmp_path / "brief.txt").write_text(UNDATED, encoding="utf-8")
    assert run("ingest", str(SEEDS), str(tmp_path / "brief.txt"), db=db) == 0
    capsys.readouterr()
    doc = next(d for d in Store(db).documents() if not d.get("published"))
    claim = next(c for c in Store(db).claims() if "Tuesday" in c["text"])
    return doc["id"], claim["id"]


def test_doc_list_shows_ids_and_flags_the_undated(db, tmp_path, capsys):
    doc_id, _ = _undated_store(db, tmp_path, capsys)
    assert run("doc", "list", db=db) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and any(line.startswith(f"{doc_id}  undated") for line in lines)
    undated = next(line for line in lines if line.startswith(doc_id))
    assert undated.endswith("brief.txt]")  # the file it was read from
    assert all(line.endswith(".txt]") for line in lines)
    assert run("doc", "list", "--undated", db=db) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == [doc_id]


def test_doc_set_redates_claims_keeps_ids_and_notes_and_survives_rebuild(db, tmp_path, capsys):
    doc_id, claim_id = _undated_store(db, tmp_path, capsys)
    assert run("note", "add", claim_id, "Compare with the Pentagon transcript", db=db) == 0
    capsys.readouterr()
    assert run("doc", "set", doc_id[:6], "--published", "2022-03-31", "--outlet",
               "Republic World", "--analyst", "ana", db=db) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"document {doc_id} corrected (outlet 'Republic World', published "
                          "'2022-03-31'); 2 claims re-extracted, 2 dated")
    claims = {c["id"]: c for c in Store(db).claims()}
    assert claims[claim_id]["date"] == "2022-03-29"  # the Tuesday before Thursday 31 March
    assert [n["claim_id"] for n in Store(db).notes()] == [claim_id]
    assert run("rebuild", db=db) == 0
    capsys.readouterr()
    store = Store(db)
    doc = next(d for d in store.documents() if d["id"] == doc_id)
    assert (doc["published"], doc["outlet"], doc["published_inferred"]) == (
        "2022-03-31", "Republic World", False)
    assert {c["id"]: c for c in store.claims()}[claim_id]["date"] == "2022-03-29"
    correction = [h for h in store.history() if h["action"] == "doc-correct"]
    assert correction[0]["author"] == "ana" and correction[0]["doc_id"] == doc_id
    raw = orjson.loads(store.analyst_path.read_bytes())
    assert list(raw["corrections"].values())[0]["published"] == "2022-03-31"
    # the derived file lost and the article ingested again: the correction comes back
    db.unlink()
    assert run("ingest", str(tmp_path / "brief.txt"), db=db) == 0
    capsys.readouterr()
    assert Store(db).documents()[0]["outlet"] == "Republic World"
    # an empty value clears a field
    assert run("doc", "set", doc_id, "--outlet", "", db=db) == 0
    assert "outlet cleared" in capsys.readouterr().out
    assert Store(db).documents()[0]["outlet"] is None


@pytest.mark.parametrize("args, message", [
    (("--published", "tomorrowish"), "'tomorrowish' is not a date (use YYYY-MM-DD, e.g. "
                                     "2022-04-07)"),
    (("--published", "2022-02-30"), "'2022-02-30' is not a date"),
    ((), "nothing to change: give a title, outlet, date (published) or URL"),
    (("--url", "the outlet's site"), "\"the outlet's site\" is not a web address (give it "
                                     "whole, e.g. https://example.org/story)"),
    (("--url", "ftp://example.org/x"), "is not a web address"),
])
def test_bad_doc_set_input_is_a_one_line_error_and_changes_nothing(db, tmp_path, capsys, args,
                                                                   message):
    doc_id, _ = _undated_store(db, tmp_path, capsys)
    before = (db.read_bytes(), db.with_suffix(".analyst.json").read_bytes())
    assert run("doc", "set", doc_id, *args, db=db) == 1
    assert message in one_line_error(capsys.readouterr().err)
    assert (db.read_bytes(), db.with_suffix(".analyst.json").read_bytes()) == before


def test_doc_set_on_an_unknown_or_ambiguous_id(db, tmp_path, capsys):
    _undated_store(db, tmp_path, capsys)
    assert run("doc", "set", "zzzz", "--title", "x", db=db) == 1
    assert one_line_error(capsys.readouterr().err) == (
        "sitdash: error: no document with id 'zzzz'; `sitdash doc list` lists ids")
    assert run("doc", "set", "", "--title", "x", db=db) == 1
    assert "no document with id ''" in one_line_error(capsys.readouterr().err)
    ids = [d["id"] for d in Store(db).documents()]
    shared = next((i[:1] for i in ids if sum(j.startswith(i[:1]) for j in ids) > 1), None)
    if shared:
        assert run("doc", "set", shared, "--title", "x", db=db) == 1
        assert "is ambiguous" in one_line_error(capsys.readouterr().err)


def test_a_pasted_text_follows_the_rules_of_a_file():
    """What the paste box hands to ingest: front matter, typed fields winning over it, and the
    same refusals as for a file (a broken paste with a lone surrogate is not UTF-8)."""
    from sitdash.ingest.read import read_article

    result = read_article(PASTED, "the pasted text", {"outlet": "Republic World", "title": ""})
    (doc,) = result.documents
    assert (doc.title, doc.outlet, doc.published, doc.path) == (
        "Drones hit Kharkiv power station", "Republic World", "2022-04-12", None)
    broken = read_article("Kyiv \ud800 shelled", "the pasted text")
    assert not broken.documents
    assert broken.errors[0].path == "the pasted text"
    assert broken.errors[0].reason.startswith("not UTF-8 text")


@pytest.mark.parametrize("typed, kept", [
    ("https://example.org/story", "https://example.org/story"),
    ("http://localhost:8080/a", "http://localhost:8080/a"),
    ("www.example.org/story", "https://www.example.org/story"),
    ("example story", None), ("https://", None), ("https://nodot/x", None),
    ("mailto:desk@example.org", None), ("https://example.org/a b", None),
])
def test_what_counts_as_a_web_address(typed, kept):
    from sitdash.corrections import parse_url

    assert parse_url(typed) == kept
