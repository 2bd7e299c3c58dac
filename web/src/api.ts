// Talking to the service: one GET with a bearer token and an optional If-None-Match, and what its answer means.
import type { ErrorReport, JobList, LogExcerpt } from "./types";

export type Outcome<T> =
  | { kind: "ok"; body: T; etag: string | null }
  | { kind: "not-modified" }
  | { kind: "unauthorized" }
  | { kind: "not-found" }
  | { kind: "api-absent" }
  | { kind: "network"; message: string }
  | { kind: "http"; status: number; message: string };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The errors URL: api-base is what precedes "/{job_id}/errors" (default "/api/training"). */
export function errorsUrl(apiBase: string, jobId: string, scan = false, format: "json" | "markdown" = "json"): string {
  const query = new URLSearchParams();
  if (scan) query.set("scan", "true");
  if (format !== "json") query.set("format", format);
  const text = query.toString();
  return `${trimBase(apiBase)}/${encodeURIComponent(jobId)}/errors${text ? `?${text}` : ""}`;
}

/** Lines from..to of the job's log (the service answers at most 500), only one rank's when given. */
export function logUrl(apiBase: string, jobId: string, from: number, to: number, rank: number | null = null): string {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  if (rank !== null) query.set("rank", String(rank));
  return `${trimBase(apiBase)}/${encodeURIComponent(jobId)}/log?${query.toString()}`;
}

export function jobsUrl(apiBase: string, status: string | null, pageSize = 100): string {
  const query = new URLSearchParams({ page_size: String(pageSize) });
  if (status) query.set("status", status);
  return `${trimBase(apiBase)}/jobs?${query.toString()}`;
}

function trimBase(apiBase: string): string {
  return (apiBase || "/api/training").replace(/\/+$/, "");
}

/**
 * A 404 is an unknown job only when the service says so (its problem title is "Job not found"); any other 404 (a
 * server without the route, a proxy, the endpoint switched off) means the errors API is absent here.
 */
export function classify404(body: unknown): "not-found" | "api-absent" {
  if (body && typeof body === "object" && (body as { title?: unknown }).title === "Job not found") return "not-found";
  return "api-absent";
}

export async function getJson<T>(fetchFn: Fetch, url: string, token: string | null, etag: string | null, signal?: AbortSignal): Promise<Outcome<T>> {
  return get<T>(fetchFn, url, token, etag, "application/json", signal, readJson);
}

async function get<T>(fetchFn: Fetch, url: string, token: string | null, etag: string | null, accept: string, signal: AbortSignal | undefined,
  read: (response: Response) => Promise<unknown>): Promise<Outcome<T>> {
  const headers: Record<string, string> = { Accept: accept };
  if (token) headers["Authorization"] = `Bearer ${token}`;
  if (etag) headers["If-None-Match"] = etag;
  let response: Response;
  try {
    const init: RequestInit = { headers, cache: "no-cache" };
    if (signal) init.signal = signal;
    response = await fetchFn(url, init);
  } catch (error) {
    return { kind: "network", message: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 304) return { kind: "not-modified" };
  if (response.status === 401) return { kind: "unauthorized" };
  if (response.status === 404) return { kind: classify404(await readJson(response)) };
  if (!response.ok) {
    const body = await readJson(response);
    const detail = body && typeof body === "object" ? (body as { detail?: unknown; title?: unknown }) : {};
    const message = typeof detail.detail === "string" ? detail.detail : typeof detail.title === "string" ? detail.title : response.statusText;
    return { kind: "http", status: response.status, message };
  }
  const body = await read(response);
  if (body === undefined) return { kind: "api-absent" };
  return { kind: "ok", body: body as T, etag: response.headers.get("ETag") };
}

async function readText(response: Response): Promise<unknown> {
  try {
    return await response.text();
  } catch {
    return undefined;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export const fetchReport = (f: Fetch, apiBase: string, jobId: string, token: string | null, etag: string | null, signal?: AbortSignal, scan = false) =>
  getJson<ErrorReport>(f, errorsUrl(apiBase, jobId, scan), token, etag, signal);

/** The report as Markdown, rendered by the service with the CLI's renderer (one renderer: ErrorTrace.Core's MarkdownReport). */
export const fetchMarkdown = (f: Fetch, apiBase: string, jobId: string, token: string | null, scan = false) =>
  get<string>(f, errorsUrl(apiBase, jobId, scan, "markdown"), token, null, "text/markdown", undefined, readText);

export const fetchLog = (f: Fetch, apiBase: string, jobId: string, token: string | null, from: number, to: number, rank: number | null = null) =>
  getJson<LogExcerpt>(f, logUrl(apiBase, jobId, from, to, rank), token, null);

export const fetchJobs = (f: Fetch, apiBase: string, token: string | null, status: string | null) =>
  getJson<JobList>(f, jobsUrl(apiBase, status), token, null);
