import { readFileSync } from "node:fs";
import { Agent } from "node:https";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import type { DockerOptions } from "dockerode";
import { DockerConfigError } from "./errors/config.js";
import { currentContextOf, readContextEndpoint, readTlsFiles } from "./docker-context.js";
import type { ReadTextFile, TlsFiles } from "./docker-context.js";
import type { SshTarget } from "./connection/ssh-agent.js";
import { sshTarget } from "./connection/ssh-target.js";
import type { SshSettings } from "./connection/ssh-target.js";

/** Dockerode options, plus the https agent that docker-modem also accepts (for SkipTLSVerify). */
export type DockerConnectionOptions = DockerOptions & { agent?: Agent };

/** Where the engine is and how to reach it. */
export interface DockerConnection {
  /** The endpoint as the docker CLI shows it, for messages: "unix:///var/run/docker.sock", "tcp://h:2376". */
  readonly endpoint: string;
  readonly options: DockerConnectionOptions;
  /** For an ssh:// engine: where and how to log in; createDocker makes the connections from it. */
  readonly ssh?: SshTarget;
}

/** Inputs of resolveDockerConnection; the file reader is injected so the resolution stays pure. */
export interface ResolveDockerConnectionOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** Read a file as text, undefined when missing (default: the real file system). */
  readonly readFile?: ReadTextFile;
  /** The local user name, for ssh:// addresses that name none (ssh's default user). */
  readonly localUser?: string;
  /** known_hosts files for ssh:// engines (default: ~/.ssh/known_hosts{,2}, /etc/ssh/ssh_known_hosts{,2}). */
  readonly knownHostsFiles?: readonly string[];
  /** Deadline of an ssh connection's TCP connect, key exchange and login (default DEFAULT_SSH_CONNECT_MS). */
  readonly sshConnectMs?: number;
}

/** How long an ssh connection may take to connect, check the host key and log in, in ms (ssh2's own default). */
export const DEFAULT_SSH_CONNECT_MS = 20_000;

interface HostSecurity {
  readonly tls: TlsFiles | undefined;
  readonly skipTlsVerify: boolean;
  readonly ssh: SshSettings;
}

const DEFAULT_SOCKET = "/var/run/docker.sock";

// docker-modem merges process.env's DOCKER_HOST/DOCKER_CERT_PATH under the options given; naming
// every connection field keeps an injected env from being mixed with the real one.
const CLEAR: DockerConnectionOptions = {
  socketPath: undefined,
  host: undefined,
  port: undefined,
  username: undefined,
  ca: undefined,
  cert: undefined,
  key: undefined,
};

/** Read a UTF-8 file, or undefined when it (or its folder) does not exist. */
export function readTextFileIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT", "ENOTDIR")) return undefined;
    throw error;
  }
}

function fromHost(host: string, setting: string, security: HostSecurity): DockerConnection {
  const scheme = /^([a-z]+):\/\//.exec(host)?.[1] ?? "tcp";
  const rest = host.includes("://") ? host.slice(host.indexOf("://") + 3) : host;
  if (scheme === "unix") {
    const socketPath = rest || DEFAULT_SOCKET;
    return { endpoint: `unix://${socketPath}`, options: { ...CLEAR, socketPath, protocol: "http" } };
  }
  if (scheme !== "tcp" && scheme !== "ssh") {
    throw new DockerConfigError(setting, `unsupported engine address ${JSON.stringify(host)} (use unix://, tcp:// or ssh://)`);
  }
  let url: URL;
  try {
    url = new URL(`${scheme}://${rest}`);
  } catch (error) {
    throw new DockerConfigError(setting, `cannot parse engine address ${JSON.stringify(host)}`, error);
  }
  if (!url.hostname) throw new DockerConfigError(setting, `engine address ${JSON.stringify(host)} has no host`);
  // URL keeps IPv6 brackets, which node:http does not want in a host name.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (scheme === "ssh") {
    const ssh = sshTarget(url, host, setting, security.ssh);
    // Plain HTTP over the connections createDocker's ssh agent makes (`docker system dial-stdio`).
    return { endpoint: ssh.endpoint, options: { ...CLEAR, protocol: "http", host: hostname, port: ssh.port }, ssh };
  }
  const tls = security.tls !== undefined || security.skipTlsVerify;
  const port = Number(url.port || (tls ? 2376 : 2375));
  const options: DockerConnectionOptions = { ...CLEAR, protocol: tls ? "https" : "http", host: hostname, port, ...security.tls };
  if (tls && security.skipTlsVerify) options.agent = new Agent({ rejectUnauthorized: false });
  return { endpoint: `tcp://${url.hostname}:${port}`, options };
}

function requireTlsFiles(dir: string, readFile: ReadTextFile): TlsFiles {
  const files = readTlsFiles(dir, readFile);
  const missing = (["ca", "cert", "key"] as const).filter((name) => files[name] === undefined);
  if (missing.length > 0) {
    const list = missing.map((name) => join(dir, `${name}.pem`)).join(", ");
    throw new DockerConfigError("DOCKER_TLS_VERIFY", `TLS verification is on but ${list} cannot be read (set DOCKER_CERT_PATH)`);
  }
  return files;
}

/**
 * Find the engine the way the docker CLI does: DOCKER_HOST (TLS when DOCKER_TLS_VERIFY is set,
 * certificates from DOCKER_CERT_PATH or the config folder), else the context named by
 * DOCKER_CONTEXT, else config.json's currentContext, else unix:///var/run/docker.sock. The config
 * folder is $DOCKER_CONFIG or ~/.docker.
 */
export function resolveDockerConnection(options: ResolveDockerConnectionOptions): DockerConnection {
  const { env, homeDir, readFile = readTextFileIfExists } = options;
  const configDir = env.DOCKER_CONFIG || join(homeDir, ".docker");
  const ssh: SshSettings = {
    homeDir,
    localUser: options.localUser,
    agentSocket: env.SSH_AUTH_SOCK || undefined,
    knownHostsFiles: options.knownHostsFiles,
    connectTimeoutMs: options.sshConnectMs ?? DEFAULT_SSH_CONNECT_MS,
    readFile,
  };
  if (env.DOCKER_HOST) {
    const certDir = env.DOCKER_CERT_PATH || configDir;
    const tls = env.DOCKER_TLS_VERIFY ? requireTlsFiles(certDir, readFile) : undefined;
    return fromHost(env.DOCKER_HOST, "DOCKER_HOST", { tls, skipTlsVerify: false, ssh });
  }
  const [name, source] = env.DOCKER_CONTEXT
    ? [env.DOCKER_CONTEXT, "DOCKER_CONTEXT"]
    : [currentContextOf(configDir, readFile), join(configDir, "config.json")];
  if (name === undefined || name === "default") {
    return fromHost(`unix://${DEFAULT_SOCKET}`, "default", { tls: undefined, skipTlsVerify: false, ssh });
  }
  const context = readContextEndpoint(name, source, configDir, readFile);
  const hasTls = context.tls.ca !== undefined || context.tls.cert !== undefined || context.tls.key !== undefined;
  return fromHost(context.host, `docker context ${JSON.stringify(name)}`, {
    tls: hasTls ? context.tls : undefined,
    skipTlsVerify: context.skipTlsVerify,
    ssh,
  });
}
