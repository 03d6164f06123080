// The rule engine against docker/metadata-action's released bundle, for what its own libraries
// decide: moment-timezone ({{date}}), @renovate/pep440 (type=pep440) and csv-parse (rule lines).
// Each row's `expected` was recorded from metadata-action; with METADATA_ACTION_DIR set, every row
// is also run through metadata-action itself and both imgs and the recording must equal its output.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { metadataActionDir, runMetadataAction } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { computeRefTagsSync } from "./compute.js";
import { RefContextInvalidError } from "./errors.js";

const SHA = "a3c1f9e27d5b48c0e6f1a2b3c4d5e6f708192a3b";
const NOW = "2017-09-14T07:32:17Z";
const COMMIT_DATE = "2017-09-13T22:05:09Z";
const MA = metadataActionDir();

/** What a run gives: its tags, or (part of) the message it fails with. */
type Outcome = { readonly tags: readonly string[] } | { readonly error: string };

interface Row {
  readonly rules: readonly string[];
  /** The ref built (default refs/heads/main). */
  readonly ref?: string;
  readonly expected: Outcome;
}

function imgsOutcome(row: Row): Outcome {
  const context = { eventName: "push", ref: row.ref ?? "refs/heads/main", sha: SHA, defaultBranch: "main", commitDate: COMMIT_DATE, now: NOW };
  try {
    return { tags: computeRefTagsSync({ tags: row.rules, flavor: ["latest=false"], context }).tags };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function metadataActionOutcome(dir: string, row: Row): Promise<Outcome> {
  const result = await runMetadataAction(dir, {
    inputs: { tags: row.rules, flavor: ["latest=false"] },
    env: { GITHUB_EVENT_NAME: "push", GITHUB_REF: row.ref ?? "refs/heads/main", GITHUB_SHA: SHA },
    event: { repository: { default_branch: "main" }, head_commit: { id: SHA, timestamp: COMMIT_DATE } },
    repo: { name: "widget", default_branch: "main" },
    now: NOW,
  });
  if (result.exitCode !== 0) return { error: [...result.errors, result.stderr].join("\n") };
  return { tags: result.outputs["tags"] ? (result.outputs["tags"] ?? "").split("\n") : [] };
}

/** An error outcome matches when the actual message contains the recorded one. */
function expectOutcome(actual: Outcome, expected: Outcome): void {
  if ("error" in expected && "error" in actual) expect(actual.error).toContain(expected.error);
  else expect(actual).toEqual(expected);
}

const raw = (value: string): string => `type=raw,value=${value}`;

const ROWS: Readonly<Record<string, Row>> = {
  // moment-timezone's `z`: tzdb letters where it has them, else the offset (the two zones).
  "date z in Asia/Dubai": { rules: [raw("{{date 'ha z' tz='Asia/Dubai'}}")], expected: { tags: ["11am-04"] } },
  "date z in Asia/Shanghai": { rules: [raw("{{date 'ha z' tz='Asia/Shanghai'}}")], expected: { tags: ["3pm-CST"] } },
  "date z in America/Chihuahua": { rules: [raw("{{date 'ha z' tz='America/Chihuahua'}}")], expected: { tags: ["1am-MDT"] } },
  "date in Europe/Paris": { rules: [raw("{{date 'YYYYMMDD-HHmm' tz='Europe/Paris'}}")], expected: { tags: ["20170914-0932"] } },
  "ISO week": { rules: [raw("{{date 'GGGG-[W]WW-E'}}")], expected: { tags: ["2017-W37-4"] } },
  "long format": { rules: [raw("{{date 'LLLL z' tz='America/New_York'}}")], expected: { tags: ["Thursday-September-14-2017-3-32-AM-EDT"] } },
  "commit date": { rules: [raw("{{commit_date 'YYYY-MM-DDTHH:mm:ss Z' tz='Asia/Tokyo'}}")], expected: { tags: ["2017-09-14T07-05-09-09-00"] } },
  "date without a format": { rules: [raw("{{date ''}}")], expected: { tags: ["2017-09-14T07-32-17Z"] } },
  // @renovate/pep440's clean: a local part's pieces are joined with commas.
  "pep440 local version": { rules: ["type=pep440,pattern={{version}}"], ref: "refs/tags/1.0+local.01", expected: { tags: ["1.0-local-1"] } },
  "pep440 epoch and local": { rules: ["type=pep440,pattern={{version}}"], ref: "refs/tags/1!2.0+local.1", expected: { tags: ["1-2.0-local-1"] } },
  "pep440 parts": { rules: ["type=pep440,pattern={{major}}.{{minor}}.{{patch}}"], ref: "refs/tags/v1.2", expected: { tags: ["1.2.0"] } },
  "pep440 pre-release": { rules: ["type=pep440,pattern={{major}}"], ref: "refs/tags/1.1beta2", expected: { tags: ["1.1b2"] } },
  "pep440 post-release raw": { rules: ["type=pep440,pattern={{raw}}"], ref: "refs/tags/1.0-r4", expected: { tags: ["1.0-r4"] } },
  "pep440 post and dev": { rules: ["type=pep440,pattern={{version}}"], ref: "refs/tags/1.0.post2.dev3", expected: { tags: ["1.0.post2.dev3"] } },
  "pep440 not a version": { rules: ["type=pep440,pattern={{version}}"], ref: "refs/tags/1.2.x", expected: { tags: [] } },
  // csv-parse, twice: the input list (actions-toolkit's getInputList takes the quotes off), then each rule.
  "quoted field with a comma": { rules: ['type=raw,"value=a,b"'], expected: { tags: ["b"] } },
  "a whole line in quotes": { rules: ['"type=raw,value=a"'], expected: { tags: ["a"] } },
  "comment and blank lines": { rules: ["# the sha", "", "type=sha"], expected: { tags: ["sha-a3c1f9e"] } },
  "doubled quotes": { rules: ['type=raw,"value=say ""hi"""'], expected: { error: 'Invalid Opening Quote: a quote is found on field 1 at line 1, value is "value=say "' } },
  "spaces around fields": { rules: [" type = raw , value = spaced "], expected: { tags: ["spaced"] } },
  "quote inside a field": { rules: ['type=raw,value=a"b'], expected: { error: "Invalid Opening Quote: a quote is found on field 1 at line 1" } },
  "text after a closing quote": { rules: ['type=raw,"value=x"y'], expected: { error: 'Invalid Closing Quote: got "y" at line 1' } },
  "quote never closed": { rules: ['type=raw,"value=x'], expected: { error: "Quote Not Closed: the parsing is finished with an opening quote at line 1" } },
};

describe("computeRefTagsSync, as metadata-action's libraries decide", () => {
  it.each(Object.entries(ROWS))("gives metadata-action's result for: %s", async (_name, row) => {
    expectOutcome(imgsOutcome(row), row.expected);
    if (MA === undefined) return;
    const reference = await metadataActionOutcome(MA, row);
    expectOutcome(reference, row.expected);
    if ("tags" in reference) expect(imgsOutcome(row)).toEqual(reference);
  });

  it("formats `ha z` as metadata-action does in every zone moment-timezone knows", async () => {
    const recorded = JSON.parse(readFileSync(join(import.meta.dirname, "__fixtures__", "metadata-action-zones.json"), "utf8")) as {
      tags: Record<string, string>;
    };
    const moment = createRequire(import.meta.url)("moment-timezone") as { tz: { names(): string[] } };
    const zones = moment.tz.names();
    expect(Object.keys(recorded.tags)).toEqual(zones);
    const row = { rules: zones.map((zone, at) => raw(`${at}-{{date 'ha z' tz='${zone}'}}`)), expected: { tags: [] } };
    const strip = (outcome: Outcome): string[] => ("tags" in outcome ? outcome.tags.map((tag) => tag.slice(tag.indexOf("-") + 1)) : []);
    expect(strip(imgsOutcome(row))).toEqual(Object.values(recorded.tags));
    if (MA !== undefined) expect(strip(await metadataActionOutcome(MA, row))).toEqual(Object.values(recorded.tags));
  });

  it("throws RefContextInvalidError when the context has no run instant (the engine never reads the clock)", () => {
    const context = { eventName: "push", ref: "refs/heads/main", sha: SHA, defaultBranch: "main" } as unknown as Parameters<typeof computeRefTagsSync>[0]["context"];
    expect(() => computeRefTagsSync({ tags: [raw("{{date 'YYYY'}}")], context })).toThrow(RefContextInvalidError);
  });
});
