import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import type { RefContext } from "@imgs/taggers";
import type { CliDeps } from "../deps.js";

interface RefsArgs {
  tag?: string[];
  preset?: string[];
  flavor?: string[];
  image?: string[];
  label?: string[];
  annotation?: string[];
  ref?: string;
  sha?: string;
  event?: string;
  "default-branch"?: string;
  "base-ref"?: string;
  "pr-number"?: number;
  "pr-head-sha"?: string;
  "use-pr-head-sha"?: boolean;
  "commit-date"?: string;
  now?: string;
  context?: string;
  explain?: boolean;
  "highest-semver-latest"?: boolean;
  "short-sha-length"?: number;
  format?: string;
  "bake-target"?: string;
  output?: string;
  "git-dir"?: string;
  "list-presets"?: boolean;
}

/** `imgs refs`: docker/metadata-action's tags, labels and version for this repository. */
export function refsCommand(deps: CliDeps): CommandModule<object, RefsArgs> {
  return {
    command: "refs",
    describe: "Tags, labels and version from git refs with docker/metadata-action's rules",
    builder: (y) =>
      y
        .option("tag", { type: "string", array: true, alias: "t", describe: "A tag rule line, e.g. type=semver,pattern={{version}} (repeatable)" })
        .option("preset", { type: "string", array: true, describe: "A preset of rules (ltd-keeper, marketplace, cyber-dojo, docker-stacks)" })
        .option("flavor", { type: "string", array: true, describe: "A flavor line, e.g. latest=auto (repeatable)" })
        .option("image", { type: "string", array: true, describe: "An image line, e.g. ghcr.io/acme/app (repeatable); none gives bare tags" })
        .option("label", { type: "string", array: true, describe: "A custom label line key=value" })
        .option("annotation", { type: "string", array: true, describe: "A custom annotation line key=value" })
        .option("ref", { type: "string", describe: "Override the ref (refs/heads/…, refs/tags/…, refs/pull/N/merge)" })
        .option("sha", { type: "string", describe: "Override the commit sha" })
        .option("event", { type: "string", describe: "Override the event name (push, pull_request, schedule, …)" })
        .option("default-branch", { type: "string", describe: "Override the default branch" })
        .option("base-ref", { type: "string", describe: "Override the base ref" })
        .option("pr-number", { type: "number", describe: "Override the pull request number" })
        .option("pr-head-sha", { type: "string", describe: "Override the pull request head sha" })
        .option("use-pr-head-sha", { type: "boolean", describe: "Use the PR head sha for sha tags (default: DOCKER_METADATA_PR_HEAD_SHA)" })
        .option("commit-date", { type: "string", describe: "Override the commit date (ISO 8601)" })
        .option("now", { type: "string", describe: "Override the run time (ISO 8601)" })
        .option("context", {
          choices: ["workflow", "git"],
          default: "workflow",
          describe: "Where ref and sha come from, as metadata-action's context input: the CI's event (workflow), or the repository even in CI (git)",
        })
        .option("explain", { type: "boolean", describe: "Say which rule made each tag and why the others made none" })
        .option("highest-semver-latest", { type: "boolean", describe: "latest only for the highest stable semver tag of the repository" })
        .option("short-sha-length", { type: "number", describe: "Length of short sha tags (default: DOCKER_METADATA_SHORT_SHA_LENGTH, else 7)" })
        .option("format", { choices: ["text", "tags", "json", "github-output", "github-env", "bake"], default: "text", describe: "text: tags, version and labels; tags: one a line, for scripts" })
        .option("bake-target", { type: "string", default: "docker-metadata-action", describe: "Target name in the bake file" })
        .option("output", { type: "string", alias: "o", describe: "Write to this file instead of stdout" })
        .option("git-dir", { type: "string", describe: "Repository to read (default: the working directory)" })
        .option("list-presets", { type: "boolean", describe: "List the presets and their rules, then exit" }),
    handler: async (args) => {
      // Loaded when the command runs: `imgs --help` loads no rule engine.
      const { computeRefs, listPresets, renderRefs, writeFileAtomic } = await import("../apps/refs.js");
      if (args["list-presets"]) {
        deps.stdout.write(listPresets().map((p) => `${p.name}: ${p.description}\n  ${p.rules.join("\n  ")}\n`).join(""));
        return;
      }
      const result = await computeRefs(
        {
          tags: [...(args.preset ?? []).map((name) => `preset=${name}`), ...(args.tag ?? [])],
          flavor: args.flavor,
          images: args.image,
          labels: args.label,
          annotations: args.annotation,
          gitDir: args["git-dir"],
          source: args.context === "git" ? "git" : "workflow",
          context: contextOverrides(args),
          explain: args.explain,
          latestRequiresHighestSemver: args["highest-semver-latest"],
          shortShaLength: args["short-sha-length"],
          usePrHeadSha: args["use-pr-head-sha"],
        },
        deps,
      );
      const text = renderRefs(result, args.format ?? "text", args["bake-target"]);
      if (args.output) await writeFileAtomic(resolve(deps.cwd, args.output), text);
      else deps.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    },
  };
}

function contextOverrides(a: RefsArgs): Partial<RefContext> {
  const entries: Array<[keyof RefContext, unknown]> = [
    ["ref", a.ref],
    ["sha", a.sha],
    ["eventName", a.event],
    ["defaultBranch", a["default-branch"]],
    ["baseRef", a["base-ref"]],
    ["prNumber", a["pr-number"]],
    ["prHeadSha", a["pr-head-sha"]],
    ["commitDate", a["commit-date"]],
    ["now", a.now],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}
