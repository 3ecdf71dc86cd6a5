#!/usr/bin/env python3
"""Write N JSON-lines articles built from the dev articles, for the import
benchmark. The texts are read in place from ../shared/eval/dev (never copied
into the repository); each output article gets its own URL and a numbered
headline, so that no two are duplicates and all are imported.

    python3 bench/import/gen.py N OUT.jsonl [DEV_DIR]
"""
import json
import os
import sys


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    dev = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "..", "..", "..", "shared", "eval", "dev")
    texts = []
    for name in sorted(os.listdir(dev)):
        if name.endswith(".txt"):
            with open(os.path.join(dev, name), encoding="utf-8") as f:
                text = f.read()
            head, _, body = text.partition("\n\n")
            texts.append((name[:-4], head.strip(), body.strip()))
    if not texts:
        sys.exit(f"no .txt articles in {dev}")
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            slug, head, body = texts[i % len(texts)]
            rec = {
                "title": f"{head} (report {i + 1})",
                "text": body,
                "url": f"https://bench.example/{slug}/{i + 1}",
                "date": f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "source": "geokg benchmark",
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
