// The job list's order: failed first, then running, cancelled, completed; newest first within a status.
import type { JobSummary } from "../types";

const rank: Record<string, number> = { failed: 0, running: 1, cancelled: 2, completed: 3 };

export function sortJobs(jobs: readonly JobSummary[]): JobSummary[] {
  const time = (j: JobSummary) => Date.parse(j.updated_at ?? j.created_at ?? "") || 0;
  return [...jobs].sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || time(b) - time(a) || a.job_id.localeCompare(b.job_id));
}
