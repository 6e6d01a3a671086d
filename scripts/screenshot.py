"""Save an SVG screenshot of the dashboard on the bundled seeds (for the README).

    python scripts/screenshot.py [OUT.svg] [--size 100x30]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from sitdash.bundled import seed_paths
from sitdash.ingest.pipeline import ingest_paths
from sitdash.store import Store
from sitdash.tui.app import SitdashApp


async def shoot(out: Path, size: tuple[int, int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store.json")
        ingest_paths(store, seed_paths())
        app = SitdashApp(store)
        async with app.run_test(size=size) as pilot:
            await pilot.press("j", "j", "j")
            await pilot.pause()
            app.save_screenshot(filename=out.name, path=str(out.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/dashboard.svg"))
    parser.add_argument("--size", default="100x30", help="COLUMNSxROWS (100x30)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(shoot(args.out, (width, height)))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
