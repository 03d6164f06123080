export { InvalidReferenceError } from "./errors.js";
export { isDigest, isPathComponent, isRegistryHost, isRepositoryPath, isTag, MAX_TAG_LENGTH, TAG_PATTERN, tagProblem } from "./grammar.js";
export { canonicalReference, DEFAULT_REGISTRY, formatReference, imageRepository, parseReference, repositoryOf } from "./reference.js";
export type { Reference } from "./reference.js";
