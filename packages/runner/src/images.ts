import type Dockerode from "dockerode";
import { dockerClient } from "./create-docker.js";
import { engineError, isUnreachable, unreachableError, statusCodeOf } from "./docker-errors.js";
import { InvalidReferenceError, parseReference, repositoryOf } from "@imgs/reference";
import { ImageInUseError, ImageNotFoundError } from "./errors/engine.js";
import type { ImageInfo } from "./types.js";

/** Options of the image helpers. */
export interface ImageOptions {
  /** The engine, from createDocker (nothing is read from the process). */
  readonly docker: Dockerode;
}

/** Options of removeImage. */
export interface RemoveImageOptions extends ImageOptions {
  /** Remove even when containers use it or other tags share it (docker rmi --force). */
  readonly force?: boolean;
}

/** Options of listImages. */
export interface ListImagesOptions extends ImageOptions {
  /** Only images whose reference matches, as `docker images REPOSITORY[:TAG]`. */
  readonly repository?: string;
  /** Only untagged images that no other image builds on (`docker images --filter dangling=true`). */
  readonly dangling?: boolean;
  /** Only images with this label (`key` or `key=value`), as `docker images --filter label=…`. */
  readonly label?: string;
}

/** One row of listImages, as `docker images` shows it. */
export interface ImageSummary {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  readonly size: number;
  /** ISO 8601 creation time (the engine lists it to the second). */
  readonly created: string;
  readonly labels: Readonly<Record<string, string>>;
}

function imageError(error: unknown, image: string, endpoint: string): unknown {
  if (isUnreachable(error)) return unreachableError(error, endpoint);
  if (statusCodeOf(error) === 404) return new ImageNotFoundError(image, error);
  return error;
}

/** What imgs reads of a local image (docker image inspect); ImageNotFoundError when it is missing. */
export async function inspectImage(reference: string, options: ImageOptions): Promise<ImageInfo> {
  const { docker, endpoint } = dockerClient(options.docker);
  try {
    const info = await docker.getImage(reference).inspect();
    // Imported images can lack a config entirely, so every field has a fallback.
    const config = (info.Config as Partial<typeof info.Config> | null) ?? {};
    return {
      id: info.Id,
      size: info.Size,
      created: info.Created,
      env: config.Env ?? [],
      labels: config.Labels ?? {},
      repoTags: info.RepoTags ?? [],
      repoDigests: info.RepoDigests ?? [],
      user: config.User ?? "",
      architecture: info.Architecture,
      os: info.Os,
    };
  } catch (error) {
    throw imageError(error, reference, endpoint);
  }
}

/**
 * Give a local image another name, as `docker tag SOURCE TARGET`; the target's tag is the part
 * after the last colon that follows the last slash ("127.0.0.1:5000/a/b:t"), "latest" if none.
 */
export async function tagImage(source: string, target: string, options: ImageOptions): Promise<void> {
  const reference = parseReference(target);
  if (reference.digest !== undefined) throw new InvalidReferenceError(target, "a digest reference cannot name a tag");
  const repository = repositoryOf(reference);
  const tag = reference.tag ?? "latest";
  const { docker, endpoint } = dockerClient(options.docker);
  try {
    await docker.getImage(source).tag({ repo: repository, tag });
  } catch (error) {
    throw imageError(error, source, endpoint);
  }
}

/** Remove a tag or an image, as `docker rmi`; ImageInUseError when the engine needs force. */
export async function removeImage(reference: string, options: RemoveImageOptions): Promise<void> {
  const { docker, endpoint } = dockerClient(options.docker);
  try {
    await docker.getImage(reference).remove({ force: options.force ?? false });
  } catch (error) {
    if (statusCodeOf(error) === 409) throw new ImageInUseError(reference, error);
    throw imageError(error, reference, endpoint);
  }
}

/** The local images, optionally only those of one repository, as `docker images [REPOSITORY[:TAG]]`. */
export async function listImages(options: ListImagesOptions): Promise<ImageSummary[]> {
  const { docker, endpoint } = dockerClient(options.docker);
  const filters = {
    ...(options.repository === undefined ? {} : { reference: [options.repository] }),
    ...(options.dangling === true ? { dangling: ["true"] } : {}),
    ...(options.label === undefined ? {} : { label: [options.label] }),
  };
  let rows: Dockerode.ImageInfo[];
  try {
    rows = await docker.listImages(Object.keys(filters).length === 0 ? {} : { filters });
  } catch (error) {
    throw engineError(error, endpoint);
  }
  return rows.map((row) => ({
    id: row.Id,
    // Untagged images are listed with "<none>" placeholders, which are not names.
    repoTags: (row.RepoTags ?? []).filter((name) => name !== "<none>:<none>"),
    repoDigests: (row.RepoDigests ?? []).filter((name) => name !== "<none>@<none>"),
    size: row.Size,
    created: new Date(row.Created * 1000).toISOString(),
    labels: row.Labels ?? {},
  }));
}
