// The deduplicated errors and warnings with counts, first/last seen, ranks, and a level filter.
import { h } from "../dom";
import { formatRanks, formatTime, plural } from "../format";
import type { ErrorEntry, Level } from "../types";
import type { ViewActions, ViewState } from "../view";

export function renderErrors(errors: readonly ErrorEntry[], state: ViewState, actions: ViewActions): HTMLElement {
  const counts = { error: errors.filter((e) => e.level === "error").length, warning: errors.filter((e) => e.level === "warning").length };
  const shown = errors.filter((e) => state.level === "all" || e.level === state.level);
  const filter = h("div", { class: "actions", role: "group", "aria-label": "Filter by level" },
    ...(
      [["all", `All (${errors.length})`], ["error", `Errors (${counts.error})`], ["warning", `Warnings (${counts.warning})`]] as Array<[Level | "all", string]>
    ).map(([level, label]) =>
      h("button", { type: "button", "aria-pressed": String(state.level === level), "data-level": level, onclick: () => actions.setLevel(level) }, label)));
  const list = h("ol", { class: "errors", "aria-label": "Errors and warnings" }, ...shown.map((e) => entry(e)));
  return h("section", { class: "card", "aria-labelledby": "et-errors-h" },
    h("div", { class: "bar" }, h("h3", { id: "et-errors-h" }, "Errors and warnings"), filter),
    errors.length === 0 ? h("p", { class: "muted", "data-testid": "no-errors" }, "No errors or warnings in the log.") : list,
    errors.length > 0 && shown.length === 0 ? h("p", { class: "muted" }, `No ${state.level}s.`) : null);
}

function entry(e: ErrorEntry): HTMLLIElement {
  const meta = h("dl", { class: "meta small muted" },
    e.phase ? pair("Phase", e.phase) : null,
    pair("First", formatTime(e.timestamp)),
    e.count > 1 ? pair("Last", formatTime(e.last_timestamp)) : null,
    e.ranks.length ? pair(e.ranks.length === 1 ? "Rank" : "Ranks", formatRanks(e.ranks)) : null,
    pair("Line", String(e.first_line)));
  return h("li", { class: `entry ${e.level}`, "data-key": e.dedupe_key },
    h("div", { class: "head" },
      h("span", { class: `badge ${e.level}` }, e.level),
      h("span", { class: "badge neutral", "data-testid": "count", title: plural(e.count, "occurrence") }, `×${e.count.toLocaleString("en-US")}`),
      e.source !== "record" ? h("span", { class: "small muted" }, e.source) : null),
    h("pre", { class: "msg" }, e.message),
    meta);
}

function pair(term: string, value: string): HTMLDivElement {
  return h("div", {}, h("dt", {}, term), h("dd", {}, value));
}
