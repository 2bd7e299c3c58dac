// <error-trace-panel job-id="…" api-base="/api/training" token="…">: fetches GET {api-base}/{job-id}/errors and shows
// the report. The host supplies the token (attribute, .token, or a .getToken callback). Events: error-count,
// report-loaded, token-change, token-required.
import { fetchLog, fetchMarkdown, fetchReport, type Fetch, type Outcome } from "./api";
import { copyToClipboard } from "./clipboard";
import { h } from "./dom";
import { formatClock, plural } from "./format";
import { defaultLinkTemplate, parsePathMap } from "./links";
import { progressFrom } from "./progress";
import { renderBanner } from "./render/banner";
import { createLogViewer, renderBreadcrumbs, type LogViewer } from "./render/context";
import { renderEnvironment } from "./render/environment";
import { renderErrors } from "./render/errors";
import { renderHero } from "./render/hero";
import { renderOthers } from "./render/others";
import { renderRuns } from "./render/runs";
import { renderSkeleton, renderState, renderTokenForm } from "./render/states";
import { renderSummary } from "./render/summary";
import { renderTimeline } from "./render/timeline";
import { renderTraceback } from "./render/traceback";
import { panelCss } from "./styles";
import type { ErrorReport, ExcerptLine } from "./types";
import { initialViewState, type Breadcrumbs, type ViewActions, type ViewState } from "./view";

/** Lines read before the root failure to find the last ones of its rank. */
const breadcrumbWindow = 300;
/** Breadcrumbs kept (the card shows the last few, the rest behind a button). */
const breadcrumbCount = 30;
/** A poll that fails waits twice as long each time, up to this many seconds. */
const maxPollSeconds = 300;

type Phase = { kind: "idle" } | { kind: "loading" } | Exclude<Outcome<ErrorReport>, { kind: "not-modified" }>;

export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

let sheet: CSSStyleSheet | null = null;

export class ErrorTracePanel extends HTMLElement {
  static readonly observedAttributes = ["job-id", "api-base", "token", "link-template", "path-map", "poll-interval", "heading-level", "scan"];

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
  /** Read the log of a job that did not fail too (the "Scan log" button, a running job, or the scan attribute). */
  #scan = false;
  /** The last refresh's failure while a report is shown: the report stays, a banner says this. */
  #failure: string | null = null;
  #failedPolls = 0;
  #crumbs: Breadcrumbs | null = null;
  #crumbsFor: string | null = null;
  #viewer: LogViewer | null = null;

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
      this.#crumbs = null;
      this.#crumbsFor = null;
      this.#scan = false;
      this.#failure = null;
      void this.refresh();
    } else if (name === "scan") {
      if (value !== null && value !== "false") void this.scanLog();
    } else if (name === "token") void this.refresh();
    else if (name === "poll-interval") this.#schedulePoll();
    else this.#render();
  }

  /** Reads the log of a job that did not fail (what the "Scan log" button does). */
  async scanLog(): Promise<void> {
    this.#scan = true;
    this.#etag = null;
    await this.refresh();
  }

  /** Fetches the report again (If-None-Match when one is shown, so an unchanged report costs a 304). A failure while a
   * report is shown keeps it, with a banner and a retry; a poll that fails backs off. */
  async refresh(): Promise<void> {
    this.#abort?.abort();
    this.#stopPolling();
    const abort = (this.#abort = new AbortController());
    if (!this.jobId) return;
    if (this.getAttribute("scan") === "true") this.#scan = true;
    if (!this.#report) {
      this.#phase = { kind: "loading" };
      this.#render();
    } else this.#announce("Refreshing…");
    const token = (this.getToken ? await this.getToken() : null) ?? this.token;
    const outcome = await fetchReport(this.fetch, this.apiBase, this.jobId, token ?? null, this.#report ? this.#etag : null, abort.signal, this.#scan);
    if (abort.signal.aborted) return;
    if (outcome.kind === "not-modified") {
      this.#updated = new Date();
      this.#failedPolls = 0;
      const hadFailure = this.#failure !== null;
      this.#failure = null;
      if (hadFailure) this.#render();
      this.#announce(`Up to date (${formatClock(this.#updated)})`);
      this.#schedulePoll();
      return;
    }
    if (outcome.kind === "ok") {
      this.#updated = new Date();
      this.#phase = outcome;
      this.#report = outcome.body;
      this.#etag = outcome.etag;
      this.#rejected = false;
      this.#failure = null;
      this.#failedPolls = 0;
      this.#publishCount();
      this.dispatchEvent(new CustomEvent("report-loaded", { detail: { report: outcome.body }, bubbles: true, composed: true }));
      // A running job is what people watch: its log is read without asking.
      if (!this.#scan && outcome.body.status === "running" && outcome.body.log?.scanned === false) {
        void this.scanLog();
        return;
      }
      this.#loadBreadcrumbs(outcome.body);
    } else if (this.#report && outcome.kind !== "unauthorized") {
      // Keep what was shown; say what failed.
      this.#failure = failureText(outcome);
      this.#failedPolls++;
    } else {
      this.#phase = outcome;
      this.#report = null;
      this.#etag = null;
      this.#failure = null;
      this.removeAttribute("error-count");
      if (outcome.kind === "unauthorized") this.dispatchEvent(new CustomEvent("token-required", { detail: { jobId: this.jobId }, bubbles: true, composed: true }));
    }
    this.#render();
    this.#schedulePoll();
  }

  /** The last lines the root failure's rank printed before it (all ranks' when that rank printed none). */
  #loadBreadcrumbs(report: ErrorReport): void {
    const tb = report.traceback;
    const key = tb ? `${report.job_id}:${tb.first_line}:${tb.rank}` : null;
    if (key === this.#crumbsFor) return;
    this.#crumbsFor = key;
    this.#crumbs = null;
    if (!tb || tb.first_line <= 1) return;
    const crumbs: Breadcrumbs = (this.#crumbs = { state: "loading", lines: [], rank: tb.rank, progress: null });
    const to = tb.first_line - 1;
    const from = Math.max(1, to - breadcrumbWindow + 1);
    void (async () => {
      let lines = await this.#fetchLines(from, to, tb.rank);
      if (Array.isArray(lines) && lines.length === 0 && tb.rank !== null) {
        crumbs.rank = null;
        lines = await this.#fetchLines(from, to, null);
      }
      if (this.#crumbs !== crumbs) return;
      if (typeof lines === "string") crumbs.state = "error";
      else {
        crumbs.state = "ok";
        crumbs.lines = lines.filter((l) => l.text.trim().length > 0).slice(-breadcrumbCount);
        crumbs.progress = progressFrom(lines);
      }
      this.#render();
    })();
  }

  async #fetchLines(from: number, to: number, rank: number | null): Promise<ExcerptLine[] | string> {
    const token = (this.getToken ? await this.getToken() : null) ?? this.token;
    const outcome = await fetchLog(this.fetch, this.apiBase, this.jobId, token ?? null, from, to, rank);
    return outcome.kind === "ok" ? outcome.body.lines : failureText(outcome);
  }

  /** Opens the log viewer at a line (1-based). */
  openLog(line: number): void {
    this.#viewer ??= createLogViewer(this.#root, (from, to) => this.#fetchLines(from, to, null), () => this.#report?.log?.lines ?? 0,
      (text) => void this.#copy(text, "Lines"));
    this.#viewer.open(line);
  }

  #publishCount(): void {
    const report = this.#report;
    if (!report) return;
    const errors = report.errors.filter((e) => e.level === "error").length;
    const warnings = report.errors.length - errors;
    const scanned = report.log?.scanned !== false;
    this.setAttribute("error-count", scanned ? String(errors) : "");
    this.dispatchEvent(new CustomEvent("error-count", { detail: { jobId: report.job_id, count: errors, errors, warnings, scanned }, bubbles: true, composed: true }));
  }

  #schedulePoll(): void {
    this.#stopPolling();
    const seconds = Number(this.getAttribute("poll-interval") ?? "0");
    if (!this.isConnected || !(seconds > 0) || this.#report?.status !== "running") return;
    const delay = Math.min(maxPollSeconds, Math.max(2, seconds) * 2 ** this.#failedPolls);
    this.#poll = setTimeout(() => {
      if (document.visibilityState === "hidden") this.#schedulePoll();
      else void this.refresh();
    }, delay * 1000);
  }

  #stopPolling(): void {
    if (this.#poll !== null) clearTimeout(this.#poll);
    this.#poll = null;
  }

  readonly #actions: ViewActions = {
    setLevel: (level) => { this.#view.level = level; this.#render(); },
    toggle: (key) => { this.#view[key] = !this.#view[key]; this.#render(); },
    toggleRun: (id) => { if (!this.#view.openRuns.delete(id)) this.#view.openRuns.add(id); this.#render(); },
    toggleOther: (i) => { if (!this.#view.openOthers.delete(i)) this.#view.openOthers.add(i); this.#render(); },
    copyText: (text, what) => void this.#copy(text, what),
    openLog: (line) => this.openLog(line),
    scan: () => void this.scanLog(),
  };

  /** Copies the full report as Markdown, as the service renders it (the CLI's --format markdown, byte for byte). */
  async copyReport(): Promise<boolean> {
    if (!this.#report) return false;
    const token = (this.getToken ? await this.getToken() : null) ?? this.token;
    const outcome = await fetchMarkdown(this.fetch, this.apiBase, this.jobId, token ?? null, this.#scan);
    if (outcome.kind !== "ok") {
      this.#announce(`Could not copy the report: ${copyFailure(outcome)}`);
      return false;
    }
    return this.#copy(outcome.body, "Report");
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
    const active = this.#root.activeElement as HTMLElement | null;
    const focusedAction = active?.dataset?.["action"] ?? active?.dataset?.["level"];
    const root = h("div", { class: "root" });
    this.#status = h("p", { class: "small muted status-line", role: "status", "aria-live": "polite", "data-testid": "status-line" },
      this.#updated && this.#report ? `Updated ${formatClock(this.#updated)}` : "");
    root.append(this.#header());
    if (this.#failure && this.#report) {
      root.append(renderBanner(this.#failure, () => void this.refresh(), () => { this.#failure = null; this.#render(); }));
    }
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
    this.#root.replaceChildren(...Array.from(this.#root.childNodes).filter((n) => n.nodeName === "STYLE" || n.nodeName === "DIALOG"), root);
    if (focusedAction) (this.#root.querySelector(`[data-action="${focusedAction}"],[data-level="${focusedAction}"]`) as HTMLElement | null)?.focus();
  }

  #signIn(token: string): void {
    this.#rejected = true;
    this.dispatchEvent(new CustomEvent("token-change", { detail: { token }, bubbles: true, composed: true }));
    this.token = token;
  }

  #header(): HTMLElement {
    const report = this.#report;
    const scanned = report?.log?.scanned !== false;
    const errors = report ? report.errors.filter((e) => e.level === "error").length : null;
    const warnings = report && errors !== null ? report.errors.length - errors : null;
    return h("header", { class: "bar toolbar" },
      h("div", { class: "job" },
        h("span", { class: "muted small" }, "Job "), h("code", { "data-testid": "job-id" }, this.jobId || "—"), " ",
        report && !scanned ? h("span", { class: "badge neutral", "data-testid": "error-count" }, "not scanned") : null,
        report && scanned && errors !== null ? h("span", { class: `badge ${errors ? "error" : "zero"}`, "data-testid": "error-count", "aria-label": plural(errors, "error") }, plural(errors, "error")) : null, " ",
        report && scanned && warnings ? h("span", { class: "badge warning", "data-testid": "warning-count" }, plural(warnings, "warning")) : null),
      h("div", { class: "actions" },
        this.#status,
        h("button", { type: "button", "data-action": "refresh", onclick: () => void this.refresh() }, "Refresh"),
        report ? h("button", { type: "button", "data-action": "copy-report", onclick: () => void this.copyReport() }, "Copy report") : null));
  }

  #reportView(report: ErrorReport): HTMLElement[] {
    const settings = this.#settings();
    const level = settings.headingLevel + 1;
    const tb = report.traceback;
    const views: Array<HTMLElement | null> = [renderHero(report, this.#view, settings, this.#actions, this.#crumbs)];
    if (tb) views.push(renderTraceback(tb, this.#view, settings, this.#actions));
    if (tb && this.#crumbs) views.push(renderBreadcrumbs(this.#crumbs, tb.first_line, this.#view, settings, this.#actions));
    views.push(renderRuns(report.runs, settings, this.#actions));
    views.push(renderSummary(report, this.#view, settings, this.#actions));
    views.push(renderEnvironment(report.environment, level, this.#actions));
    if (report.errors.length) views.push(renderErrors(report.errors, this.#view, settings, this.#actions));
    views.push(renderOthers(report.tracebacks.filter((t) => t !== tb && !(tb && t.first_line === tb.first_line)), this.#view, settings, this.#actions));
    views.push(renderTimeline(report, level));
    if (report.notes.length) views.push(h("section", { class: "card small muted", "aria-label": "Notes" }, h("ul", { style: "margin:0;padding-left:18px" }, ...report.notes.map((n) => h("li", {}, n)))));
    return views.filter((v): v is HTMLElement => v !== null);
  }

  #settings() {
    const level = Number(this.getAttribute("heading-level") ?? "2");
    return {
      linkTemplate: this.getAttribute("link-template") ?? defaultLinkTemplate,
      pathMap: parsePathMap(this.getAttribute("path-map")),
      headingLevel: level >= 1 && level <= 4 ? Math.floor(level) : 2,
    };
  }
}

function failureText(outcome: Exclude<Outcome<unknown>, { kind: "ok" }>): string {
  switch (outcome.kind) {
    case "network": return `Could not reach the service (${outcome.message}). The report below is the last one received.`;
    case "http": return `The service answered ${outcome.status}${outcome.message ? `: ${outcome.message}` : ""}. The report below is the last one received.`;
    case "not-found": return "The service no longer knows this job. The report below is the last one received.";
    case "api-absent": return "The errors API is not answering here any more. The report below is the last one received.";
    case "unauthorized": return "The service did not accept the token.";
    case "not-modified": return "";
  }
}

function copyFailure(outcome: Exclude<Outcome<unknown>, { kind: "ok" }>): string {
  switch (outcome.kind) {
    case "network": return `the service could not be reached (${outcome.message}).`;
    case "http": return `the service answered ${outcome.status}${outcome.message ? ` (${outcome.message})` : ""}.`;
    case "unauthorized": return "the service did not accept the token.";
    default: return "the service has no Markdown form of it.";
  }
}
