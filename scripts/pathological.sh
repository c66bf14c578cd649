#!/usr/bin/env bash
# Times `hearsay extract` on the pathological shapes of docs/security.md at full size, with peak memory.
#
#   scripts/pathological.sh [HEARSAY_BINARY]     # default .build/release/hearsay
#
# Shapes: a 50 MB single line, 100,000 quote marks, 100,000 nested <div>, 1,000,000 numbers, a quote never closed
# (16 MB), mixed encodings (16 MB). normalize.max_bytes is raised to 64 MiB so the 50 MB line is read, not refused.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/hearsay}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys, os
w = sys.argv[1]
def put(name, data):
    with open(os.path.join(w, name), "wb") as f:
        f.write(data)
unit = b"Officials said the plan, which costs more, would go ahead; "
put("single-line.txt", unit * (50_000_000 // len(unit)))
put("quote-marks.txt", ('"x \u201cy \u2018z \u201d\' ' * 20_000).encode())  # 100,000 marks
put("nested-divs.html", b"<html><body>" + b'<div class="c">' * 100_000 + b"<p>Text at the bottom of the nesting, long enough.</p>" + b"</div>" * 100_000 + b"</body></html>")
put("numbers.txt", " ".join(f"{i}" if i % 4 else f"${i},000" for i in range(1_000_000)).encode())
put("unclosed-quote.txt", "\u201c".encode() + b"".join(b"The words go on and on without an end. " + (b"\n\n" if i % 7 == 6 else b"") for i in range(16_000_000 // 40)))
mixed = b"".join("Caf\u00e9 \u201cquoted\u201d ".encode() + b"Caf\xe9 \x93q\x94 " + (b"\xfe\xff\n" if i % 5 == 4 else b"") for i in range(16_000_000 // 30))
put("mixed-encodings.txt", mixed)
PY
printf '{"version": 1, "stages": ["normalize", "segment", "attribute", "claims", "emit"], "normalize": {"max_bytes": 67108864, "html": {"max_bytes": 67108864}}}\n' >"$work/pipeline.json"
printf '%-22s %10s %8s %9s %s\n' shape bytes seconds peak_MB exit
for f in single-line.txt quote-marks.txt nested-divs.html numbers.txt unclosed-quote.txt mixed-encodings.txt; do
  size=$(stat -c %s "$work/$f")
  rc=0
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" extract "$work/$f" --pipeline "$work/pipeline.json" -o "$work/out.json" --quiet --jobs 1 || rc=$?
  read -r secs kb <"$work/time"
  printf '%-22s %10d %8s %9d %s\n' "$f" "$size" "$secs" $((kb / 1024)) "$rc"
done
