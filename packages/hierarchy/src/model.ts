import type { Manifest } from "@imgs/manifests";
import { imageRepository } from "@imgs/reference";
import type { Tagger } from "@imgs/taggers";

/** An image of the hierarchy with its own (not inherited) taggers and manifests. */
export interface ImageNode {
  /** Name of the parent image in the hierarchy; undefined for a root. */
  readonly parent: string | undefined;
  /** This image's own taggers, ref rules among them (refsTagger). */
  readonly taggers: readonly Tagger[];
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
  /** Where ref rules' facts come from (metadata-action's `context`); undefined: "workflow". */
  readonly refContext: "workflow" | "git" | undefined;
}

/** A validated, resolved hierarchy: where images go and how each is tagged and documented. */
export interface Hierarchy {
  /** Registry host of the images, e.g. "quay.io"; "" for none. */
  readonly registry: string;
  /** Owner (namespace) of the images, e.g. "jupyter"; "" for none. */
  readonly owner: string;
  /** Source repository ("owner/name" on GitHub) used for links in manifests. */
  readonly repository: string | undefined;
  readonly images: ImageTree;
  readonly defaults: HierarchyDefaults;
  /** Absolute path of the config file it came from, if any. */
  readonly configPath: string | undefined;
}

/**
 * The local reference an image of the hierarchy is built as and tagged from: `R/O/I:latest`
 * (`R/O/I` is imageRepository from @imgs/reference, docker-stacks' full_image()).
 */
export const imageRef = (h: Pick<Hierarchy, "registry" | "owner">, image: string): string => `${imageRepository(h, image)}:latest`;
