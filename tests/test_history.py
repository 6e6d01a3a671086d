"""Judgement history as lines a person reads (sitdash/history.py)."""

from datetime import timedelta, timezone

from sitdash.history import grade_words, history_line, history_lines, local_time

KYIV = timezone(timedelta(hours=2))


def test_a_status_change_reads_when_who_what_from_what_to_what():
    entry = {"time": "2026-12-06T12:02:41+00:00", "author": "ana", "claim_id": "c1",
             "action": "status", "before": "unverified", "after": "disputed", "note_id": None}
    assert history_line(entry, KYIV) == "2026-12-06 14:02  ana  status  unverified -> disputed"


def test_a_first_status_reads_from_unverified():
    entry = {"time": "2026-12-06T14:02:00+02:00", "author": "ana", "action": "status",
             "before": None, "after": "corroborated"}
    assert history_line(entry, KYIV).endswith("status  unverified -> corroborated")


def test_grades_carry_their_admiralty_wording():
    entry = {"time": "2026-12-06T14:05:00+02:00", "author": "ben", "action": "grade",
             "before": {"reliability": None, "credibility": None},
             "after": {"reliability": "B", "credibility": "2"}}
    assert history_line(entry, KYIV) == (
        "2026-12-06 14:05  ben  grade   -- -> B2 (Usually reliable; Probably true)")
    assert grade_words({"reliability": "F", "credibility": "6"}) == (
        "F6 (Reliability cannot be judged; Truth cannot be judged)")


def test_note_changes_show_short_excerpts_on_one_line():
    long = "Casualty figure\nmatches OCHA's count for the district; " + "more detail " * 10
    lines = history_lines([
        {"time": "2026-12-06T09:00:00+02:00", "author": "ana", "action": "note-add",
         "before": None, "after": "Check the figure", "note_id": "n1"},
        {"time": "2026-12-06T09:30:00+02:00", "author": "ana", "action": "note-edit",
         "before": "Check the figure", "after": long, "note_id": "n1"},
        {"time": "2026-12-06T10:00:00+02:00", "author": "ben", "action": "note-delete",
         "before": long, "after": None, "note_id": "n1"},
    ], KYIV)
    assert lines[0] == "2026-12-06 09:00  ana  note added  “Check the figure”"
    assert lines[1].startswith("2026-12-06 09:30  ana  note edited  “Check the figure” -> "
                               "“Casualty figure matches OCHA")
    assert lines[1].endswith("…”") and "\n" not in lines[1]
    assert lines[2].startswith("2026-12-06 10:00  ben  note deleted  “Casualty figure")


def test_times_are_shown_in_the_readers_zone_and_odd_ones_as_written():
    assert local_time("2026-12-06T23:30:00+00:00", KYIV) == "2026-12-07 01:30"
    assert local_time("2026-12-06T14:02:00", KYIV) == "2026-12-06 14:02"  # no zone: as written
    assert local_time("yesterday-ish", KYIV) == "yesterday-ish"
    assert local_time(None, KYIV) == "?"


def test_history_text_from_a_hand_edited_file_cannot_style_or_escape():
    entry = {"time": "2026-12-06T14:02:00+02:00", "author": "[bold]x\x1b[2J", "action": "status",
             "before": "unverified", "after": "disputed\x1b]0;t\x07"}
    line = history_line(entry, KYIV)
    assert "\x1b" not in line and "\x07" not in line
    assert "[bold]x" in line  # shown literally (the screen draws it as Text, not markup)
