// The header card: status, error_summary, and the analysis (category, phase, confidence, description, suggestions,
// evidence, rule).
import { h } from "../dom";
import { humanize } from "../format";
import type { ErrorReport } from "../types";

export function renderSummary(report: ErrorReport): HTMLElement {
  const a = report.analysis;
  const card = h("section", { class: "card summary", "aria-labelledby": "et-summary-h" },
    h("div", { class: "bar" },
      h("h3", { id: "et-summary-h" }, a ? "What failed" : "Summary"),
      h("span", { class: `badge ${report.status}`, "data-testid": "status" }, report.status)),
    report.error_summary ? h("p", { class: "error-summary" }, report.error_summary) : null);
  if (!a) {
    if (!report.error_summary) card.append(h("p", { class: "muted" }, report.status === "failed" ? "No analysis: the log gave no failure to classify." : "No failure to analyse."));
    return card;
  }
  card.append(
    h("div", { class: "bar", style: "justify-content:flex-start" },
      h("span", { class: "badge category", "data-testid": "category", title: a.error_type }, humanize(a.error_type)),
      h("span", { class: "badge neutral" }, `phase: ${a.error_phase}`),
      h("span", { class: "badge neutral", "data-testid": "confidence" }, `${a.confidence} confidence`)),
    h("p", { class: "description" }, a.description));
  if (a.suggestions.length) {
    card.append(h("h4", {}, "What to try"), h("ul", { class: "suggestions" }, ...a.suggestions.map((s) => h("li", {}, s))));
  }
  if (a.evidence.length) {
    const pre = h("pre", { class: "evidence", "aria-label": "Evidence lines" });
    a.evidence.forEach((e, i) => pre.append(h("span", { class: "ln" }, `${e.line}: `), e.text, i < a.evidence.length - 1 ? "\n" : ""));
    card.append(h("h4", {}, "Evidence"), pre);
  }
  const meta = h("dl", { class: "meta small" });
  if (a.rule_id) meta.append(h("div", {}, h("dt", {}, "Rule"), h("dd", {}, h("code", { "data-testid": "rule" }, a.rule_id))));
  if (a.root_rank !== null) meta.append(h("div", {}, h("dt", {}, "Root rank"), h("dd", {}, String(a.root_rank))));
  if (report.log?.path) meta.append(h("div", {}, h("dt", {}, "Log"), h("dd", {}, `${report.log.path} (${report.log.lines.toLocaleString("en-US")} lines)`)));
  if (meta.childElementCount) card.append(meta);
  return card;
}
