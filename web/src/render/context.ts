// What happened just before the failure (the breadcrumbs: the last lines the root's rank printed) and the log viewer
// that any line number opens.
import { h, heading } from "../dom";
import { plural } from "../format";
import type { ExcerptLine } from "../types";
import type { Breadcrumbs, ViewActions, ViewSettings, ViewState } from "../view";

/** Lines shown before "Show N earlier lines": the last few say what the job was doing. */
export const collapsedBreadcrumbs = 5;

export function renderBreadcrumbs(crumbs: Breadcrumbs, firstLine: number, state: ViewState, settings: ViewSettings, actions: ViewActions): HTMLElement {
  const card = h("section", { class: "card", "aria-labelledby": "et-crumbs-h", "data-testid": "breadcrumbs" });
  const scope = crumbs.rank === null ? "" : ` on rank ${crumbs.rank}`;
  card.append(h("div", { class: "bar" },
    heading(settings.headingLevel + 1, { id: "et-crumbs-h" }, "Just before"),
    h("span", { class: "small muted" }, `the lines printed${scope} before line ${firstLine}`)));
  if (crumbs.state === "loading") {
    card.append(h("p", { class: "muted small", "aria-busy": "true" }, "Reading the log…"));
    return card;
  }
  if (crumbs.state === "error") {
    card.append(h("p", { class: "muted small" }, "The log lines could not be read."));
    return card;
  }
  if (crumbs.lines.length === 0) {
    card.append(h("p", { class: "muted small" }, "Nothing was printed before it."));
    return card;
  }
  const hidden = state.allBreadcrumbs ? 0 : Math.max(0, crumbs.lines.length - collapsedBreadcrumbs);
  if (hidden > 0 || state.allBreadcrumbs) {
    card.append(h("div", {}, h("button", { type: "button", class: "link", "aria-expanded": String(state.allBreadcrumbs), "data-action": "more-breadcrumbs", onclick: () => actions.toggle("allBreadcrumbs") },
      state.allBreadcrumbs ? `Show only the last ${collapsedBreadcrumbs}` : `Show ${plural(hidden, "earlier line")}`)));
  }
  card.append(logLines(crumbs.lines.slice(hidden), null, actions, "Lines before the failure"));
  return card;
}

/** Lines with their numbers (each opens the log there), one highlighted. */
export function logLines(lines: readonly ExcerptLine[], target: number | null, actions: ViewActions | null, label: string): HTMLElement {
  const list = h("ol", { class: "log-lines-list" });
  for (const l of lines) {
    const number = actions
      ? h("button", { type: "button", class: "link ln", "aria-label": `Open the log at line ${l.line}`, onclick: () => actions.openLog(l.line) }, String(l.line))
      : h("span", { class: "ln" }, String(l.line));
    list.append(h("li", { class: l.line === target ? "target" : "", "data-line": String(l.line), "aria-current": l.line === target ? "true" : false },
      number,
      l.rank !== null ? h("span", { class: "rk", title: `rank ${l.rank}${l.host ? ` on ${l.host}` : ""}` }, `r${l.rank}`) : null,
      h("code", {}, l.text || " ", l.cut ? h("span", { class: "muted" }, " …") : null)));
  }
  // A scrolling box: reachable by keyboard, named for screen readers.
  return h("div", { class: "log-lines", tabindex: "0", role: "region", "aria-label": label }, list);
}

export interface LogViewer {
  /** Shows lines around `line` (1-based). */
  open(line: number): void;
}

export type LineFetcher = (from: number, to: number) => Promise<ExcerptLine[] | string>;

/** Lines shown around a line at first; each "Earlier"/"Later" adds as many. */
const around = 15;
const step = 50;

/** A modal dialog showing a range of the log, with earlier/later and copy. */
export function createLogViewer(root: ShadowRoot, fetchLines: LineFetcher, totalLines: () => number, copy: (text: string) => void): LogViewer {
  let from = 1;
  let to = 1;
  let target = 1;
  let lines: ExcerptLine[] = [];
  const title = h("h2", { id: "et-log-h" }, "Log");
  const body = h("div", { class: "log-body" });
  const earlier = h("button", { type: "button", "data-action": "log-earlier", onclick: () => void load(Math.max(1, from - step), to) }, "Earlier lines");
  const later = h("button", { type: "button", "data-action": "log-later", onclick: () => void load(from, to + step) }, "Later lines");
  const close = h("button", { type: "button", "data-action": "log-close", onclick: () => dialog.close() }, "Close");
  const copyButton = h("button", { type: "button", onclick: () => copy(lines.map((l) => `${l.line}: ${l.text}`).join("\n")) }, "Copy lines");
  const dialog = h("dialog", { class: "log-dialog", "aria-labelledby": "et-log-h", "data-testid": "log-viewer" },
    h("div", { class: "bar" }, title, h("div", { class: "actions" }, copyButton, close)),
    h("div", { class: "actions" }, earlier, later),
    body);
  dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });
  root.append(dialog);

  async function load(start: number, end: number): Promise<void> {
    from = start;
    to = Math.min(end, Math.max(start, totalLines() || end), start + 499);
    title.textContent = `Log lines ${from}–${to}`;
    body.replaceChildren(h("p", { class: "muted", "aria-busy": "true" }, "Reading the log…"));
    const result = await fetchLines(from, to);
    if (typeof result === "string") {
      body.replaceChildren(h("p", { role: "alert" }, result));
      return;
    }
    lines = result;
    earlier.disabled = from <= 1;
    later.disabled = totalLines() > 0 && to >= totalLines();
    body.replaceChildren(result.length ? logLines(result, target, null, `Log lines ${from} to ${to}`) : h("p", { class: "muted" }, "No lines there."));
    body.querySelector(".target")?.scrollIntoView({ block: "center" });
  }

  return {
    open(line: number) {
      target = line;
      if (!dialog.open) dialog.showModal();
      void load(Math.max(1, line - around), line + around);
    },
  };
}
