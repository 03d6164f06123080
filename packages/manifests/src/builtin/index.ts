import type { Manifest } from "../types.js";
import { buildInfoManifest } from "./build-info.js";
import {
  aptPackagesManifest,
  condaEnvironmentManifest,
  juliaPackagesManifest,
  rPackagesManifest,
  sparkInfoManifest,
} from "./docker-stacks.js";
import { osReleaseManifest, pipPackagesManifest } from "./extra.js";

/** The built-in manifests by the names configs use ("build-info", "apt-packages", …). */
export const builtinManifests: Readonly<Record<string, Manifest>> = Object.freeze(
  Object.fromEntries(
    [
      buildInfoManifest,
      aptPackagesManifest,
      condaEnvironmentManifest,
      rPackagesManifest,
      juliaPackagesManifest,
      sparkInfoManifest,
      pipPackagesManifest,
      osReleaseManifest,
    ].map((m) => [m.name, m]),
  ),
);
