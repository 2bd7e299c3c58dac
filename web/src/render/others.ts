// Every other distinct failure, each expandable to its full printout.
import { h, heading } from "../dom";
import { firstLine, formatRanks } from "../format";
import type { TracebackInfo } from "../types";
import type { ViewActions, ViewSettings, ViewState } from "../view";
import { printoutDetails } from "./traceback";

export function renderOthers(others: readonly TracebackInfo[], state: ViewState, settings: ViewSettings, actions: ViewActions): HTMLElement | null {
  if (others.length === 0) return null;
  const list = h("ol", { class: "others" });
  others.forEach((tb, i) => {
    const open = state.openOthers.has(i);
    const { details } = printoutDetails(tb, `o${i}`, state, settings, actions, open, () => actions.toggleOther(i));
    const summary = details.querySelector("summary") as HTMLElement;
    summary.replaceChildren(
      h("code", {}, tb.exception_type || (tb.kind === "python" ? "Traceback cut before its exception" : tb.kind)),
      tb.exception_message ? `: ${clip(firstLine(tb.exception_message), 160)}` : "",
      h("span", { class: "muted small" }, ` — line ${tb.first_line}${tb.ranks.length ? `, rank ${formatRanks(tb.ranks)}` : ""}${tb.secondary ? " (a cascade)" : ""}`));
    list.append(h("li", {}, details));
  });
  return h("section", { class: "card", "aria-labelledby": "et-other-h" },
    heading(settings.headingLevel + 1, { id: "et-other-h" }, `Other failures (${others.length})`),
    list);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
