import type { GitSnapshot } from "@imgs/git-helper";
import type { ContainerSession, ImageInfo } from "@imgs/runner";
import type { ManifestContext } from "../types.js";

/** A fixed instant for tests: 2024-01-02T03:04:05.678Z. */
export const FIXED_NOW = new Date("2024-01-02T03:04:05.678Z");

/** A git snapshot of a made-up commit, for tests that need no real repository. */
export const fakeGit = (over: Partial<GitSnapshot> = {}): GitSnapshot => ({
  root: "/repo",
  commit: "0123456789abcdef0123456789abcdef01234567",
  message: "Add the python image",
  branch: "main",
  tags: [],
  allTags: [],
  defaultBranch: "main",
  commitDate: "2024-01-02T03:04:05Z",
  shallow: false,
  ...over,
});

/** Image facts of a made-up local image of 117 MB. */
export const fakeImageInfo = (over: Partial<ImageInfo> = {}): ImageInfo => ({
  id: "sha256:6275d076c3cf0000000000000000000000000000000000000000000000000000",
  size: 116667077,
  created: "2024-01-02T03:00:00Z",
  env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
  labels: {},
  repoTags: ["quay.io/owner/img:latest"],
  repoDigests: [],
  user: "",
  architecture: "amd64",
  os: "linux",
  ...over,
});

/**
 * A ManifestContext around a (fake) session for unit tests: image quay.io/owner/img:latest, a
 * fixed clock, a made-up commit; override any part.
 */
export function fakeContext(container: ContainerSession, over: Partial<ManifestContext> = {}): ManifestContext {
  return {
    container,
    git: fakeGit(),
    clock: { now: () => FIXED_NOW },
    image: { name: "img", ref: "quay.io/owner/img:latest", info: fakeImageInfo() },
    ...over,
  };
}
