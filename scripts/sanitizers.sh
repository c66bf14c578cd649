#!/usr/bin/env bash
# The test suite under AddressSanitizer and under ThreadSanitizer (the parallel batch runs on several threads),
# each in its own build directory. Exits non-zero when a sanitizer reports anything or a test fails.
#
#   scripts/sanitizers.sh            # both
#   scripts/sanitizers.sh thread     # one
set -euo pipefail
cd "$(dirname "$0")/.."

kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
# Any report fails the run; leaks are checked at exit; TSan's second stack for each race.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:halt_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
status=0
for kind in "${kinds[@]}"; do
  case "$kind" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "sanitizers: unknown sanitizer '$kind' (address, thread)" >&2; exit 2 ;;
  esac
  started=$(date +%s)
  mkdir -p "$scratch"
  log="$scratch/sanitizer-test.log"
  rc=0
  # Tests that cannot run under a sanitizer's runtime (a tiny file-size limit breaks its shadow files) read this.
  HEARSAY_SANITIZER="$kind" swift test --sanitize="$kind" --scratch-path "$scratch" >"$log" 2>&1 || rc=$?
  grep -E "(Test run with|Executed [0-9]+ tests|error:|failed)" "$log" | grep -v "warning: Cannot export" | tail -n 15 || true
  if grep -qE "ERROR: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer" "$log"; then
    echo "sanitizers: $kind reported a problem (see $log)" >&2
    grep -E -A 30 "(ERROR|WARNING): (Address|Thread)Sanitizer" "$log" | head -n 60 >&2
    rc=1
  fi
  [ "$rc" -eq 0 ] || tail -n 40 "$log" >&2
  echo "sanitizers: $kind: exit $rc, $(( $(date +%s) - started )) s"
  [ "$rc" -eq 0 ] || status=1
done
exit $status
