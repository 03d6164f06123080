export type { Clock, ImageFacts, TagContext, Tagger } from "./types.js";
