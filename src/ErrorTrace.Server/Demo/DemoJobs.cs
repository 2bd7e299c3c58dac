using ErrorTrace.Server.Jobs;

namespace ErrorTrace.Server.Demo;

/// <summary>The demo's jobs: four failures of the kinds training platforms see most (GPU OOM, an NCCL watchdog
/// timeout, a tokenizer without a chat template, the host's OOM killer), and one running, one completed and one
/// cancelled job, and the failures of <see cref="DemoFleetJobs"/> for the failures page. Owned by <c>alice</c> and <c>bob</c>, so owner isolation can be tried with the demo tokens.</summary>
internal static class DemoJobs
{
    private const string Model = "meta-llama/Llama-2-7b-hf";
    private const string Trainer = "/opt/trainer/standalone_trainer.py";
    private const string Transformers = "/usr/local/lib/python3.11/site-packages/transformers";
    private const string Torch = "/usr/local/lib/python3.11/site-packages/torch";

    public static IReadOnlyList<DemoJob> Create(DateTime now) =>
    [
        CudaOom(now.AddHours(-30)),
        NcclTimeout(now.AddHours(-26)),
        ChatTemplate(now.AddHours(-20)),
        HostOom(now.AddHours(-12)),
        Completed(now.AddHours(-8)),
        Cancelled(now.AddHours(-5)),
        Running(now.AddMinutes(-40)),
        .. DemoFleetJobs.Create(now),
    ];

    private static DemoJob CudaOom(DateTime start)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 1).Steps(1, 420, 4875);
        log.Record("WARNING", "Main", "MLflow tracking at https://trainer:s3cr3t-Passw0rd@mlflow.internal:5000 unreachable; metrics kept locally");
        log.Advance(TimeSpan.FromSeconds(3))
            .Record("ERROR", "SFT", "Training failed with error: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 79.15 GiB of which 1.12 GiB is free.")
            .Record("ERROR", "Main", "Full traceback:")
            .Raw($"""
                Traceback (most recent call last):
                  File "{Trainer}", line 3401, in main
                    trainer.train()
                  File "{Transformers}/trainer.py", line 2245, in train
                    return inner_training_loop(
                           ^^^^^^^^^^^^^^^^^^^^
                  File "{Transformers}/trainer.py", line 2560, in _inner_training_loop
                    tr_loss_step = self.training_step(model, inputs, num_items_in_batch)
                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "{Transformers}/trainer.py", line 3736, in training_step
                    loss = self.compute_loss(model, inputs, num_items_in_batch=num_items_in_batch)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "{Transformers}/trainer.py", line 3801, in compute_loss
                    outputs = model(**inputs)
                              ^^^^^^^^^^^^^^^
                  File "{Torch}/nn/modules/module.py", line 1751, in _wrapped_call_impl
                    return self._call_impl(*args, **kwargs)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "{Transformers}/models/llama/modeling_llama.py", line 1190, in forward
                    logits = self.lm_head(hidden_states[:, slice_indices, :])
                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "{Torch}/nn/modules/linear.py", line 125, in forward
                    return F.linear(input, self.weight, self.bias)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 79.15 GiB of which 1.12 GiB is free. Including non-PyTorch memory, this process has 78.02 GiB memory in use. Of the allocated memory 74.31 GiB is allocated by PyTorch, and 2.19 GiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.  See documentation for Memory Management  (https://pytorch.org/docs/stable/notes/cuda.html#environment-variables)
                ERROR: Training failed: CUDA out of memory. Tried to allocate 2.00 GiB.
                """);
        return Job("demo-cuda-oom", JobStatuses.Failed, "Training process exited with code 1", "alice", start, log);
    }

    private static DemoJob NcclTimeout(DateTime start)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 2).Steps(1, 260, 2400);
        log.Advance(TimeSpan.FromMinutes(30));
        var t = $"{log.Now:MMdd HH:mm:ss}";
        const string work = "WorkNCCL(SeqNum=48213, OpType=ALLREDUCE, NumelIn=131072000, NumelOut=131072000, Timeout(ms)=1800000)";
        log.Raw($"""
            [rank1]:[E{t}.482113506 ProcessGroupNCCL.cpp:616] [Rank 1] Watchdog caught collective operation timeout: {work} ran for 1800085 milliseconds before timing out.
            [rank1]:[E{t}.482385914 ProcessGroupNCCL.cpp:1785] [PG ID 0 PG GUID 0(default_pg) Rank 1] Exception (either an error or timeout) detected by watchdog at work: 48213, last enqueued NCCL work: 48213, last completed NCCL work: 48212.
            [rank1]:[E{t}.482403127 ProcessGroupNCCL.cpp:630] [Rank 1] Some NCCL operations have failed or timed out. Due to the asynchronous nature of CUDA kernels, subsequent GPU operations might run on corrupted/incomplete data.
            [rank1]:[E{t}.482411592 ProcessGroupNCCL.cpp:636] [Rank 1] To avoid data inconsistency, we are taking the entire process down.
            [rank1]:[E{t}.484519862 ProcessGroupNCCL.cpp:1595] [PG ID 0 PG GUID 0(default_pg) Rank 1] Process group watchdog thread terminated with exception: [Rank 1] Watchdog caught collective operation timeout: {work} ran for 1800085 milliseconds before timing out.
            [rank1]:Exception raised from checkTimeout at ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:618 (most recent call first):
            [rank1]:frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x96 (0x7f3b2a36c446 in {Torch}/lib/libc10.so)
            [rank1]:frame #1: c10d::ProcessGroupNCCL::WorkNCCL::checkTimeout(std::optional<std::chrono::duration<long, std::ratio<1l, 1000l> > >) + 0x282 (0x7f3ad7a31772 in {Torch}/lib/libtorch_cuda.so)
            [rank1]:frame #2: c10d::ProcessGroupNCCL::watchdogHandler() + 0x233 (0x7f3ad7a38bb3 in {Torch}/lib/libtorch_cuda.so)
            [rank1]:frame #3: c10d::ProcessGroupNCCL::ncclCommWatchdog() + 0x14d (0x7f3ad7a3a61d in {Torch}/lib/libtorch_cuda.so)
            [rank1]:
            W{t}.912000 140 {Torch}/distributed/elastic/multiprocessing/api.py:897] Sending process 152 closing signal SIGTERM
            E{t}.977000 140 {Torch}/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: -6) local_rank: 1 (pid: 153) of binary: /usr/bin/python3
            """);
        log.ChildFailed(Torch, Trainer, host: "node-1", rank: 1, pid: 153, signal: 6, signalName: "SIGABRT", throughRun: true);
        return Job("demo-nccl-timeout", JobStatuses.Failed, "Training process terminated unexpectedly with exit code 1", "alice", start, log);
    }

    private static DemoJob ChatTemplate(DateTime start)
    {
        var log = new DemoLogBuilder(start);
        log.Record("INFO", "Main", "Starting training job on 1 GPU(s), model=meta-llama/Llama-2-7b-hf (base)")
            .Record("INFO", "Model", "Loading tokenizer from meta-llama/Llama-2-7b-hf")
            .Advance(TimeSpan.FromSeconds(4))
            .Record("INFO", "PreTokenize", "Applying chat template to 52,002 conversations");
        for (var i = 0; i < 47; i++)
        {
            log.Advance(TimeSpan.FromMilliseconds(40)).Record("ERROR", "PreTokenize",
                "Cannot use chat template functions because tokenizer.chat_template is not set and no template argument was passed! For information about writing templates and setting the tokenizer.chat_template attribute, please see the documentation at https://huggingface.co/docs/transformers/main/en/chat_templating");
        }

        log.Record("ERROR", "Main", "Training failed with error: Cannot use chat template functions because tokenizer.chat_template is not set")
            .Record("ERROR", "Main", "Full traceback:")
            .Raw($"""
                Traceback (most recent call last):
                  File "{Trainer}", line 3380, in main
                    dataset = pretokenize(dataset, tokenizer, args)
                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "{Trainer}", line 1287, in pretokenize
                    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "{Transformers}/tokenization_utils_base.py", line 1621, in apply_chat_template
                    chat_template = self.get_chat_template(chat_template, tools)
                                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  File "{Transformers}/tokenization_utils_base.py", line 1789, in get_chat_template
                    raise ValueError(
                ValueError: Cannot use chat template functions because tokenizer.chat_template is not set and no template argument was passed! For information about writing templates and setting the tokenizer.chat_template attribute, please see the documentation at https://huggingface.co/docs/transformers/main/en/chat_templating
                """);
        return Job("demo-chat-template", JobStatuses.Failed, "Training process exited with code 1", "alice", start, log);
    }

    private static DemoJob HostOom(DateTime start)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 1).Steps(1, 90, 4875);
        log.Record("INFO", "SFT", "Loading packed dataset shards into memory (num_proc=16, keep_in_memory=True)")
            .Advance(TimeSpan.FromMinutes(6));
        var t = $"{log.Now:MMdd HH:mm:ss}";
        log.Raw($"""
            slurmstepd: error: Detected 1 oom_kill event in StepId=884213.0. Some of the step tasks have been OOM Killed.
            E{t}.412000 2198 {Torch}/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: -9) local_rank: 0 (pid: 2211) of binary: /usr/bin/python3
            """);
        log.ChildFailed(Torch, Trainer, host: "node-3", rank: 0, pid: 2211, signal: 9, signalName: "SIGKILL", throughRun: false);
        return Job("demo-host-oom", JobStatuses.Failed, "Training process terminated unexpectedly with exit code -9", "bob", start, log);
    }

    private static DemoJob Completed(DateTime start)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 1).Steps(1, 600, 600);
        log.Record("INFO", "Eval", "eval_loss 0.6121 | eval_runtime 41.2s | perplexity 1.84")
            .Record("INFO", "Main", "Saving final model to /checkpoints/demo-completed/final")
            .Record("INFO", "Main", "Training completed successfully in 32m 11s");
        return Job("demo-completed", JobStatuses.Completed, null, "alice", start, log);
    }

    private static DemoJob Cancelled(DateTime start)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 1).Steps(1, 150, 4875);
        log.Record("WARNING", "Main", "Received SIGTERM: cancellation requested by user")
            .Record("INFO", "Main", "Saving checkpoint to /checkpoints/demo-cancelled/step-150 before exit")
            .Record("INFO", "Main", "Exiting (cancelled)");
        return Job("demo-cancelled", JobStatuses.Cancelled, "Cancelled by user", "bob", start, log);
    }

    private static DemoJob Running(DateTime start)
    {
        var log = new DemoLogBuilder(start).Preamble(Model, 1).Steps(1, 700, 4875);
        log.Record("WARNING", "SFT", "Gradient overflow detected at step 655; skipping step and lowering the loss scale to 32768.0");
        return Job("demo-running", JobStatuses.Running, null, "alice", start, log);
    }

    private static DemoJob Job(string id, string status, string? message, string owner, DateTime start, DemoLogBuilder log) =>
        new(id, status, message, owner, start, status == JobStatuses.Running ? log.Now : log.Now.AddSeconds(2), log.ToString());
}
