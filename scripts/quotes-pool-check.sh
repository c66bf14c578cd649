#!/usr/bin/env bash
# Quote figures on the speaker pools with adjudicated speakers: polnear-train200-adj (the tuning pool for speakers,
# the first 200 PolNeAR train articles) and polnear-dev-adj (a check). Direct and mixed quotes, the issue's headline.
# Writes OUTDIR/<set>.score.json (the scorer's last line), OUTDIR/<set>.details.jsonl (per-quote rows, for reading
# errors) and OUTDIR/<set>.knowledge.jsonl; prints one line of figures per set.
# usage: scripts/quotes-pool-check.sh [PATH/TO/hearsay] [OUTDIR]   (default: .build/debug/hearsay, a temporary dir)
set -euo pipefail
cd "$(dirname "$0")/.."
EV="../shared/eval"
if [ ! -f "$EV/quotes/polnear-train200-adj.jsonl" ]; then echo "quotes-pool-check: $EV/quotes not found, skipped"; exit 0; fi
BIN="${1:-.build/debug/hearsay}"
OUT="${2:-}"
if [ -z "$OUT" ]; then OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT; fi
mkdir -p "$OUT"
for SET in polnear-train200-adj polnear-dev-adj; do
  GOLD="$EV/quotes/$SET.jsonl"
  python3 - "$GOLD" > "$OUT/$SET.in.jsonl" <<'PY'
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    g = json.loads(l); print(json.dumps({"id": g["id"], "text": g["text"]}))
PY
  "$BIN" stream < "$OUT/$SET.in.jsonl" > "$OUT/$SET.knowledge.jsonl"
  python3 "$EV/hearsay_pred.py" quotes "$GOLD" "$OUT/$SET.knowledge.jsonl" "$OUT/$SET.pred.jsonl"
  python3 "$EV/score_quotes.py" "$GOLD" "$OUT/$SET.pred.jsonl" --kinds direct,mixed --quiet \
    --details "$OUT/$SET.details.jsonl" > "$OUT/$SET.score.json"
  python3 - "$OUT/$SET.score.json" "$SET" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
adj = s["speaker_acc_by_gold_resolution"].get("adjudicated", {})
print(f"{sys.argv[2]:24s} d+m attribution F1 {s['attribution']['f1']:.3f}  span F1 {s['span_partial']['f1']:.3f}  "
      f"speaker acc on matched {s['speaker_accuracy_on_matched']:.3f}  adjudicated {adj.get('acc', 0):.3f} "
      f"({adj.get('matched', 0)} matched)")
PY
done
