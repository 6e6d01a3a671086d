"""Correcting a stored document's title, outlet, date or URL, as an analyst.

Half of pasted or scraped articles arrive without a date or an outlet, and their claims then drop
out of every date filter. A correction is analyst data: it is kept in the analyst file (with its
author and history) and re-applied whenever the document is extracted again (`rebuild`, a
re-ingest after a damaged store). The document is re-extracted at once, so its claims re-derive
their dates from the new publication date; claim ids (document id + sentence) stay, and so do
the notes and judgements on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sitdash.errors import SitdashError
from sitdash.ingest.pipeline import reextract_document, retry_on_change
from sitdash.ingest.read import parse_date
from sitdash.model import CORRECTABLE
from sitdash.safe_text import one_line

DATE_HINT = "use YYYY-MM-DD, e.g. 2022-04-07"
URL_HINT = "give it whole, e.g. https://example.org/story"


class BadCorrection(SitdashError, ValueError):
    """A correction the analyst typed that cannot be kept (a bad date, nothing to change)."""


@dataclass(slots=True)
class Corrected:
    doc_id: str
    changes: dict[str, str | None]  # what changed, as stored (None: cleared)
    claims: int  # claims of the re-extracted document
    dated: int  # of which have a date now


def parse_url(text: str) -> str | None:
    """A web address an analyst typed, as given, or None when it is none: http(s), a host with
    a dot (or localhost), no spaces. "www.example.org/x" gets its https://."""
    text = text.strip()
    if text.lower().startswith("www."):
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https") or any(c.isspace() for c in text):
        return None
    if not host or not ("." in host.strip(".") or host == "localhost"):
        return None
    return text


def check_url(text: str) -> str:
    """`parse_url`, or BadCorrection saying what a URL looks like."""
    url = parse_url(text)
    if url is None:
        raise BadCorrection(f"{text!r} is not a web address ({URL_HINT})")
    return url


def check_changes(changes: dict[str, str | None]) -> dict[str, str | None]:
    """The corrections to keep: values folded to one inert line ("" clears a field), the date as
    YYYY-MM-DD. Fields given as None are not being changed. Raises BadCorrection."""
    out: dict[str, str | None] = {}
    for key, value in changes.items():
        if key not in CORRECTABLE:
            raise BadCorrection(f"cannot correct {key!r}; fields: {', '.join(CORRECTABLE)}")
        if value is None:
            continue
        text = one_line(value)
        if key == "published" and text:
            iso = parse_date(text)
            if iso is None:
                raise BadCorrection(f"{text!r} is not a date ({DATE_HINT})")
            text = iso
        if key == "url" and text:
            text = check_url(text)
        out[key] = text or None
    if not out:
        raise BadCorrection("nothing to change: give a title, outlet, date (published) or URL")
    return out


def changed_fields(document: dict, changes: dict[str, str | None]) -> dict[str, str | None]:
    """Of `changes` (already checked), those that differ from what the document says now."""
    return {key: value for key, value in changes.items() if document.get(key) != value}


def record_correction(store, document: dict, changes: dict[str, str | None]) -> None:
    """Keep the corrections in the analyst file (durable when it returns), signed and with
    what the document said before."""
    before = {key: document.get(key) for key in changes}
    store.correct_document(document["id"], changes, before)


def apply_to_store(store, doc_id: str) -> tuple[int, int]:
    """Re-extract the document with its corrections in one atomic write: (claims, dated)."""
    extraction = retry_on_change(store, lambda: reextract_document(store, doc_id))
    return len(extraction.claims), sum(1 for c in extraction.claims if c.date)


def correct_document(store, doc_id: str, changes: dict[str, str | None]) -> Corrected:
    """Check, record (analyst file) and apply (re-extract) corrections of one stored document."""
    document = next((d for d in store.rows("documents") if d.get("id") == doc_id), None)
    if document is None:
        raise BadCorrection(f"no document with id {doc_id!r}")
    checked = check_changes(changes)
    record_correction(store, document, checked)
    claims, dated = apply_to_store(store, doc_id)
    return Corrected(doc_id, checked, claims, dated)
