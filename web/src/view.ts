// What the renderers need from the element: settings, the UI state that survives a re-render, and callbacks.
import type { Level } from "./types";

export interface ViewSettings {
  linkTemplate: string;
  pathMap: Array<[string, string]>;
}

export interface ViewState {
  level: Level | "all";
  tracebackOpen: boolean;
  fullStack: boolean;
  raw: boolean;
  /** Library runs expanded one by one, by "chainIndex:runIndex". */
  openRuns: Set<string>;
}

export interface ViewActions {
  setLevel(level: Level | "all"): void;
  toggle(key: "tracebackOpen" | "fullStack" | "raw"): void;
  toggleRun(id: string): void;
  copyText(text: string, what: string): void;
}

export const initialViewState = (): ViewState => ({ level: "all", tracebackOpen: true, fullStack: false, raw: false, openRuns: new Set() });
