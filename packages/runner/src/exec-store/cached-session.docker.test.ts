import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUSYBOX, labelNewContainers, processDocker, recordContainerEvents, testEngine, testRunLabel } from "@imgs/test-utils";
import { afterAll, describe, expect, it } from "vitest";
import { inspectImage } from "../images.js";
import { startContainer } from "../start-container.js";
import { cachedSession, readEngineFacts } from "./cached-session.js";
import { createFileExecStore } from "./file-exec-store.js";

const dir = mkdtempSync(join(tmpdir(), "imgs-exec-store-docker-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cachedSession on the real engine", () => {
  it("starts one container on the first run and none on the second, with the same results", async () => {
    const { docker } = processDocker();
    const engine = await readEngineFacts(docker);
    expect(engine.cpus).toBeGreaterThan(0);
    const { id } = await inspectImage(BUSYBOX, { docker });
    const store = createFileExecStore({ dir, now: () => new Date() });
    const label = labelNewContainers();
    try {
      const runOnce = async (): Promise<{ outputs: string[]; created: number }> => {
        const events = await recordContainerEvents([testRunLabel(), label.label]);
        const session = cachedSession({ open: () => startContainer({ image: BUSYBOX, docker, labels: testEngine().labels }), image: BUSYBOX, imageId: id, engine, store });
        const outputs = await Promise.all([session.exec("uname -m"), session.exec(["sh", "-c", "echo $((6 * 7))"]), session.exec(["ls", "/bin/busybox"])]).then((r) => r.map((x) => x.stdout));
        await session.close();
        return { outputs, created: (await events.settle()).filter((e) => e.action === "create").length };
      };
      const first = await runOnce();
      const second = await runOnce();
      expect(first.created).toBe(1);
      expect(second.created).toBe(0);
      expect(second.outputs).toEqual(first.outputs);
      expect(first.outputs[1]).toBe("42\n");
    } finally {
      label.restore();
    }
  });
});
