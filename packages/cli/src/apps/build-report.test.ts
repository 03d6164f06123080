import { BuildFailedError } from "@imgs/runner";
import { describe, expect, it } from "vitest";
import { buildReporter, buildSummary } from "./build-report.js";

const output = (isTTY: boolean) => {
  let text = "";
  return { out: { isTTY, write: (chunk: string) => void (text += chunk) }, text: () => text };
};
const id = `sha256:${"ab".repeat(32)}`;
const failure = new BuildFailedError({ tags: [], dockerfile: "/r/mid/Dockerfile", reason: "exit 3", output: "Step 2/2 : RUN false\nboom", step: "Step 2/2 : RUN false" });

describe("buildReporter", () => {
  it("redraws each image's step on a terminal and prints a line when it settles", () => {
    const { out, text } = output(true);
    const reporter = buildReporter(out, {});
    reporter.onEvent({ type: "start", image: "base", parent: undefined });
    reporter.onEvent({ type: "step", image: "base", step: "Step 1/2 : FROM x" });
    reporter.onEvent({ type: "built", image: "base", id, tags: ["r/o/base:latest"] });
    reporter.onEvent({ type: "failed", image: "mid", error: failure });
    reporter.close();
    expect(text()).toContain("✔ base: built abababababab as r/o/base:latest");
    expect(text()).toContain("✖ mid: at Step 2/2 : RUN false: exit 3");
  });

  it("prints one line per step off a terminal, output lines only with verbose, warnings even when quiet", () => {
    const plain = output(false);
    const reporter = buildReporter(plain.out, { verbose: true });
    reporter.onEvent({ type: "start", image: "mid", parent: { image: "base", id } });
    reporter.onEvent({ type: "step", image: "mid", step: "Step 1/2 : FROM $BASE_IMAGE" });
    reporter.onEvent({ type: "output", image: "mid", line: " ---> 0123" });
    reporter.onEvent({ type: "skipped", image: "leaf", parent: "mid" });
    expect(plain.text()).toBe(
      "mid: building FROM base (abababababab)\nmid: Step 1/2 : FROM $BASE_IMAGE\nmid |  ---> 0123\nleaf: skipped (parent mid was not built)\n",
    );
    const quiet = output(false);
    const silent = buildReporter(quiet.out, { quiet: true });
    silent.onEvent({ type: "step", image: "mid", step: "Step 1/2 : FROM x" });
    silent.onEvent({ type: "warning", image: "mid", dockerfile: "/r/mid/Dockerfile", line: 2, message: "FROM x does not use BASE_IMAGE" });
    expect(quiet.text()).toBe("imgs: warning: /r/mid/Dockerfile:2: FROM x does not use BASE_IMAGE\n");
  });
});

describe("buildSummary", () => {
  it("counts, then names each failure's step, reason and log tail, then the skipped images", () => {
    const summary = buildSummary({ built: [], failed: [{ image: "mid", error: failure }], skipped: [{ image: "leaf", parent: "mid" }] });
    expect(summary).toBe(
      [
        "0 built, 1 failed, 1 skipped",
        "",
        "✖ mid: /r/mid/Dockerfile",
        "  step:   Step 2/2 : RUN false",
        "  reason: exit 3",
        "  last lines of the build log:",
        "  | Step 2/2 : RUN false",
        "  | boom",
        "- leaf: skipped, its parent mid was not built",
        "",
      ].join("\n"),
    );
  });
});
