import type Dockerode from "dockerode";
import { createDeadlineModem, DEFAULT_ENGINE_DEADLINES } from "./connection/deadline-modem.js";
import type { EngineDeadlines } from "./connection/deadline-modem.js";
import { createSshAgent } from "./connection/ssh-agent.js";
import { resolveDockerConnection } from "./docker-connection.js";
import type { ReadTextFile } from "./docker-context.js";
import { lazyRequire } from "./lazy-require.js";

const loadDockerode = lazyRequire<typeof Dockerode>("dockerode");

/** Options of createDocker: the process's facts, passed in by the program (bin.ts), never read here. */
export interface CreateDockerOptions {
  /** The environment: DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, SSH_AUTH_SOCK. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Home folder: ~/.docker and, for ssh:// engines, ~/.ssh (known_hosts, default identities). */
  readonly homeDir: string;
  /** The local user name, for ssh:// addresses that name none, as ssh uses it. */
  readonly localUser?: string;
  /** known_hosts files for ssh:// engines (default: ~/.ssh/known_hosts{,2}, /etc/ssh/ssh_known_hosts{,2}). */
  readonly knownHostsFiles?: readonly string[];
  /** Deadlines of engine calls (default DEFAULT_ENGINE_DEADLINES). */
  readonly deadlines?: Partial<EngineDeadlines>;
  /** Read a file as text, undefined when missing (default: the real file system). */
  readonly readFile?: ReadTextFile;
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
 * socket; see resolveDockerConnection). Every call it makes has a deadline (EngineTimeoutError);
 * an ssh:// engine's host key is checked against known_hosts (HostKeyVerificationError). Making
 * one opens no connection.
 *
 * @example const { docker } = createDocker({ env: process.env, homeDir: os.homedir(), localUser: os.userInfo().username });
 */
export function createDocker(options: CreateDockerOptions): DockerClient {
  const deadlines = { ...DEFAULT_ENGINE_DEADLINES, ...options.deadlines };
  const connection = resolveDockerConnection({
    env: options.env,
    homeDir: options.homeDir,
    ...(options.readFile ? { readFile: options.readFile } : {}),
    ...(options.localUser === undefined ? {} : { localUser: options.localUser }),
    ...(options.knownHostsFiles ? { knownHostsFiles: options.knownHostsFiles } : {}),
    sshConnectMs: deadlines.connectMs,
  });
  const agent = connection.ssh ? createSshAgent(connection.ssh) : connection.options.agent;
  const modem = createDeadlineModem({ ...connection.options, ...(agent ? { agent } : {}) }, connection.endpoint, deadlines.callMs);
  // dockerode takes a ready modem (lib/docker.js), which its types do not declare.
  const DockerodeClass = loadDockerode();
  const docker = new DockerodeClass({ modem } as Dockerode.DockerOptions);
  endpoints.set(docker, connection.endpoint);
  return { docker, endpoint: connection.endpoint };
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

/** A client with the endpoint it talks to, for messages. */
export function dockerClient(docker: Dockerode): DockerClient {
  return { docker, endpoint: endpointOf(docker) };
}
