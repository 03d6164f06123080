import { join } from "node:path";
import { DockerConfigError } from "../errors/config.js";
import type { ReadTextFile } from "../docker-context.js";
import type { KnownHostsFile } from "./known-hosts.js";
import { loadSsh2 } from "./ssh-agent.js";
import type { SshTarget } from "./ssh-agent.js";

/** What resolving an ssh:// address needs besides the address. */
export interface SshSettings {
  readonly homeDir: string;
  /** The local user name, used when the address names none (as ssh does). */
  readonly localUser: string | undefined;
  /** SSH_AUTH_SOCK. */
  readonly agentSocket: string | undefined;
  /** known_hosts files to check host keys against (default: sshKnownHostsFiles(homeDir)). */
  readonly knownHostsFiles: readonly string[] | undefined;
  readonly connectTimeoutMs: number;
  readonly readFile: ReadTextFile;
}

/** The global known_hosts files of OpenSSH (GlobalKnownHostsFile's default). */
export const SYSTEM_KNOWN_HOSTS_FILES: readonly string[] = ["/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"];

/** OpenSSH's default UserKnownHostsFile and GlobalKnownHostsFile, in the order ssh reads them. */
export function sshKnownHostsFiles(homeDir: string): string[] {
  return [join(homeDir, ".ssh", "known_hosts"), join(homeDir, ".ssh", "known_hosts2"), ...SYSTEM_KNOWN_HOSTS_FILES];
}

// OpenSSH's default identity files, of the key types the ssh client library supports, in ssh's order.
const IDENTITY_FILES = ["id_rsa", "id_ecdsa", "id_ed25519"];

/** Default identity files that exist and can be used without a passphrase. */
function readIdentities(homeDir: string, readFile: ReadTextFile): SshTarget["identities"] {
  return IDENTITY_FILES.flatMap((name) => {
    const path = join(homeDir, ".ssh", name);
    const key = readFile(path);
    // An encrypted key would need a passphrase prompt; ssh would ask, imgs cannot, so it relies on the agent.
    return key === undefined || loadSsh2().utils.parseKey(key) instanceof Error ? [] : [{ path, key }];
  });
}

/**
 * Where an ssh:// engine is and how to log in, as the docker CLI's `ssh` would: the user from the
 * address or else the local user, port 22 by default, the ssh agent and the default identity files,
 * host keys checked against the user's and the system's known_hosts.
 */
export function sshTarget(url: URL, address: string, setting: string, settings: SshSettings): SshTarget {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = Number(url.port || 22);
  const username = decodeURIComponent(url.username) || settings.localUser;
  if (!username) {
    throw new DockerConfigError(setting, `engine address ${JSON.stringify(address)} names no user and the local user is unknown; write ssh://USER@${url.host}`);
  }
  const knownHostsPaths = settings.knownHostsFiles ?? sshKnownHostsFiles(settings.homeDir);
  const { readFile } = settings;
  return {
    endpoint: `ssh://${username}@${url.hostname}:${port}`,
    host,
    port,
    username,
    agentSocket: settings.agentSocket,
    identities: readIdentities(settings.homeDir, readFile),
    knownHostsPaths,
    readKnownHosts: (): KnownHostsFile[] =>
      knownHostsPaths.flatMap((path) => {
        const text = readFile(path);
        return text === undefined ? [] : [{ path, text }];
      }),
    connectTimeoutMs: settings.connectTimeoutMs,
  };
}
