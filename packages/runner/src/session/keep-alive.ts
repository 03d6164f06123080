import { Writable } from "node:stream";
import type { ContainerCreateOptions } from "dockerode";
import type { StreamDemuxer } from "../run-exec.js";
import { RUN_LABELS } from "./run-owner.js";

/**
 * How a session's container stays up while its commands run:
 * - "watch": the main process is `cat` reading stdin, which the run holds open through an attach;
 *   when the run's process ends in any way (even SIGKILL) the engine closes stdin, `cat` ends, and
 *   the engine removes the container (AutoRemove). Needs only `cat`, which busybox and coreutils have.
 * - "sleep": docker-stacks' own `sleep infinity`, for images without `cat`; such a container stays
 *   until it is removed, by the run or else by `imgs cleanup`.
 * - "command": the caller's own command, kept up as that command does.
 */
export type KeepAliveKind = "watch" | "sleep" | "command";

/** A container's main command and how it ends. */
export interface KeepAlive {
  readonly kind: KeepAliveKind;
  readonly command: readonly string[];
}

/** The keep-alive that ends with the run. */
export const WATCH_KEEP_ALIVE: KeepAlive = { kind: "watch", command: ["cat"] };

/** docker-stacks' keep-alive (tagging/utils/docker_runner.py), the fallback for images without `cat`. */
export const SLEEP_KEEP_ALIVE: KeepAlive = { kind: "sleep", command: ["sleep", "infinity"] };

/** The create request of a session's container (after the image's entrypoint, as docker-stacks runs it). */
export function createRequest(image: string, keepAlive: KeepAlive, labels: Readonly<Record<string, string>>): ContainerCreateOptions {
  const watch = keepAlive.kind === "watch";
  return {
    Image: image,
    Cmd: [...keepAlive.command],
    Labels: { ...labels, [RUN_LABELS.keepAlive]: keepAlive.kind },
    Tty: false,
    // The watch's stdin stays open while one client is attached and is closed when it detaches.
    OpenStdin: watch,
    StdinOnce: watch,
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(watch ? { HostConfig: { AutoRemove: true } } : {}),
  };
}

/** The part of a dockerode Container that attaching uses. */
export interface AttachableContainer {
  attach(options: { stream: true; stdin: true; stdout: true; stderr: true; hijack: true }): Promise<NodeJS.ReadWriteStream>;
}

// Enough of what the main process printed to say why it ended (an entrypoint's error).
const OUTPUT_KEPT = 2000;

/** The run's end of a watch: holds the container's stdin open and notices when its main process ends. */
export class KeepAliveWatch {
  #output = "";
  #ended = false;
  #onEnd: () => void = () => undefined;
  /** Resolves when the main process ended (or the connection to it broke). */
  readonly whenEnded: Promise<void>;
  readonly #stream: NodeJS.ReadWriteStream;

  private constructor(stream: NodeJS.ReadWriteStream, demuxer: StreamDemuxer) {
    this.#stream = stream;
    this.whenEnded = new Promise((resolve) => {
      this.#onEnd = resolve;
    });
    const keep = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.#output = (this.#output + chunk.toString("utf8")).slice(-OUTPUT_KEPT);
        done();
      },
    });
    demuxer.demuxStream(stream, keep, keep);
    const end = (): void => {
      this.#ended = true;
      this.#onEnd();
    };
    stream.once("end", end);
    stream.once("close", end);
    // A broken attach only means the container ends; the session reports that when it is used.
    stream.on("error", end);
    // The attach alone must not keep the program alive: a program that ends without closing its
    // sessions exits, and its containers end with it.
    (stream as { unref?: () => void }).unref?.();
  }

  /** Attach to the container's stdin, stdout and stderr; call before starting it. */
  static async attach(container: AttachableContainer, demuxer: StreamDemuxer): Promise<KeepAliveWatch> {
    const stream = await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true });
    return new KeepAliveWatch(stream, demuxer);
  }

  /** True once the container's main process ended (or the connection to it broke). */
  get ended(): boolean {
    return this.#ended;
  }

  /** The end of what the main process printed (an entrypoint's error, usually). */
  get output(): string {
    return this.#output.trim();
  }

  /** Let go of the container's stdin; the container then ends by itself. */
  release(): void {
    (this.#stream as { destroy?: () => void }).destroy?.();
  }
}
