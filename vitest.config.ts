import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import @imgs/* from source, so no build is needed first.
    alias: [
      { find: /^@imgs\/([a-z-]+)\/internal$/, replacement: `${root}packages/$1/src/internal.ts` },
      { find: /^@imgs\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
    ],
  },
  test: {
    clearMocks: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "examples/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "**/*.docker.test.ts", "**/*.registry.test.ts", "**/*.stress.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "docker",
          include: ["packages/*/src/**/*.docker.test.ts", "examples/**/*.docker.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
          globalSetup: ["packages/test-utils/src/docker-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          // Slow: a real registry (docker-registry on 127.0.0.1) and, for the two-engine flow, a second dockerd.
          name: "registry",
          include: ["packages/*/src/**/*.registry.test.ts", "bench/**/*.registry.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
          globalSetup: ["packages/test-utils/src/registry-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Runs of the imgs binary stopped in every way a run can be stopped (signals at many
        // moments, SIGKILL, a closed pipe, a crashing plugin), counting containers through the
        // engine's events. A few minutes; it runs after the other projects and its files one after
        // another, so the moments are spread over runs that are not slowed by other tests.
        extends: true,
        test: {
          name: "stress",
          include: ["packages/*/src/**/*.stress.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**"],
          globalSetup: ["packages/test-utils/src/docker-global-setup.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
