import { defineConfig } from "tsup";
import shared from "../../tsup.config.js";

export default defineConfig({ ...shared, entry: ["src/index.ts", "src/bin.ts"] });
