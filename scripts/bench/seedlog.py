#!/usr/bin/env python3
"""Write a large, realistic training log for throughput tests, in the seed's own record format.

usage: seedlog.py SIZE_MB OUT
(Kept byte-identical in output to ../shared/bench/seedlog.py, which issue 16 names; scripts/bench/compare-wc.sh uses it.)
Mostly seed-format INFO step lines, tqdm bursts joined by carriage returns,
library warnings repeated with varying numbers, repeated errors, and at the end
a multi-rank CUDA OOM failure with chained tracebacks.
"""
import random, sys

def main():
    size = int(sys.argv[1]) * 1024 * 1024
    out = sys.argv[2]
    rng = random.Random(42)
    t = 1765339102
    buf, written, step = [], 0, 0
    phases = ["SFT", "SFT", "SFT", "Eval", "PreTokenize", "Model", "Main"]
    with open(out, "w") as f:
        while written < size - 20000:
            step += 1
            ts = f"2025-12-10 {(t // 3600) % 24:02d}:{(t // 60) % 60:02d}:{t % 60:02d}"
            if step % 7 == 0:
                t += 1
            r = rng.random()
            if r < 0.80:
                line = f"[{ts}] [__main__] [INFO] [{rng.choice(phases)}] step {step} loss={rng.uniform(0.5, 3):.4f} grad_norm={rng.uniform(0.1, 9):.3f} lr={rng.uniform(1e-6, 1e-4):.3e} tokens/s={rng.randint(1000, 90000)}\n"
            elif r < 0.88:
                pct = rng.randint(0, 100)
                line = "".join(f"{pct}%|{'#' * (pct // 10):<10}| {pct * 100 + k}/10000 [01:{k % 60:02d}<02:00, {rng.uniform(1, 9):.2f}it/s]\r" for k in range(5)) + "\n"
            elif r < 0.93:
                line = f"[{ts}] [transformers.tokenization_utils_base] [WARNING] [PreTokenize] Token indices sequence length is longer than the specified maximum sequence length for this model ({rng.randint(4097, 90000)} > 4096). Running this sequence through the model will result in indexing errors\n"
            elif r < 0.96:
                line = f"[{ts}] [__main__] [ERROR] [PreTokenize] Cannot use chat template for sample {rng.randint(0, 10**6)}: falling back to raw text\n"
            elif r < 0.98:
                line = f"/usr/lib/python3/site-packages/torch/utils/checkpoint.py:{rng.randint(60, 90)}: UserWarning: None of the inputs have requires_grad=True. Gradients will be None\n  warnings.warn(\n"
            else:
                line = f"[{ts}] [__main__] [DEBUG] [Model] rank {rng.randint(0, 7)} mem_allocated={rng.randint(10, 79)}.{rng.randint(0, 99):02d}GiB reserved={rng.randint(10, 79)}.{rng.randint(0, 99):02d}GiB\n"
            buf.append(line)
            written += len(line)
            if len(buf) >= 4096:
                f.write("".join(buf)); buf.clear()
        f.write("".join(buf))
        ts = "2025-12-10 03:58:22"
        f.write(f"[{ts}] [__main__] [ERROR] [Main] Training failed with error: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 3 has a total capacity of 79.15 GiB of which 1.19 GiB is free.\n")
        f.write(f"[{ts}] [__main__] [ERROR] Full traceback:\n")
        f.write("Traceback (most recent call last):\n")
        for i in range(30):
            f.write(f'  File "/home/trainer/project/lib/training/standalone_trainer.py", line {1000 + i * 37}, in fn_{i}\n    out = fn_{i + 1}(batch)\n')
        f.write("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 3 has a total capacity of 79.15 GiB of which 1.19 GiB is free. Including non-PyTorch memory, this process has 77.95 GiB memory in use.\n")
        f.write("ERROR: Training failed: CUDA out of memory.\n")

if __name__ == "__main__":
    main()
