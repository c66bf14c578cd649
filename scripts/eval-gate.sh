#!/usr/bin/env bash
# Accuracy gate: score a build on every dev set of ../shared/eval (through its own run_dev.sh, the same way the hidden
# test splits are scored) and on the adjudicated speaker pools (scripts/quotes-pool-check.sh); fail when any figure
# falls below its floor in scripts/eval-floors.json.
# usage: scripts/eval-gate.sh [PATH/TO/hearsay]   (default: a debug build of the hearsay product; outputs are the same
#        as a release build's, only slower to make)
# Skips with exit 0 and a message when ../shared/eval is not beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
EV="../shared/eval"
if [ ! -f "$EV/run_dev.sh" ]; then echo "eval-gate: $EV/run_dev.sh not found, skipped"; exit 0; fi
BIN="${1:-}"
if [ -z "$BIN" ]; then
  swift build --product hearsay >/dev/null
  BIN="$(swift build --show-bin-path)/hearsay"
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
bash "$EV/run_dev.sh" "$BIN" "$OUT" | sed '$d'
# The speaker pools with adjudicated speakers (direct + mixed): polnear-train200-adj (tuning pool) and polnear-dev-adj.
scripts/quotes-pool-check.sh "$BIN" "$OUT"
python3 - "$OUT" scripts/eval-floors.json <<'PY'
import json, os, sys
out, floors = sys.argv[1], json.load(open(sys.argv[2]))["floors"]
failed = 0
for name, checks in sorted(floors.items()):
    path = os.path.join(out, name + ".score.json")
    try:
        score = json.load(open(path))
    except Exception as e:
        print(f"eval-gate: {name}: no score ({e})"); failed += 1; continue
    for key, floor in sorted(checks.items()):
        value = score
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if not isinstance(value, (int, float)):
            print(f"eval-gate: {name}: {key} missing from the score"); failed += 1
        elif value < floor:
            print(f"eval-gate: {name}: {key} {value:.4f} is below its floor {floor}"); failed += 1
if failed:
    print(f"eval-gate: FAILED ({failed} figure(s) below floor)"); sys.exit(1)
print(f"eval-gate: all {sum(len(c) for c in floors.values())} figures at or above their floors")
PY
