import type { ErrorReport } from "../src/types";

export function sampleReport(): ErrorReport {
  return {
    job_id: "demo-cuda-oom",
    status: "failed",
    error_summary: "Training process exited with code 1",
    errors: [
      { timestamp: "2025-12-10T03:00:00Z", level: "warning", phase: "Main", message: "MLflow unreachable", dedupe_key: "w1", count: 3, last_timestamp: "2025-12-10T03:30:00Z", first_line: 12, ranks: [0, 1, 2, 3], logger: "__main__", source: "record" },
      { timestamp: "2025-12-10T04:00:00Z", level: "error", phase: "SFT", message: "CUDA out of memory | Tried", dedupe_key: "e1", count: 1, last_timestamp: "2025-12-10T04:00:00Z", first_line: 40, ranks: [], logger: null, source: "record" },
    ],
    traceback: {
      raw: "Traceback (most recent call last):\n  File \"/opt/x.py\", line 3, in main\ntorch.OutOfMemoryError: CUDA out of memory.",
      frames: [
        { file: "/opt/trainer/x.py", line: 3, function: "main", code: "trainer.train()", in_app: true },
        { file: "/usr/local/lib/python3.11/site-packages/torch/nn/modules/module.py", line: 1751, function: "_call", code: "return f(*a)", in_app: false },
      ],
      exception_type: "torch.OutOfMemoryError",
      exception_message: "CUDA out of memory.",
      chain: [],
      sub_exceptions: [],
      kind: "python",
      rank: null,
      ranks: [],
      count: 1,
      first_line: 41,
      exception_line: 44,
      timestamp: "2025-12-10T04:00:00Z",
      phase: "SFT",
      logger: null,
      secondary: false,
    },
    tracebacks: [],
    analysis: { error_type: "oom_training", error_phase: "training", description: "GPU memory exhausted", confidence: "high", suggestions: ["Lower the batch size"], rule_id: "cuda-oom", evidence: [{ line: 44, text: "torch.OutOfMemoryError: CUDA out of memory." }], root_rank: null },
    log: { path: "job_demo.log", size_bytes: 100, lines: 50, truncated_lines: 0, missing: false },
    notes: [],
  };
}
