// The root-cause traceback: the exception prominent, the chain with its relations, library frames folded, a raw view.
import { h, heading } from "../dom";
import { formatRanks, formatTime, plural } from "../format";
import { allFrames, countLibraryFrames, groupFrames } from "../frames";
import { tokenize } from "../highlight";
import { frameLink } from "../links";
import type { TracebackFrame, TracebackInfo } from "../types";
import type { ViewActions, ViewSettings, ViewState } from "../view";

const relationText = {
  cause: "The above exception was the direct cause of the following exception",
  context: "During handling of the above exception, another exception occurred",
} as const;

/** The root failure's printout, right under the answer: the user's frames shown, library runs folded. */
export function renderTraceback(tb: TracebackInfo, state: ViewState, settings: ViewSettings, actions: ViewActions): HTMLElement {
  const { details, where } = printoutDetails(tb, "root", state, settings, actions, state.tracebackOpen, () => actions.toggle("tracebackOpen"));
  return h("section", { class: "card", "aria-labelledby": "et-tb-h" },
    h("div", { class: "bar" }, heading(settings.headingLevel + 1, { id: "et-tb-h" }, "Traceback"), h("span", { class: "small muted" }, where)),
    details);
}

/** A failure's printout as a details element (its frame count in the summary) and a line saying where it was printed. */
export function printoutDetails(tb: TracebackInfo, id: string, state: ViewState, settings: ViewSettings, actions: ViewActions, open: boolean, onToggle: () => void) {
  const all = allFrames(tb);
  const libraryCount = countLibraryFrames(all);
  const hasFrames = all.length > 0;
  const raw = state.raw || !hasFrames;
  const where = [
    tb.ranks.length ? `${tb.ranks.length === 1 ? "rank" : "ranks"} ${formatRanks(tb.ranks)}` : null,
    tb.count > 1 ? `printed ${tb.count}×` : null,
    tb.timestamp ? formatTime(tb.timestamp) : null,
    tb.first_line ? (tb.exception_line > tb.first_line ? `log lines ${tb.first_line}–${tb.exception_line}` : `log line ${tb.first_line}`) : null,
  ].filter(Boolean).join(" · ");

  const body = h("div", { class: "trace-scroll", tabindex: "0", role: "region", "aria-label": `Traceback of ${tb.exception_type || "the failure"}` });
  if (raw) body.append(h("pre", { class: "raw", "data-testid": "raw" }, tb.raw));
  else body.append(...printout(tb, id, state, settings, actions));

  const tools = h("div", { class: "actions" },
    hasFrames && libraryCount > 0
      ? h("button", { type: "button", "aria-pressed": String(state.fullStack), "data-action": "full-stack", onclick: () => actions.toggle("fullStack") },
        state.fullStack ? "Hide library frames" : `Full stack (${plural(libraryCount, "library frame")})`)
      : null,
    hasFrames ? h("button", { type: "button", "aria-pressed": String(state.raw), "data-action": "raw", onclick: () => actions.toggle("raw") }, "Raw") : null,
    h("button", { type: "button", "data-action": "copy-traceback", onclick: () => actions.copyText(tb.raw, "Traceback") }, "Copy traceback"));

  const userCount = all.length - libraryCount;
  const counts = hasFrames ? ` (${plural(all.length, "frame")}${libraryCount ? `: ${formatCountPair(userCount, libraryCount)}` : ""})` : "";
  const details = h("details", { class: "traceback", "data-testid": id === "root" ? "traceback" : "other-traceback" },
    h("summary", {}, `${hasFrames ? "Frames" : "Printout"}${counts}`),
    h("div", { class: "trace-body" }, tools, body));
  details.open = open;
  details.addEventListener("toggle", () => {
    if (details.open !== open) onToggle();
  });
  return { details, where };
}

function formatCountPair(user: number, library: number): string {
  return `${user} yours, ${library} library`;
}

// One exception as CPython prints it: its chain, its frames, its line, then an exception group's sub-exceptions,
// numbered and nested like the `+---- N ----` blocks of the text.
function printout(tb: TracebackInfo, id: string, state: ViewState, settings: ViewSettings, actions: ViewActions): HTMLElement[] {
  const out: HTMLElement[] = [];
  tb.chain.forEach((link, i) => {
    out.push(frames(link.frames, `${id}c${i}`, state, settings, actions), exceptionLine(link.exception_type, link.exception_message),
      h("div", { class: "relation", role: "separator", "data-relation": link.relation }, relationText[link.relation] ?? link.relation));
  });
  out.push(frames(tb.frames, id, state, settings, actions), exceptionLine(tb.exception_type, tb.exception_message));
  if (tb.sub_exceptions.length) {
    const list = h("ol", { class: "subs", "data-testid": "sub-exceptions", "aria-label": `${plural(tb.sub_exceptions.length, "sub-exception")}` });
    tb.sub_exceptions.forEach((sub, i) => list.append(h("li", { class: "sub", "data-testid": "sub-exception" }, ...printout(sub, `${id}s${i}`, state, settings, actions))));
    out.push(list);
  }
  return out;
}

function exceptionLine(type: string, message: string): HTMLElement {
  return h("div", { class: "frame exc-line" }, h("span", { class: "tok-keyword" }, type), message ? `: ${message.replace(/^\n+/, "")}` : "");
}

function frames(list: readonly TracebackFrame[], id: string, state: ViewState, settings: ViewSettings, actions: ViewActions): HTMLElement {
  const ol = h("ol", { class: "frames" });
  groupFrames(list).forEach((run, i) => {
    const runId = `${id}:${i}`;
    if (!run.library) {
      run.frames.forEach((f) => ol.append(frame(f, false, settings, actions)));
      return;
    }
    const open = state.fullStack || state.openRuns.has(runId);
    if (!state.fullStack) {
      ol.append(h("li", { class: "libs" },
        h("button", { type: "button", class: "link", "aria-expanded": String(open), "data-action": "library-frames", onclick: () => actions.toggleRun(runId) },
          `${open ? "Hide" : "Show"} ${plural(run.frames.length, "library frame")}`)));
    }
    if (open) run.frames.forEach((f) => ol.append(frame(f, true, settings, actions)));
  });
  return ol;
}

function frame(f: TracebackFrame, library: boolean, settings: ViewSettings, actions: ViewActions): HTMLLIElement {
  const href = frameLink(settings.linkTemplate, f.file, f.line, settings.pathMap);
  const location = `${f.file}${f.line === null ? "" : `:${f.line}`}`;
  const loc = h("span", { class: "loc" },
    "File ",
    href ? h("a", { href, title: `Open ${location}` }, `"${f.file}", line ${f.line ?? "?"}`) : h("span", { class: "file" }, `"${f.file}", line ${f.line ?? "?"}`),
    f.function ? ", in " : "",
    f.function ? h("span", { class: "fn" }, f.function) : null,
    " ",
    h("button", { type: "button", class: "link copy", "aria-label": `Copy path ${location}`, onclick: () => actions.copyText(location, "Path") }, "copy"));
  const li = h("li", { class: `frame${library ? " lib" : ""}`, "data-library": String(library) }, loc);
  if (f.code) {
    const src = h("code", { class: "src" });
    for (const t of tokenize(f.code)) src.append(t.kind === "name" || t.kind === "space" || t.kind === "operator" ? t.text : h("span", { class: `tok-${t.kind}` }, t.text));
    li.append(src);
  }
  return li;
}
