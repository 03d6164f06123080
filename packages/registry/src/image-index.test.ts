import { describe, expect, it } from "vitest";
import { anonymous } from "./auth/credentials.js";
import { RegistryClient, type Fetched } from "./client.js";
import { buildImageIndex, indexEntriesOf } from "./image-index.js";
import { DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_INDEX, OCI_MANIFEST, isAttestation, type Descriptor } from "./media-types.js";
import { parseReference } from "@imgs/reference";

const d = (n: number, mediaType = DOCKER_MANIFEST, extra: Partial<Descriptor> = {}): Descriptor => ({ mediaType, digest: `sha256:${String(n).repeat(64)}`, size: 100 + n, ...extra });
// A client that must not be asked anything: entries of an index need no request.
const offline = new RegistryClient({ credentials: anonymous, clock: { now: () => new Date(0) }, plainHttp: [] });

describe("buildImageIndex", () => {
  it("makes a Docker manifest list of Docker manifests, deduplicated by digest, in order", () => {
    const amd = d(1, DOCKER_MANIFEST, { platform: { os: "linux", architecture: "amd64" } });
    const arm = d(2, DOCKER_MANIFEST, { platform: { os: "linux", architecture: "arm64" } });
    const built = buildImageIndex([arm, amd, arm]);
    expect(built.mediaType).toBe(DOCKER_MANIFEST_LIST);
    expect(built.index.manifests).toEqual([arm, amd]);
    expect(JSON.parse(new TextDecoder().decode(built.bytes))).toEqual({ schemaVersion: 2, mediaType: DOCKER_MANIFEST_LIST, manifests: [arm, amd] });
  });

  it("makes an OCI index as soon as one entry is OCI (attestations are)", () => {
    expect(buildImageIndex([d(1), d(2, OCI_MANIFEST)]).mediaType).toBe(OCI_INDEX);
  });
});

describe("indexEntriesOf", () => {
  it("takes an index's platform manifests and keeps attestation manifests attached by digest", async () => {
    const image = d(3, OCI_MANIFEST, { platform: { os: "linux", architecture: "arm64" } });
    const attestation = d(4, OCI_MANIFEST, {
      platform: { os: "unknown", architecture: "unknown" },
      annotations: { "vnd.docker.reference.type": "attestation-manifest", "vnd.docker.reference.digest": image.digest },
    });
    const fetched: Fetched = { kind: "index", digest: d(5).digest, mediaType: OCI_INDEX, size: 1, bytes: new Uint8Array(), index: { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [image, attestation] } };
    const entries = await indexEntriesOf(offline, parseReference("127.0.0.1:1/a/b"), fetched);
    expect(entries).toEqual([image, attestation]);
    expect(entries.filter(isAttestation).map((e) => e.annotations?.["vnd.docker.reference.digest"])).toEqual([image.digest]);
  });

  it("refuses an index nested in an index", async () => {
    const fetched: Fetched = { kind: "index", digest: d(5).digest, mediaType: OCI_INDEX, size: 1, bytes: new Uint8Array(), index: { schemaVersion: 2, manifests: [d(6, OCI_INDEX)] } };
    await expect(indexEntriesOf(offline, parseReference("127.0.0.1:1/a/b"), fetched)).rejects.toThrow(/holds another index/);
  });
});
