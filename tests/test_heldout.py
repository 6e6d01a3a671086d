"""The shared extraction scorer on the held-out articles and on the seed, as a regression guard.

tests/data/heldout holds articles in eight outlet styles with an analyst's gold (gold.json) and
publication dates (manifest.json); tests/data/heldout_blind and heldout_blind2 to 12 are twelve
more batches in thirty-six more styles, each annotated before the extractor had seen it, and
heldout_final was written after the last fix and never fixed against.
The scorer ingests and exports each article through the CLI in a fresh store; the thresholds sit
a little below the scores reached, so a regression fails.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = Path(__file__).resolve().parents[2] / "shared/tools/score_extraction.py"
HELDOUT = ROOT / "tests" / "data" / "heldout"
BLINDS = [ROOT / "tests" / "data" / f"heldout_blind{n}" for n in ("", *map(str, range(2, 13)))]
BLINDS.append(ROOT / "tests" / "data" / "heldout_final")  # written after the last fix
SEED_GOLD = SCORER.parents[1] / "gold_seed.json"

pytestmark = pytest.mark.skipif(
    not SCORER.exists(), reason=f"the shared scorer is not beside the clone ({SCORER})"
)


def _score(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(SCORER), "--sitdash", f"{sys.executable} -m sitdash.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)


def test_heldout_scores_stay_at_their_level():
    result = _score(
        "--articles", str(HELDOUT),
        "--gold", str(HELDOUT / "gold.json"),
        "--manifest", str(HELDOUT / "manifest.json"),
        "--min-quotes", "0.95",
        "--min-places", "0.95",
        "--min-moves", "0.93",
        "--min-dates", "0.85",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


@pytest.mark.parametrize("blind", BLINDS, ids=lambda p: p.name)
def test_blind_batch_scores_stay_at_their_level(blind):
    result = _score(
        "--articles", str(blind),
        "--gold", str(blind / "gold.json"),
        "--manifest", str(blind / "manifest.json"),
        "--min-quotes", "0.85",
        "--min-places", "0.9",
        "--min-moves", "0.75",  # batches of 2-4 articles: one movement is 5-10%
        "--min-dates", "0.8",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="the seed gold is not in shared/")
def test_seed_scores():
    result = _score(
        "--articles", str(ROOT / "seeds"),
        "--gold", str(SEED_GOLD),
        "--min-quotes", "1",
        "--min-places", "1",
        "--min-moves", "1",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
