// What the renderers need from the element: settings, the UI state that survives a re-render, and callbacks.
import type { ExcerptLine, Level } from "./types";

export interface ViewSettings {
  linkTemplate: string;
  pathMap: Array<[string, string]>;
  /** The answer's heading level (1 on the job page, 2 by default inside a host's page); sections are one below. */
  headingLevel: number;
}

export interface ViewState {
  level: Level | "all";
  tracebackOpen: boolean;
  fullStack: boolean;
  raw: boolean;
  /** Library runs expanded one by one, by "chainIndex:runIndex". */
  openRuns: Set<string>;
  /** The whole exception message in the heading, not its first lines. */
  fullMessage: boolean;
  allSuggestions: boolean;
  /** The breadcrumbs' earlier lines shown. */
  allBreadcrumbs: boolean;
  /** Other failures expanded, by index. */
  openOthers: Set<number>;
}

/** The lines before the root failure, once fetched (null while loading or when there is none to fetch). */
export interface Breadcrumbs {
  state: "loading" | "ok" | "error";
  lines: ExcerptLine[];
  /** Only the root's rank's lines (false when that filter found none and all lines are shown). */
  rank: number | null;
  progress: { text: string; line: number } | null;
}

export interface ViewActions {
  setLevel(level: Level | "all"): void;
  toggle(key: "tracebackOpen" | "fullStack" | "raw" | "fullMessage" | "allSuggestions" | "allBreadcrumbs"): void;
  toggleRun(id: string): void;
  toggleOther(index: number): void;
  copyText(text: string, what: string): void;
  /** Opens the log around a line (1-based). */
  openLog(line: number): void;
  scan(): void;
}

export const initialViewState = (): ViewState => ({
  level: "all", tracebackOpen: true, fullStack: false, raw: false, openRuns: new Set(),
  fullMessage: false, allSuggestions: false, allBreadcrumbs: false, openOthers: new Set(),
});
