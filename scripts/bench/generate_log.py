#!/usr/bin/env python3
"""Generate a realistic multi-GPU fine-tuning log of a chosen size, for benchmarking errortrace.

The log looks like what an 8-GPU torchrun + DeepSpeed + transformers SFT job writes to one file when
stdout and stderr are merged: a launch preamble (torchrun, NCCL init from every rank, DeepSpeed
engine lines, transformers trainer banner, a JSON config dump, coloured wandb lines), then the
training body (tqdm bars rewritten with '\\r' so many segments share one physical line, the seed
trainer's step lines from several loggers, '[rankN]: ' prefixed per-rank lines, warnings repeated
every few hundred steps, periodic eval phases and JSON metric dumps, NCCL INFO chatter), and at the
end a realistic failure: a CUDA OOM traceback printed by several ranks interleaved line by line,
NCCL watchdog timeouts on the other ranks, and torchelastic's ChildFailedError table.

Deterministic for a given --seed and --size. Stdlib only. Fast: the body is built as str pieces and
written in multi-MB encoded chunks; 1 GiB takes roughly 10-20 s on one core.

    python3 scripts/bench/generate_log.py --size 1G --out /tmp/et-1g.log
"""

from __future__ import annotations

import argparse
import random
import sys
import time

GPUS = 8
HOST = "node-1"
BASE_PID = 41230
CHUNK_CHARS = 4 * 1024 * 1024  # the writer flushes ~4 MB at a time: few large writes, bounded memory
EVAL_EVERY = 2000
WARN_EVERY = (200, 600)  # checkpoint UserWarning: every few hundred steps, from every rank
OVERFLOW_EVERY = (150, 450)  # fp16 loss-scale overflow warnings
JSON_EVERY = 5000

BLOCKS = " ▏▎▍▌▋▊▉"  # tqdm's partial blocks, 1/8 .. 7/8
ANSI = {"blue": "\x1b[34m", "bold": "\x1b[1m", "reset": "\x1b[0m", "yellow": "\x1b[33m", "green": "\x1b[32m"}


def parse_size(text: str) -> int:
    units = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    t = text.strip().upper().removesuffix("IB").removesuffix("B")
    unit = t[-1] if t and t[-1] in units else ""
    number = t[: len(t) - len(unit)] if unit else t
    return int(float(number) * units[unit])


def bar_table(width: int = 10) -> list[str]:
    """tqdm's bar for every permille, precomputed: formatting bars per update would dominate the run time."""
    table = []
    for permille in range(1001):
        eighths = permille * width * 8 // 1000
        full, part = divmod(eighths, 8)
        bar = "█" * full
        if full < width:
            bar += (BLOCKS[part] if part else " ") + " " * (width - full - 1)
        table.append(bar)
    return table


def hms(seconds: float) -> str:
    s = int(seconds)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class Clock:
    """Advancing wall clock; formats only when the second changes, since strftime per line is the costliest call."""

    def __init__(self, start: float) -> None:
        self.t = start
        self._sec = -1
        self._text = ""

    def advance(self, seconds: float) -> None:
        self.t += seconds

    def text(self) -> str:
        sec = int(self.t)
        if sec != self._sec:
            self._sec = sec
            self._text = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(sec))
        return self._text

    def millis(self) -> str:
        return f"{self.text()},{int(self.t * 1000) % 1000:03d}"

    def glog(self) -> str:
        """glog/c10 style as torch prints it: E1210 03:58:22.123456789 (month+day, no year)."""
        full = self.text()
        return f"{full[5:7]}{full[8:10]} {full[11:]}.{int(self.t * 1e9) % 1000000000:09d}"


class Writer:
    def __init__(self, out, limit: int) -> None:
        self.out = out
        self.limit = limit
        self.parts: list[str] = []
        self.flush_parts = 40000  # pieces average ~100 chars: ~4 MB per write
        self.bytes = 0
        self.newlines = 0

    def add(self, text: str) -> None:
        self.parts.append(text)

    def flush(self) -> None:
        if not self.parts:
            return
        data = "".join(self.parts).encode("utf-8")
        self.parts.clear()
        self.newlines += data.count(b"\n")
        self.out.write(data)
        self.bytes += len(data)


def preamble(w: Writer, clock: Clock, rng: random.Random, total_steps: int) -> None:
    ts = clock.text
    w.add(
        "W1210 03:41:07.512000 41200 torch/distributed/run.py:793] \n"
        "W1210 03:41:07.512000 41200 torch/distributed/run.py:793] *****************************************\n"
        "W1210 03:41:07.512000 41200 torch/distributed/run.py:793] Setting OMP_NUM_THREADS environment variable for each "
        "process to be 1 in default, to avoid your system being overloaded, please further tune the variable for optimal "
        "performance in your application as needed. \n"
        "W1210 03:41:07.512000 41200 torch/distributed/run.py:793] *****************************************\n"
    )
    for rank in range(GPUS):
        pid = BASE_PID + rank
        w.add(f"[{clock.millis()}] [INFO] [real_accelerator.py:219:get_accelerator] Setting ds_accelerator to cuda (auto detect)\n")
        w.add(f"[{clock.millis()}] [INFO] [comm.py:652:init_distributed] cdb=None\n")
        w.add(f"{HOST}:{pid}:{pid} [{rank}] NCCL INFO Bootstrap : Using eth0:10.0.0.11<0>\n")
        w.add(f"{HOST}:{pid}:{pid} [{rank}] NCCL INFO NET/Plugin: No plugin found (libnccl-net.so)\n")
        w.add(f"{HOST}:{pid}:{pid} [{rank}] NCCL INFO cudaDriverVersion 12040\n")
        w.add(f"{HOST}:{pid}:{pid} [{rank}] NCCL INFO NCCL version 2.21.5+cuda12.4\n")
        clock.advance(0.013)
    for rank in range(GPUS):
        pid = BASE_PID + rank
        for ch in range(2):
            ring = " ".join(str((rank + i) % GPUS) for i in range(GPUS))
            w.add(f"{HOST}:{pid}:{pid + 97} [{rank}] NCCL INFO Channel {ch:02d}/02 : {ring}\n")
        w.add(f"{HOST}:{pid}:{pid + 97} [{rank}] NCCL INFO Trees [0] {(rank + 1) % GPUS}/-1/-1->{rank}->{(rank - 1) % GPUS} "
              f"[1] {(rank + 1) % GPUS}/-1/-1->{rank}->{(rank - 1) % GPUS}\n")
        w.add(f"{HOST}:{pid}:{pid + 97} [{rank}] NCCL INFO Connected all rings\n")
        w.add(f"{HOST}:{pid}:{pid + 97} [{rank}] NCCL INFO comm 0x5581c3e0 rank {rank} nranks {GPUS} cudaDev {rank} "
              f"nvmlDev {rank} busId {rank + 1}0000 commId 0x8e1f2a7d64c1b3e5 - Init COMPLETE\n")
    w.add(f"{ANSI['blue']}{ANSI['bold']}wandb{ANSI['reset']}: Currently logged in as: {ANSI['yellow']}ml-team{ANSI['reset']}. "
          f"Use {ANSI['bold']}`wandb login --relogin`{ANSI['reset']} to force relogin\n")
    w.add(f"{ANSI['blue']}{ANSI['bold']}wandb{ANSI['reset']}: Tracking run with wandb version 0.18.7\n")
    w.add(f"{ANSI['blue']}{ANSI['bold']}wandb{ANSI['reset']}: ⭐️ View project at {ANSI['blue']}https://wandb.ai/ml-team/sft-llama{ANSI['reset']}\n")
    w.add(f"[{ts()}] [__main__] [INFO] [SETUP] Loading tokenizer from /mnt/models/Llama-3.1-8B-Instruct\n")
    w.add(f"[{ts()}] [__main__] [INFO] [DATA] Sample 0: <|user|> 请用中文解释梯度累积。 <|assistant|> 梯度累积是指…（长度 412 tokens）\n")
    w.add(f"[{ts()}] [__main__] [INFO] [DATA] Sample 1: <|user|> Résumé de l'article — « naïve » café ☕ <|assistant|> …\n")
    # datasets.map's bar: hundreds of '\r' updates on one physical line (~25 KB), as in real logs.
    bars = bar_table()
    total = 1204113
    for i in range(1, 301):
        done = total * i // 300
        permille = done * 1000 // total
        w.add(f"\rMap (num_proc=16): {permille // 10:3d}%|{bars[permille]}| {done}/{total} "
              f"[{hms(i * 0.28)}<{hms((300 - i) * 0.28)}, {14000 + rng.random() * 600:.2f} examples/s]")
    w.add("\n")
    for shard in range(1, 5):
        pct = shard * 25
        w.add(f"\rLoading checkpoint shards: {pct:3d}%|{'█' * (shard * 10 // 4):<10}| {shard}/4 "
              f"[00:{shard * 3:02d}<00:{(4 - shard) * 3:02d},  3.02s/it]")
    w.add("\n")
    w.add(f"[{clock.millis()}] [INFO] [logging.py:128:log_dist] [Rank 0] DeepSpeed info: version=0.15.4, git-hash=unknown, git-branch=unknown\n")
    w.add(f"[{clock.millis()}] [INFO] [engine.py:1245:_configure_optimizer] Using DeepSpeed Optimizer param name adamw as basic optimizer\n")
    w.add(f"[{clock.millis()}] [INFO] [stage_1_and_2.py:149:__init__] Reduce bucket size 500000000\n")
    w.add(f"[{clock.millis()}] [INFO] [config.py:1003:print] DeepSpeedEngine configuration:\n")
    for key, value in [("bf16_enabled", "False"), ("fp16_enabled", "True"), ("gradient_accumulation_steps", "4"),
                       ("train_batch_size", "256"), ("zero_optimization_stage", "2"), ("loss_scale", "0")]:
        w.add(f"[{clock.millis()}] [INFO] [config.py:1007:print]   {key:<30} {value}\n")
    w.add("{\n")
    for key, value in [("model_name_or_path", '"/mnt/models/Llama-3.1-8B-Instruct"'), ("learning_rate", "2e-05"),
                       ("per_device_train_batch_size", "8"), ("max_steps", str(total_steps)), ("warmup_ratio", "0.03"),
                       ("lr_scheduler_type", '"cosine"'), ("fp16", "true"), ("deepspeed", '"configs/ds_zero2.json"')]:
        w.add(f'    "{key}": {value},\n')
    w.add('    "report_to": ["wandb"]\n}\n')
    w.add(f"[INFO|trainer.py:2243] {clock.millis()} >> ***** Running training *****\n")
    w.add(f"[INFO|trainer.py:2244] {clock.millis()} >>   Num examples = 1,204,113\n")
    w.add(f"[INFO|trainer.py:2245] {clock.millis()} >>   Num Epochs = 3\n")
    w.add(f"[INFO|trainer.py:2250] {clock.millis()} >>   Total optimization steps = {total_steps:,}\n")
    w.add(f"[INFO|trainer.py:2251] {clock.millis()} >>   Number of trainable parameters = 8,030,261,248\n")


def tables(rng: random.Random, n: int = 4096) -> dict[str, list]:
    """Pre-formatted random values: formatting floats per line would make a 1 GiB log take minutes in CPython."""
    r = rng.random
    return {
        "dt": [0.28 + r() * 0.1 for _ in range(n)],
        "rate": [f"{1 / (0.28 + r() * 0.1):5.2f}it/s]" for _ in range(n)],
        "dloss": [int((r() - 0.5006) * 200) for _ in range(n)],  # loss walk in 1e-4 units, drifting down
        "gnorm": [f"{0.5 + r() * 0.8:.2f}" for _ in range(n)],
        "gnorm4": [f"{0.5 + r() * 0.8:.4f}" for _ in range(n)],
        "mem": [f"{38.1 + r():.2f}GB" for _ in range(n)],
        "tok": [str(5000 + int(r() * 700)) for _ in range(n)],
    }


def body(w: Writer, clock: Clock, rng: random.Random, total_steps: int, stop_at: int) -> int:
    tb = tables(rng)
    dts, rates, dlosses, gnorms, gnorms4, mems, toks = (tb[k] for k in ("dt", "rate", "dloss", "gnorm", "gnorm4", "mem", "tok"))
    mask = len(dts) - 1
    bars = bar_table()
    heads = [f"\r{min(p, 1000) // 10:3d}%|{bars[min(p, 1000)]}| " for p in range(2001)]  # no clamp needed past 100%
    seps = ["\n"] * 11
    seps[7] = ""  # every 11th record is glued to the bar's line
    loss_text = [f"{i / 10000:.4f}" for i in range(40001)]  # loss as an int in 1e-4 units, 0.05 .. 4.0
    loggers = ("[__main__] [INFO] [SFT]", "[lib.training.standalone_trainer] [INFO] [TRAIN]", "[transformers.trainer] [INFO] [SFT]")
    hms_cache: dict[int, str] = {}
    total_s = str(total_steps)
    step = 0  # even: the loop advances two steps at a time
    t = clock.t
    start_t = t
    loss_i = 28000
    clock_sec = -1
    ts = ""
    lr_s = lr_e = ""
    next_warn = rng.randint(*WARN_EVERY)
    next_overflow = rng.randint(*OVERFLOW_EVERY)
    scale = 65536.0
    seq = 1000
    parts = w.parts
    add = parts.append
    rnd = rng.random
    # The body is >99% of the bytes: per step one all-string f-string, table look-ups, no float formatting.
    while True:
        if len(parts) >= w.flush_parts:
            w.flush()
            if w.bytes >= stop_at:
                break
            # Near the end flush often so the stop lands within a few KB of --size.
            w.flush_parts = 200 if stop_at - w.bytes < 4 * CHUNK_CHARS else 40000
            if len(hms_cache) > 100000:
                hms_cache.clear()
        # Two steps per iteration (one tqdm pair, then the trainer's record): halves the interpreter overhead.
        step += 2
        k = step & mask
        t += dts[k] + dts[k - 1]
        elapsed = int(t - start_t)
        remaining = int((total_steps - step) * (t - start_t) / step)
        e = hms_cache.get(elapsed) or hms_cache.setdefault(elapsed, hms(elapsed))
        r = hms_cache.get(remaining) or hms_cache.setdefault(remaining, hms(remaining))
        clock.t = t
        if int(t) != clock_sec:
            clock_sec = int(t)
            ts = clock.text()
        loss_i += dlosses[(k * 7) & mask]
        if loss_i < 500 or loss_i > 39999:
            loss_i = 500 if loss_i < 500 else 39999
        loss = loss_text[loss_i]
        if step % 500 == 0 or not lr_s:
            lr = 2e-5 * (1 - step / total_steps)
            lr_s, lr_e = f"{lr:.1e}", f"{lr:.4e}"
        n = step >> 1
        head = heads[step * 1000 // total_steps]
        # tqdm rewrites its bar with '\r' and no newline: consecutive updates share one physical line. Mostly the
        # logging handler is tqdm-aware and ends the bar's line; sometimes (n % 11 == 7) the record is glued to it.
        add(f"{head}{step - 1}/{total_s} [{e}<{r}, {rates[k - 1]}{head}{step}/{total_s} [{e}<{r}, {rates[k]}"
            f"{seps[n % 11]}[{ts}] {loggers[n % 3]} Step {step}/{total_s} | loss={loss} | lr={lr_s} | "
            f"grad_norm={gnorms[k]} | tokens/s={toks[k]}\n")
        if n % 5:
            continue
        rank = 1 + n % 7
        add(f"{{'loss': {loss}, 'grad_norm': {gnorms4[k]}, 'learning_rate': {lr_e}, 'epoch': {3 * step / total_steps:.2f}}}\n"
            f"[rank{rank}]: [{ts}] [lib.training.standalone_trainer] [INFO] [TRAIN] mem_alloc={mems[k]}\n"
            f"[rank{8 - rank}]: [{ts}] [lib.training.standalone_trainer] [INFO] [TRAIN] mem_alloc={mems[(k + 1) & mask]}\n")
        if step % 50:
            continue
        seq += 50
        rank = (step // 50) % GPUS
        pid = BASE_PID + rank
        add(f"{HOST}:{pid}:{pid + 131} [{rank}] NCCL INFO AllReduce: opCount {seq:x} sendbuff 0x7f3a2c000000 "
            f"recvbuff 0x7f3a2c000000 count 9801523 datatype 7 op 0 root 0 comm 0x5581c3e0 [nranks={GPUS}] stream 0x55821a0\n")
        if step % 100 == 0:
            add(f"[{clock.millis()}] [INFO] [logging.py:128:log_dist] [Rank 0] step={step}, skipped={step // 300}, "
                f"lr=[{lr_e}], mom=[(0.9, 0.95)]\n"
                f"[{clock.millis()}] [INFO] [timer.py:264:stop] epoch=0/micro_step={step * 4}/global_step={step}, "
                f"RunningAvgSamplesPerSec={26 + rnd():.4f}, CurrSamplesPerSec={26 + rnd():.4f}, MemAllocated=38.12GB, MaxMemAllocated=41.9GB\n")
        if step >= next_warn:
            next_warn = step + rng.randint(*WARN_EVERY)
            for rank in range(GPUS):
                add(f"[rank{rank}]: /usr/lib/python3/dist-packages/torch/utils/checkpoint.py:61: UserWarning: None of the inputs "
                    f"have requires_grad=True. Gradients will be None\n[rank{rank}]:   warnings.warn(\n")
        if step >= next_overflow:
            next_overflow = step + rng.randint(*OVERFLOW_EVERY)
            scale = max(1.0, scale / 2) if rnd() < 0.7 else min(65536.0, scale * 2)
            add(f"[{ts}] [__main__] [WARNING] [SFT] Gradient overflow, skipping step, loss scale reduced to {scale}\n")
        if step % JSON_EVERY == 0:
            add(f'[{ts}] [__main__] [INFO] [METRICS] {{"step": {step}, "train_loss": {loss}, "tokens_seen": {step * 262144}, '
                f'"throughput": {{"tokens_per_s": {5300 + rnd() * 100:.1f}, "mfu": {0.41 + rnd() * 0.02:.4f}}}, '
                f'"gpu_mem_gb": [{", ".join(f"{38 + rnd():.2f}" for _ in range(GPUS))}], "note": "ok ✓"}}\n'
                f"{ANSI['green']}✔ checkpoint saved{ANSI['reset']} → /mnt/ckpt/sft-llama/checkpoint-{step} (16.1 GB, 41.3 s)\n")
        if step % EVAL_EVERY == 0:
            eval_phase(w, clock, rng, step, loss_i / 10000, bars)
            t = clock.t
    clock.t = t
    return step


def eval_phase(w: Writer, clock: Clock, rng: random.Random, step: int, loss: float, bars: list[str]) -> None:
    add = w.add
    add(f"\n[INFO|trainer.py:3831] {clock.millis()} >> \n***** Running Evaluation *****\n")
    add(f"[INFO|trainer.py:3833] {clock.millis()} >>   Num examples = 4000\n")
    add(f"[INFO|trainer.py:3836] {clock.millis()} >>   Batch size = 8\n")
    total = 63
    for i in range(1, total + 1):
        clock.advance(0.21)
        permille = i * 1000 // total
        add(f"\r{permille // 10:3d}%|{bars[permille]}| {i}/{total} [{hms(i * 0.21)}<{hms((total - i) * 0.21)},  4.76it/s]")
    eval_loss = loss * (1.02 + rng.random() * 0.05)
    add(f"\n{{'eval_loss': {eval_loss:.4f}, 'eval_runtime': 13.41, 'eval_samples_per_second': 298.2, "
        f"'eval_steps_per_second': 4.698, 'epoch': {step / 1e5:.2f}}}\n")
    add(f"[{clock.text()}] [__main__] [INFO] [EVAL] step={step} eval_loss={eval_loss:.4f} perplexity={2.718281828 ** eval_loss:.3f}\n")


OOM_FRAMES = [
    ('/workspace/train.py', 412, '<module>', 'main()'),
    ('/workspace/train.py', 398, 'main', 'trainer.train(resume_from_checkpoint=args.resume)'),
    ('/usr/local/lib/python3.11/site-packages/transformers/trainer.py', 2123, 'train', 'return inner_training_loop('),
    ('/usr/local/lib/python3.11/site-packages/transformers/trainer.py', 2481, '_inner_training_loop',
     'tr_loss_step = self.training_step(model, inputs, num_items_in_batch)'),
    ('/usr/local/lib/python3.11/site-packages/transformers/trainer.py', 3612, 'training_step',
     'self.accelerator.backward(loss, **kwargs)'),
    ('/usr/local/lib/python3.11/site-packages/accelerate/accelerator.py', 2233, 'backward', 'self.deepspeed_engine_wrapped.backward(loss, **kwargs)'),
    ('/usr/local/lib/python3.11/site-packages/deepspeed/runtime/engine.py', 2020, 'backward', 'self.optimizer.backward(loss, retain_graph=retain_graph)'),
    ('/usr/local/lib/python3.11/site-packages/torch/_tensor.py', 581, 'backward', 'torch.autograd.backward('),
    ('/usr/local/lib/python3.11/site-packages/torch/autograd/graph.py', 825, '_engine_run_backward',
     'return Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass'),
]


def oom_lines(rank: int, step: int) -> list[str]:
    p = f"[rank{rank}]: "
    lines = [p + "Traceback (most recent call last):"]
    for path, line, func, code in OOM_FRAMES:
        lines.append(f'{p}  File "{path}", line {line}, in {func}')
        lines.append(f"{p}    {code}")
    lines.append(f"{p}torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 3.91 GiB. GPU {rank} has a total capacity "
                 f"of 79.14 GiB of which 2.61 GiB is free. Including non-PyTorch memory, this process has 76.52 GiB memory in use. "
                 f"Of the allocated memory 71.08 GiB is allocated by PyTorch, and 4.37 GiB is reserved by PyTorch but unallocated. "
                 f"If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid "
                 f"fragmentation.  See documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)")
    return lines


def failure(w: Writer, clock: Clock, step: int, total_steps: int) -> None:
    add = w.add
    add("\n")  # the bar's last update, then the crash
    ts = clock.text()
    add(f"[{ts}] [__main__] [INFO] [SFT] Step {step + 1}/{total_steps} | loss=0.9132 | lr=1.1e-05 | grad_norm=4.37 | tokens/s=5120\n")
    # Ranks 2, 5 and 6 hit the OOM in the same step; their stderr lines interleave in the merged log.
    ranks = (2, 5, 6)
    tracebacks = [oom_lines(r, step) for r in ranks]
    for i in range(max(len(t) for t in tracebacks)):
        for t in tracebacks:
            if i < len(t):
                add(t[i] + "\n")
    clock.advance(600.0)
    seq = 90000 + step
    for rank in (0, 1, 3, 4, 7):
        g = clock.glog()
        add(f"[rank{rank}]:[E{g} ProcessGroupNCCL.cpp:616] [Rank {rank}] Watchdog caught collective operation timeout: "
            f"WorkNCCL(SeqNum={seq}, OpType=ALLREDUCE, NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for "
            f"{600000 + rank * 7 + 12} milliseconds before timing out.\n")
        add(f"[rank{rank}]:[E{g} ProcessGroupNCCL.cpp:1785] [PG ID 0 PG GUID 0(default_pg) Rank {rank}] Exception (either an "
            f"error or timeout) detected by watchdog at work: {seq}, last enqueued NCCL work: {seq + 2}, last completed NCCL work: {seq - 1}.\n")
        clock.advance(0.003)
    for rank in (0, 1, 3, 4, 7):
        add(f"[rank{rank}]:[E{clock.glog()} ProcessGroupNCCL.cpp:630] [Rank {rank}] Some NCCL operations have failed or timed out. "
            f"Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data.\n")
    stamp = time.strftime("%Y-%m-%d_%H:%M:%S", time.gmtime(int(clock.t)))
    g = clock.glog()[:-3]  # torchrun's own glog lines print microseconds
    add(f"W{g} 41200 torch/distributed/elastic/multiprocessing/api.py:897] "
        f"Sending process {BASE_PID} closing signal SIGTERM\n")
    add(f"E{g} 41200 torch/distributed/elastic/multiprocessing/api.py:869] "
        f"failed (exitcode: 1) local_rank: 2 (pid: {BASE_PID + 2}) of binary: /usr/bin/python3\n")
    add("Traceback (most recent call last):\n"
        '  File "/usr/local/bin/torchrun", line 8, in <module>\n'
        "    sys.exit(main())\n"
        '  File "/usr/local/lib/python3.11/site-packages/torch/distributed/elastic/multiprocessing/errors/__init__.py", line 355, in wrapper\n'
        "    return f(*args, **kwargs)\n"
        '  File "/usr/local/lib/python3.11/site-packages/torch/distributed/run.py", line 919, in main\n'
        "    run(args)\n"
        '  File "/usr/local/lib/python3.11/site-packages/torch/distributed/run.py", line 910, in run\n'
        "    elastic_launch(\n"
        '  File "/usr/local/lib/python3.11/site-packages/torch/distributed/launcher/api.py", line 138, in __call__\n'
        "    return launch_agent(self._config, self._entrypoint, list(args))\n"
        '  File "/usr/local/lib/python3.11/site-packages/torch/distributed/launcher/api.py", line 269, in launch_agent\n'
        "    raise ChildFailedError(\n"
        "torch.distributed.elastic.multiprocessing.errors.ChildFailedError: \n"
        "============================================================\n"
        "train.py FAILED\n"
        "------------------------------------------------------------\n"
        "Failures:\n")
    for i, rank in enumerate((5, 6), start=1):
        add(f"[{i}]:\n  time      : {stamp}\n  host      : {HOST}\n  rank      : {rank} (local_rank: {rank})\n"
            f"  exitcode  : 1 (pid: {BASE_PID + rank})\n  error_file: <N/A>\n"
            f"  traceback : To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html\n")
    add("------------------------------------------------------------\n"
        "Root Cause (first observed failure):\n"
        f"[0]:\n  time      : {stamp}\n  host      : {HOST}\n  rank      : 2 (local_rank: 2)\n"
        f"  exitcode  : 1 (pid: {BASE_PID + 2})\n  error_file: <N/A>\n"
        "  traceback : To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html\n"
        "============================================================\n")


TAIL_RESERVE = 16 * 1024  # the failure section is ~10 KB; stop the body early enough to land near --size
BYTES_PER_STEP = 182  # measured average, used to pick a plausible max_steps for the requested size


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="1G", help="target size, e.g. 64M, 1G, 4G (binary units)")
    ap.add_argument("--out", required=True, help="output path ('-' for stdout)")
    ap.add_argument("--seed", type=int, default=20251210)
    args = ap.parse_args(argv)
    size = parse_size(args.size)
    rng = random.Random(args.seed)
    # The job fails at ~85% of max_steps, like a run that OOMs late on a long-sequence batch.
    total_steps = max(1000, int(size / BYTES_PER_STEP / 0.85) // 1000 * 1000 + 1000)
    clock = Clock(1765338067.0)  # 2025-12-10 03:41:07 UTC
    started = time.perf_counter()
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    try:
        w = Writer(out, size)
        preamble(w, clock, rng, total_steps)
        step = body(w, clock, rng, total_steps, max(0, size - TAIL_RESERVE))
        failure(w, clock, step, total_steps)
        w.flush()
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    took = time.perf_counter() - started
    print(f"wrote {w.bytes:,} bytes, {w.newlines:,} lines (avg {w.bytes / max(1, w.newlines):.0f} B/line), "
          f"{step:,} steps in {took:.1f} s ({w.bytes / took / 1e6:.0f} MB/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
