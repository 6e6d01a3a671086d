#!/usr/bin/env bash
# The daily review, acted in tmux at 80x24: yesterday's articles ingested and reviewed, two new
# articles dropped into the inbox while the dashboard runs, their arrival, `w`, `brief --new`,
# ctrl+r. Prints what the screen shows after each step.
# Usage: scripts/daily_check.sh   (everything happens in a temp dir; the articles are written
# here, in a wire style, for this check)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
WORK="$(mktemp -d)"
STORE="$WORK/store.json"
SESSION="sitdash_daily_$$"
SITDASH=(python -m sitdash.cli --db "$STORE" --analyst ana)
cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$WORK/yesterday"
cat > "$WORK/yesterday/zaporizhzhia.txt" <<'EOF'
ZAPORIZHZHIA, Ukraine, April 5 (Wire) — Russian artillery shelled the outskirts of Zaporizhzhia
overnight, damaging a school and two apartment blocks, the regional administration said on
Tuesday.

"Nobody was killed, but the school is gone," regional governor Oleksandr Starukh wrote on
Telegram.

Ukrainian troops repelled an assault near Huliaipole, the general staff said.
EOF
cat > "$WORK/yesterday/chernihiv.txt" <<'EOF'
CHERNIHIV, Ukraine, April 5 (Wire) — Russian forces have completed their withdrawal from the
Chernihiv region and moved toward Belarus, a senior U.S. defense official said on Tuesday.

About 2,000 troops crossed the border near Hremiach, the official said.

Residents of Chernihiv began clearing debris from the main bridge over the Desna.
EOF

section() { echo; echo "##### $1"; }
snap() {  # snap TITLE [DELAY]: print the visible screen
  sleep "${2:-0.7}"
  echo "===== $1 ====="
  tmux capture-pane -p -t "$SESSION"
}
keys() {
  local key
  for key in "$@"; do
    tmux send-keys -t "$SESSION" "$key"
    if [[ $key == Escape ]]; then sleep 0.2; else sleep 0.1; fi
  done
}

section "yesterday: ingest the seed and two wire articles, then mark the review done"
"${SITDASH[@]}" ingest "$ROOT/seeds" "$WORK/yesterday"
"${SITDASH[@]}" review done
"${SITDASH[@]}" review status

tmux new-session -d -s "$SESSION" -x 80 -y 24 \
  "env TERM=xterm-256color PYTHONPATH='$PYTHONPATH' python -m sitdash.cli --db '$STORE' --analyst ana"
tmux set-option -t "$SESSION" -s escape-time 10
tmux set-option -t "$SESSION" status off
snap "the dashboard this morning: nothing new" 3

section "two new articles dropped into the inbox while the dashboard runs"
cat > "$WORK/inbox/.kramatorsk.txt.part" <<'EOF'
KRAMATORSK, Ukraine, April 8 (Wire) — Two missiles struck the railway station in Kramatorsk on
Friday morning while hundreds of people waited for evacuation trains, the regional governor said.

"They knew the station was full of women and children," Donetsk governor Pavlo Kyrylenko told
reporters.

Russian units were seen moving from Izium toward Barvinkove, a Ukrainian military spokesman said.
EOF
mv "$WORK/inbox/.kramatorsk.txt.part" "$WORK/inbox/kramatorsk.txt"  # a finished download
cat > "$WORK/inbox/mykolaiv.md" <<'EOF'
---
title: Shelling resumes in Mykolaiv
outlet: Test Wire
published: 2022-04-08
---
MYKOLAIV, Ukraine — Russian forces shelled residential districts of Mykolaiv on Friday, mayor
Oleksandr Senkevych said, and two people were wounded.

Ukrainian forces advanced toward Kherson along the road from Mykolaiv, the southern command said.
EOF
dropped=$(date +%s.%N)
for _ in $(seq 1 40); do
  sleep 0.25
  if tmux capture-pane -p -t "$SESSION" | grep -q "arrived from the inbox"; then break; fi
done
echo "arrived after $(python -c "import time; print(f'{time.time() - $dropped:.1f}')") s"
snap "the notice, ● on the new rows, N new in the header" 0.2
ls -R "$WORK/inbox"
keys 3;        snap "3: Quotes, the new ones marked"
keys 1 w;      snap "w: only what is new"
section "sitdash brief --new (another shell)"
"${SITDASH[@]}" brief --new
keys w;        snap "w again: everything"
keys C-r;      snap "ctrl+r: asks first"
keys y;        snap "y: the review is done, nothing is new"
"${SITDASH[@]}" review status
"${SITDASH[@]}" brief --new
keys p;        snap "p: the paste box"
keys Escape D; snap "D: correct the row's document"
keys Escape d; snap "d: the date picker with the undated switch"
keys Escape q; sleep 0.5
