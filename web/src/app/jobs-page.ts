// "/": the jobs visible to the token, failed first, with status and error-count badges and a status filter.
import { fetchJobs, type Fetch } from "../api";
import { h } from "../dom";
import { formatRanks, formatTime, humanize, plural } from "../format";
import type { JobSummary } from "../types";
import { readToken, saveToken } from "./session";
import { signInForm } from "./sign-in";
import { sortJobs } from "./sort";

const statuses = ["all", "failed", "running", "cancelled", "completed"] as const;

export async function showJobs(main: HTMLElement, base: string, fetchFn: Fetch): Promise<void> {
  const status = new URLSearchParams(location.search).get("status");
  const filter = statuses.includes(status as (typeof statuses)[number]) && status !== "all" ? status : null;
  main.replaceChildren(h("p", { class: "muted", "aria-busy": "true" }, "Loading jobs…"));
  const token = readToken();
  if (!token) {
    main.replaceChildren(signInForm("Enter an API token to list the jobs it may see.", (t) => { saveToken(t); void showJobs(main, base, fetchFn); }));
    return;
  }
  const outcome = await fetchJobs(fetchFn, `${base}api/training`, token, filter);
  if (outcome.kind === "unauthorized") {
    saveToken(null);
    main.replaceChildren(signInForm("The service did not accept the token.", (t) => { saveToken(t); void showJobs(main, base, fetchFn); }));
    return;
  }
  if (outcome.kind !== "ok") {
    const text = outcome.kind === "network" ? `Could not reach the service (${outcome.message}).` : outcome.kind === "http" ? `The service answered ${outcome.status}: ${outcome.message}` : "The jobs API is not available on this server.";
    main.replaceChildren(h("div", { class: "notice", role: "alert" }, h("p", {}, text), h("button", { type: "button", onclick: () => void showJobs(main, base, fetchFn) }, "Retry")));
    return;
  }
  const jobs = sortJobs(outcome.body.jobs);
  const select = h("select", { id: "status-filter", name: "status" }, ...statuses.map((s) => {
    const option = h("option", { value: s }, s === "all" ? "All statuses" : s);
    option.selected = (filter ?? "all") === s;
    return option;
  }));
  select.addEventListener("change", () => {
    const url = new URL(location.href);
    if (select.value === "all") url.searchParams.delete("status");
    else url.searchParams.set("status", select.value);
    history.replaceState(null, "", url);
    void showJobs(main, base, fetchFn);
  });
  main.replaceChildren(
    h("div", { class: "toolbar" },
      h("h1", {}, "Training jobs ", h("span", { class: "muted small" }, `(${outcome.body.total})`)),
      h("div", { class: "row" }, h("label", { for: "status-filter" }, "Status"), select)),
    jobs.length === 0
      ? h("p", { class: "muted", "data-testid": "no-jobs" }, filter ? `No ${filter} jobs.` : "No jobs.")
      : h("ul", { class: "jobs", "aria-label": "Jobs" }, ...jobs.map((j) => row(j, base))));
}

function row(job: JobSummary, base: string): HTMLLIElement {
  const errors = job.error_count;
  const warnings = job.warning_count ?? null;
  const root = job.root_cause ?? null;
  const where = root ? [root.rank !== null ? `rank ${formatRanks([root.rank])}` : null, root.host ? `host ${root.host}` : null].filter(Boolean).join(" · ") : "";
  const cause = root
    ? h("p", { class: "cause", "data-testid": "root-cause", title: root.exception_type ? `${root.exception_type}: ${root.title}` : root.title },
      root.exception_type ? h("code", { class: "type" }, root.exception_type) : null,
      root.exception_type && root.title ? ": " : null,
      root.title)
    : null;
  return h("li", { class: "job", "data-job": job.job_id, "data-status": job.status },
    h("div", { class: "row" },
      h("a", { href: `${base}jobs/${encodeURIComponent(job.job_id)}`, class: "job-link" }, job.job_id),
      h("span", { class: `badge ${job.status}` }, job.status),
      root?.category ? h("span", { class: "badge category", "data-testid": "job-category", title: root.category }, humanize(root.category)) : null,
      errors === null ? (job.status === "failed" ? null : h("span", { class: "badge neutral", title: "Only failed jobs' logs are read for the list" }, "not scanned"))
        : h("span", { class: `badge ${errors ? "error" : "zero"}`, "data-testid": "job-error-count", title: plural(errors, "distinct error") }, plural(errors, "error")),
      warnings ? h("span", { class: "badge warning", "data-testid": "job-warning-count", title: plural(warnings, "distinct warning") }, plural(warnings, "warning")) : null,
      where ? h("span", { class: "muted small", "data-testid": "job-where" }, where) : null),
    cause ?? (job.error_summary ? h("p", { class: "summary" }, job.error_summary) : null),
    h("p", { class: "muted small" }, [job.owner ? `owner ${job.owner}` : null, `updated ${formatTime(job.updated_at ?? job.created_at)}`, root && job.error_summary ? job.error_summary : null].filter(Boolean).join(" · ")));
}
