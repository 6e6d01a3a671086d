"""Hostile articles: markup, escape sequences, control and bidi characters, NUL bytes, bad
encodings, huge and deep files, symlink loops and hostile file names are either ingested as literal
text or refused with a one-line reason, and nothing from them reaches the terminal as anything but
text (command output, the store files, the dashboard).

The files are generated in tmp_path (no 50 MB file in git). tmux is checked apart, by
scripts/hostile_tmux.sh.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from sitdash.ingest.pipeline import ingest_paths
from sitdash.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

# What must never reach a terminal: C0 controls but tab/newline/CR, DEL, C1, bidi overrides.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

MARKUP = ("[bold red]", "[link=file:///etc/passwd]", "[/]")
HOSTILE_MD = (
    "---\n"
    "title: \x1b]0;pwned\x07[bold]Port[/bold] \u202eshelled\n"
    "outlet: \x1b[5mEvil\x9b31m Wire\n"
    "url: https://example.org/\x1b]8;;http://evil.example\x1b\\x\n"
    "published: 2022-04-12\n"
    "---\n"
    "MYKOLAIV, Ukraine (AP) — Officials in Mykolaiv said [bold red]seven[/] rockets fell near "
    "the port [link=file:///etc/passwd]overnight[/link] on Tuesday, the governor said.\n\n"
    "\x1b[31mRed smoke\x1b[0m rose over the port\x1b[2J\x1b[H of Mykolaiv, the mayor \x1b]0;pwned"
    "\x07said on Telegram, \x1b]52;c;cm0gLXJmIH4=\x07and a siren\x07 sounded\x08\x08.\n\n"
    "\"We will [bold]rebuild[/bold] \x1b]8;;http://evil.example\x1b\\everything\x1b]8;;\x1b\\,\" "
    "the mayor "
    "told reporters \x1b[1A\x1b[2Kon Wednesday \u202e[/]noitcelfer\u202c.\n\n"
    "Ukrainian troops moved from Izium toward Kharkiv\x0b\x0c\x7f\x85, the general staff said "
    "on Thursday \x9b2J[dim]quietly[/dim].\n"
)
HOSTILE_RECORD = {
    "title": "\x1b]0;pwned-title\x07[bold]T[/bold]",
    "outlet": "\x1b[5mEvil\u202eOutlet",
    "published": "2022-04-11",
    "text": "Officials in Kherson said on Monday\u0000 that [red]three[/red] drones were shot "
            "down \x1b[1A\x1b[2K over Kherson, the governor said\u2066.",
}
GOOD = "Officials in Sumy said on Friday that two shells hit a school in Sumy, the mayor said."


def sitdash(*args: str, db: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitdash.cli", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "SITDASH_DB": "",
                               "COLUMNS": "160"})


def assert_inert(text: str, where: str) -> None:
    bad = UNSAFE.search(text)
    context = text[bad.start() - 40 :][:80] if bad else ""
    assert bad is None, f"{where}: {bad.group()!r} at {bad.start()}: {context!r}"


def strings(value):
    """Every string inside a JSON value (keys included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def hostile_folder(folder: Path) -> dict[str, str]:
    """Write every hostile file; return {file name: expected refusal reason} for those refused."""
    folder.mkdir(parents=True)
    (folder / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (folder / "record.json").write_text(json.dumps(HOSTILE_RECORD), encoding="utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps({"text": "Officials in Odesa said \x1b[32mgreen\x1b[0m [b]x[/b] on Sunday."})
        + "\n" + "{\"text\": \"half a record\n", encoding="utf-8")
    (folder / "utf16.txt").write_bytes(("\ufeff" + GOOD.replace("Sumy", "Poltava")).encode(
        "utf-16-le"))
    (folder / "nul.txt").write_bytes(GOOD.encode() + b"\x00\x00\x1b[31m")
    (folder / "latin1.txt").write_bytes("Kyiv est la capitale. Caf\xe9.".encode("latin-1"))
    (folder / "truncated_utf8.txt").write_bytes(GOOD.encode() + "Київ".encode()[:-1])
    (folder / "nested.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (folder / "oneline.txt").write_text(
        " ".join(["troops advanced 3.5 km toward Izium and"] * 25_000), encoding="utf-8")
    loop = folder / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(loop)  # a folder that contains itself
    (loop / "self.txt").symlink_to(loop / "self.txt")
    (loop / "a.txt").symlink_to(loop / "b.txt")
    (loop / "b.txt").symlink_to(loop / "a.txt")
    (loop / "ok.txt").write_text(GOOD.replace("Sumy", "Chernihiv"), encoding="utf-8")
    evil_name = "x\x1b]0;pwned\x07\x1b[31m\u202e.txt"
    (folder / evil_name).write_bytes(b"caf\xe9 \xff")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD.replace("Sumy", "Lviv"),
                                                      encoding="utf-8")
    return {
        "records.jsonl": "line 2: not valid JSON",
        "nul.txt": "binary file (contains NUL bytes)",
        "latin1.txt": "not UTF-8 text (byte 0xe9 at offset 25)",
        "truncated_utf8.txt": "not UTF-8 text",
        "nested.json": "not valid JSON: nested deeper than 256 levels",
        "oneline.txt": "not article prose: a sentence of 999999 characters (the limit is 6000)",
        "self.txt": "cannot open (Too many levels of symbolic links)",
        "a.txt": "cannot open (Too many levels of symbolic links)",
        "b.txt": "cannot open (Too many levels of symbolic links)",
        "x\\x1b]0;pwned\\x07\\x1b[31m\\u202e.txt": "not UTF-8 text (byte 0xe9 at offset 3)",
    }


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, dict[str, str]]:
    base = tmp_path_factory.mktemp("hostile")
    refused = hostile_folder(base / "in")
    db = base / "store.json"
    result = sitdash("ingest", str(base / "in"), db=db)
    return db, result, refused


def test_each_hostile_file_is_ingested_as_text_or_refused_with_a_one_line_reason(ingested):
    db, result, refused = ingested
    assert result.returncode == 3  # some files refused
    assert "Traceback" not in result.stderr
    assert_inert(result.stdout + result.stderr, "ingest output")
    lines = result.stderr.splitlines()
    assert len(lines) == len(refused), result.stderr
    for name, reason in refused.items():
        line = next((x for x in lines if f"/{name}: " in x), None)
        assert line is not None, f"no refusal for {name!r} in {result.stderr}"
        assert line.startswith("sitdash: skipped ") and reason in line
    # hostile.md, record.json, records.jsonl line 1, utf16.txt, loop/ok.txt, caf\xe9.txt
    assert "ingested 6 new document(s)" in result.stdout
    texts = " ".join(d["text"] for d in Store(db).documents())
    for literal in (*MARKUP, "[red]three[/red]", "[dim]quietly[/dim]", "noitcelfer"):
        assert literal in texts  # markup is kept as the literal text it is
    assert "Poltava" in texts and "Chernihiv" in texts and "Lviv" in texts  # UTF-16, loop, name


def test_store_files_hold_only_inert_text(ingested):
    db, _, _ = ingested
    for path in (db, db.with_suffix(".analyst.json")):
        for text in strings(orjson.loads(path.read_bytes())):
            assert_inert(text, path.name)
    docs = {d["title"]: d for d in Store(db).documents() if d.get("title")}
    assert set(docs) == {"[bold]Port[/bold] shelled", "[bold]T[/bold]"}
    assert docs["[bold]T[/bold]"]["outlet"] == "EvilOutlet"
    assert docs["[bold]Port[/bold] shelled"]["outlet"] == "Evil Wire"
    paths = {Path(d["path"]).name for d in Store(db).documents()}
    assert "caf\\xe9.txt" in paths  # a non-UTF-8 file name is stored, escaped


@pytest.mark.parametrize("args", [
    ("claims", "--limit", "100"),
    ("claims", "--search", "[bold red]"),
    ("brief",),
    ("export", "--format", "json"),
    ("export", "--format", "csv"),
    ("export", "--format", "md"),
    ("note", "list"),
])
def test_command_output_has_no_escape_or_control_characters(ingested, args):
    db, _, _ = ingested
    result = sitdash(*args, db=db)
    assert result.returncode == 0, result.stderr
    assert_inert(result.stdout + result.stderr, " ".join(args))
    if args[0] == "claims":
        assert "[bold red]seven[/]" in result.stdout  # shown literally, not as style
    if args[0] == "brief":
        assert "We will [bold]rebuild[/bold] everything" in result.stdout
    if args[-1] == "json":
        for text in strings(json.loads(result.stdout)):
            assert_inert(text, "export json value")


def test_hostile_note_text_is_listed_inert(ingested, tmp_path):
    db, _, _ = ingested
    claim = Store(db).claims()[0]["id"]
    note = "check \x1b]0;pwned\x07[bold red]this[/] \u202eesrever\x1b[2J"
    added = sitdash("note", "add", claim, note, db=db)
    assert added.returncode == 0
    for args in (("note", "list"), ("export", "--format", "md"), ("export", "--format", "csv")):
        out = sitdash(*args, db=db).stdout
        assert_inert(out, " ".join(args))
        assert "[bold red]this[/]" in out.replace("\\", "")


def test_a_store_written_without_sanitising_still_exports_inert_text(tmp_path):
    """Defence in depth: rows that bypassed ingest (an old or hand-made store) keep their
    escapes in the store, but the plain-text outputs drop them."""
    from tui_fixtures import small_store

    db = tmp_path / "raw.json"
    small_store(db)
    assert any("\x1b[31m" in c["text"] for c in Store(db).claims())  # it really holds escapes
    for args in (("claims",), ("brief",), ("export", "--format", "csv"),
                 ("export", "--format", "md")):
        result = sitdash(*args, db=db)
        assert result.returncode == 0
        assert_inert(result.stdout, " ".join(args))


def _peak_rss_ingest(path: Path, db: Path) -> tuple[int, float, str, int]:
    """(exit code, seconds, stderr, peak RSS in MB) of `sitdash ingest path` in a fresh process."""
    # The peak is read from /proc (VmHWM, kept per address space, so it starts afresh at exec):
    # ru_maxrss survives exec on Linux, and a child forked from a large pytest process would
    # report the parent's size.
    code = (
        "import re, sys, time; from sitdash.cli import main; t = time.perf_counter(); "
        f"rc = main(['ingest', {str(path)!r}, '--db', {str(db)!r}]); "
        "hwm = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1]); "
        "sys.stderr.write(f'@@ {rc} {time.perf_counter() - t:.3f} {hwm // 1024}\\n')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    *lines, stats = result.stderr.strip().splitlines()
    _, rc, seconds, rss = stats.split()
    return int(rc), float(seconds), "\n".join(lines), int(rss)


def test_fifty_megabyte_file_is_refused_quickly_with_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    line = ("Russian forces shelled Kharkiv on Wednesday, officials said. " * 16 + "\n\n").encode()
    with open(big, "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert big.stat().st_size >= 50 * 1024 * 1024
    small = tmp_path / "small.txt"
    small.write_text(GOOD, encoding="utf-8")
    _, _, _, baseline = _peak_rss_ingest(small, tmp_path / "base.json")
    rc, seconds, stderr, rss = _peak_rss_ingest(big, tmp_path / "big.json")
    print(f"\n50 MB file: exit {rc} in {seconds:.2f} s, peak RSS {rss} MB "
          f"(baseline {baseline} MB): {stderr}")
    assert rc == 3 and stderr == f"sitdash: skipped {big}: file too large (over 20 MB)"
    assert rss - baseline < 20  # the file is never read into memory


def test_huge_json_record_is_ingested_with_bounded_memory(tmp_path):
    huge = tmp_path / "huge.json"
    record = {"text": GOOD, "title": "Sumy school hit", "junk": list(range(1_500_000))}
    huge.write_bytes(orjson.dumps(record))  # ~12 MB: under the size limit, mostly numbers
    rc, seconds, stderr, rss = _peak_rss_ingest(huge, tmp_path / "huge-store.json")
    print(f"\n{huge.stat().st_size / 1e6:.0f} MB JSON: exit {rc} in {seconds:.2f} s, "
          f"peak RSS {rss} MB")
    assert rc == 0 and stderr == ""
    assert rss < 400  # parsed once, dropped after reading its text
    assert [d["title"] for d in Store(tmp_path / "huge-store.json").documents()] == [
        "Sumy school hit"]


def test_megabyte_of_prose_on_one_line_is_ingested(tmp_path):
    """A 1 MB line that is real prose (sentences with full stops) is just a long article."""
    path = tmp_path / "oneline_prose.txt"
    sentence = "Officials in Kharkiv said on Monday that {n} shells hit the northern districts. "
    path.write_text("".join(sentence.format(n=n) for n in range(12_500)), encoding="utf-8")
    assert path.stat().st_size > 1_000_000 and b"\n" not in path.read_bytes()
    report = ingest_paths(Store(tmp_path / "s.json"), [path])
    assert report.errors == [] and report.claims == 12_500


# -- the dashboard -----------------------------------------------------------------------------


@pytest.fixture
def hostile_app(tmp_path, monkeypatch):
    from sitdash.tui.app import SitdashApp

    monkeypatch.setattr("sitdash.analyst.now_iso", lambda: "2022-04-13T09:30:00+03:00")  # snapshot

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (folder / "record.json").write_text(json.dumps(HOSTILE_RECORD), encoding="utf-8")
    db = tmp_path / "store.json"
    store = Store(db)
    ingest_paths(store, [folder])
    for claim in store.claims():  # analyst notes are typed by people, but pasted from anywhere
        store.add_note(claim["id"], "pasted: \x1b]0;pwned\x07[blink]look[/blink] \u202eesrever",
                       author="ana")
    store.mark_review(store.documents()[0]["ingested"])  # reviewed: ✎ marks, not ● (new)
    return SitdashApp(Store(db), ui_path=tmp_path / "ui.json")


def _segments(app):
    return [seg for strip in app.screen._compositor.render_strips() for seg in strip]


def _assert_screen_inert(app, where: str) -> str:
    segments = _segments(app)
    text = "".join(seg.text for seg in segments)
    assert_inert(text, where)
    links = [seg.text for seg in segments if seg.style and seg.style.link]
    assert not links, f"{where}: article text became a link: {links}"
    return text


async def test_dashboard_shows_markup_literally_and_no_escape_effect(hostile_app):
    from tui_screen import screen_text

    app = hostile_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _assert_screen_inert(app, "dashboard")
        assert "[bold red]seven[/]" in screen_text(app)  # the detail strip, literally
        assert "[link=file:///etc/passwd]overnight[/link]" in screen_text(app)
        await pilot.press("c", "slash", *"kherson", "enter")  # that claim in the detail strip
        await pilot.pause()
        text = _assert_screen_inert(app, "claims screen")
        assert "[red]three[/red]" in text
        await pilot.press("enter")
        await pilot.pause()
        text = _assert_screen_inert(app, "claim screen")
        assert "[bold]T[/bold]" in text or "[bold]Port[/bold] shelled" in text  # a title
        assert "[blink]look[/blink]" in text  # the note, literally
        assert app.title == "sitdash"  # no title change came from an article


async def test_dashboard_export_screenshot_has_literal_markup(hostile_app):
    app = hostile_app
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
    assert "\x1b" not in svg and "pwned" not in svg
    assert "[bold&#160;red]seven[/]" in svg or "[bold red]seven[/]" in svg


def test_hostile_dashboard_snapshot(snap_compare, hostile_app):
    """The dashboard at 80x24 with the hostile articles selected (regenerate with
    --snapshot-update after a deliberate layout change)."""
    assert snap_compare(hostile_app, terminal_size=(80, 24), press=["c"])


@pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")
def test_real_terminal_in_tmux_shows_no_effect_from_the_article():
    """scripts/hostile_tmux.sh: the dashboard in tmux, title/clipboard/escape checks, control."""
    result = subprocess.run(["bash", str(ROOT / "scripts" / "hostile_tmux.sh")],
                            capture_output=True, text=True, timeout=90)
    checks = [line for line in result.stdout.splitlines() if line.startswith(("PASS", "FAIL"))]
    assert result.returncode == 0 and len(checks) == 9, "\n".join(checks) + result.stderr


def test_pipes_and_devices_are_refused_not_read(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)  # opening it to read would block for ever
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "also.txt")
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "store.json"
    for path, expected in ((fifo, f"sitdash: skipped {fifo}: not a regular file or folder"),
                           (Path("/dev/zero"), "sitdash: skipped /dev/zero: not a regular file "
                                               "or folder")):
        result = sitdash("ingest", str(path), db=db, timeout=20)
        assert result.returncode == 3 and result.stderr.strip() == expected
    result = sitdash("ingest", str(folder), db=db, timeout=20)  # a pipe in a folder is skipped
    assert result.returncode == 0 and "ingested 1 new document(s)" in result.stdout


def test_escapes_in_ids_dates_and_authors_of_a_hand_made_store_stay_off_the_terminal(tmp_path):
    db = tmp_path / "made.json"
    store = Store(db)
    evil = "\x1b]0;pwned\x07"
    store.add_records(
        documents=[{"id": "d1", "text": "Kyiv was shelled.", "outlet": f"{evil}Wire"}],
        claims=[{"id": f"c1{evil}", "doc_id": "d1", "text": "Kyiv was shelled.", "start": 0,
                 "end": 17, "source": f"{evil}Kyiv", "source_kind": "media",
                 "date": f"2022{evil}", "places": ["Kyiv"], "hedges": [], "quantities": []}])
    store.add_note(f"c1{evil}", "checked", author=f"ana{evil}\x1b[2J")
    for args in (("claims",), ("note", "list")):
        result = sitdash(*args, db=db)
        assert result.returncode == 0 and result.stdout.startswith("c1  ")
        assert_inert(result.stdout, " ".join(args))
