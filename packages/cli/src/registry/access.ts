import { join } from "node:path";
import { dockerCredentials, RegistryClient, type CredentialsLookup, type RequestEvent, type RetryPolicy } from "@imgs/registry";
import type { CliDeps } from "../deps.js";

/** How the registry commands talk to registries; tests and the bench shorten or count. */
export interface RegistryAccessOptions {
  /** Retries of transient failures (default @imgs/registry's DEFAULT_RETRY). */
  readonly retry?: Partial<RetryPolicy>;
  /** Milliseconds one attempt of a registry request may take (default 30 000). */
  readonly timeoutMs?: number;
  /** Called after every registry request (the bench counts them). */
  readonly onRequest?: (event: RequestEvent) => void;
  /** Aborts the command's registry work. */
  readonly signal?: AbortSignal;
}

/** The docker CLI's config folder: $DOCKER_CONFIG, else ~/.docker. */
export const dockerConfigDir = (env: CliDeps["env"]): string => env.DOCKER_CONFIG || join(env.HOME || "/root", ".docker");

/** Credentials as the docker CLI finds them (config.json auths, credsStore, credHelpers). */
export const credentialsOf = (deps: Pick<CliDeps, "env">): CredentialsLookup => dockerCredentials({ configDir: dockerConfigDir(deps.env), env: deps.env });

/** A registry client with the docker CLI's credentials and the run's clock. */
export function registryClientOf(deps: Pick<CliDeps, "env" | "clock">, options: RegistryAccessOptions): RegistryClient {
  return new RegistryClient({
    credentials: credentialsOf(deps),
    clock: deps.clock,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
}

/** The options with the run's stop signal (SIGINT, SIGTERM in the bin) when the caller gave none. */
export const withRunSignal = <T extends RegistryAccessOptions>(options: T, deps: Pick<CliDeps, "signal">): T =>
  options.signal !== undefined || deps.signal === undefined ? options : { ...options, signal: deps.signal };
