"""Score extraction on the real-article set (tests/data/real), per blind batch and in all.

    python scripts/score_real.py [--batch N] [--texts DIR ...] [--sitdash CMD] [--verbose] [--json]

The texts are not in git (see tests/data/real/README.md): each is looked up by its manifest file
name in the --texts folders (default tests/data/real/texts, or $SITDASH_REAL_TEXTS, a
path-separator list), first match wins. For every batch with texts present the shared scorer
(../shared/tools/score_extraction.py beside the clone) runs once on a temporary folder holding just
those texts, with the gold and manifest cut down to them; missing texts are named, not scored.
Prints one row per batch and a total: quotation found and speaker right, places recall and
precision, movements (kind and every stated end right) with extras as a share of gold, the side
of each matched movement's actor (see `side_counts`), and publication dates where the text states
one. --json prints the same counts as JSON instead.
Exit 0 when every scored article went through ingest and export, 1 when one failed, 2 when nothing
could be scored.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from types import ModuleType

from sitdash.forces import force_of

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"

# The scorer's last line, e.g. "quotes+speaker 9/9 (found 9) | places recall 13/13 precision
# 13/14 | moves 9/9 (lenient 9, extra 1/10) | dates 1/1 | failed 0".
SUMMARY = re.compile(
    r"quotes\+speaker (?P<q_ok>\d+)/(?P<q>\d+) \(found (?P<q_found>\d+)\) \| "
    r"places recall (?P<p_found>\d+)/(?P<p>\d+) precision (?P<p_exp_ok>\d+)/(?P<p_exp>\d+) \| "
    r"moves (?P<m_ok>\d+)/(?P<m>\d+) "
    r"\(lenient (?P<m_len>\d+), extra (?P<m_extra>\d+)/(?P<m_exp>\d+)\) \| "
    r"dates (?P<d_ok>\d+)/(?P<d>\d+) \| failed (?P<failed>\d+)"
)


@dataclass
class Counts:
    """What the scorer counted over some articles; adds up across batches."""

    articles: int = 0
    q_ok: int = 0
    q: int = 0
    q_found: int = 0
    p_found: int = 0
    p: int = 0
    p_exp_ok: int = 0
    p_exp: int = 0
    m_ok: int = 0
    m: int = 0
    m_len: int = 0
    m_extra: int = 0
    m_exp: int = 0
    d_ok: int = 0
    d: int = 0
    failed: int = 0
    s_ok: int = 0  # matched movements whose actor is on the gold side
    s: int = 0  # matched movements whose gold side is known
    s_unknown: int = 0  # matched movements whose gold `who` names no side (not scored)

    def __add__(self, other: Counts) -> Counts:
        names = [f.name for f in fields(self)]
        return Counts(**{n: getattr(self, n) + getattr(other, n) for n in names})


def parse_summary(output: str) -> Counts:
    """The counts in the scorer's summary line (the last one that matches)."""
    found = SUMMARY.findall(output)
    if not found:
        raise ValueError(f"no summary line in the scorer's output:\n{output[-2000:]}")
    return Counts(**dict(zip(SUMMARY.groupindex, map(int, found[-1]), strict=True)))


def load_scorer() -> ModuleType:
    """The shared scorer as a module: its movement matching and export are reused as they are."""
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def side_class(actor: str) -> str | None:
    """The side a force phrase names, by sitdash's own force_of: "ua", "ru", "other" (Belarusian,
    allied), or None when it names none ("the enemy" without its speaker, "Battlegroup Yug")."""
    side = force_of(actor or "")[0]
    return side if side in ("ua", "ru") else None if side == "?" else "other"


def side_counts(
    scorer: ModuleType, gold_moves: list[dict], moves: list[dict]
) -> tuple[int, int, int, list[str]]:
    """(right, scored, not scored, miss lines) over the gold movements the export matches (the
    shared scorer's strict move_ok).

    A matched gold movement is scored when its `who` names a side (force_of). It is right when
    the exported movements matching it include one whose actor is on that side, and none whose
    actor names another side, unless that one is also another gold movement of its own side
    (two forces advancing on one city): a liberation also exported as the other side's advance
    is an advance of that side in the dashboard. An exported actor naming no side ("47th
    Brigade") is neither right nor contradicting. "The enemy" names no side without its
    speaker, which the gold does not record, so such gold is not scored, nor is gold naming a
    force without its side ("Battlegroup Yug", "Tochka-U launchers")."""
    right = scored = unknown = 0
    lines = []
    for gm in gold_moves:
        matched = [em for em in moves if scorer.move_ok(gm, em, False)]
        want = side_class(gm["who"]) if matched else None
        if not matched or want is None:
            unknown += bool(matched)
            continue
        scored += 1
        sides = [side_class(em.get("actor") or "") for em in matched]
        others = [other for other in gold_moves if other is not gm]
        contradicting = [
            em
            for em, side in zip(matched, sides, strict=True)
            if side not in (want, None)
            and not any(
                side_class(other["who"]) == side and scorer.move_ok(other, em, False)
                for other in others
            )
        ]
        if want in sides and not contradicting:
            right += 1
        else:
            actors = ", ".join(repr(em.get("actor")) for em in matched)
            lines.append(
                f"  side: {gm['kind']} {gm.get('from')} -> {gm.get('to')} want "
                f"{want} ({gm['who']}) got {actors}"
            )
    return right, scored, unknown, lines


def text_dirs(given: list[str] | None) -> list[Path]:
    """The folders to look for texts in: --texts, else $SITDASH_REAL_TEXTS, else the symlink."""
    if given:
        return [Path(d) for d in given]
    env = os.environ.get("SITDASH_REAL_TEXTS")
    if env:
        return [Path(d) for d in env.split(os.pathsep) if d]
    return [REAL / "texts"]


def locate(name: str, dirs: list[Path]) -> Path | None:
    """The first existing text called `name` in `dirs`."""
    for folder in dirs:
        path = folder / name
        if path.is_file():
            return path
    return None


def pct(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "-"


def row(label: str, c: Counts) -> str:
    return (
        f"{label:<7}{c.articles:>4}  "
        f"{f'{c.q_ok}/{c.q}':>7} {pct(c.q_ok, c.q):>4}  "
        f"{f'{c.p_found}/{c.p}':>7} {pct(c.p_found, c.p):>4}  "
        f"{f'{c.p_exp_ok}/{c.p_exp}':>7} {pct(c.p_exp_ok, c.p_exp):>4}  "
        f"{f'{c.m_ok}/{c.m}':>7} {pct(c.m_ok, c.m):>4}  "
        f"{c.m_extra:>4} {pct(c.m_extra, c.m):>4}  "
        f"{f'{c.s_ok}/{c.s}':>7} {pct(c.s_ok, c.s):>4}  "
        f"{f'{c.d_ok} of {c.d}':>8}"
    )


HEADER = (
    f"{'batch':<7}{'arts':>4}  {'quote+spkr':>12}  {'place recall':>12}  {'place prec':>12}  "
    f"{'movements':>12}  {'extra/gold':>9}  {'side right':>12}  {'dates':>8}"
)


def score_batch(
    batch: int, entries: list[dict], gold: dict, dirs: list[Path], sitdash: str, verbose: bool
) -> tuple[Counts, str]:
    """Run the shared scorer once on the present texts of one batch, then export each text again
    (the scorer's own export_for) for the side of its matched movements; counts and output."""
    with tempfile.TemporaryDirectory(prefix=f"sitdash-real-b{batch}-") as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for entry in entries:
            (folder / entry["file"]).symlink_to(locate(entry["file"], dirs).resolve())
        gold_path, manifest_path = Path(tmp) / "gold.json", Path(tmp) / "manifest.json"
        gold_path.write_text(json.dumps({e["file"]: gold[e["file"]] for e in entries}))
        manifest_path.write_text(json.dumps(entries))
        command = [
            sys.executable, str(SCORER), "--articles", str(folder), "--gold", str(gold_path),
            "--manifest", str(manifest_path), "--sitdash", sitdash,
        ]  # fmt: skip
        if verbose:
            command.append("--verbose")
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
        output = done.stdout + done.stderr
        counts = parse_summary(output)
        scorer = load_scorer()
        for entry in entries:
            data, _error = scorer.export_for(sitdash, folder / entry["file"])
            if data is None:
                continue  # the scorer has counted and named the failure
            right, scored, unknown, lines = side_counts(
                scorer, gold[entry["file"]]["movements"], data.get("movements") or []
            )
            counts.s_ok, counts.s, counts.s_unknown = (
                counts.s_ok + right,
                counts.s + scored,
                counts.s_unknown + unknown,
            )
            if lines:
                output += f"{entry['file']}:\n" + "\n".join(lines) + "\n"
    counts.articles = len(entries)
    return counts, output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="score extraction on the real-article set")
    parser.add_argument("--batch", type=int, action="append", help="only this batch (repeatable)")
    parser.add_argument("--texts", action="append", help="folder holding the texts (repeatable)")
    parser.add_argument(
        "--sitdash", default=f"{sys.executable} -m sitdash.cli", help="how to run sitdash"
    )
    parser.add_argument("--gold", type=Path, default=REAL / "gold.json")
    parser.add_argument("--manifest", type=Path, default=REAL / "manifest.json")
    parser.add_argument("--verbose", action="store_true", help="the scorer's per-article misses")
    parser.add_argument("--json", action="store_true", help="counts as JSON, no table")
    args = parser.parse_args(argv)
    if not SCORER.is_file():
        print(f"score_real: the shared scorer is not beside the clone ({SCORER})", file=sys.stderr)
        return 2
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    dirs = text_dirs(args.texts)
    batches = sorted({e["batch"] for e in manifest} & set(args.batch or range(1, 100)))

    results: dict[int, Counts] = {}
    missing: dict[int, list[str]] = {}
    for batch in batches:
        entries = [e for e in manifest if e["batch"] == batch]
        present = [e for e in entries if locate(e["file"], dirs)]
        missing[batch] = [e["file"] for e in entries if e not in present]
        if not present:
            continue
        results[batch], output = score_batch(batch, present, gold, dirs, args.sitdash, args.verbose)
        if args.verbose and not args.json:
            print(f"== batch {batch}\n{output.rstrip()}")

    total = sum(results.values(), Counts())
    if args.json:
        print(json.dumps({"batches": {b: asdict(c) for b, c in results.items()},
                          "total": asdict(total), "missing": missing}, indent=1))  # fmt: skip
    else:
        for batch in batches:
            if missing[batch]:
                shown = ", ".join(missing[batch][:3]) + (" ..." if len(missing[batch]) > 3 else "")
                print(f"batch {batch}: {len(missing[batch])} text(s) missing: {shown}")
        if results:
            print(HEADER)
            for batch, counts in results.items():
                print(row(str(batch), counts))
            print(row("total", total))
            if total.s_unknown:
                print(
                    f"side: {total.s_unknown} matched movement(s) whose gold actor names no "
                    "side, not scored"
                )
    if not results:
        print(f"score_real: no texts found in {', '.join(map(str, dirs))}", file=sys.stderr)
        return 2
    return 1 if total.failed else 0


if __name__ == "__main__":
    sys.exit(main())
