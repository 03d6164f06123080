export { EmptyOutputError, ExecFailedError, outputTail } from "./errors.js";
export { execOrThrow } from "./exec-or-throw.js";
export { quotedOutput } from "./quoted-output.js";
export type { Command, ContainerSession, ExecOptions, ExecResult, ImageInfo } from "./types.js";
