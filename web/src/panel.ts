// <error-trace-panel job-id="…" api-base="/api/training" token="…">: fetches GET {api-base}/{job-id}/errors and shows
// the report. The host supplies the token (attribute, .token, or a .getToken callback). Events: error-count,
// report-loaded, token-change, token-required.
import { fetchReport, type Fetch, type Outcome } from "./api";
import { copyToClipboard } from "./clipboard";
import { h } from "./dom";
import { formatTime, plural } from "./format";
import { defaultLinkTemplate, parsePathMap } from "./links";
import { reportToMarkdown } from "./markdown";
import { renderErrors } from "./render/errors";
import { renderSkeleton, renderState, renderTokenForm } from "./render/states";
import { renderSummary } from "./render/summary";
import { renderTimeline } from "./render/timeline";
import { renderTraceback } from "./render/traceback";
import { panelCss } from "./styles";
import type { ErrorReport } from "./types";
import { initialViewState, type ViewActions, type ViewState } from "./view";

type Phase = { kind: "idle" } | { kind: "loading" } | Exclude<Outcome<ErrorReport>, { kind: "not-modified" }>;

export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

let sheet: CSSStyleSheet | null = null;

export class ErrorTracePanel extends HTMLElement {
  static readonly observedAttributes = ["job-id", "api-base", "token", "link-template", "path-map", "poll-interval"];

  /** A callback the host provides to supply (and refresh) the token; wins over the attribute. */
  getToken: TokenSource | null = null;
  /** Replaceable for tests and for hosts that wrap fetch. */
  fetch: Fetch = (input, init) => window.fetch(input, init);

  readonly #root: ShadowRoot;
  readonly #view: ViewState = initialViewState();
  #phase: Phase = { kind: "idle" };
  #report: ErrorReport | null = null;
  #etag: string | null = null;
  #token: string | null = null;
  #rejected = false;
  #updated: Date | null = null;
  #abort: AbortController | null = null;
  #poll: ReturnType<typeof setTimeout> | null = null;
  #status!: HTMLElement;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    if ("adoptedStyleSheets" in this.#root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(panelCss);
      this.#root.adoptedStyleSheets = [sheet];
    } else {
      this.#root.append(h("style", {}, panelCss));
    }
  }

  get jobId(): string { return this.getAttribute("job-id") ?? ""; }
  set jobId(value: string) { this.setAttribute("job-id", value); }
  get apiBase(): string { return this.getAttribute("api-base") ?? "/api/training"; }
  set apiBase(value: string) { this.setAttribute("api-base", value); }
  /** The token set by property or the panel's own sign-in form (not reflected to an attribute). */
  get token(): string | null { return this.#token ?? this.getAttribute("token"); }
  set token(value: string | null) { this.#token = value; if (this.isConnected) void this.refresh(); }
  get report(): ErrorReport | null { return this.#report; }
  get errorCount(): number | null { return this.#report ? this.#report.errors.filter((e) => e.level === "error").length : null; }

  connectedCallback(): void {
    if (this.#phase.kind === "idle") void this.refresh();
  }

  disconnectedCallback(): void {
    this.#abort?.abort();
    this.#stopPolling();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.isConnected) return;
    if (name === "job-id" || name === "api-base") {
      this.#report = null;
      this.#etag = null;
      void this.refresh();
    } else if (name === "token") void this.refresh();
    else if (name === "poll-interval") this.#schedulePoll();
    else this.#render();
  }

  /** Fetches the report again (If-None-Match when one is shown, so an unchanged report costs a 304). */
  async refresh(): Promise<void> {
    this.#abort?.abort();
    this.#stopPolling();
    const abort = (this.#abort = new AbortController());
    if (!this.jobId) return;
    if (!this.#report) {
      this.#phase = { kind: "loading" };
      this.#render();
    } else this.#announce("Refreshing…");
    const token = (this.getToken ? await this.getToken() : null) ?? this.token;
    const outcome = await fetchReport(this.fetch, this.apiBase, this.jobId, token ?? null, this.#report ? this.#etag : null, abort.signal);
    if (abort.signal.aborted) return;
    this.#updated = new Date();
    if (outcome.kind === "not-modified") {
      this.#announce(`Up to date (${this.#updated.toLocaleTimeString()})`);
      this.#schedulePoll();
      return;
    }
    if (outcome.kind === "network" && abort.signal.aborted) return;
    this.#phase = outcome;
    if (outcome.kind === "ok") {
      this.#report = outcome.body;
      this.#etag = outcome.etag;
      this.#rejected = false;
      this.#publishCount();
      this.dispatchEvent(new CustomEvent("report-loaded", { detail: { report: outcome.body }, bubbles: true, composed: true }));
    } else {
      this.#report = null;
      this.#etag = null;
      this.removeAttribute("error-count");
      if (outcome.kind === "unauthorized") this.dispatchEvent(new CustomEvent("token-required", { detail: { jobId: this.jobId }, bubbles: true, composed: true }));
    }
    this.#render();
    this.#schedulePoll();
  }

  #publishCount(): void {
    const report = this.#report;
    if (!report) return;
    const errors = report.errors.filter((e) => e.level === "error").length;
    const warnings = report.errors.length - errors;
    this.setAttribute("error-count", String(errors));
    this.dispatchEvent(new CustomEvent("error-count", { detail: { jobId: report.job_id, count: errors, errors, warnings }, bubbles: true, composed: true }));
  }

  #schedulePoll(): void {
    this.#stopPolling();
    const seconds = Number(this.getAttribute("poll-interval") ?? "0");
    if (!this.isConnected || !(seconds > 0) || this.#report?.status !== "running") return;
    this.#poll = setTimeout(() => {
      if (document.visibilityState === "hidden") this.#schedulePoll();
      else void this.refresh();
    }, Math.max(2, seconds) * 1000);
  }

  #stopPolling(): void {
    if (this.#poll !== null) clearTimeout(this.#poll);
    this.#poll = null;
  }

  readonly #actions: ViewActions = {
    setLevel: (level) => { this.#view.level = level; this.#render(); },
    toggle: (key) => { this.#view[key] = !this.#view[key]; this.#render(); },
    toggleRun: (id) => { if (!this.#view.openRuns.delete(id)) this.#view.openRuns.add(id); this.#render(); },
    copyText: (text, what) => void this.#copy(text, what),
  };

  /** Copies the full report as Markdown. */
  async copyReport(): Promise<boolean> {
    return this.#report ? this.#copy(reportToMarkdown(this.#report), "Report") : false;
  }

  async #copy(text: string, what: string): Promise<boolean> {
    const ok = await copyToClipboard(text, this.#root);
    this.#announce(ok ? `${what} copied to the clipboard` : `Could not copy the ${what.toLowerCase()}`);
    return ok;
  }

  #announce(text: string): void {
    if (this.#status) this.#status.textContent = text;
  }

  #render(): void {
    const focusedAction = (this.#root.activeElement as HTMLElement | null)?.dataset?.["action"] ?? (this.#root.activeElement as HTMLElement | null)?.dataset?.["level"];
    const root = h("div", { class: "root" });
    this.#status = h("p", { class: "small muted", role: "status", "aria-live": "polite", "data-testid": "status-line" },
      this.#updated && this.#report ? `Updated ${this.#updated.toLocaleTimeString()}` : "");
    root.append(this.#header(), this.#status);
    const phase = this.#phase;
    switch (phase.kind) {
      case "idle":
      case "loading":
        root.append(renderSkeleton());
        break;
      case "unauthorized":
        root.append(renderTokenForm((token) => this.#signIn(token), this.#rejected || Boolean(this.token)));
        break;
      case "not-found":
        root.append(renderState("not-found", "Unknown job", `No job "${this.jobId}" is visible to this token.`, null));
        break;
      case "api-absent":
        root.append(renderState("api-absent", "Error details are not available here",
          "This server has no errors API (GET …/{job_id}/errors answered 404). The job's own status and log are still the place to look.", () => void this.refresh()));
        break;
      case "network":
        root.append(renderState("network", "Could not reach the errors API", `The request failed (${phase.message}). Check the connection and retry.`, () => void this.refresh()));
        break;
      case "http":
        root.append(renderState("http", `The errors API answered ${phase.status}`, phase.message || "Unexpected answer.", () => void this.refresh()));
        break;
      case "ok":
        root.append(...this.#reportView(phase.body));
        break;
    }
    this.#root.replaceChildren(...Array.from(this.#root.childNodes).filter((n) => n.nodeName === "STYLE"), root);
    if (focusedAction) (this.#root.querySelector(`[data-action="${focusedAction}"],[data-level="${focusedAction}"]`) as HTMLElement | null)?.focus();
  }

  #signIn(token: string): void {
    this.#rejected = true;
    this.dispatchEvent(new CustomEvent("token-change", { detail: { token }, bubbles: true, composed: true }));
    this.token = token;
  }

  #header(): HTMLElement {
    const report = this.#report;
    const count = this.errorCount;
    return h("header", { class: "bar" },
      h("h2", {}, "Errors ", h("code", {}, this.jobId || "—"), " ",
        count === null ? null : h("span", { class: `badge ${count ? "error" : "zero"}`, "data-testid": "error-count", "aria-label": plural(count, "error") }, String(count))),
      h("div", { class: "actions" },
        h("button", { type: "button", "data-action": "refresh", onclick: () => void this.refresh() }, "Refresh errors"),
        report ? h("button", { type: "button", "data-action": "copy-report", onclick: () => void this.copyReport() }, "Copy report") : null));
  }

  #reportView(report: ErrorReport): HTMLElement[] {
    const views: Array<HTMLElement | null> = [renderSummary(report)];
    if (report.traceback) views.push(renderTraceback(report.traceback, this.#view, this.#settings(), this.#actions));
    else if (report.errors.length === 0) {
      views.push(h("div", { class: "card state", "data-state": "empty" },
        h("h3", {}, "No errors"),
        h("p", { class: "muted" }, report.status === "running" ? "Nothing has gone wrong so far." : "The log has no errors, warnings or tracebacks.")));
    }
    if (report.errors.length) views.push(renderErrors(report.errors, this.#view, this.#actions));
    views.push(renderTimeline(report));
    const others = report.tracebacks.filter((t) => t !== report.traceback && !(t.first_line === report.traceback?.first_line));
    if (others.length) {
      views.push(h("section", { class: "card", "aria-labelledby": "et-other-h" },
        h("h3", { id: "et-other-h" }, `Other failures (${others.length})`),
        h("ul", { class: "small", style: "margin:0;padding-left:18px" }, ...others.map((t) =>
          h("li", {}, h("code", {}, t.exception_type), t.secondary ? " (cascade)" : "", ` — line ${t.first_line}`, t.timestamp ? `, ${formatTime(t.timestamp)}` : "")))));
    }
    if (report.notes.length) views.push(h("section", { class: "card small muted" }, h("ul", { style: "margin:0;padding-left:18px" }, ...report.notes.map((n) => h("li", {}, n)))));
    return views.filter((v): v is HTMLElement => v !== null);
  }

  #settings() {
    return { linkTemplate: this.getAttribute("link-template") ?? defaultLinkTemplate, pathMap: parsePathMap(this.getAttribute("path-map")) };
  }
}
