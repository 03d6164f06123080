import { spawn } from "node:child_process";
import { CredentialHelperFailedError } from "../errors.js";
import type { Credentials } from "./credentials.js";

/** What a helper run needs: the environment its program is found and run in, and a time limit. */
export interface CredentialHelperOptions {
  /** Environment of the helper process; its PATH finds `docker-credential-<name>`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds the helper may take (a keychain prompt must not hang imgs). */
  readonly timeoutMs: number;
}

// What helpers print when they hold nothing for the server (docker-credential-helpers' errCredentialsNotFound).
const NOT_FOUND = "credentials not found in native keychain";
// Username that marks Secret as an identity (refresh) token rather than a password.
const TOKEN_USERNAME = "<token>";

/**
 * Runs `docker-credential-<helper> get` with the server address on stdin, as the docker CLI does
 * (github.com/docker/docker-credential-helpers' client protocol), argv only, no shell. Returns
 * undefined when the helper holds nothing for the server. Throws CredentialHelperFailedError when
 * the program is missing, fails, times out or prints something that is not its JSON answer.
 */
export function runCredentialHelper(helper: string, serverAddress: string, options: CredentialHelperOptions): Promise<Credentials | undefined> {
  const program = `docker-credential-${helper}`;
  return new Promise((resolve, reject) => {
    const fail = (reason: string, cause?: unknown): void => reject(new CredentialHelperFailedError(program, serverAddress, reason, cause));
    const child = spawn(program, ["get"], { env: { ...options.env }, stdio: ["pipe", "pipe", "pipe"], timeout: options.timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "ENOENT" ? `${program} is not on PATH (named by credsStore/credHelpers in the docker config)` : error.message, error),
    );
    child.on("close", (code, signal) => {
      const said = (stdout.trim() || stderr.trim()).split("\n")[0] ?? "";
      if (signal) return fail(`stopped by ${signal}${signal === "SIGTERM" ? ` after ${options.timeoutMs} ms` : ""}`);
      if (code !== 0) return said.includes(NOT_FOUND) ? resolve(undefined) : fail(`exited with status ${code}: ${said}`);
      let answer: { Username?: unknown; Secret?: unknown };
      try {
        answer = JSON.parse(stdout) as typeof answer;
      } catch (error) {
        return fail(`printed something that is not JSON: ${said}`, error);
      }
      if (typeof answer.Username !== "string" || typeof answer.Secret !== "string") return fail("answered without a Username and Secret");
      if (answer.Username === TOKEN_USERNAME) return resolve({ identityToken: answer.Secret });
      resolve({ username: answer.Username, password: answer.Secret });
    });
    child.stdin.on("error", () => undefined); // a helper that exits without reading stdin is judged by its exit status
    child.stdin.end(serverAddress);
  });
}
