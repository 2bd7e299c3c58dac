using System.Text;
using CsCheck;

namespace ErrorTrace.Core.Tests.Engine;

/// <summary>
/// The lines the engine's shortcuts are held to one plain pass with (QuietLinesTests: runs of quiet records;
/// Input/RangeSplitTests: a log read in two ranges): quiet records first, then their near misses, then what may come
/// between them or be cut by a range's seam. One table, so a line added for one shortcut tests the other too.
/// </summary>
internal static class LogLineCatalogue
{
    /// <summary>The first <see cref="QuietRecords"/> lines are seed records a run of quiet lines takes.</summary>
    public const int QuietRecords = 4;

    public static readonly string[] Lines =
    [
        // Quiet records: INFO and DEBUG seed records, with and without a phase.
        "[2025-12-10 03:58:20] [__main__] [INFO] [SFT] step 10/100 loss=1.234",
        "[2025-12-10 03:58:21] [__main__] [INFO] [Eval] step 11 loss=1.2",
        "[2025-12-11 04:00:00] [lib.training.standalone_trainer] [DEBUG] [Model] rank 3 mem_allocated=10.00GiB",
        "[2025-12-10 03:58:22] [__main__] [INFO] step 12 without a phase",

        // Near misses of a quiet record: a bracket that is no phase, other years, a clock without a month, a logger
        // named like a level, an empty one, a relayed traceback header, Ray's suffix, ESC, a rank prefix, a DeepSpeed
        // fraction, a CRI piece.
        "[2025-12-10 03:58:22] [__main__] [INFO] [Rank 0] a bracket that is no phase",
        "[2025-00-10 03:58:23] [__main__] [INFO] [Main] a clock without a month",
        "[2026-01-01 00:00:01] [__main__] [INFO] [SFT] next year",
        "[2025-12-10 03:58:24] [info] [INFO] [SFT] a logger named like a level",
        "[2025-12-10 03:58:24] [] [INFO]",
        "[2025-12-10 03:58:24] [__main__] [INFO] Traceback (most recent call last):",
        "[2025-12-10 03:58:24] [__main__] [INFO] [SFT]  Traceback (most recent call last):",
        "[2025-12-10 03:58:24] [__main__] [DEBUG]   Traceback (most recent call last):",
        "[2025-12-10 03:58:24] [__main__] [INFO] Trace of a step",
        "[2025-12-10 03:58:24] [__main__] [INFO]   File \"/app/train.py\", line 3, in <module>",
        "[2025-12-10 03:58:24] [__main__] [INFO] ValueError: relayed",
        "[2025-12-10 03:58:25] [__main__] [INFO] [SFT] a worker said [repeated 3x across cluster]",
        "[2025-12-10 03:58:25] [__main__] [INFO] [SFT] \u001b[32mcoloured\u001b[0m",
        "[rank1]:[2025-12-10 03:58:26] [__main__] [INFO] [SFT] from rank 1",
        "[2025-12-10 03:58:26,104] [INFO] [engine.py:1245:_configure_optimizer] DeepSpeed",
        "2025-12-10T03:58:22.123456789Z stderr P [2025-12-10 03:58:29] [__main__] [INFO] [SFT] a CRI piece",

        // Warnings and errors: grouped, repeated, an empty first line that waits for the next.
        "[2025-12-10 03:58:27] [transformers.tokenization_utils_base] [WARNING] [PreTokenize] Token indices sequence length is longer (5000 > 4096)",
        "[2025-12-10 03:58:27] [__main__] [ERROR] [PreTokenize] Cannot use chat template for sample 17: falling back to raw text",
        "[2025-12-10 03:58:28] [__main__] [ERROR] [Main] Training failed with error: CUDA out of memory.",
        "[2025-12-10 03:58:28] [__main__] [ERROR] Full traceback:",
        "[2025-12-10 03:58:28] [__main__] [ERROR]",

        // Blocks a seam may cut: tracebacks and their chain sentences, Python's unraisable and fatal reports, C++ aborts.
        "Traceback (most recent call last):",
        "  File \"/app/train.py\", line 12, in main",
        "    trainer.train()",
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB",
        "The above exception was the direct cause of the following exception:",
        "During handling of the above exception, another exception occurred:",
        "ValueError: bad",
        "Exception ignored in: <function Loader.__del__ at 0x7f3a>",
        "Fatal Python error: Segmentation fault",
        "Current thread 0x00007f0a (most recent call first):",
        "  File \"/app/x.py\", line 3 in f",
        "terminate called after throwing an instance of 'c10::Error'",
        "  what():  CUDA error: device-side assert triggered",

        // Other streams and envelopes: ranks, hosts, CRI pieces and their end, glog across the new year.
        "[rank1]:Traceback (most recent call last):",
        "[rank1]:  File \"/app/train.py\", line 7, in step",
        "[rank1]:RuntimeError: NCCL error",
        "[rank3]:[E ProcessGroupNCCL.cpp:616] [Rank 3] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=1132079, OpType=ALLREDUCE) ran for 1800035 milliseconds before timing out.",
        "node-2: [2025-12-10 03:58:30] [__main__] [ERROR] [SFT] host two failed",
        "2025-12-10T03:58:22.123456789Z stderr P [2025-12-10 03:58:29] [__main__] [ERROR] [SFT] a CRI piece",
        "2025-12-10T03:58:22.123456789Z stderr F  and its end",
        "E0325 20:57:27.620000 2606 api.py:869] failed (exitcode: -9) local_rank: 0 (pid: 1) of binary: python",
        "INFO 10-11 12:27:29 llm_engine.py:237] vLLM's record, quiet",
        "ERROR 05-20 10:01:02 [core.py:61] vLLM's bracketed record",
        "I1231 23:59:59.000000 2606 api.py:1] glog before the new year",
        "I0101 00:00:01.000000 2606 api.py:1] glog after it",

        // What else comes between records: blank lines, warnings, progress bars, plain output.
        "",
        "/usr/lib/python3/site-packages/torch/utils/checkpoint.py:61: UserWarning: None of the inputs have requires_grad=True",
        "  warnings.warn(",
        "79%|#######   | 7900/10000 [01:00<02:00, 8.08it/s]\r80%|########  | 8000/10000 [01:01<02:00, 8.08it/s]\r",
        "Killed",
        "plain output",
    ];

    /// <summary>Logs of up to <paramref name="maxLines"/> catalogue lines, a quiet record <paramref name="quietWeight"/>
    /// times in ten (so runs and idle seams form, as in a training log) and any line otherwise; ended by <c>\n</c>, or
    /// by <c>\r\n</c> for every third line when the log is drawn with CRLF.</summary>
    public static Gen<byte[]> Logs(int maxLines, int quietWeight)
    {
        var index = Gen.Frequency((quietWeight, Gen.Int[0, QuietRecords - 1]), (10 - quietWeight, Gen.Int[0, Lines.Length - 1]));
        return Gen.Select(index.Array[0, maxLines], Gen.Bool).Select((indexes, crlf) =>
            Encoding.UTF8.GetBytes(string.Concat(indexes.Select(i => Lines[i] + (crlf && i % 3 == 0 ? "\r\n" : "\n")))));
    }
}
