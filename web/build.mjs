// Bundles the panel and the pages into two ES modules with stable names (no hashes): the server embeds them.
// Usage: node build.mjs [--outdir DIR]   (default: dist/)
import { build } from "esbuild";

const i = process.argv.indexOf("--outdir");
const outdir = i > 0 ? process.argv[i + 1] : "dist";

await build({
  entryPoints: {
    "error-trace-panel": "src/index.ts",
    "error-trace-app": "src/app/main.ts",
  },
  outdir,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
});
