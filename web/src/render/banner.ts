// A refresh or poll that failed while a report is shown: the report stays, this says what went wrong and offers a retry.
import { h } from "../dom";

export function renderBanner(text: string, retry: () => void, dismiss: () => void): HTMLElement {
  return h("div", { class: "banner", role: "alert", "data-testid": "refresh-failed" },
    h("p", {}, text),
    h("div", { class: "actions" },
      h("button", { type: "button", "data-action": "banner-retry", onclick: retry }, "Retry"),
      h("button", { type: "button", class: "link", "data-action": "banner-dismiss", "aria-label": "Dismiss", onclick: dismiss }, "Dismiss")));
}
