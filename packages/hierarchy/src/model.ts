import type { Manifest } from "@imgs/manifests";
import type { Tagger } from "@imgs/taggers";

/** Git-ref tag rules listed among an image's taggers, in docker/metadata-action's line syntax. */
export interface RefRules {
  readonly kind: "refs";
  /** metadata-action `tags` lines (presets allowed). */
  readonly tags: readonly string[];
  /** metadata-action `flavor` lines. */
  readonly flavor: readonly string[];
}

/** One entry of an image's taggers: a container tagger (one value) or ref rules (zero or more). */
export type TaggerEntry = Tagger | RefRules;

/** An image of the hierarchy with its own (not inherited) taggers and manifests. */
export interface ImageNode {
  /** Name of the parent image in the hierarchy; undefined for a root. */
  readonly parent: string | undefined;
  readonly taggers: readonly TaggerEntry[];
  readonly manifests: readonly Manifest[];
  /** Absolute path of the Dockerfile, when imgs builds the image. */
  readonly dockerfile: string | undefined;
  /** Absolute path of the build context (default: the Dockerfile's folder). */
  readonly context: string | undefined;
  /** Build arguments. */
  readonly buildArgs: Readonly<Record<string, string>>;
}

/** Image name -> node. */
export type ImageTree = Readonly<Record<string, ImageNode>>;

/** Defaults for the apps' options, taken from the config file. */
export interface HierarchyDefaults {
  readonly variant: string;
  /** undefined: the platform of the machine imgs runs on. */
  readonly platform: string | undefined;
  readonly tagsDir: string | undefined;
  readonly manifestsDir: string | undefined;
  readonly histLinesDir: string | undefined;
  readonly jobs: number | undefined;
}

/** A validated, resolved hierarchy: where images go and how each is tagged and documented. */
export interface Hierarchy {
  /** Registry host of the images, e.g. "quay.io". */
  readonly registry: string;
  /** Owner (namespace) of the images, e.g. "jupyter". */
  readonly owner: string;
  /** Source repository ("owner/name" on GitHub) used for links in manifests. */
  readonly repository: string | undefined;
  readonly images: ImageTree;
  readonly defaults: HierarchyDefaults;
  /** Absolute path of the config file it came from, if any. */
  readonly configPath: string | undefined;
}

/** True for ref rules, false for a container tagger. */
export const isRefRules = (entry: TaggerEntry): entry is RefRules =>
  typeof entry === "object" && entry !== null && (entry as { kind?: unknown }).kind === "refs";

/** The local reference an image of the hierarchy is built as and tagged from: R/O/I:latest. */
export const imageRef = (h: Pick<Hierarchy, "registry" | "owner">, image: string): string =>
  `${fullImageName(h, image)}:latest`;

/** R/O/I, the name every tag of the image is put on. */
export const fullImageName = (h: Pick<Hierarchy, "registry" | "owner">, image: string): string =>
  [h.registry, h.owner, image].filter(Boolean).join("/");
