"""Two sessions on one store: two analysts' `sitdash note add` loops and an ingest run at the same
time lose and duplicate nothing; a second dashboard sees the other analyst's notes and ingest.

(tests/test_analyst.py races two Store objects in two processes; this goes through the real
command line, with an ingest replacing the derived file meanwhile.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitdash.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NOTES_EACH = 12


def _sitdash() -> list[str]:
    exe = shutil.which("sitdash")
    return [exe] if exe else [sys.executable, "-m", "sitdash.cli"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "SITDASH_DB": ""}


def _articles(folder: Path, count: int, tag: str) -> Path:
    """`count` short briefing-style write-ups, new text each."""
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"{tag}-{n}.md").write_text(
            f"---\ntitle: Briefing {tag} {n}\noutlet: Defense Daily\n"
            f"published: 2022-04-0{n % 9 + 1}\n---\n"
            f"A senior U.S. defense official said on Tuesday that about {n + 3} battalion "
            f"tactical groups had moved from Belarus toward Gomel ({tag}).\n\n"
            f"\"They are refitting, not withdrawing,\" the official told reporters ({tag}-{n}).\n",
            encoding="utf-8",
        )
    return folder


def _note_loop(db: Path, who: str, claims: list[str]) -> subprocess.Popen:
    """A shell loop running `sitdash note add` NOTES_EACH times; prints FAIL on any error."""
    cmd = " ".join(_sitdash())
    lines = [
        f"{cmd} note add {claims[i % len(claims)]} '{who} note {i}' --db '{db}' >/dev/null "
        f"|| echo FAIL {i}"
        for i in range(NOTES_EACH)
    ]
    return subprocess.Popen(["bash", "-c", "\n".join(lines)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env())


def test_two_note_loops_and_an_ingest_at_once_lose_and_duplicate_nothing(tmp_path):
    db = tmp_path / "store.json"
    env = _env()
    subprocess.run([*_sitdash(), "ingest", str(SEEDS), "--db", str(db)], check=True,
                   capture_output=True, env=env)
    exported = subprocess.run([*_sitdash(), "export", "--db", str(db)], check=True,
                              capture_output=True, env=env)
    ids = [c["id"] for c in json.loads(exported.stdout)["claims"]]
    shared, ana_own, ben_own = ids[0], ids[1], ids[2]
    folders = [_articles(tmp_path / f"in{k}", 4, f"batch{k}") for k in range(3)]
    ingest = subprocess.Popen(
        ["bash", "-c", "\n".join(
            f"{' '.join(_sitdash())} ingest '{f}' --db '{db}' || echo FAIL" for f in folders)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    ana = _note_loop(db, "ana", [shared, ana_own])
    ben = _note_loop(db, "ben", [shared, ben_own])
    outputs = {name: proc.communicate(timeout=120) for name, proc in
               (("ana", ana), ("ben", ben), ("ingest", ingest))}
    for name, (out, err) in outputs.items():
        assert "FAIL" not in out, f"{name}: {out} {err}"
        assert "Traceback" not in err, f"{name}: {err}"

    store = Store(db)
    notes = store.notes()
    texts = [n["text"] for n in notes]
    assert len(texts) == len(set(texts)) == 2 * NOTES_EACH  # all there, none twice
    for who, own in (("ana", ana_own), ("ben", ben_own)):
        for i in range(NOTES_EACH):
            note = next(n for n in notes if n["text"] == f"{who} note {i}")
            assert note["claim_id"] == (shared if i % 2 == 0 else own)
    assert len(store.notes(shared)) == NOTES_EACH
    assert len(store.documents()) == 1 + 3 * 4  # the seed and every ingested article
    listed = subprocess.run([*_sitdash(), "note", "list", "--db", str(db)], check=True,
                            capture_output=True, text=True, env=env).stdout
    assert sum(f"note {i}" in line for line in listed.splitlines()
               for i in range(NOTES_EACH)) >= 2 * NOTES_EACH


async def test_a_second_dashboard_sees_the_other_analysts_note_and_ingest(tmp_path):
    """The dashboard polls the store: another process's note and ingest show up by themselves."""
    from tui_fixtures import small_store

    from sitdash.tui.app import SitdashApp

    db = tmp_path / "store.json"
    small_store(db)
    app = SitdashApp(Store(db), ui_path=tmp_path / "ui.json")
    claim_id = next(iter(app.index.claims))
    folder = _articles(tmp_path / "more", 1, "late")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.index.notes.get(claim_id)
        documents = len(app.index.documents)
        subprocess.run([*_sitdash(), "note", "add", claim_id, "from the other analyst", "--db",
                        str(db)], check=True, capture_output=True, env=_env())
        subprocess.run([*_sitdash(), "ingest", str(folder), "--db", str(db)], check=True,
                       capture_output=True, env=_env())
        for _ in range(50):  # the poll timer picks both up within a few seconds
            await pilot.pause(0.1)
            if app.index.notes.get(claim_id) and len(app.index.documents) > documents:
                break
        texts = [n["text"] for n in app.index.notes.get(claim_id, [])]
        assert texts == ["from the other analyst"]
        assert len(app.index.documents) == documents + 1


def test_two_ingests_at_once_both_land(tmp_path):
    """The later writer finds the store changed, re-reads it and ingests again (skipping what
    the other stored) instead of failing or overwriting it."""
    db = tmp_path / "store.json"
    env = _env()
    folders = []
    for seed in (1, 2):
        folder = tmp_path / f"corpus{seed}"
        subprocess.run([*_sitdash(), "generate", "--docs", "120", "--seed", str(seed), "-o",
                        str(folder)], check=True, capture_output=True, env=env)
        shutil.copy(SEEDS / "000_ef4bcab6f89b65ad.txt", folder)  # one article in both
        folders.append(folder)
    runs = [subprocess.Popen([*_sitdash(), "ingest", str(f), "--db", str(db)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            for f in folders]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0 and err == "", err
    ids = [d["id"] for d in Store(db).documents()]
    assert len(ids) == len(set(ids)) == 2 * 120 + 1


def test_a_store_held_too_long_by_another_session_is_a_one_line_error(tmp_path, monkeypatch,
                                                                     capsys):
    from sitdash.cli import main
    from sitdash.storage import FileLock

    db = tmp_path / "store.json"
    store = Store(db)
    store.add_records(documents=[{"id": "d1", "text": "t"}],
                      claims=[{"id": "c1", "doc_id": "d1", "text": "t", "start": 0, "end": 1,
                               "source": "s", "source_kind": "media"}])
    monkeypatch.setattr(FileLock.__init__, "__defaults__", (0.3,))  # wait 0.3 s, not 60
    with FileLock(store.lock_path):  # another session mid-write (flock is per open file)
        assert main(["note", "add", "c1", "blocked", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sitdash: error: store lock ") and err.count("\n") == 1
    assert "held by another sitdash process" in err
    assert Store(db).notes() == []


def test_two_analysts_keep_their_own_review_marks_and_see_each_others_notes(tmp_path):
    """ana (--analyst) and ben ($SITDASH_ANALYST) work at once on one store, through the real
    command line, while an ingest runs: every note keeps its author, every review mark is kept,
    and what is new for one does not depend on the other's review."""
    db = tmp_path / "store.json"
    env = _env()
    cmd = " ".join(_sitdash())
    subprocess.run([*_sitdash(), "ingest", str(SEEDS), "--db", str(db)], check=True,
                   capture_output=True, env=env)
    claim = Store(db).claims()[0]["id"]
    folder = _articles(tmp_path / "later", 3, "later")

    def loop(who: str, flag: str, extra_env: dict[str, str]) -> subprocess.Popen:
        lines = []
        for i in range(NOTES_EACH):
            lines.append(f"{cmd} {flag} note add {claim} '{who} note {i}' --db '{db}' >/dev/null "
                         f"|| echo FAIL note {i}")
            if i % 3 == 2:
                lines.append(f"{cmd} {flag} review done --db '{db}' >/dev/null "
                             f"|| echo FAIL review {i}")
        return subprocess.Popen(["bash", "-c", "\n".join(lines)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env={**env, **extra_env})

    ana = loop("ana", "--analyst ana", {})
    ben = loop("ben", "", {"SITDASH_ANALYST": "ben"})
    ingest = subprocess.Popen([*_sitdash(), "ingest", str(folder), "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for proc in (ana, ben, ingest):
        out, err = proc.communicate(timeout=180)
        assert "FAIL" not in out and "Traceback" not in err, (out, err)

    store = Store(db)
    for who in ("ana", "ben"):
        mine = [n for n in store.notes() if n["text"].startswith(f"{who} note")]
        assert [n["text"] for n in mine] == [f"{who} note {i}" for i in range(NOTES_EACH)]
        assert {n["author"] for n in mine} == {who}
    raw = json.loads(store.analyst_path.read_bytes())
    reviews = [r["analyst"] for r in raw["reviews"].values()]
    assert sorted(reviews) == ["ana"] * (NOTES_EACH // 3) + ["ben"] * (NOTES_EACH // 3)

    # one more article arrives; only ana reviews it; then the latest one arrives
    def sitdash(*args: str, who: str) -> str:
        return subprocess.run([*_sitdash(), "--analyst", who, *args, "--db", str(db)],
                              check=True, capture_output=True, text=True, env=env).stdout

    def claims_of(tag: str) -> set[str]:
        return {c["id"] for c in Store(db).claims() if f"({tag}" in c["text"]}

    sitdash("ingest", str(_articles(tmp_path / "middle", 1, "middle")), who="ben")
    sitdash("review", "done", who="ana")
    sitdash("ingest", str(_articles(tmp_path / "latest", 1, "latest")), who="ben")
    middle, latest = claims_of("middle"), claims_of("latest")
    assert middle and latest
    ana_status = sitdash("review", "status", who="ana")
    assert ana_status.startswith("ana: review marked done ")
    assert f"{len(latest)} claims new in 1 document since" in ana_status
    assert "other analysts: ben " in ana_status
    ana_new = sitdash("claims", "--new", "--limit", "500", who="ana")
    assert {line.split()[0] for line in ana_new.splitlines()} == latest
    ben_new = sitdash("claims", "--new", "--limit", "500", who="ben")
    assert middle | latest <= {line.split()[0] for line in ben_new.splitlines()}
    listed = sitdash("note", "list", who="ana")
    assert "  ana  " in listed and "  ben  " in listed
