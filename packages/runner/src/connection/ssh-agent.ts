import { Agent } from "node:http";
import { Duplex } from "node:stream";
import type * as Ssh2 from "ssh2";
import type { AnyAuthMethod, ClientChannel, ConnectConfig, ServerHostKeyAlgorithm } from "ssh2";
import { HostKeyVerificationError, SshConnectionError } from "../errors/connection.js";
import { fingerprintOf, hostLookupName, keyTypeOf, knownKeyTypes, verifyHostKey } from "./known-hosts.js";
import type { KnownHostsFile } from "./known-hosts.js";
import { lazyRequire } from "../lazy-require.js";

/** ssh2, loaded when an ssh connection is first made (see lazyRequire). */
export const loadSsh2 = lazyRequire<typeof Ssh2>("ssh2");

/** Where an ssh engine is and how to log in; made by resolveDockerConnection. */
export interface SshTarget {
  /** For messages: "ssh://user@host:port". */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly username: string;
  /** SSH_AUTH_SOCK, tried first when set. */
  readonly agentSocket: string | undefined;
  /** Unencrypted default identity files (~/.ssh/id_*), tried after the agent. */
  readonly identities: readonly { readonly path: string; readonly key: string }[];
  /** Paths of the known_hosts files, user's then system's. */
  readonly knownHostsPaths: readonly string[];
  /** Reads the known_hosts files; called for each connection, as ssh reads them each time. */
  readonly readKnownHosts: () => readonly KnownHostsFile[];
  /** Deadline of the TCP connect, key exchange and login (ssh2's readyTimeout). */
  readonly connectTimeoutMs: number;
}

/** The remote command the docker CLI runs over ssh to reach the engine's API. */
export const DIAL_STDIO = "docker system dial-stdio";

// Every algorithm name ssh2 accepts for server host keys, in its default order.
const HOST_KEY_ALGORITHMS = [
  "ssh-ed25519",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "rsa-sha2-512",
  "rsa-sha2-256",
  "ssh-rsa",
];

/**
 * Host key algorithms with those of keys already known for the host first, so that a server with
 * several host keys offers one known_hosts can check (OpenSSH's order_hostkeyalgs).
 */
function hostKeyAlgorithms(knownTypes: readonly string[]): string[] {
  const preferred = knownTypes.flatMap((type) => (type === "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"] : [type]));
  const first = preferred.filter((name) => HOST_KEY_ALGORITHMS.includes(name));
  return [...new Set([...first, ...HOST_KEY_ALGORITHMS])];
}

function authMethods(target: SshTarget): AnyAuthMethod[] {
  const { username } = target;
  return [
    ...(target.agentSocket ? [{ type: "agent" as const, username, agent: target.agentSocket }] : []),
    ...target.identities.map(({ key }) => ({ type: "publickey" as const, username, key })),
  ];
}

function loginHelp(target: SshTarget): string {
  const tried = [
    ...(target.agentSocket ? [`the ssh agent at ${target.agentSocket}`] : []),
    ...target.identities.map(({ path }) => path),
  ];
  return tried.length > 0
    ? `the server refused ${tried.join(", ")}`
    : "no ssh agent (SSH_AUTH_SOCK) and no unencrypted ~/.ssh/id_ed25519, id_ecdsa or id_rsa to log in with";
}

/**
 * The HTTP connection over one `docker system dial-stdio` channel. Its end is held back until the
 * channel closes, by which time the remote command's exit status is known: a remote side without
 * docker (or whose docker cannot reach its engine) exits at once, and the request then fails with
 * why (SshConnectionError with its stderr), not with "socket hang up". OpenSSH may send the end of
 * the output before the exit status, so waiting for the close is what makes this reliable.
 */
function dialStream(channel: ClientChannel, endpoint: string): Duplex {
  let stderr = "";
  let received = false;
  let exitCode: number | null = null;
  const stream = new Duplex({
    read: () => void channel.resume(),
    write: (chunk: Buffer, encoding, done) => void channel.write(chunk, encoding, done),
    final: (done) => {
      channel.end();
      done();
    },
    destroy: (error, done) => {
      channel.close();
      done(error);
    },
  });
  channel.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-2000);
  });
  channel.on("data", (chunk: Buffer) => {
    received = true;
    if (!stream.push(chunk)) channel.pause();
  });
  channel.once("exit", (code: number | null) => {
    exitCode = code;
  });
  channel.once("close", () => {
    if (!received && exitCode !== null && exitCode !== 0 && stderr.trim() !== "") {
      stream.destroy(new SshConnectionError(endpoint, `run \`${DIAL_STDIO}\``, `exit code ${exitCode}: ${stderr.trim()}`));
    } else stream.push(null);
  });
  channel.on("error", (error: Error) => stream.destroy(error));
  return stream;
}

/**
 * An http.Agent whose connections are `docker system dial-stdio` run over ssh, as the docker CLI
 * reaches an ssh:// engine: one ssh connection per HTTP connection, the server's host key checked
 * against known_hosts before anything is sent (HostKeyVerificationError), login with the ssh agent
 * or the default identity files (SshConnectionError), and the ssh connection closed with the HTTP one.
 */
export function createSshAgent(target: SshTarget): Agent {
  const agent = new Agent({ keepAlive: false });
  const lookupName = hostLookupName(target.host, target.port);
  const connect = (_options: unknown, callback: (error: Error | null, socket?: Duplex) => void): void => {
    const files = target.readKnownHosts();
    const conn = new (loadSsh2().Client)();
    let refusal: HostKeyVerificationError | undefined;
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      conn.end();
      callback(error);
    };
    const hostVerifier = (key: Buffer): boolean => {
      const verdict = verifyHostKey(files, lookupName, key);
      if (verdict.status === "known") return true;
      const note =
        verdict.status === "unknown" && verdict.otherTypes.length > 0
          ? `keys of other types are known for it: ${verdict.otherTypes.join(", ")}`
          : verdict.status === "unknown" && verdict.certAuthorities > 0
            ? "@cert-authority lines match it, but imgs checks plain host keys only"
            : undefined;
      refusal = new HostKeyVerificationError({
        endpoint: target.endpoint,
        lookupName,
        problem: verdict.status,
        keyType: keyTypeOf(key) ?? "unknown",
        fingerprint: fingerprintOf(key),
        files: target.knownHostsPaths,
        knownAt: verdict.status === "changed" ? verdict.known.map((k) => k.where) : verdict.status === "revoked" ? [verdict.where] : [],
        ...(note === undefined ? {} : { note }),
      });
      return false;
    };
    conn.once("ready", () => {
      conn.exec(DIAL_STDIO, (error, channel) => {
        if (error) return fail(new SshConnectionError(target.endpoint, `run \`${DIAL_STDIO}\``, error.message, error));
        settled = true;
        channel.once("close", () => conn.end());
        callback(null, dialStream(channel, target.endpoint));
      });
    });
    conn.on("error", (error: Error & { level?: string }) => {
      if (refusal) return fail(refusal);
      if (error.level === "client-authentication") {
        return fail(new SshConnectionError(target.endpoint, `log in as ${target.username}`, loginHelp(target), error));
      }
      if (error.level === "client-timeout") {
        return fail(new SshConnectionError(target.endpoint, "connect", `no ssh handshake within ${target.connectTimeoutMs} ms`, error));
      }
      // Socket errors (ECONNREFUSED, ENOTFOUND) stay as they are: they mean the engine is unreachable.
      fail(error);
    });
    const config: ConnectConfig = {
      host: target.host,
      port: target.port,
      username: target.username,
      authHandler: authMethods(target),
      hostVerifier,
      algorithms: { serverHostKey: hostKeyAlgorithms(knownKeyTypes(files, lookupName)) as ServerHostKeyAlgorithm[] },
      readyTimeout: target.connectTimeoutMs,
    };
    try {
      conn.connect(config);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };
  (agent as unknown as { createConnection: typeof connect }).createConnection = connect;
  return agent;
}
