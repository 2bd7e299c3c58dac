// A per-day bar sparkline as inline SVG (no library, no innerHTML): one bar per day, scaled to the busiest day.
const svgNs = "http://www.w3.org/2000/svg";

export function sparkline(series: number[], label: string, width = 112, height = 24): SVGSVGElement {
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("class", "sparkline");
  const max = Math.max(1, ...series);
  const step = width / Math.max(1, series.length);
  series.forEach((value, i) => {
    const bar = document.createElementNS(svgNs, "rect");
    const h = value === 0 ? 1 : Math.max(2, Math.round((value / max) * (height - 2)));
    bar.setAttribute("x", (i * step + 1).toFixed(1));
    bar.setAttribute("y", String(height - h));
    bar.setAttribute("width", Math.max(1, step - 2).toFixed(1));
    bar.setAttribute("height", String(h));
    bar.setAttribute("class", value === 0 ? "empty" : "day");
    const title = document.createElementNS(svgNs, "title");
    title.textContent = String(value);
    bar.appendChild(title);
    svg.appendChild(bar);
  });
  return svg;
}
