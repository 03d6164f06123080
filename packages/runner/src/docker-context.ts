import { createHash } from "node:crypto";
import { join } from "node:path";
import { DockerConfigError, UnknownDockerContextError } from "./errors/config.js";

/** Reads a file as text; undefined when it does not exist. */
export type ReadTextFile = (path: string) => string | undefined;

/** PEM texts of a TLS connection; each is optional, as in a context's tls folder. */
export interface TlsFiles {
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
}

/** Where a named docker context points. */
export interface ContextEndpoint {
  /** Endpoints.docker.Host, e.g. "unix:///run/user/1000/docker.sock" or "tcp://10.0.0.2:2376". */
  readonly host: string;
  readonly skipTlsVerify: boolean;
  readonly tls: TlsFiles;
}

interface ContextMeta {
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

/** Parse a JSON file that `docker` wrote; a broken one is a DockerConfigError naming the file. */
export function parseJsonFile(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DockerConfigError(path, "is not valid JSON", error);
  }
}

/** The context that config.json selects with `currentContext`, if any. */
export function currentContextOf(configDir: string, readFile: ReadTextFile): string | undefined {
  const path = join(configDir, "config.json");
  const text = readFile(path);
  if (text === undefined) return undefined;
  const config = parseJsonFile(path, text) as { currentContext?: unknown } | null;
  const current = config?.currentContext;
  return typeof current === "string" && current !== "" ? current : undefined;
}

/** Read ca.pem, cert.pem and key.pem of a folder, keeping those that exist. */
export function readTlsFiles(dir: string, readFile: ReadTextFile): TlsFiles {
  const ca = readFile(join(dir, "ca.pem"));
  const cert = readFile(join(dir, "cert.pem"));
  const key = readFile(join(dir, "key.pem"));
  return { ...(ca === undefined ? {} : { ca }), ...(cert === undefined ? {} : { cert }), ...(key === undefined ? {} : { key }) };
}

/**
 * Read a named context as the docker CLI stores it: metadata in contexts/meta/<sha256 of the name>/
 * meta.json, TLS material in contexts/tls/<sha256>/docker/{ca,cert,key}.pem.
 */
export function readContextEndpoint(name: string, source: string, configDir: string, readFile: ReadTextFile): ContextEndpoint {
  // The CLI names context folders by digest so that any context name is a safe folder name.
  const digest = createHash("sha256").update(name).digest("hex");
  const metaPath = join(configDir, "contexts", "meta", digest, "meta.json");
  const text = readFile(metaPath);
  if (text === undefined) throw new UnknownDockerContextError(name, metaPath, source);
  const docker = (parseJsonFile(metaPath, text) as ContextMeta | null)?.Endpoints?.docker;
  if (typeof docker?.Host !== "string" || docker.Host === "") {
    throw new DockerConfigError(metaPath, `context ${JSON.stringify(name)} has no Endpoints.docker.Host`);
  }
  const tlsDir = join(configDir, "contexts", "tls", digest, "docker");
  return {
    host: docker.Host,
    skipTlsVerify: docker.SkipTLSVerify === true,
    tls: readTlsFiles(tlsDir, readFile),
  };
}
