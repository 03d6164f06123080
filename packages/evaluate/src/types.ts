import type Dockerode from "dockerode";
import type { GitSnapshot } from "@imgs/git-helper";
import type { Hierarchy } from "@imgs/hierarchy";
import type { ManifestPiece } from "@imgs/manifests";
import type { EngineFacts, ExecStore, ImageInfo, StartContainerOptions } from "@imgs/runner";
import type { RefContext } from "@imgs/taggers";

/** What evaluating images needs: the tree, the engine, the run's facts, limits. Nothing is read from the process. */
export interface EvaluateOptions {
  readonly hierarchy: Hierarchy;
  /** The engine client (see createDocker in @imgs/runner). */
  readonly docker: Dockerode;
  /** HEAD of the repository being built (readGitSnapshot in @imgs/git-helper). */
  readonly git: GitSnapshot;
  /** The git-ref context ref rules are computed for (refContextFrom in @imgs/taggers). */
  readonly refs: RefContext;
  /** The run's one instant: date tags and build timestamps of every image agree. */
  readonly now: Date;
  /** The tag prefix (`x86_64`, `aarch64-cuda12`): values are checked as `<prefix>-<value>` too. */
  readonly prefix: string;
  /** Also run the images' manifests (build-info first); default false (tags only). */
  readonly manifests?: boolean;
  /** Repository and web server for the build-info piece's links. */
  readonly build?: { readonly repository?: string | undefined; readonly serverUrl?: string | undefined };
  /** Images evaluated at once, and commands run at once across them; default 4. */
  readonly jobs?: number;
  /**
   * Milliseconds a command, a tagger or a manifest may take before its image fails (commands: the
   * container is removed); undefined for no limit.
   */
  readonly timeoutMs?: number | undefined;
  /** Stops the run: no new container starts, running commands end, every container is removed. */
  readonly signal?: AbortSignal | undefined;
  /** Progress; called synchronously, must not throw. */
  readonly onEvent?: ((event: EvaluationEvent) => void) | undefined;
  /** Passed to startContainer for every container (labels, the signal-cleanup registry). */
  readonly container?: Omit<StartContainerOptions, "image" | "docker"> | undefined;
  /**
   * Reuse command results across runs by image id (see cachedSession in @imgs/runner): an image's
   * container starts only when a result is missing, so a rerun on unchanged images starts none.
   * Taggers and manifests that read git or the clock take them from the context and are computed
   * every time.
   */
  readonly execCache?: ExecCacheOptions | undefined;
}

/** Where exec results are kept between runs, and the engine facts every key holds. */
export interface ExecCacheOptions {
  readonly store: ExecStore;
  /** readEngineFacts(docker) of @imgs/runner, read once per run. */
  readonly engine: EngineFacts;
  /**
   * When only tags are asked for, also run the manifests' commands (their pieces are dropped, and
   * so are their failures), so that a following manifest run finds every result stored: `imgs tag`
   * then `imgs manifest` start one container per image in all, as `imgs hook` does.
   */
  readonly prefetchManifests?: boolean | undefined;
}

/** One tag value and the tagger that made it. */
export interface TagValue {
  readonly value: string;
  /** The tagger's name (`python`, `refs(type=ref,event=branch)`). */
  readonly tagger: string;
}

/** What one image's evaluation produced. */
export interface ImageEvaluation {
  /** Name in the hierarchy. */
  readonly image: string;
  /** R/O/I, the repository its tags go on. */
  readonly fullImage: string;
  /** The local reference the container was started from, R/O/I:latest. */
  readonly ref: string;
  readonly info: ImageInfo;
  /** Tag values without prefix, in hierarchy order (root's taggers first), each value once. */
  readonly tags: readonly TagValue[];
  /** Manifest pieces, build info first; undefined unless manifests were asked for. */
  readonly pieces: readonly ManifestPiece[] | undefined;
}

/** An image whose evaluation failed, and why (TaggerFailedError, ManifestFailedError, ImageNotFoundError, …). */
export interface ImageFailure {
  readonly image: string;
  readonly error: Error;
}

/** The images that worked and those that failed, each in the order asked. */
export interface EvaluationResult {
  readonly images: readonly ImageEvaluation[];
  readonly failures: readonly ImageFailure[];
}

/** Progress of a run, per image. */
export type EvaluationEvent =
  | { readonly type: "step"; readonly image: string; readonly step: string }
  /** A command of the image ran (`cached: false`) or was answered from the exec cache (with execCache only). */
  | { readonly type: "exec"; readonly image: string; readonly command: readonly string[]; readonly cached: boolean }
  | { readonly type: "done"; readonly image: string; readonly evaluation: ImageEvaluation }
  | { readonly type: "failed"; readonly image: string; readonly error: Error };
