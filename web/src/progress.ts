// How far the job got, read from the log lines just before the failure: a tqdm bar, a trainer's step or epoch.
import type { ExcerptLine } from "./types";

// tqdm: "{desc}: {pct}%|{bar}| {n}/{total} [{elapsed}<{remaining}, {rate}]"
const tqdm = /(?:^|[\s:|])(\d{1,3})%(?:\|[^|]*\|)?\s*(\d+)\/(\d+)\s*\[/;
// "step 1234", "global_step=1234", "Step 1234/5000"
const step = /\b(?:global_)?[Ss]tep[\s=:]+(\d+)(?:\s*\/\s*(\d+))?\b/;
// transformers' Trainer logs "{'loss': 1.2, 'epoch': 0.53}"
const epoch = /['"]epoch['"]\s*:\s*([\d.]+)/;

/** "step 3787/62565 (6%)", "step 1234", "epoch 0.53", or null: the last such line before the failure wins. */
export function progressFrom(lines: readonly ExcerptLine[]): { text: string; line: number } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] as ExcerptLine;
    const bar = tqdm.exec(l.text);
    if (bar) return { text: `step ${bar[2]}/${bar[3]} (${bar[1]}%)`, line: l.line };
    const s = step.exec(l.text);
    if (s) return { text: `step ${s[1]}${s[2] ? `/${s[2]}` : ""}`, line: l.line };
    const e = epoch.exec(l.text);
    if (e) return { text: `epoch ${e[1]}`, line: l.line };
  }
  return null;
}
