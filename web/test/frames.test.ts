import { describe, expect, it } from "vitest";
import { groupFrames, innermostUserFrame, isLibraryFrame } from "../src/frames";
import type { TracebackFrame } from "../src/types";

const f = (file: string, in_app?: boolean): TracebackFrame =>
  in_app === undefined ? { file, line: 1, function: "f", code: null } : { file, line: 1, function: "f", code: null, in_app };

describe("library frames", () => {
  it("are the frames the report marks in_app: false", () => {
    expect(isLibraryFrame(f("/opt/conda/lib/python3.10/multiprocessing/process.py", false))).toBe(true);
    expect(isLibraryFrame(f("/opt/conda/lib/python3.11/site-packages/acme/loop.py", true))).toBe(false);
    expect(isLibraryFrame(f("/opt/trainer/standalone_trainer.py", true))).toBe(false);
  });
  it("are none when the report predates in_app", () => {
    expect(isLibraryFrame(f("/usr/local/lib/python3.11/site-packages/torch/nn/modules/module.py"))).toBe(false);
  });
  it("groups consecutive frames of the same kind", () => {
    const runs = groupFrames([f("/a.py", true), f("/x/site-packages/t.py", false), f("/x/site-packages/u.py", false), f("/b.py", true)]);
    expect(runs.map((r) => [r.library, r.frames.length])).toEqual([[false, 1], [true, 2], [false, 1]]);
  });
});

describe("where in the user's code", () => {
  const tb = (frames: TracebackFrame[], chain: TracebackFrame[][] = []) => ({
    raw: "", frames, exception_type: "E", exception_message: "", sub_exceptions: [], kind: "python" as const, rank: null, ranks: [],
    count: 1, first_line: 1, exception_line: 1, timestamp: null, phase: null, logger: null, secondary: false,
    chain: chain.map((frames) => ({ exception_type: "C", exception_message: "", frames, relation: "cause" as const })),
  });
  it("is the innermost user frame of the last exception", () => {
    expect(innermostUserFrame(tb([f("/a.py", true), f("/b.py", true), f("/x/site-packages/t.py", false)]))?.file).toBe("/b.py");
  });
  it("falls back to the chain when the last exception has only library frames", () => {
    expect(innermostUserFrame(tb([f("/x/site-packages/t.py", false)], [[f("/train.py", true), f("/x/site-packages/u.py", false)]]))?.file).toBe("/train.py");
  });
});
