export { categoryOf, ImgsError, isImgsError, WrappingError } from "./imgs-error.js";
export type { ErrorCategory } from "./imgs-error.js";
export { asError, errorCodeOf, hasErrorCode, messageOf, quotedValue } from "./error-values.js";
export { settleEach } from "./settle.js";
export type { Failure, Settled } from "./settle.js";
