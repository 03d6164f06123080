import type { GitSnapshot } from "@imgs/git-helper";
import type { ContainerSession, ImageInfo } from "@imgs/runner";
import type { RefContext, TagContext } from "@imgs/taggers";
import { fakeSession, type FakeReply } from "./fake-session.js";

/** A fixed instant for tests: 2024-01-02T03:04:05.678Z. */
export const FIXED_NOW = new Date("2024-01-02T03:04:05.678Z");

/** A git snapshot of a made-up commit, for tests that need no real repository. */
export const fakeGit = (over: Partial<GitSnapshot> = {}): GitSnapshot => ({
  root: "/repo",
  commit: "0123456789abcdef0123456789abcdef01234567",
  message: "Add the python image",
  branch: "main",
  headRef: { ref: "refs/heads/main", source: "checked-out", via: "HEAD" },
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

/** The git-ref context of a push of branch main at the fake commit. */
export const fakeRefs = (over: Partial<RefContext> = {}): RefContext => ({
  eventName: "push",
  ref: "refs/heads/main",
  sha: fakeGit().commit,
  defaultBranch: "main",
  now: FIXED_NOW.toISOString(),
  ...over,
});

/**
 * The context taggers and manifests read, around a (fake) session: image
 * quay.io/owner/img:latest, the fixed instant, a made-up commit; override any part.
 */
export function fakeContext(container: ContainerSession, over: Partial<TagContext> = {}): TagContext {
  return {
    container,
    git: fakeGit(),
    refs: fakeRefs(),
    now: FIXED_NOW,
    image: { name: "img", ref: "quay.io/owner/img:latest", info: fakeImageInfo() },
    build: { fullImage: "quay.io/owner/img" },
    ...over,
  };
}

/**
 * A context whose container answers from `replies` (see fakeSession), at `now`; returns the
 * session too, to look at the commands asked.
 */
export function fakeReplyContext(replies: Readonly<Record<string, FakeReply>> = {}, now = "2024-07-01T23:59:59Z") {
  const container = fakeSession(replies, "imgs-test/base:latest");
  const ctx = fakeContext(container, {
    now: new Date(now),
    image: { name: "base", ref: "imgs-test/base:latest", info: fakeImageInfo() },
    build: { fullImage: "imgs-test/base" },
  });
  return { ctx, container };
}
