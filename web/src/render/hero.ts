// The answer first: why the job died (the exception or the death as the heading), where in the user's code, the
// category, rank/host, time and step; or, with nothing found, whether the log was read at all.
import { h, heading } from "../dom";
import { firstLine, formatRanks, formatTime, humanize, plural } from "../format";
import { innermostUserFrame } from "../frames";
import { frameLink } from "../links";
import type { ErrorReport, TracebackInfo } from "../types";
import type { Breadcrumbs, ViewActions, ViewSettings, ViewState } from "../view";

/** A heading longer than this shows its start, and a button shows the rest. */
const maxTitleChars = 220;

const relationWords = { cause: "caused by", context: "raised while handling" } as const;

export function renderHero(report: ErrorReport, state: ViewState, settings: ViewSettings, actions: ViewActions, crumbs: Breadcrumbs | null): HTMLElement {
  const card = h("section", { class: "card hero", "aria-labelledby": "et-hero-h", "data-testid": "answer" });
  const tb = report.traceback;
  const a = report.analysis;
  const badges = h("div", { class: "badges" },
    h("span", { class: `badge ${report.status}`, "data-testid": "status" }, report.status),
    a ? h("span", { class: "badge category", "data-testid": "category", title: a.error_type }, humanize(a.error_type)) : null,
    a ? h("span", { class: "badge neutral", "data-testid": "confidence" }, `${a.confidence} confidence`) : null);
  card.append(badges);

  if (tb) {
    card.append(...title(tb, state, settings, actions));
    const origin = cause(tb);
    if (origin) card.append(origin);
    const place = userPlace(tb, settings, actions);
    if (place) card.append(place);
  } else if (report.log?.scanned === false) {
    card.append(
      heading(settings.headingLevel, { id: "et-hero-h", class: "hero-title", "data-testid": "not-scanned" }, "Log not scanned"),
      h("p", { class: "muted" }, `The job is ${report.status}: its log was not read, so nothing is known of its errors yet.`),
      h("div", {}, h("button", { type: "button", class: "primary", "data-action": "scan", onclick: () => actions.scan() }, "Scan log")));
  } else if (report.log?.missing) {
    card.append(
      heading(settings.headingLevel, { id: "et-hero-h", class: "hero-title" }, "The log is missing"),
      h("p", { class: "muted" }, report.notes[0] ?? "The service has no log for this job."));
  } else if (a) {
    const evidence = a.evidence[0];
    card.append(heading(settings.headingLevel, { id: "et-hero-h", class: "hero-title", "data-testid": "exception" },
      h("span", { class: "type" }, humanize(a.error_type)), evidence ? h("span", { class: "msg" }, `: ${clip(firstLine(evidence.text), maxTitleChars)}`) : null));
  } else {
    const errors = report.errors.filter((e) => e.level === "error").length;
    const warnings = report.errors.length - errors;
    const text = errors > 0 ? `${plural(errors, "error")} in the log, no failure`
      : report.status === "running" ? "Nothing has gone wrong so far"
      : report.status === "failed" ? "Failed, and the log shows no failure"
      : "No errors in the log";
    card.append(heading(settings.headingLevel, { id: "et-hero-h", class: "hero-title", "data-testid": "clean" }, text),
      h("p", { class: "muted" }, `The whole log was read (${plural(report.log?.lines ?? 0, "line")})${warnings ? `; ${plural(warnings, "warning")} below` : ""}.`));
  }

  const facts = factList(report, tb, actions, crumbs);
  if (facts.childElementCount) card.append(facts);
  return card;
}

function title(tb: TracebackInfo, state: ViewState, settings: ViewSettings, actions: ViewActions): HTMLElement[] {
  const message = tb.kind === "signal" ? firstLine(tb.exception_message) : tb.exception_message.replace(/^\n+/, "").split("\n")[0] ?? "";
  const long = message.length > maxTitleChars;
  const shown = long && !state.fullMessage ? clip(message, maxTitleChars) : message;
  const head = heading(settings.headingLevel, { id: "et-hero-h", class: "hero-title", "data-testid": "exception" },
    tb.kind === "signal" ? "Killed by " : null,
    h("code", { class: "type" }, tb.exception_type || "Traceback"),
    shown ? h("span", { class: "msg" }, `: ${shown}`) : null);
  const out: HTMLElement[] = [head];
  if (long) {
    out.push(h("div", {}, h("button", { type: "button", class: "link", "aria-expanded": String(state.fullMessage), "data-action": "full-message", onclick: () => actions.toggle("fullMessage") },
      state.fullMessage ? "Show less" : "Show the whole message")));
  }
  return out;
}

/** "caused by ImportError: …" when a chain's first exception is where it started; "because …" when the message itself
 * ends with the real error (transformers' "Failed to import X because of the following error (look up to see its
 * traceback):" puts it on the message's last line). */
function cause(tb: TracebackInfo): HTMLElement | null {
  const origin = tb.chain[0];
  const lines = tb.exception_message.split("\n").map((l) => l.trim()).filter(Boolean);
  if (!origin && lines.length > 1 && /:\s*$/.test(lines[0] as string)) {
    return h("p", { class: "caused-by", "data-testid": "caused-by" }, "because ", h("code", {}, clip(lines[lines.length - 1] as string, maxTitleChars)));
  }
  if (!origin) return null;
  const text = origin.exception_message ? `${origin.exception_type}: ${firstLine(origin.exception_message)}` : origin.exception_type;
  if (origin.exception_type === tb.exception_type && firstLine(origin.exception_message) === firstLine(tb.exception_message)) return null;
  return h("p", { class: "caused-by", "data-testid": "caused-by" }, `${relationWords[origin.relation] ?? "after"} `, h("code", {}, clip(text, maxTitleChars)));
}

function userPlace(tb: TracebackInfo, settings: ViewSettings, actions: ViewActions): HTMLElement | null {
  const frame = innermostUserFrame(tb);
  if (!frame) return null;
  const location = `${frame.file}${frame.line === null ? "" : `:${frame.line}`}`;
  const href = frameLink(settings.linkTemplate, frame.file, frame.line, settings.pathMap);
  const text = h("code", { class: "loc" }, location);
  return h("p", { class: "place", "data-testid": "place" },
    h("span", { class: "muted" }, "in your code: "),
    href ? h("a", { href, title: `Open ${location}` }, text) : text,
    frame.function ? h("span", {}, " in ", h("code", { class: "fn" }, frame.function)) : null,
    " ",
    h("button", { type: "button", class: "link copy", "aria-label": `Copy ${location}`, onclick: () => actions.copyText(location, "Path") }, "copy"));
}

function factList(report: ErrorReport, tb: TracebackInfo | null, actions: ViewActions, crumbs: Breadcrumbs | null): HTMLElement {
  const list = h("ul", { class: "facts", "aria-label": "Where and when" });
  const item = (label: string, value: Node | string, testid?: string) =>
    list.append(h("li", testid ? { "data-testid": testid } : {}, h("span", { class: "muted" }, `${label} `), value));
  const ranks = tb?.ranks.length ? tb.ranks : report.analysis?.root_rank !== null && report.analysis?.root_rank !== undefined ? [report.analysis.root_rank] : [];
  if (ranks.length) item(ranks.length === 1 ? "rank" : "ranks", formatRanks(ranks), "root-rank");
  if (tb?.host) item("host", tb.host, "root-host");
  if (tb?.timestamp) item("at", formatTime(tb.timestamp));
  const phase = tb?.phase ?? (report.analysis && report.analysis.error_phase !== "unknown" ? report.analysis.error_phase : null);
  if (phase) item("phase", phase);
  const progress = tb?.progress ?? crumbs?.progress?.text ?? null;
  if (progress) item("progress", progress, "progress");
  if (tb && tb.count > 1) item("printed", `${tb.count}×`);
  if (tb?.exception_line || tb?.first_line) {
    const line = tb.exception_line || tb.first_line;
    item("log", h("button", { type: "button", class: "link", "data-action": "open-line", "data-line": String(line), onclick: () => actions.openLog(line) }, `line ${line}`));
  }
  return list;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
