"""The sitdash benchmark: ingest, consolidation, start-up, query, filter, brief, note save and
memory at ~N claims.

    python bench/run.py [--claims 50000] [--json] [--keep DIR] [--seed 0]

Builds a store by generating a synthetic corpus (sitdash.corpus) and ingesting it, then measures
each figure and prints a table with its target; with --json the LAST line is one JSON object.
Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitdash.corpus import write_corpus  # noqa: E402

CLAIMS_PER_DOC_GUESS = 10.0  # only sizes the calibration run; the big run uses the measured ratio
TERMINAL = (160, 48)
FILTER_WORDS = ("kharkiv", "convoy", "kirby", "mariupol")

# figure -> (target, "<=" or ">="): printed beside the figure as met/missed.
TARGETS = {
    "query_p95_ms": (16, "<="),
    "filter_p95_ms": (50, "<="),
    "start_ratio": (1.5, "<="),
    "note_save_p95_ms": (20, "<="),
    "ingest_docs_per_s": (200, ">="),
    "ingest_growth": (1.3, "<="),
    "brief_vs_parse": (2.0, "<="),
    "rss_mb": (400, "<="),
}

# Child processes: each prints one JSON line once its first frame is painted, then exits.
_CHILD_PRELUDE = """
import time, sys
T0 = time.perf_counter()
import json, resource
sys.path.insert(0, {root!r})
"""
_CHILD_EPILOGUE = """
async def first_frame(pilot):
    await pilot.pause()
    painted = __import__("asyncio").Event()
    pilot.app.call_after_refresh(painted.set)
    await painted.wait()
    # peak memory of this program: VmHWM restarts at exec, while ru_maxrss keeps the size of
    # the (large) bench process this child was forked from
    try:
        status = open("/proc/self/status").read()
        rss_kb = int(status.split("VmHWM:")[1].split()[0])
    except (OSError, IndexError, ValueError):
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("FIRST-FRAME " + json.dumps({{"rss_kb": rss_kb, "t": time.perf_counter() - T0}}),
          flush=True)
    pilot.app.exit()

app.run(headless=True, size={size!r}, auto_pilot=first_frame)
"""
DASHBOARD_CHILD = _CHILD_PRELUDE + """
from sitdash.store import Store
from sitdash.tui.app import SitdashApp
from pathlib import Path
app = SitdashApp(Store({db!r}), ui_path=Path({ui!r}))
""" + _CHILD_EPILOGUE
FLOOR_CHILD = _CHILD_PRELUDE + """
import orjson
from pathlib import Path
from textual.app import App
from textual.widgets import Static
for name in {files!r}:
    orjson.loads(Path(name).read_bytes())

class Bare(App):
    def compose(self):
        yield Static("sitdash")

app = Bare()
""" + _CHILD_EPILOGUE


# -- helpers ------------------------------------------------------------------------------------

def p95(samples: list[float]) -> float:
    """95th percentile (nearest rank)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- ingest -------------------------------------------------------------------------------------

def build_store(work: Path, name: str, docs: int, seed: int) -> dict:
    """Generate `docs` articles and ingest them into a fresh store; returns the timings."""
    from sitdash.ingest.pipeline import ingest_paths
    from sitdash.store import Store

    corpus = work / f"corpus-{name}"
    if corpus.exists():
        shutil.rmtree(corpus)
    t = time.perf_counter()
    write_corpus(corpus, docs=docs, seed=seed)
    generate_s = time.perf_counter() - t
    db = work / f"{name}.json"
    for stale in work.glob(f"{name}.*"):
        stale.unlink()
    store = Store(db)
    t = time.perf_counter()
    report = ingest_paths(store, [corpus])
    ingest_s = time.perf_counter() - t
    counts = store.counts()
    return {"db": db, "docs": docs, "generate_s": generate_s, "ingest_s": ingest_s,
            "claims": counts.get("claims", report.claims), "counts": counts,
            "errors": len(report.errors), "store": store,
            "consolidation": report.consolidation}


# -- consolidation: what a later, small ingest costs --------------------------------------------

def measure_consolidation(big: dict, work: Path, seed: int) -> dict:
    """Consolidation cost of the big batch, and of small batches ingested into the big store
    afterwards (1 and 10 new articles): ms per batch and per article, beside the whole ingest."""
    from sitdash.ingest.pipeline import ingest_paths

    bulk = big["consolidation"]
    figures = {
        "consolidation_bulk_ms": round(bulk.get("total_ms", 0), 1),
        "consolidation_bulk_ms_per_doc": round(bulk.get("total_ms", 0) / big["docs"], 3),
        "developments": big["counts"].get("developments"),
        "contradictions": big["counts"].get("contradictions"),
        "speakers": big["counts"].get("speakers"),
    }
    for n in (1, 10):
        corpus = work / f"corpus-late-{n}"
        if corpus.exists():
            shutil.rmtree(corpus)
        write_corpus(corpus, docs=n, seed=seed + 1000 + n)  # articles the store has not seen
        t = time.perf_counter()
        report = ingest_paths(big["store"], [corpus])
        batch_s = time.perf_counter() - t
        done = report.consolidation
        figures[f"late_{n}_ingest_ms"] = ms(batch_s)
        figures[f"late_{n}_consolidation_ms"] = round(done.get("total_ms", 0), 1)
        figures[f"late_{n}_consolidation_ms_per_doc"] = round(
            done.get("total_ms", 0) / max(1, len(report.added)), 1)
        figures[f"late_{n}_movements_recomputed"] = done.get("movements_recomputed")
    return figures


# -- the brief against parsing the store ----------------------------------------------------------

def measure_brief(db: Path, runs: int = 3) -> dict:
    """`sitdash brief` end to end (a subprocess: start, load, index, summaries, print) against
    reading and parsing the store file once; interleaved, medians of `runs`."""
    import orjson

    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1", COLUMNS="120")
    briefs, parses, lines = [], [], 0
    for _ in range(runs):
        t = time.perf_counter()
        orjson.loads(db.read_bytes())
        parses.append(time.perf_counter() - t)
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "sitdash", "brief", "--db", str(db)],
                             capture_output=True, text=True, env=env, check=True).stdout
        briefs.append(time.perf_counter() - t)
        lines = out.count("\n")
    brief, parse = statistics.median(briefs), statistics.median(parses)
    return {"brief_s": round(brief, 3), "parse_s": round(parse, 3),
            "brief_vs_parse": round(brief / parse, 2), "brief_lines": lines}


def measure_append(store, work: Path, seed: int, fresh_s_per_doc: float, docs: int = 20) -> dict:
    """A small later ingest into the big store (a day's new articles): its cost per article beside
    the fresh build's. Events are rebuilt over every stored claim; only new claims are typed."""
    from sitdash.ingest.pipeline import ingest_paths

    corpus = work / "corpus-append"
    if corpus.exists():
        shutil.rmtree(corpus)
    write_corpus(corpus, docs=docs, seed=seed + 1000)  # other articles than the store holds
    t = time.perf_counter()
    report = ingest_paths(store, [corpus])
    append_s = time.perf_counter() - t
    per_doc = append_s / max(1, len(report.added))
    return {"append_docs": len(report.added), "append_s": round(append_s, 2),
            "append_vs_fresh_per_doc": round(per_doc / fresh_s_per_doc, 1)}


# -- start-up and memory (subprocesses) -----------------------------------------------------------

def time_child(script: str) -> tuple[float, float]:
    """(ms from launch to the child's first painted frame, child's peak RSS in MB)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TEXTUAL="", NO_COLOR="1")
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    line = ""
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("FIRST-FRAME "):
            break
    elapsed = time.perf_counter() - t
    out, err = proc.communicate(timeout=120)
    if not line.startswith("FIRST-FRAME "):
        raise RuntimeError(f"child never painted a frame:\n{err[-2000:]}")
    data = json.loads(line.split(" ", 1)[1])
    return elapsed * 1000, data["rss_kb"] / 1024


def measure_start(db: Path, work: Path, runs: int = 3) -> dict:
    """Dashboard start vs a bare Textual app that parses the same files: medians of `runs`."""
    ui = str(work / "bench-start.ui.json")  # no saved filters: the first-run view
    analyst = db.with_suffix(".analyst.json")
    files = [str(p) for p in (db, analyst) if p.exists()]
    dash = DASHBOARD_CHILD.format(root=str(ROOT), db=str(db), ui=ui, size=TERMINAL)
    floor = FLOOR_CHILD.format(root=str(ROOT), files=files, size=TERMINAL)
    starts, rss, floors = [], [], []
    for _ in range(runs):  # interleaved, so a busy moment on the machine hits both
        start_ms, rss_mb = time_child(dash)
        starts.append(start_ms)
        rss.append(rss_mb)
        floors.append(time_child(floor)[0])
    start, floor_ms = statistics.median(starts), statistics.median(floors)
    return {"start_ms": round(start, 1), "start_floor_ms": round(floor_ms, 1),
            "start_ratio": round(start / floor_ms, 2), "rss_mb": round(max(rss), 1)}


# -- query layer --------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]{4,}")


def vocabulary(claims: list[dict], rng: random.Random, size: int = 400) -> list[str]:
    words: list[str] = []
    for claim in rng.sample(claims, min(len(claims), 2000)):
        words.extend(w.lower() for w in _WORD.findall(claim.get("text", "")))
    unique = sorted(set(words))
    return rng.sample(unique, min(size, len(unique)))


def measure_query(store, rng: random.Random, queries: int = 200) -> dict:
    """Index.claim_ids for a text filter and a region filter together, `queries` random ones."""
    from sitdash.query import Filters, Index

    t = time.perf_counter()
    index = Index.from_store(store)
    build = time.perf_counter() - t
    t = time.perf_counter()
    index.warm()  # the dashboard does this in a worker right after its first frame
    warm = time.perf_counter() - t
    words = vocabulary(list(index.claims.values()), rng)
    regions = sorted(r for r in index.by_region if r) or [""]
    samples, hits = [], 0
    for _ in range(queries):
        filters = Filters(text=rng.choice(words), regions=frozenset({rng.choice(regions)}))
        t = time.perf_counter()
        hits += len(index.claim_ids(filters))
        samples.append(time.perf_counter() - t)
    return {"query_p95_ms": ms(p95(samples)), "query_median_ms": ms(statistics.median(samples)),
            "index_build_ms": ms(build), "index_warm_ms": ms(warm),
            "query_mean_hits": round(hits / queries, 1),
            "index": index}


def measure_tinydb(db: Path, term: str = "kharkiv", runs: int = 3) -> float:
    """A plain TinyDB search on the stock JSONStorage over the same file: median ms per search."""
    from tinydb import Query, TinyDB
    from tinydb.storages import JSONStorage

    samples = []
    with TinyDB(db, storage=JSONStorage, access_mode="r") as tiny:
        table = tiny.table("claims")
        for _ in range(runs):
            table.clear_cache()
            t = time.perf_counter()
            table.search(Query().text.search(f"(?i){term}"))
            samples.append(time.perf_counter() - t)
    return ms(statistics.median(samples))


# -- the / filter in the dashboard (headless pilot) ---------------------------------------------

async def _type_and_wait_for_paint(app, ch: str, expected: str) -> float:
    """Seconds from a key event reaching the app to the screen repainted with `expected` applied.

    The key is posted the way the terminal driver posts it; no idle-polling sleeps are involved.
    """
    from textual import events

    key = events.Key(ch, ch)
    key.set_sender(app)
    t = time.perf_counter()
    app.post_message(key)
    deadline = t + 10
    while app.filters.text != expected:  # the app applies the filter on its own loop
        if time.perf_counter() > deadline:
            raise TimeoutError(f"filter never became {expected!r}")
        await asyncio.sleep(0)
    await app.screen.wait_for_refresh()
    return time.perf_counter() - t


async def _filter_keystrokes(store, ui: Path) -> tuple[list[float], list[float], list[float]]:
    """(event-to-paint, dashboard reload, pilot press+pause) samples typing FILTER_WORDS into `/`.

    Event-to-paint includes any debounce the dashboard applies; the pilot way returns once the
    app is idle, which can be before a debounced filter has been applied.
    """
    from sitdash.tui.app import SitdashApp

    app = SitdashApp(store, ui_path=ui)
    direct: list[float] = []
    reloads: list[float] = []
    piloted: list[float] = []
    async with app.run_test(size=TERMINAL) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the word index, built after the first frame
        for round_ in range(2):
            for word in FILTER_WORDS:
                await pilot.press("slash")
                await pilot.pause()
                for i, ch in enumerate(word):
                    if round_ == 0:
                        direct.append(await _type_and_wait_for_paint(app, ch, word[: i + 1]))
                        reload = getattr(app.screen, "last_reload", None)  # its own timing
                        if isinstance(reload, float):
                            reloads.append(reload)
                    else:  # the plain pilot way: includes its idle-wait sleeps (>= 3 x 20 ms)
                        t = time.perf_counter()
                        await pilot.press(ch)
                        await pilot.pause()
                        piloted.append(time.perf_counter() - t)
                await pilot.press("escape", "escape")  # leave the box, then clear the filter
                await pilot.pause()
    return direct, reloads, piloted


def measure_filter(store, work: Path) -> dict:
    try:
        ui = work / "bench-filter.ui.json"
        direct, reloads, piloted = asyncio.run(_filter_keystrokes(store, ui))
    except Exception as exc:  # the TUI is someone else's module: report, don't die
        return {"filter_p95_ms": None, "filter_error": f"{type(exc).__name__}: {exc}"}
    return {"filter_p95_ms": ms(p95(direct)), "filter_median_ms": ms(statistics.median(direct)),
            "filter_keys": len(direct), "filter_pilot_p95_ms": ms(p95(piloted)),
            "filter_reload_p95_ms": ms(p95(reloads)) if reloads else None}


# -- note saves -----------------------------------------------------------------------------------

def _bytes_written() -> int | None:
    try:
        with open("/proc/self/io", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("wchar:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def measure_notes(store, claim_ids: list[str], saves: int = 100) -> dict:
    """Durable note saves: p95 time and the bytes each save writes."""
    analyst = store.analyst_path
    size_before = analyst.stat().st_size if analyst.exists() else 0
    samples, written = [], []
    for i in range(saves):
        claim = claim_ids[i % len(claim_ids)]
        before = _bytes_written()
        t = time.perf_counter()
        store.add_note(claim, f"bench note {i}: checked against a second source")
        samples.append(time.perf_counter() - t)
        after = _bytes_written()
        if before is not None and after is not None:
            written.append(after - before)
    size_after = analyst.stat().st_size
    per_save = statistics.mean(written) if written else (size_after - size_before) / saves
    return {"note_save_p95_ms": ms(p95(samples)), "note_save_bytes": int(per_save),
            "note_save_bytes_last": written[-1] if written else None,
            "analyst_file_bytes": size_after}


# -- report ---------------------------------------------------------------------------------------

def verdict(key: str, value) -> str:
    if key not in TARGETS:
        return ""
    target, op = TARGETS[key]
    if value is None:
        return f"{op} {target}  n/a"
    ok = value <= target if op == "<=" else value >= target
    return f"{op} {target}  {'met' if ok else 'MISSED'}"


def print_table(figures: dict) -> None:
    rows = [(k, v) for k, v in figures.items() if not isinstance(v, dict | list)]
    width = max(len(k) for k, _ in rows)
    print(f"{'figure':<{width}}  {'value':>12}  target")
    print("-" * (width + 32))
    for key, value in rows:
        shown = "null" if value is None else (f"{value:,}" if isinstance(value, int) else
                                              f"{value}")
        print(f"{key:<{width}}  {shown:>12}  {verdict(key, value)}")


def measure_one_process_ingest(work: Path, docs: int, big: dict) -> dict:
    """The same corpus ingested again with extraction in this process only (SITDASH_WORKERS=1):
    the baseline for the workers a large ingest uses (sitdash/ingest/parallel.py)."""
    from sitdash.ingest.parallel import workers_for
    from sitdash.ingest.pipeline import ingest_paths
    from sitdash.store import Store

    workers = workers_for(docs)
    log(f"the same ingest in one process (the big run used {workers} worker(s))")
    db = work / "one-process.json"
    for stale in work.glob("one-process.*"):
        stale.unlink()
    before = os.environ.get("SITDASH_WORKERS")
    os.environ["SITDASH_WORKERS"] = "1"
    try:
        t = time.perf_counter()
        ingest_paths(Store(db), [work / "corpus-main"])
        seconds = time.perf_counter() - t
    finally:
        if before is None:
            del os.environ["SITDASH_WORKERS"]
        else:
            os.environ["SITDASH_WORKERS"] = before
    return {"ingest_workers": workers,
            "ingest_one_process_docs_per_s": round(docs / seconds, 1),
            "ingest_workers_speedup": round(seconds / big["ingest_s"], 2)}


def measure_stages(corpus: Path, sample: int = 300) -> dict:
    """Milliseconds per article for each extraction stage on `sample` corpus articles, beside a
    baseline in the same run: splitting the same texts into words (str.split)."""
    from sitdash.ingest import attribution, dates, movements, places, quotes, sentences
    from sitdash.ingest.pipeline import extract
    from sitdash.ingest.read import read_path

    docs = read_path(corpus).documents[:sample]
    spans = [sentences.split_sentences(d.text) for d in docs]
    stages = {
        "split_words": lambda: [d.text.split() for d in docs],  # the baseline
        "sentences": lambda: [sentences.split_sentences(d.text) for d in docs],
        "dates": lambda: [dates.sentence_date(s.text, None) for ss in spans for s in ss],
        "places": lambda: [places.find_places(s.text) for ss in spans for s in ss],
        "quotes": lambda: [quotes.extract_quotes(d.text) for d in docs],
        "attribution": lambda: [attribution.attribute(s.text) for ss in spans for s in ss],
        "movements": lambda: [movements.extract_movements(s.text) for ss in spans for s in ss],
        "extract_all": lambda: [extract(d) for d in docs],
    }
    figures = {}
    for name, work in stages.items():
        t = time.perf_counter()
        work()
        figures[f"stage_{name}_ms_per_doc"] = round((time.perf_counter() - t) * 1000 / len(docs),
                                                   3)
    base = figures["stage_split_words_ms_per_doc"] or 1e-6
    figures["stage_extract_vs_split_words"] = round(figures["stage_extract_all_ms_per_doc"] / base)
    return figures


def run(claims: int, seed: int, work: Path) -> dict:
    rng = random.Random(seed)
    build_store(work, "warmup", 5, seed + 1)  # one-time costs (gazetteer, regexes) paid here
    small_docs = max(10, math.ceil(claims / 10 / CLAIMS_PER_DOC_GUESS))
    log(f"calibration/growth run: {small_docs} articles")
    small = build_store(work, "small", small_docs, seed)
    per_doc = small["claims"] / small["docs"] if small["claims"] else CLAIMS_PER_DOC_GUESS
    docs = max(small_docs, math.ceil(claims / per_doc))
    log(f"  {small['claims']} claims ({per_doc:.2f}/article) in {small['ingest_s']:.1f}s; "
        f"main run: {docs} articles")
    small["store"] = None
    big = build_store(work, "main", docs, seed)
    store = big["store"]
    log(f"  {big['claims']} claims in {big['ingest_s']:.1f}s (generation {big['generate_s']:.1f}s)")
    growth = (big["ingest_s"] / big["docs"]) / (small["ingest_s"] / small["docs"])
    figures: dict = {
        "claims": big["claims"], "docs": docs, "cores": os.cpu_count(),
        "quotes": big["counts"].get("quotes"), "movements": big["counts"].get("movements"),
        "events": big["counts"].get("events"), "read_errors": big["errors"],
        "ingest_s": round(big["ingest_s"], 2),
        "ingest_docs_per_s": round(big["docs"] / big["ingest_s"], 1),
        "ingest_growth": round(growth, 2),
        "store_mb": round(big["db"].stat().st_size / 2**20, 1),
    }
    figures.update(measure_one_process_ingest(work, docs, big))
    log("extraction stages")
    figures.update(measure_stages(work / "corpus-small"))
    log("start-up (3 runs each, in subprocesses)")
    figures.update(measure_start(big["db"], work))
    log("query layer")
    query = measure_query(store, rng)
    index = query.pop("index")
    figures.update(query)
    figures["tinydb_search_ms"] = measure_tinydb(big["db"])
    figures["filter_ratio_vs_tinydb"] = round(
        figures["tinydb_search_ms"] / max(figures["query_p95_ms"], 1e-3), 1)
    log("dashboard / filter (headless pilot)")
    figures.update(measure_filter(store, work))
    log("brief against parsing the store")
    figures.update(measure_brief(big["db"]))
    log("note saves")
    figures.update(measure_notes(store, index.order[:50] or ["none"]))
    log("a small ingest into the big store")
    figures.update(measure_append(store, work, seed, big["ingest_s"] / big["docs"]))
    log("consolidation of later, small ingests")
    figures.update(measure_consolidation(big, work, seed))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=50000, help="claims in the store (about)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="end with one line of JSON")
    parser.add_argument("--keep", type=Path, help="build in DIR and keep corpus and store there")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="sitdash-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        figures = run(args.claims, args.seed, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    figures["bench_s"] = round(time.perf_counter() - started, 1)
    figures["targets_missed"] = [
        key for key in TARGETS if verdict(key, figures.get(key)).endswith("MISSED")]
    print_table(figures)
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
