import { execFileSync } from "node:child_process";

/** The local busybox-static image that scripts/engine.sh makes. */
export const BUSYBOX = "imgs.localhost/busybox:latest";

/** Full ids of the containers (running or not) that match `docker ps` filters such as "label=a=b". */
export function containerIds(...filters: string[]): string[] {
  const args = ["ps", "--all", "--quiet", "--no-trunc", ...filters.flatMap((filter) => ["--filter", filter])];
  return execFileSync("docker", args, { encoding: "utf8" }).split("\n").filter(Boolean);
}

/** Whether a container with this id still exists. */
export function containerExists(id: string): boolean {
  return containerIds(`id=${id}`).includes(id);
}

/** A container's labels, as the engine stored them. */
export function containerLabelsOf(id: string): Record<string, string> {
  const json = execFileSync("docker", ["inspect", "--format", "{{json .Config.Labels}}", id], { encoding: "utf8" });
  return JSON.parse(json) as Record<string, string>;
}

/** Force-remove containers by id (none is fine). */
export function removeContainers(ids: readonly string[]): void {
  if (ids.length > 0) execFileSync("docker", ["rm", "--force", ...ids], { stdio: "ignore" });
}

/** Full ids of the containers (running or not) whose command contains `text`, e.g. a marker in a RUN step. */
export function containersRunning(text: string): string[] {
  return execFileSync("docker", ["ps", "--all", "--no-trunc", "--format", "{{.ID}} {{.Command}}"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(text))
    .map((line) => line.slice(0, line.indexOf(" ")));
}
