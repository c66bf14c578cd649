#!/usr/bin/env python3
"""Synthetic corpus for the corpus store (docs/store.md): writes N knowledge documents as JSON Lines, deterministically.

Usage: scripts/store-benchmark.py N OUT.jsonl [--seed S]

Each document has 3 to 6 speakers drawn from a pool of N/5 people (so a speaker recurs in ~15 documents) and 2 to 5
quotes of 12 to 40 words from a 6,000-word vocabulary; 5% of quotes are copies of an earlier document's quote with
one to three words changed (misquotes for the quote groups), and 1 quote in 500 contains the phrase "cold war".
No text is written (as with emit.include_text false), so the file is small. Same N and seed, same bytes.
Then: hearsay index OUT.jsonl --db bench.sqlite; time hearsay who NAME --db ...; time hearsay search "cold war" --db ...
"""
import json
import random
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rng = random.Random(seed)
    syll = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "zu", "ho", "ri", "an", "el", "or"]

    def word(k):
        return "".join(rng.choice(syll) for _ in range(k))

    vocab = sorted({word(rng.randint(1, 4)) for _ in range(8000)})[:6000]
    firsts = sorted({word(2).capitalize() for _ in range(600)})
    lasts = sorted({word(3).capitalize() for _ in range(max(50, n // 4))})
    people = [(rng.choice(firsts), rng.choice(lasts)) for _ in range(max(10, n // 5))]
    earlier = []  # (text) of quotes that may be copied
    with open(out, "w", encoding="utf-8") as f:
        for d in range(n):
            speakers = []
            chosen = rng.sample(range(len(people)), rng.randint(3, 6))
            for k, p in enumerate(chosen):
                first, last = people[p]
                full = f"{first} {last}"
                mentions = [{"text": full, "form": "name", "span": [0, 0], "source_span": [0, 0]}]
                if rng.random() < 0.5:
                    mentions.append({"text": last, "form": "name", "span": [0, 0], "source_span": [0, 0]})
                # Some documents name the person by surname only.
                name = last if rng.random() < 0.1 else full
                speakers.append({"id": f"s{k + 1}", "name": name, "type": "person", "descriptions": [],
                                 "mentions": mentions})
            quotes = []
            offset = 0
            for q in range(rng.randint(2, 5)):
                if earlier and rng.random() < 0.05:
                    words = rng.choice(earlier).split(" ")
                    for _ in range(rng.randint(1, 3)):
                        words[rng.randrange(len(words))] = rng.choice(vocab)
                else:
                    words = [rng.choice(vocab) for _ in range(rng.randint(12, 40))]
                    if rng.random() < 0.002:
                        at = rng.randrange(len(words))
                        words[at:at] = ["cold", "war"]
                text = " ".join(words)
                if rng.random() < 0.02:
                    earlier.append(text)
                length = len(text)
                quotes.append({"id": f"q{q + 1}", "kind": rng.choice(["direct", "mixed", "indirect"]), "text": text,
                               "fragments": [{"span": [offset, offset + length], "source_span": [offset, offset + length]}],
                               "speaker": rng.choice(speakers)["id"], "sentences": [],
                               "provenance": {"stage": "attribute", "rule": "quote.double", "confidence": 0.9},
                               "attribution": {"stage": "attribute", "rule": "speaker.cue-after", "confidence": 0.85}})
                offset += length + 2
            doc = {"id": f"doc{d:06d}.txt",
                   "source": {"path": f"doc{d:06d}.txt", "sha256": "%064x" % d, "bytes": offset,
                              "media_type": "text/plain", "encoding": "utf-8", "encoding_evidence": "utf-8-valid"},
                   "metadata": {"authors": [], "title": f"Synthetic article {d}"},
                   "removed": [], "sentences": [], "speakers": speakers, "quotes": quotes, "claims": [],
                   "diagnostics": []}
            f.write(json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
