"""Stores for the dashboard tests: a small hand-written one, the seed store, a big synthetic one.

The hand-written articles come in different styles (wire copy, a Pentagon briefing write-up,
a live blog, a governor on Telegram) and one hostile article full of markup and escape codes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sitdash.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

WIRE = (
    "KYIV, March 24 (Wire) - Russian forces shelled the eastern city of Kharkiv overnight, "
    "regional officials said on Thursday.\n\n"
    "Governor Oleh Synehubov said on Telegram that four people were killed. "
    "\"The city is being shelled again, stay in shelters,\" he wrote.\n\n"
    "Ukrainian troops pushed Russian units back from the village of Mala Rohan, the general "
    "staff said."
)
BRIEFING = (
    "A senior U.S. defense official said on Friday that Russia has begun to reposition some of "
    "its forces away from Kyiv.\n\n"
    "\"We assess that they are moving toward Belarus,\" the official told reporters. "
    "About 1,000 troops were seen heading north from Kyiv, the official said."
)
LIVE = (
    "10:42 Air raid sirens sounded across Lviv on Saturday morning.\n\n"
    "The mayor said two missiles struck a fuel depot on the edge of Lviv, and firefighters "
    "were at the scene."
)
HOSTILE = (
    "Officials in Mykolaiv said [bold red]x[/] rockets fell near the port "
    "[link=file:///etc/passwd]y[/link] and \x1b[31mred\x1b[0m smoke rose over Mykolaiv."
)


def _id(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def _doc(key: str, text: str, title: str, outlet: str, published: str) -> dict:
    return {"id": _id(key), "text": text, "title": title, "outlet": outlet,
            "published": published, "published_inferred": False, "dateline_place": None,
            "url": None, "path": f"/articles/{key}.txt", "captions": [], "version_of": None}


def _claim(doc: dict, sentence: str, source: str, kind: str, date: str, places: list[str],
           hedges: tuple[str, ...] = ()) -> dict:
    start = doc["text"].index(sentence)
    return {"id": _id(doc["id"], sentence), "doc_id": doc["id"], "text": sentence,
            "start": start, "end": start + len(sentence), "source": source, "source_kind": kind,
            "kind": "statement", "hedges": list(hedges), "places": places, "quantities": [],
            "date": date, "date_precision": "day", "date_text": None}


def _quote(claim: dict, doc: dict, text: str, speaker: str, kind: str) -> dict:
    start = doc["text"].index(text)
    return {"id": _id(claim["id"], text), "doc_id": doc["id"], "claim_id": claim["id"],
            "text": text, "speaker": speaker, "speaker_kind": kind, "start": start,
            "end": start + len(text)}


def _move(claim: dict, actor: str, origin, destination, kind: str, size, hedged: bool) -> dict:
    return {"id": _id(claim["id"], actor, kind), "doc_id": claim["doc_id"],
            "claim_id": claim["id"], "actor": actor, "origin": origin,
            "destination": destination, "kind": kind, "size": size, "date": claim["date"],
            "hedged": hedged, "start": claim["start"], "end": claim["end"]}


def _event(claims: list[dict], date: str, etype: str, sub: str, places: list[str],
           summary: str) -> dict:
    return {"id": _id(date, sub, *places), "date": date, "precision": "day", "type": etype,
            "sub_type": sub, "places": places, "summary": summary,
            "claim_ids": [c["id"] for c in claims],
            "sources": sorted({c["doc_id"] for c in claims})}


def small_records() -> dict[str, list[dict]]:
    """Four articles, seven claims, quotes, movements and events (hand-written)."""
    wire = _doc("wire", WIRE, "Russian shelling hits Kharkiv", "Wire", "2022-03-24")
    brief = _doc("brief", BRIEFING, "Pentagon: Russia repositioning from Kyiv", "Defense Daily",
                 "2022-03-25")
    live = _doc("live", LIVE, "Live: sirens over Lviv", "Live Desk", "2022-03-26")
    hostile = _doc("hostile", HOSTILE, "[bold]Mykolaiv[/bold] \x1b[2Jport", "Evil Outlet",
                   "2022-03-27")
    c_shell = _claim(wire, WIRE.split("\n\n")[0], "regional officials", "anonymous official",
                     "2022-03-24", ["Kharkiv"])
    c_gov = _claim(wire, "Governor Oleh Synehubov said on Telegram that four people were killed.",
                   "Oleh Synehubov", "named official", "2022-03-24", ["Kharkiv"])
    c_push = _claim(wire, WIRE.split("\n\n")[2], "general staff", "institution", "2022-03-24",
                    ["Mala Rohan"])
    c_repo = _claim(brief, BRIEFING.split("\n\n")[0], "a senior U.S. defense official",
                    "anonymous official", "2022-03-25", ["Kyiv"])
    c_assess = _claim(brief, "\"We assess that they are moving toward Belarus,\" the official "
                      "told reporters.", "a senior U.S. defense official", "anonymous official",
                      "2022-03-25", ["Belarus"], ("assess",))
    c_lviv = _claim(live, "The mayor said two missiles struck a fuel depot on the edge of Lviv, "
                    "and firefighters were at the scene.", "the mayor", "named official",
                    "2022-03-26", ["Lviv"])
    c_evil = _claim(hostile, HOSTILE, "Officials in Mykolaiv", "anonymous official",
                    "2022-03-27", ["Mykolaiv"])
    claims = [c_shell, c_gov, c_push, c_repo, c_assess, c_lviv, c_evil]
    quotes = [
        _quote(c_gov, wire, "The city is being shelled again, stay in shelters",
               "Oleh Synehubov", "named official"),
        _quote(c_assess, brief, "We assess that they are moving toward Belarus",
               "a senior U.S. defense official", "anonymous official"),
        _quote(c_evil, hostile, "[bold red]x[/] rockets", "[link=file:///etc/passwd]y[/link]",
               "other"),
    ]
    moves = [
        _move(c_repo, "Russian forces", "Kyiv", None, "reposition", "some", False),
        _move(c_assess, "Russian forces", None, "Belarus", "reposition", None, True),
        _move(c_push, "Ukrainian troops", None, "Mala Rohan", "advance", None, False),
    ]
    events = [
        _event([c_shell, c_gov], "2022-03-24", "Explosions/Remote violence", "Shelling/artillery",
               ["Kharkiv"], "Shelling of Kharkiv; four killed"),
        _event([c_push], "2022-03-24", "Battles", "Armed clash", ["Mala Rohan"],
               "Ukrainian counterattack near Mala Rohan"),
        _event([c_lviv], "2022-03-26", "Explosions/Remote violence", "Air/drone strike",
               ["Lviv"], "Missiles hit a fuel depot in Lviv"),
        _event([c_evil], "2022-03-27", "Explosions/Remote violence", "Shelling/artillery",
               ["Mykolaiv"], "[bold red]x[/] \x1b[31mMykolaiv port shelled"),
    ]
    return {"documents": [wire, brief, live, hostile], "claims": claims, "quotes": quotes,
            "movements": moves, "events": events}


def small_store(path: Path) -> Store:
    """A file-backed store holding `small_records()`, consolidated as ingest would."""
    store = Store(path)
    records = small_records()
    events = records.pop("events")
    with store.batch():
        store.add_records(**records)
        store.replace_events(events)
        consolidate_store(store)
    return store


def consolidate_store(store: Store) -> None:
    """Signals, speakers, developments and contradictions computed over the whole store (what
    an ingest keeps up to date; hand-written records skip it)."""
    from sitdash import consolidate

    documents = {d["id"]: d for d in store.rows("documents")}
    store.add_records(signals=consolidate.signals_of(
        store.rows("claims"), documents, consolidate.event_types_of(store.rows("events"))))
    names = ("documents", "claims", "movements", "events", "signals")
    tables = consolidate.update({name: store.rows(name) for name in names})
    for name, rows in tables.items():
        store.replace_table(name, rows)


def seed_store(path: Path) -> Store | None:
    """The bundled seed articles ingested with the real pipeline (None until it is importable)."""
    try:
        from sitdash.ingest.pipeline import ingest_paths
    except ImportError:
        return None
    store = Store(path)
    ingest_paths(store, [SEEDS])
    return store


def week_store(path: Path) -> Store:
    """A week of reporting in ten articles (tests/week_articles.py) through the real pipeline:
    developments told by several outlets, contradictions of every kind."""
    from week_articles import write_articles

    from sitdash.ingest.pipeline import ingest_paths

    store = Store(path)
    ingest_paths(store, write_articles(Path(path).parent / "week-articles"))
    return store


class MemoryStore:
    """Just enough of a store, in memory, for large synthetic data sets."""

    path = None

    def __init__(self, records: dict[str, list[dict]]) -> None:
        self.records = records
        self._notes: list[dict] = []

    def rows(self, table: str) -> list[dict]:
        return self.records.get(table, [])  # no developments etc.: computed tables stay empty

    def documents(self):
        return self.records["documents"]

    def claims(self):
        return self.records["claims"]

    def quotes(self):
        return self.records["quotes"]

    def movements(self):
        return self.records["movements"]

    def events(self):
        return self.records["events"]

    def notes(self, claim_id=None):
        return [n for n in self._notes if claim_id in (None, n["claim_id"])]

    def judgements(self):
        return {}

    def speaker_sides(self):
        return {}


PLACES = ["Kharkiv", "Kyiv", "Lviv", "Mykolaiv", "Chernihiv", "Sumy", "Donetsk", "Odesa"]


def big_records(n: int) -> dict[str, list[dict]]:
    """`n` claims over 200 documents and `n // 4` events, quotes and movements (synthetic)."""
    docs, claims, quotes, moves, events = [], [], [], [], []
    for d in range(200):
        text = "\n\n".join(f"Paragraph {p} of article {d} about the front." for p in range(5))
        docs.append(_doc(f"big{d}", text, f"Article {d}", f"Outlet {d % 7}",
                         f"2022-03-{1 + d % 28:02d}"))
    for i in range(n):
        doc = docs[i % 200]
        place = PLACES[i % len(PLACES)]
        date = f"2022-03-{1 + i % 28:02d}"
        claim = {"id": f"c{i:06d}", "doc_id": doc["id"], "text": f"Claim {i} about {place}.",
                 "start": 0, "end": 10, "source": f"source {i % 50}",
                 "source_kind": "media", "kind": "statement", "hedges": [], "places": [place],
                 "quantities": [], "date": date, "date_precision": "day", "date_text": None}
        claims.append(claim)
        if i % 4 == 0:
            events.append(_event([claim], date, "Battles", "Armed clash", [place],
                                 f"Clash {i} near {place}"))
            quotes.append({"id": f"q{i}", "doc_id": doc["id"], "claim_id": claim["id"],
                           "text": f"Quote number {i} with 3 words", "speaker": f"Speaker {i % 9}",
                           "speaker_kind": "named official", "start": 0, "end": 5})
            moves.append(_move(claim, f"Unit {i}", place, None, "withdraw", None, i % 8 == 0))
    return {"documents": docs, "claims": claims, "quotes": quotes, "movements": moves,
            "events": events}


def open_app(path: Path):
    """The dashboard on the store at `path`; exports go beside it, never into the folder the
    tests run from."""
    from sitdash.tui.app import SitdashApp

    return SitdashApp(Store(path), export_dir=Path(path).parent)


async def dispute_grade_and_note(pilot, grade: str, note: str) -> None:
    """v 3 (disputed), g with a grade ("b2"), n with a note saved: what an analyst does to the
    claim in front of them, from any screen."""
    from sitdash.tui.screens.note import NoteScreen

    await pilot.press("v", "3")
    await pilot.pause()
    await pilot.press("g", *grade, "enter")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoteScreen)
    await pilot.press(*note, "ctrl+s")
    await pilot.pause()
