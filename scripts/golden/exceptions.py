"""Exception shapes: each is the body of a small program that defines main(), which fails in one way.
`__CASE__` is replaced by the case name (used where a case needs its own file)."""
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class ExcShape:
    name: str
    body: str
    description: str
    # The program itself does not compile: only the uncaught (raw-based) log shapes make sense.
    direct_syntax: bool = False
    # Run with `python3 -m <case>` so frames from <frozen runpy> (no source) lead the stack.
    as_module: bool = False
    # Messages with blank lines inside: the expected message ends at the first blank line.
    ambiguous: bool = False
    # The oldest CPython that can run the program (exception groups and add_note are 3.11+).
    min_python: tuple = (3, 8)


def _s(name, description, body, **kw):
    return ExcShape(name, body, description, **kw)


SHAPES = [
    _s("valueerror_depth1", "ValueError raised directly in main", '''
def main():
    lr = -0.1
    raise ValueError(f"learning rate must be positive, got {lr}")
'''),
    _s("runtimeerror_depth5", "RuntimeError five calls deep in one file", '''
def load_shard(index):
    raise RuntimeError(f"shard {index} has 0 rows after filtering")


def build_dataset(shards):
    return [load_shard(i) for i in shards][0]


def setup(config):
    return build_dataset(config["shards"])


def prepare():
    return setup({"shards": [3]})


def main():
    prepare()
'''),
    _s("torch_oom_across_modules", "fake_torch.OutOfMemoryError from a module call chain across files", '''
from trainlib.trainer import Trainer


def main():
    Trainer().train()
'''),
    _s("torch_oom_multiline", "module-qualified type with a three-line message", '''
import fake_torch


def allocate(gib):
    raise fake_torch.OutOfMemoryError(
        f"CUDA out of memory. Tried to allocate {gib:.2f} GiB.\\n"
        "GPU 0 has a total capacity of 79.15 GiB of which 312.00 MiB is free.\\n"
        "If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True")


def main():
    allocate(4.5)
'''),
    _s("torch_cuda_error", "error raised inside a fake package function (fake_torch.cuda.CudaError)", '''
import fake_torch.cuda


def main():
    fake_torch.cuda.synchronize(0)
'''),
    _s("nested_class_qualname", "nested exception class: module.Outer.Inner", '''
from trainlib.errors import CheckpointError


def load_checkpoint(path):
    raise CheckpointError.Corrupt(f"checkpoint shard 3 of {path} is truncated (read 1048576 of 4194304 bytes)")


def main():
    load_checkpoint("/ckpt/step-1200")
'''),
    _s("main_type", "exception class defined in __main__ (printed bare)", '''
class DataValidationError(Exception):
    pass


def main():
    raise DataValidationError("column 'labels' missing in 12 of 4096 rows")
'''),
    _s("main_nested_type", "nested class defined in __main__ (printed as Outer.Inner)", '''
class Pipeline:
    class StageFailed(RuntimeError):
        pass

    def run(self):
        raise Pipeline.StageFailed("stage tokenize exited with status 3")


def main():
    Pipeline().run()
'''),
    _s("empty_message_runtimeerror", "RuntimeError() with no message: bare type line", '''
def main():
    raise RuntimeError()
'''),
    _s("empty_message_str", "ValueError('') prints a bare type line too", '''
def check(value):
    if not value:
        raise ValueError("")


def main():
    check(0)
'''),
    _s("empty_message_qualified", "module-qualified type with no message", '''
import fake_torch


def main():
    raise fake_torch.OutOfMemoryError
'''),
    _s("assert_bare", "bare assert: AssertionError with no message", '''
def main():
    world_size = 3
    assert world_size % 2 == 0
'''),
    _s("multiline_message", "three-line message, no blank lines", '''
def main():
    raise RuntimeError("NCCL error in: ProcessGroupNCCL.cpp:1970, unhandled system error\\n"
                       "Last error:\\n"
                       "socketStartConnect: Connect to 10.0.0.7<43211> failed : Connection refused")
'''),
    _s("multiline_message_indented", "message with an indented table-like body", '''
def main():
    raise ValueError("Shape mismatch in layer decoder.3:\\n"
                     "    expected: (4096, 11008)\\n"
                     "    got:      (4096, 11264)\\n"
                     "  hint: check tensor_parallel_size")
'''),
    _s("childfailed_first_line_empty", "torchelastic ChildFailedError: message starts with a newline, then a table", '''
from fake_torch.distributed.elastic.multiprocessing.errors import run_agent


def main():
    run_agent("train.py", [(3, 1, 41207)])
'''),
    _s("childfailed_several_failures", "ChildFailedError listing several failed ranks", '''
from fake_torch.distributed.elastic.multiprocessing.errors import run_agent


def main():
    run_agent("sft.py", [(0, -9, 5120), (1, -9, 5121), (2, 1, 5122)])
'''),
    _s("message_trailing_newline", "message ending in a newline (a blank line follows it)", '''
def main():
    raise OSError("disk quota exceeded while writing /ckpt/step-900/optimizer.pt\\n")
'''),
    _s("message_trailing_newlines", "message ending in two newlines", '''
def main():
    raise RuntimeError("watchdog: no progress for 600 s\\n\\n")
'''),
    _s("note_one", "one add_note", '''
def main():
    try:
        int("12a")
    except ValueError as exc:
        exc.add_note("while parsing --max-steps")
        raise
'''),
    _s("notes_several", "three notes, one of them multi-line", '''
def step(batch):
    raise TypeError(f"expected Tensor, got {type(batch).__name__}")


def main():
    try:
        step([1, 2])
    except TypeError as exc:
        exc.add_note("batch index: 17")
        exc.add_note("collate_fn: default_collate\\nsampler: DistributedSampler")
        exc.add_note("rank: 0")
        raise
'''),
    _s("note_on_multiline_message", "multi-line message plus a note", '''
def main():
    err = KeyError("missing keys in state_dict:\\n  lm_head.weight\\n  model.norm.weight")
    err.add_note("strict=True; pass strict=False to ignore")
    raise err
'''),
    _s("cause_raised", "raise X from Y where Y was raised", '''
CONFIG = {"optimizer": "adamw"}


def get_lr():
    return CONFIG["lr"]


def main():
    try:
        get_lr()
    except KeyError as exc:
        raise ValueError("config is missing the learning rate") from exc
'''),
    _s("cause_not_raised", "raise X from Y where Y was never raised (no traceback for Y)", '''
def save(path):
    raise RuntimeError(f"could not save checkpoint to {path}") from OSError(28, "No space left on device")


def main():
    save("/ckpt/step-300")
'''),
    _s("context_implicit", "implicit context: an error while handling another", '''
import json


def read_config(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return fallback()


def fallback():
    defaults = None
    return defaults["lr"]


def main():
    read_config("{bad json")
'''),
    _s("from_none", "raise ... from None hides the context", '''
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"unknown model family {key!r}") from None


def main():
    lookup({"llama": 1}, "mistral")
'''),
    _s("chain3_context_cause", "three exceptions: context then cause", '''
class CheckpointLoadError(Exception):
    pass


def read_header(path):
    raise FileNotFoundError(2, "No such file or directory", path)


def load(path):
    try:
        read_header(path)
    except FileNotFoundError:
        size = int("unknown")
    return size


def resume(path):
    try:
        return load(path)
    except ValueError as exc:
        raise CheckpointLoadError(f"cannot resume from {path}") from exc


def main():
    resume("/ckpt/latest/model.safetensors")
'''),
    _s("chain3_cause_context", "three exceptions: cause then context", '''
import fake_torch


def allocate():
    raise fake_torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 1.50 GiB.")


def forward():
    try:
        allocate()
    except fake_torch.OutOfMemoryError as exc:
        raise RuntimeError("forward pass failed on rank 0") from exc


def main():
    try:
        forward()
    except RuntimeError:
        cleanup = None
        cleanup.close()
'''),
    _s("chain3_context_context", "three exceptions, each raised while handling the previous one", '''
def a():
    return {}["tokenizer"]


def b():
    try:
        a()
    except KeyError:
        return [][0]


def main():
    try:
        b()
    except IndexError:
        raise AttributeError("'NoneType' object has no attribute 'pad_token_id'")
'''),
    _s("chain3_cause_cause", "three exceptions, each the direct cause of the next", '''
from trainlib.errors import ConfigError


def parse(text):
    return int(text)


def field(text):
    try:
        return parse(text)
    except ValueError as exc:
        raise ConfigError("field 'warmup_steps' is not an integer") from exc


def main():
    try:
        field("10k")
    except ConfigError as exc:
        raise SystemError("configuration rejected") from exc
'''),
    _s("group_simple", "ExceptionGroup of sub-exceptions that were never raised", '''
def main():
    raise ExceptionGroup("validation failed", [ValueError("lr must be > 0"), TypeError("batch_size must be int")])
'''),
    _s("group_raised_subs", "ExceptionGroup whose sub-exceptions carry tracebacks", '''
def check_lr(lr):
    if lr <= 0:
        raise ValueError(f"lr must be > 0, got {lr}")


def check_steps(steps):
    if steps is None:
        raise TypeError("max_steps must be set")


def main():
    errors = []
    for check, arg in ((check_lr, -1), (check_steps, None)):
        try:
            check(arg)
        except Exception as exc:
            errors.append(exc)
    raise ExceptionGroup("2 config checks failed", errors)
'''),
    _s("group_nested", "nested ExceptionGroup", '''
def fail(kind, msg):
    raise kind(msg)


def collect(specs):
    errors = []
    for kind, msg in specs:
        try:
            fail(kind, msg)
        except Exception as exc:
            errors.append(exc)
    return errors


def main():
    inner = ExceptionGroup("shard loaders", collect([(OSError, "shard 1 unreadable"), (ValueError, "shard 2 empty")]))
    raise ExceptionGroup("data setup failed", [inner, KeyError("tokenizer")])
'''),
    _s("group_chained_sub", "a sub-exception that has its own cause chain", '''
def load(name):
    try:
        return {}[name]
    except KeyError as exc:
        raise RuntimeError(f"cannot load {name}") from exc


def main():
    errors = []
    for name in ("encoder", "decoder"):
        try:
            load(name)
        except RuntimeError as exc:
            errors.append(exc)
    raise ExceptionGroup("model load failed", errors)
'''),
    _s("group_more_than_15", "ExceptionGroup with 18 sub-exceptions: 15 printed, then 'and 3 more exceptions'", '''
def main():
    raise ExceptionGroup("18 workers failed", [ConnectionError(f"worker {i} lost connection") for i in range(18)])
'''),
    _s("group_with_cause", "an ExceptionGroup raised from a plain exception", '''
def main():
    try:
        raise TimeoutError("barrier timed out after 1800 s")
    except TimeoutError as exc:
        raise ExceptionGroup("collective failed", [RuntimeError("rank 1 missing"), RuntimeError("rank 2 missing")]) from exc
'''),
    _s("base_exception_group", "BaseExceptionGroup holding a KeyboardInterrupt", '''
def main():
    raise BaseExceptionGroup("shutdown", [KeyboardInterrupt(), ValueError("half-written checkpoint")])
'''),
    _s("group_sub_with_note", "a sub-exception with a note", '''
def main():
    err = ValueError("tokenizer vocab size 32000 != model vocab size 32001")
    err.add_note("from file tokenizer.json")
    raise ExceptionGroup("compatibility checks", [err, FileNotFoundError(2, "No such file or directory", "special_tokens_map.json")])
'''),
    _s("recursion_error", "unbounded recursion: [Previous line repeated N more times]", '''
def depth(node):
    return 1 + depth(node)


def main():
    depth({"children": []})
'''),
    _s("recursion_method", "recursion through a method", '''
class Node:
    def __init__(self):
        self.parent = self

    def root(self):
        return self.parent.root()


def main():
    Node().root()
'''),
    _s("syntax_import", "importing a module with a SyntaxError", '''
def main():
    import trainlib.plugins.broken_syntax  # noqa: F401
'''),
    _s("syntax_importlib", "importlib.import_module of a broken module (frames from <frozen importlib._bootstrap>)", '''
import importlib


def load_plugin(name):
    return importlib.import_module(f"trainlib.plugins.{name}")


def main():
    load_plugin("broken_call")
'''),
    _s("syntax_compile", "compile() of a bad config snippet with its own filename", '''
SNIPPET = "warmup = 100\\nschedule = cosine(\\n"


def main():
    compile(SNIPPET, "schedule_config.py", "exec")
'''),
    _s("indentation_error_import", "IndentationError from importing a module", '''
def main():
    import trainlib.plugins.broken_indent  # noqa: F401
'''),
    _s("syntax_direct_script", "the script itself does not compile: no Traceback header, only the pseudo-frame", '''
def main():
    for step in range(10)
        print(step)
''', direct_syntax=True),
    _s("exec_string_frames", "frames from code compiled from a string: File \"<string>\" without source", '''
SRC = "def step(batch):\\n    scale = batch['scale']\\n    return 1 / scale\\n"
NS = {}
exec(compile(SRC, "<string>", "exec"), NS)


def main():
    NS["step"]({"scale": 0})
'''),
    _s("deleted_source", "frames from a module whose source file was deleted (no source lines)", '''
import importlib
import os

PLUGIN = "hotpatch___CASE__"


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), PLUGIN + ".py")
    with open(path, "w") as f:
        f.write("def apply(weights):\\n    scale = weights['scale']\\n    return check(scale)\\n\\n\\ndef check(scale):\\n    raise ValueError(f'bad scale {scale}')\\n")
    module = importlib.import_module(PLUGIN)
    os.remove(path)
    module.apply({"scale": -1})
'''),
    _s("lambda_frame", "error inside a lambda", '''
def main():
    losses = [0.5, 0.0]
    ratios = list(map(lambda x: 1.0 / x, losses))
    print(ratios)
'''),
    _s("listcomp_frame", "KeyError inside a list comprehension", '''
def main():
    row = {"input_ids": [1], "attention_mask": [1]}
    columns = ["input_ids", "attention_mask", "labels"]
    return [row[c] for c in columns]
'''),
    _s("class_body_frame", "error while executing a class body", '''
def main():
    class Config:
        hidden = 4096
        heads = int("32 heads")
    return Config
'''),
    _s("method_attribute_error", "AttributeError in a method", '''
class Trainer:
    def __init__(self):
        self.loss = None

    def backward(self):
        self.loss.backward()


def main():
    Trainer().backward()
'''),
    _s("carets_binop", "ZeroDivisionError with ~~~^~~~ carets", '''
def average(total, count):
    return total / count if count >= 0 else 0.0


def main():
    print(average(12.5, 0))
'''),
    _s("carets_subscript", "TypeError on a subscript chain with carets", '''
def main():
    batch = {"input_ids": None}
    print(batch["input_ids"][0] + 1)
'''),
    _s("carets_call", "error in a nested call with ^^^^ carets", '''
def scale(x):
    return x * factor(x)


def factor(x):
    return {1: 2.0}[x]


def main():
    value = 3
    print(scale(value) + scale(1))
'''),
    _s("keyerror_quoted", "KeyError: the message is the repr of the key", '''
def main():
    batch = {"input_ids": [1, 2, 3]}
    return batch["labels"]
'''),
    _s("keyerror_double_quotes", "KeyError whose key repr uses double quotes", '''
def main():
    heads = {"lm_head": 1}
    return heads["model's head"]
'''),
    _s("keyerror_tuple", "KeyError with a tuple key", '''
def main():
    cache = {}
    return cache[("layer", 3)]
'''),
    _s("message_with_file_syntax", "a message that quotes File \"x\", line N in the middle of a line", '''
def main():
    raise RuntimeError('failed to parse config: File "train.yaml", line 3: mapping values are not allowed here')
'''),
    _s("remote_traceback_cause", "cause whose message is a whole worker traceback (first line empty, Traceback header inside)", '''
from trainlib.remote import run_in_worker


def main():
    run_in_worker({"id": 7, "tokens": 1024, "count": 0})
'''),
    _s("dataloader_worker_message", "DataLoader-style message quoting the worker's original traceback", '''
ORIGINAL = (
    "Traceback (most recent call last):\\n"
    '  File "/opt/venv/lib/python3.11/site-packages/torch/utils/data/_utils/worker.py", line 308, in _worker_loop\\n'
    "    data = fetcher.fetch(index)\\n"
    '  File "/workspace/data.py", line 41, in __getitem__\\n'
    '    return {"labels": row["labels"]}\\n'
    "KeyError: 'labels'\\n"
)


def reraise():
    raise RuntimeError(f"Caught KeyError in DataLoader worker process 0.\\nOriginal {ORIGINAL}")


def main():
    reraise()
'''),
    _s("file_not_found", "FileNotFoundError with errno and a path", '''
def main():
    with open("/nonexistent/ckpt/pytorch_model.bin", "rb") as f:
        f.read()
'''),
    _s("stdlib_json_frames", "json.decoder.JSONDecodeError raised inside the standard library", '''
import json


def main():
    json.loads('{"lr": 0.1, }')
'''),
    _s("unicode_message", "non-ASCII message", '''
def main():
    raise ValueError("données invalides: colonne «texte» vide — 数据为空")
'''),
    _s("keyboard_interrupt", "KeyboardInterrupt (a BaseException)", '''
def wait_for_batch():
    raise KeyboardInterrupt


def main():
    wait_for_batch()
'''),
    _s("long_message", "a single-line message of about 1.2 KB", '''
def main():
    names = ", ".join(f"model.layers.{i}.self_attn.q_proj.weight" for i in range(30))
    raise RuntimeError(f"Error(s) in loading state_dict for LlamaForCausalLM: Missing key(s) in state_dict: {names}.")
'''),
    _s("asyncio_frames", "error inside a coroutine run by asyncio (standard-library frames)", '''
import asyncio


async def fetch_shard(index):
    await asyncio.sleep(0)
    raise ConnectionResetError(f"connection to storage reset while reading shard {index}")


def main():
    asyncio.run(fetch_shard(5))
'''),
    _s("generator_frame", "error inside a generator consumed by a for loop", '''
def batches(rows):
    for row in rows:
        yield row["tokens"]


def main():
    for tokens in batches([{"tokens": 1}, {"text": "x"}]):
        print(tokens)
'''),
    _s("run_as_module", "run with python -m: <frozen runpy> frames without source lead the stack", '''
from trainlib.trainer import Trainer


def main():
    Trainer(rows=[{"input_ids": [1]}]).train()
''', as_module=True),
    _s("ambiguous_blank_line_message", "message with a blank line inside (ends the message for the engine)", '''
def main():
    raise ValueError("Invalid training config:\\n\\n  lr: -0.1 (must be > 0)\\n  warmup: 10")
''', ambiguous=True),
    _s("ambiguous_blank_line_trailing_newline_note", "message ending in a newline, then a note after the blank line", '''
def main():
    err = RuntimeError("NCCL timeout\\n")
    err.add_note("collective: ALLREDUCE, seq 1234")
    raise err
''', ambiguous=True),
    _s("ambiguous_blank_line_in_cause", "a blank line inside the message of a chained (cause) exception", '''
def main():
    try:
        raise OSError("mount failed:\\n\\nnfs: server 10.0.0.3 not responding")
    except OSError as exc:
        raise RuntimeError("cannot open dataset") from exc
''', ambiguous=True),
]


# Exception groups (PEP 654) and notes (PEP 678) arrived in Python 3.11; older interpreters cannot run these programs.
_NEEDS_PYTHON_311 = {
    "note_one", "notes_several", "note_on_multiline_message", "group_simple", "group_raised_subs", "group_nested",
    "group_chained_sub", "group_more_than_15", "group_with_cause", "base_exception_group", "group_sub_with_note",
    "ambiguous_blank_line_trailing_newline_note",
}
SHAPES = [replace(s, min_python=(3, 11)) if s.name in _NEEDS_PYTHON_311 else s for s in SHAPES]
