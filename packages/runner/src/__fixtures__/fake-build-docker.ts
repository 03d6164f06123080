import { PassThrough } from "node:stream";
import type Dockerode from "dockerode";
import { httpError } from "./fake-docker.js";

/** What a fake build answers. */
export interface FakeBuildScript {
  /** Messages of the build stream: objects are sent as JSON lines ("\r\n"), strings as they are. */
  readonly messages?: readonly (object | string)[];
  /** Cut the body into chunks of this many bytes (default: one chunk per message). */
  readonly chunkBytes?: number;
  /** POST /build fails with this instead of answering. */
  readonly requestError?: Error;
  /** Keep the stream open after the messages, until it is destroyed. */
  readonly hang?: boolean;
  /** Images that inspect does not find (404); every other image exists with `imageId`. */
  readonly missing?: readonly string[];
  /** Every inspect fails with this. */
  readonly inspectError?: Error;
  readonly imageId?: string;
  /** Run on every inspect, e.g. to change the context between the check and the packing. */
  readonly onInspect?: () => void;
}

/** What the fake saw. */
export interface FakeBuildCalls {
  /** The build options of each POST /build, without the abort signal. */
  readonly requests: Record<string, unknown>[];
  /** The context archive of each build, as the engine would receive it. */
  readonly archives: Buffer[];
  readonly inspected: string[];
  /** Whether the build stream was destroyed (the connection closed) before it ended. */
  destroyed: boolean;
}

function bodyOf(script: FakeBuildScript): Buffer[] {
  const body = (script.messages ?? []).map((message) => (typeof message === "string" ? message : `${JSON.stringify(message)}\r\n`));
  if (script.chunkBytes === undefined) return body.map((part) => Buffer.from(part));
  const all = Buffer.from(body.join(""));
  const chunks: Buffer[] = [];
  for (let at = 0; at < all.length; at += script.chunkBytes) chunks.push(all.subarray(at, at + script.chunkBytes));
  return chunks;
}

/** A dockerode stand-in for image builds: it reads the whole context first, as the engine does, then streams the script. */
export function fakeBuildDocker(script: FakeBuildScript = {}): { docker: Dockerode; calls: FakeBuildCalls } {
  const calls: FakeBuildCalls = { requests: [], archives: [], inspected: [], destroyed: false };
  const docker = {
    modem: { socketPath: "/var/run/docker.sock" },
    getImage: (name: string) => ({
      inspect: () => {
        calls.inspected.push(name);
        script.onInspect?.();
        if (script.inspectError) return Promise.reject(script.inspectError);
        if (script.missing?.includes(name)) return Promise.reject(httpError(404, `No such image: ${name}`));
        return Promise.resolve({ Id: script.imageId ?? "sha256:inspected" });
      },
    }),
    async buildImage(archive: NodeJS.ReadableStream, options: Record<string, unknown>): Promise<NodeJS.ReadableStream> {
      const { abortSignal: _signal, ...request } = options;
      calls.requests.push(request);
      const parts: Buffer[] = [];
      for await (const chunk of archive) parts.push(Buffer.from(chunk as Buffer));
      calls.archives.push(Buffer.concat(parts));
      if (script.requestError) throw script.requestError;
      const stream = new PassThrough();
      stream.on("close", () => {
        if (!stream.writableFinished) calls.destroyed = true;
      });
      const chunks = bodyOf(script);
      const next = (): void => {
        if (stream.destroyed) return;
        const chunk = chunks.shift();
        if (chunk !== undefined) {
          stream.write(chunk);
          setImmediate(next);
        } else if (!script.hang) stream.end();
      };
      setImmediate(next);
      return stream;
    },
  };
  return { docker: docker as unknown as Dockerode, calls };
}
