export type { Clock, ImageFacts, Manifest, ManifestContext, ManifestPiece } from "./types.js";
