import type { Manifest } from "@imgs/manifests";
import type { Tagger } from "@imgs/taggers";
import type { BuildConfig } from "./build-config.js";

/** Git-ref rules in a config: metadata-action `tags` lines (and optional `flavor` lines). */
export interface RefRulesConfig {
  readonly refs: string | readonly string[];
  readonly flavor?: string | readonly string[];
}

/**
 * A tagger in a config: a built-in or plugin tagger by name ("python"), a function (TS/JS configs),
 * ref rules ({ refs: [...] }), or a declarative spec object such as { "pip-package": "numpy" }.
 */
export type TaggerConfig = string | Tagger | RefRulesConfig | Readonly<Record<string, unknown>>;

/** A manifest in a config: a built-in or plugin manifest by name, or a function (TS/JS configs). */
export type ManifestConfig = string | Manifest;

/** One image of the hierarchy, as written in a config file. */
export interface ImageConfig {
  /** The parent image's name in this hierarchy; omit (or null) for a root image. */
  readonly parent?: string | null;
  /** This image's own taggers; its ancestors' come first automatically. */
  readonly taggers?: readonly TaggerConfig[];
  /** This image's own manifests; its ancestors' come first automatically. */
  readonly manifests?: readonly ManifestConfig[];
  /** Dockerfile, relative to the config file, for `imgs build`. */
  readonly dockerfile?: string;
  /** Build context, relative to the config file (default: the Dockerfile's folder). */
  readonly context?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/** The whole config file (imgs.config.{ts,mts,js,mjs,json,yaml,yml}). */
export interface ImgsConfig {
  /** Registry host, e.g. "quay.io" or "127.0.0.1:5000". */
  readonly registry?: string;
  /** Owner (namespace) of the images, e.g. "jupyter". */
  readonly owner?: string;
  /** Source repository on GitHub ("owner/name"), for links in manifests. */
  readonly repository?: string;
  /** Default variant ("default" gives no variant in tag prefixes). */
  readonly variant?: string;
  /** Default platform (x86_64 | aarch64); default: this machine's. */
  readonly platform?: string;
  readonly tagsDir?: string;
  readonly manifestsDir?: string;
  readonly histLinesDir?: string;
  /** How many containers/commands run at once (default: the number of CPUs). */
  readonly jobs?: number;
  /**
   * Where ref rules' ref and sha come from, as metadata-action's `context` input: "workflow" (the
   * CI's event; default) or "git" (the repository, even in CI).
   */
  readonly refContext?: "workflow" | "git";
  /** Installed packages to load taggers and manifests from. */
  readonly plugins?: readonly string[];
  readonly images: Readonly<Record<string, ImageConfig>>;
  /** How `imgs build` names, stamps and tags images. */
  readonly build?: BuildConfig;
}

/** Identity function that gives TS/JS config files type checking and completion. */
export const defineConfig = (config: ImgsConfig): ImgsConfig => config;
