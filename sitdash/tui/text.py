"""Pure text helpers for the dashboard: make untrusted strings safe to show, find context, match.

No textual imports: these are plain functions the panes and screens call (and tests check).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sitdash.safe_text import one_line

T = TypeVar("T")


def clean(value: object) -> str:
    """A string safe for one terminal cell run: escapes and control characters removed (the
    same sanitising ingest applies), whitespace folded."""
    if value is None:
        return ""
    return one_line(str(value))


def clean_block(value: object) -> str:
    """Like `clean`, but keeps line breaks (for paragraphs and notes)."""
    if value is None:
        return ""
    lines = str(value).split("\n")
    return "\n".join(clean(line) if line.strip() else "" for line in lines)


def paragraph_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph holding `text[start:end]`, and the span's offsets inside it.

    Paragraphs are separated by a blank line. The span is clipped to the paragraph; offsets
    outside the text give the whole text's first paragraph with an empty span.
    """
    if not text:
        return "", 0, 0
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    p_start = text.rfind("\n\n", 0, start)
    p_start = 0 if p_start < 0 else p_start + 2
    p_end = text.find("\n\n", start)
    p_end = len(text) if p_end < 0 else p_end
    return text[p_start:p_end], start - p_start, min(end, p_end) - p_start


def clean_with_span(text: str, start: int, end: int) -> tuple[str, int, int]:
    """`clean_block` applied to text while keeping a span pointing at the same words."""
    before = clean_block(text[:start])
    middle = clean_block(text[start:end])
    after = clean_block(text[end:])
    sep_before = " " if before and middle and text[:start][-1:].isspace() else ""
    sep_after = " " if middle and after and text[end:end + 1].isspace() else ""
    head = before + sep_before
    return head + middle + sep_after + after, len(head), len(head) + len(middle)


def fuzzy_score(query: str, candidate: str) -> int | None:
    """How well `query` matches `candidate` as an in-order subsequence (None: no match).

    Contiguous runs and matches at word starts score higher, like fzf; case is ignored.
    """
    query = query.lower().strip()
    if not query:
        return 0
    cand = candidate.lower()
    if query in cand:
        return 1000 - cand.index(query)
    score, pos, last = 0, 0, -2
    for ch in query:
        found = cand.find(ch, pos)
        if found < 0:
            return None
        score += 10 if found == last + 1 else 1
        if found == 0 or not cand[found - 1].isalnum():
            score += 5
        last, pos = found, found + 1
    return score


def fuzzy_filter(query: str, items: list[T], key: Callable[[T], str] = str) -> list[T]:
    """`items` matching `query` (by `key(item)`, the item itself by default), best first
    (stable for equal scores)."""
    scored = [(fuzzy_score(query, key(item)), i, item) for i, item in enumerate(items)]
    kept = [(s, i, item) for s, i, item in scored if s is not None]
    if not query.strip():
        return [item for _, _, item in kept]
    kept.sort(key=lambda t: (-t[0], t[1]))
    return [item for _, _, item in kept]


def grade_label(judgement: dict) -> str:
    """"B2" style Admiralty grade, or "--" when not graded."""
    rel = judgement.get("reliability") or "-"
    cred = judgement.get("credibility") or "-"
    return f"{rel}{cred}"


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` characters with an ellipsis."""
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
