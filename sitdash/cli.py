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
from sitdash.model import STATUSES


def default_db() -> Path:
    """$SITDASH_DB, else store.json in the user's data directory."""
    if os.environ.get("SITDASH_DB"):
        return Path(os.environ["SITDASH_DB"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("sitdash", appauthor=False)) / "store.json"


def _analyst_arg(value: str) -> str:
    from sitdash.analyst import analyst_name

    try:
        return analyst_name(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _db_option(parser: argparse.ArgumentParser, top: bool) -> None:
    """--db and --analyst, accepted before the command and after it."""
    parser.add_argument(
        "--db", metavar="PATH", type=Path,
        default=None if top else argparse.SUPPRESS,
        help="store file (default: $SITDASH_DB, else store.json in the user data directory)",
    )
    parser.add_argument(
        "--analyst", metavar="NAME", type=_analyst_arg,
        default=None if top else argparse.SUPPRESS,
        help="who you are: signs notes, statuses, grades and corrections, and picks your review "
        "mark (default: $SITDASH_ANALYST, else your login name)",
    )


def resolve_analyst(given: str | None) -> str:
    """--analyst, else $SITDASH_ANALYST, else the login name."""
    from sitdash.analyst import analyst_name, default_author

    if given:
        return given
    if os.environ.get("SITDASH_ANALYST"):
        try:
            return analyst_name(os.environ["SITDASH_ANALYST"])
        except ValueError as error:
            raise SitdashError(f"SITDASH_ANALYST: {error}") from None
    return default_author()


def resolve_inbox(given: Path | None, db: Path) -> tuple[Path, bool]:
    """(inbox folder, whether it was named): --inbox, else $SITDASH_INBOX, else inbox/ beside
    the store."""
    if given:
        return Path(given), True
    if os.environ.get("SITDASH_INBOX"):
        return Path(os.environ["SITDASH_INBOX"]), True
    return Path(db).expanduser().parent / "inbox", False


def _filter_options(parser: argparse.ArgumentParser) -> None:
    """The dashboard's filters, for the commands that print or write a selection."""
    group = parser.add_argument_group("filters (as in the dashboard; repeat a flag for more)")
    group.add_argument("--since", metavar="DATE", help="claims dated DATE (YYYY-MM-DD) or later")
    group.add_argument("--until", metavar="DATE", help="claims dated DATE or earlier")
    group.add_argument("--region", action="append", metavar="REGION",
                       help="a theatre (north, east, south, central, west, Belarus, "
                       "Russia) or an oblast-level area (Kyiv, Kharkiv Oblast, Crimea, Kursk)")
    group.add_argument("--source", action="append", metavar="NAME",
                       help="a speaker or source, by any spelling")
    group.add_argument("--side", action="append", metavar="SIDE",
                       help="speakers' side: ua, ru, allied, other, unknown")
    group.add_argument("--status", action="append", metavar="STATUS",
                       help="unverified, corroborated, disputed, false")
    group.add_argument("--search", metavar="TEXT", default="", help="claims containing TEXT")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitdash",
        description="Situational dashboard: news articles about a conflict -> a durable store of "
        "claims, quotes, places, movements and events. Without a command, opens the dashboard "
        "(ingesting the bundled seed articles into an empty store first).",
    )
    parser.add_argument("--version", action="version", version=f"sitdash {__version__}")
    _db_option(parser, top=True)
    parser.add_argument("--inbox", metavar="DIR", type=Path, default=None,
                        help="folder the dashboard ingests new article files from (default: "
                        "$SITDASH_INBOX, else inbox/ beside the store)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="read articles (files, folders, stdin, the inbox)",
                       description="Read .txt/.md (optional front matter) and .json/.jsonl "
                       "articles into the store; `-` reads one article from standard input. "
                       "Articles already stored are skipped; bad files are named with a reason "
                       "and make the exit code 3. --inbox takes the inbox's finished files once "
                       "(for cron): ingested ones move to done/, unreadable ones to failed/ with "
                       "a .reason file.")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="article files or folders; - for standard input")
    p.add_argument("--inbox", dest="from_inbox", nargs="?", const=True, default=None,
                   type=Path, metavar="DIR",
                   help="take the inbox's files instead (DIR, else $SITDASH_INBOX, else inbox/ "
                   "beside the store)")
    _db_option(p, top=False)

    p = sub.add_parser("brief", help="print a situation summary to the terminal",
                       description="Key developments and contested points, then regions, "
                       "oblasts, key quotes and the latest movement reports; each section shows "
                       "its top rows and says how many more there are.")
    p.add_argument("--quotes", type=int, default=6, metavar="N", help="key quotes to show (6)")
    p.add_argument("--new", action="store_true",
                   help="only what was ingested since your last review")
    p.add_argument("--top", type=int, default=8, metavar="N",
                   help="rows per section (8)")
    _filter_options(p)
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
    _filter_options(p)
    _db_option(p, top=False)

    p = sub.add_parser("claims", help="list claims with their ids (to attach notes)")
    p.add_argument("--search", metavar="TEXT", default="", help="only claims containing TEXT")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N rows (50)")
    p.add_argument("--new", action="store_true",
                   help="only claims ingested since your last review")
    _db_option(p, top=False)

    note = sub.add_parser("note", help="analyst notes, statuses and grades on claims")
    note_sub = note.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    p = note_sub.add_parser("add", help="add a note to a claim")
    p.add_argument("claim_id", metavar="CLAIM_ID", help="a claim id, or a unique prefix of one")
    p.add_argument("text", metavar="TEXT")
    _db_option(p, top=False)
    p = note_sub.add_parser("list", help="print notes with their claim id, author, time, text",
                            description="Print every note, oldest first; the options narrow it.")
    p.add_argument("--claim", metavar="ID", default="",
                   help="only notes on this claim (an id or a prefix of one)")
    p.add_argument("--status", choices=STATUSES, metavar="STATUS",
                   help="only notes on claims with this status: " + ", ".join(STATUSES))
    p.add_argument("--search", metavar="TEXT", default="",
                   help="only notes whose text, author, claim or source contains TEXT")
    _db_option(p, top=False)
    p = note_sub.add_parser("status", help="set a claim's verification status")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("status", choices=STATUSES)
    _db_option(p, top=False)
    p = note_sub.add_parser("grade", help="set a claim's Admiralty grade, e.g. B2")
    p.add_argument("claim_id", metavar="CLAIM_ID")
    p.add_argument("grade", metavar="GRADE",
                   help="reliability A-F then credibility 1-6, e.g. B2 (F6: cannot be judged)")
    _db_option(p, top=False)

    review = sub.add_parser("review", help="your review mark: what counts as new")
    review_sub = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    p = review_sub.add_parser("done", help="mark your review done: nothing is new any more")
    _db_option(p, top=False)
    p = review_sub.add_parser("status", help="when you last marked a review done, what is new")
    _db_option(p, top=False)

    doc = sub.add_parser("doc", help="documents: list them, correct title/outlet/date/URL")
    doc_sub = doc.add_subparsers(dest="doc_command", metavar="ACTION", required=True)
    p = doc_sub.add_parser("list", help="every document with its id, date, outlet and title")
    p.add_argument("--undated", action="store_true", help="only documents without a date")
    _db_option(p, top=False)
    p = doc_sub.add_parser("set", help="correct a document; its claims are re-dated, ids and "
                           "notes stay", description="Correct a stored document's title, "
                           "outlet, publication date or URL (an empty value clears it). Its "
                           "claims are extracted again: relative dates count from the new date. "
                           "The correction is kept with your notes and survives `rebuild`.")
    p.add_argument("doc_id", metavar="DOC_ID", help="a document id, or a unique prefix of one")
    p.add_argument("--title", metavar="TEXT")
    p.add_argument("--outlet", metavar="NAME")
    p.add_argument("--published", metavar="DATE", help="publication date, YYYY-MM-DD")
    p.add_argument("--url", metavar="URL")
    _db_option(p, top=False)

    speaker = sub.add_parser("speaker", help="speakers across documents and their sides")
    speaker_sub = speaker.add_subparsers(dest="speaker_command", metavar="ACTION", required=True)
    p = speaker_sub.add_parser("list", help="every speaker: side, claims, documents, name, roles")
    p.add_argument("--side", metavar="SIDE", help="only speakers of SIDE (ua, ru, allied, other, "
                   "unknown)")
    p.add_argument("--search", metavar="TEXT", default="", help="only names containing TEXT")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N rows (100)")
    _db_option(p, top=False)
    p = speaker_sub.add_parser("side", help="correct a speaker's side (kept across rebuilds)")
    p.add_argument("name", metavar="NAME", help="the speaker, by any spelling or part of a name")
    p.add_argument("side", metavar="SIDE",
                   help="ua, ru, allied, other, unknown, or inferred to drop the correction")
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
    if args.command == "ingest":
        _check_ingest_args(parser, args)
    db = args.db if getattr(args, "db", None) else default_db()
    try:
        args.analyst = resolve_analyst(getattr(args, "analyst", None))
        if args.command is None:
            return commands.dashboard(db, args)
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


def _check_ingest_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """PATH..., `-`, or --inbox: a command line that asks for none or for both cannot run."""
    ingest = parser._subparsers._group_actions[0].choices["ingest"]  # noqa: SLF001
    if args.from_inbox is not None and args.paths:
        ingest.error("give PATH... or --inbox, not both")
    if args.from_inbox is None and not args.paths:
        ingest.error("give article files or folders, - for standard input, or --inbox")
    if sum(str(p) == "-" for p in args.paths) > 1:
        ingest.error("- (standard input) can be given once")


if __name__ == "__main__":
    sys.exit(main())
