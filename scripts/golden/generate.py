#!/usr/bin/env python3
"""Regenerates the golden traceback corpus: tests/ErrorTrace.Core.Tests/Corpus/golden/<case>.log and
<case>.expected.json. Each case is a small program run by python3; its expected traceback comes from
traceback.TracebackException inside that process (see golden_support.py), never from the printed text.

Usage: python3 scripts/golden/generate.py            (stdlib only; about a minute)
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from exceptions import SHAPES  # noqa: E402
from fixtures import FILES  # noqa: E402

# A fixed path, so the file names inside the committed logs are the same on every regeneration.
WORK = Path("/tmp/errortrace-golden")
REPO = HERE.parent.parent
OUT = Path(os.environ.get("GOLDEN_OUT", REPO / "tests" / "ErrorTrace.Core.Tests" / "Corpus" / "golden"))
PYTHON = os.environ.get("GOLDEN_PYTHON", "python3")
# Only these log shapes (comma-separated, e.g. "a_raw,c_logger_exception"); all when unset. The corpora of other
# CPython versions (Corpus/golden/python3.X/) keep the shapes whose text CPython itself prints: the envelopes around
# it do not change with the interpreter.
ONLY_SHAPES = {s for s in os.environ.get("GOLDEN_SHAPES", "").split(",") if s}

SHAPE_DOCS = {
    "a_raw": "uncaught exception, raw stderr (sys.excepthook), after a few plain prints",
    "b_seed": "the seed trainer: [ts] [__main__] [ERROR] [Main] Training failed with error: <str(e)>, "
              "'Full traceback:' record, traceback.format_exc() printed raw, then 'ERROR: Training failed: <first line>'",
    "c_logger_exception": "logger.exception('Training failed'): one log record holding the whole traceback",
    "d_logging_default": "logging.basicConfig default format: ERROR:root:Training failed + traceback",
    "e_rank_prefix": "every line prefixed [rankN]: (PyTorch, with a space) or [defaultN]: (torchrun --tee, no space)",
    "f_multi_rank": "2-4 ranks, each line prefixed, interleaved round-robin or randomly (fixed seed); "
                    "one traceback with count = failing ranks",
    "g_crlf": "CRLF line ends",
    "h_ansi": "Python 3.13-style ANSI colours on type, message, file/line/function and carets",
    "i_cri": "Kubernetes CRI envelope '<RFC3339Nano> stdout|stderr F|P <text>', long lines split into P pieces",
    "j_tqdm": "tqdm-like \\r progress output before the traceback (closed with a newline, or left open)",
}

SEED_FMT = "[%(asctime)s] [%(name)s] [%(levelname)s] [%(phase)s] %(message)s"

PREAMBLE = "import sys\n\nimport _golden\n"

DRIVERS = {
    "raw": '''

print(f"Loading model from /models/base on rank {_golden.rank()}")
print("Starting training")
_golden.maybe_healthy()
main()
''',
    "raw_tqdm_closed": '''

print("Starting training")
_golden.maybe_healthy()
_golden.progress(close=True)
main()
''',
    "raw_tqdm_open": '''

print("Starting training")
_golden.maybe_healthy()
_golden.progress(close=False)
main()
''',
    "seed": '''

import traceback

logger = _golden.make_logger("''' + SEED_FMT + '''")


def train():
    logger.info("Starting SFT run", extra={"phase": "Main"})
    for step in (10, 20, 30):
        loss = 1.234 - step / 100 + _golden.rank() / 1000
        logger.info(f"step {step}/100 loss={loss:.3f}", extra={"phase": "SFT"})
    _golden.maybe_healthy()
    main()


try:
    train()
except BaseException as e:
    _golden.record(e)
    logger.error(f"Training failed with error: {e}", extra={"phase": "Main"})
    logger.error("Full traceback:")
    print(traceback.format_exc())
    print(f"ERROR: Training failed: {str(e).split(chr(10))[0]}")
    sys.exit(1)
''',
    "logger_exception": '''

logger = _golden.make_logger("[%(asctime)s] [%(name)s] [%(levelname)s] %(message)s", name="trainer")


def train():
    logger.info("building model")
    logger.info(f"rank {_golden.rank()} ready")
    _golden.maybe_healthy()
    main()


try:
    train()
except BaseException as e:
    _golden.record(e)
    logger.exception("Training failed")
    sys.exit(1)
''',
    "logger_exception_phase": '''

logger = _golden.make_logger("''' + SEED_FMT + '''")


def train():
    logger.info("step 10/100 loss=1.234", extra={"phase": "SFT"})
    _golden.maybe_healthy()
    main()


try:
    train()
except BaseException as e:
    _golden.record(e)
    logger.exception("Training failed", extra={"phase": "SFT"})
    sys.exit(1)
''',
    "logging_default": '''

import logging

logging.basicConfig(level=logging.INFO)
logging.info("step 10/100 loss=1.234")
logging.warning("gradient norm is large: 1024.0")
_golden.maybe_healthy()
try:
    main()
except BaseException as e:
    _golden.record(e)
    logging.exception("Training failed")
    sys.exit(1)
''',
}


class GenerationError(Exception):
    pass


def env_for(side, rank, healthy, ambiguous):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(WORK),
        "LC_ALL": "C.UTF-8",
        "PYTHONPATH": str(WORK / "_site"),
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "PYTHONIOENCODING": "utf-8",
        "RANK": str(rank),
        "ET_EXPECTED": str(side),
    }
    if os.environ.get("GOLDEN_COLORS"):
        # Python 3.13+ colours tracebacks with ANSI escapes when asked (PYTHON_COLORS=1, FORCE_COLOR), as launchers
        # that pass a terminal's settings through do.
        env["PYTHON_COLORS"] = "1"
    if healthy:
        env["ET_HEALTHY"] = "1"
    if ambiguous:
        env["ET_CUT_AT_BLANK_LINE"] = "1"
    return env


def write_support():
    if WORK.exists():
        shutil.rmtree(WORK)
    (WORK / "_site").mkdir(parents=True)
    shutil.copy(HERE / "golden_support.py", WORK / "_site" / "_golden.py")
    (WORK / "_site" / "sitecustomize.py").write_text(
        "import os\n\nif os.environ.get('ET_EXPECTED'):\n    import _golden\n\n    _golden.install_hook()\n")
    for rel, text in FILES.items():
        path = WORK / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def run_program(case, exc, driver, rank=0, healthy=False):
    """Runs one program; returns (merged stdout+stderr text, side data or None)."""
    program = WORK / f"{case}.py"
    body = exc.body.replace("__CASE__", case)
    program.write_text(PREAMBLE + body + DRIVERS[driver])
    side = WORK / f"{case}.rank{rank}.side.json"
    if side.exists():
        side.unlink()
    cmd = [PYTHON, "-m", case] if exc.as_module else [PYTHON, str(program)]
    proc = subprocess.run(cmd, cwd=WORK, env=env_for(side, rank, healthy, exc.ambiguous), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=60, check=False)
    text = proc.stdout.decode("utf-8")
    if healthy:
        if proc.returncode != 0:
            raise GenerationError(f"{case}: healthy rank failed:\n{text}")
        return text, None
    if proc.returncode == 0 or not side.exists():
        raise GenerationError(f"{case}: expected a failure with a recorded exception, rc={proc.returncode}:\n{text}")
    data = json.loads(side.read_text())
    # Self-check: what the expected object was built from is exactly what the process printed.
    # (Up to 3.10 the interpreter prints "__main__.Type" where the traceback module prints "Type": golden_support's
    # expectation follows the printer, the comparison ignores that prefix.)
    printed = ANSI_SGR.sub("", text)
    if without_main(without_carets(data["formatted"].rstrip("\n"))) not in without_main(without_carets(printed)):
        raise GenerationError(f"{case}: TracebackException.format() is not in the output:\n{text}\n---\n{data['formatted']}")
    if data["inner_blank_line"] != exc.ambiguous:
        raise GenerationError(f"{case}: blank line inside an exception's message = {data['inner_blank_line']}, "
                              f"but the shape says ambiguous={exc.ambiguous}")
    return text, data


def without_carets(text):
    """The C printer (uncaught) and traceback.py may draw SyntaxError carets differently (^ vs ^^^^^^);
    carets are not part of the expectation, so the self-check ignores caret-only lines."""
    return "\n".join(line for line in text.split("\n") if not CARET_LINE.match(GROUP_PREFIX.match(line)[2]))


# ---- envelopes: what a launcher, a terminal or a container runtime does to the process's output ----

def lines_of(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def prefix_lines(text, prefix):
    return [prefix + line for line in lines_of(text)]


def rank_prefix(style, rank):
    return f"[rank{rank}]: " if style == "rank" else f"[default{rank}]:"


def interleave(per_rank, mode, seed):
    queues = [list(lines) for lines in per_rank]
    out = []
    if mode == "round_robin":
        while any(queues):
            for q in queues:
                if q:
                    out.append(q.pop(0))
    else:
        rng = random.Random(seed)
        while any(queues):
            q = rng.choice([q for q in queues if q])
            out.append(q.pop(0))
    return "\n".join(out) + "\n"


RESET, RED, BOLD_RED, MAGENTA, BOLD_MAGENTA = "\x1b[0m", "\x1b[31m", "\x1b[1;31m", "\x1b[35m", "\x1b[1;35m"
GROUP_PREFIX = re.compile(r"^( *\| )?(.*)$")
FRAME_LINE = re.compile(r'^  File "(?P<file>.+)", line (?P<line>\d+)(?:, in (?P<name>.+))?$')
CARET_LINE = re.compile(r"^ *[~^][~^ ]*$")


def colorize_pair(code, carets):
    """Python 3.13: the highlighted characters of the code line and the carets under them get the same colour."""
    code_out, caret_out = [], []
    width = max(len(code), len(carets))
    i = 0
    while i < width:
        mark = carets[i] if i < len(carets) else ""
        j = i
        while j < width and (carets[j] if j < len(carets) else "") == mark:
            j += 1
        chars, marks = code[i:j], carets[i:j]
        color = BOLD_RED if mark == "^" else RED if mark == "~" else None
        code_out.append(f"{color}{chars}{RESET}" if color else chars)
        caret_out.append(f"{color}{marks}{RESET}" if color else marks)
        i = j
    return "".join(code_out), "".join(caret_out)


def ansi(text, values):
    """Colours a 3.11 traceback the way Python 3.13 prints it to a terminal."""
    lines = lines_of(text)
    split = [GROUP_PREFIX.match(line).groups() for line in lines]
    pre = [p or "" for p, _ in split]
    rest = [r for _, r in split]
    pending = {(t, v) for t, v in values}
    i = 0
    while i < len(lines):
        m = FRAME_LINE.match(rest[i])
        if m:
            colored = f'  File {MAGENTA}"{m["file"]}"{RESET}, line {MAGENTA}{m["line"]}{RESET}'
            if m["name"] is not None:
                colored += f", in {MAGENTA}{m['name']}{RESET}"
            rest[i] = colored
        elif CARET_LINE.match(rest[i]) and i > 0 and rest[i - 1].startswith("    "):
            rest[i - 1], rest[i] = colorize_pair(rest[i - 1], rest[i])
        else:
            for stype, value in list(pending):
                value_lines = value.split("\n")
                if value == "" and rest[i] == stype:
                    rest[i] = f"{BOLD_MAGENTA}{stype}{RESET}"
                elif value and rest[i] == f"{stype}: {value_lines[0]}":
                    end = i + len(value_lines) - 1
                    if "\n".join(rest[i:end + 1]) != f"{stype}: {value}":
                        continue
                    rest[i] = f"{BOLD_MAGENTA}{stype}{RESET}: {MAGENTA}{value_lines[0]}"
                    rest[end] = rest[end] + RESET
                    i = end
                else:
                    continue
                break
        i += 1
    return "\n".join(p + r for p, r in zip(pre, rest)) + "\n"


def cri(text, all_stdout, split_at=100, piece=80):
    """One CRI record per line; lines longer than split_at are split into P pieces ending with an F piece
    (kubelet splits at 16 KiB; smaller here so the corpus stays small)."""
    out = []
    for n, line in enumerate(lines_of(text)):
        nanos = (123456789 + n * 104729) % 10**9
        stamp = f"2025-12-10T03:58:{22 + n // 50:02d}.{nanos:09d}".rstrip("0") + "Z"
        # The seed driver logs and prints everything to stdout; the raw one prints to stdout, then dies on stderr.
        stream = "stdout" if all_stdout or line.startswith(("Loading", "Starting")) else "stderr"
        pieces = [line[k:k + piece] for k in range(0, len(line), piece)] if len(line) > split_at else [line]
        for k, chunk in enumerate(pieces):
            tag = "F" if k == len(pieces) - 1 else "P"
            out.append(f"{stamp} {stream} {tag} {chunk}")
    return "\n".join(out) + "\n"


# ---- the case matrix ----

def base_cases(exc):
    """(shape, variant, driver) for the four log shapes every exception gets."""
    yield "a_raw", "raw", "raw"
    if exc.direct_syntax:
        return
    yield "b_seed", "seed", "seed"
    yield "c_logger_exception", "logger_exception", "logger_exception"
    yield "c_logger_exception", "logger_exception_phase", "logger_exception_phase"
    yield "d_logging_default", "logging_default", "logging_default"


def pick(index, k, modulo):
    return (index + k) % modulo == 0


def envelope_cases(index, exc):
    """Envelope shapes on a rotating subset of exceptions, so every shape sees a broad mix."""
    caught = not exc.direct_syntax
    drivers = ["raw", "seed", "logger_exception", "logging_default"] if caught else ["raw"]
    drv = drivers[index % len(drivers)]
    if pick(index, 0, 3):
        style = "rank" if (index // 3) % 2 == 0 else "default"
        yield "e_rank_prefix", f"prefix_{style}_{drv}", drv, {"ranks": [(index // 3) % 8], "style": style}
    if pick(index, 1, 3) or exc.name in ("torch_oom_across_modules", "childfailed_first_line_empty"):
        # index // 3 walks 0, 1, 2, ... over the exceptions picked here, so the parameters vary among them.
        k = index // 3
        n = 2 + k % 3
        ranks = list(range(n)) if k % 5 != 4 else [1, 3, 5, 7][:n]
        healthy = [ranks[-1]] if k % 4 == 1 and n > 2 else []
        mode = "round_robin" if k % 2 == 0 else "random"
        style = "rank" if (k // 2) % 2 == 0 else "default"
        yield "f_multi_rank", f"{n}ranks{len(healthy) and '_1healthy' or ''}_{mode}_{style}_{drv}", drv, {
            "ranks": ranks, "healthy": healthy, "mode": mode, "style": style}
    if pick(index, 2, 3):
        yield "g_crlf", f"crlf_{drv}", drv, {}
    if pick(index, 1, 3) or exc.name.startswith("carets") or "syntax" in exc.name:
        yield "h_ansi", "ansi_raw", "raw", {}
    if pick(index, 2, 3) or exc.name in ("long_message", "torch_oom_across_modules", "childfailed_first_line_empty"):
        cdrv = "seed" if caught and index % 2 == 1 else "raw"
        yield "i_cri", f"cri_{cdrv}", cdrv, {}
    if pick(index, 0, 4):
        yield "j_tqdm", "tqdm_closed", "raw_tqdm_closed", {}
    if pick(index, 2, 4):
        yield "j_tqdm", "tqdm_open", "raw_tqdm_open", {}


def build_case(exc, shape, variant, driver, opts):
    case = f"{exc.name}__{variant}"
    expected_root = None
    if shape in ("e_rank_prefix", "f_multi_rank"):
        per_rank = []
        failing = []
        for r in opts["ranks"]:
            healthy = r in opts.get("healthy", [])
            text, data = run_program(case, exc, driver, rank=r, healthy=healthy)
            if data is not None:
                if expected_root is not None and data["traceback"] != expected_root["traceback"]:
                    raise GenerationError(f"{case}: ranks disagree on the expected traceback")
                expected_root = data
                failing.append(r)
            per_rank.append(prefix_lines(text, rank_prefix(opts["style"], r)))
        if shape == "e_rank_prefix":
            log = "\n".join(per_rank[0]) + "\n"
        else:
            log = interleave(per_rank, opts["mode"], seed=len(case))
        expected_root["traceback"]["count"] = len(failing)
        expected_root["traceback"]["ranks"] = sorted(failing)
    else:
        text, expected_root = run_program(case, exc, driver)
        expected_root["traceback"]["count"] = 1
        if shape == "g_crlf":
            log = text.replace("\n", "\r\n")
        elif shape == "h_ansi":
            log = ansi(text, expected_root["values"])
        elif shape == "i_cri":
            log = cri(text, all_stdout=driver == "seed")
        else:
            log = text
    tb = expected_root["traceback"]
    description = exc.description + "; " + SHAPE_DOCS[shape]
    if opts:
        description += "; " + ", ".join(f"{k}={v}" for k, v in sorted(opts.items()))
    expected = {
        "case": case,
        "shape": shape,
        "exception_shape": exc.name,
        "description": description,
        "tracebacks_count": 1,
        "traceback": tb,
    }
    return case, log, expected


def python_version():
    out = subprocess.run([PYTHON, "-c", "import sys; print(*sys.version_info[:2])"], capture_output=True, text=True, check=True)
    return tuple(int(part) for part in out.stdout.split())


ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")


def without_main(text):
    """Exception lines reduced to the type's last name: which prefix a printer shows ("__main__.", a nested class's
    outer names) depends on the printer and the version; the expectation follows the printer (golden_support)."""
    return re.sub(r"(?m)^((?:\s*\| )*\s*)(?:[\w.]+\.)?(\w+)(:|$)", r"\1\2\3", text)


def all_cases():
    version = python_version()
    for index, exc in enumerate(SHAPES):
        if version < exc.min_python:
            continue
        for shape, variant, driver in base_cases(exc):
            yield exc, shape, variant, driver, {}
        for shape, variant, driver, opts in envelope_cases(index, exc):
            yield exc, shape, variant, driver, opts


def main():
    write_support()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in list(OUT.glob("*.log")) + list(OUT.glob("*.expected.json")):
        old.unlink()
    per_shape = Counter()
    names = set()
    for exc, shape, variant, driver, opts in all_cases():
        if ONLY_SHAPES and shape not in ONLY_SHAPES:
            continue
        case, log, expected = build_case(exc, shape, variant, driver, opts)
        if case in names:
            raise GenerationError(f"duplicate case name {case}")
        names.add(case)
        (OUT / f"{case}.log").write_bytes(log.encode("utf-8"))
        (OUT / f"{case}.expected.json").write_text(
            json.dumps(expected, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
        per_shape[shape] += 1
        if exc.ambiguous:
            per_shape["(ambiguous_blank_line_*)"] += 1
    for shape in sorted(per_shape):
        print(f"{shape:28} {per_shape[shape]:4}")
    print(f"{'total':28} {len(names):4}")


if __name__ == "__main__":
    main()
