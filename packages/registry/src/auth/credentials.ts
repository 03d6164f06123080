import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { hasErrorCode } from "@imgs/errors";
import { DockerConfigInvalidError } from "../errors.js";
import { DEFAULT_REGISTRY } from "@imgs/reference";
import { runCredentialHelper } from "./credential-helper.js";

/** Credentials for one registry: a user and password, or an identity (refresh) token. */
export type Credentials =
  | { readonly username: string; readonly password: string }
  | { readonly identityToken: string; readonly username?: string }
  | { readonly registryToken: string };

/** Where the docker CLI's credentials are: its config folder and the environment of its helpers. */
export interface DockerCredentialsOptions {
  /** The docker config folder: $DOCKER_CONFIG, else ~/.docker (the CLI decides; this package reads no env). */
  readonly configDir: string;
  /** Environment of docker-credential-* helpers (their PATH). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds a helper may take; default 30 000. */
  readonly helperTimeoutMs?: number;
}

/** Looks up the credentials of a registry host; undefined means anonymous. */
export type CredentialsLookup = (registry: string) => Promise<Credentials | undefined>;

interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
  registrytoken?: string;
}

interface DockerConfigFile {
  auths?: Record<string, AuthEntry>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** The key the docker CLI stores Docker Hub's credentials under. */
const HUB_SERVER = "https://index.docker.io/v1/";

/** docker's ConvertToHostname: "https://host:5000/v1/" is "host:5000". */
const hostOf = (key: string): string => key.replace(/^https?:\/\//, "").split("/")[0] ?? key;

async function readConfig(file: string): Promise<DockerConfigFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (hasErrorCode(error, "ENOENT", "ENOTDIR")) return {};
    throw new DockerConfigInvalidError(file, "cannot be read", error);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not a JSON object");
    return parsed;
  } catch (error) {
    throw new DockerConfigInvalidError(file, `is not valid JSON (${(error as Error).message})`, error);
  }
}

function fromEntry(entry: AuthEntry, file: string, key: string): Credentials | undefined {
  if (entry.identitytoken) return { identityToken: entry.identitytoken, ...(entry.username ? { username: entry.username } : {}) };
  if (entry.registrytoken) return { registryToken: entry.registrytoken };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new DockerConfigInvalidError(file, `auths["${key}"].auth is not base64 of "user:password"`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (entry.username !== undefined && entry.password !== undefined) return { username: entry.username, password: entry.password };
  return undefined;
}

/**
 * The credentials the docker CLI would use for a registry host, from `config.json` in the config
 * folder: `credHelpers[host]`, else `credsStore`, run as `docker-credential-<name> get`; else the
 * `auths` entry whose key is the host (or a URL of it; Docker Hub's is https://index.docker.io/v1/);
 * else anonymous. The file is read once per lookup function. Throws DockerConfigInvalidError for
 * an unreadable file and CredentialHelperFailedError for a failing helper.
 */
export function dockerCredentials(options: DockerCredentialsOptions): CredentialsLookup {
  const file = join(options.configDir, "config.json");
  let config: Promise<DockerConfigFile> | undefined;
  return async (registry) => {
    const { auths = {}, credsStore, credHelpers = {} } = await (config ??= readConfig(file));
    const server = registry === DEFAULT_REGISTRY ? HUB_SERVER : registry;
    const helper = credHelpers[registry] ?? credsStore;
    if (helper) {
      return runCredentialHelper(helper, server, { env: options.env, timeoutMs: options.helperTimeoutMs ?? 30_000 });
    }
    const key = server in auths ? server : Object.keys(auths).find((k) => hostOf(k) === hostOf(server));
    return key === undefined ? undefined : fromEntry(auths[key] ?? {}, file, key);
  };
}

/** No credentials for any registry. */
export const anonymous: CredentialsLookup = () => Promise.resolve(undefined);

/**
 * The credentials as the Docker engine takes them in X-Registry-Auth (dockerode's `authconfig`),
 * for pushes through the engine with the same credentials imgs itself uses.
 */
export function engineAuthConfig(registry: string, credentials: Credentials | undefined): Record<string, string> {
  const serveraddress = registry === DEFAULT_REGISTRY ? HUB_SERVER : registry;
  if (credentials === undefined) return { serveraddress };
  if ("password" in credentials) return { username: credentials.username, password: credentials.password, serveraddress };
  if ("identityToken" in credentials) return { identitytoken: credentials.identityToken, serveraddress };
  return { registrytoken: credentials.registryToken, serveraddress };
}
