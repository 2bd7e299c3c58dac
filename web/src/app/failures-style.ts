// The failures pages' own styles, added once to the document (the page's CSP allows inline styles).
const css = `
.failures { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
.failure { border: 1px solid var(--border, #d0d7de); border-radius: 8px; padding: .75rem 1rem; }
.failure-row { display: grid; grid-template-columns: auto 1fr; gap: .75rem; align-items: start; }
.failure-body { min-width: 0; }
.failure .count { font-size: 1.4rem; font-weight: 700; min-width: 3ch; text-align: right; }
.failure .title { font-weight: 600; overflow-wrap: anywhere; }
.failure .meta { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-top: .35rem; }
.failure .hosts { display: flex; flex-wrap: wrap; gap: .25rem; }
.chip { border: 1px solid var(--border, #d0d7de); border-radius: 999px; padding: 0 .5rem; font-size: .85rem; }
.chip.suspect { border-color: #b35900; color: #8a4500; font-weight: 600; }
.suspects { border-left: 4px solid #b35900; padding: .5rem .75rem; margin: .5rem 0 1rem; background: rgba(179, 89, 0, .08); }
.sparkline rect.day { fill: #cf222e; }
.sparkline rect.empty { fill: #8c959f; }
.failure-jobs { list-style: none; padding: 0; display: grid; gap: .25rem; }
@media (prefers-color-scheme: dark) {
  .chip.suspect { color: #ffb366; border-color: #ffb366; }
  .suspects { border-left-color: #ffb366; }
  .sparkline rect.day { fill: #ff7b72; }
}
`;

export function addFailureStyles(): void {
  if (document.getElementById("failures-style")) return;
  const style = document.createElement("style");
  style.id = "failures-style";
  style.textContent = css;
  document.head.appendChild(style);
}
