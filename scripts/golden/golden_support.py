"""Runs inside every generated program (copied to the work dir as _golden.py and imported by
sitecustomize). It turns a live exception into the expected JSON using CPython's own
traceback.TracebackException, so the corpus never depends on parsing the printed text."""
import json
import logging
import os
import sys
import traceback

# StackSummary.format prints at most this many identical consecutive frames (CPython's _RECURSIVE_CUTOFF).
RECURSIVE_CUTOFF = 3

# Up to 3.10 the interpreter's own printer (sys.__excepthook__, Python/pythonrun.c) names a type defined in the script
# "__main__.Type"; the traceback module, and the C printer from 3.11, leave "__main__." out. Up to 3.8 that printer
# also names a nested class by __name__, not __qualname__ ("pkg.Corrupt" for pkg.CheckpointError.Corrupt). Set by the
# excepthook, so an uncaught exception's expectation says what was printed.
_c_printer_names_main = False
_c_printer_short_name = False


def type_name(te):
    stype = te.exc_type.__name__ if _c_printer_short_name else te.exc_type.__qualname__
    smod = te.exc_type.__module__
    if smod == "__main__" and _c_printer_names_main:
        stype = "__main__." + stype
    elif smod not in ("__main__", "builtins"):
        if not isinstance(smod, str):
            smod = "<unknown>"
        stype = smod + "." + stype
    return stype


def message(te):
    """str(exc) (SyntaxError: msg) plus each note after a newline, trailing newlines removed. In the
    ambiguous_blank_line_* cases (ET_CUT_AT_BLANK_LINE) it is cut where the printed block has its first
    blank line, as the engine is specified to do."""
    text = printed_value(te)
    notes = getattr(te, "__notes__", None)
    if notes:
        for note in notes:
            text += "\n" + str(note)
    if os.environ.get("ET_CUT_AT_BLANK_LINE"):
        text = text.split("\n\n")[0]
    return text.rstrip("\n")


def frames(te):
    result = []
    last = None
    count = 0
    for fs in te.stack:
        key = (fs.filename, fs.lineno, fs.name)
        if key != last:
            last = key
            count = 0
        count += 1
        if count > RECURSIVE_CUTOFF:
            continue
        result.append({"file": fs.filename, "line": fs.lineno, "function": fs.name, "code": fs.line or None})
    if issubclass(te.exc_type, SyntaxError) and te.lineno is not None:
        text = te.text.strip() if te.text is not None else ""
        # TracebackException keeps a SyntaxError's lineno as a str.
        result.append({"file": te.filename or "<string>", "line": int(te.lineno), "function": "", "code": text or None})
    return result


def single(te):
    return {"exception_type": type_name(te), "exception_message": message(te), "frames": frames(te)}


def printed_chain(te):
    """Mirrors TracebackException.format: returns [(relation_to_next_or_None, te)] in print order,
    where the relation is that of the NEXT printed exception to this one."""
    output = []
    exc = te
    while exc is not None:
        if exc.__cause__ is not None:
            rel, nxt = "cause", exc.__cause__
        elif exc.__context__ is not None and not exc.__suppress_context__:
            rel, nxt = "context", exc.__context__
        else:
            rel, nxt = None, None
        output.append((rel, exc))
        exc = nxt
    output.reverse()
    # output[i] = (how output[i-1] leads to output[i], exc_i); shift so each link carries its own relation.
    return [(output[i + 1][0] if i + 1 < len(output) else None, exc) for i, (_, exc) in enumerate(output)]


def expected(te, max_group_width=15):
    printed = printed_chain(te)
    root = printed[-1][1]
    obj = single(root)
    chain = []
    for rel, exc in printed[:-1]:
        if getattr(exc, "exceptions", None) is not None:
            raise AssertionError("an exception group inside a chain link cannot be expressed by ChainLink")
        link = single(exc)
        link["relation"] = rel
        chain.append(link)
    obj["chain"] = chain
    subs = []
    if getattr(root, "exceptions", None) is not None:
        for sub in root.exceptions[:max_group_width]:
            subs.append(expected(sub))
    obj["sub_exceptions"] = subs
    obj["kind"] = "python"
    return obj


def walk(te):
    """Every exception CPython prints for te: its chain, then (recursively) printed sub-exceptions."""
    for _, exc in printed_chain(te):
        yield exc
        if getattr(exc, "exceptions", None) is not None:
            for sub in exc.exceptions[:15]:
                yield from walk(sub)


def printed_value(te):
    if issubclass(te.exc_type, SyntaxError):
        return te.msg or "<no detail available>"
    return te._str or ""


def has_inner_blank_line(te):
    """True when some exception's final lines (message and notes) hold a blank line before their end."""
    for exc in walk(te):
        block = "".join(exc.format_exception_only()).rstrip("\n")
        if "\n\n" in block:
            return True
    return False


def record(exc):
    """Writes the expected object and CPython's own rendering of exc to the side file named by ET_EXPECTED."""
    path = os.environ.get("ET_EXPECTED")
    if not path:
        return
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    data = {
        "traceback": expected(te),
        "formatted": "".join(te.format()),
        "values": [[type_name(e), printed_value(e)] for e in walk(te)],
        "inner_blank_line": has_inner_blank_line(te),
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)


def install_hook():
    def hook(exc_type, exc, tb):
        global _c_printer_names_main, _c_printer_short_name
        _c_printer_names_main = sys.version_info < (3, 11)
        _c_printer_short_name = sys.version_info < (3, 9)
        record(exc)
        sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook


class FixedClockFormatter(logging.Formatter):
    """A fixed fake clock: every record is one tick later than the one before, so logs are byte-stable."""

    def __init__(self, fmt, phase=True):
        super().__init__(fmt)
        self._tick = 0
        self._phase = phase

    def formatTime(self, record, datefmt=None):
        seconds = 20 + self._tick // 3
        self._tick += 1
        return "2025-12-10 03:58:%02d" % seconds

    def format(self, record):
        if not hasattr(record, "phase"):
            # The seed trainer only tags some records with a phase; the others print without the bracket.
            saved = self._style._fmt
            self._style._fmt = saved.replace("[%(phase)s] ", "")
            try:
                return super().format(record)
            finally:
                self._style._fmt = saved
        return super().format(record)


def make_logger(fmt, name="__main__"):
    logger = logging.getLogger(name)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(FixedClockFormatter(fmt))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


def rank():
    return int(os.environ.get("RANK", "0"))


def maybe_healthy():
    """A rank that does not fail (multi-rank cases): it logs, then leaves quietly."""
    if os.environ.get("ET_HEALTHY"):
        print(f"rank {rank()}: waiting for peers at barrier")
        sys.stdout.flush()
        # os._exit: the drivers catch BaseException, which would turn SystemExit into a failure.
        os._exit(0)


def progress(close, total=100, stop=37, desc="Epoch 1"):
    """tqdm-like: redraws one line with \\r; close=True ends it with a newline as tqdm.close() does."""
    for n in range(0, stop + 1, 4):
        pct = n * 100 // total
        filled = n * 10 // total
        bar = "\u2588" * filled + " " * (10 - filled)
        rate = 9.5 + n / 100
        sys.stderr.write(f"\r{desc}: {pct:3d}%|{bar}| {n}/{total} [00:{n // 10:02d}<00:{(total - n) // 10:02d}, {rate:.2f}it/s]")
        sys.stderr.flush()
    if close:
        sys.stderr.write("\n")
        sys.stderr.flush()
