export { DeadlineExceededError, EvaluationAbortedError } from "./errors.js";
export { evaluateImage } from "./evaluate-image.js";
export type { RunShared } from "./evaluate-image.js";
export { DEFAULT_JOBS, evaluateImages } from "./evaluate-images.js";
export type { EvaluateOptions, EvaluationEvent, EvaluationResult, ImageEvaluation, ImageFailure, TagValue } from "./types.js";
