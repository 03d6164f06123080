export type { BuildEvent, BuildEventHandler } from "./build-events.js";
export { buildTree, REPOSITORY_LABEL } from "./build-tree.js";
export type { BuildTreeOptions, BuildTreeResult, BuiltImage } from "./build-tree.js";
export { unpinnedFroms } from "./check-pinning.js";
export type { PinningInput, UnpinnedFrom, UnpinnedReason } from "./check-pinning.js";
export {
  DockerfileUnreadableError,
  ImageHasNoShaError,
  ImagePlatformMissingError,
  NoBuildTagsError,
  NoDockerfileError,
  ParentImageMissingError,
  ParentNotBuiltError,
  ReservedBuildArgError,
  TargetStageMissingError,
} from "./errors.js";
export { readLocalImageSha, REVISION_LABEL, shaOfConfig } from "./image-sha.js";
export type { ImageSha, ReadLocalImageShaOptions } from "./image-sha.js";
export { readRegistryImageSha } from "./registry-image-sha.js";
export type { PlatformSha, ReadRegistryImageShaOptions, RegistryImageSha } from "./registry-image-sha.js";
export { executePrunePlan, readPrunePlan } from "./prune.js";
export type { PruneResult, ReadPrunePlanOptions } from "./prune.js";
export { keptReferences, planPrune } from "./prune-plan.js";
export type { PlanPruneOptions, PruneImage, PruneKept, PrunePlan, PruneRemoval } from "./prune-plan.js";
export { buildStamp } from "./stamp.js";
export type { BuildStamp, BuildStampOptions } from "./stamp.js";
