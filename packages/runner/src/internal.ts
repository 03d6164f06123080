// What other imgs packages and the imgs binary share with the runner but users of the library
// have no use for: reachable as "@imgs/runner/internal", left out of the public API (api/runner.txt)
// and free to change in any release.
export { LABELS_ENV, MANAGED_LABEL, parseLabelList } from "./container-labels.js";
export { combineOutput } from "./decode-exec-output.js";
export { outputTail } from "./errors/exec.js";
export { RUN_LABELS } from "./session/run-owner.js";
export { CLEANUP_SIGNALS } from "./signal-cleanup.js";
export { DEFAULT_CONTAINER_COMMAND } from "./start-container.js";
