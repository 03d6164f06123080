export type { Clock, ImageFacts, TagContext, Tagger } from "./types.js";
export * from "./container/index.js";
export * from "./refs/index.js";
