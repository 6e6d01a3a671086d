"""What each `sitdash` command does, given the store path and parsed arguments."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sitdash.errors import SitdashError

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 3


def open_store(db: Path, create: bool = True, analyst: str | None = None):
    """The store at `db`, working as `analyst`; a damaged derived file is moved aside and rebuilt
    from the seeds."""
    from sitdash.store import StoreCorrupt, quarantine

    if not create and not Path(db).exists():
        raise SitdashError(f"no store at {db}; run `sitdash ingest PATH` first")
    try:
        return _open_checked(db, analyst)
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
        store = _open_checked(db, analyst)
    except StoreCorrupt as corrupt:  # the analyst file is damaged too
        raise _analyst_refusal(corrupt) from None
    _ingest_seeds(store)
    return store


def _open_checked(db: Path, analyst: str | None = None):
    """Store(db) with every record checked; StoreCorrupt passes, other store errors become
    one-line SitdashErrors."""
    from sitdash.store import Store, StoreCorrupt, StoreError

    try:
        store = Store(db, analyst=analyst)
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


def _ingest(store, paths, progress=None, documents=()):
    """ingest_paths (plus documents already read), run again when another session wrote the
    store meanwhile (what it stored is then skipped as already there); the write is all or
    nothing each time."""
    from sitdash.ingest.pipeline import ingest_documents, ingest_paths, retry_on_change
    from sitdash.store import StoreError

    documents = list(documents)

    def write():
        report = ingest_paths(store, paths, progress=progress) if paths else None
        if documents:
            report = ingest_documents(store, documents, report)
        return report

    try:
        return retry_on_change(store, write, INGEST_ATTEMPTS)
    except StoreError as error:
        raise SitdashError(str(error)) from None


def load_index(store):
    from sitdash.query import Index

    return Index.from_store(store)


# -- commands -------------------------------------------------------------------------------


def dashboard(db: Path, args) -> int:
    store = open_store(db, analyst=args.analyst)
    inbox = _inbox_folder(db, getattr(args, "inbox", None))
    if not store.documents():
        _ingest_seeds(store)
    from sitdash.tui.app import run

    run(store, inbox=inbox)
    return EXIT_OK


def _inbox_folder(db: Path, given: Path | None) -> Path:
    """The inbox to use: a named one (--inbox, $SITDASH_INBOX) must exist; the default one,
    beside the store, is made when missing."""
    from sitdash.cli import resolve_inbox
    from sitdash.inbox import Inbox, InboxError

    folder, named = resolve_inbox(given, db)
    if not named and not folder.exists():
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as error:
            raise InboxError(f"cannot make the inbox {folder}: {error.strerror or error}; "
                             "use --inbox DIR") from None
    Inbox(folder).check()
    return folder


def ingest(db: Path, args) -> int:
    from sitdash.safe_text import visible

    if args.from_inbox is not None:
        given = args.from_inbox if isinstance(args.from_inbox, Path) else args.inbox
        return _ingest_inbox(db, args, given)
    stdin = any(str(p) == "-" for p in args.paths)
    paths = [p for p in args.paths if str(p) != "-"]
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise SitdashError(f"{visible(str(path))}: no such file or folder")
    documents, stdin_errors = _read_stdin(only=not paths) if stdin else ([], [])
    store = open_store(db, analyst=args.analyst)
    progress, finish = _progress_bar()
    try:
        report = _ingest(store, paths, progress=progress, documents=documents)
    finally:
        finish()
    report.errors[:0] = stdin_errors
    from_stdin = {doc.id for doc in documents}  # named as the input they came from
    report.duplicates = ["standard input" if d in from_stdin else d for d in report.duplicates]
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


def _read_stdin(only: bool):
    """(documents, errors) of the one article on standard input; when it is the only input, a
    problem with it is the command's one-line error."""
    from sitdash.ingest.read import read_stream
    from sitdash.safe_text import visible

    if sys.stdin is None:
        raise SitdashError("standard input is closed")
    if sys.stdin.isatty():
        print("sitdash: reading one article from standard input; end it with ctrl+d",
              file=sys.stderr)
    result = read_stream(sys.stdin.buffer)
    if result.errors and only:
        error = result.errors[0]
        raise SitdashError(f"{visible(error.path)}: {visible(error.reason)}")
    return result.documents, result.errors


def _ingest_inbox(db: Path, args, given: Path | None) -> int:
    """Take the inbox's finished files once (two scans INBOX_SETTLE_SECONDS apart)."""
    import time

    from sitdash.inbox import Inbox
    from sitdash.safe_text import visible
    from sitdash.store import StoreError

    store = open_store(db, analyst=args.analyst)
    folder = _inbox_folder(db, given)
    inbox = Inbox(folder)
    inbox.scan()
    time.sleep(INBOX_SETTLE_SECONDS)
    ready = inbox.scan()
    try:
        report = inbox.take(store, ready)
    except StoreError as error:
        raise SitdashError(f"{error}; the inbox files were left where they are") from None
    from sitdash.summary import plural

    name = visible(str(folder))
    already = len(report.ingest.duplicates)
    print(f"inbox {name}: {plural(len(report.done), 'file')} taken to done/ "
          f"({plural(report.articles, 'new document')}, {plural(report.claims, 'claim')}"
          + (f", {already} already in the store" if already else "")
          + f"); {len(report.failed)} moved to failed/", file=sys.stdout)
    if report.waiting:
        print(f"{plural(len(report.waiting), 'file')} still being written, left for the next run: "
              + ", ".join(visible(n) for n in report.waiting[:5])
              + (" …" if len(report.waiting) > 5 else ""), file=sys.stdout)
    for file, reason in report.failed:
        print(f"sitdash: failed {visible(file)}: {visible(reason)} (moved to failed/)",
              file=sys.stderr)
    for file, reason in report.skipped:
        print(f"sitdash: skipped part of {visible(file)}: {visible(reason)}", file=sys.stderr)
    for file, reason in report.stuck:
        print(f"sitdash: could not move {visible(file)} out of the inbox: {visible(reason)}",
              file=sys.stderr)
    if report.stuck:
        return EXIT_ERROR
    return EXIT_PARTIAL if report.failed or report.skipped else EXIT_OK


INBOX_SETTLE_SECONDS = 1.0  # a file unchanged over this long has finished being written


def _progress_bar():
    """A Rich progress bar on a terminal; nothing when output is piped."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress

    # Refreshed by hand, not by Rich's refresh thread: a large ingest forks extraction workers,
    # which is only safe from a process with one thread (sitdash/ingest/parallel.py).
    bar = Progress(transient=True, auto_refresh=False)
    task = bar.add_task("ingesting", total=None)
    bar.start()
    shown = [0.0]

    def update(done: int, total: int, name: str) -> None:
        bar.update(task, completed=done, total=total)
        now = time.monotonic()
        if now - shown[0] >= 0.1 or done == total:
            shown[0] = now
            bar.refresh()

    return update, bar.stop


def filters_from_args(args, index=None):
    """One Filters from the filter flags of `brief` and `export` (cli._filter_options); a bad
    value is a one-line error. With `index`, a source must name a speaker it has."""
    from datetime import date

    from sitdash.model import STATUSES
    from sitdash.query import Filters
    from sitdash.region_names import region_error, resolve_region
    from sitdash.speakers import parse_side

    def day(flag: str, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise SitdashError(f"{flag} {value!r} is not a date (YYYY-MM-DD)") from None

    since, until = day("--since", args.since), day("--until", args.until)
    if since and until and since > until:
        raise SitdashError(f"--since {since} is after --until {until}")
    regions = set()
    for value in _values(args.region):
        named = resolve_region(value)
        if not named:
            raise SitdashError(region_error("--region", value))
        regions.update(named)
    try:
        sides = {parse_side(v) for v in _values(args.side)}
    except ValueError as error:
        raise SitdashError(f"--side: {error}") from None
    statuses = set()
    for value in _values(args.status):
        if value.lower() not in STATUSES:
            raise SitdashError(f"--status {value!r} is not one of {', '.join(STATUSES)}")
        statuses.add(value.lower())
    sources = {" ".join(v.split()) for v in (args.source or ()) if v.strip()}
    if index is not None:
        for name in sources:
            if index.speaker_of(name) is None:
                raise SitdashError(f"--source {name!r} names no speaker in the store "
                                   "(`sitdash speaker list --search TEXT` shows them)")
    return Filters(text=(args.search or "").strip(), regions=frozenset(regions),
                   sources=frozenset(sources), sides=frozenset(sides),
                   statuses=frozenset(statuses), date_from=since, date_to=until)


def _values(given) -> list[str]:
    """Flag values, each of which may be a comma-separated list."""
    return [part.strip() for value in (given or ()) for part in value.split(",") if part.strip()]


def brief(db: Path, args) -> int:
    from rich.console import Console

    from sitdash.brief import render_brief

    filters_from_args(args)  # a bad flag fails before the store is read
    if args.top < 1 or args.quotes < 0:
        raise SitdashError("--top must be 1 or more and --quotes 0 or more")
    store = open_store(db, create=False, analyst=args.analyst)
    index = load_index(store)
    filters = filters_from_args(args, index)
    title = "Situation brief"
    if args.new:
        since = _since(store)
        if not index.new_claims:
            print(f"Nothing new for {store.analyst} {since}.")
            return EXIT_OK
        filters, title = filters.with_(new_only=True), f"New for {store.analyst} {since}"
    Console().print(render_brief(index, quotes=args.quotes, filters=filters, top=args.top,
                                 title=title))
    return EXIT_OK


def _since(store) -> str:
    """"since the review marked 2022-04-07 09:14", or "(no review marked yet)"."""
    from sitdash.stamps import local_time

    mark = store.review_mark()
    if mark is None:
        return "(no review marked yet: everything ingested counts)"
    return f"since the review marked {local_time(mark.get('time'))}"


def export(db: Path, args) -> int:
    from sitdash import export as exporter
    from sitdash import export_geo as geo
    from sitdash.safe_text import terminal_safe
    from sitdash.safe_write import write_output

    filters_from_args(args)
    store = open_store(db, create=False, analyst=args.analyst)
    index = load_index(store)
    filters = filters_from_args(args, index)
    if args.format == "json":
        data = exporter.to_json(index, store.history(), filters)
    elif args.format == "csv":  # a store from before ingest sanitised text may still hold escapes
        data = terminal_safe(exporter.to_csv(index, filters)).encode("utf-8")
    elif args.format == "geojson":
        data = geo.to_geojson(index, filters)
    elif args.format == "acled":
        data = terminal_safe(geo.to_acled_csv(index, filters)).encode("utf-8")
    else:
        data = terminal_safe(exporter.to_markdown(index, filters)).encode("utf-8")
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

    index = load_index(open_store(db, create=False, analyst=args.analyst))
    rows = index.claim_rows(Filters(text=args.search, new_only=args.new))
    for claim in rows[: args.limit]:
        print(terminal_safe(f"{claim['id']}  {claim.get('date') or '-':10}  "
                            f"{one_line(claim['source'])}: {one_line(claim['text'])}"))
    if len(rows) > args.limit:
        print(f"({len(rows) - args.limit} more; use --limit or --search)")
    if not rows:
        print("no claims match" if args.search or args.new else "no claims yet")
    return EXIT_OK


def note(db: Path, args) -> int:
    store = open_store(db, create=False, analyst=args.analyst)
    if args.note_command == "list":
        return _note_list(store, args)
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


def _note_list(store, args) -> int:
    """Notes, one line each: claim id, author, time, text, and the claim it is on; narrowed by
    --claim, --status and --search."""
    from sitdash.notelist import note_entries
    from sitdash.safe_text import one_line, terminal_safe

    notes = store.notes()
    if not notes:
        print("no notes yet")
        return EXIT_OK
    claims = {c["id"]: c for c in store.rows("claims")}
    statuses = {cid: j.get("status") for cid, j in store.judgements().items()}
    entries = note_entries(notes, claims, statuses, claim_id=args.claim, status=args.status or "",
                           search=args.search)
    for entry in entries:
        item = entry.note
        about = (f"  [on: {_excerpt(one_line(entry.claim['text']))}]" if entry.claim
                 else "  (claim gone)")
        print(terminal_safe(f"{item['claim_id']}  {one_line(item['author'])}  "
                            f"{item['time'][:19]}  {one_line(item['text'])}{about}"))
    if not entries:
        print("no notes match")
    orphans = sum(1 for n in notes if n["claim_id"] not in claims)
    if orphans:
        print(f"{orphans} note(s) belong to claims no longer in the store; they are kept.")
    return EXIT_OK


def _tail(path: str, width: int = 50) -> str:
    """A file's path, its start dropped when long: the name is what tells files apart."""
    return path if len(path) <= width else "…" + path[-(width - 1):]


def _excerpt(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _resolve_claim(store, given: str) -> str:
    """A full claim id, from the id or a unique prefix of it."""
    return _resolve_id([c["id"] for c in store.rows("claims")], given, "claim",
                       "`sitdash claims --search TEXT` lists ids")


def _resolve_id(every: list[str], given: str, kind: str, hint: str) -> str:
    """A full id of `kind`, from the id or a unique prefix of it."""
    ids = [i for i in every if i.startswith(given)]
    if not given or not ids:
        raise SitdashError(f"no {kind} with id {given!r}; {hint}")
    if len(ids) > 1 and given not in ids:
        raise SitdashError(f"{kind} id prefix {given!r} is ambiguous ({len(ids)} {kind}s)")
    return given if given in ids else ids[0]


def speaker(db: Path, args) -> int:
    store = open_store(db, create=False)
    if args.speaker_command == "list":
        return _speaker_list(store, args)
    return _speaker_side(store, args)


def _speaker_list(store, args) -> int:
    """One line per speaker: side (* when the analyst set it), claims, documents, name, kind,
    the role the copy gives most, and other spellings."""
    from sitdash.model import SIDES
    from sitdash.safe_text import one_line, terminal_safe
    from sitdash.speakers import parse_side, top_role

    try:
        wanted = parse_side(args.side) if args.side else None
    except ValueError as error:
        raise SitdashError(f"--side: {error}") from None
    fixed = store.speaker_sides()
    rows = []
    for row in store.speakers():
        side = fixed.get(row["key"], row["side"])
        if wanted and side != wanted:
            continue
        if args.search and not any(args.search.lower() in n.lower() for n in row["names"]):
            continue
        rows.append((side, row))
    rows.sort(key=lambda sr: (-sr[1]["claims"], sr[1]["name"]))
    for side, row in rows[: args.limit]:
        mark = "*" if row["key"] in fixed else " "
        role = top_role(row)
        others = [n for n in row["names"] if n != row["name"]]
        line = (f"{SIDES[side]:<13}{mark} {row['claims']:>5} cl {row['docs']:>4} doc  "
                f"{one_line(row['name'])} ({row['kind']})")
        if role:
            line += f" - {one_line(role)}"
        if others:
            line += f"; also spelled {', '.join(one_line(n) for n in others[:3])}"
        print(terminal_safe(line))
    if len(rows) > args.limit:
        print(f"({len(rows) - args.limit} more; use --limit, --side or --search)")
    if not rows:
        print("no speakers match" if (wanted or args.search) else "no speakers yet")
    elif fixed:
        print("* side set by an analyst (`sitdash speaker side NAME inferred` undoes it)")
    return EXIT_OK


def _speaker_side(store, args) -> int:
    from sitdash.model import SIDES
    from sitdash.safe_text import one_line
    from sitdash.speakers import parse_side

    value = args.side.strip().lower()
    if value in ("inferred", "auto", "none"):
        side = None
    else:
        try:
            side = parse_side(args.side)
        except ValueError as error:
            raise SitdashError(str(error) + ", or inferred") from None
    row = _find_speaker(store.speakers(), args.name)
    store.set_speaker_side(row["key"], row["name"], side)
    shown = SIDES[side] if side else f"inferred again ({SIDES[row['side']]})"
    print(f"speaker {one_line(row['name'])} is now {shown}")
    return EXIT_OK


def _find_speaker(rows: list[dict], name: str) -> dict:
    """The speaker a user means: any spelling exactly (case aside), the same identity, else the
    one speaker whose spellings contain `name`."""
    from sitdash.query import source_keys
    from sitdash.safe_text import one_line

    wanted = " ".join(name.split()).lower()
    if not wanted:
        raise SitdashError("give the speaker's name")
    exact = [r for r in rows if any(n.lower() == wanted for n in r["names"])]
    if not exact:
        keys = source_keys(frozenset({name}))
        exact = [r for r in rows if r["key"] in keys]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [r for r in rows if any(wanted in n.lower() for n in r["names"])]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise SitdashError(f"no speaker called {one_line(name)!r}; `sitdash speaker list "
                           "--search TEXT` shows them")
    names = ", ".join(one_line(r["name"]) for r in partial[:5])
    raise SitdashError(f"{one_line(name)!r} names {len(partial)} speakers ({names}"
                       f"{' …' if len(partial) > 5 else ''}); give more of the name")


def rebuild(db: Path, args) -> int:
    """Re-extract every stored article; claim ids depend only on the sentence, so notes stay."""
    from sitdash.ingest.pipeline import rebuild_store

    store = open_store(db, create=False, analyst=args.analyst)
    documents, claims = rebuild_store(store)
    print(f"rebuilt {documents} document(s), {claims} claims; "
          f"{len(store.orphan_notes())} note(s) now point at claims that are gone (kept)")
    return EXIT_OK


def review(db: Path, args) -> int:
    """`review done`: set your review mark; `review status`: when it was set, what is new."""
    from sitdash.stamps import local_time
    from sitdash.summary import plural

    store = open_store(db, create=False, analyst=args.analyst)
    index = load_index(store)
    if args.review_command == "done":
        before = len(index.new_claims)
        mark = _write(lambda: store.mark_review(index.latest_ingest()))
        print(f"review marked done for {store.analyst} at {local_time(mark['time'])}: "
              f"{plural(before, 'claim')} no longer new")
        return EXIT_OK
    mark = store.review_mark()
    docs = len(index.new_documents)
    new = f"{plural(len(index.new_claims), 'claim')} new in {plural(docs, 'document')}"
    if mark is None:
        print(f"{store.analyst}: no review marked yet; everything ingested counts as new: {new} "
              "(`sitdash review done` marks it)")
    else:
        covered = local_time(mark.get("upto"), seconds=True) if mark.get("upto") else "-"
        print(f"{store.analyst}: review marked done {local_time(mark.get('time'))} (covers "
              f"articles ingested up to {covered}); {new} since")
    unstamped = sum(1 for d in index.documents.values() if not d.get("ingested"))
    if unstamped:
        print(f"{plural(unstamped, 'document')} stored before sitdash kept ingest times "
              "never count as new")
    others = {name: m for name, m in store.review_marks().items() if name != store.analyst}
    if others:
        print("other analysts: " + ", ".join(f"{name} {local_time(m.get('time'))}"
                                              for name, m in sorted(others.items())))
    return EXIT_OK


def _write(call):
    """An analyst-file write, with store errors as one-line SitdashErrors."""
    from sitdash.store import StoreError

    try:
        return call()
    except StoreError as error:
        raise SitdashError(str(error)) from None


def doc(db: Path, args) -> int:
    """`doc list`: every document; `doc set`: correct one (its claims are re-dated)."""
    from sitdash.safe_text import one_line, terminal_safe

    store = open_store(db, create=False, analyst=args.analyst)
    if args.doc_command == "list":
        claims: dict[str, int] = {}
        for claim in store.rows("claims"):
            claims[claim["doc_id"]] = claims.get(claim["doc_id"], 0) + 1
        rows = [d for d in store.rows("documents") if not (args.undated and d.get("published"))]
        rows.sort(key=lambda d: (d.get("published") or "", d["id"]))
        for d in rows:
            path = one_line(d.get("path"))
            print(terminal_safe(f"{d['id']}  {d.get('published') or 'undated':10}  "
                                f"{claims.get(d['id'], 0):4} cl.  "
                                f"{one_line(d.get('outlet')) or '(no outlet)'} — "
                                f"{_excerpt(one_line(d.get('title')) or '(untitled)')}"
                                + (f"  [{_tail(path)}]" if path else "")))
        if not rows:
            print("no undated documents" if args.undated else "no documents yet")
        return EXIT_OK
    from sitdash.corrections import BadCorrection, correct_document
    from sitdash.summary import plural

    doc_id = _resolve_id([d["id"] for d in store.rows("documents")], args.doc_id, "document",
                         "`sitdash doc list` lists ids")
    changes = {key: getattr(args, key) for key in ("title", "outlet", "published", "url")}
    try:
        done = _write(lambda: correct_document(store, doc_id, changes))
    except BadCorrection as error:
        raise SitdashError(str(error)) from None
    said = ", ".join(f"{key} {terminal_safe(repr(value)) if value else 'cleared'}"
                     for key, value in done.changes.items())
    print(f"document {doc_id} corrected ({said}); {plural(done.claims, 'claim')} "
          f"re-extracted, {done.dated} dated")
    return EXIT_OK


def generate(db: Path, args) -> int:
    from sitdash.corpus import write_corpus

    written = write_corpus(args.output, docs=args.docs, seed=args.seed)
    print(f"wrote {written} articles to {args.output}")
    return EXIT_OK
