import { describe, expect, it } from "vitest";
import { fingerprintOf, hostLookupName, hostMatches, keyTypeOf, knownKeyTypes, verifyHostKey } from "./known-hosts.js";
import type { KnownHostsFile } from "./known-hosts.js";

// Made with OpenSSH 9.2's ssh-keygen: three keys, and `ssh-keygen -H` hashing the entries of
// "build1.example" and "[build2.example]:2222" (both with K1); `ssh-keygen -lf` gave K1's fingerprint.
const K1 = "AAAAC3NzaC1lZDI1NTE5AAAAIOg/5EQqb/WrBHsLjOBAIbdr/TLOcwYfpLDsZwfiQ5Vi";
const K2 = "AAAAC3NzaC1lZDI1NTE5AAAAIJSVn285L6awR9wEbF4HLLZFEP1yiYJWRbSZyxL6JKt5";
const K3 = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBO49lk/p6fJojxWwR76DKSceekusNzpW5jZLPDnZ1Paj7AvDg3TuWiI1TE0VpuPYLbnOWBwxDGDgO0/47a9PDW4=";
const K1_FINGERPRINT = "SHA256:nsM4OUiG/7dkEiRCQ3kY4tEm9AJkvt73fQeyVL6zGDM";
const HASHED_BUILD1 = "|1|w1A38cKlaCNjlIjMKavrpaexVSY=|36a8uh5NriY5ecLHUXWJLWKzmMg=";
const HASHED_BUILD2_2222 = "|1|w6Fkl2DOsHZcXLGS5hblBnQV4II=|XJfcIPSNQcUeXOmvuX55MQ9sHb4=";

const key = (base64: string): Buffer => Buffer.from(base64, "base64");
const file = (path: string, ...lines: string[]): KnownHostsFile => ({ path, text: `${lines.join("\n")}\n` });

describe("hostLookupName", () => {
  it("is the lower-cased host on port 22, [host]:port elsewhere, as ssh looks it up", () => {
    expect(hostLookupName("Build1.Example", 22)).toBe("build1.example");
    expect(hostLookupName("127.0.0.1", 2222)).toBe("[127.0.0.1]:2222");
    expect(hostLookupName("::1", 2222)).toBe("[::1]:2222");
  });
});

describe("hostMatches", () => {
  it.each([
    ["build1.example", "build1.example", true],
    ["other,build1.example", "build1.example", true],
    ["BUILD1.example", "build1.example", true],
    ["*.example", "build1.example", true],
    ["build?.example", "build1.example", true],
    ["build?.example", "build12.example", false],
    ["*.example,!build1.example", "build1.example", false],
    ["!build1.example", "build1.example", false],
    ["[build2.example]:2222", "[build2.example]:2222", true],
    ["build2.example", "[build2.example]:2222", false],
    ["[build2.example]:*", "[build2.example]:2222", true],
    [HASHED_BUILD1, "build1.example", true],
    [HASHED_BUILD1, "build2.example", false],
    [HASHED_BUILD2_2222, "[build2.example]:2222", true],
    [HASHED_BUILD2_2222, "build2.example", false],
    ["|2|abc|def", "build1.example", false],
  ])("%s against %s is %s", (field, name, expected) => {
    expect(hostMatches(field, name)).toBe(expected);
  });
});

describe("verifyHostKey", () => {
  it("accepts the known key of a plain or hashed entry and says where it is", () => {
    const files = [file("/home/u/.ssh/known_hosts", "# comment", "", `${HASHED_BUILD2_2222} ssh-ed25519 ${K1}`, `build1.example ssh-ed25519 ${K1} me@laptop`)];
    expect(verifyHostKey(files, "[build2.example]:2222", key(K1))).toEqual({ status: "known", where: "/home/u/.ssh/known_hosts:3" });
    expect(verifyHostKey(files, "build1.example", key(K1))).toEqual({ status: "known", where: "/home/u/.ssh/known_hosts:4" });
  });

  it("reads the system file after the user's", () => {
    const files = [file("/home/u/.ssh/known_hosts", `elsewhere ssh-ed25519 ${K2}`), file("/etc/ssh/ssh_known_hosts", `build1.example ssh-ed25519 ${K1}`)];
    expect(verifyHostKey(files, "build1.example", key(K1))).toEqual({ status: "known", where: "/etc/ssh/ssh_known_hosts:1" });
  });

  it("calls a different key of the same type changed, with the old key's place", () => {
    const files = [file("/kh", `build1.example ssh-ed25519 ${K1}`)];
    expect(verifyHostKey(files, "build1.example", key(K2))).toMatchObject({ status: "changed", known: [{ where: "/kh:1", type: "ssh-ed25519" }] });
  });

  it("calls a host unknown when only keys of other types are known, and names those types", () => {
    const files = [file("/kh", `build1.example ecdsa-sha2-nistp256 ${K3}`)];
    expect(verifyHostKey(files, "build1.example", key(K1))).toEqual({ status: "unknown", otherTypes: ["ecdsa-sha2-nistp256"], certAuthorities: 0 });
    expect(verifyHostKey([], "build1.example", key(K1))).toEqual({ status: "unknown", otherTypes: [], certAuthorities: 0 });
  });

  it("refuses a key marked @revoked even when it is also listed as known", () => {
    const files = [file("/kh", `build1.example ssh-ed25519 ${K1}`, `@revoked * ssh-ed25519 ${K1}`)];
    expect(verifyHostKey(files, "build1.example", key(K1))).toEqual({ status: "revoked", where: "/kh:2" });
  });

  it("never accepts a plain key through an @cert-authority line, and counts such lines", () => {
    const files = [file("/kh", `@cert-authority *.example ssh-ed25519 ${K1}`)];
    expect(verifyHostKey(files, "build1.example", key(K1))).toEqual({ status: "unknown", otherTypes: [], certAuthorities: 1 });
  });

  it("skips lines with unknown markers, bad base64 or missing fields", () => {
    const files = [file("/kh", `@future build1.example ssh-ed25519 ${K1}`, "build1.example ssh-ed25519 %%%%", "build1.example", `build1.example ssh-ed25519`)];
    expect(verifyHostKey(files, "build1.example", key(K1))).toMatchObject({ status: "unknown" });
  });
});

describe("key facts", () => {
  it("reads the type from the key and prints the fingerprint as ssh-keygen -l does", () => {
    expect(keyTypeOf(key(K3))).toBe("ecdsa-sha2-nistp256");
    expect(keyTypeOf(Buffer.from([0, 0]))).toBeUndefined();
    expect(fingerprintOf(key(K1))).toBe(K1_FINGERPRINT);
  });

  it("lists the key types known for a host, for the algorithm order", () => {
    const files = [file("/kh", `build1.example ecdsa-sha2-nistp256 ${K3}`, `build1.example ssh-ed25519 ${K1}`, `@revoked build1.example ssh-ed25519 ${K2}`)];
    expect(knownKeyTypes(files, "build1.example")).toEqual(["ecdsa-sha2-nistp256", "ssh-ed25519"]);
  });
});
