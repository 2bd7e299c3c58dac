// The service's report (GET {api-base}/{job_id}/errors), snake_case as sent. Mirrors ErrorTrace.Core/Reports.

export type JobStatus = "failed" | "cancelled" | "completed" | "running";
export type Level = "error" | "warning";

export interface ErrorEntry {
  timestamp: string | null;
  level: Level;
  phase: string | null;
  message: string;
  dedupe_key: string;
  count: number;
  last_timestamp: string | null;
  first_line: number;
  ranks: number[];
  logger: string | null;
  source: string;
}

export interface TracebackFrame {
  file: string;
  line: number | null;
  function: string;
  code: string | null;
  /** The job's own code (Sentry's term); false for packages, the stdlib and launchers. The server decides it from the
   * rules file's "frames" section: the panel keeps no list of its own. Absent in reports from before it existed. */
  in_app?: boolean;
}

export interface ChainLink {
  exception_type: string;
  exception_message: string;
  frames: TracebackFrame[];
  relation: "cause" | "context";
}

export interface TracebackInfo {
  raw: string;
  frames: TracebackFrame[];
  exception_type: string;
  exception_message: string;
  chain: ChainLink[];
  sub_exceptions: TracebackInfo[];
  kind: "python" | "faulthandler" | "cpp" | "signal";
  rank: number | null;
  ranks: number[];
  count: number;
  first_line: number;
  exception_line: number;
  timestamp: string | null;
  phase: string | null;
  logger: string | null;
  secondary: boolean;
  /** The host a launcher prefix named (pdsh's "worker-1: ", Ray's ip). */
  host?: string | null;
  /** A death glued to a progress bar: how far the bar had got. */
  progress?: string | null;
}

export interface EvidenceLine {
  line: number;
  text: string;
}

export interface FailureAnalysis {
  error_type: string;
  error_phase: string;
  description: string;
  confidence: "high" | "medium" | "low";
  suggestions: string[];
  rule_id: string | null;
  evidence: EvidenceLine[];
  root_rank: number | null;
}

export interface LogInfo {
  path: string | null;
  size_bytes: number;
  lines: number;
  truncated_lines: number;
  missing: boolean;
  /** false: the log was not read at all (a job that did not fail, asked without ?scan=true). */
  scanned?: boolean;
}

export interface EnvironmentTag {
  key: string;
  value: string;
  line: number;
}

export interface EnvironmentInfo {
  tags: EnvironmentTag[];
  hosts: string[];
  host_count: number;
  rank_count: number;
  scanned_bytes: number;
}

export interface ErrorReport {
  job_id: string;
  status: JobStatus;
  error_summary: string | null;
  errors: ErrorEntry[];
  traceback: TracebackInfo | null;
  tracebacks: TracebackInfo[];
  analysis: FailureAnalysis | null;
  log: LogInfo | null;
  notes: string[];
  environment?: EnvironmentInfo | null;
  /** Only for a log of several runs appended one after another (a nohup.out of launches): the runs that failed and
   * the last one. The root cause is the first failure of the last run that failed. */
  runs?: RunInfo[] | null;
}

export interface RunInfo {
  run: number;
  first_line: number;
  last_line: number;
  /** nohup, torchrun, lsf, wandb, slurm-requeue; null for the log's first run. */
  started_by: string | null;
  failures: number;
  /** The run's root cause as one line, null when it did not fail. */
  root_cause: string | null;
  root_line: number | null;
  is_root_run: boolean;
}

/** One line of GET {api-base}/{job_id}/log?from=&to=. */
export interface ExcerptLine {
  line: number;
  text: string;
  rank: number | null;
  host: string | null;
  cut: boolean;
}

export interface LogExcerpt {
  job_id: string;
  from: number;
  to: number;
  lines: ExcerptLine[];
}

export interface JobRootCause {
  category: string | null;
  exception_type: string | null;
  title: string;
  rank: number | null;
  host: string | null;
}

/** One row of GET {api-base}/jobs. */
export interface JobSummary {
  job_id: string;
  status: JobStatus;
  error_summary: string | null;
  owner: string | null;
  created_at: string | null;
  updated_at: string | null;
  error_count: number | null;
  warning_count?: number | null;
  root_cause?: JobRootCause | null;
}

export interface JobList {
  jobs: JobSummary[];
  page: number;
  page_size: number;
  total: number;
}
