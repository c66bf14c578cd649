#!/usr/bin/env python3
"""Calibration of attribution confidence on PolNeAR dev (direct + mixed): for each confidence band, how many matched
quotes have the right speaker, scored with the evaluation's own matching; then the same per attribution rule.

usage (from the repository root, after `swift build -c release`):
  python3 scripts/attribution-calibration.py [.build/release/hearsay] [../shared/eval]
Runs `hearsay stream` on the dev texts, converts with the eval's hearsay_pred.py, scores with score_quotes.py
--details, and joins each matched prediction back to its quote's `attribution`. Quotes whose gold speaker is only a
pronoun are left out, as the scorer leaves them out of attribution.
"""
import collections, json, os, subprocess, sys, tempfile

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/hearsay"
ev = sys.argv[2] if len(sys.argv) > 2 else "../shared/eval"
gold_path = os.path.join(ev, "quotes", "polnear-dev.jsonl")
PRONOUNS = {"he", "she", "they", "it", "who", "which", "him", "her", "them", "i", "we", "you", "that"}

with tempfile.TemporaryDirectory() as tmp:
    inp, kn, pred, det = (os.path.join(tmp, n) for n in ("in.jsonl", "k.jsonl", "pred.jsonl", "details.jsonl"))
    with open(inp, "w", encoding="utf-8") as f:
        for line in open(gold_path, encoding="utf-8"):
            g = json.loads(line)
            f.write(json.dumps({"id": g["id"], "text": g["text"]}) + "\n")
    with open(inp, "rb") as i, open(kn, "wb") as o:
        subprocess.run([binary, "stream"], stdin=i, stdout=o, check=True)
    subprocess.run([sys.executable, os.path.join(ev, "hearsay_pred.py"), "quotes", gold_path, kn, pred], check=True)
    subprocess.run([sys.executable, os.path.join(ev, "score_quotes.py"), gold_path, pred, "--kinds", "direct,mixed",
                    "--details", det, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    # Each document's quotes by text, with their attribution.
    attribution = {}
    for line in open(kn, encoding="utf-8"):
        d = json.loads(line)
        for q in d.get("quotes") or []:
            a = q.get("attribution") or {}
            attribution.setdefault((d["id"], q["text"]), (a.get("confidence", 0.0), a.get("rule", "none")))
    bands = [(0.9, 1.01, "≥ .9"), (0.8, 0.9, ".8 – .9"), (0.7, 0.8, ".7 – .8"), (0.5, 0.7, ".5 – .7"), (0.0, 0.5, "< .5")]
    by_band = collections.Counter(); right_band = collections.Counter()
    by_rule = collections.Counter(); right_rule = collections.Counter()
    for line in open(det, encoding="utf-8"):
        d = json.loads(line)
        for r in d["rows"]:
            if not r.get("gold") or not r.get("pred"):
                continue
            if (r.get("gold_speaker") or "").strip().lower() in PRONOUNS:
                continue
            conf, rule = attribution.get((d["id"], r["pred"]), (0.0, "none"))
            band = next(b[2] for b in bands if b[0] <= conf < b[1])
            ok = bool(r.get("speaker_ok"))
            by_band[band] += 1; right_band[band] += ok
            by_rule[rule] += 1; right_rule[rule] += ok
print("| attribution confidence | quotes | right | share right |")
print("| --- | --- | --- | --- |")
for _, _, b in bands:
    if by_band[b]:
        print(f"| {b} | {by_band[b]} | {right_band[b]} | {right_band[b] / by_band[b]:.2f} |")
print()
print("By rule: " + ", ".join(f"`{r.replace('speaker.', '')}` {right_rule[r]}/{n}" for r, n in by_rule.most_common()))
