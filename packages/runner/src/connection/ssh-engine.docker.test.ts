import { execFile, execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { sshKeygen, sshTestDir, startSshd, testEngine, BUSYBOX, containerIds, removeContainers } from "@imgs/test-utils";
import type { SshKeyPair, TestSshd } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocker } from "../create-docker.js";
import { startContainer } from "../start-container.js";
import { HostKeyVerificationError } from "../errors/connection.js";

const USER = userInfo().username;
let dir: ReturnType<typeof sshTestDir>;
let hostKey: SshKeyPair;
let otherHostKey: SshKeyPair;
let clientKey: SshKeyPair;
let sshd: TestSshd;
let userFile: string;
let systemFile: string;

beforeAll(async () => {
  dir = sshTestDir();
  hostKey = sshKeygen(join(dir.dir, "host_ed25519"));
  otherHostKey = sshKeygen(join(dir.dir, "other_host_ed25519"));
  // The default identity file imgs logs in with, as ssh would (no agent in these tests).
  clientKey = sshKeygen(join(dir.home, ".ssh", "id_ed25519"));
  mkdirSync(join(dir.dir, "sshd"));
  sshd = await startSshd({ dir: join(dir.dir, "sshd"), hostKey, authorizedKeys: [clientKey.publicKey] });
  userFile = join(dir.home, ".ssh", "known_hosts");
  systemFile = join(dir.dir, "ssh_known_hosts");
});

afterAll(async () => {
  await sshd?.stop();
  dir?.remove();
});

/** Write the user's and the system's known_hosts files. */
function knownHosts(user: readonly string[], system: readonly string[] = []): void {
  writeFileSync(userFile, user.map((line) => `${line}\n`).join(""));
  writeFileSync(systemFile, system.map((line) => `${line}\n`).join(""));
}

/** `ssh-keyscan`'s line for the test sshd: "[127.0.0.1]:PORT ssh-ed25519 AAAA…". */
function keyscan(): string {
  const out = execFileSync("ssh-keyscan", ["-p", String(sshd.port), "-t", "ed25519", "127.0.0.1"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return out.trim();
}

/** OpenSSH's own client with the same files, for parity: its exit code and stderr. */
function openssh(): Promise<{ code: number; stderr: string }> {
  const args = ["-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", `UserKnownHostsFile=${userFile}`];
  args.push("-o", `GlobalKnownHostsFile=${systemFile}`, "-o", "IdentitiesOnly=yes", "-i", clientKey.path, "-p", String(sshd.port), `${USER}@127.0.0.1`, "true");
  return new Promise((resolve) => {
    execFile("ssh", args, { encoding: "utf8" }, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }));
  });
}

/** A client for the test sshd; `ssh://127.0.0.1:PORT` names no user, as `docker -H` allows. */
function sshDocker(host = `ssh://127.0.0.1:${sshd.port}`) {
  return createDocker({ env: { DOCKER_HOST: host }, homeDir: dir.home, localUser: USER, knownHostsFiles: [userFile, systemFile] });
}

async function refusal(work: Promise<unknown>): Promise<HostKeyVerificationError> {
  const error: unknown = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostKeyVerificationError);
  return error as HostKeyVerificationError;
}

const logins = (): number => sshd.log().split("Accepted publickey").length - 1;

describe("an ssh:// engine behind a real sshd", () => {
  it("refuses an unknown host key before logging in, as OpenSSH's ssh does", async () => {
    knownHosts([`[127.0.0.1]:${sshd.port + 1} ${hostKey.publicKey}`, `example.invalid ${hostKey.publicKey}`]);
    const before = logins();
    const error = await refusal(sshDocker().docker.version());
    expect(error).toMatchObject({ problem: "unknown", lookupName: `[127.0.0.1]:${sshd.port}`, fingerprint: hostKey.fingerprint, keyType: "ssh-ed25519" });
    expect(error.message).toContain(`Host key verification failed for ssh://${USER}@127.0.0.1:${sshd.port}: the ssh-ed25519 key ${hostKey.fingerprint}`);
    expect(error.message).toContain(`is not in ${userFile}, ${systemFile}`);
    expect(logins()).toBe(before);
    const ssh = await openssh();
    expect(ssh.code).not.toBe(0);
    expect(ssh.stderr).toContain("Host key verification failed.");
  });

  it.each(["plain", "hashed"] as const)("accepts the host's key from a %s entry and runs a container over ssh", async (form) => {
    knownHosts([keyscan()]);
    if (form === "hashed") execFileSync("ssh-keygen", ["-H", "-f", userFile], { stdio: "ignore" });
    expect((await openssh()).code).toBe(0);
    const { docker, endpoint } = sshDocker();
    expect(endpoint).toBe(`ssh://${USER}@127.0.0.1:${sshd.port}`);
    const caseLabel = `dev.imgs.test-case=${randomUUID()}`;
    const [key, value = ""] = caseLabel.split("=");
    const before = logins();
    const session = await startContainer({ docker, image: BUSYBOX, labels: { ...testEngine().labels, [key ?? ""]: value } });
    try {
      expect((await session.exec(["echo", "over ssh"])).stdout).toBe("over ssh\n");
      // The docker CLI, on the local socket, sees the container that was started through sshd.
      expect(await containerIds(`label=${caseLabel}`, "status=running")).toEqual([session.id]);
    } finally {
      await session.close();
    }
    expect(await containerIds(`label=${caseLabel}`)).toEqual([]);
    expect(logins()).toBeGreaterThan(before);
    await removeContainers(await containerIds(`label=${caseLabel}`));
  });

  it("accepts a key found only in the system file, with the user named in the address", async () => {
    knownHosts([], [keyscan()]);
    const { docker } = sshDocker(`ssh://${USER}@127.0.0.1:${sshd.port}`);
    expect(await docker.version()).toMatchObject({ ApiVersion: expect.any(String) as unknown });
  });

  it("refuses a changed host key, naming the old key's line and how to remove it, as OpenSSH does", async () => {
    knownHosts([`# the host as it was`, `[127.0.0.1]:${sshd.port} ${otherHostKey.publicKey}`]);
    const error = await refusal(sshDocker().docker.version());
    expect(error).toMatchObject({ problem: "changed", fingerprint: hostKey.fingerprint, knownAt: [`${userFile}:2`] });
    expect(error.message).toContain("the host key has CHANGED");
    expect(error.message).toContain(`ssh-keygen -R '[127.0.0.1]:${sshd.port}'`);
    const ssh = await openssh();
    expect(ssh.code).not.toBe(0);
    expect(ssh.stderr).toContain("REMOTE HOST IDENTIFICATION HAS CHANGED");
  });

  it("refuses a key marked @revoked, even when it is listed as known too", async () => {
    knownHosts([keyscan(), `@revoked * ${hostKey.publicKey}`]);
    const error = await refusal(sshDocker().docker.version());
    expect(error).toMatchObject({ problem: "revoked", knownAt: [`${userFile}:2`] });
    const ssh = await openssh();
    expect(ssh.code).not.toBe(0);
    expect(ssh.stderr).toContain("REVOKED HOST KEY");
  });

  it("says why when the remote side cannot run `docker system dial-stdio`, not only that the socket hung up", async () => {
    mkdirSync(join(dir.dir, "nodocker"));
    const broken = await startSshd({
      dir: join(dir.dir, "nodocker"),
      hostKey,
      authorizedKeys: [clientKey.publicKey],
      config: ['ForceCommand sh -c "echo docker: command not found >&2; exit 127"'],
    });
    try {
      knownHosts([`[127.0.0.1]:${broken.port} ${hostKey.publicKey}`]);
      const error: unknown = await sshDocker(`ssh://127.0.0.1:${broken.port}`).docker.version().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "SSH_CONNECTION", step: "run `docker system dial-stdio`" });
      expect((error as Error).message).toBe(
        `ssh to the Docker engine at ssh://${USER}@127.0.0.1:${broken.port}: cannot run \`docker system dial-stdio\`: exit code 127: docker: command not found`,
      );
    } finally {
      await broken.stop();
    }
  });

  it("says which keys the server refused when the login fails", async () => {
    knownHosts([keyscan()]);
    const stranger = sshTestDir();
    try {
      const key = sshKeygen(join(stranger.home, ".ssh", "id_ed25519"));
      const { docker } = createDocker({ env: { DOCKER_HOST: `ssh://127.0.0.1:${sshd.port}` }, homeDir: stranger.home, localUser: USER, knownHostsFiles: [userFile] });
      const error: unknown = await docker.version().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "SSH_CONNECTION", step: `log in as ${USER}` });
      expect((error as Error).message).toContain(`cannot log in as ${USER}: the server refused ${key.path}`);
    } finally {
      stranger.remove();
    }
  });
});
