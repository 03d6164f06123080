import type Dockerode from "dockerode";
import type { ContainerCreateOptions } from "dockerode";
import { containerLabels } from "./container-labels.js";
import { dockerClient } from "./create-docker.js";
import { engineMessageOf, isNoSuchImage, isUnreachable, mentionsMissingProgram } from "./docker-errors.js";
import { DockerContainerSession } from "./docker-session.js";
import type { SessionContainer } from "./docker-session.js";
import { InvalidReferenceError } from "@imgs/reference";
import { EngineUnreachableError, ImageNotFoundError } from "./errors/engine.js";
import { BadCommandError, ProgramNotFoundError } from "./errors/exec.js";
import type { StreamDemuxer } from "./run-exec.js";
import { processSignalCleanup } from "./signal-cleanup.js";
import type { SignalCleanup } from "./signal-cleanup.js";
import type { ContainerSession } from "./types.js";

/** Options of startContainer. */
export interface StartContainerOptions {
  /** A local image; imgs never pulls. */
  readonly image: string;
  /** Default: createDocker(). */
  readonly docker?: Dockerode;
  /** What the container runs, after the image's entrypoint (default `sleep infinity`, as docker-stacks does). */
  readonly command?: readonly string[];
  /** Extra container labels; IMGS_CONTAINER_LABELS and dev.imgs.managed=true are always added. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Remove the container when the process gets SIGINT or SIGTERM (default true). */
  readonly handleSignals?: boolean;
}

/** The part of dockerode that opening a session uses. */
export interface SessionDocker {
  readonly modem: StreamDemuxer;
  createContainer(options: ContainerCreateOptions): Promise<SessionContainer>;
}

/** What openSession needs besides the client. */
export interface OpenSessionOptions {
  readonly image: string;
  readonly command: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly endpoint: string;
  readonly cleanup: SignalCleanup | undefined;
}

/** The command a session's container runs unless told otherwise: it stays up until removed. */
export const DEFAULT_CONTAINER_COMMAND: readonly string[] = ["sleep", "infinity"];

function startError(error: unknown, options: OpenSessionOptions, containerId: string): unknown {
  if (isUnreachable(error)) return new EngineUnreachableError(options.endpoint, error);
  if (isNoSuchImage(error)) return new ImageNotFoundError(options.image, error);
  const message = engineMessageOf(error);
  if (mentionsMissingProgram(message)) return new ProgramNotFoundError(options.image, containerId, options.command, message);
  return error;
}

/** Create and start a container and wrap it in a session; a container that fails to start is removed. */
export async function openSession(docker: SessionDocker, options: OpenSessionOptions): Promise<ContainerSession> {
  if (options.image.trim() === "") throw new InvalidReferenceError(options.image, "the image name is empty");
  if (options.command.length === 0) throw new BadCommandError(options.command, "a container needs a command to run");
  let container: SessionContainer;
  try {
    container = await docker.createContainer({
      Image: options.image,
      Cmd: [...options.command],
      Labels: { ...options.labels },
      Tty: false,
      OpenStdin: false,
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
    });
  } catch (error) {
    throw startError(error, options, "");
  }
  // Registered before start, so a signal that arrives while it starts still removes it.
  const session = new DockerContainerSession(container, docker.modem, options);
  try {
    await container.start();
  } catch (error) {
    // The start error is the one worth reporting; a removal that fails too stays registered for signals.
    await session.close().catch(() => undefined);
    throw startError(error, options, container.id);
  }
  return session;
}

/**
 * Start a container from a local image and return a session to exec in; closing or disposing the
 * session force-removes the container.
 *
 * @example await using session = await startContainer({ image: "imgs.localhost/busybox:latest" });
 */
export async function startContainer(options: StartContainerOptions): Promise<ContainerSession> {
  const { docker, endpoint } = dockerClient(options.docker);
  return openSession(docker, {
    image: options.image,
    command: options.command ?? DEFAULT_CONTAINER_COMMAND,
    labels: containerLabels(process.env, options.labels),
    endpoint,
    cleanup: options.handleSignals === false ? undefined : processSignalCleanup(),
  });
}
