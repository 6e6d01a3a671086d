#!/usr/bin/env bash
# Run the dashboard in tmux at 80x24 on a store built from the seeds, press keys like a user,
# and print what the screen shows after each step (also once more with NO_COLOR).
# Usage: scripts/tmux_check.sh [STORE.json]   (default: a fresh store from seeds/ in a temp dir)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
WORK="$(mktemp -d)"
STORE="${1:-$WORK/store.json}"
SESSION="sitdash_check_$$"
if [[ $# -eq 0 ]]; then
  python - "$STORE" "$ROOT/seeds" <<'PY'
import sys
from sitdash.ingest.pipeline import ingest_paths
from sitdash.store import Store
report = ingest_paths(Store(sys.argv[1]), [sys.argv[2]])
print(f"ingested {len(report.added)} document(s), {report.claims} claims")
PY
fi

cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

snap() {  # snap TITLE: print the visible screen
  sleep "${2:-0.6}"
  echo "===== $1 ====="
  tmux capture-pane -p -t "$SESSION"
}

keys() {  # one key at a time, as fast as a quick typist (a burst can outrun screen changes)
  local key
  for key in "$@"; do  # (after Escape, wait out Textual's escape-sequence delay of 100 ms)
    tmux send-keys -t "$SESSION" "$key"
    if [[ $key == Escape ]]; then sleep 0.2; else sleep 0.08; fi
  done
}

burst() {  # all keys in one write, as a fast typist or a laggy SSH link delivers them
  tmux send-keys -t "$SESSION" "$@"
}

start() {  # start ENV...: launch the app in a fresh session (80x24 unless SIZE=WxH)
  local size="${SIZE:-80x24}"
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  tmux new-session -d -s "$SESSION" -x "${size%x*}" -y "${size#*x}" \
    "env $* PYTHONPATH='$PYTHONPATH' python -m sitdash.tui.app '$STORE'"
  tmux set-option -t "$SESSION" -s escape-time 10
  tmux set-option -t "$SESSION" status off
  sleep 2.5
}

start TERM=xterm-256color
snap "dashboard (Timeline tab)" 0
keys j j;               snap "j j: cursor down, detail strip follows"
keys 2;                 snap "2: Regions"
keys 3;                 snap "3: Quotes"
keys 4;                 snap "4: Movements"
keys / k y i v;         snap "/kyiv: text filter as you type"
keys Escape;            snap "escape: leave the filter box (filter kept)"
keys Escape;            snap "escape: clear the text filter"
keys r;                 snap "r: region picker"
keys n o r t h;         snap "typing narrows the picker"
keys Enter;             snap "enter: north applied, chip in the header"
keys x 1;               snap "x: filters cleared"
burst / a b c d e f BSpace BSpace BSpace BSpace BSpace BSpace x y z
snap "one write: / abcdef, six backspaces, xyz: the box says xyz"
burst C-u k y i v Enter 2; snap "one write: ctrl+u kyiv enter 2: filter kyiv, Regions pane"
keys Escape;            snap "escape: the text filter cleared"
keys Home Enter;        snap "enter on a region: every pane narrowed to it (esc: back)"
keys Escape;            snap "escape: back to the filters before, on the Regions pane"
keys f;                 snap "f: oldest first"
keys f 1;               snap "f: newest first again"
keys 3 n;               snap "3 n: note modal on a quote's claim"
keys C h e c k " " K i r b y " " t r a n s c r i p t; snap "typing the note"
keys C-s;               snap "ctrl+s: note saved, marker shown"
keys g;                 snap "g: Admiralty grade"
keys b 2 Enter;         snap "b 2 enter: graded B2"
keys c;                 snap "c: claims screen"
keys / b e l a r u s;   snap "/belarus on the claims screen: filtered as typed"
keys Escape Escape;     snap "escape twice: leave the box, clear the filter"
keys Enter;             snap "enter: one claim in full"
keys Escape N;          snap "N: every note"
keys Escape o;          snap "o: sources screen"
keys Escape "?";        snap "?: help"
keys Escape Escape m;   snap "m: the map (opens on the most active oblast)"
keys l;                 snap "l: the tile to the right"
keys h j l l l;         snap "h j l l l: back, down and right to Kharkiv"
keys Enter;             snap "enter: every pane filtered to that oblast"
keys 2;                 snap "2: Regions, filtered"
keys Escape;            snap "escape: back to the filters before enter"
keys q;                 sleep 0.5

SIZE=160x48 start TERM=xterm-256color
keys m;                 snap "160x48: the map with the oblast's events and movements beside it"
keys h;                 snap "160x48 h: the tile to the left"
keys Escape q;          sleep 0.5

start TEXTUAL_COLOR_SYSTEM=standard TERM=xterm-16color
snap "TEXTUAL_COLOR_SYSTEM=standard (16 colours): dashboard" 0
keys 3;                 snap "16 colours: quotes"
keys q;                 sleep 0.5

start NO_COLOR=1 TERM=xterm
snap "NO_COLOR=1: dashboard" 0
keys 3 n;               snap "NO_COLOR=1: note modal (the earlier note is listed)"
keys Escape m;          snap "NO_COLOR=1: the map (patterns, not colours)"
keys Escape q;          sleep 0.5
