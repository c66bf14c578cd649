#!/usr/bin/env python3
"""Calibration of attribution confidence (direct + mixed quotes): for each confidence band, how many matched quotes
have the right speaker, scored with the evaluation's own matching; the expected calibration error (ECE); then the
same per attribution rule, and with --fit the per-rule confidences to write into attribute-coreference.json.

usage (from the repository root, after `swift build --product hearsay`):
  python3 scripts/attribution-calibration.py [--bin .build/debug/hearsay] [--eval ../shared/eval]
         [--set polnear-train200-adj] [--fit]
Runs `hearsay stream` on the set's texts, converts with the eval's hearsay_pred.py, scores with score_quotes.py
--details, and joins each matched prediction back to its quote's `attribution`. Quotes whose gold speaker is only a
pronoun are left out, as the scorer leaves them out of attribution. The default set is the speaker pool
polnear-train200-adj (adjudicated speakers), on which the confidences are fitted; polnear-dev-adj is the check.

ECE: the matched quotes in ten bands of confidence of equal width; the sum over bands of |share right - mean
confidence| weighted by the band's share of quotes.
--fit: for each rule with at least MIN_FIT quotes, its share right shrunk towards the overall share with a weight
of PRIOR quotes ((right + PRIOR * overall) / (n + PRIOR)), rounded to .01; printed as JSON for the `confidence`
object of Sources/Hearsay/Resources/attribute-coreference.json.
"""
import argparse, collections, json, os, subprocess, sys, tempfile

MIN_FIT, PRIOR = 5, 4
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=".build/debug/hearsay")
ap.add_argument("--eval", default="../shared/eval")
ap.add_argument("--set", default="polnear-train200-adj")
ap.add_argument("--fit", action="store_true")
args = ap.parse_args()
gold_path = os.path.join(args.eval, "quotes", args.set + ".jsonl")
PRONOUNS = {"he", "she", "they", "it", "who", "which", "him", "her", "them", "i", "we", "you", "that"}

with tempfile.TemporaryDirectory() as tmp:
    inp, kn, pred, det = (os.path.join(tmp, n) for n in ("in.jsonl", "k.jsonl", "pred.jsonl", "details.jsonl"))
    with open(inp, "w", encoding="utf-8") as f:
        for line in open(gold_path, encoding="utf-8"):
            g = json.loads(line)
            f.write(json.dumps({"id": g["id"], "text": g["text"]}) + "\n")
    with open(inp, "rb") as i, open(kn, "wb") as o:
        subprocess.run([args.bin, "stream"], stdin=i, stdout=o, check=True)
    subprocess.run([sys.executable, os.path.join(args.eval, "hearsay_pred.py"), "quotes", gold_path, kn, pred],
                   check=True)
    subprocess.run([sys.executable, os.path.join(args.eval, "score_quotes.py"), gold_path, pred, "--kinds",
                    "direct,mixed", "--details", det, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    # Each document's quotes by text, with their attribution.
    attribution = {}
    for line in open(kn, encoding="utf-8"):
        d = json.loads(line)
        for q in d.get("quotes") or []:
            a = q.get("attribution") or {}
            attribution.setdefault((d["id"], q["text"]), (a.get("confidence", 0.0), a.get("rule", "none")))
    rows = []
    for line in open(det, encoding="utf-8"):
        d = json.loads(line)
        for r in d["rows"]:
            if not r.get("gold") or not r.get("pred"):
                continue
            if (r.get("gold_speaker") or "").strip().lower() in PRONOUNS:
                continue
            conf, rule = attribution.get((d["id"], r["pred"]), (0.0, "none"))
            rows.append((conf, rule, bool(r.get("speaker_ok"))))

bands = [(0.9, 1.01, "≥ .9"), (0.8, 0.9, ".8 – .9"), (0.7, 0.8, ".7 – .8"), (0.5, 0.7, ".5 – .7"), (0.0, 0.5, "< .5")]
by_band = collections.Counter(); right_band = collections.Counter()
by_rule = collections.Counter(); right_rule = collections.Counter(); conf_rule = collections.defaultdict(set)
ece_n = collections.Counter(); ece_conf = collections.Counter(); ece_right = collections.Counter()
for conf, rule, ok in rows:
    band = next(b[2] for b in bands if b[0] <= conf < b[1])
    by_band[band] += 1; right_band[band] += ok
    by_rule[rule] += 1; right_rule[rule] += ok; conf_rule[rule].add(conf)
    k = min(9, int(conf * 10))
    ece_n[k] += 1; ece_conf[k] += conf; ece_right[k] += ok
n = len(rows)
ece = sum(abs(ece_right[k] / ece_n[k] - ece_conf[k] / ece_n[k]) * ece_n[k] / n for k in ece_n) if n else 0.0
print(f"{args.set}: {n} matched quotes with a judged speaker, {sum(ok for _, _, ok in rows)} right; "
      f"ECE {ece:.4f}")
print()
print("| attribution confidence | quotes | right | share right | mean confidence |")
print("| --- | --- | --- | --- | --- |")
for lo, hi, b in bands:
    if by_band[b]:
        mean = sum(c for c, _, _ in rows if lo <= c < hi) / by_band[b]
        print(f"| {b} | {by_band[b]} | {right_band[b]} | {right_band[b] / by_band[b]:.2f} | {mean:.2f} |")
print()
print("By rule (right/quotes, confidences given): " + ", ".join(
    f"`{r.replace('speaker.', '')}` {right_rule[r]}/{c} ({'/'.join(f'{x:.2f}' for x in sorted(conf_rule[r]))})"
    for r, c in by_rule.most_common()))
if args.fit:
    overall = sum(ok for _, _, ok in rows) / n if n else 0.0
    fit = {r: round((right_rule[r] + PRIOR * overall) / (c + PRIOR), 2) for r, c in sorted(by_rule.items())
           if c >= MIN_FIT and r != "none"}
    print()
    print(json.dumps(fit, indent=2, sort_keys=True))
