import type { Readable } from "node:stream";

/**
 * Hand each chunk of a build stream to `onChunk` until the stream ends. An abort, an error, or a
 * throwing `onChunk` destroys the stream, which closes the connection, so the engine stops the build.
 */
export function readBuildStream(stream: NodeJS.ReadableStream, signal: AbortSignal, onChunk: (chunk: Buffer | string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      if (error === undefined) return resolve();
      (stream as Partial<Readable>).destroy?.();
      reject(error instanceof Error ? error : new Error("the build stream failed", { cause: error }));
    };
    const onAbort = (): void => settle(signal.reason ?? new Error("aborted"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    stream.on("data", (chunk: Buffer | string) => {
      try {
        onChunk(chunk);
      } catch (error) {
        settle(error ?? new Error("reading the build stream failed"));
      }
    });
    stream.on("end", () => settle());
    stream.on("error", (error) => settle(error));
    // A connection that drops mid-build may close the stream without an error.
    stream.on("close", () => settle(new Error("the Docker engine closed the build stream before the build finished")));
  });
}
