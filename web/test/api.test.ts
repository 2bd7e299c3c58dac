import { describe, expect, it } from "vitest";
import { buildTimeline } from "../src/timeline";
import { classify404, errorsUrl } from "../src/api";
import { sampleReport } from "./sample";

describe("timeline", () => {
  it("places groups and the failure between the first and last time", () => {
    const t = buildTimeline(sampleReport());
    expect(t?.rows.map((r) => [r.key, r.start, r.end])).toEqual([["w1", 0, 50], ["e1", 100, 100]]);
    expect(t?.failure?.position).toBe(100);
  });
  it("is absent without timestamps", () => {
    const r = sampleReport();
    r.errors.forEach((e) => (e.timestamp = null));
    expect(buildTimeline(r)).toBeNull();
  });
});

describe("api", () => {
  it("builds the errors URL and tells an unknown job from an absent API", () => {
    expect(errorsUrl("/api/training/", "a b")).toBe("/api/training/a%20b/errors");
    expect(errorsUrl("", "j")).toBe("/api/training/j/errors");
    expect(errorsUrl("", "j", true, "markdown")).toBe("/api/training/j/errors?scan=true&format=markdown");
    expect(classify404({ title: "Job not found" })).toBe("not-found");
    expect(classify404({ title: "Not Found" })).toBe("api-absent");
    expect(classify404(undefined)).toBe("api-absent");
  });
});
