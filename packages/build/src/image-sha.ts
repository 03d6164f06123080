import { inspectImage } from "@imgs/runner";
import type Dockerode from "dockerode";
import { ImageHasNoShaError } from "./errors.js";

/** The OCI label that holds the commit an image was built from. */
export const REVISION_LABEL = "org.opencontainers.image.revision";

/** A commit sha found in an image's configuration. */
export interface ImageSha {
  /** Full commit sha (40 hex characters, 64 in a SHA-256 repository). */
  readonly sha: string;
  /** Where in the configuration: the environment variable, or the OCI revision label. */
  readonly source: { readonly kind: "env" | "label"; readonly name: string };
}

const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The commit sha an image configuration holds: the `shaEnv` variable (cyber-dojo's `SHA`), else the
 * `org.opencontainers.image.revision` label; a value that is not a full sha does not count.
 * Works on any image configuration (a local image's inspect, a registry's config blob).
 */
export function shaOfConfig(config: { readonly env: readonly string[]; readonly labels: Readonly<Record<string, string>> }, shaEnv: string): ImageSha | undefined {
  const prefix = `${shaEnv}=`;
  const fromEnv = config.env.findLast((entry) => entry.startsWith(prefix))?.slice(prefix.length);
  if (fromEnv !== undefined && COMMIT_SHA.test(fromEnv)) return { sha: fromEnv, source: { kind: "env", name: shaEnv } };
  const fromLabel = config.labels[REVISION_LABEL];
  if (fromLabel !== undefined && COMMIT_SHA.test(fromLabel)) return { sha: fromLabel, source: { kind: "label", name: REVISION_LABEL } };
  return undefined;
}

/** What was looked at, for the error when no sha is found. */
export const shaPlaces = (shaEnv: string): string[] => [`environment variable ${shaEnv}`, `label ${REVISION_LABEL}`];

/** Options of readLocalImageSha. */
export interface ReadLocalImageShaOptions {
  readonly reference: string;
  readonly docker: Dockerode;
  /** Variable to read first (default "SHA"). */
  readonly shaEnv?: string;
  /** How the engine is named in messages ("the engine at unix:///var/run/docker.sock"). */
  readonly where?: string;
}

/**
 * The commit sha baked into a local image, from its configuration (`docker image inspect`): no
 * container is started. Also gives the image id and its platform (`linux/amd64`, from the engine's Os and Architecture).
 *
 * @throws ImageNotFoundError (from @imgs/runner) when the image is not local; ImageHasNoShaError when it holds none
 */
export async function readLocalImageSha(options: ReadLocalImageShaOptions): Promise<ImageSha & { readonly id: string; readonly platform: string }> {
  const shaEnv = options.shaEnv ?? "SHA";
  const info = await inspectImage(options.reference, { docker: options.docker });
  const found = shaOfConfig(info, shaEnv);
  if (found === undefined) throw new ImageHasNoShaError(options.reference, `the configuration of local image ${info.id.slice(7, 19)}${options.where ? ` (${options.where})` : ""}`, shaPlaces(shaEnv));
  return { ...found, id: info.id, platform: `${info.os}/${info.architecture}` };
}
