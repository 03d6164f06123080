import { describe, expect, it } from "vitest";
import { reply, startStub } from "./__fixtures__/stub-server.js";
import { anonymous, type CredentialsLookup } from "./auth/credentials.js";
import { RegistryClient } from "./client.js";
import { RegistryNotFoundError, RegistryRequestFailedError, RegistryUnauthorizedError } from "./errors.js";

const DIGEST = `sha256:${"a".repeat(64)}`;
const clock = { now: () => new Date() };
const fast = { retries: 3, minDelayMs: 5, maxDelayMs: 3000 };
const client = (credentials: CredentialsLookup = anonymous) => new RegistryClient({ credentials, clock, retry: fast, timeoutMs: 2000 });
const manifestHeaders = { "docker-content-digest": DIGEST, "content-type": "application/vnd.docker.distribution.manifest.v2+json", "content-length": "321" };

describe("RegistryClient retries", () => {
  it("retries a 503 and a 500, then returns the answer", async () => {
    await using stub = await startStub((_req, res, n) => (n < 2 ? reply(res, n === 0 ? 503 : 500) : reply(res, 200, manifestHeaders)));
    const resolved = await client().resolve(`${stub.address}/a/b:t`);
    expect(resolved).toEqual({ digest: DIGEST, mediaType: manifestHeaders["content-type"], size: 321 });
    expect(stub.requests.map((r) => r.method)).toEqual(["HEAD", "HEAD", "HEAD"]);
  });

  it("waits at least a 429's Retry-After before the next attempt", async () => {
    await using stub = await startStub((_req, res, n) => (n === 0 ? reply(res, 429, { "retry-after": "1" }) : reply(res, 200, manifestHeaders)));
    await client().resolve(`${stub.address}/a/b:t`);
    const [first, second] = stub.requests;
    expect(stub.requests).toHaveLength(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    [401, RegistryUnauthorizedError, "REGISTRY_UNAUTHORIZED"],
    [403, RegistryUnauthorizedError, "REGISTRY_UNAUTHORIZED"],
    [404, RegistryNotFoundError, "REGISTRY_NOT_FOUND"],
    [400, RegistryRequestFailedError, "REGISTRY_REQUEST_FAILED"],
  ] as const)("never retries a %i", async (status, type, code) => {
    await using stub = await startStub((_req, res) => reply(res, status, {}, { errors: [{ code: "DENIED", message: "nope" }] }));
    const error = await client().getManifest(`${stub.address}/team/app:v1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, status, registry: stub.address, repository: "team/app", reference: "v1", attempts: 1 });
    expect(stub.requests).toHaveLength(1);
  });

  it("gives up after the retries with an error naming registry, repository, reference and status", async () => {
    await using stub = await startStub((_req, res) => reply(res, 502));
    const error = await client().resolve(`${stub.address}/team/app:v1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryRequestFailedError);
    expect((error as Error).message).toBe(`HEAD ${stub.address}/team/app:v1: HTTP 502 Bad Gateway (gave up after 4 attempts)`);
    expect(stub.requests).toHaveLength(4);
  });

  it("retries a refused connection and names it", async () => {
    const stub = await startStub(() => undefined);
    const address = stub.address;
    await stub.close();
    const error = await client().listTags(`${address}/team/app`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: undefined, attempts: 4, registry: address, repository: "team/app" });
    expect((error as Error).message).toContain("connection refused (ECONNREFUSED) (gave up after 4 attempts)");
  });

  it("times an attempt out and retries it", async () => {
    await using stub = await startStub((_req, res, n) => (n === 0 ? undefined : reply(res, 200, manifestHeaders)));
    const fastTimeout = new RegistryClient({ credentials: anonymous, clock, retry: fast, timeoutMs: 300 });
    await expect(fastTimeout.resolve(`${stub.address}/a/b:t`)).resolves.toMatchObject({ digest: DIGEST });
    expect(stub.requests).toHaveLength(2);
  });

  it("stops at once, retries and waits included, when the caller aborts", async () => {
    await using stub = await startStub((_req, res) => reply(res, 429, { "retry-after": "30" }));
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error("stopped by the test")), 200);
    await expect(client().resolve(`${stub.address}/a/b:t`, { signal: controller.signal })).rejects.toThrow("stopped by the test");
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(stub.requests).toHaveLength(1);
  });
});

describe("RegistryClient authentication", () => {
  it("answers a Basic challenge with the registry's credentials, and sends them first from then on", async () => {
    const expected = `Basic ${Buffer.from("ann:secret").toString("base64")}`;
    await using stub = await startStub((req, res) =>
      req.headers.authorization === expected ? reply(res, 200, manifestHeaders) : reply(res, 401, { "www-authenticate": 'Basic realm="test"' }),
    );
    const c = client((registry) => Promise.resolve(registry === stub.address ? { username: "ann", password: "secret" } : undefined));
    await c.resolve(`${stub.address}/a/b:t`);
    await c.resolve(`${stub.address}/a/b:u`);
    expect(stub.requests.map((r) => r.headers.authorization ?? "none")).toEqual(["none", expected, expected]);
  });

  it("fails with no retry when Basic credentials are refused, naming the registry", async () => {
    await using stub = await startStub((_req, res) => reply(res, 401, { "www-authenticate": 'Basic realm="test"' }, { errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] }));
    const c = client(() => Promise.resolve({ username: "ann", password: "wrong" }));
    const error = await c.getManifest(`${stub.address}/a/b:t`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnauthorizedError);
    expect((error as Error).message).toBe(`GET ${stub.address}/a/b:t: HTTP 401 Unauthorized (UNAUTHORIZED: authentication required); the credentials were refused`);
    expect(stub.requests).toHaveLength(2);
  });

  it("says there are no credentials when none were found", async () => {
    await using stub = await startStub((_req, res) => reply(res, 401, { "www-authenticate": 'Basic realm="test"' }));
    await expect(client().resolve(`${stub.address}/a/b:t`)).rejects.toThrow(`no credentials for ${stub.address} (docker login ${stub.address})`);
  });

  it("runs the bearer token flow with service and scope, and reuses a token per scope", async () => {
    const tokens: string[] = [];
    await using auth = await startStub((req, res) => {
      const url = new URL(req.url ?? "", "http://x");
      const token = `token-${tokens.length}-${url.searchParams.getAll("scope").join("+")}`;
      tokens.push(`${url.searchParams.get("service")} ${url.searchParams.getAll("scope").join(" ")} ${req.headers.authorization ?? "anonymous"}`);
      reply(res, 200, {}, { token, expires_in: 300 });
    });
    await using registry = await startStub((req, res) => {
      if (req.headers.authorization?.startsWith("Bearer token-")) return reply(res, 200, manifestHeaders);
      const scope = /^\/v2\/(.+)\/manifests\//.exec(req.url ?? "")?.[1];
      reply(res, 401, { "www-authenticate": `Bearer realm="http://${auth.address}/token",service="stub",scope="repository:${scope}:pull"` });
    });
    const c = client(() => Promise.resolve({ username: "ann", password: "secret" }));
    await c.resolve(`${registry.address}/team/one:a`);
    await c.resolve(`${registry.address}/team/one:b`);
    await c.resolve(`${registry.address}/team/two:a`);
    const basic = `Basic ${Buffer.from("ann:secret").toString("base64")}`;
    expect(tokens).toEqual([`stub repository:team/one:pull ${basic}`, `stub repository:team/two:pull ${basic}`]);
    // One 401 to learn the challenge; after that each call carries its scope's token.
    expect(registry.requests.map((r) => r.headers.authorization?.replace(/^Bearer token-(\d).*/, "token $1") ?? "none")).toEqual(["none", "token 0", "token 0", "token 1"]);
  });

  it("exchanges an identity token with the OAuth2 refresh grant", async () => {
    await using auth = await startStub((_req, res) => reply(res, 200, {}, { access_token: "from-refresh" }));
    await using registry = await startStub((req, res) =>
      req.headers.authorization === "Bearer from-refresh" ? reply(res, 200, manifestHeaders) : reply(res, 401, { "www-authenticate": `Bearer realm="http://${auth.address}/token",service="stub"` }),
    );
    const c = client(() => Promise.resolve({ identityToken: "refresh-me" }));
    await c.resolve(`${registry.address}/team/one:a`);
    expect(auth.requests.map((r) => `${r.method} ${r.headers["content-type"]}`)).toEqual(["POST application/x-www-form-urlencoded"]);
    expect(Object.fromEntries(new URLSearchParams(auth.requests[0]?.body))).toEqual({
      grant_type: "refresh_token",
      refresh_token: "refresh-me",
      client_id: "imgs",
      service: "stub",
      scope: "repository:team/one:pull",
    });
  });
});
