// Small text helpers shared by the panel and the pages. Pure: unit-tested in test/format.test.ts.

/** "2025-12-10 03:58:22 UTC" from an ISO timestamp; "—" for null or garbage. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC").replace(/Z$/, " UTC");
}

/** "20:40:12 UTC": a clock time in the same zone as every other time the panel shows. */
export function formatClock(date: Date): string {
  return `${date.toISOString().slice(11, 19)} UTC`;
}

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** "1,234" — counts in badges. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** "1 error", "3 errors". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}

/** Ranks as ranges: [0,1,2,3,5,7,8] → "0–3, 5, 7–8". */
export function formatRanks(ranks: readonly number[]): string {
  const sorted = [...new Set(ranks)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/** Humanises a category or phase id: "oom_training" → "OOM training". */
export function humanize(id: string): string {
  return id
    .split("_")
    .map((w, i) => (["oom", "cuda", "nccl"].includes(w) ? w.toUpperCase() : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(" ");
}

/** Cuts a long single-line text for a heading, keeping the start. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The first line of a message (skipping leading blank lines and rules of = or -), trimmed. */
export function firstLine(text: string): string {
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t && /[^=\-_*#~ ]/.test(t)) return t;
  }
  return "";
}

/** "ValueError: bad shape": the type and the first line of the message (ReportText.ExceptionLine in the C# reports). */
export function exceptionLine(tb: { exception_type: string; exception_message: string }): string {
  return tb.exception_message ? `${tb.exception_type}: ${tb.exception_message.split("\n")[0]}` : tb.exception_type;
}
