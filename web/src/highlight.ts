// A tiny Python tokenizer for one source line: enough to colour keywords, strings, numbers, comments and calls.

export type TokenKind = "keyword" | "builtin" | "string" | "number" | "comment" | "operator" | "name" | "call" | "space";

export interface Token {
  kind: TokenKind;
  text: string;
}

const keywords = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case".split(" "),
);
const builtins = new Set("self cls print len range super isinstance getattr setattr hasattr dict list tuple set int float str bool type open".split(" "));

const patterns: Array<[TokenKind, RegExp]> = [
  ["space", /^\s+/],
  ["comment", /^#.*/],
  ["string", /^(?:[rRbBuUfF]{0,2})(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\])*(?:"|$)|'(?:\\.|[^'\\])*(?:'|$))/],
  ["number", /^(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?j?)/],
  ["name", /^[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*/],
  ["operator", /^(?:\*\*=?|\/\/=?|->|:=|<<=?|>>=?|[-+*/%@&|^~<>!=]=?|[()[\]{},.:;])/],
];

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let rest = line;
  while (rest.length > 0) {
    let matched = false;
    for (const [kind, re] of patterns) {
      const m = re.exec(rest);
      if (!m || m[0].length === 0) continue;
      const text = m[0];
      tokens.push({ kind: kind === "name" ? nameKind(text, rest.slice(text.length)) : kind, text });
      rest = rest.slice(text.length);
      matched = true;
      break;
    }
    if (!matched) {
      tokens.push({ kind: "operator", text: rest.charAt(0) });
      rest = rest.slice(1);
    }
  }
  return tokens;
}

function nameKind(name: string, after: string): TokenKind {
  if (keywords.has(name)) return "keyword";
  if (builtins.has(name)) return "builtin";
  return /^\s*\(/.test(after) ? "call" : "name";
}
