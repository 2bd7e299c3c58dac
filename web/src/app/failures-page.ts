// "/failures": failure signatures across the jobs the token may see, most jobs first, each with a per-day sparkline,
// its top hosts (suspect nodes flagged) and its latest jobs; a category filter. "/failures/{signature}": one signature
// with every job and its days.
import type { Fetch, Outcome } from "../api";
import { append, h } from "../dom";
import { formatTime, plural } from "../format";
import { dailySeries, fetchFailures, fetchSignature, type FailureFilter, type FailureList, type SignatureGroup } from "./failures-api";
import { addFailureStyles } from "./failures-style";
import { readToken, saveToken } from "./session";
import { signInForm } from "./sign-in";
import { sparkline } from "./sparkline";

/** Days in a list row's sparkline (the API's per-day counts cover the same two weeks). */
const sparklineDays = 14;
/** While the indexer has found nothing yet (a first start), the page looks again this often. */
const emptyRefreshMs = 5000;
/** Categories offered in the filter besides those on the page (the classifier's names today; new ones still show). */
const knownCategories = ["oom_training", "oom_eval", "host_oom", "cuda_error", "nccl_error", "timeout", "config_error", "data_error", "dependency_error", "disk_error", "numerical_error", "segfault", "user_code", "unknown"];

export async function showFailures(main: HTMLElement, base: string, fetchFn: Fetch): Promise<void> {
  addFailureStyles();
  document.title = "Failures · errortrace";
  const params = new URLSearchParams(location.search);
  const filter: FailureFilter = { since: params.get("since"), category: params.get("category"), host: params.get("host") };
  const token = await tokenOrSignIn(main, () => void showFailures(main, base, fetchFn));
  if (!token) return;
  main.replaceChildren(h("p", { class: "muted", "aria-busy": "true" }, "Loading failures…"));
  const outcome = await fetchFailures(fetchFn, `${base}api/training`, token, filter);
  if (!handled(outcome, main, () => void showFailures(main, base, fetchFn))) return;
  const list = (outcome as { body: FailureList }).body;

  const suspects = new Set(list.suspect_hosts.map((s) => s.host));
  const categories = [...new Set([...knownCategories, ...list.signatures.map((s) => s.category), ...(filter.category ? [filter.category] : [])])];
  const select = h("select", { id: "category-filter", name: "category" },
    h("option", { value: "" }, "All categories"),
    ...categories.map((c) => {
      const option = h("option", { value: c }, c);
      option.selected = filter.category === c;
      return option;
    }));
  select.addEventListener("change", () => navigate(base, "category", select.value || null, main, fetchFn));

  const heading = h("h1", {}, "Failures ", h("span", { class: "muted small" }, `(${plural(list.total, "signature")}, ${plural(list.job_count, "failed job")})`));
  const active = [filter.host ? `host ${filter.host}` : null, filter.since ? `since ${filter.since}` : null].filter(Boolean).join(", ");
  main.replaceChildren();
  append(main, [
    h("p", {}, h("a", { href: base }, "← All jobs")),
    h("div", { class: "toolbar" }, heading, h("div", { class: "row" }, h("label", { for: "category-filter" }, "Category"), select)),
    active ? h("p", { class: "muted" }, `Only ${active}. `, h("a", { href: `${base}failures` }, "Show all")) : null,
    list.suspect_hosts.length === 0 ? null : h("div", { class: "suspects", role: "note", "data-testid": "suspect-hosts" },
      h("strong", {}, "Suspect nodes: "),
      ...list.suspect_hosts.flatMap((s, i) => [i ? ", " : "", h("a", { href: `${base}failures?host=${encodeURIComponent(s.host)}` }, s.host),
        ` (${plural(s.job_count, "job")}, ${s.signature_count} different failures)`]),
      h("p", { class: "small" }, "Jobs died on these hosts of several unrelated failures: the machine (GPU, driver, disk, network) is more likely at fault than the jobs.")),
    list.signatures.length === 0
      ? h("p", { class: "muted", "data-testid": "no-failures" }, "No failed jobs indexed yet. The indexer reads new failures every few seconds; this page looks again by itself.")
      : h("ul", { class: "failures", "aria-label": "Failure signatures" }, ...list.signatures.map((s) => row(s, base, suspects)))]);
  if (list.signatures.length === 0 && !filter.category && !filter.host && !filter.since)
    setTimeout(() => { if (location.pathname.endsWith("/failures")) void showFailures(main, base, fetchFn); }, emptyRefreshMs);
}

export async function showSignature(main: HTMLElement, base: string, signature: string, fetchFn: Fetch): Promise<void> {
  addFailureStyles();
  document.title = `${signature} · errortrace`;
  const token = await tokenOrSignIn(main, () => void showSignature(main, base, signature, fetchFn));
  if (!token) return;
  main.replaceChildren(h("p", { class: "muted", "aria-busy": "true" }, "Loading…"));
  const outcome = await fetchSignature(fetchFn, `${base}api/training`, token, signature);
  if (outcome.kind === "not-found" || outcome.kind === "api-absent") {
    main.replaceChildren(h("p", {}, h("a", { href: `${base}failures` }, "← All failures")), h("p", { role: "alert" }, "No job visible to this token has this failure."));
    return;
  }
  if (!handled(outcome, main, () => void showSignature(main, base, signature, fetchFn))) return;
  const group = (outcome as { body: SignatureGroup }).body;
  document.title = `${group.title} · errortrace`;
  const days = Math.max(sparklineDays, Math.min(90, daysSince(group.first_seen)));
  main.replaceChildren();
  append(main, [
    h("p", {}, h("a", { href: `${base}failures` }, "← All failures")),
    h("h1", { class: "title" }, group.title),
    h("p", { class: "meta" },
      h("span", { class: "badge error" }, group.category), " ",
      h("code", {}, group.signature), " · ",
      `${plural(group.job_count, "job")}, first ${formatTime(group.first_seen)}, last ${formatTime(group.last_seen)}`),
    h("p", {}, sparkline(dailySeries(group.days, days), `Jobs per day over the last ${days} days`, Math.min(600, days * 8), 40)),
    group.hosts.length ? h("p", { class: "hosts" }, "Hosts: ", ...group.hosts.map((x) => h("span", { class: "chip" }, `${x.host} · ${x.job_count}`))) : null,
    h("h2", {}, "Jobs"),
    h("ul", { class: "failure-jobs", "aria-label": "Jobs" }, ...group.jobs.map((j) =>
      h("li", { "data-job": j.job_id },
        h("a", { href: `${base}jobs/${encodeURIComponent(j.job_id)}` }, j.job_id),
        h("span", { class: "muted small" }, ` · ${j.status} · ${formatTime(j.updated_at)}${j.host ? ` · ${j.host}` : ""}`))))]);
}

function row(group: SignatureGroup, base: string, suspects: Set<string>): HTMLLIElement {
  const link = `${base}failures/${encodeURIComponent(group.signature)}`;
  const series = dailySeries(group.days, sparklineDays);
  return h("li", { class: "failure", "data-signature": group.signature, "data-category": group.category },
    h("div", { class: "failure-row" },
      h("span", { class: "count", "data-testid": "failure-count", title: plural(group.job_count, "job") }, String(group.job_count)),
      h("div", { class: "failure-body" },
        h("a", { href: link, class: "title" }, group.title),
        h("div", { class: "meta" },
          h("span", { class: "badge error" }, group.category),
          sparkline(series, `${plural(series.reduce((a, b) => a + b, 0), "job")} in the last ${sparklineDays} days`),
          h("span", { class: "muted small" }, `last ${formatTime(group.last_seen)}`),
          group.hosts.length === 0 ? null : h("span", { class: "hosts" }, ...group.hosts.slice(0, 3).map((x) =>
            h("a", { class: `chip${suspects.has(x.host) ? " suspect" : ""}`, href: `${base}failures?host=${encodeURIComponent(x.host)}`, title: suspects.has(x.host) ? "Suspect node: several different failures here" : `${plural(x.job_count, "job")} here` },
              `${x.host} · ${x.job_count}${suspects.has(x.host) ? " ⚠" : ""}`)))),
        h("p", { class: "small" }, "Jobs: ", ...group.jobs.slice(0, 5).flatMap((j, i) => [i ? ", " : "", h("a", { href: `${base}jobs/${encodeURIComponent(j.job_id)}` }, j.job_id)]),
          group.job_count > 5 ? h("span", { class: "muted" }, ", …") : null))));
}

async function tokenOrSignIn(main: HTMLElement, again: () => void): Promise<string | null> {
  const token = readToken();
  if (token) return token;
  main.replaceChildren(signInForm("Enter an API token to see the failures of the jobs it may see.", (t) => { saveToken(t); again(); }));
  return null;
}

/** Shows the sign-in form or an error with a retry for anything but a body; true when there is one. */
function handled<T>(outcome: Outcome<T>, main: HTMLElement, again: () => void): boolean {
  if (outcome.kind === "ok") return true;
  if (outcome.kind === "unauthorized") {
    saveToken(null);
    main.replaceChildren(signInForm("The service did not accept the token.", (t) => { saveToken(t); again(); }));
    return false;
  }
  const text = outcome.kind === "network" ? `Could not reach the service (${outcome.message}).`
    : outcome.kind === "http" ? `The service answered ${outcome.status}: ${outcome.message}` : "The failures API is not available on this server.";
  main.replaceChildren(h("div", { class: "notice", role: "alert" }, h("p", {}, text), h("button", { type: "button", onclick: again }, "Retry")));
  return false;
}

function navigate(base: string, key: string, value: string | null, main: HTMLElement, fetchFn: Fetch): void {
  const url = new URL(location.href);
  if (value) url.searchParams.set(key, value);
  else url.searchParams.delete(key);
  history.replaceState(null, "", url);
  void showFailures(main, base, fetchFn);
}

function daysSince(iso: string | null): number {
  if (!iso) return 0;
  return Math.ceil((Date.now() - Date.parse(iso)) / 86_400_000) + 1;
}
