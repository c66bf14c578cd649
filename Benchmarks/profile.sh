#!/usr/bin/env bash
# Profiles the full pipeline with valgrind's callgrind (instruction counts, repeatable) on the first LIMIT documents
# of the benchmark's text or HTML corpus, one core: one run over the whole measurement, then one run per stage
# (collection switched on only inside that stage's `run`, and inside the JSON encoding), and prints each run's
# total and its top functions by self cost.
#
# usage: Benchmarks/profile.sh [text|html] [LIMIT] [OUTDIR]      (defaults: text 12 /tmp/hearsay-profile)
# Needs valgrind (apt-get install -y valgrind). Valgrind 3.19 cannot read the DWARF that Swift 6.3 writes, so the
# profiled binary is a copy with its debug sections stripped (function symbols stay).
set -euo pipefail
cd "$(dirname "$0")"
corpus="${1:-text}"
limit="${2:-12}"
out="${3:-/tmp/hearsay-profile}"
top="${TOP:-12}"
swift build -c release --product hearsay-bench >/dev/null
mkdir -p "$out"
bin="$out/hearsay-bench"
cp .build/release/hearsay-bench "$bin"
objcopy --strip-debug "$bin"

# The HTML pages unpacked beforehand (the benchmark's gzip child process does not start under valgrind).
eval_dir="$(cd .. && pwd)/../shared/eval"
args=()
if [ "$corpus" = html ]; then
  mkdir -p "$out/eval/boilerplate/html"
  for f in "$eval_dir"/boilerplate/html/*.html.gz; do
    gzip -dc "$f" >"$out/eval/boilerplate/html/$(basename "$f" .gz)"
  done
  args=(--eval "$out/eval")
fi

stages=(
  'measurement=$s13hearsay_bench5ScaleV4time*_n'
  'normalize=$s7Hearsay14TextNormalizerV3runyyAA8DocumentVzKF'
  'segment=$s7Hearsay17SentenceSegmenterV3runyyAA8DocumentVzKF'
  'attribute=$s7Hearsay15QuoteAttributorV3runyyAA8DocumentVzKF'
  'claims=$s7Hearsay14ClaimExtractorV3runyyAA8DocumentVzKF'
  'emit=$s7Hearsay16KnowledgeEmitterV3runyyAA8DocumentVzKF'
  'json=$s7Hearsay17KnowledgeEncodingO4liney20FoundationEssentials4DataVAA8DocumentVKFZ'
)
for entry in "${stages[@]}"; do
  name="${entry%%=*}"
  symbol="${entry#*=}"
  file="$out/$corpus-$name.callgrind"
  valgrind --tool=callgrind --callgrind-out-file="$file" --toggle-collect="$symbol" \
    "$bin" --no-stages --corpus "$corpus" --measure full --cores 1 --mb 0 --limit "$limit" "${args[@]}" >"$file.out" 2>"$file.log"
  total=$(callgrind_annotate "$file" | awk '/PROGRAM TOTALS/ {print $1}')
  echo "== $corpus ($(grep -m1 "^$corpus:" "$file.out")), $name: $total instructions (measured pass and warm-up)"
  callgrind_annotate --threshold=100 "$file" >"$file.txt"
  awk '/file:function/ {on=1; next} on && NF && !/^-/' "$file.txt" | awk -v n="$top" 'NR <= n' |
    sed -E 's/ \[[^]]*\]$//' | swift demangle --simplified | cut -c1-200
done
