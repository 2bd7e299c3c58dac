// The panel's one ES module: defines <error-trace-panel> (once) and exports the class and the pure helpers.
import { ErrorTracePanel } from "./panel";

if (!customElements.get("error-trace-panel")) customElements.define("error-trace-panel", ErrorTracePanel);

export { ErrorTracePanel };
export type { ErrorReport, JobSummary } from "./types";

declare global {
  interface HTMLElementTagNameMap {
    "error-trace-panel": ErrorTracePanel;
  }
}
