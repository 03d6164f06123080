import { dockerClient } from "./create-docker.js";
import { engineError } from "./docker-errors.js";
import type { ImageOptions } from "./images.js";

/** The ids (sha256:…) of the images that containers, running or stopped, were created from (`docker ps -a`). */
export async function imagesInUse(options: ImageOptions): Promise<Set<string>> {
  const { docker, endpoint } = dockerClient(options.docker);
  try {
    const containers = await docker.listContainers({ all: true });
    return new Set(containers.map((container) => container.ImageID));
  } catch (error) {
    throw engineError(error, endpoint);
  }
}

/** How much disk an image takes, as `docker system df -v` counts it. */
export interface ImageDiskUsage {
  /** Bytes of all its layers. */
  readonly size: number;
  /** Bytes of its layers that other images (tagged, or untagged with no child) also use. */
  readonly sharedSize: number;
  /** size - sharedSize: what removing only this image gives back. */
  readonly uniqueSize: number;
}

/** Disk usage of every image, by id (the engine's GET /system/df). */
export async function imageDiskUsage(options: ImageOptions): Promise<Map<string, ImageDiskUsage>> {
  const { docker, endpoint } = dockerClient(options.docker);
  let df: { Images?: Array<{ Id: string; Size: number; SharedSize: number }> | null };
  try {
    df = (await docker.df()) as typeof df;
  } catch (error) {
    throw engineError(error, endpoint);
  }
  const usage = new Map<string, ImageDiskUsage>();
  for (const image of df.Images ?? []) {
    // The engine reports -1 when it did not compute the shared size.
    const sharedSize = Math.max(0, image.SharedSize);
    usage.set(image.Id, { size: image.Size, sharedSize, uniqueSize: Math.max(0, image.Size - sharedSize) });
  }
  return usage;
}
