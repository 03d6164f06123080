import type Dockerode from "dockerode";
import type { BuildFailure } from "./errors/build.js";
import type { BuildOutcome } from "./build-messages.js";
import { engineError, statusCodeOf } from "./docker-errors.js";
import { imagesOf } from "./dockerfile-images.js";

/** A BuildFailure without what buildImage knows anyway. */
export type BuildFailureDetails = Omit<BuildFailure, "tags" | "dockerfile">;

const NOT_LOCAL = "is not in the local Docker engine (imgs never pulls; build or load it first)";
const FROM_STEP = /^Step \d+\/\d+ : FROM\s+(?:--\S+\s+)*(\S+)/i;

/**
 * The base images the Dockerfile names must be local: the classic builder pulls a missing one even
 * with pull=false, and imgs never pulls. Returns the first missing one, as a failure.
 */
export async function missingBaseImage(
  docker: Pick<Dockerode, "getImage">,
  endpoint: string,
  dockerfile: string,
  buildArgs: Readonly<Record<string, string>> | undefined,
): Promise<BuildFailureDetails | undefined> {
  for (const { image, instruction } of imagesOf(dockerfile, buildArgs)) {
    try {
      await docker.getImage(image).inspect();
    } catch (error) {
      // No answer at all (unreachable, past its deadline, not an engine) fails here, before the build's
      // upload, which would wait for that engine without end.
      if (statusCodeOf(error) === undefined) throw engineError(error, endpoint);
      // Any other answer (a reference the engine refuses, say) is left for the build to report.
      if (statusCodeOf(error) === 404) return { reason: `base image ${image} ${NOT_LOCAL}`, output: "", step: instruction, missingImage: image };
    }
  }
  return undefined;
}

/** The engine's error as a failure; a failing FROM means the base image was not local (it tried to pull it). */
export function engineFailure(outcome: BuildOutcome, error: string): BuildFailureDetails {
  const base = FROM_STEP.exec(outcome.step ?? "")?.[1];
  const known = base !== undefined && !base.includes("$");
  const notLocal = base !== undefined && !/invalid reference format/i.test(error);
  const reason = notLocal ? `base image ${known ? base : "of this FROM"} ${NOT_LOCAL}; the engine said: ${error}` : error;
  return { reason, output: outcome.output, step: outcome.step, exitCode: outcome.errorCode, missingImage: notLocal && known ? base : undefined };
}
