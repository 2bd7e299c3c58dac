namespace ErrorTrace.Benchmarks.Corpus;

/// <summary>The end of the log: a CUDA OOM on three ranks (their tracebacks interleaved line by line), NCCL watchdog
/// timeouts on the other five, then torchelastic's ChildFailedError table naming rank 2 as the root cause.</summary>
public static class FailureTail
{
    private static readonly (string Path, int Line, string Function, string Code)[] Frames =
    [
        ("/workspace/train.py", 412, "<module>", "main()"),
        ("/workspace/train.py", 398, "main", "trainer.train(resume_from_checkpoint=args.resume)"),
        ("/usr/local/lib/python3.11/site-packages/transformers/trainer.py", 2123, "train", "return inner_training_loop("),
        ("/usr/local/lib/python3.11/site-packages/transformers/trainer.py", 3612, "training_step", "self.accelerator.backward(loss, **kwargs)"),
        ("/usr/local/lib/python3.11/site-packages/deepspeed/runtime/engine.py", 2020, "backward", "self.optimizer.backward(loss, retain_graph=retain_graph)"),
        ("/usr/local/lib/python3.11/site-packages/torch/_tensor.py", 581, "backward", "torch.autograd.backward("),
        ("/usr/local/lib/python3.11/site-packages/torch/autograd/graph.py", 825, "_engine_run_backward", "return Variable._execution_engine.run_backward("),
    ];

    public static void Write(LogBuffer log, SimClock clock, long step)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(clock);
        int[] oomRanks = [2, 5, 6];
        var tracebacks = oomRanks.Select(Traceback).ToArray();
        for (var i = 0; i < tracebacks[0].Count; i++)
        {
            foreach (var traceback in tracebacks) log.Write(traceback[i]);
        }

        clock.Advance(600);
        var seq = 90000 + step;
        foreach (var rank in new[] { 0, 1, 3, 4, 7 })
        {
            log.Write($"[rank{rank}]:[E{clock.Glog} ProcessGroupNCCL.cpp:616] [Rank {rank}] Watchdog caught collective operation timeout: "
                + $"WorkNCCL(SeqNum={seq}, OpType=ALLREDUCE, NumelIn=9801523, NumelOut=9801523, Timeout(ms)=600000) ran for {600012 + rank} milliseconds before timing out.\n");
            log.Write($"[rank{rank}]:[E{clock.Glog} ProcessGroupNCCL.cpp:1785] [PG ID 0 PG GUID 0(default_pg) Rank {rank}] Exception (either an error or timeout) "
                + $"detected by watchdog at work: {seq}, last enqueued NCCL work: {seq + 2}, last completed NCCL work: {seq - 1}.\n");
        }

        var stamp = clock.Now.ToString("yyyy-MM-dd_HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        log.Write($"E{clock.Glog[..^3]} 41200 torch/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: 1) local_rank: 2 (pid: {TrainingPreamble.BasePid + 2}) of binary: /usr/bin/python3\n");
        log.Write("Traceback (most recent call last):\n  File \"/usr/local/bin/torchrun\", line 8, in <module>\n    sys.exit(main())\n"
            + "  File \"/usr/local/lib/python3.11/site-packages/torch/distributed/launcher/api.py\", line 269, in launch_agent\n    raise ChildFailedError(\n"
            + "torch.distributed.elastic.multiprocessing.errors.ChildFailedError: \n"
            + "============================================================\ntrain.py FAILED\n------------------------------------------------------------\nFailures:\n");
        log.Write(Entry(1, 5, stamp));
        log.Write(Entry(2, 6, stamp));
        log.Write("------------------------------------------------------------\nRoot Cause (first observed failure):\n");
        log.Write(Entry(0, 2, stamp));
        log.Write("============================================================\n");
    }

    private static List<string> Traceback(int rank)
    {
        var p = $"[rank{rank}]: ";
        var lines = new List<string> { $"{p}Traceback (most recent call last):\n" };
        foreach (var (path, line, function, code) in Frames)
        {
            lines.Add($"{p}  File \"{path}\", line {line}, in {function}\n");
            lines.Add($"{p}    {code}\n");
        }

        lines.Add($"{p}torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 3.91 GiB. GPU {rank} has a total capacity of 79.14 GiB "
            + "of which 2.61 GiB is free. Including non-PyTorch memory, this process has 76.52 GiB memory in use. Of the allocated memory "
            + "71.08 GiB is allocated by PyTorch, and 4.37 GiB is reserved by PyTorch but unallocated. If reserved but unallocated memory "
            + "is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.\n");
        return lines;
    }

    private static string Entry(int index, int rank, string stamp) =>
        $"[{index}]:\n  time      : {stamp}\n  host      : {TrainingPreamble.Host}\n  rank      : {rank} (local_rank: {rank})\n"
        + $"  exitcode  : 1 (pid: {TrainingPreamble.BasePid + rank})\n  error_file: <N/A>\n"
        + "  traceback : To enable traceback see: https://pytorch.org/docs/stable/elastic/errors.html\n";
}
