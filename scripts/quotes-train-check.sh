#!/usr/bin/env bash
# Quote figures on PolNeAR's train split (840 articles, never scored by the project's targets): a check that rules
# tuned on the 61 dev articles generalise, since the hidden test split is drawn like dev. Prints the direct+mixed
# then the all-kinds figures. Note that some cue words were counted on train, so it is not a perfectly clean check.
# usage: scripts/quotes-train-check.sh [.build/release/hearsay]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/release/hearsay}"
EV="../shared/eval"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
python3 - "$EV/quotes/polnear-train.jsonl" > "$OUT/in.jsonl" <<'PY'
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    g = json.loads(l); print(json.dumps({"id": g["id"], "text": g["text"]}))
PY
"$BIN" stream < "$OUT/in.jsonl" > "$OUT/k.jsonl"
python3 "$EV/hearsay_pred.py" quotes "$EV/quotes/polnear-train.jsonl" "$OUT/k.jsonl" "$OUT/pred.jsonl"
echo "direct+mixed:"
python3 "$EV/score_quotes.py" "$EV/quotes/polnear-train.jsonl" "$OUT/pred.jsonl" --kinds direct,mixed | grep -E "span  Dice|quote\+speaker"
echo "all kinds:"
python3 "$EV/score_quotes.py" "$EV/quotes/polnear-train.jsonl" "$OUT/pred.jsonl" | grep -E "span  Dice|quote\+speaker"
