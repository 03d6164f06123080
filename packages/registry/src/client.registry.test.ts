import { BUSYBOX, registryCatalog, skopeo, skopeoRaw, startRegistry, type TestRegistry } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type CredentialsLookup } from "./auth/credentials.js";
import { RegistryClient, digestOf } from "./client.js";
import { RegistryNotFoundError, RegistryUnauthorizedError } from "./errors.js";
import { DOCKER_MANIFEST, OCI_INDEX } from "./media-types.js";
import type { RequestEvent } from "./transport.js";

// The client against Debian's docker-registry, every result checked with skopeo (no shared code).
const clock = { now: () => new Date() };
let registry: TestRegistry;
let secured: TestRegistry;

/** Put the local busybox image into a registry with skopeo, straight from the engine. */
async function seed(reference: string, creds?: string): Promise<void> {
  await skopeo("copy", "--quiet", "--dest-tls-verify=false", ...(creds ? ["--dest-creds", creds] : []), `docker-daemon:${BUSYBOX}`, `docker://${reference}`);
}

function client(credentials: CredentialsLookup = anonymous, events: RequestEvent[] = []) {
  return new RegistryClient({ credentials, clock, retry: { retries: 2, minDelayMs: 10 }, onRequest: (e) => events.push(e) });
}

beforeAll(async () => {
  [registry, secured] = await Promise.all([startRegistry(), startRegistry({ users: { ann: "right-password" } })]);
  await Promise.all([seed(`${registry.address}/team/busybox:v1`), seed(`${secured.address}/team/busybox:v1`, "ann:right-password")]);
});
afterAll(async () => {
  await Promise.all([registry?.stop(), secured?.stop()]);
});

describe("RegistryClient on docker-registry", () => {
  it("resolves a tag with one HEAD to the digest skopeo reports", async () => {
    const events: RequestEvent[] = [];
    const resolved = await client(anonymous, events).resolve(`${registry.address}/team/busybox:v1`);
    const digest = (await skopeo("inspect", "--tls-verify=false", "--format", "{{.Digest}}", `docker://${registry.address}/team/busybox:v1`)).trim();
    expect(resolved.digest).toBe(digest);
    expect(resolved.mediaType).toBe(DOCKER_MANIFEST);
    expect(events.map((e) => `${e.method} ${e.status}`)).toEqual(["HEAD 200"]);
  });

  it("reads the manifest and the config blob: the platform of the image", async () => {
    const c = client();
    const fetched = await c.getManifest(`${registry.address}/team/busybox:v1`);
    expect(fetched.kind).toBe("manifest");
    if (fetched.kind !== "manifest") return;
    expect(Buffer.from(fetched.bytes).toString("utf8")).toBe((await skopeoRaw(`${registry.address}/team/busybox:v1`)).text);
    const config = await c.getImageConfig(`${registry.address}/team/busybox`, fetched.manifest.config.digest);
    expect({ os: config.os, architecture: config.architecture }).toEqual({ os: "linux", architecture: "amd64" });
  });

  it("puts an index, mounts blobs into another repository and lists tags, as skopeo sees them", async () => {
    const c = client();
    const source = await c.getManifest(`${registry.address}/team/busybox:v1`);
    if (source.kind !== "manifest") throw new Error("expected a manifest");
    const index = new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [{ mediaType: source.mediaType, digest: source.digest, size: source.size, platform: { os: "linux", architecture: "amd64" } }],
      }),
    );
    const digest = await c.putManifest(`${registry.address}/team/busybox:multi`, index, OCI_INDEX);
    expect(digest).toBe(digestOf(index));
    expect((await skopeoRaw(`${registry.address}/team/busybox:multi`)).text).toBe(Buffer.from(index).toString("utf8"));

    for (const blob of [source.manifest.config, ...source.manifest.layers]) await c.mountBlob(registry.address, "team/busybox", "other/copy", blob.digest);
    await c.putManifest(`${registry.address}/other/copy@${source.digest}`, source.bytes, source.mediaType);
    await c.putManifest(`${registry.address}/other/copy:promoted`, index, OCI_INDEX);
    const copied = await skopeoRaw(`${registry.address}/other/copy:promoted`);
    expect(copied.text).toBe(Buffer.from(index).toString("utf8"));
    expect((await skopeo("inspect", "--tls-verify=false", "--format", "{{.Digest}}", `docker://${registry.address}/other/copy:promoted`)).trim()).toBe(digest);
    expect((await c.listTags(`${registry.address}/team/busybox`)).sort()).toEqual(["multi", "v1"]);
    expect((await c.listRepositories(registry.address)).sort()).toEqual(await registryCatalog(registry.address));
  });

  it("throws RegistryNotFoundError for a tag the registry does not have, after one request", async () => {
    const events: RequestEvent[] = [];
    const error = await client(anonymous, events).resolve(`${registry.address}/team/busybox:absent`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryNotFoundError);
    expect(error).toMatchObject({ status: 404, registry: registry.address, repository: "team/busybox", reference: "absent" });
    expect(events).toHaveLength(1);
  });
});

describe("RegistryClient on an htpasswd registry", () => {
  it("reads with the right credentials (Basic after the first 401, then Basic at once)", async () => {
    const events: RequestEvent[] = [];
    const c = client(() => Promise.resolve({ username: "ann", password: "right-password" }), events);
    const first = await c.resolve(`${secured.address}/team/busybox:v1`);
    await c.resolve(`${secured.address}/team/busybox:v1`);
    const digest = (await skopeo("inspect", "--tls-verify=false", "--creds", "ann:right-password", "--format", "{{.Digest}}", `docker://${secured.address}/team/busybox:v1`)).trim();
    expect(first.digest).toBe(digest);
    expect(events.map((e) => e.status)).toEqual([401, 200, 200]);
  });

  it("fails at once with wrong credentials: no retry on 401", async () => {
    const events: RequestEvent[] = [];
    const c = client(() => Promise.resolve({ username: "ann", password: "wrong-password" }), events);
    const error = await c.getManifest(`${secured.address}/team/busybox:v1`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnauthorizedError);
    expect((error as Error).message).toBe(
      `GET ${secured.address}/team/busybox:v1: HTTP 401 Unauthorized (UNAUTHORIZED: authentication required); the credentials were refused`,
    );
    expect(events.map((e) => e.status)).toEqual([401, 401]);
  });
});
