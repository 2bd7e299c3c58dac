"""Support modules written next to the generated programs: fake `torch`-like packages and a small
training library, so tracebacks cross several files and show module-qualified exception types."""

FILES = {
    "fake_torch/__init__.py": '''\
"""A stand-in for torch: only the exception types and call shapes the corpus needs."""


class OutOfMemoryError(RuntimeError):
    pass
''',
    "fake_torch/cuda/__init__.py": '''\
class CudaError(RuntimeError):
    pass


def synchronize(device):
    raise CudaError("CUDA error: an illegal memory access was encountered")
''',
    "fake_torch/nn/__init__.py": '''\
from fake_torch.nn.modules.module import Module
''',
    "fake_torch/nn/modules/__init__.py": "",
    "fake_torch/nn/modules/module.py": '''\
class Module:
    def __call__(self, *args, **kwargs):
        return self._call_impl(*args, **kwargs)

    def _call_impl(self, *args, **kwargs):
        forward_call = self.forward
        return forward_call(*args, **kwargs)
''',
    "fake_torch/distributed/__init__.py": "",
    "fake_torch/distributed/elastic/__init__.py": "",
    "fake_torch/distributed/elastic/multiprocessing/__init__.py": "",
    "fake_torch/distributed/elastic/multiprocessing/errors/__init__.py": '''\
class ChildFailedError(Exception):
    """Like torchelastic's: the message starts with a newline, then a table."""

    def __init__(self, name, failures):
        self.name = name
        self.failures = failures
        super().__init__(self.format_msg())

    def format_msg(self):
        boarder = "=" * 60
        section = "-" * 60
        lines = ["", boarder, f"{self.name} FAILED", section, "Failures:"]
        others = self.failures[1:]
        if not others:
            lines.append("  <NO_OTHER_FAILURES>")
        for index, (rank, code, pid) in enumerate(others, start=1):
            lines += [f"[{index}]:", "  time      : 2025-12-10_03:58:22", "  host      : gpu-node-7",
                      f"  rank      : {rank} (local_rank: {rank})", f"  exitcode  : {code} (pid: {pid})",
                      "  error_file: <N/A>",
                      "  traceback : To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html"]
        rank, code, pid = self.failures[0]
        lines += [section, "Root Cause (first observed failure):", "[0]:", "  time      : 2025-12-10_03:58:22",
                  "  host      : gpu-node-7", f"  rank      : {rank} (local_rank: {rank})",
                  f"  exitcode  : {code} (pid: {pid})", "  error_file: <N/A>",
                  "  traceback : To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html",
                  boarder]
        return "\\n".join(lines)


def run_agent(name, failures):
    raise ChildFailedError(name, failures)
''',
    "trainlib/__init__.py": "",
    "trainlib/errors.py": '''\
class CheckpointError(Exception):
    class Corrupt(Exception):
        """Nested, so CPython prints trainlib.errors.CheckpointError.Corrupt."""


class ConfigError(ValueError):
    pass
''',
    "trainlib/model.py": '''\
import fake_torch
from fake_torch.nn import Module


class Block(Module):
    def __init__(self, allocate_gib):
        self.allocate_gib = allocate_gib

    def forward(self, batch):
        return self.attention(batch)

    def attention(self, batch):
        if self.allocate_gib:
            raise fake_torch.OutOfMemoryError(
                f"CUDA out of memory. Tried to allocate {self.allocate_gib:.2f} GiB. GPU 0 has a total capacity "
                "of 79.15 GiB of which 1.02 GiB is free. Of the allocated memory 74.31 GiB is allocated by PyTorch.")
        return batch


class Model(Module):
    def __init__(self, allocate_gib=2.0):
        self.block = Block(allocate_gib)

    def forward(self, batch):
        hidden = self.block(batch)
        return hidden
''',
    "trainlib/data.py": '''\
class Dataset:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, index):
        row = self.rows[index]
        return {"input_ids": row["input_ids"], "labels": row["labels"]}


def collate(dataset, indices):
    return [dataset[i] for i in indices]
''',
    "trainlib/trainer.py": '''\
from trainlib.data import Dataset, collate
from trainlib.model import Model


class Trainer:
    def __init__(self, model=None, rows=None):
        self.model = model or Model()
        self.dataset = Dataset(rows or [{"input_ids": [1, 2], "labels": [2, 3]}])

    def train(self, steps=3):
        for step in range(steps):
            self.training_step(step)

    def training_step(self, step):
        batch = collate(self.dataset, [0])
        return self.model(batch)
''',
    "trainlib/remote.py": '''\
import traceback


class _RemoteTraceback(Exception):
    """Like concurrent.futures.process._RemoteTraceback: carries a worker's formatted traceback."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class BrokenWorker(RuntimeError):
    pass


def worker_task(shard):
    return shard["tokens"] / shard["count"]


def run_in_worker(shard):
    try:
        return worker_task(shard)
    except Exception as exc:
        tb = "".join(traceback.format_exception(exc))
        remote = _RemoteTraceback('\\n"""\\n%s"""' % tb)
    error = BrokenWorker(f"worker for shard {shard['id']} failed")
    error.__cause__ = remote
    raise error
''',
    "trainlib/plugins/__init__.py": "",
    # Deliberately broken modules: importing them raises SyntaxError / IndentationError.
    "trainlib/plugins/broken_syntax.py": '''\
def build_scheduler(optimizer, warmup):
    return LambdaLR(optimizer, lambda step: min(1.0, step / warmup)
''',
    "trainlib/plugins/broken_call.py": '''\
REGISTRY = {}


def register(name):
    REGISTRY[name] = True
    return name


register("adamw" "lion")
print "registered"
''',
    "trainlib/plugins/broken_indent.py": '''\
def load(path):
    with open(path) as f:
    return f.read()
''',
}
