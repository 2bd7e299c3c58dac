// When each error group happened over the job: first/last occurrence as positions in [0, 100], the failure marked.
import type { ErrorReport, Level } from "./types";

export interface TimelineRow {
  key: string;
  label: string;
  level: Level;
  count: number;
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface Timeline {
  start: number;
  end: number;
  rows: TimelineRow[];
  failure: { at: number; position: number; label: string } | null;
}

const maxRows = 12;

export function buildTimeline(report: ErrorReport): Timeline | null {
  const rows = report.errors
    .filter((e) => e.timestamp)
    .map((e) => {
      const first = Date.parse(e.timestamp as string);
      const lastParsed = e.last_timestamp ? Date.parse(e.last_timestamp) : first;
      return { e, first, last: Number.isNaN(lastParsed) ? first : Math.max(first, lastParsed) };
    })
    .filter((r) => !Number.isNaN(r.first));
  const failureAt = report.traceback?.timestamp ? Date.parse(report.traceback.timestamp) : NaN;
  if (rows.length === 0) return null;
  const times = rows.flatMap((r) => [r.first, r.last]);
  if (!Number.isNaN(failureAt)) times.push(failureAt);
  const start = Math.min(...times);
  const end = Math.max(...times);
  const span = end - start;
  const pos = (t: number) => (span === 0 ? 50 : ((t - start) / span) * 100);
  const chosen = rows
    .sort((a, b) => (a.e.level === b.e.level ? 0 : a.e.level === "error" ? -1 : 1) || b.e.count - a.e.count)
    .slice(0, maxRows)
    .sort((a, b) => a.first - b.first);
  return {
    start,
    end,
    rows: chosen.map(({ e, first, last }) => ({
      key: e.dedupe_key,
      label: e.message.split("\n")[0] ?? "",
      level: e.level,
      count: e.count,
      first,
      last,
      start: round(pos(first)),
      end: round(pos(last)),
    })),
    failure: Number.isNaN(failureAt) || !report.traceback ? null : { at: failureAt, position: round(pos(failureAt)), label: report.traceback.exception_type },
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
