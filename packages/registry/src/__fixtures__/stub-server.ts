import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the stub saw, with the time it arrived (ms, monotonic). */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly at: number;
  /** The request body as text (complete when the handler runs). */
  body: string;
}

/** A small HTTP server on 127.0.0.1 that answers with `handler` and records every request. */
export interface StubServer extends AsyncDisposable {
  /** "127.0.0.1:PORT". */
  readonly address: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/** Start a stub; the handler sees the request number (0-based) among all requests so far. */
export async function startStub(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<StubServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const seen: SeenRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, at: performance.now(), body: "" };
    const n = requests.push(seen) - 1;
    req.setEncoding("utf8").on("data", (chunk: string) => (seen.body += chunk));
    req.on("end", () => handler(req, res, n));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return { address: `127.0.0.1:${port}`, requests, close, [Symbol.asyncDispose]: close };
}

/** Answer with a status, headers and an optional JSON body. */
export function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}, body?: unknown): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { ...headers, ...(body === undefined ? {} : { "content-type": headers["content-type"] ?? "application/json" }) });
  res.end(text);
}
