import { describe, expect, it } from "vitest";
import { httpError, systemError } from "./__fixtures__/fake-docker.js";
import { engineError, isAlreadyRemoved, isContainerGone, isMissingProgram, isRuntimeContainerGone, isNoSuchImage, isUnreachable } from "./docker-errors.js";
import { EngineUnreachableError } from "./errors/engine.js";

const RUNC_NOT_FOUND = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "python": executable file not found in $PATH: unknown\r\n';
const RUNC_NO_FILE = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/opt/x": stat /opt/x: no such file or directory: unknown\r\n';
const BAD_WORKDIR = 'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nodir") set in config.json failed: no such file or directory: unknown\r\n';
const PERMISSION = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/etc/passwd": permission denied: unknown\r\n';
const CRUN = "crun: executable file `python` not found in $PATH: No such file or directory\n";

describe("engineError", () => {
  it.each(["ECONNREFUSED", "ENOENT", "EACCES", "ETIMEDOUT", "EHOSTUNREACH"])("turns %s into EngineUnreachableError naming the endpoint", (code) => {
    const cause = systemError(code);
    const error = engineError(cause, "unix:///var/run/docker.sock");
    expect(error).toBeInstanceOf(EngineUnreachableError);
    expect(error).toMatchObject({ code: "ENGINE_UNREACHABLE", endpoint: "unix:///var/run/docker.sock", reason: code, cause });
    expect((error as Error).message).toBe(
      `cannot reach the Docker engine at unix:///var/run/docker.sock (${code}); is dockerd running? (\`systemctl start docker\`, or check DOCKER_HOST and the docker context)`,
    );
  });

  it("returns an EngineUnreachableError as it is, never wrapped twice", () => {
    const once = new EngineUnreachableError("tcp://h:2375", systemError("ECONNREFUSED"));
    expect(isUnreachable(once)).toBe(true);
    expect(engineError(once, "unix:///elsewhere.sock")).toBe(once);
  });

  it("leaves HTTP answers and other errors alone", () => {
    const notFound = httpError(404, "No such image: x");
    expect(engineError(notFound, "e")).toBe(notFound);
    const other = new Error("boom");
    expect(engineError(other, "e")).toBe(other);
    expect(isUnreachable(Object.assign(new Error("x"), { code: "ECONNRESET" }))).toBe(false);
  });
});

describe("isNoSuchImage", () => {
  it("recognises the 404 of a missing image, also from container create", () => {
    expect(isNoSuchImage(httpError(404, "No such image: imgs.localhost/nope:x"))).toBe(true);
    expect(isNoSuchImage(httpError(404, "No such container: abc"))).toBe(false);
    expect(isNoSuchImage(httpError(500, "No such image: x"))).toBe(false);
  });
});

describe("isContainerGone", () => {
  it.each([
    [httpError(404, "No such container: abc"), true],
    [httpError(409, "Container abc is not running"), true],
    [httpError(500, "Container abc is not running: Removal In Progress"), true],
    [httpError(500, "something else broke"), false],
    [systemError("ECONNREFUSED"), false],
  ])("judges %#", (error, gone) => {
    expect(isContainerGone(error)).toBe(gone);
  });
});

describe("isRuntimeContainerGone", () => {
  it.each([
    ["OCI runtime exec failed: exec failed: cannot exec in a stopped container: unknown", 126, true],
    ["OCI runtime exec failed: exec failed: cannot exec in a deleted state: unknown", 126, true],
    ["sh: cannot exec in a stopped container", 1, false],
    ["permission denied", 126, false],
  ])("judges %j with exit %d", (output, exitCode, gone) => {
    expect(isRuntimeContainerGone(output, exitCode)).toBe(gone);
  });
});

describe("isAlreadyRemoved", () => {
  it.each([
    [httpError(404, "No such container: abc"), true],
    [httpError(409, "removal of container abc is already in progress"), true],
    [httpError(409, "You cannot remove a running container"), false],
    [httpError(500, "driver failed"), false],
    [systemError("ECONNREFUSED"), false],
  ])("is right about %s", (error, expected) => {
    expect(isAlreadyRemoved(error)).toBe(expected);
  });
});

describe("isMissingProgram", () => {
  it.each([
    [RUNC_NOT_FOUND, 126, true],
    [RUNC_NOT_FOUND, 127, true],
    [RUNC_NO_FILE, 126, true],
    [CRUN, 127, true],
    [RUNC_NOT_FOUND, 1, false],
    [BAD_WORKDIR, 126, false],
    [PERMISSION, 126, false],
    ["sh: nope: not found\n", 127, false],
  ])("%j with exit %i → %s", (output, exitCode, expected) => {
    expect(isMissingProgram(output, exitCode)).toBe(expected);
  });
});
