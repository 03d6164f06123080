import type { ContainerInfo } from "dockerode";
import { describe, expect, it } from "vitest";
import { httpError } from "../__fixtures__/fake-docker.js";
import { judgeContainer, removeLeftoverContainers } from "./leftovers.js";
import { ownerLabels, ownerOf } from "./run-owner.js";

const NOW = new Date("2024-05-06T12:00:00Z");
const HOUR = 3_600_000;

function row(id: string, labels: Record<string, string>, ageMs = 60_000): ContainerInfo {
  return {
    Id: id.padEnd(64, "0"),
    Names: [`/${id}`],
    Image: "imgs.localhost/busybox:latest",
    Created: (NOW.getTime() - ageMs) / 1000,
    State: "running",
    Labels: { "dev.imgs.managed": "true", ...labels },
  } as unknown as ContainerInfo;
}

const here = { host: "h1", now: NOW, isProcessAlive: (pid: number) => pid === 100 };
const owned = (pid: number, host = "h1", timeLimitMs = 24 * HOUR) => ownerLabels({ runId: `r${pid}`, host, pid, timeLimitMs });

describe("judgeContainer", () => {
  it.each([
    ["a live run of this host", owned(100), 60_000, false, "its run r100 is alive (process 100 on this host)"],
    ["a dead run of this host, however young", owned(200), 1_000, true, "its run r200 is gone (no process 200 on this host)"],
    ["another host's run within its limit", owned(100, "h2"), 23 * HOUR, false, "made by run r100 on host h2; it may belong to a live run until its time limit passes at 2024-05-06T13:00:00.000Z"],
    ["another host's run past its limit", owned(100, "h2", 2 * HOUR), 3 * HOUR, true, "made by run r100 on host h2 3 h ago, past its time limit of 2 h"],
    ["no run id, young", {}, HOUR, false, "made without a run id (an older imgs); it may belong to a live run until its time limit passes at 2024-05-07T11:00:00.000Z"],
    ["no run id, a day old", {}, 25 * HOUR, true, "made without a run id (an older imgs) 25 h ago, past its time limit of 24 h"],
    ["a broken pid label, as no run id", { ...owned(100), "dev.imgs.pid": "x" }, HOUR, false, "made without a run id (an older imgs); it may belong to a live run until its time limit passes at 2024-05-07T11:00:00.000Z"],
  ])("%s", (_case, labels, ageMs, leftover, reason) => {
    expect(judgeContainer(row("c", labels, ageMs), here)).toMatchObject({ leftover, reason });
  });
});

describe("ownerOf", () => {
  it("reads back what ownerLabels wrote, the time limit in whole seconds", () => {
    expect(ownerOf(ownerLabels({ runId: "r", host: "h", pid: 7, timeLimitMs: 1500 }))).toEqual({ runId: "r", host: "h", pid: 7, timeLimitMs: 2000 });
  });
});

describe("removeLeftoverContainers", () => {
  it("lists only managed containers with the given labels, removes the leftovers, tolerates those already gone and reports the rest", async () => {
    const removed: string[] = [];
    const listed: unknown[] = [];
    const docker = {
      listContainers: (options: unknown) => {
        listed.push(options);
        return Promise.resolve([row("dead1", owned(201)), row("dead2", owned(202)), row("dead3", owned(203)), row("live", owned(100))]);
      },
      getContainer: (id: string) => ({
        remove: () => {
          if (id.startsWith("dead2")) return Promise.reject(httpError(404, "No such container"));
          if (id.startsWith("dead3")) return Promise.reject(httpError(500, "driver failed"));
          removed.push(id.slice(0, 5));
          return Promise.resolve();
        },
      }),
    };
    const report = await removeLeftoverContainers({ docker, endpoint: "unix:///x.sock", ...here, labels: { "dev.imgs.test-run": "t1" } });
    expect(listed).toEqual([{ all: true, filters: { label: ["dev.imgs.managed=true", "dev.imgs.test-run=t1"] } }]);
    expect(removed).toEqual(["dead1"]);
    expect(report.removed.map((id) => id.slice(0, 5))).toEqual(["dead1", "dead2"]);
    expect(report.failures.map(({ id }) => id.slice(0, 5))).toEqual(["dead3"]);
    const dry = await removeLeftoverContainers({ docker, endpoint: "unix:///x.sock", ...here, dryRun: true });
    expect(dry.removed).toEqual([]);
    expect(dry.verdicts.filter((v) => v.leftover)).toHaveLength(3);
  });
});
