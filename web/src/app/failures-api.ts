// The fleet view's API (GET /api/training/failures, /failures/{signature}, /jobs/{job_id}/failure) and its shapes.
import { getJson, type Fetch, type Outcome } from "../api";

export interface HostCount { host: string; job_count: number }
export interface SignatureJob { job_id: string; status: string; updated_at: string | null; host: string | null }
export interface DayCount { day: string; job_count: number }
export interface SignatureGroup {
  signature: string;
  category: string;
  exception_type: string;
  title: string;
  job_count: number;
  first_seen: string | null;
  last_seen: string | null;
  hosts: HostCount[];
  jobs: SignatureJob[];
  days: DayCount[];
}
export interface SuspectHost { host: string; signature_count: number; job_count: number }
export interface FailureList {
  signatures: SignatureGroup[];
  total: number;
  page: number;
  page_size: number;
  job_count: number;
  suspect_hosts: SuspectHost[];
}
export interface JobFailure { job_id: string; signature: string; category: string; title: string; host: string | null; job_count: number; other_jobs: number }

export interface FailureFilter { since: string | null; category: string | null; host: string | null }

export function failuresUrl(apiBase: string, filter: FailureFilter, pageSize = 50): string {
  const query = new URLSearchParams({ page_size: String(pageSize) });
  if (filter.since) query.set("since", filter.since);
  if (filter.category) query.set("category", filter.category);
  if (filter.host) query.set("host", filter.host);
  return `${apiBase}/failures?${query.toString()}`;
}

export const fetchFailures = (f: Fetch, apiBase: string, token: string, filter: FailureFilter): Promise<Outcome<FailureList>> =>
  getJson<FailureList>(f, failuresUrl(apiBase, filter), token, null);

export const fetchSignature = (f: Fetch, apiBase: string, token: string, signature: string): Promise<Outcome<SignatureGroup>> =>
  getJson<SignatureGroup>(f, `${apiBase}/failures/${encodeURIComponent(signature)}?page_size=1000`, token, null);

export const fetchJobFailure = (f: Fetch, apiBase: string, token: string, jobId: string): Promise<Outcome<JobFailure>> =>
  getJson<JobFailure>(f, `${apiBase}/jobs/${encodeURIComponent(jobId)}/failure`, token, null);

/** Counts for each of the `days` UTC days ending today (oldest first), zeros included: a sparkline's bars. */
export function dailySeries(days: DayCount[], count: number, today = new Date()): number[] {
  const byDay = new Map(days.map((d) => [d.day, d.job_count]));
  const series: number[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
    series.push(byDay.get(day.toISOString().slice(0, 10)) ?? 0);
  }
  return series;
}
