import Dockerode from "dockerode";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDocker, dockerClient, endpointOf } from "./create-docker.js";

interface ModemFields {
  socketPath?: unknown;
  host?: unknown;
  port?: unknown;
  protocol?: unknown;
}
const modemOf = (docker: Dockerode): ModemFields => docker.modem as unknown as ModemFields;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createDocker", () => {
  it("uses the injected environment even when the process has another DOCKER_HOST", () => {
    // docker-modem reads process.env itself and merges it under the options it is given.
    vi.stubEnv("DOCKER_HOST", "tcp://elsewhere.invalid:1");
    const { docker, endpoint } = createDocker({ env: {}, homeDir: "/nonexistent-home" });
    expect(endpoint).toBe("unix:///var/run/docker.sock");
    expect(modemOf(docker).socketPath).toBe("/var/run/docker.sock");
    expect(modemOf(docker).host).toBeUndefined();
  });

  it("connects over TCP when DOCKER_HOST says so", () => {
    const { docker, endpoint } = createDocker({ env: { DOCKER_HOST: "tcp://127.0.0.1:2375" }, homeDir: "/nonexistent-home" });
    expect(endpoint).toBe("tcp://127.0.0.1:2375");
    expect(modemOf(docker)).toMatchObject({ host: "127.0.0.1", port: 2375, protocol: "http" });
  });
});

describe("endpointOf", () => {
  it("returns the endpoint createDocker resolved", () => {
    const { docker } = createDocker({ env: { DOCKER_HOST: "unix:///run/x.sock" }, homeDir: "/h" });
    expect(endpointOf(docker)).toBe("unix:///run/x.sock");
    expect(dockerClient(docker)).toEqual({ docker, endpoint: "unix:///run/x.sock" });
  });

  it("reads the address of a client made elsewhere from its modem", () => {
    expect(endpointOf(new Dockerode({ socketPath: "/tmp/d.sock" }))).toBe("unix:///tmp/d.sock");
    expect(endpointOf(new Dockerode({ host: "10.1.2.3", port: 2376, protocol: "https" }))).toBe("tcp://10.1.2.3:2376");
    expect(endpointOf({ modem: {} })).toBe("the default Docker socket");
  });
});
