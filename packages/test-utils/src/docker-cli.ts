import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import { homedir, userInfo } from "node:os";
import { containerLabels, createDocker } from "@imgs/runner";
import { LABELS_ENV } from "@imgs/runner/internal";
import type { DockerClient } from "@imgs/runner";

const run = promisify(execFile);

let client: DockerClient | undefined;

/** The engine of this process's environment (DOCKER_HOST, context, default socket), made once; tests and benches only. */
export function processDocker(): DockerClient {
  client ??= createDocker({ env: process.env, homeDir: homedir(), localUser: userInfo().username });
  return client;
}

/**
 * What startContainer needs in a test: the engine, and labels that mark the container as this test
 * run's (IMGS_CONTAINER_LABELS, set by the Docker project's global setup), so its teardown counts it.
 */
export function testEngine(): { docker: DockerClient["docker"]; labels: Record<string, string> } {
  return { docker: processDocker().docker, labels: containerLabels(process.env) };
}

/** The local busybox image scripts/engine.sh makes; every test image here starts from it. */
export const BUSYBOX = "imgs.localhost/busybox:latest";

/** Run the docker CLI with an argument array (no shell) and return its stdout. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run("docker", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Whether the local engine has this image. */
export async function imageExists(ref: string): Promise<boolean> {
  return docker("image", "inspect", "--format", "{{.Id}}", ref).then(
    () => true,
    () => false,
  );
}

/** Build a test image from a fixture folder with the docker CLI; remove it with `docker rmi` when done. */
export async function buildTestImage(tag: string, folder: URL | string, buildArgs: Readonly<Record<string, string>> = {}): Promise<void> {
  const args = Object.entries(buildArgs).flatMap(([k, v]) => ["--build-arg", `${k}=${v}`]);
  await docker("build", "--quiet", ...args, "--tag", tag, typeof folder === "string" ? folder : fileURLToPath(folder));
}

/** `--label k=v` arguments for the labels of this test run (IMGS_CONTAINER_LABELS, read now). */
const labelArgs = (): string[] =>
  (process.env[LABELS_ENV] ?? "")
    .split(",")
    .filter(Boolean)
    .flatMap((label) => ["--label", label]);

/**
 * Run a program in a fresh container (`docker run --rm`, no network) with the docker CLI: an
 * independent check of what imgs reports. The container carries this run's labels.
 */
export function dockerRun(image: string, ...argv: string[]): Promise<string> {
  return docker("run", "--rm", "--network", "none", ...labelArgs(), image, ...argv);
}

/**
 * An extra label on every container imgs starts from now on in this test file, so the engine's
 * events and `docker ps` can tell them from those of test files running beside it (which share
 * the run's label). `restore()` puts the environment back.
 */
export function labelNewContainers(): { readonly label: string; restore(): void } {
  const previous = process.env[LABELS_ENV];
  const label = `dev.imgs.test-case=${randomUUID()}`;
  process.env[LABELS_ENV] = [previous, label].filter(Boolean).join(",");
  return {
    label,
    restore: () => {
      if (previous === undefined) delete process.env[LABELS_ENV];
      else process.env[LABELS_ENV] = previous;
    },
  };
}

/** A container's `create` or `destroy`, as the engine's event stream reports it. */
export interface ContainerEvent {
  readonly action: "create" | "destroy";
  readonly id: string;
  /** The image the container was created from, as named in the request. */
  readonly image: string;
}

/** What recordContainerEvents has seen, and how to end it. */
export interface ContainerEventLog {
  /** Wait until every created container was destroyed too (or `timeoutMs` passed), then stop recording. */
  settle(timeoutMs?: number): Promise<ContainerEvent[]>;
}

/**
 * Records, live, the engine's create and destroy events of containers carrying every one of
 * `labels` (`docker events --filter`). Live rather than `--since`: the engine keeps only its last
 * 256 events for replay, and Docker tests running beside this one make many (every exec is three).
 */
export async function recordContainerEvents(labels: readonly string[]): Promise<ContainerEventLog> {
  const stream = (await processDocker().docker.getEvents({
    filters: { type: ["container"], event: ["create", "destroy"], label: [...labels] },
  })) as Readable;
  const events: ContainerEvent[] = [];
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    // One JSON object a line; a chunk may end inside a line.
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines.filter((l) => l.trim() !== "")) {
      const event = JSON.parse(line) as { Action: "create" | "destroy"; Actor: { ID: string; Attributes: Record<string, string> } };
      events.push({ action: event.Action, id: event.Actor.ID, image: event.Actor.Attributes.image ?? "" });
    }
  });
  const settled = (): boolean => events.every((e) => e.action === "destroy" || events.some((d) => d.action === "destroy" && d.id === e.id));
  return {
    async settle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!settled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      stream.destroy();
      return events;
    },
  };
}

/** Full ids of the containers (running or not) that match `docker ps` filters such as "label=a=b", "status=running". */
export async function containerIds(...filters: string[]): Promise<string[]> {
  const out = await docker("ps", "--all", "--quiet", "--no-trunc", ...filters.flatMap((filter) => ["--filter", filter]));
  return out.split("\n").filter(Boolean);
}

/** Ids of the containers (running or not) carrying this label. */
export const containersWithLabel = (label: string): Promise<string[]> => containerIds(`label=${label}`);

/** Whether a container with this id exists. */
export async function containerExists(id: string): Promise<boolean> {
  return (await containerIds(`id=${id}`)).includes(id);
}

/** A container's labels, as the engine stored them. */
export async function containerLabelsOf(id: string): Promise<Record<string, string>> {
  return JSON.parse(await docker("inspect", "--format", "{{json .Config.Labels}}", id)) as Record<string, string>;
}

/** Force-remove containers by id (none is fine). */
export async function removeContainers(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await docker("rm", "--force", ...ids);
}

/** Full ids of the containers (running or not) whose command contains `text`, e.g. a marker in a RUN step. */
export async function containersRunning(text: string): Promise<string[]> {
  const out = await docker("ps", "--all", "--no-trunc", "--format", "{{.ID}} {{.Command}}");
  return out
    .split("\n")
    .filter((line) => line.includes(text))
    .map((line) => line.slice(0, line.indexOf(" ")));
}

/** This test run's `dev.imgs.test-run=<id>` label, which the docker project's global setup sets. */
export const testRunLabel = (): string => {
  const pair = (process.env[LABELS_ENV] ?? "").split(",").find((p) => p.startsWith("dev.imgs.test-run="));
  if (!pair) throw new Error(`${LABELS_ENV} has no dev.imgs.test-run label; run the docker project's global setup`);
  return pair;
};
