"""Keys handled one at a time, in the order they were typed.

Textual hands each key to the widget focused when the App *reads* it, and runs a key's ordinary
(non-priority) bindings only after the key has bubbled back to the App through every ancestor's
message queue. Keys read together (a fast typist, keys over SSH, a macro, tmux `send-keys`) are
therefore all routed before the first one's binding has run:

- a backspace in an Input runs after the letters typed behind it, because letters are inserted
  on arrival and backspace is a binding ("abcdef", six backspaces, "xyz" leaves "abc" in a plain
  Textual Input too: Textual issue #6605);
- a key whose binding moves the focus ("/" opens the filter box, enter leaves it) does not take
  the keys after it along: they were already handed to the widget focused before it.

`KeysInOrder` holds each key (and paste) until the one before it has been handled completely
(stopped by a widget, or bubbled back to the App with its bindings run), then routes the next to
whatever is focused by then. A key costs one message hop per ancestor, as bubbling already does;
nothing waits on a timer.
"""

from __future__ import annotations

from collections import deque
from time import monotonic

from textual import events
from textual.message_pump import MessagePump
from textual.screen import Screen

# A key whose widget went away before handling it is given up on after this long (when the next
# key arrives), so input can never stay held for good.
STUCK_AFTER = 1.0


class KeysInOrder:
    """App mixin (put it before `App` in the bases): route input one key at a time."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held_input: deque[events.Event] = deque()
        self._input_in_flight: events.Event | None = None
        self._in_flight_since = 0.0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self._held_input.append(event)
            if (self._input_in_flight is not None
                    and monotonic() - self._in_flight_since > STUCK_AFTER):
                self._input_in_flight = None
            await self._route_held_input()
            return
        await super().on_event(event)  # type: ignore[misc]

    async def _route_held_input(self) -> None:
        while self._held_input and self._input_in_flight is None:
            event = self._held_input.popleft()
            # Textual's own routing: priority bindings, else forward to the focused widget.
            await super().on_event(event)  # type: ignore[misc]
            if event.is_forwarded:
                self._input_in_flight = event
                self._in_flight_since = monotonic()
                self._follow(event, self.focused or self.screen)  # type: ignore[attr-defined]

    def _follow(self, event: events.Event, node: MessagePump) -> None:
        """Look at `event` again once `node` has handled it: stopped there, it is done; else it
        is on its way up, so look again after the node above. At the App its bindings have run.

        A Screen marks a key as stopped when it hands it to the App that sent it, so a stop
        counts only below the Screen."""

        def after() -> None:
            stopped = event._stop_propagation and not isinstance(node, Screen)  # noqa: SLF001
            parent = node._parent  # noqa: SLF001
            if stopped or parent is None:
                self._input_done(event)
            else:
                self._follow(event, parent)

        if not node.call_later(after):  # its queue is closed: nothing more will happen to it
            self._input_done(event)

    def _input_done(self, event: events.Event) -> None:
        if self._input_in_flight is event:
            self._input_in_flight = None
            if self._held_input:
                self.call_later(self._route_held_input)  # type: ignore[attr-defined]
