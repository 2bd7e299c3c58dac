// The job page's "Same failure in N other jobs" link to the failure's page, when the fleet view has indexed the job.
import type { Fetch } from "../api";
import { h } from "../dom";
import { plural } from "../format";
import { fetchJobFailure } from "./failures-api";
import { readToken } from "./session";

/** An element that fills in once the job's signature is known; it stays empty for a job nobody else's failure shares. */
export function sameFailureLink(base: string, jobId: string, fetchFn: Fetch): HTMLSpanElement {
  const slot = h("span", { "data-testid": "same-failure" });
  const token = readToken();
  if (!token) return slot;
  void fetchJobFailure(fetchFn, `${base}api/training`, token, jobId).then((outcome) => {
    if (outcome.kind !== "ok" || outcome.body.other_jobs < 1) return;
    const failure = outcome.body;
    slot.replaceChildren(" · ", h("a", { href: `${base}failures/${encodeURIComponent(failure.signature)}`, title: failure.title },
      `Same failure in ${plural(failure.other_jobs, "other job")}`));
  });
  return slot;
}
