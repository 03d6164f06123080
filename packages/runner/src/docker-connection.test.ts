import { createHash } from "node:crypto";
import { Agent } from "node:https";
import { describe, expect, it } from "vitest";
import { DockerConfigError, UnknownDockerContextError } from "./errors/config.js";
import { resolveDockerConnection } from "./docker-connection.js";

const HOME = "/home/u";
const digest = (name: string): string => createHash("sha256").update(name).digest("hex");
const meta = (configDir: string, name: string, host: string, skip = false): Record<string, string> => ({
  [`${configDir}/contexts/meta/${digest(name)}/meta.json`]: JSON.stringify({
    Name: name,
    Metadata: {},
    Endpoints: { docker: { Host: host, SkipTLSVerify: skip } },
  }),
});
const pems = (dir: string): Record<string, string> => ({ [`${dir}/ca.pem`]: "CA", [`${dir}/cert.pem`]: "CERT", [`${dir}/key.pem`]: "KEY" });

function resolve(env: Record<string, string>, files: Record<string, string> = {}, localUser?: string) {
  return resolveDockerConnection({ env, homeDir: HOME, readFile: (path) => files[path], ...(localUser ? { localUser } : {}) });
}

describe("resolveDockerConnection", () => {
  it.each([
    ["nothing set", {}, {}, "unix:///var/run/docker.sock", { socketPath: "/var/run/docker.sock", protocol: "http" }],
    ["DOCKER_HOST unix", { DOCKER_HOST: "unix:///run/d.sock" }, {}, "unix:///run/d.sock", { socketPath: "/run/d.sock" }],
    ["DOCKER_HOST unix without a path", { DOCKER_HOST: "unix://" }, {}, "unix:///var/run/docker.sock", { socketPath: "/var/run/docker.sock" }],
    ["DOCKER_HOST tcp", { DOCKER_HOST: "tcp://10.0.0.2:2375" }, {}, "tcp://10.0.0.2:2375", { host: "10.0.0.2", port: 2375, protocol: "http" }],
    ["DOCKER_HOST without scheme", { DOCKER_HOST: "localhost:1234" }, {}, "tcp://localhost:1234", { host: "localhost", port: 1234 }],
    ["DOCKER_HOST tcp without port", { DOCKER_HOST: "tcp://h" }, {}, "tcp://h:2375", { host: "h", port: 2375 }],
    ["DOCKER_HOST tcp IPv6", { DOCKER_HOST: "tcp://[::1]:2375" }, {}, "tcp://[::1]:2375", { host: "::1", port: 2375 }],
    [
      "DOCKER_HOST tcp with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH",
      { DOCKER_HOST: "tcp://h", DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: "/certs" },
      pems("/certs"),
      "tcp://h:2376",
      { host: "h", port: 2376, protocol: "https", ca: "CA", cert: "CERT", key: "KEY" },
    ],
    [
      "DOCKER_TLS_VERIFY with certificates in ~/.docker",
      { DOCKER_HOST: "tcp://h:3000", DOCKER_TLS_VERIFY: "yes" },
      pems(`${HOME}/.docker`),
      "tcp://h:3000",
      { protocol: "https", ca: "CA", cert: "CERT", key: "KEY" },
    ],
    [
      "DOCKER_HOST wins over DOCKER_CONTEXT",
      { DOCKER_HOST: "unix:///a.sock", DOCKER_CONTEXT: "remote" },
      meta(`${HOME}/.docker`, "remote", "tcp://r:2375"),
      "unix:///a.sock",
      { socketPath: "/a.sock" },
    ],
    [
      "DOCKER_CONTEXT",
      { DOCKER_CONTEXT: "remote" },
      meta(`${HOME}/.docker`, "remote", "tcp://r:2375"),
      "tcp://r:2375",
      { host: "r", port: 2375, protocol: "http" },
    ],
    [
      "DOCKER_CONTEXT wins over currentContext",
      { DOCKER_CONTEXT: "a" },
      { ...meta(`${HOME}/.docker`, "a", "unix:///a.sock"), ...meta(`${HOME}/.docker`, "b", "unix:///b.sock"), [`${HOME}/.docker/config.json`]: '{"currentContext":"b"}' },
      "unix:///a.sock",
      { socketPath: "/a.sock" },
    ],
    [
      "config.json's currentContext",
      {},
      { ...meta(`${HOME}/.docker`, "rootless", "unix:///run/user/1000/docker.sock"), [`${HOME}/.docker/config.json`]: '{"currentContext":"rootless"}' },
      "unix:///run/user/1000/docker.sock",
      { socketPath: "/run/user/1000/docker.sock" },
    ],
    [
      "currentContext in $DOCKER_CONFIG",
      { DOCKER_CONFIG: "/cfg" },
      { ...meta("/cfg", "x", "unix:///x.sock"), "/cfg/config.json": '{"currentContext":"x"}', [`${HOME}/.docker/config.json`]: '{"currentContext":"y"}' },
      "unix:///x.sock",
      { socketPath: "/x.sock" },
    ],
    ["context default", { DOCKER_CONTEXT: "default" }, {}, "unix:///var/run/docker.sock", { socketPath: "/var/run/docker.sock" }],
    ["config.json without currentContext", {}, { [`${HOME}/.docker/config.json`]: '{"auths":{}}' }, "unix:///var/run/docker.sock", {}],
    [
      "a context with TLS files",
      { DOCKER_CONTEXT: "secure" },
      { ...meta(`${HOME}/.docker`, "secure", "tcp://s:2376"), ...pems(`${HOME}/.docker/contexts/tls/${digest("secure")}/docker`) },
      "tcp://s:2376",
      { protocol: "https", ca: "CA", cert: "CERT", key: "KEY" },
    ],
  ])("resolves %s", (_case, env, files, endpoint, options) => {
    const connection = resolve(env, files);
    expect(connection.endpoint).toBe(endpoint);
    expect(connection.options).toMatchObject(options);
  });

  it("resolves DOCKER_HOST ssh with its user, port, agent, identity files and known_hosts files", () => {
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n-----END OPENSSH PRIVATE KEY-----\n";
    const connection = resolve(
      { DOCKER_HOST: "ssh://me@build.example:2222", SSH_AUTH_SOCK: "/tmp/agent" },
      { [`${HOME}/.ssh/known_hosts`]: "build.example ssh-ed25519 AAAA\n", [`${HOME}/.ssh/id_rsa`]: key },
      "local",
    );
    expect(connection.endpoint).toBe("ssh://me@build.example:2222");
    // Plain HTTP, over the ssh connections that createDocker's agent makes.
    expect(connection.options).toMatchObject({ protocol: "http", host: "build.example", port: 2222 });
    expect(connection.ssh).toMatchObject({
      host: "build.example",
      port: 2222,
      username: "me",
      agentSocket: "/tmp/agent",
      // A key ssh2 cannot read (here: garbage; in life: an encrypted one) is left to the agent.
      identities: [],
      knownHostsPaths: [`${HOME}/.ssh/known_hosts`, `${HOME}/.ssh/known_hosts2`, "/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"],
    });
    expect(connection.ssh?.readKnownHosts()).toEqual([{ path: `${HOME}/.ssh/known_hosts`, text: "build.example ssh-ed25519 AAAA\n" }]);
  });

  it("logs in to ssh://host as the local user, as the docker CLI's ssh does, on port 22", () => {
    const connection = resolve({ DOCKER_HOST: "ssh://h" }, {}, "local");
    expect(connection.endpoint).toBe("ssh://local@h:22");
    expect(connection.ssh).toMatchObject({ username: "local", port: 22, agentSocket: undefined });
  });

  it("refuses ssh://host when the local user is unknown too", () => {
    expect(() => resolve({ DOCKER_HOST: "ssh://h" })).toThrow(/DOCKER_HOST: engine address "ssh:\/\/h" names no user and the local user is unknown; write ssh:\/\/USER@h/);
  });

  it("skips TLS verification for a context with SkipTLSVerify", () => {
    const { options } = resolve({ DOCKER_CONTEXT: "lab" }, meta(`${HOME}/.docker`, "lab", "tcp://lab:2376", true));
    expect(options.protocol).toBe("https");
    expect(options.agent).toBeInstanceOf(Agent);
    expect(options.agent?.options.rejectUnauthorized).toBe(false);
  });

  it("throws UnknownDockerContextError naming the context and where it was chosen", () => {
    const files = { [`${HOME}/.docker/config.json`]: '{"currentContext":"gone"}' };
    expect(() => resolve({}, files)).toThrow(UnknownDockerContextError);
    expect(() => resolve({}, files)).toThrow(/docker context "gone" \(chosen by \/home\/u\/\.docker\/config\.json\) does not exist/);
    expect(() => resolve({ DOCKER_CONTEXT: "nope" })).toThrow(/chosen by DOCKER_CONTEXT/);
  });

  it.each([
    ["an unsupported scheme", { DOCKER_HOST: "npipe:////./pipe/docker_engine" }, {}, /unsupported engine address/],
    ["TLS verification without certificates", { DOCKER_HOST: "tcp://h", DOCKER_TLS_VERIFY: "1" }, {}, /\/home\/u\/\.docker\/ca\.pem/],
    ["a broken config.json", {}, { [`${HOME}/.docker/config.json`]: "{" }, /config\.json: is not valid JSON/],
    ["a context without a docker endpoint", { DOCKER_CONTEXT: "k" }, { [`${HOME}/.docker/contexts/meta/${digest("k")}/meta.json`]: "{}" }, /no Endpoints\.docker\.Host/],
  ])("throws DockerConfigError for %s", (_case, env, files, message) => {
    expect(() => resolve(env, files)).toThrow(DockerConfigError);
    expect(() => resolve(env, files)).toThrow(message);
  });
});
