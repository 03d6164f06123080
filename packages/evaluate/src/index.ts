export { DeadlineExceededError, EvaluationAbortedError } from "./errors.js";
export { DEFAULT_JOBS, evaluateImages } from "./evaluate-images.js";
export type { EvaluateOptions, EvaluationEvent, ExecCacheOptions, EvaluationResult, ImageEvaluation, ImageFailure, TagValue } from "./types.js";
