import { createHash, createHmac } from "node:crypto";

/** One key line of a known_hosts file that applies to the host asked about. */
export interface KnownKey {
  /** Key type as stored in the key itself: "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa". */
  readonly type: string;
  readonly blob: Buffer;
  readonly marker: "revoked" | "cert-authority" | undefined;
  /** "path:line", for messages. */
  readonly where: string;
}

/** What the known_hosts files say about the key a host offered (OpenSSH's HOST_OK/NEW/CHANGED/REVOKED). */
export type HostKeyVerdict =
  | { readonly status: "known"; readonly where: string }
  | { readonly status: "revoked"; readonly where: string }
  | { readonly status: "changed"; readonly known: readonly KnownKey[] }
  | { readonly status: "unknown"; readonly otherTypes: readonly string[]; readonly certAuthorities: number };

/** A known_hosts file's text, with its path for messages. */
export interface KnownHostsFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The name OpenSSH looks a host up by: the host name in lower case, or `[host]:port` when the
 * port is not 22 (sshconnect.c's put_host_port).
 */
export function hostLookupName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

/** SHA256 fingerprint as `ssh-keygen -l` prints it: "SHA256:" and unpadded base64. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

/** The key type written at the start of an SSH public key blob (a uint32 length, then the name). */
export function keyTypeOf(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) return undefined;
  return blob.subarray(4, 4 + length).toString("latin1");
}

/** OpenSSH's match_pattern: `*` any run of characters, `?` one character, nothing else special. */
function matchesPattern(name: string, pattern: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "s").test(name);
}

/**
 * OpenSSH's match_hostname over a comma-separated pattern list: true when a pattern matches and
 * no negated (`!`) pattern does; a hashed entry (`|1|salt|hash`) is HMAC-SHA1 of the name keyed by the salt.
 */
export function hostMatches(field: string, name: string): boolean {
  if (field.startsWith("|")) {
    const [, magic, salt, hash] = field.split("|");
    if (magic !== "1" || salt === undefined || hash === undefined) return false;
    const expected = createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64");
    return expected === hash;
  }
  let positive = false;
  for (const raw of field.toLowerCase().split(",")) {
    const negated = raw.startsWith("!");
    const pattern = negated ? raw.slice(1) : raw;
    if (pattern === "" || !matchesPattern(name, pattern)) continue;
    if (negated) return false;
    positive = true;
  }
  return positive;
}

/** The key lines of one file that apply to `name`; comments, blank and malformed lines are skipped, as OpenSSH does. */
export function keysForHost(file: KnownHostsFile, name: string): KnownKey[] {
  const keys: KnownKey[] = [];
  const lines = file.text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const fields = line.trim().split(/[ \t]+/);
    if (fields[0] === undefined || fields[0] === "" || fields[0].startsWith("#")) return;
    let marker: KnownKey["marker"];
    if (fields[0].startsWith("@")) {
      const word = fields.shift();
      if (word === "@revoked") marker = "revoked";
      else if (word === "@cert-authority") marker = "cert-authority";
      else return; // an unknown marker: OpenSSH ignores the line
    }
    const [hosts, , base64] = fields;
    if (hosts === undefined || base64 === undefined || !hostMatches(hosts, name)) return;
    const blob = Buffer.from(base64, "base64");
    const type = keyTypeOf(blob);
    if (type === undefined) return;
    keys.push({ type, blob, marker, where: `${file.path}:${index + 1}` });
  });
  return keys;
}

/**
 * Judge the key a server offered the way OpenSSH's check_key_in_hostkeys does: a matching
 * @revoked line wins, then an equal plain key, then a plain key of the same type (changed);
 * otherwise the host is unknown. @cert-authority lines vouch only for host certificates, which
 * the ssh client imgs uses does not request, so they never accept a plain key.
 */
export function verifyHostKey(files: readonly KnownHostsFile[], name: string, offered: Buffer): HostKeyVerdict {
  const keys = files.flatMap((file) => keysForHost(file, name));
  const revoked = keys.find((key) => key.marker === "revoked" && key.blob.equals(offered));
  if (revoked) return { status: "revoked", where: revoked.where };
  const plain = keys.filter((key) => key.marker === undefined);
  const same = plain.find((key) => key.blob.equals(offered));
  if (same) return { status: "known", where: same.where };
  const type = keyTypeOf(offered);
  const sameType = plain.filter((key) => key.type === type);
  if (sameType.length > 0) return { status: "changed", known: sameType };
  return {
    status: "unknown",
    otherTypes: [...new Set(plain.map((key) => key.type))],
    certAuthorities: keys.filter((key) => key.marker === "cert-authority").length,
  };
}

/** Key types known for a host, for ordering the host key algorithms (OpenSSH's order_hostkeyalgs). */
export function knownKeyTypes(files: readonly KnownHostsFile[], name: string): string[] {
  const types = files.flatMap((file) => keysForHost(file, name)).filter((key) => key.marker === undefined).map((key) => key.type);
  return [...new Set(types)];
}
