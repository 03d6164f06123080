import { describe, expect, it } from "vitest";
import { countingDocker } from "./_counting-docker.js";

type Docker = Parameters<typeof countingDocker>[0];

/** Just enough of dockerode: containers whose exec and remove resolve, or fail when asked to. */
function fakeDocker(options: { removeFails?: boolean } = {}): Docker {
  const container = {
    id: "c1",
    exec: () => Promise.resolve({ id: "e1" }),
    remove: () => (options.removeFails ? Promise.reject(new Error("no such container")) : Promise.resolve()),
  };
  return { modem: {}, createContainer: () => Promise.resolve(container) } as unknown as Docker;
}

describe("countingDocker", () => {
  it("counts containers created and removed and execs, and take() zeroes them", async () => {
    const counting = countingDocker(fakeDocker());
    const container = await counting.docker.createContainer({ Image: "i" });
    await container.exec({ Cmd: ["true"] });
    await container.exec({ Cmd: ["false"] });
    await container.remove({ force: true });
    expect(container.id).toBe("c1");
    expect(counting.take()).toEqual({ containers: 1, removed: 1, execs: 2 });
    expect(counting.take()).toEqual({ containers: 0, removed: 0, execs: 0 });
  });

  it("does not count a removal that fails", async () => {
    const counting = countingDocker(fakeDocker({ removeFails: true }));
    const container = await counting.docker.createContainer({ Image: "i" });
    await expect(container.remove({ force: true })).rejects.toThrow("no such container");
    expect(counting.take()).toEqual({ containers: 1, removed: 0, execs: 0 });
  });
});
