"""Verification status, Admiralty grade and speaker side modals."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sitdash.model import CREDIBILITY, RELIABILITY, SIDES, STATUSES
from sitdash.tui.screens.dialog import say_in_dialog

STATUS_WORDS = {
    "unverified": "not yet checked",
    "corroborated": "confirmed by an independent source",
    "disputed": "contradicted or contested",
    "false": "shown to be wrong",
}


def _marked(label: str, current: bool) -> Text:
    return Text(("● " if current else "  ") + label)


class OneChoiceScreen(ModalScreen):
    """One of a few choices: a digit, or arrows and enter. Opens on the current choice (● marks
    it); choosing it again, or escape, closes with `unchanged`. Subclasses give the title, the
    choices and their labels, the hint, and what a choice returns (`result`)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "apply", "Apply", priority=True),  # before the list's own enter
    ] + [Binding(str(i), f"choose({i - 1})", f"choice {i}", show=False) for i in range(1, 10)]
    TITLE_TEXT = ""
    HINT = ""
    unchanged: object = None  # what closing without a change returns

    def __init__(self, choices: list[str], labels: list[str], current: str, subject: str) -> None:
        super().__init__(classes="judge")
        self.choices, self.labels, self.current = choices, labels, current
        self.subject = subject

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.TITLE_TEXT, style="bold"), id="dialog-title")
            yield Static(Text(self.subject), classes="claim-text")
            yield OptionList(*[
                Option(_marked(f"{i} {label}", choice == self.current), id=choice)
                for i, (choice, label) in enumerate(zip(self.choices, self.labels, strict=True), 1)
            ], id="choice-list")
            yield Static(Text(self.HINT), id="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.choices.index(self.current)
        self.set_focus(options)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:  # a click
        self._choose(event.option.id)

    def action_choose(self, i: int) -> None:
        if i < len(self.choices):
            self._choose(self.choices[i])

    def action_apply(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        self._choose(self.choices[highlighted] if highlighted is not None else None)

    def _choose(self, choice: str | None) -> None:
        """Close with the choice's result, or with `unchanged` when it is the current one."""
        if choice is None or choice == self.current:
            self.dismiss(self.unchanged)
        else:
            self.dismiss(self.result(choice))

    def result(self, choice: str) -> object:
        return choice

    def action_cancel(self) -> None:
        self.dismiss(self.unchanged)


class StatusScreen(OneChoiceScreen):
    """Pick a verification status: 1-4, or arrows and enter. Opens on the claim's status
    (unverified until someone judges it); choosing the status it already has changes nothing.
    Dismisses with the status, or None."""

    TITLE_TEXT = "Verification status"
    HINT = "1-4, or arrows and enter · esc cancels · ● current (enter on it changes nothing)"

    def __init__(self, current: str | None, claim_text: str) -> None:
        super().__init__(list(STATUSES), [f"{s} — {STATUS_WORDS[s]}" for s in STATUSES],
                         current if current in STATUSES else "unverified", claim_text)


class GradeScreen(ModalScreen[tuple[str, str] | None]):
    """Admiralty grade: source reliability A-F and information credibility 1-6."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "apply", "Apply", priority=True),
    ] + [
        Binding(k.lower(), f"reliability('{k}')", RELIABILITY[k], show=False) for k in RELIABILITY
    ] + [Binding(k, f"credibility('{k}')", CREDIBILITY[k], show=False) for k in CREDIBILITY]

    def __init__(self, reliability: str | None, credibility: str | None, claim_text: str) -> None:
        super().__init__(classes="judge")
        self.current = (reliability if reliability in RELIABILITY else None,
                        credibility if credibility in CREDIBILITY else None)
        self.reliability, self.credibility = self.current
        self.claim_text = claim_text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("Admiralty grade", style="bold"), id="dialog-title")
            yield Static(Text(self.claim_text), classes="claim-text")
            with Horizontal(id="grade-lists"):
                with Vertical():
                    yield Static(Text("Source reliability (a-f)", style="underline"))
                    yield OptionList(*[Option(Text(f"{k} {v}"), id=k)
                                       for k, v in RELIABILITY.items()], id="reliability")
                with Vertical():
                    yield Static(Text("Information credibility (1-6)", style="underline"))
                    yield OptionList(*[Option(Text(f"{k} {v}"), id=k)
                                       for k, v in CREDIBILITY.items()], id="credibility")
            yield Static(Text(""), id="grade-choice")
            yield Static(Text("a-f, 1-6 or arrows · tab switches list · enter applies · "
                              "esc cancels"), id="dialog-hint")

    def on_mount(self) -> None:
        rel = self.query_one("#reliability", OptionList)
        cred = self.query_one("#credibility", OptionList)
        # On the claim's grade; an ungraded claim starts with nothing chosen, so a stray enter
        # grades nothing.
        rel.highlighted = list(RELIABILITY).index(self.reliability) if self.reliability else None
        cred.highlighted = list(CREDIBILITY).index(self.credibility) if self.credibility else None
        self.set_focus(rel)
        self._show_choice()

    def _show_choice(self) -> None:
        rel, cred = self.reliability or "?", self.credibility or "?"
        words = f"{RELIABILITY.get(rel, 'reliability not chosen')}; " \
                f"{CREDIBILITY.get(cred, 'credibility not chosen')}"
        if not (self.reliability or self.credibility):
            words = "nothing chosen yet"
        now = "".join(self.current) if all(self.current) else "not graded"
        self.query_one("#grade-choice", Static).update(
            Text.assemble(("Grade: ", "bold"), (f"{rel}{cred}", "bold reverse"), f"  {words}",
                          f"  (now: {now})"))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        option = event.option_list.highlighted_option
        if option is None:  # a late message from before the list was set to "nothing chosen"
            return
        if event.option_list.id == "reliability":
            self.reliability = option.id
        else:
            self.credibility = option.id
        self._show_choice()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """A click: on a reliability, go on to credibility; on a credibility, apply."""
        if event.option_list.id == "reliability":
            self.set_focus(self.query_one("#credibility", OptionList))
        else:
            self.action_apply()

    def action_reliability(self, key: str) -> None:
        self.reliability = key  # at once: an enter typed right after must see it
        self.query_one("#reliability", OptionList).highlighted = list(RELIABILITY).index(key)
        self._show_choice()
        self.set_focus(self.query_one("#credibility", OptionList))

    def action_credibility(self, key: str) -> None:
        self.credibility = key
        self.query_one("#credibility", OptionList).highlighted = list(CREDIBILITY).index(key)
        self._show_choice()

    def action_apply(self) -> None:
        """Apply the two choices; nothing is written until both are chosen, and choosing the
        grade the claim already has closes without a change."""
        if not (self.reliability and self.credibility):
            say_in_dialog(self, "Choose both a reliability (a-f) and a credibility (1-6); "
                          "esc cancels.")
            return
        grade = (self.reliability, self.credibility)
        self.dismiss(grade if grade != self.current else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


INFERRED = "inferred"


class SideScreen(OneChoiceScreen):
    """Correct a speaker's side: 1-5 pick a side, 6 goes back to the side read from the copy.
    Dismisses with the side, None for "as inferred", False for no change."""

    TITLE_TEXT = "Speaker's side"
    HINT = "1-6, or arrows and enter · esc cancels · ● current · kept in your analyst file"
    unchanged = False

    def __init__(self, current: str | None, inferred: str, speaker: str) -> None:
        inferred = inferred if inferred in SIDES else "unknown"
        super().__init__([*SIDES, INFERRED],
                         [*SIDES.values(), f"as read from the copy ({SIDES[inferred]})"],
                         current if current in SIDES else INFERRED, speaker)

    def result(self, choice: str) -> str | None:
        return None if choice == INFERRED else choice
