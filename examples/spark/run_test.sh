#!/usr/bin/env bash
# Integration test of the Spark example: builds a small corpus, runs hearsay_spark.py in local[2] mode twice (the
# binary at a fixed path through rdd.pipe, then shipped to the executors with --ship), and checks both outputs
# against `hearsay stream` run directly. Installs pyspark into .venv-spark when it is missing.
#
# usage: examples/spark/run_test.sh            (HEARSAY_BIN=path to use a built binary instead of `swift build`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
started=$(date +%s)

# Java 17 for Spark 4.
if [ -z "${JAVA_HOME:-}" ]; then
  if [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  elif command -v java >/dev/null 2>&1; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
  else
    echo "spark-test: no java; install openjdk-17-jre-headless" >&2
    exit 2
  fi
fi
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON="$root/.venv-spark/bin/python"

if ! .venv-spark/bin/python -c 'import pyspark' >/dev/null 2>&1; then
  echo "spark-test: installing pyspark 4 into .venv-spark"
  python3 -m venv .venv-spark
  .venv-spark/bin/pip install --quiet 'pyspark>=4,<5'
fi
export PYSPARK_DRIVER_PYTHON="$PYSPARK_PYTHON"

if [ -z "${HEARSAY_BIN:-}" ]; then
  swift build --product hearsay >/dev/null
  HEARSAY_BIN="$(swift build --show-bin-path)/hearsay"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv-spark/bin/python "$here/make_corpus.py" "$work/corpus.jsonl"
status=0
"$HEARSAY_BIN" stream --pipeline pipeline.json <"$work/corpus.jsonl" >"$work/direct.jsonl" 2>"$work/direct.err" || status=$?
if [ "$status" -gt 1 ]; then
  cat "$work/direct.err" >&2
  echo "spark-test: hearsay stream failed with status $status" >&2
  exit 1
fi

submit() {
  .venv-spark/bin/spark-submit --master 'local[2]' --conf spark.ui.enabled=false \
    --driver-java-options '-Dlog4j2.level=warn' \
    "$here/hearsay_spark.py" "$work/corpus.jsonl" "$@" --hearsay "$HEARSAY_BIN" --pipeline pipeline.json \
    --partitions 4 2>"$work/spark.err" || { cat "$work/spark.err" >&2; exit 1; }
}
submit "$work/out-pipe"
.venv-spark/bin/python "$here/check_output.py" "$work/corpus.jsonl" "$work/out-pipe" "$work/direct.jsonl"
submit "$work/out-ship" --ship --resources Sources/Hearsay/Resources
.venv-spark/bin/python "$here/check_output.py" "$work/corpus.jsonl" "$work/out-ship" "$work/direct.jsonl"
echo "spark-test: passed in $(( $(date +%s) - started )) s"
