#!/usr/bin/env python3
"""Subject and change of Hearsay claims against NewsQuant's `concept` and `change` annotations (dev split).

A measure of our own, not one of the eval scorers: a gold quantity is paired with the first claim whose text contains
its surface (or is contained in it); the subject counts as agreeing when it shares a content word with the concept.

usage:
  python3 -c 'import json,sys; [print(json.dumps({"id": g["id"], "text": g["text"]})) for g in map(json.loads, open(sys.argv[1]))]' \
      ../shared/eval/numbers/newsquant-dev.jsonl | .build/release/hearsay stream > /tmp/nq.jsonl
  python3 scripts/claims-context-eval.py /tmp/nq.jsonl [../shared/eval/numbers/newsquant-dev.jsonl]
"""
import json, sys, re
gold_path = sys.argv[2] if len(sys.argv) > 2 else "../shared/eval/numbers/newsquant-dev.jsonl"
gold = {json.loads(l)["id"]: json.loads(l) for l in open(gold_path, encoding="utf-8")}
STOP = set("the a an of in on at for to and or its their his her this that".split())
def toks(s): return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in STOP}
n = ok = pred = 0; ch_tp = ch_pred = ch_gold = ch_ok = 0
for l in open(sys.argv[1]):
    d = json.loads(l); g = gold.get(d["id"])
    if not g: continue
    sc = [c for c in d["claims"]]
    text = d["text"]
    for q in g["quantities"]:
        # match by surface containment in the same text
        m = [c for c in sc if c["text"] and (c["text"] in q["surface"] or q["surface"] in c["text"])]
        if not m: continue
        c = m[0]
        if q.get("concept"):
            n += 1
            if c.get("subject"):
                pred += 1
                if toks(c["subject"]["text"]) & toks(q["concept"]): ok += 1
        gc = q.get("change"); pc = c.get("change")
        if gc: ch_gold += 1
        if pc: ch_pred += 1
        if gc and pc == gc: ch_tp += 1
print(f"subject: {pred}/{n} matched quantities with a concept get a subject; {ok} share a word with the concept "
      f"(precision {ok/max(pred,1):.2f}, recall {ok/max(n,1):.2f})")
print(f"change: gold {ch_gold}, predicted {ch_pred}, right {ch_tp} (P {ch_tp/max(ch_pred,1):.2f} R {ch_tp/max(ch_gold,1):.2f})")
