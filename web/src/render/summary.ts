// The analysis, under the traceback: what the category means, the suggestions that fit (the first few, the rest behind
// a button), the evidence lines (each opens the log there), the rule that decided.
import { h, heading } from "../dom";
import { exceptionLine, humanize } from "../format";
import type { ErrorReport } from "../types";
import type { ViewActions, ViewSettings, ViewState } from "../view";

/** Suggestions shown before "Show N more": the ones that fit come first, and a tired reader reads three. */
const firstSuggestions = 3;

export function renderSummary(report: ErrorReport, state: ViewState, settings: ViewSettings, actions: ViewActions): HTMLElement | null {
  const a = report.analysis;
  const summary = report.error_summary && report.error_summary !== heroText(report) ? report.error_summary : null;
  if (!a && !summary) return null;
  const card = h("section", { class: "card summary", "aria-labelledby": "et-summary-h" },
    h("div", { class: "bar" }, heading(settings.headingLevel + 1, { id: "et-summary-h" }, a ? `Analysis: ${humanize(a.error_type)}` : "Summary"),
      a ? h("span", { class: "small muted" }, `phase ${a.error_phase}`) : null),
    summary ? h("p", { class: "error-summary small" }, h("span", { class: "muted" }, "Job status says: "), summary) : null);
  if (!a) return card;
  card.append(h("p", { class: "description" }, a.description));
  if (a.suggestions.length) {
    const shown = state.allSuggestions ? a.suggestions : a.suggestions.slice(0, firstSuggestions);
    card.append(heading(settings.headingLevel + 2, {}, "What to try"), h("ul", { class: "suggestions" }, ...shown.map((s) => h("li", {}, s))));
    if (a.suggestions.length > firstSuggestions) {
      card.append(h("div", {}, h("button", { type: "button", class: "link", "aria-expanded": String(state.allSuggestions), "data-action": "more-suggestions", onclick: () => actions.toggle("allSuggestions") },
        state.allSuggestions ? "Show fewer" : `Show ${a.suggestions.length - firstSuggestions} more`)));
    }
  }
  if (a.evidence.length) {
    const list = h("ol", { class: "evidence", "aria-label": "Evidence lines" }, ...a.evidence.map((e) =>
      h("li", {},
        e.line > 0
          ? h("button", { type: "button", class: "link ln", "data-action": "open-line", "data-line": String(e.line), "aria-label": `Open the log at line ${e.line}`, onclick: () => actions.openLog(e.line) }, String(e.line))
          : h("span", { class: "ln" }, "—"),
        h("code", {}, e.text))));
    card.append(heading(settings.headingLevel + 2, {}, "Evidence"), list);
  }
  const meta = h("dl", { class: "meta small" });
  if (a.rule_id) meta.append(h("div", {}, h("dt", {}, "Rule"), h("dd", {}, h("code", { "data-testid": "rule" }, a.rule_id))));
  if (a.root_rank !== null) meta.append(h("div", {}, h("dt", {}, "Root rank"), h("dd", {}, String(a.root_rank))));
  if (report.log?.path) meta.append(h("div", {}, h("dt", {}, "Log"), h("dd", {}, `${report.log.path} (${report.log.lines.toLocaleString("en-US")} lines)`)));
  if (meta.childElementCount) card.append(meta);
  return card;
}

/** The engine's own summary repeats the heading: not shown twice. */
function heroText(report: ErrorReport): string | null {
  return report.traceback ? exceptionLine(report.traceback) : null;
}
