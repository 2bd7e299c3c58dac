// Loading skeleton and the error states: 401 (asks for a token), unknown job, API absent, network failure.
import { h } from "../dom";

export function renderSkeleton(): HTMLElement {
  return h("div", { class: "card skeleton", "aria-busy": "true", "aria-label": "Loading errors", "data-testid": "loading" }, h("div"), h("div"), h("div"), h("div"));
}

export function renderState(kind: string, title: string, text: string, retry: (() => void) | null): HTMLElement {
  return h("div", { class: "card state", role: kind === "network" || kind === "http" ? "alert" : "status", "data-state": kind },
    h("h3", {}, title),
    h("p", { class: "muted" }, text),
    retry ? h("button", { type: "button", "data-action": "retry", onclick: retry }, "Retry") : null);
}

export function renderTokenForm(onToken: (token: string) => void, rejected: boolean): HTMLElement {
  const input = h("input", { type: "password", name: "token", autocomplete: "off", "aria-label": "API token", placeholder: "API token", required: true });
  const form = h("form", {}, input, h("button", { type: "submit" }, "Sign in"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (token) onToken(token);
  });
  return h("div", { class: "card state", role: "status", "data-state": "unauthorized" },
    h("h3", {}, "Sign in to see this job's errors"),
    h("p", { class: "muted" }, rejected ? "The service did not accept the token. Enter a valid API token." : "The errors API needs an API token."),
    form);
}
