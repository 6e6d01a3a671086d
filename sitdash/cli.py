"""The `sitdash` command line: parse arguments, call the core, print, set exit codes.

Only the bare `sitdash` (the dashboard) imports textual; every other command starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sitdash import __version__, commands
from sitdash.commands import EXIT_ERROR, EXIT_OK
from sitdash.errors import SitdashError


def default_db() -> Path:
    """$SITDASH_DB, else store.json in the user's data directory."""
    if os.environ.get("SITDASH_DB"):
        return Path(os.environ["SITDASH_DB"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("sitdash", appauthor=False)) / "store.json"


def _db_option(parser: argparse.ArgumentParser, top: bool) -> None:
    parser.add_argument(
        "--db", metavar="PATH", type=Path,
        default=None if top else argparse.SUPPRESS,
        help="store file (default: $SITDASH_DB, else store.json in the user data directory)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitdash",
        description="Situational dashboard: news articles about a conflict -> a durable store of "
        "claims, quotes, places, movements and events. Without a command, opens the dashboard "
        "(ingesting the bundled seed articles into an empty store first).",
    )
    parser.add_argument("--version", action="version", version=f"sitdash {__version__}")
    _db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="read articles (files or folders) into the store",
                       description="Read .txt/.md (optional front matter) and .json/.jsonl "
                       "articles into the store. Articles already stored are skipped; bad files "
                       "are named with a reason and make the exit code 3.")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    _db_option(p, top=False)

    p = sub.add_parser("brief", help="print a situation summary to the terminal")
    p.add_argument("--quotes", type=int, default=6, metavar="N", help="key quotes to show (6)")
    _db_option(p, top=False)

    p = sub.add_parser("export", help="write the store as JSON, CSV (claims), a Markdown brief, "
                       "GeoJSON (QGIS, kepler.gl) or an ACLED-style events CSV",
                       description="json: everything; csv: claims; md: the situation brief; "
                       "geojson: events and places as points, movements as lines (RFC 7946, "
                       "[lon, lat]); acled: events in the ACLED codebook's columns and order.")
    p.add_argument("--format", choices=("json", "csv", "md", "geojson", "acled"),
                   default="json")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write to FILE instead of standard output (refuses to overwrite)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _db_option(p, top=False)

    p = sub.add_parser("claims", help="list claims with their ids (to attach notes)")
    p.add_argument("--search", metavar="TEXT", default="", help="only claims containing TEXT")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N rows (50)")
    _db_option(p, top=False)

    note = sub.add_parser("note", help="analyst notes, statuses and grades on claims")
    note_sub = note.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    p = note_sub.add_parser("add", help="add a note to a claim")
    p.add_argument("claim_id", metavar="CLAIM_ID", help="a claim id, or a unique prefix of one")
    p.add_argument("text", metavar="TEXT")
    _db_option(p, top=False)
    p = note_sub.add_parser("list", help="print every note with its claim id, author, time, text")
    _db_option(p, top=False)
    p = note_sub.add_parser("status", help="set a claim's verification status")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("status", choices=("unverified", "corroborated", "disputed", "false"))
    _db_option(p, top=False)
    p = note_sub.add_parser("grade", help="set a claim's Admiralty grade, e.g. B2")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("grade", metavar="GRADE",
                   help="reliability A-F then credibility 1-6, e.g. B2 (F6: cannot be judged)")
    _db_option(p, top=False)

    p = sub.add_parser("rebuild", help="re-extract every stored article (keeps notes and ids)")
    _db_option(p, top=False)

    p = sub.add_parser("generate", help="write a synthetic corpus of articles (for benchmarks)")
    p.add_argument("--docs", type=int, default=100, metavar="N")
    p.add_argument("--seed", type=int, default=0, metavar="S")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    db = args.db if getattr(args, "db", None) else default_db()
    try:
        if args.command is None:
            return commands.dashboard(db)
        handler = getattr(commands, args.command)
        return handler(db, args)
    except SitdashError as error:
        print(f"sitdash: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("sitdash: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `sitdash export | head`: the reader left; not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
