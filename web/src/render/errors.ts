// The deduplicated errors and warnings with counts, first/last seen, ranks, and a level filter.
import { h, heading } from "../dom";
import { formatRanks, formatTime, plural } from "../format";
import type { ErrorEntry, Level } from "../types";
import type { ViewActions, ViewSettings, ViewState } from "../view";

export function renderErrors(errors: readonly ErrorEntry[], state: ViewState, settings: ViewSettings, actions: ViewActions): HTMLElement {
  const counts = { error: errors.filter((e) => e.level === "error").length, warning: errors.filter((e) => e.level === "warning").length };
  const shown = errors.filter((e) => state.level === "all" || e.level === state.level);
  const filter = h("div", { class: "actions", role: "group", "aria-label": "Filter by level" },
    ...(
      [["all", `All (${errors.length})`], ["error", `Errors (${counts.error})`], ["warning", `Warnings (${counts.warning})`]] as Array<[Level | "all", string]>
    ).map(([level, label]) =>
      h("button", { type: "button", "aria-pressed": String(state.level === level), "data-level": level, onclick: () => actions.setLevel(level) }, label)));
  const list = h("ol", { class: "errors", "aria-label": "Errors and warnings" }, ...shown.map((e) => entry(e, actions)));
  return h("section", { class: "card", "aria-labelledby": "et-errors-h" },
    h("div", { class: "bar" }, heading(settings.headingLevel + 1, { id: "et-errors-h" }, "Errors and warnings"), filter),
    errors.length === 0 ? h("p", { class: "muted", "data-testid": "no-errors" }, "No errors or warnings in the log.") : list,
    errors.length > 0 && shown.length === 0 ? h("p", { class: "muted" }, `No ${state.level}s.`) : null);
}

function entry(e: ErrorEntry, actions: ViewActions): HTMLLIElement {
  const meta = h("dl", { class: "meta small muted" },
    e.phase ? pair("Phase", e.phase) : null,
    pair("First", formatTime(e.timestamp)),
    e.count > 1 ? pair("Last", formatTime(e.last_timestamp)) : null,
    e.ranks.length ? pair(e.ranks.length === 1 ? "Rank" : "Ranks", formatRanks(e.ranks)) : null,
    h("div", {}, h("dt", {}, "Line"), h("dd", {},
      h("button", { type: "button", class: "link", "data-action": "open-line", "data-line": String(e.first_line), "aria-label": `Open the log at line ${e.first_line}`, onclick: () => actions.openLog(e.first_line) }, String(e.first_line)))));
  return h("li", { class: `entry ${e.level}`, "data-key": e.dedupe_key },
    h("div", { class: "head" },
      h("span", { class: `badge ${e.level}` }, e.level),
      h("span", { class: "badge neutral", "data-testid": "count", title: plural(e.count, "occurrence") }, `×${e.count.toLocaleString("en-US")}`),
      e.source !== "record" ? h("span", { class: "small muted" }, e.source) : null),
    // Long messages scroll inside their box, which must then be reachable by keyboard.
    e.message.split("\n").length > 6 || e.message.length > 600
      ? h("pre", { class: "msg", tabindex: "0", role: "region", "aria-label": `Message of the ${e.level} at line ${e.first_line}` }, e.message)
      : h("pre", { class: "msg" }, e.message),
    meta);
}

function pair(term: string, value: string): HTMLDivElement {
  return h("div", {}, h("dt", {}, term), h("dd", {}, value));
}
