export type { GitSnapshot } from "./types.js";
