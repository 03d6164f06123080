export type { BuildEvent, BuildEventHandler } from "./build-events.js";
export { buildTree, REPOSITORY_LABEL } from "./build-tree.js";
export type { BuildTreeOptions, BuildTreeResult, BuiltImage } from "./build-tree.js";
export { ignoredParentArg, unpinnedFroms } from "./check-pinning.js";
export type { IgnoredParentArg, PinningInput, UnpinnedFrom, UnpinnedReason } from "./check-pinning.js";
export { readFroms } from "./dockerfile-froms.js";
export type { FromInstruction } from "./dockerfile-froms.js";
export {
  DockerfileUnreadableError,
  ImageHasNoShaError,
  NoBuildTagsError,
  NoDockerfileError,
  ParentImageMissingError,
  ParentNotBuiltError,
  ReservedBuildArgError,
  TargetStageMissingError,
} from "./errors.js";
export { readLocalImageSha, REVISION_LABEL, shaOfConfig, shaPlaces } from "./image-sha.js";
export type { ImageSha, ReadLocalImageShaOptions } from "./image-sha.js";
export { executePrunePlan, readPrunePlan } from "./prune.js";
export type { PruneResult, ReadPrunePlanOptions } from "./prune.js";
export { keptReferences, planPrune, repositoryOf } from "./prune-plan.js";
export type { PlanPruneOptions, PruneImage, PruneKept, PrunePlan, PruneRemoval } from "./prune-plan.js";
export { buildStamp, stampDockerfile } from "./stamp.js";
export type { BuildStamp, BuildStampOptions } from "./stamp.js";
