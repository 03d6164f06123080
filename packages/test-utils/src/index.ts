export { fakeContext, fakeGit, fakeImageInfo, fakeRefs, fakeReplyContext, FIXED_NOW } from "./fake-context.js";
export { fakeSession } from "./fake-session.js";
export type { FakeReply } from "./fake-session.js";
export { isolatedGitEnv, makeGitRepo } from "./make-git-repo.js";
export type { GitRepoFixture, MakeGitRepoOptions } from "./make-git-repo.js";
export {
  BUSYBOX,
  buildTestImage,
  containerExists,
  containerIds,
  containerLabelsOf,
  containersRunning,
  removeContainers,
  containersWithLabel,
  docker,
  dockerRun,
  imageExists,
  labelNewContainers,
  processDocker,
  recordContainerEvents,
  testEngine,
  testRunLabel,
} from "./docker-cli.js";
export type { ContainerEvent, ContainerEventLog } from "./docker-cli.js";
export { freePort, SSHD, sshKeygen, sshTestDir, startSshd } from "./sshd.js";
export type { SshKeyPair, StartSshdOptions, TestSshd } from "./sshd.js";
export { historyLineProblems, manifestProblems, tagsFileProblems } from "./docker-stacks-format.js";
export { EXAMPLE_IMAGES, ensureExampleImages, exampleRef } from "./example-images.js";
export { compareLines, readGolden } from "./golden.js";
export { METADATA_ACTION_DIR, metadataActionDir, parseFileCommands, runMetadataAction } from "./metadata-action.js";
export type { MetadataActionCase, MetadataActionResult } from "./metadata-action.js";
export { makeCiOrigin } from "./ci-origin.js";
export type { CiOriginCommits } from "./ci-origin.js";
export { registryCatalog, registryTags, skopeo, skopeoDigest, skopeoRaw, startRegistry } from "./registry.js";
export type { StartRegistryOptions, TestRegistry } from "./registry.js";
export { startSecondEngine } from "./second-engine.js";
export type { SecondEngine } from "./second-engine.js";
export { runImgs } from "./run-imgs.js";
export type { ImgsRun } from "./run-imgs.js";
export { startStuckEngine } from "./stuck-engine.js";
export type { StuckEngine } from "./stuck-engine.js";
