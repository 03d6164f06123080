import { defineConfig } from "tsup";
import shared from "../../tsup.config.js";

// Two entries: the public API, and what other imgs packages share with the runner (./internal).
export default defineConfig({ ...shared, entry: ["src/index.ts", "src/internal.ts"] });
