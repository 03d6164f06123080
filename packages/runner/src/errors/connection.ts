import { ImgsError } from "@imgs/errors";

/** Why a host key was refused: OpenSSH's HOST_NEW, HOST_CHANGED and HOST_REVOKED. */
export type HostKeyProblem = "unknown" | "changed" | "revoked";

/** What a HostKeyVerificationError is made from: its facts, and a note for its message. */
export type HostKeyRefusal = Pick<HostKeyVerificationError, "endpoint" | "lookupName" | "problem" | "keyType" | "fingerprint" | "files" | "knownAt"> & {
  /** Extra facts for the message (other key types known, @cert-authority lines). */
  readonly note?: string;
};

function refusalMessage(r: HostKeyRefusal): string {
  const key = `the ${r.keyType} key ${r.fingerprint} of ${r.lookupName}`;
  const files = r.files.length > 0 ? r.files.join(", ") : "no known_hosts file";
  const note = r.note ? ` (${r.note})` : "";
  switch (r.problem) {
    case "unknown":
      return (
        `Host key verification failed for ${r.endpoint}: ${key} is not in ${files}${note}. ` +
        `Check the fingerprint with the host's owner, then add the key (for example by running ssh to the host once and answering yes), as the docker CLI needs too`
      );
    case "changed":
      return (
        `Host key verification failed for ${r.endpoint}: the host key has CHANGED: ${key} differs from the key at ${r.knownAt.join(", ")}. ` +
        `Someone may be intercepting the connection, or the host was reinstalled; if you are sure the new key is right, ` +
        `remove the old one with \`ssh-keygen -R '${r.lookupName}'\` and add the new one`
      );
    case "revoked":
      return `Host key verification failed for ${r.endpoint}: ${key} is marked @revoked at ${r.knownAt.join(", ")}; imgs will not connect with it`;
  }
}

/**
 * An ssh engine offered a host key that known_hosts does not vouch for; nothing was sent to it.
 * Its facts are a HostKeyRefusal's (all but `note`), given as one object so the caller names each.
 */
export class HostKeyVerificationError extends ImgsError {
  readonly code = "HOST_KEY_VERIFICATION";
  readonly category = "failure";
  /** The engine address, e.g. "ssh://deploy@build1:22". */
  readonly endpoint: string;
  /** The name looked up in known_hosts: "build1", or "[build1]:2222" for another port. */
  readonly lookupName: string;
  readonly problem: HostKeyProblem;
  /** The offered key's type and SHA256 fingerprint. */
  readonly keyType: string;
  readonly fingerprint: string;
  /** The known_hosts files that were read. */
  readonly files: readonly string[];
  /** Where the old key (changed) or the @revoked line (revoked) is, as "path:line". */
  readonly knownAt: readonly string[];

  constructor(refusal: HostKeyRefusal) {
    super(refusalMessage(refusal));
    ({ endpoint: this.endpoint, lookupName: this.lookupName, problem: this.problem, keyType: this.keyType, fingerprint: this.fingerprint, files: this.files, knownAt: this.knownAt } = refusal);
  }
}

/** The ssh connection to an engine failed after the host key was accepted, or before it was offered. */
export class SshConnectionError extends ImgsError {
  readonly code = "SSH_CONNECTION";
  readonly category = "failure";
  /** `step`: what failed, "log in", "run `docker system dial-stdio`", "connect". */
  constructor(readonly endpoint: string, readonly step: string, detail: string, cause?: unknown) {
    super(`ssh to the Docker engine at ${endpoint}: cannot ${step}: ${detail}`, { cause });
  }
}

/** An engine call got no answer within its deadline (an engine that accepts connections but is stuck). */
export class EngineTimeoutError extends ImgsError {
  readonly code = "ENGINE_TIMEOUT";
  readonly category = "failure";
  /** `call`: what was asked, e.g. "create container"; `request`: the HTTP request, e.g. "POST /containers/create". */
  constructor(readonly endpoint: string, readonly call: string, readonly request: string, readonly timeoutMs: number) {
    // An unnamed call is its request: say it once.
    super(
      `the Docker engine at ${endpoint} did not answer "${call}"${call === request ? "" : ` (${request})`} within ${timeoutMs} ms; ` +
        "it accepts connections but is stuck or overloaded (check `docker info`, the engine's log, or DOCKER_HOST)",
    );
  }
}

/**
 * The endpoint answered, but not as a Docker engine does: a web server, an ssh daemon, a TLS port
 * spoken to in plain HTTP. Docker answers every error as JSON `{"message": …}`; what came was not.
 */
export class NotDockerEngineError extends ImgsError {
  readonly code = "NOT_DOCKER_ENGINE";
  readonly category = "failure";
  /** `call`: what was asked, e.g. "inspect image"; `answer`: what came back instead, in words. */
  constructor(readonly endpoint: string, readonly call: string, readonly answer: string, cause: unknown) {
    super(`${endpoint} is not a Docker engine: asked to "${call}", it ${answer} (check DOCKER_HOST or the docker context)`, { cause });
  }
}
