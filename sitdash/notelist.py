"""Notes listed with their claims and narrowed by claim, status or text: the dashboard's Notes
screen and `sitdash note list` both read them from here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """One note and the claim it is on (None when the claim is no longer in the store)."""

    note: dict
    claim: dict | None
    status: str  # the claim's verification status

    @property
    def claim_id(self) -> str:
        return self.note.get("claim_id") or ""

    def search_text(self) -> str:
        claim = self.claim or {}
        return " ".join(str(x or "") for x in (
            self.note.get("text"), self.note.get("author"), claim.get("text"),
            claim.get("source"), *(claim.get("places") or ()))).lower()


def note_entries(notes: Iterable[dict], claims: Mapping[str, dict],
                 statuses: Mapping[str, str], *, claim_id: str = "", status: str = "",
                 search: str = "", newest_first: bool = False) -> list[NoteEntry]:
    """Notes with their claims, in the order written (or newest first), keeping those on a
    claim whose id starts with `claim_id`, whose claim has `status`, and whose note, author,
    claim sentence, source or places contain `search` (any case). Notes written in the same
    second keep the order they were written in."""
    needle = search.strip().lower()
    out: list[tuple[str, int, NoteEntry]] = []
    for number, note in enumerate(notes):
        cid = note.get("claim_id") or ""
        if claim_id and not cid.startswith(claim_id):
            continue
        entry = NoteEntry(note, claims.get(cid), statuses.get(cid) or UNVERIFIED)
        if status and entry.status != status:
            continue
        if needle and needle not in entry.search_text():
            continue
        out.append((str(note.get("time") or ""), number, entry))
    out.sort(key=lambda item: item[:2], reverse=newest_first)
    return [entry for _, _, entry in out]
