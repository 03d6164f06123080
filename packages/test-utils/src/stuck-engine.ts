import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A local engine stand-in that answers like dockerd, except the requests it is told to leave unanswered. */
export interface StuckEngine {
  /** DOCKER_HOST for it: unix:///tmp/…/docker.sock, or tcp://127.0.0.1:PORT. */
  readonly host: string;
  /** Requests seen, as "POST /containers/create". */
  readonly requests: string[];
  close(): Promise<void>;
}

const ID = "5eed".padEnd(64, "0");

// Just enough of the engine's answers for startContainer, exec, close and the image helpers.
const ANSWERS: readonly (readonly [RegExp, number, unknown])[] = [
  [/^POST \/containers\/create$/, 201, { Id: ID, Warnings: [] }],
  [/^POST \/containers\/[^/]+\/start$/, 204, undefined],
  [/^POST \/containers\/[^/]+\/exec$/, 201, { Id: "e1" }],
  [/^GET \/exec\/[^/]+\/json$/, 200, { Running: false, ExitCode: 0 }],
  [/^DELETE \/containers\/[^/]+$/, 204, undefined],
  [/^GET \/containers\/json$/, 200, []],
  [/^GET \/images\/.+\/json$/, 200, { Id: "sha256:1", Size: 1, Created: "2024-01-01T00:00:00Z", Config: {}, Architecture: "amd64", Os: "linux" }],
  [/^GET \/version$/, 200, { Version: "27.0.0", ApiVersion: "1.46" }],
];

const requestOf = (req: IncomingMessage): string => `${req.method ?? "GET"} ${(req.url ?? "").split("?")[0]?.replace(/^\/v[\d.]+/, "") ?? ""}`;

/**
 * Start a stand-in engine on a unix socket (or TCP on 127.0.0.1, random port) that accepts every
 * connection but never answers requests matching `hang`: an engine that is stuck.
 */
export async function startStuckEngine(hang: RegExp, transport: "unix" | "tcp" = "unix"): Promise<StuckEngine> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const request = requestOf(req);
    requests.push(request);
    req.resume();
    if (hang.test(request)) return; // accepted, never answered
    const answer = ANSWERS.find(([pattern]) => pattern.test(request));
    if (!answer) return void res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ message: `no ${request}` }));
    const [, status, body] = answer;
    res.writeHead(status, { "Content-Type": "application/json" }).end(body === undefined ? undefined : JSON.stringify(body));
  });
  // Attach and exec start hijack the connection: 101, then the raw stream (here: nothing, then the end for an exec).
  server.on("upgrade", (req: IncomingMessage, socket: Socket) => {
    const request = requestOf(req);
    requests.push(request);
    if (hang.test(request)) return;
    socket.write("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
    if (request.startsWith("POST /exec/")) socket.end();
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  let dir: string | undefined;
  let host: string;
  if (transport === "unix") {
    dir = mkdtempSync(join(tmpdir(), "imgs-stuck-engine-"));
    const path = join(dir, "docker.sock");
    await new Promise<void>((resolve) => server.listen(path, resolve));
    host = `unix://${path}`;
  } else {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    host = `tcp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }
  return {
    host,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
