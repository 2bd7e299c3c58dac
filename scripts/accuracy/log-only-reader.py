#!/usr/bin/env python3
"""How much does the log alone tell? A reader who sees only a log (not its thread, not the fix) labels its category;
this script prepares the blind sample and scores the reader's labels against the thread labels and the engine.

  # 1. a blind sample: logs copied as case-NNN.log (slugs name the mechanism, so they are hidden), the key kept apart
  scripts/accuracy/log-only-reader.py prepare --out /tmp/reader --sample 240 --seed 20261205 [--batch s1 --batch s2]
  # 2. the reader writes case-NNN<TAB>category<TAB>high|medium|low<TAB>reason, reading only the logs and
  #    docs/accuracy/log-only-categories.md (no search, no engine run)
  # 3. score: joins the key and the labels into one TSV (slug, reader, confidence, reason, thread label) and compares
  #    the reader and the engine (an ErrorTrace.Accuracy record of the same cases) case by case
  scripts/accuracy/log-only-reader.py score --key /tmp/reader/key.tsv --labels /tmp/reader/labels.tsv \
      --engine docs/accuracy/s-heldout-start-rules-learned.md --out docs/accuracy/log-only-reader-s.tsv
  scripts/accuracy/log-only-reader.py score --joined docs/accuracy/log-only-reader-s.tsv --engine RECORD.md

The engine record lists the cases it got wrong (its "Cases not right in every field" table); every other case of the
record counts as right, so the record must be of exactly the scored cases.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import sys

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../tests/ErrorTrace.Core.Tests/Corpus/real")
CATEGORY_MISS = re.compile(r"^\| \[([^\]]+)\][^\n]*?category: expected (\w+), got ([^;|]+)", re.M)


def thread_label(slug, corpus):
    with open(os.path.join(corpus, slug + ".json"), encoding="utf-8") as f:
        return json.load(f)["expected"]["category"]


def prepare(a):
    slugs = sorted(f[:-5] for f in os.listdir(a.corpus) if f.endswith(".json"))
    if a.batch:
        slugs = [s for s in slugs if json.load(open(os.path.join(a.corpus, s + ".json")))["batch"] in a.batch]
    random.Random(a.seed).shuffle(slugs)
    slugs = slugs[: a.sample] if a.sample else slugs
    os.makedirs(os.path.join(a.out, "logs"), exist_ok=True)
    with open(os.path.join(a.out, "key.tsv"), "w", encoding="utf-8") as key:
        for i, slug in enumerate(slugs, 1):
            case = f"case-{i:03d}"
            shutil.copy(os.path.join(a.corpus, slug + ".log"), os.path.join(a.out, "logs", case + ".log"))
            key.write(f"{case}\t{slug}\n")
    print(f"{len(slugs)} logs in {a.out}/logs; key in {a.out}/key.tsv (keep it from the reader)")


def joined_rows(a):
    if a.joined:
        with open(a.joined, encoding="utf-8") as f:
            rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("slug\t")]
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
    key = dict(l.rstrip("\n").split("\t") for l in open(a.key, encoding="utf-8") if l.strip())
    rows = []
    for path in a.labels:
        for line in open(path, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) < 3 or f[0] not in key:
                continue
            slug = key[f[0]]
            rows.append((slug, f[1].strip(), f[2].strip(), f[3].strip() if len(f) > 3 else "",
                         thread_label(slug, a.corpus)))
    return rows


def score(a):
    rows = joined_rows(a)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write("slug\treader\tconfidence\treason\tthread label\n")
            for r in sorted(rows):
                f.write("\t".join(r) + "\n")
    engine = {}
    if a.engine:
        engine = {m.group(1): m.group(3).strip() for m in CATEGORY_MISS.finditer(open(a.engine, encoding="utf-8").read())}
    n = len(rows)
    reader_right = sum(r[1] == r[4] for r in rows)
    engine_right = sum(engine.get(r[0], r[4]) == r[4] for r in rows)
    print(f"{n} logs: the log-only reader agrees with the thread label on {reader_right} ({100 * reader_right / n:.1f} %)"
          + (f", the engine on {engine_right} ({100 * engine_right / n:.1f} %)" if a.engine else ""))
    by_conf = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        by_conf[r[2]][0] += 1
        by_conf[r[2]][1] += r[1] == r[4]
    print("reader by confidence: " + ", ".join(f"{c} {v[1]}/{v[0]}" for c, v in sorted(by_conf.items())))
    if a.engine:
        both = collections.Counter((r[1] == r[4], engine.get(r[0], r[4]) == r[4]) for r in rows)
        print(f"reader right, engine wrong: {both[(True, False)]}; engine right, reader wrong: {both[(False, True)]}; "
              f"both wrong: {both[(False, False)]}")
    print("\n| thread label | cases | reader | engine |\n|---|---:|---:|---:|")
    per = collections.defaultdict(lambda: [0, 0, 0])
    for r in rows:
        per[r[4]][0] += 1
        per[r[4]][1] += r[1] == r[4]
        per[r[4]][2] += engine.get(r[0], r[4]) == r[4]
    for cat, v in sorted(per.items()):
        print(f"| {cat} | {v[0]} | {v[1]} | {v[2] if a.engine else ''} |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    pp = sub.add_parser("prepare")
    pp.add_argument("--out", required=True)
    pp.add_argument("--sample", type=int, default=0, help="how many logs (0: all)")
    pp.add_argument("--seed", type=int, default=20261205)
    pp.add_argument("--batch", action="append", help="only these batches (repeatable)")
    pp.add_argument("--corpus", default=CORPUS)
    ps = sub.add_parser("score")
    ps.add_argument("--key")
    ps.add_argument("--labels", action="append", default=[])
    ps.add_argument("--joined", help="a TSV this script wrote with --out")
    ps.add_argument("--engine", help="an ErrorTrace.Accuracy record of the same cases")
    ps.add_argument("--out", help="write the joined TSV here")
    ps.add_argument("--corpus", default=CORPUS)
    a = p.parse_args()
    if a.cmd == "score" and not a.joined and not (a.key and a.labels):
        p.error("score needs --joined, or --key and --labels")
    (prepare if a.cmd == "prepare" else score)(a)


if __name__ == "__main__":
    sys.exit(main())
