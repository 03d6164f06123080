import { fakeReplyContext } from "@imgs/test-utils";
import { describe, expect, it } from "vitest";
import { runTagger } from "../run-tagger.js";
import { builtinTaggers } from "./builtin-taggers.js";

const UBUNTU = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
UBUNTU_CODENAME=noble
`;
const DEBIAN = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
`;
const ALPINE = "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n";
const R_BANNER = `R version 4.4.1 (2024-06-14) -- "Race for Your Life"
Copyright (C) 2024 The R Foundation for Statistical Computing
Platform: x86_64-conda-linux-gnu

R is free software and comes with ABSOLUTELY NO WARRANTY.
`;
const SPARK_BANNER = String.raw`Welcome to
      ____              __
     / __/__  ___ _____/ /__
    _\ \/ _ \/ _ ${"`"}/ __/  '_/
   /___/ .__/\_,_/_/ /_/\_\   version 3.5.1
      /_/
                        
Using Scala version 2.12.18, OpenJDK 64-Bit Server VM, 17.0.11
Branch HEAD
Type --help for more information.
`;
const pipShow = (name: string, version: string) =>
  `Name: ${name}\nVersion: ${version}\nSummary: …\nHome-page: https://example.org\nLocation: /opt/conda/lib/python3.12/site-packages\nRequires: \nRequired-by: \n`;
const OPENJDK_17 = `openjdk 17.0.11 2024-04-16
OpenJDK Runtime Environment (build 17.0.11+9-Ubuntu-1)
OpenJDK 64-Bit Server VM (build 17.0.11+9-Ubuntu-1, mixed mode, sharing)
`;

describe("builtinTaggers", () => {
  it.each([
    ["python", "python --version", { stdout: "Python 3.12.4\n" }, "python-3.12.4"],
    ["python", "python --version", { stderr: "Python 2.7.18\n" }, "python-2.7.18"],
    ["python-major-minor", "python --version", { stdout: "Python 3.12.4\n" }, "python-3.12"],
    ["python-major-minor", "python --version", { stdout: "Python 3.13.0rc1\n" }, "python-3.13"],
    ["ubuntu-version", "cat /etc/os-release", { stdout: UBUNTU }, "ubuntu-24.04"],
    ["ubuntu-version", "cat /etc/os-release", { stdout: DEBIAN }, "ubuntu-12"],
    ["os-version", "cat /etc/os-release", { stdout: DEBIAN }, "debian-12"],
    ["os-version", "cat /etc/os-release", { stdout: UBUNTU }, "ubuntu-24.04"],
    ["os-version", "cat /etc/os-release", { stdout: ALPINE }, "alpine-3.20.3"],
    ["conda", "conda --version", { stdout: "conda 24.11.3\n" }, "conda-24.11.3"],
    ["mamba", "mamba --version", { stdout: "2.0.5\n" }, "mamba-2.0.5"],
    ["mamba", "mamba --version", { stdout: "mamba 1.5.8\nconda 24.3.0\n" }, "mamba-1.5.8"],
    ["jupyter-notebook", "jupyter-notebook --version", { stdout: "7.2.1\n" }, "notebook-7.2.1"],
    ["jupyter-lab", "jupyter-lab --version", { stdout: "4.2.3\n" }, "lab-4.2.3"],
    ["jupyter-hub", "jupyterhub --version", { stdout: "5.0.0\n" }, "hub-5.0.0"],
    ["r", "R --version", { stdout: R_BANNER }, "r-4.4.1"],
    ["julia", "julia --version", { stdout: "julia version 1.10.4\n" }, "julia-1.10.4"],
    ["tensorflow", "pip show tensorflow", { stdout: pipShow("tensorflow", "2.16.1") }, "tensorflow-2.16.1"],
    ["pytorch", "pip show torch", { stdout: pipShow("torch", "2.3.1+cu121") }, "pytorch-2.3.1"],
    ["pytorch", "pip show torch", { stdout: pipShow("torch", "2.3.1") }, "pytorch-2.3.1"],
    ["spark", "spark-submit --version", { stderr: SPARK_BANNER }, "spark-3.5.1"],
    ["java", "java --version", { stdout: OPENJDK_17 }, "java-17.0.11"],
    ["java", "java --version", { stdout: "java 21.0.2 2024-01-16 LTS\nJava(TM) SE Runtime Environment\n" }, "java-21.0.2"],
    ["node", "node --version", { stdout: "v20.11.1\n" }, "node-20.11.1"],
  ])("%s reads %j and returns %4$s", async (name, command, reply, expected) => {
    const { ctx, container } = fakeReplyContext({ [command]: reply });
    await expect(builtinTaggers[name]?.(ctx)).resolves.toBe(expected);
    expect(container.calls).toEqual([command]);
  });

  it("returns the first 12 characters of the commit for commit-sha", async () => {
    await expect(runTagger(builtinTaggers["commit-sha"]!, fakeReplyContext().ctx)).resolves.toEqual(["0123456789ab"]);
  });

  it.each([
    ["2024-07-01T23:59:59Z", "2024-07-01"],
    ["2024-07-01T23:30:00-02:00", "2024-07-02"],
  ])("returns the UTC date of %s for date", async (now, expected) => {
    await expect(runTagger(builtinTaggers.date!, fakeReplyContext({}, now).ctx)).resolves.toEqual([expected]);
  });

  it("falls back to tensorflow-cpu when pip does not know tensorflow", async () => {
    const { ctx, container } = fakeReplyContext({
      "pip show tensorflow": { stderr: "WARNING: Package(s) not found: tensorflow\n", exitCode: 1 },
      "pip show tensorflow-cpu": { stdout: pipShow("tensorflow-cpu", "2.16.1") },
    });
    await expect(builtinTaggers.tensorflow?.(ctx)).resolves.toBe("tensorflow-2.16.1");
    expect(container.calls).toEqual(["pip show tensorflow", "pip show tensorflow-cpu"]);
  });

  it("has every docker-stacks tagger and the extra ones, named as configs name them", () => {
    expect(Object.keys(builtinTaggers)).toEqual([
      "commit-sha", "date", "ubuntu-version", "python-major-minor", "python", "mamba", "conda", "jupyter-notebook",
      "jupyter-lab", "jupyter-hub", "r", "julia", "tensorflow", "pytorch", "spark", "java", "os-version", "node",
    ]);
    for (const [name, tagger] of Object.entries(builtinTaggers)) expect(tagger.name).toBe(name);
  });
});
