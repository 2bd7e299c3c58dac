// What the log says of where it ran, as chips (Sentry's tags): launcher, world size, GPUs, versions, hosts, ranks.
import { h, heading } from "../dom";
import { plural } from "../format";
import type { EnvironmentInfo } from "../types";
import type { ViewActions } from "../view";

const labels: Record<string, string> = {
  launcher: "launcher", world_size: "world size", gpu: "GPU", gpu_count: "GPUs", python: "Python", torch: "torch",
  cuda: "CUDA", nccl: "NCCL", transformers: "transformers", deepspeed: "DeepSpeed",
};

/** Hosts named in a chip before "+N". */
const hostsShown = 3;

export function renderEnvironment(env: EnvironmentInfo | null | undefined, level: number, actions: ViewActions): HTMLElement | null {
  if (!env || (env.tags.length === 0 && env.host_count === 0 && env.rank_count === 0)) return null;
  const chips = h("ul", { class: "chips", "aria-label": "Environment" });
  for (const tag of env.tags) {
    const label = `${labels[tag.key] ?? tag.key} ${tag.value}`;
    chips.append(h("li", { "data-key": tag.key },
      tag.line > 0
        ? h("button", { type: "button", class: "chip", title: `line ${tag.line}`, "aria-label": `${label}, said on line ${tag.line}`, onclick: () => actions.openLog(tag.line) },
          h("span", { class: "k" }, labels[tag.key] ?? tag.key), " ", tag.value)
        : h("span", { class: "chip" }, h("span", { class: "k" }, labels[tag.key] ?? tag.key), " ", tag.value)));
  }
  if (env.host_count > 0) {
    const names = env.hosts.slice(0, hostsShown).join(", ") + (env.host_count > hostsShown ? ` +${env.host_count - hostsShown}` : "");
    chips.append(h("li", { "data-key": "hosts" }, h("span", { class: "chip", title: env.hosts.join(", ") }, h("span", { class: "k" }, env.host_count === 1 ? "host" : `${env.host_count} hosts`), " ", names)));
  }
  if (env.rank_count > 0) chips.append(h("li", { "data-key": "ranks" }, h("span", { class: "chip" }, plural(env.rank_count, "rank"), " seen")));
  return h("section", { class: "card", "aria-labelledby": "et-env-h" },
    heading(level, { id: "et-env-h" }, "Environment"),
    chips);
}
