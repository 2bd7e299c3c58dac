import { describe, expect, it } from "vitest";
import { groupFrames, isLibraryFrame } from "../src/frames";

const f = (file: string) => ({ file, line: 1, function: "f", code: null });

describe("library frames", () => {
  it("knows site-packages, dist-packages, the stdlib and frozen modules", () => {
    expect(isLibraryFrame("/usr/local/lib/python3.11/site-packages/torch/nn/modules/module.py")).toBe(true);
    expect(isLibraryFrame("/usr/lib/python3/dist-packages/yaml/__init__.py")).toBe(true);
    expect(isLibraryFrame("/usr/lib/python3.11/threading.py")).toBe(true);
    expect(isLibraryFrame("/opt/conda/lib/python3.10/multiprocessing/process.py")).toBe(true);
    expect(isLibraryFrame("<frozen runpy>")).toBe(true);
    expect(isLibraryFrame("/opt/trainer/standalone_trainer.py")).toBe(false);
    expect(isLibraryFrame("/home/me/lib/python_utils.py")).toBe(false);
  });
  it("groups consecutive frames of the same kind", () => {
    const runs = groupFrames([f("/a.py"), f("/x/site-packages/t.py"), f("/x/site-packages/u.py"), f("/b.py")]);
    expect(runs.map((r) => [r.library, r.frames.length])).toEqual([[false, 1], [true, 2], [false, 1]]);
  });
});
