import { defineConfig } from "tsup";

/** The one build every package shares: src/index.ts to ESM plus .d.ts. */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "node20",
  dts: true,
  clean: true,
  sourcemap: true,
  tsconfig: "tsconfig.json",
  // Keep "node:fs" as written; tsup drops the prefix by default for old Node versions we do not support.
  removeNodeProtocol: false,
});
