// The pages of errortrace serve: "/" (job list) and "/jobs/{id}" (the panel). The server sets <base href> to its root.
import { h } from "../dom";
import { showFailures, showSignature } from "./failures-page";
import { showJob } from "./job-page";
import { showJobs } from "./jobs-page";
import { readToken, saveToken } from "./session";

const base = new URL(document.baseURI).pathname.replace(/\/?$/, "/");
const main = document.getElementById("main") as HTMLElement;
const badge = h("span", { class: "badge", hidden: true, "data-testid": "header-error-count" });
const signOut = h("button", { type: "button", class: "link", hidden: !readToken() }, "Sign out");
signOut.addEventListener("click", () => { saveToken(null); location.href = base; });
document.getElementById("header-extra")?.append(badge, signOut);

const path = location.pathname.slice(base.length - 1);
const job = /^\/jobs\/([^/]+)\/?$/.exec(path);
const failure = /^\/failures(?:\/([^/]+))?\/?$/.exec(path);
const fetchFn = (input: string, init?: RequestInit) => window.fetch(input, init);
document.getElementById("header-extra")?.prepend(h("a", { href: `${base}failures`, class: "nav" }, "Failures"));
if (job?.[1]) showJob(main, base, decodeURIComponent(job[1]), badge);
else if (failure?.[1]) void showSignature(main, base, decodeURIComponent(failure[1]), fetchFn);
else if (failure) void showFailures(main, base, fetchFn);
else void showJobs(main, base, fetchFn);
