import { homedir } from "node:os";
import type Dockerode from "dockerode";
import { lazyRequire } from "./lazy-require.js";

const loadDockerode = lazyRequire<typeof Dockerode>("dockerode");
import { resolveDockerConnection } from "./docker-connection.js";

/** Options of createDocker; both default to the real process. */
export interface CreateDockerOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly homeDir?: string;
}

/** A dockerode client and the endpoint it talks to. */
export interface DockerClient {
  readonly docker: Dockerode;
  /** For messages, e.g. "unix:///var/run/docker.sock". */
  readonly endpoint: string;
}

// Endpoints of the clients createDocker made, so errors name the endpoint exactly as resolved.
const endpoints = new WeakMap<object, string>();

/**
 * A dockerode client for the engine the docker CLI would use (DOCKER_HOST, docker context, default
 * socket; see resolveDockerConnection). Making one opens no connection.
 */
export function createDocker(options: CreateDockerOptions = {}): DockerClient {
  const { endpoint, options: dockerOptions } = resolveDockerConnection({
    env: options.env ?? process.env,
    homeDir: options.homeDir ?? homedir(),
  });
  const DockerodeClass = loadDockerode();
  const docker = new DockerodeClass(dockerOptions);
  endpoints.set(docker, endpoint);
  return { docker, endpoint };
}

interface ModemAddress {
  socketPath?: unknown;
  host?: unknown;
  port?: unknown;
  protocol?: unknown;
}

/** The endpoint a dockerode client talks to, for messages; read from its modem when not made here. */
export function endpointOf(docker: { readonly modem?: unknown }): string {
  const known = endpoints.get(docker);
  if (known !== undefined) return known;
  const modem = docker.modem as ModemAddress | undefined;
  if (typeof modem?.host === "string" && modem.host !== "") {
    const scheme = modem.protocol === "ssh" ? "ssh" : "tcp";
    return `${scheme}://${modem.host}${typeof modem.port === "string" || typeof modem.port === "number" ? `:${modem.port}` : ""}`;
  }
  if (typeof modem?.socketPath === "string") return `unix://${modem.socketPath}`;
  return "the default Docker socket";
}

/** The given client, or one from createDocker(), with its endpoint. */
export function dockerClient(docker?: Dockerode): DockerClient {
  return docker ? { docker, endpoint: endpointOf(docker) } : createDocker();
}
