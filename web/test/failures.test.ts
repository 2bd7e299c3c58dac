import { describe, expect, it } from "vitest";
import { dailySeries, failuresUrl } from "../src/app/failures-api";

describe("failures", () => {
  it("fills the days without jobs with zeros, oldest first", () => {
    const today = new Date(Date.UTC(2025, 11, 10, 15));
    expect(dailySeries([{ day: "2025-12-10", job_count: 3 }, { day: "2025-12-08", job_count: 1 }, { day: "2025-11-01", job_count: 9 }], 4, today))
      .toEqual([0, 1, 0, 3]);
  });

  it("builds the list URL from the filters it has", () => {
    expect(failuresUrl("/api/training", { since: null, category: "oom_training", host: "node 1" }, 20))
      .toBe("/api/training/failures?page_size=20&category=oom_training&host=node+1");
  });
});
