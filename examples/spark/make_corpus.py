#!/usr/bin/env python3
"""Writes a small, deterministic JSON Lines corpus for `hearsay stream` from files in this repository.

usage: make_corpus.py OUT.jsonl [--copies N]

Each line is {"id", "text"} or {"id", "html"}, built from the seed articles, the plain-text normalize fixtures and
the HTML fixtures that are valid UTF-8, repeated N times (default 10) with the copy number in the id, plus one line
per copy that has neither "text" nor "html", so that the error path is exercised too. Same repository, same bytes.
"""
import argparse
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def sources():
    """(id, field, text) in a fixed order."""
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        found.append(("seeds/" + path.name, "text", path.read_bytes()))
    for path in sorted((ROOT / "Fixtures" / "normalize" / "text").glob("*.txt")):
        found.append(("fixtures/" + path.name, "text", path.read_bytes()))
    for path in sorted((ROOT / "Fixtures" / "normalize" / "html").glob("*.html")):
        found.append(("fixtures/" + path.name, "html", path.read_bytes()))
    out = []
    for ident, field, data in found:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # a JSON string holds Unicode text; pages in other encodings go through `hearsay extract`
        if text.strip():
            out.append((ident, field, text))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    items = sources()
    lines = []
    for k in range(args.copies):
        for ident, field, text in items:
            lines.append({"id": f"c{k}/{ident}", field: text})
        lines.append({"id": f"c{k}/no-article", "url": "https://example.invalid/"})
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for obj in lines:
            f.write(json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"make_corpus: {len(lines)} lines, {len(items)} articles x {args.copies} copies + 1 bad line per copy")


if __name__ == "__main__":
    main()
