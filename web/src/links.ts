// file:line links from a template ("vscode://file/{file}:{line}" by default) and an optional path mapping.

export const defaultLinkTemplate = "vscode://file/{file}:{line}";

/**
 * Parses a path map "from=>to; from2=>to2" (e.g. "/opt/trainer/=>" with a repository URL template). The first
 * matching prefix wins.
 */
export function parsePathMap(text: string | null | undefined): Array<[string, string]> {
  if (!text) return [];
  return text
    .split(";")
    .map((pair) => pair.split("=>"))
    .filter((p): p is [string, string] => p.length === 2 && (p[0] ?? "").trim().length > 0)
    .map(([from, to]) => [from.trim(), to.trim()]);
}

export function mapPath(file: string, map: ReadonlyArray<[string, string]>): string {
  for (const [from, to] of map) if (file.startsWith(from)) return to + file.slice(from.length);
  return file;
}

/**
 * The link for a frame, or null. A path is linked only when the path map says where it lives (the job ran elsewhere:
 * "/content/train.py" from Colab or "/opt/trainer/x.py" in a container means nothing to the reader's editor as is),
 * and never when the template would make an unsafe URL.
 */
export function frameLink(template: string, file: string, line: number | null, map: ReadonlyArray<[string, string]> = []): string | null {
  if (!template || file.startsWith("<") || !map.some(([from]) => file.startsWith(from))) return null;
  const path = mapPath(file, map);
  const url = template
    .replaceAll("{file}", encodeURI(path))
    .replaceAll("{line}", line === null ? "1" : String(line));
  return isSafeUrl(url) ? url : null;
}

/** Anything but script-running schemes. */
export function isSafeUrl(url: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme !== "javascript" && scheme !== "data" && scheme !== "vbscript";
}
