import { afterEach, describe, expect, it } from "vitest";
import { startStuckEngine } from "@imgs/test-utils";
import type { StuckEngine } from "@imgs/test-utils";
import { createDocker } from "../create-docker.js";
import { inspectImage, listImages, removeImage, tagImage } from "../images.js";
import { buildImage } from "../build-image.js";
import { readEngineFacts } from "../exec-store/cached-session.js";
import { EngineUnreachableError } from "../errors/engine.js";
import { startContainer } from "../start-container.js";
import { createServer as createNetServer, type Socket } from "node:net";
import { callOf, foreignAnswer, requestOf } from "./deadline-modem.js";
import { EngineTimeoutError, NotDockerEngineError } from "../errors/connection.js";

const IMAGE = "imgs.localhost/busybox:latest";
const DEADLINE_MS = 250;
let engine: StuckEngine | undefined;

afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function stuckOn(hang: RegExp, transport: "unix" | "tcp" = "unix") {
  engine = await startStuckEngine(hang, transport);
  const { docker, endpoint } = createDocker({ env: { DOCKER_HOST: engine.host }, homeDir: "/nonexistent-home", deadlines: { callMs: DEADLINE_MS } });
  return { docker, endpoint, engine };
}

/** The EngineTimeoutError a promise fails with. */
async function timeoutOf(work: Promise<unknown>): Promise<EngineTimeoutError> {
  const error: unknown = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngineTimeoutError);
  return error as EngineTimeoutError;
}

describe("engine calls against an engine that accepts connections and never answers", () => {
  it.each([
    ["create container", /^POST \/containers\/create$/, "unix"],
    ["create container", /^POST \/containers\/create$/, "tcp"],
    ["attach to container", /\/attach$/, "unix"],
    ["start container", /^POST \/containers\/[^/]+\/start$/, "unix"],
  ] as const)("startContainer fails with EngineTimeoutError naming %s and the endpoint (%s)", async (call, hang, transport) => {
    const { docker, endpoint } = await stuckOn(hang, transport);
    const error = await timeoutOf(startContainer({ image: IMAGE, docker }));
    expect(error).toMatchObject({ code: "ENGINE_TIMEOUT", call, endpoint, timeoutMs: DEADLINE_MS });
    expect(error.message).toContain(`the Docker engine at ${endpoint} did not answer "${call}" (`);
    expect(error.message).toContain(`within ${DEADLINE_MS} ms`);
  });

  it.each([
    ["create exec", /\/exec$/],
    ["start exec", /^POST \/exec\/[^/]+\/start$/],
    ["inspect exec", /^GET \/exec\/[^/]+\/json$/],
  ])("an exec fails with EngineTimeoutError naming %s", async (call, hang) => {
    const { docker, endpoint } = await stuckOn(hang);
    const session = await startContainer({ image: IMAGE, docker, command: ["sleep", "infinity"] });
    expect(await timeoutOf(session.exec("true"))).toMatchObject({ call, endpoint });
    await session.close();
  });

  it("closing a session fails with a message naming the container, caused by the remove that timed out", async () => {
    const { docker } = await stuckOn(/^DELETE /);
    const session = await startContainer({ image: IMAGE, docker, command: ["sleep", "infinity"] });
    const error: unknown = await session.close().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "CONTAINER_NOT_REMOVED", containerId: session.id, cause: { code: "ENGINE_TIMEOUT", call: "remove container" } });
  });

  it.each([
    ["inspect image", () => (docker: Parameters<typeof inspectImage>[1]) => inspectImage(IMAGE, docker)],
    ["tag image", () => (docker: Parameters<typeof tagImage>[2]) => tagImage(IMAGE, "imgs.localhost/x:y", docker)],
    ["remove image", () => (docker: Parameters<typeof removeImage>[1]) => removeImage(IMAGE, docker)],
    ["list images", () => (docker: Parameters<typeof listImages>[0]) => listImages(docker)],
  ])("the image helper for %s fails with EngineTimeoutError", async (call, helper) => {
    const { docker } = await stuckOn(/images/);
    expect(await timeoutOf(helper()({ docker }))).toMatchObject({ call });
  });

  it.each([
    ["build image", /^POST \/build$/],
    ["inspect image", /^GET \/images\/.+\/json$/],
  ])("buildImage fails with EngineTimeoutError naming %s (the build's answer is bounded, not only its first calls)", async (call, hang) => {
    const { docker, endpoint } = await stuckOn(hang);
    const error = await timeoutOf(buildImage({ dockerfileText: `FROM ${IMAGE}\n`, tags: ["imgs.localhost/imgs-test-stuck:latest"], docker }));
    expect(error).toMatchObject({ call, endpoint, timeoutMs: DEADLINE_MS });
    expect(engine?.requests).toContain(call === "build image" ? "POST /build" : `GET /images/${IMAGE}/json`);
  });

  it("names a call imgs has no words for once: \"GET /plugins\", not \"GET /plugins (GET /plugins)\"", async () => {
    const { docker } = await stuckOn(/^GET \/plugins$/);
    const error = await timeoutOf(docker.listPlugins());
    expect(error.message).toContain(`did not answer "GET /plugins" within ${DEADLINE_MS} ms`);
    expect(error.message).not.toContain("(GET /plugins)");
  });

  it("reading the engine's facts names \"engine info\"", async () => {
    const { docker } = await stuckOn(/^GET \/info$/);
    expect(await timeoutOf(readEngineFacts(docker))).toMatchObject({ call: "engine info", request: "GET /info" });
  });

  it("does not bound a call when callMs is 0, and answers that come in time pass through", async () => {
    engine = await startStuckEngine(/^GET \/version$/);
    const { docker } = createDocker({ env: { DOCKER_HOST: engine.host }, homeDir: "/nonexistent-home", deadlines: { callMs: 0 } });
    const version = docker.version();
    const outcome = await Promise.race([version.then(() => "answered"), new Promise((resolve) => setTimeout(() => resolve("still waiting"), DEADLINE_MS * 2))]);
    expect(outcome).toBe("still waiting");
    await engine.close();
    await version.catch(() => undefined);
    engine = await startStuckEngine(/nothing/);
    const quick = createDocker({ env: { DOCKER_HOST: engine.host }, homeDir: "/nonexistent-home", deadlines: { callMs: DEADLINE_MS } });
    expect(await quick.docker.version()).toMatchObject({ Version: "27.0.0" });
  });
});

describe("engine calls that cannot connect", () => {
  it.each([
    ["unix:///nonexistent-imgs.sock", "ENOENT"],
    ["tcp://127.0.0.1:1", "ECONNREFUSED"],
  ])("fail with EngineUnreachableError for every call, the raw system error as its cause (%s)", async (host, reason) => {
    const { docker, endpoint } = createDocker({ env: { DOCKER_HOST: host }, homeDir: "/nonexistent-home", deadlines: { callMs: DEADLINE_MS } });
    for (const call of [() => docker.info(), () => docker.version(), () => docker.listContainers()]) {
      const error: unknown = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EngineUnreachableError);
      expect(error).toMatchObject({ code: "ENGINE_UNREACHABLE", endpoint, reason });
      expect((error as Error).message).toMatch(/^cannot reach the Docker engine at \S+ \((ENOENT|ECONNREFUSED)\); is dockerd running\?/);
    }
    // A helper that maps errors itself does not wrap it twice.
    const error: unknown = await inspectImage(IMAGE, { docker }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "ENGINE_UNREACHABLE", reason, cause: { code: reason } });
  });
});

describe("callOf", () => {
  it.each([
    ["POST", "/containers/create?", "create container"],
    ["POST", "/v1.46/containers/abc/start?", "start container"],
    ["GET", "/containers/abc/json", "inspect container"],
    ["DELETE", "/containers/abc?force=true", "remove container"],
    ["GET", "/images/imgs.localhost/busybox:latest/json", "inspect image"],
    ["GET", "/v1.46/info", "engine info"],
    ["POST", "/build?t=x", "build image"],
    ["GET", "/plugins", "GET /plugins"],
  ])("%s %s is %s", (method, path, call) => {
    expect(callOf(requestOf(method, path))).toBe(call);
  });
});

describe("engine calls against an endpoint that is not a Docker engine", () => {
  /** A TCP server on 127.0.0.1 that answers every connection with `reply`; its DOCKER_HOST and close. */
  async function foreignServer(reply: (socket: Socket) => void): Promise<{ host: string; close: () => Promise<void> }> {
    const sockets = new Set<Socket>();
    const server = createNetServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.once("data", () => reply(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    return {
      host: `tcp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
      close: async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it.each([
    [
      "a web server's 404 page",
      (socket: Socket) => socket.end("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 27\r\n\r\n<html>File not found</html>"),
      'answered HTTP 404 with "<html>File not found</html>", not the engine\'s JSON error',
    ],
    ["an ssh daemon's banner", (socket: Socket) => socket.end("SSH-2.0-OpenSSH_9.2\r\n"), "answered with something that is not HTTP (Parse Error: Expected HTTP/"],
  ])("says the endpoint is not a Docker engine, not that the image is missing, for %s", async (_what, reply, answer) => {
    const server = await foreignServer(reply);
    try {
      const { docker } = createDocker({ env: { DOCKER_HOST: server.host }, homeDir: "/nonexistent-home" });
      const error: unknown = await inspectImage(IMAGE, { docker }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotDockerEngineError);
      expect((error as Error).message).toContain(`${server.host} is not a Docker engine: asked to "inspect image", it ${answer}`);
      expect((error as Error).message).not.toContain("does not exist");
    } finally {
      await server.close();
    }
  });

  it("leaves the engine's own errors alone: a missing image is still ImageNotFoundError", () => {
    expect(foreignAnswer(Object.assign(new Error("(HTTP code 404) no such image"), { statusCode: 404, json: { message: "No such image: x" } }))).toBeUndefined();
    expect(foreignAnswer(new Error("connect ECONNREFUSED"))).toBeUndefined();
  });
});
