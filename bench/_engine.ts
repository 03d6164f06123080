import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const engineScript = fileURLToPath(new URL("../scripts/engine.sh", import.meta.url));

/** Run scripts/engine.sh (starts an engine if none answers, makes the base images), showing its progress. */
export function ensureEngine(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile("bash", [engineScript], (error) => {
      if (error) reject(new Error(`bash ${engineScript} failed`, { cause: error }));
      else resolve();
    });
    // The script reports progress on stderr; making the base images can take a minute.
    child.stderr?.pipe(process.stderr);
  });
}
