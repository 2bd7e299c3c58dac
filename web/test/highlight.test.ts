import { describe, expect, it } from "vitest";
import { tokenize } from "../src/highlight";

const kinds = (code: string) => tokenize(code).filter((t) => t.kind !== "space").map((t) => `${t.kind}:${t.text}`);

describe("python tokenizer", () => {
  it("colours keywords, calls, strings, numbers and comments", () => {
    expect(kinds("return F.linear(input, 0x1F, 'a\\'b')  # go")).toEqual([
      "keyword:return", "name:F", "operator:.", "call:linear", "operator:(", "name:input", "operator:,", "number:0x1F",
      "operator:,", "string:'a\\'b'", "operator:)", "comment:# go",
    ]);
  });
  it("keeps every character and survives unterminated strings", () => {
    const code = 'x = f"unterminated {y} ** 2.5e-3';
    expect(tokenize(code).map((t) => t.text).join("")).toBe(code);
    expect(tokenize("self.lm_head(h[:, s, :])")[0]).toEqual({ kind: "builtin", text: "self" });
  });
});
