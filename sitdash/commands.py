"""What each `sitdash` command does, given the store path and parsed arguments."""

from __future__ import annotations

import sys
from pathlib import Path

from sitdash.errors import SitdashError

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 3


def open_store(db: Path, create: bool = True):
    """The store at `db`; a damaged derived file is moved aside and rebuilt from the seeds."""
    from sitdash.store import StoreCorrupt, quarantine

    if not create and not Path(db).exists():
        raise SitdashError(f"no store at {db}; run `sitdash ingest PATH` first")
    try:
        return _open_checked(db)
    except StoreCorrupt as corrupt:
        if Path(corrupt.path) != Path(db):
            raise _analyst_refusal(corrupt) from None
        try:
            moved = quarantine(db)
        except OSError as error:
            raise SitdashError(f"{corrupt}; could not move it aside ({error.strerror or error}): "
                               "move or delete it yourself") from None
        print(f"sitdash: {corrupt}; moved it to {moved} and rebuilding from the bundled seeds "
              "(notes are kept; run `sitdash ingest` on your article folders again to bring "
              "their claims back)", file=sys.stderr)
    try:
        store = _open_checked(db)
    except StoreCorrupt as corrupt:  # the analyst file is damaged too
        raise _analyst_refusal(corrupt) from None
    _ingest_seeds(store)
    return store


def _open_checked(db: Path):
    """Store(db) with every record checked; StoreCorrupt passes, other store errors become
    one-line SitdashErrors."""
    from sitdash.store import Store, StoreCorrupt, StoreError

    try:
        store = Store(db)
        store.check_records()  # a hand-edited or foreign file: a one-line error, not a traceback
        return store
    except StoreCorrupt:
        raise
    except StoreError as error:
        raise SitdashError(str(error)) from None
    except OSError as error:  # a folder where the file should be, no permission, ...
        raise SitdashError(f"cannot open store {db}: {error.strerror or error}") from None


def _analyst_refusal(corrupt) -> SitdashError:
    # Analyst data is never discarded or rebuilt: the user must decide.
    return SitdashError(f"{corrupt} (analyst data left untouched; move it aside or restore a "
                        "backup)")


def _ingest_seeds(store) -> None:
    from sitdash.bundled import seed_paths

    _ingest(store, seed_paths())


INGEST_ATTEMPTS = 5


def _ingest(store, paths, progress=None):
    """ingest_paths, run again when another session wrote the store meanwhile (what it stored
    is then skipped as already there); the write is all or nothing each time."""
    from sitdash.ingest.pipeline import ingest_paths
    from sitdash.store import StoreChanged, StoreError

    for attempt in range(1, INGEST_ATTEMPTS + 1):
        try:
            return ingest_paths(store, paths, progress=progress)
        except StoreChanged as error:
            if attempt == INGEST_ATTEMPTS:
                raise SitdashError(str(error)) from None
            store.refresh_derived()
        except StoreError as error:
            raise SitdashError(str(error)) from None


def load_index(store):
    from sitdash.query import Index

    return Index.from_store(store)


# -- commands -------------------------------------------------------------------------------


def dashboard(db: Path) -> int:
    store = open_store(db)
    if not store.documents():
        _ingest_seeds(store)
    from sitdash.tui.app import run

    run(store)
    return EXIT_OK


def ingest(db: Path, args) -> int:
    from sitdash.safe_text import visible

    for path in args.paths:
        if not path.exists() and not path.is_symlink():
            raise SitdashError(f"{visible(str(path))}: no such file or folder")
    store = open_store(db)
    progress, finish = _progress_bar()
    try:
        report = _ingest(store, args.paths, progress=progress)
    finally:
        finish()
    out = sys.stdout
    print(f"ingested {len(report.added)} new document(s), {report.claims} claims into {db}",
          file=out)
    if report.duplicates:
        print(f"skipped {len(report.duplicates)} already in the store: "
              + ", ".join(visible(str(p)) for p in report.duplicates[:5])
              + (" …" if len(report.duplicates) > 5 else ""), file=out)
    for error in report.errors:
        # file names come from anywhere: escapes in them must not reach the terminal
        print(f"sitdash: skipped {visible(error.path)}: {visible(error.reason)}",
              file=sys.stderr)
    return EXIT_PARTIAL if report.errors else EXIT_OK


def _progress_bar():
    """A Rich progress bar on a terminal; nothing when output is piped."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("ingesting", total=None)
    bar.start()

    def update(done: int, total: int, name: str) -> None:
        bar.update(task, completed=done, total=total)

    return update, bar.stop


def brief(db: Path, args) -> int:
    from rich.console import Console

    from sitdash.brief import render_brief

    index = load_index(open_store(db, create=False))
    Console().print(render_brief(index, quotes=args.quotes))
    return EXIT_OK


def export(db: Path, args) -> int:
    from sitdash import export as exporter
    from sitdash import export_geo as geo
    from sitdash.safe_text import terminal_safe
    from sitdash.safe_write import write_output

    store = open_store(db, create=False)
    index = load_index(store)
    if args.format == "json":
        data = exporter.to_json(index, store.history())
    elif args.format == "csv":  # a store from before ingest sanitised text may still hold escapes
        data = terminal_safe(exporter.to_csv(index)).encode("utf-8")
    elif args.format == "geojson":
        data = geo.to_geojson(index)
    elif args.format == "acled":
        data = terminal_safe(geo.to_acled_csv(index)).encode("utf-8")
    else:
        data = terminal_safe(exporter.to_markdown(index)).encode("utf-8")
    if args.output:
        try:
            write_output(args.output, data, force=args.force, private=True)
        except OSError as error:  # a full disk, a read-only folder: one line, old file intact
            raise SitdashError(f"cannot write {args.output}: {error.strerror or error}") from None
        print(f"wrote {args.output} ({len(data)} bytes)", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK


def claims(db: Path, args) -> int:
    """One line per claim: id, date, source and sentence (plain text, easy to grep)."""
    from sitdash.query import Filters
    from sitdash.safe_text import one_line, terminal_safe

    index = load_index(open_store(db, create=False))
    rows = index.claim_rows(Filters(text=args.search))
    for claim in rows[: args.limit]:
        print(terminal_safe(f"{claim['id']}  {claim.get('date') or '-':10}  "
                            f"{one_line(claim['source'])}: {one_line(claim['text'])}"))
    if len(rows) > args.limit:
        print(f"({len(rows) - args.limit} more; use --limit or --search)")
    if not rows:
        print("no claims match" if args.search else "no claims yet")
    return EXIT_OK


def note(db: Path, args) -> int:
    store = open_store(db, create=False)
    if args.note_command == "list":
        return _note_list(store)
    claim_id = _resolve_claim(store, args.claim_id)
    if args.note_command == "add":
        if not args.text.strip():
            raise SitdashError("the note is empty")
        saved = store.add_note(claim_id, args.text)
        print(f"note {saved['id'][:8]} added to claim {claim_id}")
    elif args.note_command == "status":
        store.set_status(claim_id, args.status)
        print(f"claim {claim_id} is now {args.status}")
    elif args.note_command == "grade":
        grade = args.grade.strip().upper()
        if len(grade) != 2 or grade[0] not in "ABCDEF" or grade[1] not in "123456":
            raise SitdashError(f"grade {args.grade!r} is not reliability A-F + credibility 1-6, "
                               "e.g. B2")
        store.set_grade(claim_id, grade[0], grade[1])
        print(f"claim {claim_id} graded {grade}")
    return EXIT_OK


def _note_list(store) -> int:
    """Every note, one line each: claim id, author, time, text, and the claim it is on."""
    from sitdash.safe_text import one_line, terminal_safe

    notes = store.notes()
    orphans = {n["id"] for n in store.orphan_notes()}
    if not notes:
        print("no notes yet")
        return EXIT_OK
    claims = {c["id"]: c["text"] for c in store.rows("claims")}
    for item in notes:
        on = claims.get(item["claim_id"])
        about = f"  [on: {_excerpt(one_line(on))}]" if on else "  (claim gone)"
        print(terminal_safe(f"{item['claim_id']}  {one_line(item['author'])}  "
                            f"{item['time'][:19]}  {one_line(item['text'])}{about}"))
    if orphans:
        print(f"{len(orphans)} note(s) belong to claims no longer in the store; they are kept.")
    return EXIT_OK


def _excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _resolve_claim(store, given: str) -> str:
    """A full claim id, from the id or a unique prefix of it."""
    ids = [c["id"] for c in store.claims() if c["id"].startswith(given)]
    if not given or not ids:
        raise SitdashError(f"no claim with id {given!r}; `sitdash claims --search TEXT` lists ids")
    if len(ids) > 1 and given not in ids:
        raise SitdashError(f"claim id prefix {given!r} is ambiguous ({len(ids)} claims)")
    return given if given in ids else ids[0]


def rebuild(db: Path, args) -> int:
    """Re-extract every stored article; claim ids depend only on the sentence, so notes stay."""
    from sitdash.ingest.pipeline import rebuild_store

    store = open_store(db, create=False)
    documents, claims = rebuild_store(store)
    print(f"rebuilt {documents} document(s), {claims} claims; "
          f"{len(store.orphan_notes())} note(s) now point at claims that are gone (kept)")
    return EXIT_OK


def generate(db: Path, args) -> int:
    from sitdash.corpus import write_corpus

    written = write_corpus(args.output, docs=args.docs, seed=args.seed)
    print(f"wrote {written} articles to {args.output}")
    return EXIT_OK
