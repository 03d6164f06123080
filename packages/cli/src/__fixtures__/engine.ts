import { processDocker } from "@imgs/test-utils";
import type { CliDeps } from "../deps.js";
import { capturedDeps } from "./captured-deps.js";

/** CliDeps with captured output, the fixed clock, the real engine, and `--jobs` default 4. */
export function engineDeps(overrides: Partial<CliDeps> = {}): ReturnType<typeof capturedDeps> {
  return capturedDeps({ docker: () => Promise.resolve(processDocker().docker), cpus: 4, ...overrides });
}
