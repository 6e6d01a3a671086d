#!/usr/bin/env bash
# Ingest a hostile article (Rich markup, colour/cursor/clear escapes, OSC 0 title, OSC 52
# clipboard, OSC 8 link, bidi override) into a temp store, run the dashboard in tmux at 80x24
# and check that nothing from the article reaches the terminal as anything but text:
#   - the pane title is unchanged (OSC 0 "pwned" never arrived),
#   - no paste buffer was set (OSC 52 never arrived, with set-clipboard on),
#   - the markup shows literally ("[bold red]seven[/]") and the screen is not cleared/moved,
#   - the captured pane (capture-pane -e) holds only SGR colour sequences, none with blink (5).
# Usage: scripts/hostile_tmux.sh   (prints what it saw; exit 1 on any failed check)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
WORK="$(mktemp -d)"
STORE="$WORK/store.json"
SESSION="sitdash_hostile_$$"
SOCKET="sitdash_hostile_$$"  # a tmux server of our own: other sessions are never touched
T() { tmux -L "$SOCKET" "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

python - "$WORK" <<'PY'
import sys
from pathlib import Path
from sitdash.ingest.pipeline import ingest_paths
from sitdash.store import Store
work = Path(sys.argv[1])
(work / "in").mkdir()
(work / "in" / "hostile.md").write_text(
    "---\ntitle: \x1b]0;pwned\x07[bold]Port[/bold] \u202eshelled\noutlet: \x1b[5mEvil Wire\n"
    "published: 2022-04-12\n---\n"
    "Officials in Mykolaiv said [bold red]seven[/] rockets fell near the port "
    "[link=file:///etc/passwd]overnight[/link] on Tuesday, the governor said.\n\n"
    "\x1b[31mRed smoke\x1b[0m rose over the port\x1b[2J\x1b[H of Mykolaiv, the mayor \x1b]0;pwned"
    "\x07said on Telegram, \x1b]52;c;cm0gLXJmIH4=\x07and a siren\x07 sounded.\n\n"
    "\"We will \x1b]8;;http://evil.example\x1b\\rebuild\x1b]8;;\x1b\\ everything,\" the mayor "
    "told reporters \x1b[1A\x1b[2Kon Wednesday \u202e[/]noitcelfer.\n", encoding="utf-8")
report = ingest_paths(Store(work / "store.json"), [work / "in"])
print(f"ingested {len(report.added)} hostile document(s), {report.claims} claims")
PY

T -f /dev/null new-session -d -s "$SESSION" -x 80 -y 24
T set-option -s escape-time 10
T set-option -g set-clipboard on      # an OSC 52 that got through would fill a paste buffer
T set-option -g allow-rename on       # and an OSC 0 / escape-k title would rename the pane
T set-option -g status off
T select-pane -t "$SESSION" -T "before"
T respawn-pane -k -t "$SESSION" \
  "env TERM=xterm-256color PYTHONPATH='$PYTHONPATH' sitdash --db '$STORE'"
sleep 3
T send-keys -t "$SESSION" c; sleep 1           # the claims screen, hostile sentences listed
T send-keys -t "$SESSION" j; sleep 0.5         # the governor's "[bold red]seven[/]" claim
T send-keys -t "$SESSION" Enter; sleep 1       # that claim in full
PLAIN="$(T capture-pane -p -t "$SESSION")"
T send-keys -t "$SESSION" Escape; sleep 1
LIST="$(T capture-pane -p -t "$SESSION")"
ESCAPED="$(T capture-pane -e -p -t "$SESSION")"
TITLE="$(T display -p -t "$SESSION" '#{pane_title}')"
BUFFERS="$(T list-buffers 2>/dev/null || true)"

echo "===== claim screen (capture-pane -p) ====="; echo "$PLAIN"
echo "===== claims list (capture-pane -p) ====="; echo "$LIST"
set +e  # the checks below report every failure, then exit 1
fail=0
check() {  # check NAME CONDITION-EXIT-STATUS
  if [[ $2 -eq 0 ]]; then echo "PASS $1"; else echo "FAIL $1"; fail=1; fi
}
[[ "$TITLE" == "before" ]]; check "pane title unchanged (is '$TITLE')" $?
[[ -z "$BUFFERS" ]]; check "no paste buffer set by OSC 52 (buffers: '${BUFFERS}')" $?
grep -qF '[bold red]seven[/]' <<<"$PLAIN$LIST"; check "Rich markup shown literally" $?
! grep -q 'pwned' <<<"$PLAIN$LIST$ESCAPED"; check "no OSC payload text on screen" $?
[[ "$(head -1 <<<"$LIST")" == *"sitdash"* ]]; check "header still on the first row (no clear/cursor move)" $?
[[ "$(wc -l <<<"$LIST")" -eq 24 ]]; check "24 rows captured" $?
# Every escape in the -e capture must be tmux's own SGR (ESC [ ... m), never OSC or cursor moves.
OTHER="$(grep -aoP '\x1b(?!\[[0-9;:]*m)' <<<"$ESCAPED" | wc -l)"
[[ "$OTHER" -eq 0 ]]; check "capture -e holds only SGR sequences (others: $OTHER)" $?
BLINK="$(python3 -c '
import re, sys
blink = 0
for params in re.findall(r"\x1b\[([0-9;:]*)m", sys.stdin.read()):
    codes = [int(c or 0) for c in params.split(";")]
    i = 0
    while i < len(codes):
        if codes[i] in (38, 48, 58):  # extended colour: 38;5;n or 38;2;r;g;b
            i += 3 if codes[i + 1:i + 2] == [5] else 5
            continue
        blink += codes[i] in (5, 6)
        i += 1
print(blink)' <<<"$ESCAPED")"
[[ "$BLINK" -eq 0 ]]; check "no blink (SGR 5/6) from the outlet's escape (found: $BLINK)" $?
echo "SGR sequences in the -e capture: $(grep -aoP '\x1b\[[0-9;:]*m' <<<"$ESCAPED" | sort -u | tr '\n' ' ' | cat -v)"
T send-keys -t "$SESSION" q
# Control: the same escapes printed raw in a pane DO change the title and fill a buffer, so the
# checks above can fail.
T new-window -t "$SESSION" "printf '\033]0;pwned\007\033]52;c;cm0gLXJmIH4=\007'; sleep 2"
sleep 1
CONTROL_TITLE="$(T display -p -t "$SESSION" '#{pane_title}')"
CONTROL_BUFFERS="$(T list-buffers 2>/dev/null || true)"
[[ "$CONTROL_TITLE" == "pwned" && -n "$CONTROL_BUFFERS" ]]
check "control: raw printf sets the title ('$CONTROL_TITLE') and a buffer ('$CONTROL_BUFFERS')" $?
exit $fail
