export type { BuildFacts, ImageFacts, TagContext, Tagger, TagValues } from "./types.js";
export { runTagger } from "./run-tagger.js";
export type { RunTaggerOptions } from "./run-tagger.js";
export { refsTagger } from "./refs-tagger.js";
export type { RefsTaggerOptions } from "./refs-tagger.js";
export * from "./container/index.js";
export * from "./refs/index.js";
