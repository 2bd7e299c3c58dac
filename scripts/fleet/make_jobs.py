#!/usr/bin/env python3
"""Writes N failed jobs for the fleet benchmark: a log per job (a realistic training preamble and steps, then the
failure tail of one of the real-log corpus cases, cycled) and the rows, as CSV for PostgreSQL's COPY.

    make_jobs.py --jobs 10000 --logs DIR --csv FILE [--corpus tests/ErrorTrace.Core.Tests/Corpus/real] [--steps 400]

Each job gets an owner (one of 20), a host (one of 64; a few hosts get more than their share, like bad nodes) and an
updated_at spread over the last 14 days. Sizes and the mix of failures come from the corpus, so the signatures are the
corpus's (about 200 distinct ones).
"""
import argparse
import datetime as dt
import os
import random


def preamble(steps: int) -> str:
    lines = [
        "[2025-12-10 03:00:00] [__main__] [INFO] [Main] Starting training job on 8 GPU(s), model=meta-llama/Llama-2-7b-hf",
        "[2025-12-10 03:00:01] [__main__] [INFO] [Main] Config: lr=2e-05 epochs=3 per_device_train_batch_size=8 bf16=True",
        "[2025-12-10 03:00:42] [__main__] [INFO] [Model] Model loaded: 7.24B parameters, 40.0M trainable (LoRA r=16)",
    ]
    for step in range(1, steps + 1):
        lines.append(f"[2025-12-10 03:{step // 60 % 60:02d}:{step % 60:02d}] [__main__] [INFO] [SFT] Step {step}/4875 | loss {2.1 - step / 1000:.4f} | lr 2.00E-05 | grad_norm 0.93 | tokens/s 18432")
        if step % 25 == 0:
            lines.append(f"{100 * step // 4875:3d}%|████▌     | {step}/4875 [{step * 3 // 60:02d}:{step * 3 % 60:02d}<4:00:00,  3.20s/it]")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=10000)
    parser.add_argument("--logs", required=True)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--corpus", default="tests/ErrorTrace.Core.Tests/Corpus/real")
    parser.add_argument("--steps", type=int, default=400)
    args = parser.parse_args()

    rng = random.Random(15)
    tails = []
    for name in sorted(os.listdir(args.corpus)):
        if name.endswith(".log"):
            with open(os.path.join(args.corpus, name), encoding="utf-8", errors="replace") as f:
                tails.append(f.read())
    head = preamble(args.steps)
    hosts = [f"gpu-{i:03d}" for i in range(64)]
    now = dt.datetime.now(dt.timezone.utc)
    os.makedirs(args.logs, exist_ok=True)
    total = 0
    with open(args.csv, "w", encoding="utf-8") as rows:
        for i in range(args.jobs):
            job = f"bench-{i:05d}"
            text = head + tails[i % len(tails)]
            if not text.endswith("\n"):
                text += "\n"
            with open(os.path.join(args.logs, f"job_{job}.log"), "w", encoding="utf-8") as f:
                f.write(text)
            total += len(text.encode("utf-8"))
            # Three bad nodes collect many unrelated failures.
            host = rng.choice(hosts[:3]) if rng.random() < 0.1 else rng.choice(hosts)
            at = now - dt.timedelta(seconds=rng.randint(60, 14 * 86400))
            rows.write(f"{job},failed,Training process exited with code 1,user{i % 20:02d},{at.isoformat()},{at.isoformat()},{host}\n")
    print(f"{args.jobs} jobs, {total} bytes of logs")


if __name__ == "__main__":
    main()
