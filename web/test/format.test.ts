import { describe, expect, it } from "vitest";
import { formatDuration, formatRanks, formatTime, humanize, plural, truncate } from "../src/format";

describe("format", () => {
  it("formats UTC timestamps and rejects garbage", () => {
    expect(formatTime("2025-12-10T03:58:22Z")).toBe("2025-12-10 03:58:22 UTC");
    expect(formatTime("2025-12-10T03:58:22.123Z")).toBe("2025-12-10 03:58:22 UTC");
    expect(formatTime(null)).toBe("—");
    expect(formatTime("nope")).toBe("—");
  });
  it("formats durations", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * 60_000)).toBe("12 min");
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe("3 h 05 min");
    expect(formatDuration(52 * 3_600_000)).toBe("2 d 4 h");
  });
  it("collapses ranks into ranges", () => {
    expect(formatRanks([7, 0, 1, 2, 3, 5, 8, 3])).toBe("0–3, 5, 7–8");
    expect(formatRanks([])).toBe("");
  });
  it("pluralises and humanises", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(1234, "error")).toBe("1,234 errors");
    expect(humanize("oom_training")).toBe("OOM training");
    expect(humanize("nccl_error")).toBe("NCCL error");
    expect(truncate("abcdef", 4)).toBe("abc…");
  });
});

describe("clock and first line", () => {
  it("shows clock times in UTC, labelled", async () => {
    const { formatClock, firstLine } = await import("../src/format");
    expect(formatClock(new Date("2025-12-10T20:40:12.345Z"))).toBe("20:40:12 UTC");
    expect(firstLine("\n=====\n  train.py FAILED  \nmore")).toBe("train.py FAILED");
  });
});
