#!/usr/bin/env python3
"""Draw claims at random from the claims stage over a news pool, for judging precision by hand (issue 21).

usage:
  python3 scripts/claims-precision-draw.py run BIN POOL OUT.knowledge.jsonl
      feed POOL ({"id","text","meta":{"date"}} lines, e.g. ../shared/eval/quotes/polnear-train.jsonl) through
      `BIN stream`, each article with its publication date (meta.date) as `published`
  python3 scripts/claims-precision-draw.py draw KNOWLEDGE --seed N [--n 200] [-o DRAW.jsonl]
      pick N claims by a fixed hash of (seed, document id, claim start): the same seed over the same output draws
      the same claims, a new seed a fresh sample; every kind is counted. Prints each claim in its sentence
      (claim in [[ ]]) and writes DRAW.jsonl with a `verdict` field to fill in: "ok", or one of the error classes
      "not-a-claim", "wrong-value", "wrong-unit", "wrong-span", and an optional `note`.
  python3 scripts/claims-precision-draw.py score DRAW.jsonl
      precision (ok / judged) and the count of each error class and note.

A counted noun that names only a modifier of the gold noun ("one [[scathing]] newspaper editorial") is judged
right, as the scorer's head-noun rule does (docs/evaluation.md, "Precision on news").
"""
import collections
import hashlib
import json
import subprocess
import sys


def run(bin_path, pool, out):
    lines = []
    for line in open(pool, encoding="utf-8"):
        g = json.loads(line)
        r = {"id": g["id"], "text": g["text"]}
        date = (g.get("meta") or {}).get("date")
        if date:
            r["published"] = date
        lines.append(json.dumps(r))
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([bin_path, "stream"], input="\n".join(lines) + "\n", text=True, stdout=f, check=True)


def claims_of(knowledge):
    for line in open(knowledge, encoding="utf-8"):
        d = json.loads(line)
        text = d.get("text", "")
        sentences = d.get("sentences") or []
        for c in d.get("claims") or []:
            s, e = c["span"]
            if c.get("sentence") is not None and c["sentence"] < len(sentences):
                a, b = sentences[c["sentence"]]["span"]
            else:
                a, b = max(0, s - 150), min(len(text), e + 150)
            yield d["id"], c, text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]


def draw(knowledge, seed, n, out):
    keyed = []
    for doc, c, context in claims_of(knowledge):
        key = hashlib.sha256(f"{seed}|{doc}|{c['span'][0]}".encode()).hexdigest()
        keyed.append((key, doc, c, context))
    keyed.sort(key=lambda k: k[0])
    picked = keyed[:n]
    print(f"{len(keyed)} claims in {knowledge}; drew {len(picked)} with seed {seed}", file=sys.stderr)
    rows = []
    for i, (_, doc, c, context) in enumerate(picked, 1):
        row = {
            "n": i, "doc": doc, "span": c["span"], "text": c["text"], "value": c.get("value"),
            "value_max": c.get("value_max"), "timex": c.get("timex"), "unit": c.get("unit"), "kind": c.get("kind"),
            "qualifier": c.get("qualifier"), "rule": c["provenance"]["rule"], "context": " ".join(context.split()),
            "verdict": "", "note": "",
        }
        rows.append(row)
        val = row["timex"] if row["value"] is None else row["value"]
        rng = f"..{row['value_max']}" if row["value_max"] is not None else ""
        print(f"#{i} {doc} {row['rule']}\n   {row['text']!r} = {val}{rng} {row['unit'] or ''} ({row['kind']}"
              f"{', ' + row['qualifier'] if row['qualifier'] else ''})\n   {row['context']}")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


def score(path):
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    judged = [r for r in rows if r.get("verdict")]
    ok = sum(r["verdict"] == "ok" for r in judged)
    classes = collections.Counter(r["verdict"] for r in judged if r["verdict"] != "ok")
    notes = collections.Counter(r.get("note") or "-" for r in judged if r["verdict"] != "ok")
    print(f"judged {len(judged)} of {len(rows)}; right {ok}; precision {ok / max(1, len(judged)):.3f}")
    for k, v in classes.most_common():
        print(f"  {k:12} {v}")
    for k, v in notes.most_common():
        print(f"    {v:3}  {k}")


def main(argv):
    if len(argv) >= 5 and argv[1] == "run":
        run(argv[2], argv[3], argv[4])
    elif len(argv) >= 3 and argv[1] == "draw":
        args = argv[3:]
        seed = args[args.index("--seed") + 1]
        n = int(args[args.index("--n") + 1]) if "--n" in args else 200
        out = args[args.index("-o") + 1] if "-o" in args else None
        draw(argv[2], seed, n, out)
    elif len(argv) == 3 and argv[1] == "score":
        score(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
