// The token form shown by the job list when there is no token or the service refused it.
import { h } from "../dom";

export function signInForm(message: string, onToken: (token: string) => void): HTMLElement {
  const input = h("input", { id: "token", type: "password", name: "token", autocomplete: "off", required: true });
  const form = h("form", { class: "sign-in", "aria-labelledby": "sign-in-h" },
    h("h1", { id: "sign-in-h" }, "Sign in"),
    h("p", { class: "muted" }, message),
    h("label", { for: "token" }, "API token"),
    h("div", { class: "row" }, input, h("button", { type: "submit" }, "Sign in")),
    h("p", { class: "muted small" }, "Kept in this tab only (sessionStorage). errortrace serve prints demo tokens when it starts."));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) onToken(input.value.trim());
  });
  queueMicrotask(() => input.focus());
  return form;
}
