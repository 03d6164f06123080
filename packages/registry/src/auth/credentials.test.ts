import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CredentialHelperFailedError, DockerConfigInvalidError } from "../errors.js";
import { dockerCredentials, engineAuthConfig } from "./credentials.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A docker config folder with this config.json, and a bin folder of real helper scripts. */
function dockerConfig(config: unknown, helpers: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "imgs-docker-config-"));
  dirs.push(dir);
  if (config !== undefined) writeFileSync(join(dir, "config.json"), typeof config === "string" ? config : JSON.stringify(config));
  const bin = join(dir, "bin");
  mkdirSync(bin);
  for (const [name, script] of Object.entries(helpers)) {
    writeFileSync(join(bin, `docker-credential-${name}`), `#!/bin/sh\n${script}\n`);
    chmodSync(join(bin, `docker-credential-${name}`), 0o755);
  }
  return dockerCredentials({ configDir: dir, env: { PATH: `${bin}:/usr/bin:/bin` }, helperTimeoutMs: 5000 });
}

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("dockerCredentials", () => {
  it("reads auths by host, by URL key, and Docker Hub's v1 key", async () => {
    const lookup = dockerConfig({
      auths: {
        "127.0.0.1:5000": { auth: b64("ann:pa:ss") },
        "https://r.example.com/v2/": { username: "bob", password: "pw" },
        "https://index.docker.io/v1/": { identitytoken: "refresh" },
      },
    });
    expect(await lookup("127.0.0.1:5000")).toEqual({ username: "ann", password: "pa:ss" });
    expect(await lookup("r.example.com")).toEqual({ username: "bob", password: "pw" });
    expect(await lookup("docker.io")).toEqual({ identityToken: "refresh" });
    expect(await lookup("other.example.com")).toBeUndefined();
  });

  it("is anonymous when there is no config file", async () => {
    expect(await dockerConfig(undefined)("r.io")).toBeUndefined();
  });

  it("runs credHelpers[host] before credsStore, with the server address on stdin", async () => {
    const lookup = dockerConfig(
      { credsStore: "store", credHelpers: { "r.io": "special" }, auths: { "r.io": { auth: b64("file:ignored") } } },
      {
        special: 'read server; [ "$1" = get ] && printf \'{"ServerURL":"%s","Username":"sam","Secret":"from-special"}\' "$server"',
        store: 'read server; printf \'{"ServerURL":"%s","Username":"<token>","Secret":"id-%s"}\' "$server" "$server"',
      },
    );
    expect(await lookup("r.io")).toEqual({ username: "sam", password: "from-special" });
    expect(await lookup("docker.io")).toEqual({ identityToken: "id-https://index.docker.io/v1/" });
  });

  it("is anonymous when the helper holds nothing for the server", async () => {
    const lookup = dockerConfig({ credsStore: "empty" }, { empty: "echo 'credentials not found in native keychain'; exit 1" });
    expect(await lookup("r.io")).toBeUndefined();
  });

  it.each([
    [{ credsStore: "missing" }, {}, "docker-credential-missing is not on PATH"],
    [{ credsStore: "broken" }, { broken: "echo 'keychain locked' >&2; exit 3" }, "exited with status 3: keychain locked"],
    [{ credsStore: "chatty" }, { chatty: "echo hello" }, "printed something that is not JSON: hello"],
  ])("throws CredentialHelperFailedError for a helper that fails (%j)", async (config, helpers, reason) => {
    const error = await dockerConfig(config, helpers)("r.io").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialHelperFailedError);
    expect((error as Error).message).toContain(reason);
  });

  it("throws DockerConfigInvalidError naming the file for a config that is not JSON", async () => {
    const error = await dockerConfig("{ not json")("r.io").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockerConfigInvalidError);
    expect((error as Error).message).toMatch(/config\.json: is not valid JSON/);
  });
});

describe("engineAuthConfig", () => {
  it("gives the engine the same credentials, with Docker Hub's server address", () => {
    expect(engineAuthConfig("r.io", { username: "a", password: "b" })).toEqual({ username: "a", password: "b", serveraddress: "r.io" });
    expect(engineAuthConfig("docker.io", { identityToken: "t" })).toEqual({ identitytoken: "t", serveraddress: "https://index.docker.io/v1/" });
    expect(engineAuthConfig("r.io", undefined)).toEqual({ serveraddress: "r.io" });
  });
});
