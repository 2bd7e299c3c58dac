// The panel's shadow-DOM stylesheet. Every colour is a custom property, so a host can restyle it:
// error-trace-panel { --et-bg: …; --et-accent: … } or theme="dark" / theme="light" to override prefers-color-scheme.
export const panelCss = `
:host {
  --et-bg: #ffffff; --et-fg: #1f2328; --et-muted: #59636e; --et-border: #d1d9e0; --et-surface: #f6f8fa;
  --et-accent: #0969da; --et-error: #cf222e; --et-error-bg: #ffebe9; --et-warning: #9a6700; --et-warning-bg: #fff8c5;
  --et-ok: #1a7f37; --et-ok-bg: #dafbe1; --et-code-bg: #f6f8fa; --et-lib: #59636e; --et-focus: #0969da; --et-emphasis: #0969da; --et-hero-bg: #fff5f5;
  --et-kw: #cf222e; --et-str: #0a3069; --et-num: #0550ae; --et-com: #6e7781; --et-call: #8250df; --et-builtin: #953800;
  --et-radius: 6px; --et-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --et-mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  display: block; color: var(--et-fg); background: var(--et-bg); font: 14px/1.5 var(--et-font); overflow-wrap: anywhere;
  container-type: inline-size; min-width: 0; max-width: 100%;
}
@media (prefers-color-scheme: dark) { :host(:not([theme="light"])) { color-scheme: dark;
  --et-bg: #0d1117; --et-fg: #e6edf3; --et-muted: #9198a1; --et-border: #3d444d; --et-surface: #151b23;
  --et-accent: #4493f8; --et-error: #ff7b72; --et-error-bg: #3c1618; --et-warning: #d29922; --et-warning-bg: #3a2d0c;
  --et-ok: #3fb950; --et-ok-bg: #12261a; --et-code-bg: #151b23; --et-lib: #9198a1; --et-focus: #4493f8; --et-emphasis: #1f6feb; --et-hero-bg: #1c1012;
  --et-kw: #ff7b72; --et-str: #a5d6ff; --et-num: #79c0ff; --et-com: #8b949e; --et-call: #d2a8ff; --et-builtin: #ffa657; } }
:host([theme="dark"]) { color-scheme: dark;
  --et-bg: #0d1117; --et-fg: #e6edf3; --et-muted: #9198a1; --et-border: #3d444d; --et-surface: #151b23;
  --et-accent: #4493f8; --et-error: #ff7b72; --et-error-bg: #3c1618; --et-warning: #d29922; --et-warning-bg: #3a2d0c;
  --et-ok: #3fb950; --et-ok-bg: #12261a; --et-code-bg: #151b23; --et-lib: #9198a1; --et-focus: #4493f8; --et-emphasis: #1f6feb; --et-hero-bg: #1c1012;
  --et-kw: #ff7b72; --et-str: #a5d6ff; --et-num: #79c0ff; --et-com: #8b949e; --et-call: #d2a8ff; --et-builtin: #ffa657; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; min-width: 0; }
section, header { min-width: 0; }
h2, h3, h4 { margin: 0; line-height: 1.3; }
h2 { font-size: 1.15rem; } h3 { font-size: 1rem; } h4 { font-size: .9rem; }
p { margin: 0; }
a { color: var(--et-accent); text-underline-offset: .22em; text-decoration-skip-ink: none; }
button, select, input { font: inherit; color: inherit; }
button { background: var(--et-surface); border: 1px solid var(--et-border); border-radius: var(--et-radius); padding: 4px 10px; cursor: pointer; min-height: 32px; }
button:hover { border-color: var(--et-muted); }
button[aria-pressed="true"], button.primary { background: var(--et-emphasis); border-color: var(--et-emphasis); color: #fff; }
button.link { background: none; border: none; color: var(--et-accent); padding: 2px 4px; min-height: 0; text-decoration: underline; text-underline-offset: .22em; text-decoration-skip-ink: none; }
button:disabled { opacity: .6; cursor: default; }
:focus-visible { outline: 2px solid var(--et-focus); outline-offset: 2px; }
.card { border: 1px solid var(--et-border); border-radius: var(--et-radius); padding: 12px; display: grid; grid-template-columns: minmax(0, 1fr); gap: 10px; min-width: 0; background: var(--et-bg); }
.bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
.muted { color: var(--et-muted); }
.small { font-size: .85rem; }
.badge { display: inline-flex; align-items: center; gap: 4px; border-radius: 999px; padding: 1px 8px; font-size: .8rem; font-weight: 600; border: 1px solid transparent; white-space: nowrap; }
.badge.failed, .badge.error, .badge.category { background: var(--et-error-bg); color: var(--et-error); border-color: var(--et-error); }
.badge.warning, .badge.cancelled, .badge.running { background: var(--et-warning-bg); color: var(--et-warning); border-color: var(--et-warning); }
.badge.completed, .badge.zero { background: var(--et-ok-bg); color: var(--et-ok); border-color: var(--et-ok); }
.badge.neutral { background: var(--et-surface); color: var(--et-muted); border-color: var(--et-border); }
.meta { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0; }
.meta div { display: flex; gap: 4px; min-width: 0; }
.meta dt { color: var(--et-muted); } .meta dd { margin: 0; overflow-wrap: anywhere; }
ul.suggestions { margin: 0; padding-left: 20px; }
pre, code { font-family: var(--et-mono); font-size: .85rem; }
.evidence { list-style: none; margin: 0; padding: 8px; background: var(--et-code-bg); border-radius: var(--et-radius); display: grid; gap: 2px; }
.evidence li { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 8px; align-items: baseline; }
.evidence code { white-space: pre-wrap; overflow-wrap: anywhere; }
.ln { font-family: var(--et-mono); font-size: .8rem; color: var(--et-muted); user-select: none; }
button.link.ln { color: var(--et-accent); padding: 0 2px; }
.exception { border-left: 4px solid var(--et-error); padding: 4px 10px; background: var(--et-error-bg); border-radius: 0 var(--et-radius) var(--et-radius) 0; min-width: 0; }
.exception .type { font-family: var(--et-mono); font-weight: 700; color: var(--et-error); overflow-wrap: anywhere; }
.exception .message { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: 2px; }
details.traceback > summary { cursor: pointer; font-weight: 600; list-style-position: inside; }
.trace-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; margin-top: 8px; min-width: 0; }
.trace-scroll { min-width: 0; overflow-x: auto; max-width: 100%; border: 1px solid var(--et-border); border-radius: var(--et-radius); background: var(--et-code-bg); }
.frames { list-style: none; margin: 0; padding: 6px 0; min-width: max-content; }
.frame { padding: 3px 12px; font-family: var(--et-mono); font-size: .85rem; white-space: pre; }
.frame.lib { color: var(--et-lib); }
.frame .loc a, .frame .loc span.file { color: inherit; }
.frame .fn { font-weight: 600; }
.frame.exc-line { font-weight: 600; }
.frame .src { display: block; padding-left: 2ch; }
.frame .copy { font-size: .75rem; }
.libs { padding: 2px 12px; }
.subs { margin: 0 0 6px 12px; padding: 0 0 0 14px; border-left: 2px solid var(--et-border); font-family: var(--et-mono); font-size: .85rem; color: var(--et-muted); }
.sub { padding: 2px 0; } .sub > * { color: var(--et-fg); }
.relation { text-align: center; font-style: italic; color: var(--et-muted); padding: 6px 0; font-size: .85rem; }
.raw { margin: 0; padding: 10px 12px; white-space: pre; min-width: max-content; font-size: .8rem; }
.tok-keyword { color: var(--et-kw); } .tok-string { color: var(--et-str); } .tok-number { color: var(--et-num); }
.tok-comment { color: var(--et-com); font-style: italic; } .tok-call { color: var(--et-call); } .tok-builtin { color: var(--et-builtin); }
.errors { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.entry { border: 1px solid var(--et-border); border-left-width: 4px; border-radius: var(--et-radius); padding: 8px 10px; display: grid; gap: 4px; min-width: 0; }
.entry.error { border-left-color: var(--et-error); } .entry.warning { border-left-color: var(--et-warning); }
.entry .msg { font-family: var(--et-mono); font-size: .82rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; max-height: 9.5em; overflow-y: auto; }
.entry .head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.timeline { display: grid; gap: 4px; position: relative; }
.tl-row { display: grid; grid-template-columns: minmax(0, 38%) minmax(0, 1fr); gap: 8px; align-items: center; font-size: .8rem; }
.tl-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tl-track { position: relative; height: 14px; background: var(--et-surface); border-radius: 3px; }
.tl-bar { position: absolute; top: 3px; height: 8px; min-width: 6px; border-radius: 4px; background: var(--et-warning); }
.tl-bar.error { background: var(--et-error); }
.tl-fail { position: absolute; top: -2px; bottom: -2px; width: 2px; background: var(--et-fg); }
.tl-axis { display: flex; justify-content: space-between; font-size: .75rem; color: var(--et-muted); }
.skeleton { display: grid; gap: 10px; }
.skeleton div { height: 16px; border-radius: 4px; background: linear-gradient(90deg, var(--et-surface), var(--et-border), var(--et-surface)); background-size: 200% 100%; animation: shimmer 1.2s infinite linear; }
.skeleton div:nth-child(1) { width: 40%; height: 22px; } .skeleton div:nth-child(3) { width: 80%; } .skeleton div:nth-child(4) { height: 120px; }
@keyframes shimmer { from { background-position: 200% 0; } to { background-position: -200% 0; } }
@media (prefers-reduced-motion: reduce) { .skeleton div { animation: none; } }
.state { text-align: center; padding: 24px 12px; display: grid; gap: 10px; justify-items: center; }
.state form { display: flex; flex-wrap: wrap; gap: 6px; justify-content: center; width: 100%; }
.state input { min-width: 0; flex: 1 1 200px; max-width: 360px; padding: 5px 8px; border: 1px solid var(--et-border); border-radius: var(--et-radius); background: var(--et-bg); }
.toolbar { align-items: center; }
.toolbar .job { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; min-width: 0; }
.toolbar .actions { align-items: center; }
.status-line { margin: 0; }
.hero { border-left: 4px solid var(--et-error); background: var(--et-hero-bg); gap: 8px; }
.hero .badges { display: flex; flex-wrap: wrap; gap: 6px; }
.hero-title { font-size: 1.3rem; line-height: 1.35; overflow-wrap: anywhere; font-weight: 650; }
.hero-title .type { font-family: var(--et-mono); font-size: 1.15rem; color: var(--et-error); font-weight: 700; }
.hero-title code.type { background: none; }
.caused-by { font-size: .95rem; } .caused-by code { color: var(--et-error); font-weight: 600; overflow-wrap: anywhere; }
.place { font-size: 1rem; } .place code.loc { font-weight: 700; font-size: .95rem; } .place .copy { font-size: .8rem; }
.facts { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 16px; font-size: .9rem; }
.facts button.link { padding: 0; }
.banner { border: 1px solid var(--et-warning); background: var(--et-warning-bg); border-radius: var(--et-radius); padding: 8px 12px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; }
.banner p { margin: 0; }
.chips { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-flex; gap: 4px; align-items: baseline; border: 1px solid var(--et-border); border-radius: 999px; padding: 1px 10px; font-size: .85rem; background: var(--et-surface); min-height: 0; color: var(--et-fg); }
.chip .k { color: var(--et-muted); }
.log-lines-list { list-style: none; margin: 0; padding: 0; }
.log-lines { margin: 0; padding: 6px 0; font-family: var(--et-mono); font-size: .8rem; background: var(--et-code-bg); border: 1px solid var(--et-border); border-radius: var(--et-radius); overflow-x: auto; }
.log-lines li { display: grid; grid-template-columns: 6ch max-content minmax(0, 1fr); gap: 8px; padding: 0 8px; align-items: baseline; }
.log-lines li.target { background: var(--et-warning-bg); }
.log-lines code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem; }
.log-lines .ln { text-align: right; } .log-lines .rk { color: var(--et-muted); font-size: .75rem; }
.log-dialog { width: min(1000px, calc(100vw - 24px)); max-height: calc(100vh - 48px); border: 1px solid var(--et-border); border-radius: var(--et-radius); padding: 12px; background: var(--et-bg); color: var(--et-fg); }
.log-dialog::backdrop { background: rgb(0 0 0 / .45); }
.log-dialog h2 { font-size: 1rem; }
.log-dialog > * + * { margin-top: 8px; }
.log-body { max-height: calc(100vh - 180px); overflow: auto; }
.runs { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.runs li { overflow-wrap: anywhere; padding: 2px 6px; border-radius: var(--et-radius); }
.runs li.root-run { background: var(--et-code-bg); }
.runs .badge { margin-left: 6px; }
.others { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.others summary { cursor: pointer; list-style-position: inside; overflow-wrap: anywhere; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@container (max-width: 480px) {
  .tl-row { grid-template-columns: minmax(0, 1fr); gap: 2px; } .card { padding: 10px; }
  .hero-title { font-size: 1.05rem; } .hero-title .type { font-size: 1rem; } .place { font-size: .9rem; }
  .toolbar .status-line { flex-basis: 100%; }
}
`;
