import { describe, expect, it } from "vitest";
import { progressFrom } from "../src/progress";

const line = (n: number, text: string) => ({ line: n, text, rank: null, host: null, cut: false });

describe("progress before the failure", () => {
  it("reads the last tqdm bar", () => {
    expect(progressFrom([line(1, "step 10"), line(2, "  6%|██████      | 3787/62565 [04:47<1:14:19, 13.18it/s]")])).toEqual({ text: "step 3787/62565 (6%)", line: 2 });
  });
  it("reads a trainer's step or epoch, the last line winning", () => {
    expect(progressFrom([line(1, "[2025-12-10 03:58:22] [__main__] [INFO] [SFT] step 4875 loss=1.2")])?.text).toBe("step 4875");
    expect(progressFrom([line(1, "step 3"), line(2, "{'loss': 1.9, 'learning_rate': 1e-05, 'epoch': 0.53}")])?.text).toBe("epoch 0.53");
    expect(progressFrom([line(1, "nothing here")])).toBeNull();
  });
});
