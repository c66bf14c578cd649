#!/usr/bin/env bash
# Builds the libFuzzer targets (package Fuzz/, with AddressSanitizer) and runs each on its seed corpus in
# Fixtures/fuzz/TARGET/ for FUZZ_SECONDS (default 60). Prints the executions per target. Exits non-zero on a
# finding (crash, broken invariant, hang over FUZZ_TIMEOUT seconds, more than FUZZ_RSS_MB of memory); the input
# is copied to Fixtures/fuzz/regressions/TARGET/, where the test suite replays it (FuzzCorpusTests).
#
#   scripts/fuzz.sh                       # every target, 60 s each
#   FUZZ_SECONDS=10 scripts/fuzz.sh stream claims
#   FUZZ_SEED=0 FUZZ_SECONDS=600 scripts/fuzz.sh      # a longer run with a random seed, to look for new findings
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
# A fixed seed: a run is the same sequence of inputs on any machine, a slower machine runs a prefix of it, so a
# longer run here vouches for the CI run (FUZZ_SEED=0 lets libFuzzer pick one).
seed=${FUZZ_SEED:-1}
timeout_s=${FUZZ_TIMEOUT:-20}
rss_mb=${FUZZ_RSS_MB:-2048}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalize-html normalize-text segment attribute claims stream)
scratch=${FUZZ_SCRATCH:-.build-fuzz}

# One -sanitize list: given `--sanitize=fuzzer --sanitize=address`, SwiftPM passes two -sanitize flags and swiftc
# keeps only the last, so the Swift code would get AddressSanitizer but no coverage counters (libFuzzer blind).
build=(swift build --package-path Fuzz --scratch-path "$scratch" -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
started=$(date +%s)
"${build[@]}" 2>&1 | grep -v "warning: Cannot export local symbol" | tail -n 5
bin="$("${build[@]}" --show-bin-path)/hearsay-fuzz"
echo "fuzz: built in $(( $(date +%s) - started )) s: $bin"

# A Swift runtime error is reported by libFuzzer's handler (the Swift backtracer trips AddressSanitizer).
export SWIFT_BACKTRACE=enable=no
# Leaks are findings, except Foundation's own (its regex objects hold ICU memory LeakSanitizer cannot trace).
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/Fuzz/sanitizer/lsan-suppressions.txt}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings=0
for t in "${targets[@]}"; do
  seeds="Fixtures/fuzz/$t"
  [ -d "$seeds" ] || { echo "fuzz: no seed corpus $seeds" >&2; exit 2; }
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  log="$work/$t/log"
  rc=0
  # The new corpus goes to a scratch directory; the seeds are only read.
  HEARSAY_FUZZ_TARGET="$t" "$bin" "$work/$t/corpus" "$seeds" \
    -max_total_time="$seconds" -seed="$seed" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" -max_len=8192 \
    -artifact_prefix="$work/$t/artifacts/" -print_final_stats=1 >"$log" 2>&1 </dev/null || rc=$?
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -n 1)
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1 || true)
  echo "fuzz $t: ${execs:-?} executions in ${seconds} s, ${cov:-cov: ?}, exit $rc"
  shopt -s nullglob
  found=("$work/$t/artifacts/"*)
  shopt -u nullglob
  if [ "$rc" -ne 0 ] || [ ${#found[@]} -gt 0 ]; then
    findings=$((findings + 1))
    echo "fuzz $t: FINDING" >&2
    grep -E "ERROR|Fatal error|==[0-9]+==|SUMMARY|deadly signal|timeout|out-of-memory" "$log" | head -n 20 >&2 || true
    mkdir -p "Fixtures/fuzz/regressions/$t"
    for f in "${found[@]}"; do
      cp "$f" "Fixtures/fuzz/regressions/$t/"
      echo "fuzz $t: input saved as Fixtures/fuzz/regressions/$t/$(basename "$f")" >&2
    done
    tail -n 40 "$log" >&2
  fi
done
echo "fuzz: $findings finding(s), $(( $(date +%s) - started )) s in all"
[ "$findings" -eq 0 ]
