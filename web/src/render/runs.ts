// The runs of a log that holds several (a nohup.out of launches, Slurm requeues): which run the root cause is from and
// what the earlier ones died of, so nobody debugs last week's launch. Worded as the CLI's text and Markdown reports
// word it (ErrorTrace.Core/Rendering/ReportText).
import { h, heading } from "../dom";
import type { RunInfo } from "../types";
import type { ViewActions, ViewSettings } from "../view";

/** The last runs listed; a log of hundreds of launches keeps the card short (the JSON has them all). */
const maxRuns = 10;

export function renderRuns(runs: readonly RunInfo[] | null | undefined, settings: ViewSettings, actions: ViewActions): HTMLElement | null {
  if (!runs || runs.length < 2) return null;
  const total = Math.max(...runs.map((r) => r.run));
  const root = runs.find((r) => r.is_root_run);
  const shown = runs.slice(-maxRuns);
  const list = h("ol", { class: "runs small" }, ...shown.map((run) =>
    h("li", { class: run.is_root_run ? "root-run" : "", "data-testid": "run" },
      h("strong", {}, `Run ${run.run}`),
      h("span", { class: "muted" }, ` lines ${run.first_line}–${run.last_line}${run.started_by ? ` · ${run.started_by}` : ""} · `),
      run.root_cause ? h("code", {}, run.root_cause) : h("span", { class: "muted" }, "no failure"),
      run.root_line !== null
        ? h("button", { type: "button", class: "link", "data-action": "open-line", "data-line": String(run.root_line), "aria-label": `Open the log at line ${run.root_line}`, onclick: () => actions.openLog(run.root_line!) }, ` line ${run.root_line}`)
        : null,
      run.is_root_run ? h("span", { class: "badge error" }, "root cause") : null)));
  return h("section", { class: "card", "aria-labelledby": "et-runs-h" },
    heading(settings.headingLevel + 1, { id: "et-runs-h" }, `Runs (${total} in this log)`),
    h("p", { class: "small muted" },
      root ? `The root cause above is from run ${root.run}. ` : "",
      runs.length < total ? "Listed: the runs that failed, and the last." : "",
      runs.length > shown.length ? ` ${runs.length - shown.length} earlier failed runs are in the JSON report.` : ""),
    list);
}
