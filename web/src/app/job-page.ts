// "/jobs/{id}": the panel full-page, with the token from the session, the answer as the page's <h1> and title, and the
// error count in the page header.
import { h } from "../dom";
import { sameFailureLink } from "./failure-link";
import { plural } from "../format";
import { exceptionLine } from "../format";
import type { ErrorReport } from "../types";
import { readToken, saveToken } from "./session";

export function showJob(main: HTMLElement, base: string, jobId: string, headerBadge: HTMLElement): void {
  document.title = `${jobId} · errortrace`;
  const panel = document.createElement("error-trace-panel");
  panel.setAttribute("job-id", jobId);
  panel.setAttribute("api-base", `${base}api/training`);
  panel.setAttribute("poll-interval", "15");
  panel.setAttribute("heading-level", "1");
  // The service's configured links (Panel:LinkTemplate, Panel:PathMap), set on <body> by the page.
  const { linkTemplate, pathMap } = document.body.dataset;
  if (linkTemplate) panel.setAttribute("link-template", linkTemplate);
  if (pathMap) panel.setAttribute("path-map", pathMap);
  panel.getToken = readToken;
  panel.addEventListener("token-change", (e) => saveToken((e as CustomEvent<{ token: string }>).detail.token));
  panel.addEventListener("report-loaded", (e) => {
    const report = (e as CustomEvent<{ report: ErrorReport }>).detail.report;
    // The answer as the tab's title, as Sentry titles an issue by its exception.
    document.title = report.traceback ? `${exceptionLine(report.traceback).slice(0, 80)} · ${jobId} · errortrace` : `${jobId} · errortrace`;
  });
  panel.addEventListener("error-count", (e) => {
    const { count, warnings, scanned } = (e as CustomEvent<{ count: number; warnings: number; scanned?: boolean }>).detail;
    headerBadge.textContent = scanned === false ? "not scanned" : `${plural(count, "error")}${warnings ? ` · ${plural(warnings, "warning")}` : ""}`;
    headerBadge.className = `badge ${scanned === false ? "" : count ? "error" : "zero"}`;
    headerBadge.hidden = false;
  });
  main.replaceChildren(h("nav", { class: "crumbs", "aria-label": "Breadcrumb" }, h("a", { href: base }, "← All jobs"), sameFailureLink(base, jobId, (input, init) => window.fetch(input, init))), panel);
}
