import { describe, expect, it } from "vitest";
import { BuildMessageReader } from "./build-messages.js";

const jsonLines = (...messages: object[]): string => messages.map((message) => `${JSON.stringify(message)}\r\n`).join("");

/** Feed `body` to a reader in chunks of `size` bytes and return its lines and outcome. */
function read(body: string | Buffer, size = Number.POSITIVE_INFINITY) {
  const lines: string[] = [];
  const reader = new BuildMessageReader((line) => lines.push(line));
  const bytes = Buffer.from(body);
  for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, Math.min(at + size, bytes.length)));
  return { lines, outcome: reader.end() };
}

const SUCCESS = jsonLines(
  { stream: "Step 1/2 : FROM imgs.localhost/busybox:latest" },
  { stream: "\n" },
  { stream: " ---> 5c758ecb093e\n" },
  { stream: "Step 2/2 : RUN echo hi && printf 'no newline'" },
  { stream: "\n" },
  { stream: " ---> Running in b86998559f83\n" },
  { stream: "hi\nno newline" },
  { stream: "Removing intermediate container b86998559f83\n" },
  { stream: " ---> afa84b761be8\n" },
  { aux: { ID: "sha256:afa84b761be8fb1658c6c8a6a1134b84f09336847f8f79b8ff4cfbd32fc8de0d" } },
  { stream: "Successfully built afa84b761be8\n" },
  { stream: "Successfully tagged imgs.localhost/a:1\n" },
);

const SUCCESS_LINES = [
  "Step 1/2 : FROM imgs.localhost/busybox:latest",
  " ---> 5c758ecb093e",
  "Step 2/2 : RUN echo hi && printf 'no newline'",
  " ---> Running in b86998559f83",
  "hi",
  // As `docker build` prints it: the engine's next message continues the unfinished line.
  "no newlineRemoving intermediate container b86998559f83",
  " ---> afa84b761be8",
  "Successfully built afa84b761be8",
  "Successfully tagged imgs.localhost/a:1",
];

describe("BuildMessageReader", () => {
  it.each([1, 7, 64, Number.POSITIVE_INFINITY])("joins messages and lines however the body is cut (chunks of %s bytes)", (size) => {
    const { lines, outcome } = read(SUCCESS, size);
    expect(lines).toEqual(SUCCESS_LINES);
    expect(outcome).toEqual({
      output: SUCCESS_LINES.join("\n"),
      imageId: "sha256:afa84b761be8fb1658c6c8a6a1134b84f09336847f8f79b8ff4cfbd32fc8de0d",
      builtId: "afa84b761be8",
      step: "Step 2/2 : RUN echo hi && printf 'no newline'",
      error: undefined,
      errorCode: undefined,
    });
  });

  it("reports the engine's error and the exit code of the failing step, dropping the red of stderr", () => {
    const { lines, outcome } = read(
      jsonLines(
        { stream: "Step 2/2 : RUN echo err >&2; exit 3" },
        { stream: "\n" },
        { stream: "\u001b[91merr\n\u001b[0m" },
        { errorDetail: { code: 3, message: "The command '/bin/sh -c echo err >&2; exit 3' returned a non-zero code: 3" }, error: "ignored" },
      ),
    );
    expect(lines).toEqual(["Step 2/2 : RUN echo err >&2; exit 3", "err"]);
    expect(outcome).toMatchObject({
      error: "The command '/bin/sh -c echo err >&2; exit 3' returned a non-zero code: 3",
      errorCode: 3,
      step: "Step 2/2 : RUN echo err >&2; exit 3",
      imageId: undefined,
    });
  });

  it("takes `error` when there is no errorDetail, and shows status messages and non-JSON text as lines", () => {
    const body = `${jsonLines({ status: "Pulling from x", id: "latest" }, { status: "Done" })}<html>bad gateway</html>\r\n${jsonLines({ error: "boom" })}`;
    const { lines, outcome } = read(body, 5);
    expect(lines).toEqual(["latest: Pulling from x", "Done", "<html>bad gateway</html>"]);
    expect(outcome).toMatchObject({ error: "boom", errorCode: undefined });
  });

  it("decodes UTF-8 split between chunks and flushes a last line without newline or separator", () => {
    const { lines } = read(`${jsonLines({ stream: "grüße ✓\r\n" })}{"stream":"tail"}`, 1);
    expect(lines).toEqual(["grüße ✓", "tail"]);
  });
});
