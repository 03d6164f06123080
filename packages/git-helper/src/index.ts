export type { CiFacts, CiProvider, GitSnapshot } from "./types.js";
