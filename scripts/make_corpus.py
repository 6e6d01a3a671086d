"""Write a synthetic corpus of articles (thin wrapper over sitdash.corpus.write_corpus).

    python scripts/make_corpus.py --docs 1000 --seed 0 -o /tmp/corpus
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitdash.corpus import write_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="write a deterministic synthetic corpus")
    parser.add_argument("--docs", type=int, default=1000, help="how many articles")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same bytes")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    args = parser.parse_args(argv)
    written = write_corpus(args.output, docs=args.docs, seed=args.seed)
    print(f"wrote {written} articles to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
