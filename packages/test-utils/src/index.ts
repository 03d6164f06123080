export { fakeSession } from "./fake-session.js";
export type { FakeReply } from "./fake-session.js";
export { isolatedGitEnv, makeGitRepo } from "./make-git-repo.js";
export type { GitRepoFixture, MakeGitRepoOptions } from "./make-git-repo.js";
