import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Debian's OpenSSH server, from the openssh-server package (scripts/setup.sh installs it). */
export const SSHD = "/usr/sbin/sshd";

/** A key pair made with ssh-keygen. */
export interface SshKeyPair {
  /** Path of the private key; the public one is beside it with ".pub". */
  readonly path: string;
  /** The public key line: "ssh-ed25519 AAAA…". */
  readonly publicKey: string;
  /** `ssh-keygen -lf`'s fingerprint: "SHA256:…". */
  readonly fingerprint: string;
}

/** Make an unencrypted key pair with OpenSSH's ssh-keygen. */
export function sshKeygen(path: string, type: "ed25519" | "ecdsa" | "rsa" = "ed25519"): SshKeyPair {
  execFileSync("ssh-keygen", ["-q", "-t", type, "-N", "", "-C", "", "-f", path], { stdio: "ignore" });
  const publicKey = readFileSync(`${path}.pub`, "utf8").trim().split(/\s+/).slice(0, 2).join(" ");
  const fingerprint = /SHA256:\S+/.exec(execFileSync("ssh-keygen", ["-lf", `${path}.pub`], { encoding: "utf8" }))?.[0] ?? "";
  return { path, publicKey, fingerprint };
}

/** A free TCP port on 127.0.0.1, chosen by the system. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

/** A running sshd of a test. */
export interface TestSshd {
  readonly port: number;
  /** What sshd logged so far (it runs with -e: the log goes to stderr). */
  log(): string;
  stop(): Promise<void>;
}

/** Options of startSshd. */
export interface StartSshdOptions {
  /** Folder for its config, pid file and log; the caller removes it. */
  readonly dir: string;
  readonly hostKey: SshKeyPair;
  /** Public keys that may log in (as any user, the test's own included). */
  readonly authorizedKeys: readonly string[];
  /** More sshd_config lines, e.g. a ForceCommand. */
  readonly config?: readonly string[];
}

/**
 * Start Debian's sshd on 127.0.0.1 on a free port, with its own config, host key and authorized
 * keys (nothing of the system's sshd is used), in the foreground as a child process; stop() ends it.
 */
export async function startSshd(options: StartSshdOptions): Promise<TestSshd> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install Debian's openssh-server (bash scripts/setup.sh does)`);
  // sshd refuses to start without its privilege separation folder, which the package's service makes.
  mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  const port = await freePort();
  const authorized = join(options.dir, "authorized_keys");
  writeFileSync(authorized, `${options.authorizedKeys.join("\n")}\n`, { mode: 0o600 });
  const config = join(options.dir, "sshd_config");
  writeFileSync(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${options.hostKey.path}`,
      `PidFile ${join(options.dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${authorized}`,
      "PubkeyAuthentication yes",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PermitRootLogin prohibit-password",
      "UsePAM no",
      // Temporary folders are not owned the way StrictModes wants.
      "StrictModes no",
      "LogLevel VERBOSE",
      ...(options.config ?? []),
      "",
    ].join("\n"),
  );
  const child = spawn(SSHD, ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start within 10 s:\n${log}`)), 10_000);
    const check = (): void => {
      if (!log.includes(`Server listening on 127.0.0.1 port ${port}`)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stderr.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited with ${code}:\n${log}`));
    });
  });
  return {
    port,
    log: () => log,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A temporary folder for an ssh test: `home/.ssh` made, removed by the returned function. */
export function sshTestDir(): { dir: string; home: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "imgs-ssh-"));
  const home = join(dir, "home");
  mkdirSync(join(home, ".ssh"), { recursive: true, mode: 0o700 });
  return { dir, home, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
