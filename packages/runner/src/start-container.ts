import type Dockerode from "dockerode";
import type { ContainerCreateOptions } from "dockerode";
import { MANAGED_LABEL } from "./container-labels.js";
import { endpointOf } from "./create-docker.js";
import { engineMessageOf, isNoSuchImage, isUnreachable, unreachableError, mentionsMissingProgram } from "./docker-errors.js";
import { DockerContainerSession } from "./docker-session.js";
import type { SessionContainer } from "./docker-session.js";
import { InvalidReferenceError } from "@imgs/reference";
import { ImageNotFoundError } from "./errors/engine.js";
import { BadCommandError, ProgramNotFoundError } from "./errors/exec.js";
import type { StreamDemuxer } from "./run-exec.js";
import { RunStoppingError } from "./errors/session.js";
import type { ContainerRegistry } from "./session/container-registry.js";
import { KeepAliveWatch, SLEEP_KEEP_ALIVE, WATCH_KEEP_ALIVE, createRequest } from "./session/keep-alive.js";
import type { AttachableContainer, KeepAlive } from "./session/keep-alive.js";
import type { ContainerSession } from "./types.js";

/** Options of startContainer. Nothing is read from the process: labels and the registry come from the program. */
export interface StartContainerOptions {
  /** A local image; imgs never pulls. */
  readonly image: string;
  /** The engine, from createDocker. */
  readonly docker: Dockerode;
  /**
   * Container labels: the run's owner (ownerLabels) and any the program adds (containerLabels with
   * IMGS_CONTAINER_LABELS); dev.imgs.managed=true and dev.imgs.keep-alive are always set.
   */
  readonly labels?: Readonly<Record<string, string>>;
  /** The run's registry: the container is tracked there until removed, so a stop removes it. */
  readonly cleanup?: ContainerRegistry;
  /**
   * What the container runs, after the image's entrypoint. Default: the watch keep-alive (`cat` on
   * an attached stdin, ending with the run's process; `sleep infinity` for images without `cat`).
   */
  readonly command?: readonly string[];
}

/** The part of dockerode that opening a session uses. */
export interface SessionDocker {
  readonly modem: StreamDemuxer;
  createContainer(options: ContainerCreateOptions): Promise<SessionContainer & Partial<AttachableContainer>>;
}

/** What openSession needs besides the client. */
export interface OpenSessionOptions {
  readonly image: string;
  /** The caller's own main command; undefined for the watch keep-alive. */
  readonly command: readonly string[] | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly endpoint: string;
  readonly cleanup: ContainerRegistry | undefined;
}

/** docker-stacks' main command (`sleep infinity`), the fallback for images without `cat`. */
export const DEFAULT_CONTAINER_COMMAND: readonly string[] = SLEEP_KEEP_ALIVE.command;

function startError(error: unknown, options: OpenSessionOptions, keepAlive: KeepAlive, containerId: string): unknown {
  if (isUnreachable(error)) return unreachableError(error, options.endpoint);
  if (isNoSuchImage(error)) return new ImageNotFoundError(options.image, error);
  const message = engineMessageOf(error);
  if (mentionsMissingProgram(message)) return new ProgramNotFoundError(options.image, containerId, keepAlive.command, message);
  return error;
}

/** Create, attach (for a watch) and start one container; a container that fails to start is removed. */
async function openWith(docker: SessionDocker, options: OpenSessionOptions, keepAlive: KeepAlive): Promise<ContainerSession> {
  let container: SessionContainer & Partial<AttachableContainer>;
  try {
    container = await docker.createContainer(createRequest(options.image, keepAlive, { ...options.labels, [MANAGED_LABEL]: "true" }));
  } catch (error) {
    throw startError(error, options, keepAlive, "");
  }
  // Tracked before it starts, so a stop that comes while it starts still removes it.
  const session = new DockerContainerSession(container, docker.modem, { ...options, keepAlive });
  try {
    if (keepAlive.kind === "watch" && container.attach) {
      session.holdWatch(await KeepAliveWatch.attach(container as AttachableContainer, docker.modem));
    }
    await container.start();
  } catch (error) {
    // The start error is the one worth reporting; a removal that fails too stays tracked for the stop.
    await session.close().catch(() => undefined);
    throw startError(error, options, keepAlive, container.id);
  }
  if (options.cleanup?.stopping) {
    // The run stopped while this container was being made: the stop removes it; nobody may use it.
    await session.close().catch(() => undefined);
    throw new RunStoppingError(options.image);
  }
  return session;
}

/** The watch keep-alive, or docker-stacks' `sleep infinity` when the image has no `cat`. */
async function openWatched(docker: SessionDocker, options: OpenSessionOptions): Promise<ContainerSession> {
  try {
    return await openWith(docker, options, WATCH_KEEP_ALIVE);
  } catch (error) {
    if (error instanceof ProgramNotFoundError && error.program === WATCH_KEEP_ALIVE.command[0]) return openWith(docker, options, SLEEP_KEEP_ALIVE);
    throw error;
  }
}

/** Create and start a container and wrap it in a session, tracked by the run's registry when there is one. */
export async function openSession(docker: SessionDocker, options: OpenSessionOptions): Promise<ContainerSession> {
  if (options.image.trim() === "") throw new InvalidReferenceError(options.image, "the image name is empty");
  const { command } = options;
  if (command?.length === 0) throw new BadCommandError([], "a container needs a command to run");
  const open = (): Promise<ContainerSession> =>
    command === undefined ? openWatched(docker, options) : openWith(docker, options, { kind: "command", command });
  return options.cleanup ? options.cleanup.creating(options.image, open) : open();
}

/**
 * Start a container from a local image and return a session to exec in; closing or disposing the
 * session force-removes the container. By default its main process ends with the run's process
 * (see KeepAlive), so even a killed run leaves no container running.
 *
 * @example await using session = await startContainer({ image: "imgs.localhost/busybox:latest", docker, labels, cleanup });
 */
export async function startContainer(options: StartContainerOptions): Promise<ContainerSession> {
  return openSession(options.docker, {
    image: options.image,
    command: options.command,
    labels: options.labels ?? {},
    endpoint: endpointOf(options.docker),
    cleanup: options.cleanup,
  });
}
