"""Notes narrowed by claim, status and text, oldest or newest first (sitdash/notelist.py)."""

from sitdash.notelist import note_entries

CLAIMS = {
    "c1aaaa": {"id": "c1aaaa", "text": "Shelling hit Kharkiv overnight.", "source": "governor",
               "places": ["Kharkiv"]},
    "c2bbbb": {"id": "c2bbbb", "text": "Troops are moving toward Belarus.", "source": "official",
               "places": ["Belarus"]},
}
NOTES = [
    {"id": "n1", "claim_id": "c1aaaa", "author": "ana", "time": "2026-12-06T09:00:00+02:00",
     "text": "Toll matches the channel"},
    {"id": "n2", "claim_id": "c2bbbb", "author": "ben", "time": "2026-12-06T09:00:00+02:00",
     "text": "Wait for imagery"},
    {"id": "n3", "claim_id": "c9gone", "author": "ana", "time": "2026-12-06T10:00:00+02:00",
     "text": "On a claim a rebuild dropped"},
]


def ids(entries) -> list[str]:
    return [e.note["id"] for e in entries]


def test_every_note_in_order_written_or_newest_first_with_its_claim():
    entries = note_entries(NOTES, CLAIMS, {})
    assert ids(entries) == ["n1", "n2", "n3"]
    assert entries[0].claim is CLAIMS["c1aaaa"] and entries[2].claim is None
    assert entries[0].status == "unverified"
    assert ids(note_entries(NOTES, CLAIMS, {}, newest_first=True)) == ["n3", "n2", "n1"]


def test_narrowed_by_claim_prefix_status_and_text_together():
    statuses = {"c2bbbb": "disputed"}
    assert ids(note_entries(NOTES, CLAIMS, statuses, claim_id="c2")) == ["n2"]
    assert ids(note_entries(NOTES, CLAIMS, statuses, status="disputed")) == ["n2"]
    assert ids(note_entries(NOTES, CLAIMS, statuses, status="unverified")) == ["n1", "n3"]
    assert ids(note_entries(NOTES, CLAIMS, statuses, search="KHARKIV")) == ["n1"]  # claim place
    assert ids(note_entries(NOTES, CLAIMS, statuses, search="ben")) == ["n2"]  # author
    assert ids(note_entries(NOTES, CLAIMS, statuses, search="rebuild")) == ["n3"]
    assert note_entries(NOTES, CLAIMS, statuses, claim_id="c1", search="imagery") == []
