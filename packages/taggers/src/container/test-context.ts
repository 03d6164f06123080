// Test support only (not exported from the package): a TagContext around a fakeSession.
import type { FakeReply } from "@imgs/test-utils";
import { fakeSession } from "@imgs/test-utils";
import type { TagContext } from "../types.js";

/** A TagContext whose container answers from `replies`, at a fixed commit and instant. */
export function fakeContext(replies: Readonly<Record<string, FakeReply>> = {}, now = "2024-07-01T23:59:59Z") {
  const container = fakeSession(replies, "imgs-test/base:latest");
  const ctx: TagContext = {
    container,
    git: {
      root: "/repo",
      commit: "0123456789abcdef0123456789abcdef01234567",
      message: "Initial commit",
      branch: "main",
      tags: [],
      allTags: [],
      defaultBranch: "main",
      commitDate: "2024-07-01T12:00:00Z",
      shallow: false,
    },
    clock: { now: () => new Date(now) },
    image: {
      name: "base",
      ref: "imgs-test/base:latest",
      info: {
        id: "sha256:0000", size: 0, created: "2024-07-01T12:00:00Z", env: [], labels: {}, repoTags: [],
        repoDigests: [], user: "", architecture: "amd64", os: "linux",
      },
    },
  };
  return { ctx, container };
}
