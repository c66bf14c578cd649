#!/usr/bin/env python3
"""Checks Spark's output against the input and against `hearsay stream` run directly on the same input.

usage: check_output.py INPUT.jsonl SPARK_OUTPUT_DIR DIRECT.jsonl

- one output line per non-blank input line;
- every line is a knowledge document (it has the keys docs/knowledge.schema.json requires of a document) or an
  error object ({"id", "line", "error"}, the error with the keys the schema requires of an error);
- the lines equal the direct run's, matched by id, whatever the order. Error objects are compared without
  "line" and the error's "message" and "line", which count lines within a Spark partition, not within the file.
Exits 1 with the first differences on failure.
"""
import json
import pathlib
import sys

SCHEMA = json.loads((pathlib.Path(__file__).resolve().parents[2] / "docs" / "knowledge.schema.json").read_text())
DOCUMENT_KEYS = set(SCHEMA["$defs"]["document"]["required"])
ERROR_KEYS = set(SCHEMA["$defs"]["error"]["required"])


def load(lines, where):
    out = {}
    for n, raw in enumerate(lines, 1):
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            sys.exit(f"check: {where}:{n}: not JSON: {e}")
        if "error" in obj:
            if set(obj) != {"id", "line", "error"} or not ERROR_KEYS <= set(obj["error"]):
                sys.exit(f"check: {where}:{n}: an error object must be {{id, line, error}}: {raw[:200]}")
            obj = dict(obj)
            obj.pop("line")
            obj["error"] = {k: v for k, v in obj["error"].items() if k not in ("message", "line")}
        elif not isinstance(obj, dict) or not DOCUMENT_KEYS <= set(obj):
            sys.exit(f"check: {where}:{n}: neither a knowledge document nor an error object: {raw[:200]}")
        if obj["id"] in out:
            sys.exit(f"check: {where}:{n}: id {obj['id']!r} twice")
        out[obj["id"]] = obj
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, spark_dir, direct = sys.argv[1:]
    inputs = [l for l in pathlib.Path(source).read_text(encoding="utf-8").splitlines() if l.strip()]
    parts = sorted(pathlib.Path(spark_dir).glob("part-*"))
    if not parts or not (pathlib.Path(spark_dir) / "_SUCCESS").exists():
        sys.exit(f"check: {spark_dir}: no part files or no _SUCCESS marker")
    spark_lines = [l for p in parts for l in p.read_text(encoding="utf-8").splitlines()]
    direct_lines = pathlib.Path(direct).read_text(encoding="utf-8").splitlines()
    if len(spark_lines) != len(inputs):
        sys.exit(f"check: {len(inputs)} input lines but {len(spark_lines)} output lines")
    got = load(spark_lines, spark_dir)
    want = load(direct_lines, direct)
    if set(got) != set(want):
        sys.exit(f"check: ids differ: only in spark {sorted(set(got) - set(want))[:5]}, "
                 f"only direct {sorted(set(want) - set(got))[:5]}")
    differ = [i for i in sorted(got) if got[i] != want[i]]
    if differ:
        sys.exit(f"check: {len(differ)} documents differ from the direct run, first {differ[:5]}")
    errors = sum(1 for o in got.values() if "error" in o)
    print(f"check: {len(spark_lines)} lines from {len(parts)} part files: {len(got) - errors} knowledge documents, "
          f"{errors} error objects, all equal to `hearsay stream` run directly")


if __name__ == "__main__":
    main()
