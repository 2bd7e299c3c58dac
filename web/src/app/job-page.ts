// "/jobs/{id}": the panel full-page, with the token from the session and the error count in the page header.
import { h } from "../dom";
import { sameFailureLink } from "./failure-link";
import { readToken, saveToken } from "./session";

export function showJob(main: HTMLElement, base: string, jobId: string, headerBadge: HTMLElement): void {
  document.title = `${jobId} · errortrace`;
  const panel = document.createElement("error-trace-panel");
  panel.setAttribute("job-id", jobId);
  panel.setAttribute("api-base", `${base}api/training`);
  panel.setAttribute("poll-interval", "15");
  panel.getToken = readToken;
  panel.addEventListener("token-change", (e) => saveToken((e as CustomEvent<{ token: string }>).detail.token));
  panel.addEventListener("error-count", (e) => {
    const count = (e as CustomEvent<{ count: number }>).detail.count;
    headerBadge.textContent = `${count} ${count === 1 ? "error" : "errors"}`;
    headerBadge.className = `badge ${count ? "error" : "zero"}`;
    headerBadge.hidden = false;
  });
  main.replaceChildren(h("p", {}, h("a", { href: base }, "← All jobs"), sameFailureLink(base, jobId, (input, init) => window.fetch(input, init))), panel);
}
