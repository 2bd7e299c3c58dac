// The timeline: one bar per error group from its first to its last occurrence, the failure as a vertical line.
import { h, heading } from "../dom";
import { formatDuration, formatTime } from "../format";
import { buildTimeline } from "../timeline";
import type { ErrorReport } from "../types";

export function renderTimeline(report: ErrorReport, level: number): HTMLElement | null {
  const t = buildTimeline(report);
  if (!t) return null;
  const marker = (track: HTMLElement) => {
    if (t.failure) track.append(h("span", { class: "tl-fail", style: `left:calc(${t.failure.position}% - 1px)`, title: `failure: ${t.failure.label}` }));
    return track;
  };
  const rows = t.rows.map((r) =>
    h("li", { class: "tl-row" },
      h("span", { class: "tl-label", title: r.label }, r.label),
      marker(h("span", { class: "tl-track" },
        h("span", {
          class: `tl-bar ${r.level}`,
          style: `left:${Math.min(r.start, 98)}%;width:${Math.max(r.end - r.start, 0)}%`,
          title: `${r.count}× · first ${formatTime(new Date(r.first).toISOString())} · last ${formatTime(new Date(r.last).toISOString())}`,
        })))));
  return h("section", { class: "card", "aria-labelledby": "et-tl-h" },
    h("div", { class: "bar" },
      heading(level, { id: "et-tl-h" }, "Timeline"),
      h("span", { class: "small muted" }, `${formatDuration(t.end - t.start)}${t.failure ? " · ▏failure" : ""}`)),
    h("ol", { class: "timeline", style: "list-style:none;margin:0;padding:0", "aria-label": "First and last occurrence of each error group" }, ...rows),
    h("div", { class: "tl-axis", "aria-hidden": "true" },
      h("span", {}, formatTime(new Date(t.start).toISOString())),
      h("span", {}, formatTime(new Date(t.end).toISOString()))));
}
