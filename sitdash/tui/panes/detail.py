"""The detail strip: the selected row's sentence in its paragraph, its document and judgement."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from sitdash.stamps import local_time
from sitdash.tui.rows import NEW_MARK, NOTE_MARK, ClaimContext, window
from sitdash.tui.text import clean, clean_block, shorten

HIGHLIGHT = "bold reverse"  # meaning by weight and inversion, never colour alone


def highlighted(paragraph: str, start: int, end: int) -> Text:
    """The paragraph as literal text with the sentence span in bold reverse."""
    text = Text(paragraph)
    if end > start:
        text.stylize(HIGHLIGHT, start, end)
    return text


def note_line(note: dict) -> Text:
    """"✎ ana, 2026-12-06 14:02: text" as literal text."""
    out = Text()
    out.append(f"{NOTE_MARK} {clean(note.get('author'))}, {local_time(note.get('time'))}: ",
               style="bold")
    out.append(Text(clean(clean_block(note.get("text")))))
    return out


def context_text(ctx: ClaimContext | None, *, limit: int = 400, notes: int = 1,
                 width: int = 0, note: dict | None = None) -> Text:
    """What the detail strip shows for a claim (or a hint when the row has none), with its
    latest note, or with `note` when one is given (the Notes screen's selected note)."""
    if ctx is None:
        if note is not None:
            return Text.assemble(Text("This note's claim is no longer in the store (the note is "
                                      "kept).\n", style="italic"), note_line(note))
        return Text("No claim behind this row. Move to a row to see its source sentence.",
                    style="italic")
    out = Text()
    out.append("Status: ", style="bold")
    out.append(ctx.status)
    out.append(" · Grade: ", style="bold")
    out.append(ctx.grade if ctx.grade_words == "not graded" else f"{ctx.grade} ({ctx.grade_words})")
    out.append(" · Notes: ", style="bold")
    out.append(f"{len(ctx.notes)}{' ' + NOTE_MARK if ctx.notes else ''}")
    out.append(" · Source: ", style="bold")
    out.append(Text(clean(ctx.claim.get("source")) or "?"))
    out.append("\n")
    out.append("Doc: ", style="bold")
    doc_line = f"{ctx.outlet}, {ctx.published} — {ctx.title}"
    if ctx.new:  # new-ness belongs to the document: it arrived after the last review
        doc_line = f"{NEW_MARK} new · {doc_line}"
    out.append(Text(shorten(doc_line, width - 8) if width else doc_line))
    out.append("\n")
    para, s, e = window(ctx.paragraph, ctx.span[0], ctx.span[1], limit)
    out.append_text(highlighted(para, s, e))
    shown = [note] if note is not None else ctx.notes[-notes:] if notes else []
    for item in shown:
        out.append("\n")
        out.append_text(note_line(item))
    return out


class DetailStrip(Static):
    """Shows `context_text` for the claim behind the selected row."""

    _shown_for: tuple | None = None  # (context, limit, width, note) last drawn

    def show(self, ctx: ClaimContext | None, note: dict | None = None) -> None:
        limit = 240 if self.app.size.width < 120 else 600
        shown_for = (ctx, limit, self.app.size.width, note)
        if self._shown_for == shown_for:
            return  # the same claim as shown (contexts are memoised per index and analyst data)
        self._shown_for = shown_for
        self.claim_id = ctx.claim_id if ctx else None
        self.shown = context_text(ctx, limit=limit, width=self.app.size.width, note=note)
        self.update(self.shown)

    def show_text(self, text: Text) -> None:
        """Show `text` (already literal) instead of a claim: a contradiction's reason."""
        self._shown_for = None
        self.claim_id = None
        self.shown = text
        self.update(text)
