// The report as GitHub-flavoured Markdown for "Copy report" (the same sections as the CLI's --format markdown).
import { formatRanks, formatTime, humanize } from "./format";
import type { ErrorReport, TracebackInfo } from "./types";

const maxRows = 50;
const maxMessage = 300;

export function inlineCode(text: string): string {
  const clean = text.replace(/\r?\n/g, " ");
  const ticks = clean.includes("`") ? "``" : "`";
  return `${ticks}${ticks === "``" ? " " : ""}${clean}${ticks === "``" ? " " : ""}${ticks}`;
}

export function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

function cut(text: string): string {
  const one = text.replace(/\r?\n/g, " ");
  return one.length > maxMessage ? `${one.slice(0, maxMessage - 1)}…` : one;
}

function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const bar = "`".repeat(longest + 1);
  return `${bar}${lang}\n${text.replace(/\n+$/, "")}\n${bar}\n`;
}

export function exceptionLine(tb: TracebackInfo): string {
  return tb.exception_message ? `${tb.exception_type}: ${tb.exception_message.split("\n")[0]}` : tb.exception_type;
}

export function reportToMarkdown(report: ErrorReport): string {
  const out: string[] = [`## errortrace: job ${inlineCode(report.job_id)}\n`];
  const rows: Array<[string, string]> = [["Status", report.status]];
  if (report.error_summary) rows.push(["Summary", cell(report.error_summary)]);
  const a = report.analysis;
  if (a) {
    rows.push(["Category", `${inlineCode(a.error_type)} (${a.confidence} confidence)`]);
    rows.push(["Phase", a.error_phase]);
  }
  const tb = report.traceback;
  if (tb) rows.push(["Root cause", inlineCode(cut(exceptionLine(tb)))]);
  out.push("| Field | Value |\n| --- | --- |\n" + rows.map(([k, v]) => `| ${k} | ${v} |`).join("\n") + "\n");

  if (a) {
    out.push(`### ${humanize(a.error_type)}\n\n${a.description}\n`);
    if (a.suggestions.length) out.push(a.suggestions.map((s) => `- ${s}`).join("\n") + "\n");
    if (a.evidence.length) out.push("Evidence:\n\n" + fence(a.evidence.map((e) => `${e.line}: ${e.text}`).join("\n"), "text"));
    if (a.rule_id) out.push(`Rule: ${inlineCode(a.rule_id)}\n`);
  }
  if (tb) {
    const where = tb.ranks.length ? ` (ranks ${formatRanks(tb.ranks)})` : "";
    out.push(`### Root cause${where}\n\n` + fence(tb.raw, tb.kind === "python" ? "pytb" : "text"));
  }
  if (report.errors.length) {
    const lines = ["### Errors and warnings\n", "| Level | Count | First seen | Last seen | Ranks | Message |", "| --- | ---: | --- | --- | --- | --- |"];
    for (const e of report.errors.slice(0, maxRows)) {
      lines.push(`| ${e.level} | ${e.count} | ${formatTime(e.timestamp)} | ${formatTime(e.last_timestamp)} | ${formatRanks(e.ranks) || "—"} | ${inlineCode(cut(e.message))} |`);
    }
    if (report.errors.length > maxRows) lines.push(`\n…and ${report.errors.length - maxRows} more.`);
    out.push(lines.join("\n") + "\n");
  }
  if (report.notes.length) out.push("### Notes\n\n" + report.notes.map((n) => `- ${n}`).join("\n") + "\n");
  return out.join("\n");
}
