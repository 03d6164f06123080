import { testEngine } from "@imgs/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quotedOutput } from "./quoted-output.js";
import { startContainer } from "./start-container.js";
import type { ContainerSession } from "./types.js";

// Debian's apt, which warns on stderr when its output is not a terminal (scripts/engine.sh makes the image).
const DEBIAN = "imgs.localhost/debian:bookworm";

describe("quotedOutput on a real engine", () => {
  let session: ContainerSession;
  beforeAll(async () => {
    session = await startContainer({ ...testEngine(), image: DEBIAN });
  });
  afterAll(async () => {
    await session.close();
  });

  it("quotes `apt list --installed` with apt's warning first, as docker-stacks' manifests have it, the same every run", async () => {
    const outputs = new Set<string>();
    for (let run = 0; run < 5; run += 1) outputs.add(await quotedOutput(session, "apt list --installed"));
    expect(outputs.size).toBe(1);
    const [output] = outputs;
    expect(output).toMatch(/^`apt list --installed`:\n\n```text\nWARNING: apt does not have a stable CLI interface\. Use with caution in scripts\.\n\nListing\.\.\.\nadduser\//);
    expect(output).toMatch(/\n```$/);
  });

  it("quotes a program that writes both streams at once as stderr then stdout, every run", async () => {
    const outputs = new Set<string>();
    for (let run = 0; run < 10; run += 1) outputs.add(await quotedOutput(session, "sh -c 'echo banner; echo warning >&2'"));
    expect([...outputs]).toEqual(["`sh -c 'echo banner; echo warning >&2'`:\n\n```text\nwarning\nbanner\n```"]);
  });
});
